"""Crash-safe file writing, shared by the journal store and the exports."""

from __future__ import annotations

import contextlib
import errno
import os
import stat
from collections.abc import Callable
from pathlib import Path

from spinejournal.text import printable

PRIVATE_FILE = 0o600
PRIVATE_DIR = 0o700
# Temp files are created with O_EXCL, so a name left by another process is never reused or followed.
_CREATE_PRIVATE = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_CLOEXEC", 0)
_COPY_CHUNK = 1 << 20


class UnsafeTargetError(Exception):
    """A path names something writing must not replace (a link, a folder, a device). ``str()`` says what."""


def temp_name(path: Path) -> Path:
    """A unique temporary name beside ``path`` (same folder, so ``os.replace`` is atomic)."""
    return path.with_name(f".{path.name}.tmp-{os.getpid()}-{os.urandom(4).hex()}")


def fsync_dir(folder: Path) -> None:
    """Make a rename in ``folder`` durable."""
    fd = os.open(folder, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def describe_kind(mode: int) -> str:
    """What a file of ``mode`` (from ``os.lstat``) is, in words: "a symbolic link", "a folder", ..."""
    kinds = (
        (stat.S_ISLNK, "a symbolic link"),
        (stat.S_ISDIR, "a folder"),
        (stat.S_ISCHR, "a device"),
        (stat.S_ISBLK, "a device"),
        (stat.S_ISFIFO, "a named pipe"),
        (stat.S_ISSOCK, "a socket"),
    )
    return next((words for test, words in kinds if test(mode)), "not a regular file")


def check_export_target(path: Path) -> bool:
    """Whether writing ``path`` would replace a file: True for an existing regular file, False for none.

    Raises ``UnsafeTargetError`` when something else is there: a symbolic link (even to a regular
    file: replacing it would cut the link), a folder, a device or a pipe. Links are not followed.
    """
    try:
        mode = os.lstat(path).st_mode
    except FileNotFoundError:
        return False
    if stat.S_ISREG(mode):
        return True
    shown, what = printable(str(path), single_line=True), describe_kind(mode)
    if stat.S_ISLNK(mode):
        raise UnsafeTargetError(f"{shown} is {what}; exports are never written through one: name the file itself")
    raise UnsafeTargetError(f"{shown} is {what}, not a file; choose a file name")


def _refuse_non_regular(path: Path) -> None:
    # The last line of defence: a rename would replace a link, a device node or a pipe with a file.
    with contextlib.suppress(FileNotFoundError):
        mode = os.lstat(path).st_mode
        if not stat.S_ISREG(mode):
            raise FileExistsError(errno.EEXIST, f"is {describe_kind(mode)}, so it was not replaced", str(path))


def _write_all(fd: int, data: bytes | memoryview) -> None:
    view = memoryview(data)
    while view:
        view = view[os.write(fd, view) :]


def _install(tmp: Path, path: Path, fill: int) -> None:
    """Finish a temp file whose descriptor is ``fill``: fsync, close, rename over ``path``, fsync the folder.

    The temp file is removed if anything fails, and the descriptor is always closed.
    """
    try:
        try:
            os.fsync(fill)
        finally:
            os.close(fill)
        _refuse_non_regular(path)
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
    fsync_dir(path.parent)


def _create_private(tmp: Path, mode: int) -> int:
    fd = os.open(tmp, _CREATE_PRIVATE, mode)
    try:
        os.fchmod(fd, mode)  # the umask may have taken bits away; never adds any (mode is at most 0600)
    except BaseException:
        os.close(fd)
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
    return fd


def atomic_write_bytes(path: Path, data: bytes, mode: int = PRIVATE_FILE) -> None:
    """Write ``data`` to ``path`` so that readers see the old file or the new one, never a mix.

    Temp file in the same folder (created with ``mode`` at once, never wider), fsync, ``os.replace``,
    fsync the folder. Something at ``path`` that is not a regular file (a link, a device) is never
    replaced: ``FileExistsError``.
    """
    _write_atomically(path, mode, lambda fd: _write_all(fd, data))


def atomic_copy(source: Path, target: Path, mode: int = PRIVATE_FILE) -> None:
    """Copy ``source`` to ``target`` atomically, like :func:`atomic_write_bytes`, a chunk at a time."""
    src = os.open(source, os.O_RDONLY | getattr(os, "O_CLOEXEC", 0))

    def fill(fd: int) -> None:
        while chunk := os.read(src, _COPY_CHUNK):
            _write_all(fd, chunk)

    try:
        _write_atomically(target, mode, fill)
    finally:
        os.close(src)


def _write_atomically(path: Path, mode: int, fill: Callable[[int], None]) -> None:
    """A private temp file beside ``path``, filled by ``fill(fd)``, then installed over ``path``;
    the temp file is removed if anything fails."""
    tmp = temp_name(path)
    fd = _create_private(tmp, mode)
    try:
        fill(fd)
    except BaseException:
        os.close(fd)
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
    _install(tmp, path, fd)


def ensure_private_dir(folder: Path) -> None:
    """Create ``folder`` and any missing parents owner-only (0700 whatever the umask).

    Folders that already exist are left as they are.
    """
    missing: list[Path] = []
    for candidate in (folder, *folder.parents):
        if candidate.is_dir():
            break
        missing.append(candidate)
    for created in reversed(missing):
        with contextlib.suppress(FileExistsError):
            created.mkdir(mode=PRIVATE_DIR)
            # mkdir's mode is masked by the umask, which may take bits away; chmod sets exactly 0700.
            os.chmod(created, PRIVATE_DIR)
