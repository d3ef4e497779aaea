"""The caseload's speed: 100 patients' exports of one year each, read (the JSON import's validation)
and ranked, as ``spinejournal caseload FOLDER`` does (target: under 2 s). The baseline is reading
the same files with the import alone, so the ratio is what the figures and the ranking add.

    python bench/caseload.py         # on its own; ``make bench`` runs it too (bench/run.py)
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from spinejournal.demo import build_demo  # noqa: E402
from spinejournal.reports.caseload import read_caseload  # noqa: E402
from spinejournal.reports.json_io import export_json, read_export  # noqa: E402

PATIENTS = 100
DAYS = 365
TARGET_SECONDS = 2.0


def make_exports(folder: Path, end: date, patients: int = PATIENTS) -> Path:
    """``patients`` exports of ``DAYS`` days each (different seeds), in ``folder``."""
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(patients):
        data = build_demo(end=end, days=DAYS, seed=100 + i, patient_name=f"Patient {i:03d}")
        (folder / f"patient-{i:03d}.json").write_bytes(export_json(data))
    return folder


def measure(folder: Path, end: date, reps: int, cpu: list[float] | None = None) -> tuple[list[float], list[float]]:
    """Seconds to read and rank the folder, and to read its files with the import alone, interleaved.

    ``cpu`` gets the CPU seconds of each caseload run: on a shared machine, the figure the load of
    other processes changes least.
    """
    files = sorted(str(p) for p in folder.glob("*.json"))
    ours, base = [], []
    for _ in range(reps):
        start, started = time.perf_counter(), time.process_time()
        loaded = read_caseload([str(folder)], today=end)
        ours.append(time.perf_counter() - start)
        if cpu is not None:
            cpu.append(time.process_time() - started)
        assert len(loaded.patients) == len(files) and not loaded.unreadable
        start = time.perf_counter()
        for file in files:
            read_export(file)
        base.append(time.perf_counter() - start)
    return ours, base


def main() -> None:
    end = date(2026, 11, 27)
    with tempfile.TemporaryDirectory(prefix="spinejournal-caseload-bench-") as work:
        folder = make_exports(Path(work) / "exports", end)
        cpu: list[float] = []
        ours, base = measure(folder, end, 5, cpu)
    value, reading = statistics.median(ours), statistics.median(base)
    verdict = "ok" if value < TARGET_SECONDS else "over target"
    spread = f"min {min(ours):.2f}, max {max(ours):.2f}"
    print(f"{PATIENTS} exports of {DAYS} days read and ranked: {value:.2f} s ({spread});")
    print(f"CPU time {statistics.median(cpu):.2f} s; read alone: {reading:.2f} s, ratio {value / reading:.2f}")
    print(f"target < {TARGET_SECONDS:.0f} s: {verdict}")


if __name__ == "__main__":
    main()
