"""The FHIR R4 export: a ``Bundle`` of type ``collection`` that a clinic system can read.

- One pain ``Observation`` per logged day: LOINC 72514-3 (pain severity, 0-10 verbal numeric rating,
  reported), ``valueQuantity`` in UCUM ``{score}``, category ``survey``, ``effectiveDateTime`` the day,
  status ``final``, subject the patient. The value is the day's *average* pain over 24 hours (the
  journal's headline figure), which a second coding from our own CodeSystem states exactly.
- Hours slept as an ``Observation`` with LOINC 93832-4 (sleep duration) in UCUM ``h``; a PEG-3 rating
  as one with LOINC 91147-9 (the PEG mean score) whose three items are components with their own
  LOINC codes (75893-8, 91145-3, 91146-1).
- One ``MedicationStatement`` per record of the medication list that the range overlaps (a dose
  change is two records): ``active`` while it is on the list on the day of the export, ``completed``
  once stopped, with its dates, the dose and schedule as written, and ``asNeededBoolean``.
- Care events: surgery, an injection and imaging are each a ``Procedure`` (the person says it was
  done; ``asserter`` is the patient); a diagnosis or another event is an ``Observation`` holding the
  person's words, never a ``Condition``, whose clinical and verification status a diary cannot know.
- Where it hurts is the ``bodySite`` of the pain observations (average, now, worst, least), and the
  limb with how far its pain reaches that of the limb-pain observation: coded (SNOMED CT where a
  concept was found, see ``fhir_codes.REGION_SNOMED``, and our own code) when the day names one site.
  R4 allows one ``bodySite`` per observation and a CodeableConcept's codings must all mean the same
  thing, so a day with several sites gets them as text only ("Lower back, Buttock / sacrum").
- Each red flag reported is also a ``Flag`` (status active, category clinical, the flag's label and
  our code, ``period.start`` the day reported, ``author`` the patient), for systems that show alerts.
- Each therapy visit is an ``Encounter`` (status finished, class AMB, the visit day as its period).
  R4's Encounter has no note element, so the visit's note is an ``Observation`` pointing at it.
- Everything without a LOINC code (pain now/worst/least/limb, heat, ice, TENS and massage, home
  exercises, mobility, PSFS, sleep quality, mood, PGIC, doses taken, red flags, notes, questions) is
  coded in the project's own CodeSystem, ``CODE_SYSTEM``, whose definition travels in the bundle as a
  ``CodeSystem`` resource. Every code, LOINC and ours, is in ``fhir_codes``.
- Ids are UUIDs derived from the content (uuid5), so the same journal always exports the same bundle
  and a receiving system can recognise a re-sent day.

Notes and questions go in ``valueString`` (plain text), never in ``Annotation.text``, which FHIR
defines as markdown that a receiving system would render.
"""

from __future__ import annotations

import functools
import gc
import hashlib
import uuid
from datetime import date, timedelta
from typing import Any

import orjson

from spinejournal import clock
from spinejournal.clinical import PEG_ITEMS, RED_FLAGS_BY_ID
from spinejournal.model import (
    LIMBS,
    REGIONS,
    CareEvent,
    Day,
    JournalData,
    Medication,
    PegScore,
    PgicRating,
    PsfsRating,
    Radiating,
    TherapySession,
    Visit,
    extents_for,
)
from spinejournal.reports.fhir_codes import (
    ACT_CODE,
    CODE_SYSTEM,
    CONCEPTS,
    FLAG_CATEGORY,
    LOINC,
    OBSERVATION_CATEGORY,
    PAIN_LOINC,
    PAIN_LOINC_DISPLAY,
    PEG_ITEM_LOINC,
    PEG_LOINC,
    PEG_LOINC_DISPLAY,
    REGION_SNOMED,
    SLEEP_LOINC,
    SLEEP_LOINC_DISPLAY,
    SNOMED,
    UCUM,
)
from spinejournal.text import printable

_SLEEP_CODE = {"coding": [{"system": LOINC, "code": SLEEP_LOINC, "display": SLEEP_LOINC_DISPLAY}]}

# Care events that are something done to the person: a FHIR Procedure.
_PROCEDURE_KINDS = frozenset({"surgery", "injection", "imaging"})

_MOBILITY = (
    ("walk", "walking-tolerance", "min"),
    ("sit", "sitting-tolerance", "min"),
    ("stand", "standing-tolerance", "min"),
    ("stiffness", "morning-stiffness", "min"),
    ("fingertip_floor_cm", "fingertip-to-floor", "cm"),
)


