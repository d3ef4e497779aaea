"""Crashes and concurrent writers: every confirmed save survives, and the file is always readable.

These tests start real processes. Repetitions are enough to hit writes mid-way many times (a kill
lands inside ``save_day`` in most rounds because saves run back to back), not thousands.
"""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from datetime import date, timedelta
from pathlib import Path

import pytest

from spinejournal.demo import write_demo
from spinejournal.model import Day, TherapySession
from spinejournal.store import Journal

pytestmark = pytest.mark.slow

BASE = date(2020, 1, 1)

WRITER = """
import sys
from datetime import date, timedelta
from pathlib import Path
from spinejournal.model import Day
from spinejournal.store import Journal

path, n = Path(sys.argv[1]), int(sys.argv[2])
journal = Journal(path)
while True:
    journal.save_day(Day(date=date(2020, 1, 1) + timedelta(days=n), pain_avg=n % 11, notes="n" * 300))
    print(n, flush=True)  # printed only once the save is confirmed
    n += 1
"""

APPENDER = """
import sys
from pathlib import Path
from datetime import date
from spinejournal.model import Day, TherapySession
from spinejournal.store import Journal, JournalBusyError

path, me, rounds = Path(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3])
journal = Journal(path, lock_timeout=30)
shared = date(2026, 3, 1)
for r in range(rounds):
    journal.update_day(shared, lambda d: d.with_changes(sessions=d.sessions + (TherapySession("heat", me + 1),)))
    journal.save_day(Day(date=date(2025, 1, 1).replace(month=me + 1, day=r + 1), pain_avg=(me + r) % 11))
    print(r, flush=True)
"""


def _env() -> dict[str, str]:
    return {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[1])}


def test_kill_9_at_any_moment_loses_no_confirmed_save(tmp_path: Path) -> None:
    path = tmp_path / "journal.json"
    # Two years of ordinary data, so each save writes a realistic amount (about 400 KB).
    write_demo(path, end=BASE - timedelta(days=1), days=730)
    script = tmp_path / "writer.py"
    script.write_text(WRITER)
    rng = random.Random(1234)
    confirmed: set[int] = set()
    n = 0
    for _ in range(20):
        proc = subprocess.Popen(
            [sys.executable, str(script), str(path), str(n)], stdout=subprocess.PIPE, text=True, env=_env()
        )
        assert proc.stdout is not None
        first = proc.stdout.readline()  # the writer is up and saving
        assert first.strip() == str(n), "writer failed to start"
        time.sleep(rng.uniform(0.0, 0.05))
        proc.send_signal(signal.SIGKILL)
        rest, _ = proc.communicate()
        printed = [int(line) for line in [first, *rest.splitlines()] if line.strip()]
        confirmed.update(printed)
        n = max(printed) + 2  # the next round starts past any save that may have been in flight

        data = Journal(path, read_only=True).data()  # parses: the file is never half-written
        logged = {(d.date - BASE).days for d in data.days if d.date >= BASE}
        missing = confirmed - logged
        assert not missing, f"confirmed saves lost after a kill: {sorted(missing)[:5]}"
        assert len(data.days) >= 730

    # A later writer cleans up any temp file a killed writer left behind.
    Journal(path).save_day(data.days[0])
    assert not [p for p in path.parent.iterdir() if p.name.startswith(".journal.json.tmp-")]


def test_concurrent_writers_never_lose_or_interleave_saves(tmp_path: Path) -> None:
    path = tmp_path / "journal.json"
    Journal(path).save_day(Day(date=date(2026, 3, 1), pain_avg=5))
    script = tmp_path / "appender.py"
    script.write_text(APPENDER)
    writers, rounds = 6, 8
    procs = [
        subprocess.Popen(
            [sys.executable, str(script), str(path), str(me), str(rounds)], stdout=subprocess.PIPE, env=_env()
        )
        for me in range(writers)
    ]
    outputs = [p.communicate(timeout=120)[0] for p in procs]
    assert all(p.returncode == 0 for p in procs), "a writer failed"
    assert all(len(out.split()) == rounds for out in outputs)

    data = Journal(path, read_only=True).data()
    shared = data.day(date(2026, 3, 1))
    assert shared is not None
    # Every appended session is there: writer `me` appended `rounds` sessions of me + 1 minutes.
    minutes = sorted(s.minutes for s in shared.sessions)
    assert minutes == sorted(me + 1 for me in range(writers) for _ in range(rounds))
    assert all(isinstance(s, TherapySession) for s in shared.sessions)
    for me in range(writers):
        for r in range(rounds):
            day = data.day(date(2025, me + 1, r + 1))
            assert day is not None and day.pain_avg == (me + r) % 11


def test_concurrent_quick_entries_all_land_or_are_refused_clearly(tmp_path: Path) -> None:
    path = tmp_path / "journal.json"
    env = {**_env(), "SPINEJOURNAL_JOURNAL": str(path)}
    procs = [
        subprocess.Popen(
            [sys.executable, "-m", "spinejournal", "log", "--date", f"2026-03-0{n}", "--pain", str(n), "--heat", "10"],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env=env,
        )
        for n in range(1, 9)
    ]
    results = [(p.communicate(timeout=60), p.returncode) for p in procs]
    data = Journal(path, read_only=True).data()
    for n, ((out, err), code) in enumerate(results, start=1):
        day = data.day(date(2026, 3, n))
        if code == 0:
            assert day is not None and day.pain_avg == n and len(day.sessions) == 1, out
        else:
            assert day is None
            assert err.count("\n") == 1 and "try again" in err, err
    assert sum(code == 0 for _, code in results) >= 1
