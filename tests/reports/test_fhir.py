"""The FHIR export: a Bundle that a real FHIR model library accepts, coded as clinics expect.

Validation uses fhir.resources 8, whose ``fhir.resources.R4B`` package holds the FHIR 4.3 (R4B) models;
the library ships no plain R4 (4.0.1) package. Bundle, Observation, Patient, CodeSystem,
MedicationStatement, Procedure, Flag and Encounter are structurally the same in R4 and R4B for every
element we use, so R4B is the closest check available here; ``make check-fhir-r4`` checks R4 itself.
The library checks structure and datatypes but not required value-set bindings, so the codes those
bindings fix (Bundle.type, Observation.status, CodeSystem.status/content, MedicationStatement.status,
Procedure.status, Flag.status, Encounter.status) are checked here by hand against the R4 value sets.

Golden file: tests/reports/golden/demo.fhir.json (regenerate with SPINEJOURNAL_UPDATE_GOLDEN=1).
"""

from __future__ import annotations

import json
from datetime import date
from typing import Any

import pytest
from fhir.resources.R4B.bundle import Bundle
from fhir.resources.R4B.observation import Observation

from spinejournal.model import (
    CareEvent,
    Day,
    JournalData,
    Medication,
    MedicationTaken,
    PegScore,
    PgicRating,
    Radiating,
    TherapySession,
    Visit,
)
from spinejournal.reports.fhir import CODE_SYSTEM, CONCEPTS, export_fhir, to_bundle

from .helpers import ANSI, FORMULA, SCRIPT, assert_golden, demo, hostile

# R4 required bindings (hl7.org/fhir/R4/valueset-observation-status.html and friends).
OBSERVATION_STATUS = {"registered", "preliminary", "final", "amended", "corrected", "cancelled", "entered-in-error"}
BUNDLE_TYPES = {"document", "message", "transaction", "transaction-response", "batch", "batch-response", "history"}
BUNDLE_TYPES |= {"searchset", "collection"}
MEDICATION_STATEMENT_STATUS = {"active", "completed", "entered-in-error", "intended", "stopped", "on-hold"}
MEDICATION_STATEMENT_STATUS |= {"unknown", "not-taken"}
EVENT_STATUS = {"preparation", "in-progress", "not-done", "on-hold", "stopped", "completed", "entered-in-error"}
EVENT_STATUS |= {"unknown"}
FLAG_STATUS = {"active", "inactive", "entered-in-error"}
ENCOUNTER_STATUS = {"planned", "arrived", "triaged", "in-progress", "onleave", "finished", "cancelled"}
ENCOUNTER_STATUS |= {"entered-in-error", "unknown"}


def validate(document: dict[str, Any]) -> Bundle:
    """Parse with the FHIR models (raises on any structural error) and check required bindings."""
    bundle = Bundle.model_validate(document)
    assert bundle.type in BUNDLE_TYPES
    for entry in bundle.entry or []:
        resource = entry.resource
        assert entry.fullUrl == f"urn:uuid:{resource.id}"
        if isinstance(resource, Observation):
            assert resource.status in OBSERVATION_STATUS
        if resource.get_resource_type() == "CodeSystem":
            assert (resource.status, resource.content) == ("active", "complete")
        if resource.get_resource_type() == "MedicationStatement":
            assert resource.status in MEDICATION_STATEMENT_STATUS
        if resource.get_resource_type() == "Procedure":
            assert resource.status in EVENT_STATUS
        if resource.get_resource_type() == "Flag":
            assert resource.status in FLAG_STATUS
        if resource.get_resource_type() == "Encounter":
            assert resource.status in ENCOUNTER_STATUS
    return bundle


def observations(document: dict[str, Any]) -> list[dict[str, Any]]:
    return [e["resource"] for e in document["entry"] if e["resource"]["resourceType"] == "Observation"]


def codes(resource: dict[str, Any]) -> list[tuple[str, str]]:
    return [(c["system"], c["code"]) for c in resource["code"]["coding"]]


def test_demo_export_matches_golden_file() -> None:
    assert_golden("demo.fhir.json", export_fhir(demo(), date(2026, 3, 9), date(2026, 3, 15)))


def test_the_whole_demo_journal_validates_as_a_fhir_bundle() -> None:
    document = to_bundle(demo())
    bundle = validate(document)
    assert bundle.type == "collection"
    # Every fullUrl is unique: a receiving system can tell the entries apart.
    urls = [e.fullUrl for e in bundle.entry]
    assert len(urls) == len(set(urls))


