"""Clinical facts and thresholds: the one source of truth for every rule the app applies.

Sources are in ``shared/DOMAIN.md``. Wording is our own, plain and non-diagnostic.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

PAIN_MIN = 0
PAIN_MAX = 10

# Clinically important change in pain (Ostelo 2008, Farrar 2001): 2 points or 30 % from baseline.
MCID_POINTS = 2.0
MCID_PERCENT = 30.0
# A week's mean is reported only when at least this many days were logged in it.
WEEK_MIN_DAYS = 4
# The baseline is the mean of the first this-many logged days of the period.
BASELINE_DAYS = 7
# A flare: average pain at least this far above the trailing 7-day mean (our own rule).
FLARE_POINTS = 2.0
FLARE_WINDOW_DAYS = 7
# Home exercise adherence: at or above this percentage counts as adherent.
ADHERENT_PERCENT = 70.0
# PSFS: a change of about 2 points in the mean score is meaningful (DOMAIN.md, function table).
PSFS_MCID_POINTS = 2.0
# Our own rule: an association ("what helps") over fewer cases than this is not shown as a number.
MIN_N = 5
# PGIC, the patient's global impression of change since care began (our wording of the 7 points).
PGIC_LABELS: dict[int, str] = {
    1: "Very much improved",
    2: "Much improved",
    3: "Minimally improved",
    4: "No change",
    5: "Minimally worse",
    6: "Much worse",
    7: "Very much worse",
}
# "Much improved" or better is the usual responder threshold (goes with about 30 % less pain, Farrar 2001).
PGIC_RESPONDER_MAX = 2
# PEG-3 (Krebs 2009): three 0-10 items, score = their mean; our own wording of each question.
PEG_ITEMS: dict[str, str] = {
    "pain": "Your pain on average over the past week (0 no pain, 10 as bad as you can imagine)",
    "enjoyment": "How much pain got in the way of enjoying life this past week (0 not at all, 10 completely)",
    "activity": "How much pain got in the way of your general activity this past week (0 not at all, 10 completely)",
}
# Heat or ice sessions longer than this are accepted with a gentle warning.
HEAT_ICE_WARN_MINUTES = 20

HEAT_ICE_SAFETY = (
    "Heat and ice safely: keep a cloth or towel between skin and pack, about 15-20 minutes "
    "at a time, never fall asleep with it on, and skip it on numb skin or if you have poor "
    "circulation."
)

PAIN_SCALE_HELP = (
    "Pain is rated 0-10: 0 is no pain, 10 is the worst pain you can imagine. "
    "'Average' is your usual pain over the last 24 hours and is the main number; "
    "'worst' and 'least' are the highest and lowest it got over those 24 hours."
)


class Urgency(Enum):
    """How soon a red-flag symptom needs medical attention."""

    EMERGENCY = "emergency"
    SAME_DAY = "same_day"


URGENCY_ADVICE = {
    Urgency.EMERGENCY: (
        "Please get medical help now: call your local emergency number or go to an emergency department."
    ),
    Urgency.SAME_DAY: "Please call your doctor today: this needs checking today.",
}

URGENCY_TITLE = {
    Urgency.EMERGENCY: "Needs medical help now",
    Urgency.SAME_DAY: "Needs checking today",
}


@dataclass(frozen=True, slots=True)
class RedFlag:
    """A symptom that needs prompt medical attention."""

    id: str
    label: str
    urgency: Urgency


RED_FLAGS: tuple[RedFlag, ...] = (
    RedFlag(
        "saddle_numbness",
        "Numbness or tingling in the genitals, buttocks, inner thighs or around the anus",
        Urgency.EMERGENCY,
    ),
    RedFlag(
        "bladder_bowel",
        "New trouble passing urine, or loss of bladder or bowel control",
        Urgency.EMERGENCY,
    ),
    RedFlag(
        "leg_weakness",
        "Weakness or numbness in both legs, or leg weakness that is getting worse (such as foot drop)",
        Urgency.EMERGENCY,
    ),
    RedFlag("trauma", "Back pain after a serious fall or accident", Urgency.EMERGENCY),
    RedFlag("chest_pain", "Chest pain", Urgency.EMERGENCY),
    RedFlag("fever", "Fever together with back pain", Urgency.SAME_DAY),
    RedFlag("weight_loss", "Weight loss you cannot explain", Urgency.SAME_DAY),
    RedFlag("night_pain", "Pain at night that rest does not ease", Urgency.SAME_DAY),
    RedFlag(
        "hands_gait",
        "With neck pain: new clumsiness of the hands or unsteady walking",
        Urgency.SAME_DAY,
    ),
)

RED_FLAGS_BY_ID: dict[str, RedFlag] = {flag.id: flag for flag in RED_FLAGS}

RED_FLAG_NOTE = (
    "Red-flag symptoms are uncommon and often turn out to have a harmless cause, "
    "but they should always be checked by a doctor."
)


def most_urgent(flag_ids: tuple[str, ...] | list[str]) -> Urgency | None:
    """Return the most urgent level among the given red-flag ids, or None when there are none."""
    levels = {RED_FLAGS_BY_ID[f].urgency for f in flag_ids if f in RED_FLAGS_BY_ID}
    if Urgency.EMERGENCY in levels:
        return Urgency.EMERGENCY
    if Urgency.SAME_DAY in levels:
        return Urgency.SAME_DAY
    return None


def red_flag_advice(flag_ids: tuple[str, ...] | list[str]) -> str:
    """One calm sentence of guidance for the given red flags ('' when there are none)."""
    level = most_urgent(flag_ids)
    return URGENCY_ADVICE[level] if level else ""


# PSFS: a change of 3 points in one activity's rating is meaningful (DOMAIN.md, function table;
# PSFS_MCID_POINTS above is for the mean score).
PSFS_ITEM_MCID_POINTS = 3.0