# A 10-year bundle holds some 50,000 observations: the parts that repeat (codings, categories,
# scores) are built once and shared, which serialising does not mind. Nothing mutates them.


@functools.cache
def _local(code: str) -> dict[str, str]:
    return {"system": CODE_SYSTEM, "code": code, "display": CONCEPTS[code]}


@functools.cache
def _coded(code: str) -> dict[str, Any]:
    return {"coding": [_local(code)]}


def _concept(code: str, text: str | None = None) -> dict[str, Any]:
    if not text:
        return _coded(code)
    return {"coding": [_local(code)], "text": text}


_CATEGORIES: dict[str, list[dict[str, Any]]] = {
    code: [{"coding": [{"system": OBSERVATION_CATEGORY, "code": code, "display": display}]}]
    for code, display in (("survey", "Survey"), ("therapy", "Therapy"), ("activity", "Activity"))
}


def _category(code: str) -> list[dict[str, Any]]:
    return _CATEGORIES[code]


_FLAG_CATEGORY = [{"coding": [{"system": FLAG_CATEGORY, "code": "clinical", "display": "Clinical"}]}]
_AMBULATORY = {"system": ACT_CODE, "code": "AMB", "display": "ambulatory"}


@functools.cache
def _regions_site(regions: tuple[str, ...]) -> dict[str, Any] | None:
    """The bodySite of a day's pain observations (built once per combination of regions)."""
    if not regions:
        return None
    text = ", ".join(REGIONS[r] for r in regions)
    if len(regions) > 1:
        # One bodySite per observation, and codings are alternatives for one concept: text only.
        return {"text": text}
    (region,) = regions
    coding = [_local(f"region-{region}")]
    if region in REGION_SNOMED:
        code, display = REGION_SNOMED[region]
        coding.insert(0, {"system": SNOMED, "code": code, "display": display})
    return {"coding": coding, "text": text}


def _reach(radiating: Radiating) -> str:
    """'Left leg, as far as the calf'."""
    return f"{LIMBS[radiating.limb]}, as far as the {extents_for(radiating.limb)[radiating.extent].lower()}"


@functools.cache
def _limb_site(radiating: tuple[Radiating, ...]) -> dict[str, Any] | None:
    """The bodySite of the limb-pain observation: the limb and how far its pain reaches."""
    if not radiating:
        return None
    text = "; ".join(_reach(r) for r in radiating)
    if len(radiating) > 1:
        return {"text": text}
    (only,) = radiating
    return {"coding": [_local(f"radiating-{only.limb}-{only.extent}")], "text": text}


def _uuid5(namespace: Any, name: str) -> str:
    """``str(uuid.uuid5(namespace, name))`` without building UUID objects (called per resource);
    ``namespace`` is ``hashlib.sha1(namespace_uuid.bytes)``, hashed once and copied per name."""
    hasher = namespace.copy()
    hasher.update(name.encode("utf-8"))
    digest = bytearray(hasher.digest()[:16])
    digest[6] = (digest[6] & 0x0F) | 0x50  # version 5
    digest[8] = (digest[8] & 0x3F) | 0x80  # RFC 4122 variant
    h = digest.hex()
    return f"{h[:8]}-{h[8:12]}-{h[12:16]}-{h[16:20]}-{h[20:]}"


@functools.cache
def _quantity(value: float, unit: str) -> dict[str, Any]:
    # UCUM: {score} is an annotation (a dimensionless count); min and cm are real units.
    return {"value": value, "unit": unit, "system": UCUM, "code": unit}


def _text(value: str) -> str:
    # FHIR strings should not hold control characters other than tab, CR and LF.
    return printable(value)