def test_one_loinc_pain_observation_per_day_with_the_daily_average() -> None:
    data = demo()
    document = to_bundle(data, date(2026, 3, 9), date(2026, 3, 15))
    pain = [o for o in observations(document) if ("http://loinc.org", "72514-3") in codes(o)]
    assert [o["effectiveDateTime"] for o in pain] == [f"2026-03-{d:02d}" for d in range(9, 16)]
    first = pain[0]
    assert first["valueQuantity"] == {
        "value": data.day(date(2026, 3, 9)).pain_avg,  # type: ignore[union-attr]
        "unit": "{score}",
        "system": "http://unitsofmeasure.org",
        "code": "{score}",
    }
    assert first["status"] == "final"
    assert first["category"][0]["coding"][0]["code"] == "survey"
    patient = document["entry"][0]
    assert patient["resource"] == {
        "resourceType": "Patient",
        "id": patient["fullUrl"][9:],
        "name": [{"text": "Sam Demo"}],
    }
    assert {o["subject"]["reference"] for o in observations(document)} == {patient["fullUrl"]}


def test_other_items_use_the_local_code_system_defined_in_the_bundle() -> None:
    document = to_bundle(demo(), date(2026, 3, 15), date(2026, 3, 15))
    local = {code for o in observations(document) for system, code in codes(o) if system == CODE_SYSTEM}
    # 2026-03-15 of the demo: pain items, two exercises done, mobility, sleep quality and mood, no
    # treatment session and no medication taken (hours slept have a LOINC code).
    assert local == {
        "pain-average-24h", "pain-now", "pain-worst-24h", "pain-least-24h", "home-exercise",
        "walking-tolerance", "sitting-tolerance", "standing-tolerance", "morning-stiffness",
        "sleep-quality", "mood",
    }  # fmt: skip
    code_system = next(e["resource"] for e in document["entry"] if e["resource"]["resourceType"] == "CodeSystem")
    assert code_system["url"] == CODE_SYSTEM
    assert {c["code"] for c in code_system["concept"]} == set(CONCEPTS)


def test_exports_are_stable_so_a_resent_day_keeps_its_id() -> None:
    assert export_fhir(demo()) == export_fhir(demo())
    whole = {e["resource"].get("effectiveDateTime", "") + e["fullUrl"] for e in to_bundle(demo())["entry"][2:]}
    week = {
        e["resource"].get("effectiveDateTime", "") + e["fullUrl"]
        for e in to_bundle(demo(), date(2026, 3, 9))["entry"][2:]
    }
    assert week <= whole


def test_hostile_text_stays_plain_text_and_validates() -> None:
    raw = export_fhir(hostile())
    assert b"\x1b" not in raw
    document = json.loads(raw)
    validate(document)
    values = [o["valueString"] for o in observations(document) if "valueString" in o]
    assert any(SCRIPT in v and FORMULA in v for v in values)
    # Control characters are shown, never passed on; everything else is kept as written.
    assert any("\\x1b[31mred" in v for v in values) and not any(ANSI in v for v in values)
    # Free text lives only in plain-string fields, never in markdown ones (Annotation.text).
    assert '"note"' not in raw.decode()


@pytest.mark.parametrize(
    ("start", "end", "pain_days"),
    [(date(2030, 1, 1), date(2030, 1, 31), 0), (date(2026, 3, 15), date(2026, 3, 15), 1)],
)
def test_empty_and_single_day_ranges_still_validate(start: date, end: date, pain_days: int) -> None:
    document = to_bundle(demo(), start, end)
    validate(document)
    assert sum(1 for o in observations(document) if o["code"]["coding"][0]["code"] == "72514-3") == pain_days


def test_a_journal_with_no_name_gets_an_anonymous_patient() -> None:
    document = to_bundle(JournalData(days=(Day(date(2026, 3, 1), 3),)))
    validate(document)
    assert "name" not in document["entry"][0]["resource"]


# -- day model v2 ---------------------------------------------------------------------------------

LOINC_SYSTEM = "http://loinc.org"


def resources(document: dict[str, Any], kind: str) -> list[dict[str, Any]]:
    return [e["resource"] for e in document["entry"] if e["resource"]["resourceType"] == kind]


def coded(document: dict[str, Any], system: str, code: str) -> list[dict[str, Any]]:
    return [o for o in observations(document) if (system, code) in codes(o)]


