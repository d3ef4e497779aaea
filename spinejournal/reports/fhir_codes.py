"""The codes of the FHIR export: LOINC codes where one exists (each with where it was found) and the
project's own CodeSystem for everything else. ``fhir`` builds the bundle from them.
"""

from __future__ import annotations

from spinejournal.clinical import PGIC_LABELS, RED_FLAGS
from spinejournal.model import (
    EVENT_KINDS,
    EXERCISE_STATUSES,
    LIMBS,
    REGIONS,
    SKIP_REASONS,
    THERAPY_KINDS,
    extents_for,
)

CODE_SYSTEM = "https://spinejournal.example/fhir/CodeSystem/spinejournal"
LOINC = "http://loinc.org"
UCUM = "http://unitsofmeasure.org"
OBSERVATION_CATEGORY = "http://terminology.hl7.org/CodeSystem/observation-category"
SNOMED = "http://snomed.info/sct"
# Flag.category "clinical" (R4 example value set flag-category) and Encounter.class "AMB" (ambulatory,
# R4 extensible binding to v3 ActEncounterCode).
FLAG_CATEGORY = "http://terminology.hl7.org/CodeSystem/flag-category"
ACT_CODE = "http://terminology.hl7.org/CodeSystem/v3-ActCode"
PAIN_LOINC = "72514-3"
PAIN_LOINC_DISPLAY = "Pain severity - 0-10 verbal numeric rating [Score] - Reported"
# LOINC 93832-4 "Sleep duration" (DOMAIN.md; the same code and display in several public FHIR
# profiles and wearable mappings found with the search tool).
SLEEP_LOINC = "93832-4"
SLEEP_LOINC_DISPLAY = "Sleep duration"
# PEG-3: LOINC panel 91148-7, mean score 91147-9 "Mean score [PEG]", items 75893-8 (pain on average in
# the past week), 91145-3 (interference with enjoyment of life), 91146-1 (interference with general
# activity), as listed in public FHIR Questionnaire builders based on fhir.loinc.org/Questionnaire
# 91148-7 (found with the search tool). The items carry our own wording (clinical.PEG_ITEMS), not
# LOINC's question text.
PEG_LOINC = "91147-9"
PEG_LOINC_DISPLAY = "Mean score [PEG]"
PEG_ITEM_LOINC = {"pain": "75893-8", "enjoyment": "91145-3", "activity": "91146-1"}
# Searched for and not found in LOINC: PGIC, a 0-10 sleep quality rating, a 0-10 mood rating, doses
# taken, TENS and massage sessions. They use our own codes below.

# SNOMED CT body structures for where it hurts: only those found with the search tool, each in several
# public sources: 45048000 "Neck" (DICOM CID 4031 and the toolkits built on it), 37822005 "Lower back
# structure" (SNOMED International's editorial guide, body-site value sets). Not found as one concept:
# upper back, mid back and "buttock / sacrum" (46862004 is the buttock alone): those, and how far limb
# pain reaches, carry only our own codes (region-*, radiating-*).
REGION_SNOMED: dict[str, tuple[str, str]] = {
    "neck": ("45048000", "Neck"),
    "lower_back": ("37822005", "Lower back structure"),
}

# Our own codes: code -> display. Adding codes is fine; changing or removing one breaks receivers.
CONCEPTS: dict[str, str] = {
    "pain-average-24h": "Average pain over the last 24 hours (0-10)",
    "pain-now": "Pain right now (0-10)",
    "pain-worst-24h": "Worst pain over the last 24 hours (0-10)",
    "pain-least-24h": "Least pain over the last 24 hours (0-10)",
    "pain-limb": "Leg or arm (radiating) pain (0-10)",
    **{f"{kind}-session": f"{label} session (minutes)" for kind, label in THERAPY_KINDS.items()},
    "pain-before": "Pain before the session (0-10)",
    "pain-after": "Pain about 30 minutes after the session (0-10)",
    "home-exercise": "Home exercise of the therapy plan",
    **{f"exercise-{k}": f"Exercise {v.lower()}" for k, v in EXERCISE_STATUSES.items()},
    "skip-reason": "Reason for skipping or partly doing an exercise",
    **{f"skip-{k}": v for k, v in SKIP_REASONS.items()},
    "walking-tolerance": "Walking tolerance (minutes)",
    "sitting-tolerance": "Sitting tolerance (minutes)",
    "standing-tolerance": "Standing tolerance (minutes)",
    "morning-stiffness": "Morning stiffness (minutes)",
    "fingertip-to-floor": "Fingertip-to-floor distance (cm)",
    "sleep-quality": "Sleep quality last night (0 very poor to 10 very good)",
    "mood": "Mood (0 very low to 10 very good)",
    "medication-doses": "Doses taken of a medication on the list",
    "medication-taken": "Medication on the list taken, no dose count given",
    "pgic": "Patient global impression of change since care began (1-7)",
    **{f"pgic-{n}": label for n, label in PGIC_LABELS.items()},
    **{f"event-{kind}": f"Care event: {label.lower()}" for kind, label in EVENT_KINDS.items()},
    "psfs-item": "Patient-Specific Functional Scale activity rating (0-10)",
    "psfs-version": "PSFS version the rating uses",
    "red-flag": "Urgent symptom reported by the patient",
    **{f"red-flag-{f.id}": f.label for f in RED_FLAGS},
    "daily-note": "The patient's note for the day",
    "question-for-therapist": "The patient's question for the therapist",
    **{f"region-{region}": f"Where it hurts: {label.lower()}" for region, label in REGIONS.items()},
    **{
        f"radiating-{limb}-{extent}": f"{label} pain reaching as far as the {extent_label.lower()}"
        for limb, label in LIMBS.items()
        for extent, extent_label in extents_for(limb).items()
    },
    "therapy-visit": "Physical therapy visit",
    "visit-note": "The patient's note about a physical therapy visit",
}
