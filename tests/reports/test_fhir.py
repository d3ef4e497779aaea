"""The FHIR export: a Bundle that a real FHIR model library accepts, coded as clinics expect.

Validation uses fhir.resources 8, whose ``fhir.resources.R4B`` package holds the FHIR 4.3 (R4B) models;
the library ships no plain R4 (4.0.1) package. Bundle, Observation, Patient and CodeSystem are
structurally the same in R4 and R4B for every element we use, so R4B is the closest check available.
The library checks structure and datatypes but not required value-set bindings, so the codes those
bindings fix (Bundle.type, Observation.status, CodeSystem.status/content) are checked here by hand
against the R4 value sets.

Golden file: tests/reports/golden/demo.fhir.json (regenerate with SPINEJOURNAL_UPDATE_GOLDEN=1).
"""

from __future__ import annotations

import json
from datetime import date
from typing import Any

import pytest
from fhir.resources.R4B.bundle import Bundle
from fhir.resources.R4B.observation import Observation

from spinejournal.model import Day, JournalData
from spinejournal.reports.fhir import CODE_SYSTEM, CONCEPTS, export_fhir, to_bundle

from .helpers import ANSI, FORMULA, SCRIPT, assert_golden, demo, hostile

# R4 required bindings (hl7.org/fhir/R4/valueset-observation-status.html and friends).
OBSERVATION_STATUS = {"registered", "preliminary", "final", "amended", "corrected", "cancelled", "entered-in-error"}
BUNDLE_TYPES = {"document", "message", "transaction", "transaction-response", "batch", "batch-response", "history"}
BUNDLE_TYPES |= {"searchset", "collection"}


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