class _Builder:
    """Collects the entries of one bundle, with stable ids."""

    def __init__(self, data: JournalData) -> None:
        self.data = data
        first = data.days[0].date.isoformat() if data.days else ""
        # A per-journal namespace, so two patients' bundles never share ids.
        namespace = uuid.uuid5(uuid.NAMESPACE_URL, f"{CODE_SYSTEM}|{data.profile.patient_name}|{first}")
        self.namespace = hashlib.sha1(namespace.bytes)
        self.patient_url = self.url("Patient")
        self.subject = {"reference": self.patient_url}
        self.exercise_names = {e.id: e.name for e in data.exercises}
        self.medications = {m.id: m for m in data.medications}
        self.medication_concepts: dict[tuple[str, int], dict[str, Any]] = {}
        self.entries: list[dict[str, Any]] = []

    def url(self, key: str) -> str:
        return f"urn:uuid:{_uuid5(self.namespace, key)}"

    def add(self, key: str, resource: dict[str, Any]) -> None:
        full_url = self.url(key)
        resource = {"resourceType": resource["resourceType"], "id": full_url.removeprefix("urn:uuid:"), **resource}
        self.entries.append({"fullUrl": full_url, "resource": resource})

    def observation(
        self,
        key: str,
        on: date,
        category: str,
        code: dict[str, Any],
        value: dict[str, Any],
        components: list[dict[str, Any]] | None = None,
        body_site: dict[str, Any] | None = None,
        encounter: str | None = None,
    ) -> None:
        # Built in its final order at once (``add`` would copy it to put the id first).
        uid = _uuid5(self.namespace, key)
        resource: dict[str, Any] = {
            "resourceType": "Observation",
            "id": uid,
            "status": "final",
            "category": _category(category),
            "code": code,
            "subject": self.subject,
            "effectiveDateTime": on.isoformat(),
            **value,
        }
        if encounter:
            resource["encounter"] = {"reference": encounter}
        if body_site:
            resource["bodySite"] = body_site
        if components:
            resource["component"] = components
        self.entries.append({"fullUrl": f"urn:uuid:{uid}", "resource": resource})

    # -- one day -----------------------------------------------------------------------------

    def day(self, day: Day) -> None:
        on, key = day.date, day.date.isoformat()
        where = _regions_site(day.regions)
        # A day logged for a red flag alone has no pain score: its Flag says what was reported.
        if day.pain_avg is not None:
            self.observation(
                f"pain/{key}",
                on,
                "survey",
                {
                    "coding": [
                        {"system": LOINC, "code": PAIN_LOINC, "display": PAIN_LOINC_DISPLAY},
                        _local("pain-average-24h"),
                    ],
                    "text": CONCEPTS["pain-average-24h"],
                },
                {"valueQuantity": _quantity(day.pain_avg, "{score}")},
                body_site=where,
            )
        limb = _limb_site(day.radiating)
        for code, value, site in (
            ("pain-now", day.pain_now, where),
            ("pain-worst-24h", day.pain_worst, where),
            ("pain-least-24h", day.pain_least, where),
            ("pain-limb", day.pain_limb, limb),
        ):
            if value is not None:
                self.observation(
                    f"{code}/{key}",
                    on,
                    "survey",
                    _concept(code),
                    {"valueQuantity": _quantity(value, "{score}")},
                    body_site=site,
                )
        for index, session in enumerate(day.sessions, 1):
            self.session(f"session/{key}/{index}", on, session)
        names = self.exercise_names
        for log in day.exercises:
            components = []
            if log.reason:
                components.append(
                    {"code": _concept("skip-reason"), "valueCodeableConcept": _concept(f"skip-{log.reason}")}
                )
            name = names.get(log.exercise_id, f"exercise {log.exercise_id}")
            self.observation(
                f"exercise/{key}/{log.exercise_id}",
                on,
                "therapy",
                _concept("home-exercise", _text(f"Home exercise: {name}")),
                {"valueCodeableConcept": _concept(f"exercise-{log.status}")},
                components,
            )
        for field_name, code, unit in _MOBILITY:
            value = getattr(day.mobility, field_name)
            if value is not None:
                self.observation(
                    f"{code}/{key}", on, "activity", _concept(code), {"valueQuantity": _quantity(value, unit)}
                )
        for flag in day.red_flags:
            self.observation(
                f"red-flag/{key}/{flag}",
                on,
                "survey",
                _concept("red-flag"),
                {"valueCodeableConcept": _concept(f"red-flag-{flag}", RED_FLAGS_BY_ID[flag].label)},
            )
            self.flag(key, flag)
        for code, text in (("daily-note", day.notes), ("question-for-therapist", day.questions)):
            if text.strip():
                self.observation(f"{code}/{key}", on, "survey", _concept(code), {"valueString": _text(text)})

        if day.sleep_hours is not None:
            self.observation(
                f"sleep/{key}",
                on,
                "survey",
                _SLEEP_CODE,
                {"valueQuantity": _quantity(_number(day.sleep_hours), "h")},
            )
        for code, value in (("sleep-quality", day.sleep_quality), ("mood", day.mood)):
            if value is not None:
                self.observation(
                    f"{code}/{key}", on, "survey", _concept(code), {"valueQuantity": _quantity(value, "{score}")}
                )
        for taken in day.medications:
            result: dict[str, Any]
            if taken.doses is None:
                code, result = "medication-taken", {"valueBoolean": True}
            else:
                code, result = "medication-doses", {"valueQuantity": _quantity(taken.doses, "{dose}")}
            self.observation(
                f"medication-taken/{key}/{taken.medication_id}",
                on,
                "survey",
                self.medication_concept(code, taken.medication_id),
                result,
            )

    def flag(self, key: str, flag: str) -> None:
        """A red flag as a FHIR Flag, for systems that show a patient's alerts."""
        self.add(
            f"flag/{key}/{flag}",
            {
                "resourceType": "Flag",
                # Active: the journal cannot know that it was seen to; the receiving clinic decides.
                "status": "active",
                "category": _FLAG_CATEGORY,
                "code": _concept(f"red-flag-{flag}", RED_FLAGS_BY_ID[flag].label),
                "subject": self.subject,
                "period": {"start": key},
                "author": self.subject,
            },
        )

    def visit(self, visit: Visit) -> None:
        """A therapy visit as an Encounter, and its note as an Observation of that encounter."""
        key = f"visit/{visit.date.isoformat()}"
        on = visit.date.isoformat()
        self.add(
            key,
            {
                "resourceType": "Encounter",
                "status": "finished",
                "class": _AMBULATORY,
                "type": [_coded("therapy-visit")],
                "subject": self.subject,
                "period": {"start": on, "end": on},
            },
        )
        if visit.note.strip():
            self.observation(
                f"visit-note/{on}",
                visit.date,
                "survey",
                _concept("visit-note"),
                {"valueString": _text(visit.note)},
                encounter=self.url(key),
            )

    def medication_concept(self, code: str, medication_id: int) -> dict[str, Any]:
        """The code of a doses-taken observation naming the medication, built once per medication."""
        concept = self.medication_concepts.get((code, medication_id))
        if concept is None:
            medication = self.medications.get(medication_id)
            name = medication.name if medication else f"medication {medication_id}"
            concept = self.medication_concepts[(code, medication_id)] = _concept(code, _text(f"Medication: {name}"))
        return concept

    def session(self, key: str, on: date, session: TherapySession) -> None:
        components = [
            {"code": _concept(code), "valueQuantity": _quantity(value, "{score}")}
            for code, value in (("pain-before", session.pain_before), ("pain-after", session.pain_after))
            if value is not None
        ]
        self.observation(
            key,
            on,
            "therapy",
            _concept(f"{session.kind}-session"),
            {"valueQuantity": _quantity(session.minutes, "min")},
            components,
        )

    def psfs(self, rating: PsfsRating) -> None:
        activity = next((a for a in self.data.psfs_activities if a.id == rating.activity_id), None)
        name = activity.name if activity else f"activity {rating.activity_id}"
        self.observation(
            f"psfs/{rating.date.isoformat()}/{rating.activity_id}",
            rating.date,
            "survey",
            _concept("psfs-item", _text(f"PSFS: {name}")),
            {"valueQuantity": _quantity(rating.score, "{score}")},
            [{"code": _concept("psfs-version"), "valueString": rating.version}],
        )

    def peg(self, peg: PegScore) -> None:
        components = [
            {
                "code": {"coding": [{"system": LOINC, "code": PEG_ITEM_LOINC[item]}], "text": PEG_ITEMS[item]},
                "valueQuantity": _quantity(getattr(peg, item), "{score}"),
            }
            for item in ("pain", "enjoyment", "activity")
        ]
        self.observation(
            f"peg/{peg.date.isoformat()}",
            peg.date,
            "survey",
            {"coding": [{"system": LOINC, "code": PEG_LOINC, "display": PEG_LOINC_DISPLAY}], "text": "PEG-3 score"},
            # The mean to two places; the exact items are the components.
            {"valueQuantity": _quantity(round(peg.score, 2), "{score}")},
            components,
        )

    def pgic(self, pgic: PgicRating) -> None:
        self.observation(
            f"pgic/{pgic.date.isoformat()}",
            pgic.date,
            "survey",
            _concept("pgic"),
            {"valueCodeableConcept": _concept(f"pgic-{pgic.rating}")},
        )

    def medication(self, medication: Medication, today: date) -> None:
        stopped = medication.end is not None and medication.end <= today
        period: dict[str, str] = {"start": medication.start.isoformat()}
        if medication.end is not None:
            # The journal's stop date is the first day off the list; a FHIR period ends on its last day.
            period["end"] = max(medication.start, medication.end - timedelta(days=1)).isoformat()
        dosage: dict[str, Any] = {}
        if medication.prescription:
            dosage["text"] = _text(medication.prescription)
        if medication.per_day is not None:
            dosage["timing"] = {"repeat": {"frequency": medication.per_day, "period": 1, "periodUnit": "d"}}
        dosage["asNeededBoolean"] = medication.as_needed
        self.add(
            f"medication/{medication.id}",
            {
                "resourceType": "MedicationStatement",
                "status": "completed" if stopped else "active",
                "medicationCodeableConcept": {"text": _text(medication.name)},
                "subject": self.subject,
                "effectivePeriod": period,
                "dateAsserted": today.isoformat(),
                "informationSource": self.subject,
                "dosage": [dosage],
            },
        )

    def event(self, event: CareEvent) -> None:
        key, code = f"event/{event.id}", _concept(f"event-{event.kind}", _text(event.text))
        if event.kind in _PROCEDURE_KINDS:
            self.add(
                key,
                {
                    "resourceType": "Procedure",
                    "status": "completed",
                    "code": code,
                    "subject": self.subject,
                    "performedDateTime": event.date.isoformat(),
                    "asserter": self.subject,
                },
            )
        else:
            self.observation(
                key, event.date, "survey", _concept(f"event-{event.kind}"), {"valueString": _text(event.text)}
            )

    # -- fixed parts -------------------------------------------------------------------------

    def patient(self) -> None:
        resource: dict[str, Any] = {"resourceType": "Patient"}
        if self.data.profile.patient_name.strip():
            resource["name"] = [{"text": _text(self.data.profile.patient_name.strip())}]
        self.add("Patient", resource)

    def code_system(self) -> None:
        self.add(
            "CodeSystem",
            {
                "resourceType": "CodeSystem",
                "url": CODE_SYSTEM,
                "name": "SpineJournal",
                "title": "spinejournal self-report items",
                "status": "active",
                "content": "complete",
                "concept": [{"code": code, "display": display} for code, display in CONCEPTS.items()],
            },
        )


