"""The therapist summary's sections for day model v2: care events, PEG-3 and PGIC, medications, and
sleep and mood. Like ``summary``, nothing here computes a figure: each is read from the insights."""

from __future__ import annotations

from spinejournal.clinical import WEEK_MIN_DAYS
from spinejournal.insights import (
    Insights,
    WeekValue,
    event_line,
    medication_change_line,
    scheduled_line,
    went_together_sentence,
)
from spinejournal.reports.summary_blocks import NONE, Block, Bullets, Paragraph, Section, Table, one_decimal


def _week(ins: Insights, week: WeekValue | None, decimals: int = 1) -> str:
    """'6.2 (2 Mar to 8 Mar)', or the missing mark."""
    if week is None or week.value is None:
        return NONE
    rng = ins.range
    return f"{week.value:.{decimals}f} ({rng.day_label(week.start)} to {rng.day_label(week.end)})"


def care_events(ins: Insights) -> Section | None:
    """Events in the period, and the week after surgery when there was one before the period's end."""
    ev = ins.events
    if not ev.has_data:
        return None
    blocks: list[Block] = []
    if ev.surgery is not None and ev.week_after_surgery is not None:
        blocks.append(Paragraph(ev.sentences[0]))
    if ev.events:
        blocks.append(Bullets(tuple(event_line(ins.range, e) for e in ev.events)))
    return Section("Care events", tuple(blocks))


def standard_measures(ins: Insights) -> Section | None:
    """The PEG-3 change and the latest PGIC, when the period has them."""
    blocks: list[Block] = []
    if ins.peg is not None:
        blocks.append(Paragraph(ins.peg.sentence, strong=ins.peg.important))
    if ins.pgic is not None:
        blocks.append(Paragraph(ins.pgic.sentence))
    if not blocks:
        return None
    return Section("PEG-3 and impression of change", tuple(blocks))


def medications(ins: Insights) -> Section | None:
    """Changes of the list in the period, as-needed doses per whole week (first vs latest), scheduled use."""
    meds, rng = ins.medications, ins.range
    if not meds.has_data:
        return None
    blocks: list[Block] = []
    if meds.changes:
        blocks.append(Bullets(tuple(medication_change_line(rng, c) for c in meds.changes)))
    else:
        blocks.append(Paragraph("No medication changes in this period."))
    if meds.as_needed:
        blocks.append(
            Table(
                ("As needed", "Doses in the period", "First whole week", "Latest week"),
                tuple(
                    (u.name, str(u.doses), _week(ins, u.first_week, 0), _week(ins, u.latest_week, 0))
                    for u in meds.as_needed
                ),
                (False, True, True, True),
            )
        )
        if any(u.first_week is None or u.latest_week is None for u in meds.as_needed):
            blocks.append(
                Paragraph(f"No figure ({NONE}) without two whole weeks with at least {WEEK_MIN_DAYS} logged days.")
            )
    blocks.extend(Paragraph(scheduled_line(u)) for u in meds.scheduled)
    return Section("Medications", tuple(blocks))


def sleep_mood(ins: Insights) -> Section | None:
    """Sleep hours, sleep quality and mood: mean with n, first vs latest whole week; then what went
    together with pain when each group has enough days."""
    sm = ins.sleep_mood
    if not sm.has_data:
        return None
    measures = [m for m in (sm.hours, sm.quality, sm.mood) if m.n]
    units = {"sleep_hours": "hours a night", "sleep_quality": "0-10, 10 very good", "mood": "0-10, 10 very good"}
    blocks: list[Block] = [
        Table(
            ("Measure", "Mean", "n", "First whole week", "Latest week"),
            tuple(
                (
                    f"{m.label} ({units[m.key]})",
                    one_decimal(m.mean),
                    str(m.n),
                    _week(ins, m.first_week),
                    _week(ins, m.latest_week),
                )
                for m in measures
            ),
            (False, True, True, True, True),
        )
    ]
    if any(m.first_week is None or m.latest_week is None for m in measures):
        blocks.append(Paragraph(f"No figure ({NONE}) without two whole weeks with at least {WEEK_MIN_DAYS} values."))
    pairs = ((sm.poor_sleep, sm.good_sleep), (sm.low_mood, sm.good_mood))
    blocks.extend(Paragraph(line) for low, high in pairs if (line := went_together_sentence(low, high)))
    return Section("Sleep and mood", tuple(blocks))