def test_one_medication_statement_per_medication_record_with_status_period_and_as_needed() -> None:
    document = to_bundle(demo(), today=date(2026, 3, 15))
    statements = resources(document, "MedicationStatement")
    # The demo: ibuprofen 400 mg as needed until its dose was halved on 9 Jan, amitriptyline nightly
    # until it was stopped on 8 Feb, ibuprofen 200 mg as needed since 9 Jan. A stop date is the first
    # day off the list, so each period ends the day before.
    assert [
        (
            s["medicationCodeableConcept"]["text"],
            s["status"],
            s["effectivePeriod"],
            s["dosage"][0]["text"],
            s["dosage"][0]["asNeededBoolean"],
        )
        for s in statements
    ] == [
        ("Ibuprofen", "completed", {"start": "2025-11-16", "end": "2026-01-08"}, "400 mg, as needed", True),
        (
            "Amitriptyline",
            "completed",
            {"start": "2025-11-16", "end": "2026-02-07"},
            "10 mg at night, once a day",
            False,
        ),
        ("Ibuprofen", "active", {"start": "2026-01-09"}, "200 mg, as needed", True),
    ]
    assert statements[1]["dosage"][0]["timing"] == {"repeat": {"frequency": 1, "period": 1, "periodUnit": "d"}}
    patient = document["entry"][0]["fullUrl"]
    assert {(s["subject"]["reference"], s["dateAsserted"]) for s in statements} == {(patient, "2026-03-15")}


def test_a_medication_stopping_after_the_export_day_is_still_active() -> None:
    data = JournalData(
        days=(Day(date(2026, 3, 1), 3),),
        medications=(Medication(name="Naproxen", start=date(2026, 3, 1), end=date(2026, 3, 20), id=1),),
    )
    (before,) = resources(to_bundle(data, today=date(2026, 3, 19)), "MedicationStatement")
    (on_the_day,) = resources(to_bundle(data, today=date(2026, 3, 20)), "MedicationStatement")
    assert (before["status"], on_the_day["status"]) == ("active", "completed")
    # Neither dose nor schedule given: no dosage text, as-needed still said.
    assert before["dosage"] == [{"asNeededBoolean": False}]


def test_a_range_carries_only_the_medications_on_the_list_at_some_time_in_it() -> None:
    document = to_bundle(demo(), date(2026, 2, 8), date(2026, 3, 15), today=date(2026, 3, 15))
    # Amitriptyline's stop date 8 Feb is its first day off the list; only ibuprofen 200 mg is left.
    assert [s["dosage"][0]["text"] for s in resources(document, "MedicationStatement")] == ["200 mg, as needed"]


def test_hours_slept_are_a_loinc_sleep_duration_in_hours() -> None:
    document = to_bundle(demo(), date(2026, 3, 9), date(2026, 3, 15))
    # LOINC 93832-4 "Sleep duration": DOMAIN.md, and the same code in public FHIR sleep profiles and
    # wearable mappings found with the search tool.
    sleep = coded(document, LOINC_SYSTEM, "93832-4")
    assert [(o["effectiveDateTime"], o["valueQuantity"]["value"]) for o in sleep][:2] == [
        ("2026-03-09", 7),
        ("2026-03-10", 6.5),
    ]
    assert len(sleep) == 7
    assert {(q["unit"], q["system"], q["code"]) for q in (o["valueQuantity"] for o in sleep)} == {
        ("h", "http://unitsofmeasure.org", "h")
    }


def test_peg_3_is_the_loinc_mean_score_with_its_three_loinc_items() -> None:
    document = to_bundle(JournalData(peg_scores=(PegScore(date(2026, 3, 1), 6, 7, 5),)))
    validate(document)
    # LOINC 91147-9 "Mean score [PEG]" and its items 75893-8 (pain on average), 91145-3 (enjoyment of
    # life), 91146-1 (general activity): panel 91148-7 as listed by public FHIR Questionnaire builders
    # based on fhir.loinc.org (found with the search tool).
    (peg,) = coded(document, LOINC_SYSTEM, "91147-9")
    assert peg["valueQuantity"]["value"] == 6.0  # (6 + 7 + 5) / 3
    assert [(c["code"]["coding"][0]["code"], c["valueQuantity"]["value"]) for c in peg["component"]] == [
        ("75893-8", 6),
        ("91145-3", 7),
        ("91146-1", 5),
    ]
    uneven = to_bundle(JournalData(peg_scores=(PegScore(date(2026, 3, 1), 3, 2, 5),)))
    assert coded(uneven, LOINC_SYSTEM, "91147-9")[0]["valueQuantity"]["value"] == 3.33  # 10 / 3


