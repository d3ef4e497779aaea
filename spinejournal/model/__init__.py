"""The journal's records as plain, validated dataclasses.

Nothing here knows about Textual or TinyDB. Every record validates itself on construction, so an
invalid record cannot exist, and ``to_dict``/``from_dict`` give the JSON-friendly form the store and
the JSON export use (``from_dict`` reads strictly: an unknown or mistyped field is refused by name).

Modules: ``checks`` (``ValidationError`` and the field checks), ``vocab`` (ids and labels), ``day``
(a day and what it holds), ``plan`` (exercises and medications), ``measures`` (PSFS, PEG-3, PGIC)
and ``records`` (visits, care events, the profile, ``JournalData``). Import the names from here.
"""

from __future__ import annotations

from spinejournal.model.checks import (
    MAX_MINUTES,
    MAX_NAME,
    MAX_TEXT,
    ValidationError,
    name_key,
    parse_whole_number,
)
from spinejournal.model.day import (
    MAX_DOSES,
    Day,
    ExerciseLog,
    MedicationTaken,
    Mobility,
    Radiating,
    TherapySession,
    treatment_name,
)
from spinejournal.model.measures import PegScore, PgicRating, PsfsActivity, PsfsRating, find_psfs_activity
from spinejournal.model.plan import Exercise, Medication, find_exercise, find_medication
from spinejournal.model.records import MAX_EVENT_TEXT, CareEvent, JournalData, Profile, Visit
from spinejournal.model.vocab import (
    ARM_EXTENTS,
    EVENT_KINDS,
    EXERCISE_STATUSES,
    HEAT_ICE_KINDS,
    LEG_EXTENTS,
    LIMBS,
    PSFS_VERSIONS,
    REGIONS,
    SKIP_REASONS,
    THERAPY_KINDS,
    extents_for,
)

__all__ = [
    "ARM_EXTENTS",
    "EVENT_KINDS",
    "EXERCISE_STATUSES",
    "HEAT_ICE_KINDS",
    "LEG_EXTENTS",
    "LIMBS",
    "MAX_DOSES",
    "MAX_EVENT_TEXT",
    "MAX_MINUTES",
    "MAX_NAME",
    "MAX_TEXT",
    "PSFS_VERSIONS",
    "REGIONS",
    "SKIP_REASONS",
    "THERAPY_KINDS",
    "CareEvent",
    "Day",
    "Exercise",
    "ExerciseLog",
    "JournalData",
    "Medication",
    "MedicationTaken",
    "Mobility",
    "PegScore",
    "PgicRating",
    "Profile",
    "PsfsActivity",
    "PsfsRating",
    "Radiating",
    "TherapySession",
    "ValidationError",
    "Visit",
    "extents_for",
    "find_exercise",
    "find_medication",
    "find_psfs_activity",
    "name_key",
    "parse_whole_number",
    "treatment_name",
]
