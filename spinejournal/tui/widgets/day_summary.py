"""A few lines about one day, for the History screen: pain, where, treatments, exercises, sleep,
mood, medications, notes."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from textual.content import Content
from textual.widgets import Static

from spinejournal import clock
from spinejournal.clinical import RED_FLAGS_BY_ID, URGENCY_TITLE, most_urgent
from spinejournal.model import LIMBS, REGIONS, THERAPY_KINDS, Day, Exercise, Medication, extents_for
from spinejournal.text import printable, shorten
from spinejournal.tui.forms import human_date


def _pain_line(day: Day) -> str:
    extra = [
        f"{label} {value}"
        for label, value in (("now", day.pain_now), ("worst", day.pain_worst), ("least", day.pain_least))
        if value is not None
    ]
    if day.pain_limb is not None:
        extra.append(f"arm/leg {day.pain_limb}")
    return " · ".join([day.pain_words.capitalize(), *extra])


def _where_line(day: Day) -> str | None:
    where = [REGIONS[r] for r in day.regions]
    where += [f"{LIMBS[r.limb].lower()} to the {extents_for(r.limb)[r.extent].lower()}" for r in day.radiating]
    return "Where: " + ", ".join(where) if where else None


def _therapy_line(day: Day) -> str | None:
    parts = []
    for s in day.sessions:
        relief = f" ({s.pain_before}→{s.pain_after})" if s.relief is not None else ""
        parts.append(f"{THERAPY_KINDS[s.kind]} {s.minutes} min{relief}")
    return " · ".join(parts) if parts else None


def _exercise_line(day: Day, plan: Sequence[Exercise]) -> str | None:
    if not day.exercises:
        return None
    done = sum(log.credit for log in day.exercises)
    names = {e.id: e.name for e in plan}
    missed = [
        printable(names.get(log.exercise_id, "?"), single_line=True) for log in day.exercises if log.status == "skipped"
    ]
    line = f"Exercises {done:g} of {len(day.exercises)} done"
    after = "" if day.pain_after_exercises is None else f"; pain after {day.pain_after_exercises}/10"
    return line + after + (f"; skipped: {', '.join(missed)}" if missed else "")


def _mobility_line(day: Day) -> str | None:
    m = day.mobility
    parts = [
        f"{label} {value}"
        for label, value in (("walk", m.walk), ("sit", m.sit), ("stand", m.stand), ("stiff", m.stiffness))
        if value is not None
    ]
    return "Minutes: " + " · ".join(parts) if parts else None


def _sleep_mood_line(day: Day) -> str | None:
    parts = []
    if day.sleep_hours is not None:
        parts.append(f"slept {day.sleep_hours:g} h")
    if day.sleep_quality is not None:
        parts.append(f"sleep quality {day.sleep_quality}/10")
    if day.mood is not None:
        parts.append(f"mood {day.mood}/10")
    return ("; ".join(parts)).capitalize() if parts else None


def _medication_line(day: Day, medications: Sequence[Medication]) -> str | None:
    if not day.medications:
        return None
    names = {m.id: m.name for m in medications}
    parts = []
    for taken in day.medications:
        # Medication names are the person's own words: printable, never markup (Content below).
        name = printable(names.get(taken.medication_id, "?"), single_line=True)
        parts.append(f"{name} ×{taken.doses}" if taken.doses is not None else name)
    return "Medications: " + ", ".join(parts)


class DaySummary(Static):
    """Shows one day (or that it was not logged), with the person's notes as plain text."""

    DEFAULT_CSS = """
    DaySummary {
        width: 1fr;
        height: 100%;
        padding: 0 1;
        background: $surface;
    }
    """

    def show(
        self,
        on: date,
        day: Day | None,
        plan: Sequence[Exercise],
        *,
        read_only: bool = False,
        medications: Sequence[Medication] = (),
    ) -> None:
        """Show ``day`` (None: not logged); ``plan`` and ``medications`` name what it refers to."""
        lines: list[Content] = [Content.styled(human_date(on), "bold")]
        if on > clock.today():
            lines.append(Content.styled("In the future.", "dim"))
        elif day is None:
            lines.append(Content.styled("Not logged.", "dim"))
            if not read_only:
                lines.append(Content.styled("Enter logs it now.", "dim"))
        else:
            level = most_urgent(day.red_flags)
            if level is not None:
                flags = ", ".join(RED_FLAGS_BY_ID[f].label.lower() for f in day.red_flags)
                lines.append(Content.styled(shorten(f"⚠ {URGENCY_TITLE[level]}: {flags}", 120), "bold $text-error"))
            lines.append(Content(_pain_line(day)))
            for line in (
                _where_line(day),
                _therapy_line(day),
                _exercise_line(day, plan),
                _mobility_line(day),
                _sleep_mood_line(day),
                _medication_line(day, medications),
            ):
                if line:
                    lines.append(Content(line))
            for label, text in (("Notes", day.notes), ("Ask", day.questions)):
                if text:
                    # The person's own words: plain Content with control characters made visible.
                    lines.append(
                        Content.assemble((f"{label}: ", "bold"), shorten(printable(text, single_line=True), 160))
                    )
            lines.append(Content.styled("Enter opens this day." if read_only else "Enter opens it to edit.", "dim"))
        self.update(Content("\n").join(lines))