def test_pgic_sleep_quality_mood_doses_and_tens_massage_use_the_local_code_system() -> None:
    on = date(2026, 3, 1)
    data = JournalData(
        days=(
            Day(
                on,
                4,
                sessions=(TherapySession("tens", 30, pain_before=5, pain_after=3), TherapySession("massage", 10)),
                medications=(MedicationTaken(1, 2), MedicationTaken(2)),
                sleep_quality=3,
                mood=6,
            ),
        ),
        medications=(
            Medication(name="Ibuprofen", start=on, dose="200 mg", as_needed=True, id=1),
            Medication(name="Amitriptyline", start=on, dose="10 mg", per_day=1, id=2),
        ),
        pgic_ratings=(PgicRating(on, 2),),
    )
    document = to_bundle(data, today=on)
    validate(document)

    def value(code: str) -> list[Any]:
        found = coded(document, CODE_SYSTEM, code)
        return [o.get("valueQuantity", {}).get("value", o.get("valueBoolean")) for o in found]

    assert (value("tens-session"), value("massage-session")) == ([30], [10])
    assert (value("sleep-quality"), value("mood")) == ([3], [6])
    assert (value("medication-doses"), value("medication-taken")) == ([2], [True])
    doses = coded(document, CODE_SYSTEM, "medication-doses")[0]
    assert doses["code"]["text"] == "Medication: Ibuprofen" and doses["valueQuantity"]["unit"] == "{dose}"
    (pgic,) = coded(document, CODE_SYSTEM, "pgic")
    assert pgic["valueCodeableConcept"]["coding"][0] == {
        "system": CODE_SYSTEM,
        "code": "pgic-2",
        "display": "Much improved",
    }


def test_care_events_are_procedures_or_observations_of_the_persons_words() -> None:
    document = to_bundle(demo(), today=date(2026, 3, 15))
    validate(document)
    procedures = resources(document, "Procedure")
    assert [(p["code"]["text"], p["performedDateTime"], p["status"]) for p in procedures] == [
        ("MRI lumbar spine: L4-L5 disc bulge", "2025-10-27", "completed"),
        ("Epidural steroid injection L4-L5", "2025-12-20", "completed"),
    ]
    patient = document["entry"][0]["fullUrl"]
    assert all(p["asserter"] == {"reference": patient} for p in procedures)
    (diagnosis,) = coded(document, CODE_SYSTEM, "event-diagnosis")
    assert (diagnosis["effectiveDateTime"], diagnosis["valueString"]) == (
        "2025-11-07",
        "Low back pain with left L5 radiculopathy",
    )


def test_hostile_medication_names_and_event_texts_stay_plain_and_validate() -> None:
    on = date(2026, 3, 1)
    data = JournalData(
        days=(Day(on, 3, medications=(MedicationTaken(1),)),),
        medications=(Medication(name="=cmd [b]x[/] \x1b[2J", start=on, dose="<script>", id=1),),
        events=(CareEvent(on, "surgery", SCRIPT + " \x1b[31m", id=1),),
    )
    raw = export_fhir(data, today=on)
    assert b"\x1b" not in raw
    document = json.loads(raw)
    validate(document)
    (statement,) = resources(document, "MedicationStatement")
    assert statement["medicationCodeableConcept"]["text"] == "=cmd [b]x[/] \\x1b[2J"
    assert resources(document, "Procedure")[0]["code"]["text"] == SCRIPT + " \\x1b[31m"


SNOMED = "http://snomed.info/sct"


def test_red_flags_are_flags_dated_the_day_reported_in_the_therapists_terms() -> None:
    data = JournalData(
        days=(
            Day(date(2026, 3, 2), 5, red_flags=("night_pain",)),
            Day(date(2026, 3, 3), 4),
            Day(date(2026, 3, 4), 6, red_flags=("fever", "night_pain")),
        ),
    )
    document = to_bundle(data)
    validate(document)
    flags = resources(document, "Flag")
    # One per flag per day: 1 on the 2nd, none on the 3rd, 2 on the 4th = 3.
    assert [(f["period"], f["code"]["text"]) for f in flags] == [
        ({"start": "2026-03-02"}, "Pain at night that rest does not ease"),
        ({"start": "2026-03-04"}, "Fever together with back pain"),
        ({"start": "2026-03-04"}, "Pain at night that rest does not ease"),
    ]
    patient = {"reference": document["entry"][0]["fullUrl"]}
    first = flags[0]
    assert first["status"] == "active"
    assert first["category"] == [
        {
            "coding": [
                {
                    "system": "http://terminology.hl7.org/CodeSystem/flag-category",
                    "code": "clinical",
                    "display": "Clinical",
                }
            ]
        }
    ]
    assert first["code"]["coding"] == [
        {"system": CODE_SYSTEM, "code": "red-flag-night_pain", "display": "Pain at night that rest does not ease"}
    ]
    assert first["subject"] == first["author"] == patient
    # A Flag for each of the 3 red-flag observations, never one without the other.
    assert len(coded(document, CODE_SYSTEM, "red-flag")) == 3


