"""The therapist summary: one page, format-neutral, built only from the insights.

``build_summary(data, rng)`` turns :func:`spinejournal.insights.compute` into a ``Summary`` laid out as a
one-page clinical dashboard, in the order a therapist reads at a follow-up: a header (who, period, days
logged and not recorded), the red flags (dated, in the therapist's voice), the patient's questions, the
headline figures, small charts (pain with limb pain and care events, weekly adherence, mobility), then
the notes, cut to fit. The detail tables (weekly pain, per-exercise adherence, treatments, medications,
sleep, PSFS per occasion) follow as ``detail`` sections only when asked for, by default for the whole
journal (``--range all``), where they start on a new page: the app and the CSV hold the detail.

Sections are made of a few block types (paragraphs, lists, tables, dated entries, charts). The Markdown
and HTML modules only lay these blocks out, so every format (and the TUI preview) shows the same figures
in the same words.

Nothing here computes a figure: every number is read from the ``Insights`` tree and only formatted.
Text is kept exactly as the person typed it; each renderer escapes it for its own format.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date

from spinejournal import clock
from spinejournal.clinical import (
    ADHERENT_PERCENT,
    FLARE_POINTS,
    HEAT_ICE_WARN_MINUTES,
    MCID_PERCENT,
    MCID_POINTS,
    MIN_N,
    RED_FLAG_NOTE,
    URGENCY_TITLE,
    WEEK_MIN_DAYS,
    Urgency,
)
from spinejournal.insights import (
    DateRange,
    Insights,
    compute,
    headline_lines,
    red_flag_lines,
    short_date,
    shown,
)
from spinejournal.model import HEAT_ICE_KINDS, SKIP_REASONS, THERAPY_KINDS, JournalData
from spinejournal.reports import summary_care
from spinejournal.reports.summary_blocks import (
    NONE,
    Block,
    Bullets,
    Chart,
    Entries,
    Paragraph,
    Section,
    Table,
    one_decimal,
    percent,
)

__all__ = [
    "DISCLAIMER",
    "MAX_NOTES",
    "MAX_NOTE_CHARS",
    "MAX_WEEKS",
    "NONE",
    "TITLE",
    "Block",
    "Bullets",
    "Chart",
    "Entries",
    "Paragraph",
    "Section",
    "Summary",
    "Table",
    "build_summary",
    "one_decimal",
    "percent",
]

TITLE = "Physical therapy summary"
DISCLAIMER = "Self-reported by the patient in a daily journal (spinejournal); not a diagnosis."
# At most this many notes are shown, each cut to MAX_NOTE_CHARS, so the page stays one page; the app
# and the full journal export have them all.
MAX_NOTES = 3
MAX_NOTE_CHARS = 240
# The weekly pain table lists at most the latest this-many weeks, so a long range still fits a page.
MAX_WEEKS = 13


@dataclass(frozen=True, slots=True)
class Summary:
    """Everything a format needs to lay out one summary."""

    title: str
    patient: str
    range: DateRange
    days_logged: int
    prepared: date
    sections: tuple[Section, ...]
    insights: Insights = field(repr=False)
    # (date, 0-10 limb pain) of each day of the range that has one, for the pain chart.
    limb_series: tuple[tuple[date, int], ...] = field(default=(), repr=False)

    @property
    def subtitle(self) -> str:
        """'Since the visit on 8 Mar 2026: 8 Mar to 15 Mar 2026, 6 of 8 days logged (2 not recorded)'."""
        rng = self.range
        dates = f"{short_date(rng.start, year=True)} to {short_date(rng.end, year=True)}"
        # A custom range's label is its dates already.
        period = dates if rng.key == "custom" else f"{rng.label}: {dates}"
        unrecorded = rng.days - self.days_logged
        missing = f" ({unrecorded} not recorded)" if unrecorded else ""
        return f"{period}, {self.days_logged} of {rng.days} days logged{missing}"

    @property
    def has_red_flags(self) -> bool:
        return any(s.alert for s in self.sections)


# -- formatting (never computing) ----------------------------------------------------------------


def _sessions(value: float) -> str:
    """Scheduled sessions can be fractional (5 x/week over 3 days is 2.1); whole ones show whole."""
    return f"{value:.0f}" if abs(value - round(value)) < 1e-9 else f"{value:.1f}"


def _span(rng: DateRange, start: date, end: date) -> str:
    """'2 Mar to 8 Mar', or just '8 Mar' for a one-day span."""
    return rng.day_label(start) if start == end else f"{rng.day_label(start)} to {rng.day_label(end)}"


def _plural(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


# -- sections ------------------------------------------------------------------------------------


def _red_flags(data: JournalData, ins: Insights) -> Section | None:
    """Each day with red flags, dated, in the therapist's voice (the patient's advice is not for them)."""
    if not ins.red_flag_days:
        return None
    urgent = sum(1 for d in ins.red_flag_days if d.urgency == Urgency.EMERGENCY)
    lead = f"{_plural(len(ins.red_flag_days), 'day')} with urgent symptoms in this period"
    if urgent:
        lead += f", {urgent} of them {URGENCY_TITLE[Urgency.EMERGENCY].lower()}"
    lines = tuple(line[:1].upper() + line[1:] + "." for line in red_flag_lines(data, ins.range))
    return Section(
        "Urgent symptoms reported",
        (Paragraph(lead + ".", strong=True), Bullets(lines), Paragraph(RED_FLAG_NOTE)),
        alert=True,
    )


def _headline(ins: Insights) -> Section:
    """The figures a therapist asks for first, one line each (``headline_lines``), without its
    days-recorded line (in the header) and its red flag lines (in the box above)."""
    return Section("Headline figures", (Bullets(headline_lines(ins)[1 + len(ins.red_flag_days) :]),))


def _charts(ins: Insights) -> Section:
    """Small charts under the figures: pain (with limb pain and care events), weekly adherence, mobility."""
    blocks: list[Block] = [Chart("pain", "Daily average pain (dots) and its 7-day mean (line), 0-10")]
    if ins.adherence.weeks and ins.adherence.percent is not None:
        blocks.append(Chart("adherence", "Home exercises done per week, % of planned"))
    if any(t.n for t in ins.mobility.trends):
        blocks.append(Chart("mobility", "Mobility: tolerances and morning stiffness, minutes"))
    return Section("Charts", tuple(blocks))


def _pain(ins: Insights) -> Section:
    rng, pain, change = ins.range, ins.pain, ins.pain.change
    blocks: list[Block] = []
    if change.direction == "unknown" or change.latest_week is None or change.baseline is None:
        blocks.append(Paragraph(change.sentence))
    else:
        base, week = pain.baseline, change.latest_week
        assert base is not None  # a known change always has its baseline
        moved = {"better": "down", "worse": "up", "same": "unchanged"}[change.direction]
        size = "" if change.direction == "same" else f" {shown(abs(change.points or 0), 1)} points"
        if change.direction != "same" and change.percent is not None:
            size += f" ({percent(abs(change.percent))})"
        verdict = (
            "a clinically important change"
            if change.important
            else f"below the {MCID_POINTS:.0f} points or {MCID_PERCENT:.0f} % of a clinically important change"
        )
        blocks.append(
            Paragraph(
                f"Average pain in the latest week {one_decimal(change.latest)}/10 ({rng.day_label(week.start)} to "
                f"{rng.day_label(week.end)}) against a baseline of {one_decimal(change.baseline)}/10 "
                f"({base.what}, {base.span(rng)}): "
                f"{moved}{size}, {verdict}.",
                strong=change.important,
            )
        )
    if pain.mean is not None:
        blocks.append(Paragraph(f"Mean daily average pain over the period: {one_decimal(pain.mean)}/10."))
    recent_weeks = pain.weeks[-MAX_WEEKS:]
    blocks.append(
        Table(
            ("Week", "Days logged", "Mean pain (0-10)"),
            tuple((_span(rng, w.start, w.end), str(w.n), one_decimal(w.mean)) for w in recent_weeks),
            (False, True, True),
        )
    )
    if len(pain.weeks) > len(recent_weeks):
        blocks.append(
            Paragraph(f"The latest {len(recent_weeks)} of {len(pain.weeks)} weeks; the pain chart shows them all.")
        )
    if any(w.mean is None for w in recent_weeks):
        blocks.append(Paragraph(f"No mean ({NONE}) for a week with fewer than {WEEK_MIN_DAYS} days logged."))
    return Section("Pain", tuple(blocks))


def _days(ins: Insights) -> Section | None:
    rng, pain = ins.range, ins.pain
    if not pain.series:
        return None
    items = [
        "Best days: " + ", ".join(f"{rng.day_label(p.date)} ({p.pain})" for p in pain.best_days),
        "Worst days: " + ", ".join(f"{rng.day_label(p.date)} ({p.pain})" for p in pain.worst_days),
    ]
    if pain.flares:
        items.append(
            f"Flares (pain {FLARE_POINTS:.0f} or more points above the week before): "
            + ", ".join(
                f"{rng.day_label(f.date)} ({f.pain}, week before {one_decimal(f.trailing_mean)})" for f in pain.flares
            )
        )
    else:
        items.append(f"No flares (a day {FLARE_POINTS:.0f} or more points above the week before).")
    return Section("Best and worst days", (Bullets(tuple(items)),))


def _exercises(ins: Insights) -> Section:
    adh = ins.adherence
    if adh.percent is None and not adh.exercises:
        return Section("Home exercises", (Paragraph(adh.sentence),))
    rows = tuple(
        (
            ex.name,
            ex.dose,
            _sessions(ex.scheduled),
            str(ex.done),
            str(ex.partial),
            str(ex.skipped),
            percent(ex.percent),
        )
        for ex in adh.exercises
    )
    total = ("All exercises", "", _sessions(adh.scheduled), "", "", "", percent(adh.percent))
    blocks: list[Block] = [
        Table(
            ("Exercise", "Dose", "Planned", "Done", "Partly", "Skipped", "Adherence"),
            (*rows, total),
            (False, False, True, True, True, True, True),
            total=True,
        ),
        Paragraph(
            f"Adherence = sessions done / sessions planned, a partly done one counting half; "
            f"{ADHERENT_PERCENT:.0f} % or more usually counts as keeping up."
        ),
    ]
    if adh.skip_reasons:
        reasons = ", ".join(f"{SKIP_REASONS[r].lower()} ({n})" for r, n in adh.skip_reasons)
        top = SKIP_REASONS[adh.skip_reasons[0][0]].lower()
        blocks.append(Paragraph(f"Most common reason for skipping or partly doing: {top}. All reasons: {reasons}."))
    return Section("Home exercises", tuple(blocks))


def _treatments(ins: Insights) -> Section:
    hi = ins.heat_ice
    blocks: list[Block] = []
    # Heat and ice always have a row (the app began with them); TENS and massage when used.
    used = [t for t in ins.treatments if t.sessions or t.kind in HEAT_ICE_KINDS]
    if any(t.sessions for t in used):
        blocks.append(
            Table(
                ("", "Sessions", "Minutes", f"Over {HEAT_ICE_WARN_MINUTES} min", "Mean relief (points)", "n"),
                tuple(
                    (
                        THERAPY_KINDS[t.kind],
                        str(t.sessions),
                        str(t.minutes),
                        str(t.too_long) if t.kind in HEAT_ICE_KINDS else NONE,
                        one_decimal(t.mean_relief),
                        str(t.relief_n),
                    )
                    for t in used
                ),
                (False, True, True, True, True, True),
            )
        )
        blocks.append(Paragraph("Relief = pain before minus pain about 30 minutes after, over sessions with both."))
    else:
        blocks.append(Paragraph("No heat, ice, TENS or massage sessions were logged in this period."))
    nd = ins.next_day
    groups = (
        ("Same day: days with heat", hi.heat_days),
        ("Same day: days with ice", hi.ice_days),
        ("Same day: days with no treatment", hi.neither_days),
        ("Next day: after all exercises done", nd.full),
        ("Next day: after some done", nd.partial),
        ("Next day: after none done", nd.none),
    )
    shown = [(label, g) for label, g in groups if g.n]
    if shown:
        blocks.append(
            Table(
                ("Average pain on", "Days (n)", "Mean pain (0-10)"),
                tuple((label, str(g.n), one_decimal(g.mean)) for label, g in shown),
                (False, True, True),
            )
        )
        blocks.append(
            Paragraph(
                f"These show what went together, not what caused what. No figure ({NONE}) for fewer than {MIN_N} days."
            )
        )
    return Section("Treatments and what seems to help", tuple(blocks))


def _function(ins: Insights) -> Section | None:
    rng = ins.range
    blocks: list[Block] = []
    trends = [t for t in ins.mobility.trends if t.n]
    if trends:
        blocks.append(
            Table(
                ("Measure", "First whole week", "Latest week", "Values"),
                tuple(
                    (
                        f"{t.label} ({t.unit})",
                        one_decimal(t.start_mean),
                        one_decimal(t.recent_mean),
                        str(t.n),
                    )
                    for t in trends
                ),
                (False, True, True, True),
            )
        )
        if any(t.start_mean is None for t in trends):
            blocks.append(
                Paragraph(f"No figure ({NONE}) without two whole weeks of at least {WEEK_MIN_DAYS} values each.")
            )
    if ins.psfs.series:
        blocks.append(Paragraph(ins.psfs.sentence, strong=ins.psfs.important))
        rated = [a for a in ins.psfs.activities if a.points]
        blocks.append(
            Table(
                ("Activity (PSFS)", "First", "Latest"),
                tuple(
                    (
                        a.name,
                        f"{a.points[0][1]} ({rng.day_label(a.points[0][0])})",
                        f"{a.points[-1][1]} ({rng.day_label(a.points[-1][0])})",
                    )
                    for a in rated
                ),
                (False, True, True),
            )
        )
    if not blocks:
        return None
    return Section("Mobility and function", tuple(blocks))


def _questions(ins: Insights) -> Section | None:
    if not ins.questions:
        return None
    rng = ins.range
    return Section(
        "Questions for the therapist", (Entries(tuple((rng.day_label(q.date), q.text) for q in ins.questions)),)
    )


def _cut(text: str) -> str:
    """A note cut to MAX_NOTE_CHARS (at a word where there is one), marked with an ellipsis."""
    if len(text) <= MAX_NOTE_CHARS:
        return text
    head = text[: MAX_NOTE_CHARS - 1]
    return (head.rsplit(" ", 1)[0] if " " in head else head) + "\u2026"


def _notes(ins: Insights) -> Section | None:
    """Notes from the days that stand out (red flags, flares, worst, best), then the most recent, cut
    to fit the page: the rest are counted ('3 more in the app')."""
    if not ins.notes:
        return None
    rng, pain = ins.range, ins.pain
    notable = (
        [r.date for r in ins.red_flag_days]
        + [f.date for f in pain.flares]
        + [p.date for p in pain.worst_days]
        + [p.date for p in pain.best_days]
    )
    by_date = {n.date: n for n in ins.notes}
    chosen = list(dict.fromkeys(d for d in notable if d in by_date))[:MAX_NOTES]
    for note in reversed(ins.notes):
        if len(chosen) >= MAX_NOTES:
            break
        if note.date not in chosen:
            chosen.append(note.date)
    blocks: list[Block] = [Entries(tuple((rng.day_label(d), _cut(by_date[d].text)) for d in sorted(chosen)))]
    if len(ins.notes) > len(chosen):
        blocks.append(
            Paragraph(
                f"{len(ins.notes) - len(chosen)} more in the app (shown: the days that stand out, then the latest)."
            )
        )
    return Section("Notes worth reading", tuple(blocks))


def _detail(section: Section | None) -> Section | None:
    return None if section is None else replace(section, detail=True)


def build_summary(
    data: JournalData, rng: DateRange, insights: Insights | None = None, *, details: bool | None = None
) -> Summary:
    """The summary of ``data`` over ``rng`` (pass ``insights`` when already computed for that range).

    ``details`` adds the detail tables after the first page; by default only for the whole journal.
    """
    ins = insights if insights is not None else compute(data, rng)
    with_details = rng.key == "all" if details is None else details
    if ins.is_empty:
        sections: list[Section | None] = [
            _red_flags(data, ins),
            Section("No days logged", (Paragraph(f"No days were logged in this period ({rng.days} days)."),)),
            _function(ins),
        ]
    else:
        sections = [_red_flags(data, ins), _questions(ins), _headline(ins), _charts(ins), _notes(ins)]
        if with_details:
            sections.extend(
                _detail(s)
                for s in (
                    _pain(ins),
                    _days(ins),
                    summary_care.care_events(ins),
                    summary_care.standard_measures(ins),
                    _exercises(ins),
                    summary_care.medications(ins),
                    _treatments(ins),
                    summary_care.sleep_mood(ins),
                    _function(ins),
                )
            )
    limb = tuple((d.date, d.pain_limb) for d in data.days_between(rng.start, rng.end) if d.pain_limb is not None)
    return Summary(
        title=TITLE,
        patient=data.profile.patient_name.strip(),
        range=rng,
        days_logged=ins.days_logged,
        prepared=clock.today(),
        sections=tuple(s for s in sections if s is not None),
        insights=ins,
        limb_series=limb,
    )
