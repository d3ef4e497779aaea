"""spinejournal uses only the public names of its dependencies and of the standard library.

A private name (``argparse._SubParsersAction``, Textual's ``_bindings_ready``) can change or vanish
in any release without notice, and did: Python 3.13.0 broke the command line. The checker reads every
module with ``ast`` and follows, within each function, which names hold a module or an object that
came from a dependency (imported, built by calling one, read off one, or annotated as one's type);
``self`` and ``cls`` count as such only for the attributes a dependency's base class defines.
"""

from __future__ import annotations

import ast
import functools
import importlib
import inspect
import re
import sys
from collections import Counter
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "spinejournal"

DEPENDENCIES = frozenset({"argparse", "textual", "tinydb", "plotext", "platformdirs", "rich", "orjson"})
FOREIGN = DEPENDENCIES | frozenset(sys.stdlib_module_names)

# Known private names, by file, while they are being replaced: none are left.
ALLOWED: Counter[tuple[str, str]] = Counter()


def is_private(name: str) -> bool:
    """``_x`` is private; ``__x__`` (a dunder such as ``__name__``) is not."""
    return name.startswith("_") and not (name.startswith("__") and name.endswith("__"))


def is_foreign_module(dotted: str | None) -> bool:
    """Whether a dotted module name belongs to a dependency or to the standard library."""
    return dotted is not None and dotted.split(".")[0] in FOREIGN


@functools.cache
def module_source(module: str) -> str:
    """The source of a dependency's module, where its classes set their instance attributes."""
    try:
        return Path(inspect.getfile(sys.modules[module])).read_text(encoding="utf-8")
    except (KeyError, TypeError, OSError):
        return ""


def is_foreign_class(cls: type) -> bool:
    """Whether a class is defined by a dependency or by the standard library (``object`` aside)."""
    return cls is not object and is_foreign_module(cls.__module__)


@functools.cache
def defines(base: type, name: str) -> bool:
    """Whether a foreign class that ``base`` is or inherits from has ``name``, on it or its instances."""
    return any(
        name in vars(cls) or re.search(rf"\bself\.{re.escape(name)}\b", module_source(cls.__module__))
        for cls in base.__mro__
        if is_foreign_class(cls)
    )


