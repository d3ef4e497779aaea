"""The building blocks of the therapist summary: a few format-neutral block types and how a missing or
cut figure is written. ``summary`` (and its sections) make them; each format module lays them out."""

from __future__ import annotations

from dataclasses import dataclass

from spinejournal.insights import shown

# Shown where a figure is missing (too few days); every format uses the same mark.
NONE = "-"


# -- blocks ------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Paragraph:
    """A sentence or two; ``strong`` for the one line a reader must not miss."""

    text: str
    strong: bool = False


@dataclass(frozen=True, slots=True)
class Bullets:
    """A short list of plain lines."""

    items: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Table:
    """A small table; ``numeric`` marks right-aligned columns, ``total`` a last row that sums the others."""

    columns: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    numeric: tuple[bool, ...]
    total: bool = False


@dataclass(frozen=True, slots=True)
class Entries:
    """The person's own words, each with its date label (questions, notes)."""

    items: tuple[tuple[str, str], ...]


@dataclass(frozen=True, slots=True)
class Chart:
    """A chart of ``kind`` drawn by each format from ``Summary.insights``: "pain" (daily pain, its 7-day
    mean, limb pain and care events), "adherence" (per week) or "mobility" (tolerances)."""

    kind: str
    caption: str


Block = Paragraph | Bullets | Table | Entries | Chart


@dataclass(frozen=True, slots=True)
class Section:
    """A titled part of the summary; ``alert`` for the red flags, shown first and prominently;
    ``detail`` for the tables that follow the one-page dashboard (on a new page when printed)."""

    title: str
    blocks: tuple[Block, ...]
    alert: bool = False
    detail: bool = False


# -- formatting (never computing) ----------------------------------------------------------------


def one_decimal(value: float | None) -> str:
    """A mean shown with one decimal, or the 'missing' mark."""
    return NONE if value is None else f"{value:.1f}"


def percent(value: float | None) -> str:
    """A percentage cut towards zero, so 69.6 % never reads as reaching a 70 % threshold."""
    return NONE if value is None else f"{shown(value)} %"