def to_bundle(
    data: JournalData, start: date | None = None, end: date | None = None, *, today: date | None = None
) -> dict[str, Any]:
    """The FHIR Bundle (as JSON-ready dicts) of the days, ratings, care events and therapy visits from
    ``start`` to ``end``, and the medications on the list at any time in it.

    ``today`` (default ``clock.today()``) is the date the medication statements are asserted on, and
    decides which medications are still active.
    """
    today = today or clock.today()
    collecting = gc.isenabled()
    # A 10-year bundle is some 70,000 small dicts without a cycle: the cyclic collector walking them
    # while they are made frees nothing and costs about a sixth of the build.
    gc.disable()
    try:
        builder = _Builder(data)
        builder.patient()
        builder.code_system()
        for medication in data.medications:
            # On the list at some time from start to end (the stop date itself is off the list).
            if (end is None or medication.start <= end) and (
                start is None or medication.end is None or medication.end > start
            ):
                builder.medication(medication, today)
        for event in data.events:
            if _within(event.date, start, end):
                builder.event(event)
        for visit in sorted(data.visits, key=lambda v: v.date):
            if _within(visit.date, start, end):
                builder.visit(visit)
        for day in data.days_between(start, end):
            builder.day(day)
        for rating in data.psfs_ratings:
            if _within(rating.date, start, end):
                builder.psfs(rating)
        for peg in data.peg_scores:
            if _within(peg.date, start, end):
                builder.peg(peg)
        for pgic in data.pgic_ratings:
            if _within(pgic.date, start, end):
                builder.pgic(pgic)
    finally:
        if collecting:
            gc.enable()
    return {"resourceType": "Bundle", "type": "collection", "entry": builder.entries}


def _within(on: date, start: date | None, end: date | None) -> bool:
    return (start is None or on >= start) and (end is None or on <= end)


def _number(value: float) -> float | int:
    """A whole float as an int, so 7 hours is written 7, not 7.0."""
    return int(value) if value.is_integer() else value


def export_fhir(
    data: JournalData, start: date | None = None, end: date | None = None, *, today: date | None = None
) -> bytes:
    """The FHIR Bundle as UTF-8 JSON bytes (``today``: see ``to_bundle``)."""
    # orjson writes the same bytes as json.dumps(indent=2, ensure_ascii=False), 20x faster.
    return orjson.dumps(to_bundle(data, start, end, today=today), option=orjson.OPT_INDENT_2) + b"\n"
