"""Where it hurts, as a picture: a body outline in text cells, seen from behind, with the painful
parts lit. Plain Python (no Textual), so the layout is tested on its own and the widget only paints.

Seen from behind because every spine region the journal records (neck to sacrum) is at the back,
and because from behind the person's left is on the picture's left: nothing to mirror in one's head.

A lit cell is drawn ``LIT`` (a full block) and an unlit body cell ``UNLIT`` (a light shade), the spine
``SPINE`` while its band is unlit: the picture reads the same without colour. Radiating pain lights
its limb from the spine out to how far it reaches (thigh: buttock and thigh), so pain retreating
toward the spine shows as a shorter lit stripe.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from spinejournal.model import REGIONS, extents_for

LIT = "█"
UNLIT = "░"
SPINE = "┃"
LEGEND = f"from behind: {LIT} pain"

# Each letter is a cell of one body part (the codes below); other characters are drawn as they are.
# "L" and "R" on the first line, above the arms, are the person's left and right, not parts.
_TEMPLATE = (
    "   L   ╭───╮   R   ",
    "       ╰─┬─╯       ",
    "        NNN        ",
    "   111UUUUUUU555   ",
    "   22 UUUUUUU 66   ",
    "   22 MMMMMMM 66   ",
    "   33 KKKKKKK 77   ",
    "   33 KKKKKKK 77   ",
    "   44 aaaSeee 88   ",
    "      bbb fff      ",
    "      bbb fff      ",
    "      ccc ggg      ",
    "      ccc ggg      ",
    "     ddd   hhh     ",
)
WIDTH = len(_TEMPLATE[0])
HEIGHT = len(_TEMPLATE) + 1  # the legend goes below the body
_SPINE_COLUMN = WIDTH // 2

# What each letter stands for: a spine region, or a limb segment as (limb, extent).
_REGION_CODES = {"N": "neck", "U": "upper_back", "M": "mid_back", "K": "lower_back", "S": "buttock_sacrum"}
_LIMB_CODES = {
    "left_arm": "1234",
    "right_arm": "5678",
    "left_leg": "abcd",
    "right_leg": "efgh",
}
# The buttocks are both a leg's first segment and part of the "buttock / sacrum" region.
_ALSO_REGION = {"a": "buttock_sacrum", "e": "buttock_sacrum"}


@dataclass(frozen=True, slots=True)
class Outline:
    """The picture: ``lines`` to draw, and the (row, column) cells that are body and that are lit."""

    lines: tuple[str, ...]
    body: frozenset[tuple[int, int]]
    lit: frozenset[tuple[int, int]]


def _parts_of(code: str) -> set[str]:
    """The part names a template letter belongs to: "region:<id>" or "<limb>:<extent>"."""
    parts: set[str] = set()
    if code in _REGION_CODES:
        parts.add(f"region:{_REGION_CODES[code]}")
    if code in _ALSO_REGION:
        parts.add(f"region:{_ALSO_REGION[code]}")
    for limb, codes in _LIMB_CODES.items():
        if code in codes:
            parts.add(f"{limb}:{list(extents_for(limb))[codes.index(code)]}")
    return parts


def lit_parts(regions: Iterable[str], reach: Mapping[str, str | None]) -> frozenset[str]:
    """The parts that light up: each region ticked, and each limb's segments out to its reach.

    Raises ``ValueError`` for a region, limb or extent the journal does not know.
    """
    parts = set()
    for region in regions:
        if region not in REGIONS:
            raise ValueError(f"unknown region {region!r}")
        parts.add(f"region:{region}")
    for limb, extent in reach.items():
        if limb not in _LIMB_CODES:
            raise ValueError(f"unknown limb {limb!r}")
        if extent is None:
            continue
        extents = list(extents_for(limb))
        if extent not in extents:
            raise ValueError(f"unknown extent {extent!r} for {limb}")
        parts.update(f"{limb}:{e}" for e in extents[: extents.index(extent) + 1])
    return frozenset(parts)


def draw(regions: Iterable[str] = (), reach: Mapping[str, str | None] | None = None) -> Outline:
    """The outline with ``regions`` (spine region ids) and ``reach`` (limb id -> extent id or None) lit."""
    on = lit_parts(regions, reach or {})
    lines: list[str] = []
    body: set[tuple[int, int]] = set()
    lit: set[tuple[int, int]] = set()
    for row, template in enumerate(_TEMPLATE):
        cells = []
        for column, code in enumerate(template):
            parts = _parts_of(code)
            if not parts:
                cells.append(code)
                continue
            body.add((row, column))
            if parts & on:
                lit.add((row, column))
                cells.append(LIT)
            else:
                spine = column == _SPINE_COLUMN and code in _REGION_CODES
                cells.append(SPINE if spine else UNLIT)
        lines.append("".join(cells))
    lines.append(LEGEND.center(WIDTH).rstrip().ljust(WIDTH))
    return Outline(tuple(lines), frozenset(body), frozenset(lit))