def body_sites(document: dict[str, Any], code: str) -> list[dict[str, Any] | None]:
    return [o.get("bodySite") for o in observations(document) if (CODE_SYSTEM, code) in codes(o)]


def test_where_it_hurts_is_the_body_site_of_every_pain_observation() -> None:
    data = JournalData(
        days=(
            Day(date(2026, 3, 1), 5, pain_now=4, pain_worst=7, pain_least=3, regions=("lower_back",)),
            Day(date(2026, 3, 2), 5, pain_worst=6, regions=("mid_back",)),
            Day(date(2026, 3, 3), 5, regions=("lower_back", "buttock_sacrum")),
            Day(date(2026, 3, 4), 5),
        ),
    )
    document = to_bundle(data)
    validate(document)
    lower_back = {
        "coding": [
            {"system": SNOMED, "code": "37822005", "display": "Lower back structure"},
            {"system": CODE_SYSTEM, "code": "region-lower_back", "display": "Where it hurts: lower back"},
        ],
        "text": "Lower back",
    }
    # No SNOMED CT concept was found for the mid back: our own code only.
    mid_back = {
        "coding": [{"system": CODE_SYSTEM, "code": "region-mid_back", "display": "Where it hurts: mid back"}],
        "text": "Mid back",
    }
    # Two sites cannot share one R4 bodySite as codes: named in text, in body order.
    two = {"text": "Lower back, Buttock / sacrum"}
    assert body_sites(document, "pain-average-24h") == [lower_back, mid_back, two, None]
    assert body_sites(document, "pain-now") == [lower_back]
    assert body_sites(document, "pain-worst-24h") == [lower_back, mid_back]
    assert body_sites(document, "pain-least-24h") == [lower_back]


def test_the_limb_pain_observation_says_which_limb_and_how_far_it_reaches() -> None:
    data = JournalData(
        days=(
            Day(date(2026, 3, 1), 5, pain_limb=6, radiating=(Radiating("left_leg", "calf"),)),
            Day(
                date(2026, 3, 2),
                5,
                pain_limb=3,
                radiating=(Radiating("left_leg", "thigh"), Radiating("right_arm", "hand")),
            ),
            Day(date(2026, 3, 3), 5, pain_limb=2),
        ),
    )
    document = to_bundle(data)
    validate(document)
    assert body_sites(document, "pain-limb") == [
        {
            "coding": [
                {
                    "system": CODE_SYSTEM,
                    "code": "radiating-left_leg-calf",
                    "display": "Left leg pain reaching as far as the calf",
                }
            ],
            "text": "Left leg, as far as the calf",
        },
        {"text": "Left leg, as far as the thigh; Right arm, as far as the hand"},
        None,  # limb pain rated, the reach not recorded
    ]


def test_each_therapy_visit_is_a_finished_ambulatory_encounter_with_its_note_beside_it() -> None:
    data = JournalData(
        days=(Day(date(2026, 3, 1), 5),),
        visits=(Visit(date(2026, 3, 8), note=SCRIPT), Visit(date(2026, 2, 22))),
    )
    document = to_bundle(data)
    validate(document)
    encounters = resources(document, "Encounter")
    # In date order, whatever order they were entered in.
    assert [(e["period"], e["status"]) for e in encounters] == [
        ({"start": "2026-02-22", "end": "2026-02-22"}, "finished"),
        ({"start": "2026-03-08", "end": "2026-03-08"}, "finished"),
    ]
    assert encounters[0]["class"] == {
        "system": "http://terminology.hl7.org/CodeSystem/v3-ActCode",
        "code": "AMB",
        "display": "ambulatory",
    }
    assert encounters[0]["subject"] == {"reference": document["entry"][0]["fullUrl"]}
    # R4's Encounter has no note: the note is an Observation of the 8 Mar encounter, as plain text.
    (note,) = coded(document, CODE_SYSTEM, "visit-note")
    assert note["encounter"] == {"reference": f"urn:uuid:{encounters[1]['id']}"}
    assert (note["effectiveDateTime"], note["valueString"]) == ("2026-03-08", SCRIPT)
    # A range leaves out the visits outside it: only the 8 Mar one from 1 Mar on.
    week = to_bundle(data, date(2026, 3, 1), date(2026, 3, 15))
    assert [e["period"]["start"] for e in resources(week, "Encounter")] == ["2026-03-08"]