class PrivateNames(ast.NodeVisitor):
    """Collects ``(dotted name, line)`` for every private name of a foreign module or object."""

    def __init__(self) -> None:
        self.found: list[tuple[str, int]] = []
        self.scopes: list[set[str]] = [set()]  # names that hold something foreign, innermost last
        self.bases: list[list[type]] = []  # the bases (with a foreign ancestor) of each enclosing class
        self.sources: dict[str, tuple[str, str | None]] = {}  # imported name -> (module, attribute)
        self.classes: dict[str, list[type]] = {}  # a class defined in this module -> its bases above

    def check(self, source: str) -> list[tuple[str, int]]:
        """The private foreign names used in ``source``, with their line numbers."""
        self.visit(ast.parse(source))
        return self.found

    # What holds a foreign thing -----------------------------------------------------------------

    def foreign(self, node: ast.expr) -> bool:
        """True when ``node`` evaluates to a foreign module or an object obtained from one."""
        if isinstance(node, ast.Name):
            return any(node.id in scope for scope in self.scopes)
        if isinstance(node, ast.Attribute):
            if self.is_self(node.value):
                return not is_private(node.attr) and bool(self.bases and self.bases[-1])
            return self.foreign(node.value)
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "super":
            return bool(self.bases and self.bases[-1])
        if isinstance(node, ast.Call | ast.Subscript | ast.Await):
            return self.foreign(node.func if isinstance(node, ast.Call) else node.value)
        return False

    @staticmethod
    def is_self(node: ast.expr) -> bool:
        return isinstance(node, ast.Name) and node.id in {"self", "cls"}

    def bind(self, target: ast.expr) -> None:
        for name in ast.walk(target):
            if isinstance(name, ast.Name):
                self.scopes[-1].add(name.id)

    def annotation_is_foreign(self, annotation: ast.expr) -> bool:
        if isinstance(annotation, ast.Constant) and isinstance(annotation.value, str):
            try:
                annotation = ast.parse(annotation.value, mode="eval").body
            except SyntaxError:
                return False
        if isinstance(annotation, ast.BinOp):  # X | None
            return self.annotation_is_foreign(annotation.left) or self.annotation_is_foreign(annotation.right)
        return self.foreign(annotation)

    def resolve(self, node: ast.expr) -> list[type]:
        """The imported classes a base-class expression stands for that inherit from a foreign class."""
        if isinstance(node, ast.Subscript):
            node = node.value
        attrs: list[str] = []
        while isinstance(node, ast.Attribute):
            attrs.insert(0, node.attr)
            node = node.value
        if not isinstance(node, ast.Name):
            return []
        if not attrs and node.id in self.classes:
            return self.classes[node.id]
        if node.id not in self.sources:
            return []
        module, name = self.sources[node.id]
        try:
            value: object = importlib.import_module(module)
            for attr in [name, *attrs] if name else attrs:
                value = getattr(value, attr)
        except (ImportError, AttributeError):
            return []
        return [value] if isinstance(value, type) and any(map(is_foreign_class, value.__mro__)) else []

    # Imports -----------------------------------------------------------------------------------

    def visit_Import(self, node: ast.Import) -> None:
        for alias in node.names:
            bound = alias.asname or alias.name.split(".")[0]
            self.sources[bound] = (alias.name if alias.asname else bound, None)
            if not is_foreign_module(alias.name):
                continue
            if any(is_private(part) for part in alias.name.split(".")):
                self.found.append((alias.name, node.lineno))
            self.scopes[-1].add(bound)

    def visit_ImportFrom(self, node: ast.ImportFrom) -> None:
        module = node.module or ""
        if node.level or module == "__future__":
            return
        for alias in node.names:
            self.sources[alias.asname or alias.name] = (module, alias.name)
        if not is_foreign_module(module):
            return
        if any(is_private(part) for part in module.split(".")):
            self.found.append((module, node.lineno))
        for alias in node.names:
            if is_private(alias.name):
                self.found.append((f"{module}.{alias.name}", node.lineno))
            self.scopes[-1].add(alias.asname or alias.name)

    # Scopes ------------------------------------------------------------------------------------

    def visit_ClassDef(self, node: ast.ClassDef) -> None:
        for expr in [*node.decorator_list, *node.bases, *node.keywords]:
            self.visit(expr)
        bases = [cls for base in node.bases for cls in self.resolve(base)]
        self.classes[node.name] = bases
        self.bases.append(bases)
        self.scopes.append(set())
        for statement in node.body:
            self.visit(statement)
        self.scopes.pop()
        self.bases.pop()

    def visit_FunctionDef(self, node: ast.FunctionDef | ast.AsyncFunctionDef) -> None:
        for decorator in node.decorator_list:
            self.visit(decorator)
        self.scopes.append(set())
        arguments = node.args
        for arg in [*arguments.posonlyargs, *arguments.args, *arguments.kwonlyargs]:
            if arg.annotation is not None and self.annotation_is_foreign(arg.annotation):
                self.scopes[-1].add(arg.arg)
        for statement in node.body:
            self.visit(statement)
        self.scopes.pop()

    visit_AsyncFunctionDef = visit_FunctionDef

    # Uses --------------------------------------------------------------------------------------

    def visit_Assign(self, node: ast.Assign) -> None:
        self.generic_visit(node)
        if self.foreign(node.value):
            for target in node.targets:
                self.bind(target)

    def visit_AnnAssign(self, node: ast.AnnAssign) -> None:
        self.generic_visit(node)
        if (node.value is not None and self.foreign(node.value)) or self.annotation_is_foreign(node.annotation):
            self.bind(node.target)

    def visit_For(self, node: ast.For | ast.AsyncFor) -> None:
        if self.foreign(node.iter):
            self.bind(node.target)
        self.generic_visit(node)

    visit_AsyncFor = visit_For

    def visit_withitem(self, node: ast.withitem) -> None:
        if node.optional_vars is not None and self.foreign(node.context_expr):
            self.bind(node.optional_vars)
        self.generic_visit(node)

    def visit_NamedExpr(self, node: ast.NamedExpr) -> None:
        self.generic_visit(node)
        if self.foreign(node.value):
            self.bind(node.target)

    def visit_Attribute(self, node: ast.Attribute) -> None:
        if is_private(node.attr):
            if self.is_self(node.value):
                if any(defines(base, node.attr) for base in (self.bases[-1] if self.bases else [])):
                    self.found.append((f"{ast.unparse(node.value)}.{node.attr}", node.lineno))
            elif self.foreign(node.value):
                self.found.append((ast.unparse(node), node.lineno))
        self.generic_visit(node)


