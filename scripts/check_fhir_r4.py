"""Validate spinejournal's FHIR exports against the true FHIR R4 (4.0.1) models: `make check-fhir-r4`.

The test suite validates bundles with fhir.resources 8 (R4B, 4.3.0 models). R4 4.0.1 models are in
fhir.resources 6.1.0, which needs pydantic < 2, so they live in their own venv (``.venv-fhir-r4``) and
are never a dependency of spinejournal. This script runs twice:

- in spinejournal's venv (no arguments but ``--r4-python``): it exports the demo journal's whole FHIR
  bundle, and a journal holding every kind of record with hostile text, into a private temp folder, then
- runs itself with ``--validate FILE...`` under the R4 venv's Python, which parses each bundle with the
  R4 models (unknown elements are refused there, so an R4B-only element fails) and prints one line each.

Exit status 0 when every bundle validates, 1 otherwise.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from datetime import date
from pathlib import Path


def _validate(paths: list[str]) -> int:
    """Parse each bundle with the R4 models (run under the R4 venv)."""
    from collections import Counter

    from fhir.resources import __version__
    from fhir.resources.bundle import Bundle

    failed = 0
    for path in paths:
        try:
            bundle = Bundle.parse_obj(json.loads(Path(path).read_text(encoding="utf-8")))
        except Exception as exc:  # pydantic's ValidationError and bad JSON alike: report, go on
            failed += 1
            print(f"{Path(path).name}: NOT valid FHIR R4 (fhir.resources {__version__}): {exc}")
            continue
        kinds = Counter(entry.resource.resource_type for entry in bundle.entry or ())
        summary = ", ".join(f"{n} {kind}" for kind, n in sorted(kinds.items()))
        print(f"{Path(path).name}: valid FHIR R4 (fhir.resources {__version__}): {summary}")
    return 1 if failed else 0


def _every_kind() -> object:
    """A small journal holding every record kind the FHIR export writes, with hostile text."""
    from spinejournal.model import (
        CareEvent,
        Day,
        Exercise,
        ExerciseLog,
        JournalData,
        Medication,
        MedicationTaken,
        Mobility,
        PegScore,
        PgicRating,
        Profile,
        PsfsActivity,
        PsfsRating,
        Radiating,
        TherapySession,
        Visit,
    )

    hostile = '<script>alert(1)</script> [bold]x[/] =cmd "quoted"'
    start = date(2026, 3, 1)
    meds = (
        Medication(f"Ibuprofen {hostile}", start, dose="400 mg", as_needed=True, end=date(2026, 3, 3), id=1),
        Medication("Gabapentin", start, dose="300 mg", per_day=3, id=2),
        Medication("Ibuprofen", date(2026, 3, 3), dose="200 mg", as_needed=True, id=3),
    )
    days = tuple(
        Day(
            date=date(2026, 3, n),
            pain_avg=5,
            pain_now=4,
            pain_worst=7,
            pain_least=3,
            pain_limb=4,
            # One site (coded) on the first days, several (text only) on the last.
            regions=("lower_back",) if n < 4 else ("neck", "buttock_sacrum"),
            radiating=(Radiating("left_leg", "calf"),)
            if n < 4
            else (Radiating("left_leg", "thigh"), Radiating("right_arm", "hand")),
            sessions=tuple(TherapySession(kind, 15, "lower_back", 6, 4) for kind in ("heat", "ice", "tens", "massage")),
            exercises=(ExerciseLog(1, "partial", "pain"),),
            mobility=Mobility(walk=20, sit=30, stand=15, stiffness=30, fingertip_floor_cm=-5),
            medications=(MedicationTaken(1 if n < 3 else 3, 2), MedicationTaken(2)),
            sleep_hours=6.5,
            sleep_quality=4,
            mood=6,
            notes=hostile,
            questions=hostile,
            red_flags=("night_pain",),
        )
        for n in (1, 2, 3, 4)
    ) + (Day(date=date(2026, 3, 5), pain_avg=None, red_flags=("saddle_numbness",), notes=hostile),)  # a flag alone
    return JournalData(
        days=days,
        exercises=(Exercise(hostile, start, sets=2, reps=10, id=1),),
        visits=(Visit(start, note=hostile), Visit(date(2026, 3, 4))),
        psfs_activities=(PsfsActivity(hostile, created=start, id=1),),
        psfs_ratings=(PsfsRating(1, start, 3),),
        profile=Profile(patient_name="Ana Pérez"),
        medications=meds,
        peg_scores=(PegScore(date(2026, 3, 4), 6, 5, 4),),
        pgic_ratings=(PgicRating(date(2026, 3, 4), 3),),
        events=tuple(
            CareEvent(date(2026, 2, n), kind, hostile, id=n)
            for n, kind in enumerate(("surgery", "injection", "imaging", "diagnosis", "other"), start=1)
        ),
    )


def _export(folder: Path) -> list[Path]:
    """The bundles to check, written into ``folder``."""
    from spinejournal.demo import build_demo
    from spinejournal.model import JournalData
    from spinejournal.reports.fhir import export_fhir

    today = date(2026, 3, 15)
    every = _every_kind()
    assert isinstance(every, JournalData)
    bundles = {"demo.fhir.json": build_demo(end=today), "every-kind.fhir.json": every}
    paths = []
    for name, data in bundles.items():
        path = folder / name
        path.write_bytes(export_fhir(data, today=today))
        paths.append(path)
    return paths


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--r4-python", help="the Python of the venv holding fhir.resources 6.1.0 (R4 4.0.1)")
    parser.add_argument("--validate", nargs="+", metavar="FILE", help="validate these bundles (under the R4 venv)")
    args = parser.parse_args()
    if args.validate:
        return _validate(args.validate)
    if not args.r4_python:
        parser.error("give --r4-python (make check-fhir-r4 does)")
    with tempfile.TemporaryDirectory(prefix="spinejournal-fhir-r4-") as folder:  # created 0700
        paths = _export(Path(folder))
        return subprocess.run([args.r4_python, __file__, "--validate", *map(str, paths)], check=False).returncode


if __name__ == "__main__":
    sys.exit(main())