def private_names_in_package() -> list[tuple[str, str, int]]:
    """Every private foreign name in ``spinejournal/``, as (file, name, line)."""
    return [
        (path.relative_to(PACKAGE).as_posix(), name, line)
        for path in sorted(PACKAGE.rglob("*.py"))
        for name, line in PrivateNames().check(path.read_text(encoding="utf-8"))
    ]


def test_spinejournal_names_no_private_attribute_of_a_dependency() -> None:
    found = private_names_in_package()
    new = Counter((file, name) for file, name, _ in found) - ALLOWED
    where = [f"spinejournal/{file}:{line}: {name}" for file, name, line in found if (file, name) in new]
    assert not new, "private names of a dependency or the standard library:\n" + "\n".join(where)


def test_the_allowlist_holds_only_names_still_in_use() -> None:
    # An entry no longer needed must go, so the list cannot hide a new use later.
    stale = ALLOWED - Counter((file, name) for file, name, _ in private_names_in_package())
    assert not stale, f"no longer used, remove from ALLOWED: {sorted(stale)}"


def names(source: str) -> list[str]:
    return [name for name, _ in PrivateNames().check(source)]


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("import argparse\nargparse._SubParsersAction", ["argparse._SubParsersAction"]),
        ("import os.path as p\np._joinrealpath", ["p._joinrealpath"]),
        ("from typing import _GenericAlias", ["typing._GenericAlias"]),
        ("from textual._context import active_app", ["textual._context"]),
        ("import textual._context", ["textual._context"]),
        # An object made by, read off or annotated as a dependency's is the dependency's too.
        ("import argparse\ndef f():\n    p = argparse.ArgumentParser()\n    p._actions", ["p._actions"]),
        ("from rich.text import Text\ndef f(t: Text | None):\n    t._spans", ["t._spans"]),
        (
            "from textual.app import App\ndef f(app: 'App[None]'):\n    app.screen._compositor",
            ["app.screen._compositor"],
        ),
        # A subclass reaching into what its dependency's base class keeps private.
        (
            "from textual.widgets import Footer\nclass F(Footer):\n"
            "    def g(self):\n        self._bindings_ready = True",
            ["self._bindings_ready"],
        ),
        (
            "import argparse\nclass P(argparse.ArgumentParser):\n    def g(self):\n        self._optionals",
            ["self._optionals"],
        ),
        (
            "import argparse\nclass H(argparse.HelpFormatter):\n    def g(self, a):\n        super()._format_action(a)",
            ["super()._format_action"],
        ),
        (
            "from textual.widget import Widget\nclass W(Widget):\n    def g(self):\n        self.app._driver",
            ["self.app._driver"],
        ),
        (
            "from textual.widgets import Footer\nclass F(Footer):\n    pass\n"
            "class G(F):\n    def g(self):\n        self._bindings_ready = True",
            ["self._bindings_ready"],
        ),
        (
            "from spinejournal.tui.widgets.key_bar import KeyBar\nclass K(KeyBar):\n    def g(self):\n"
            "        self._nodes",
            ["self._nodes"],
        ),
    ],
)
def test_the_checker_finds_a_private_name(source: str, expected: list[str]) -> None:
    assert names(source) == expected


@pytest.mark.parametrize(
    "source",
    [
        "import argparse\nargparse.ArgumentParser\nargparse.__name__",
        "from __future__ import annotations",
        "from spinejournal.text import _internal",  # our own private names are ours to use
        "from textual.widget import Widget\nclass W(Widget):\n    def g(self):\n        self._keys = []",
        "from spinejournal.tui.widgets.key_bar import KeyBar\nclass K(KeyBar):\n    def g(self):\n        self._keys",
        "class Mine:\n    def g(self):\n        self._cache",
        "import argparse\ndef f(p: 'Mine'):\n    p._x",
    ],
)
def test_the_checker_leaves_public_and_own_names_alone(source: str) -> None:
    assert names(source) == []
