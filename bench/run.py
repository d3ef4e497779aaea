"""spinejournal's speed, side by side with its baselines, as ratios (``make bench``).

Every figure is measured against a baseline run in this same script run, interleaved with it,
several times; the table shows medians with their spread (min-max) and the ratio to the baseline.
Nothing here is part of the test suite: speed is reported, never asserted in tests.

    python bench/run.py            # full run (a few minutes)
    python bench/run.py --quick    # fewer repetitions, 1/3/10 years only
"""

from __future__ import annotations

import argparse
import asyncio
import compileall
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass
from datetime import date, timedelta
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT))

from spinejournal.demo import write_demo  # noqa: E402
from spinejournal.fsutil import atomic_write_bytes  # noqa: E402
from spinejournal.model import Day, TherapySession  # noqa: E402
from spinejournal.store import Journal  # noqa: E402

END = date(2026, 11, 27)
BIN = Path(sys.executable).parent


@dataclass
class Row:
    """One line of the results table."""

    figure: str
    value: float
    spread: str
    baseline: float | None
    baseline_name: str
    unit: str
    target: str
    ok: bool | None
    note: str = ""

    @property
    def ratio(self) -> float | None:
        return self.value / self.baseline if self.baseline else None


def median_spread(samples: list[float]) -> tuple[float, str]:
    return statistics.median(samples), f"{min(samples):.3g}-{max(samples):.3g}"


def timed(fn: Callable[[], object]) -> float:
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def interleave(ours: Callable[[], float], base: Callable[[], float], reps: int) -> tuple[list[float], list[float]]:
    """Alternate the two measurements so drift in the machine's load hits both alike."""
    a, b = [], []
    for _ in range(reps):
        a.append(ours())
        b.append(base())
    return a, b


def run_child(cmd: list[str], env: dict[str, str] | None = None) -> tuple[float, str]:
    """Run a process; return (wall seconds, what it printed)."""
    start = time.perf_counter()
    proc = subprocess.run(cmd, capture_output=True, text=True, env=env)
    elapsed = time.perf_counter() - start
    if proc.returncode != 0:
        raise RuntimeError(f"{cmd[:3]} failed: {proc.stderr}")
    return elapsed, proc.stdout


# -- journals ------------------------------------------------------------------------------------


def make_journals(work: Path, years: list[int]) -> dict[int, Path]:
    """Realistic synthetic journals: every day logged, 6 exercises, visits every 2 weeks."""
    paths = {}
    for y in years:
        path = work / f"y{y}" / "journal.json"
        write_demo(path, end=END, days=365 * y, exercises=6, seed=y)
        paths[y] = path
    return paths


# -- quick entry vs jrnl ---------------------------------------------------------------------------


def jrnl_setup(work: Path) -> tuple[list[str], dict[str, str]] | str:
    """A throwaway venv with jrnl and a 10-year plain-text journal; or the reason it could not be made."""
    venv = work / "jrnl-venv"
    try:
        subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True, capture_output=True)
        subprocess.run(
            [str(venv / "bin" / "pip"), "install", "--quiet", "jrnl"], check=True, capture_output=True, timeout=600
        )
    except (subprocess.CalledProcessError, subprocess.TimeoutExpired) as exc:
        return f"jrnl could not be installed ({exc.__class__.__name__})"
    text = work / "jrnl" / "journal.txt"
    text.parent.mkdir(parents=True)
    start = END - timedelta(days=3650)
    entries = [
        f"[{(start + timedelta(days=i)).isoformat()} 09:00] Pain 4 today, heat 20 minutes helped a little.\n"
        "Walked 25 minutes; did pelvic tilts and bird dogs. Slept fairly well, stiff in the morning.\n"
        for i in range(3650)
    ]
    text.write_text("\n".join(entries))
    config = text.parent / "jrnl.yaml"
    config.write_text(
        "colors: {body: none, date: none, tags: none, title: none}\ndefault_hour: 9\ndefault_minute: 0\n"
        "editor: ''\nencrypt: false\nhighlight: true\nindent_character: '|'\n"
        f"journals:\n  default:\n    journal: {text}\nlinewrap: 79\ntagsymbols: '#@'\ntemplate: false\n"
        "timeformat: '%Y-%m-%d %H:%M'\nversion: v4.6\n"
    )
    cmd = [str(venv / "bin" / "jrnl"), "--config-file", str(config), "Pain 3 today. Walked 30 minutes."]
    env = {**os.environ, "HOME": str(work / "jrnl"), "XDG_CONFIG_HOME": str(work / "jrnl")}
    run_child(cmd, env)  # first run migrates the config file; not timed
    return cmd, env


def bench_quick_entry(journal: Path, work: Path, reps: int) -> Row:
    setup = jrnl_setup(work)
    # A copy: every `log --heat` adds a session to the end day, which the later figures must not see.
    copy = work / "quick" / journal.name
    copy.parent.mkdir(mode=0o700)
    shutil.copyfile(journal, copy)
    journal = copy
    ours_cmd = [str(BIN / "spinejournal"), "--journal", str(journal), "log", "--pain", "4", "--heat", "20:5:3"]
    if isinstance(setup, str):
        samples = [run_child(ours_cmd)[0] for _ in range(reps)]
        value, spread = median_spread(samples)
        return Row("quick entry, 10 years", value, spread, None, "jrnl", "s", "<= 0.4x jrnl", None, setup)
    jrnl_cmd, jrnl_env = setup
    ours, base = interleave(lambda: run_child(ours_cmd)[0], lambda: run_child(jrnl_cmd, jrnl_env)[0], reps)
    value, spread = median_spread(ours)
    baseline = statistics.median(base)
    return Row(
        "quick entry `log`, 10 years",
        value,
        spread,
        baseline,
        "jrnl adds an entry, 10 years",
        "s",
        "<= 0.4x",
        value / baseline <= 0.4,
    )


# -- durable save vs the floor ---------------------------------------------------------------------


def bench_save(journal: Path, work: Path, reps: int) -> Row:
    copy = work / "save" / "journal.json"
    copy.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(journal, copy)
    j = Journal(copy)
    j.data()
    floor_target = work / "save" / "floor.json"
    counter = iter(range(10**6))

    def ours() -> float:
        n = next(counter)
        day = Day(date=END, pain_avg=n % 11, sessions=(TherapySession("heat", 15, pain_before=5, pain_after=3),))
        return timed(lambda: j.save_day(day))

    def floor() -> float:
        raw = copy.read_bytes()  # the same bytes the save wrote
        return timed(lambda: atomic_write_bytes(floor_target, raw))

    a, b = interleave(ours, floor, reps)
    value, spread = median_spread(a)
    baseline = statistics.median(b)
    return Row(
        "durable save of one day, 10 years",
        value,
        spread,
        baseline,
        "write same bytes + fsync + rename",
        "s",
        "<= 2x",
        value / baseline <= 2,
    )


# -- growth from 1 to 30 years --------------------------------------------------------------------


def bench_growth(paths: dict[int, Path], reps: int) -> list[Row]:
    """Open (parse + materialise every day) and save, per journal size; linear growth expected."""
    opened: dict[int, float] = {}
    saved: dict[int, float] = {}
    for years, path in paths.items():
        opened[years] = statistics.median(timed(lambda p=path: Journal(p, read_only=True).data()) for _ in range(reps))
        j = Journal(path)
        saved[years] = statistics.median(
            timed(lambda n=n, j=j: j.save_day(Day(date=END, pain_avg=n % 11))) for n in range(reps)
        )
    rows = []
    smallest = min(paths)
    for years in paths:
        for name, table in (("open + load all days", opened), ("save one day", saved)):
            scale = years / smallest
            ratio = table[years] / table[smallest]
            # Linear growth means the ratio tracks the size ratio; allow fixed costs and noise (x1.5).
            rows.append(
                Row(
                    f"{name}, {years} years",
                    table[years],
                    "",
                    table[smallest],
                    f"same, {smallest} year(s)",
                    "s",
                    f"<= {scale * 1.5:g}x (linear)",
                    ratio <= scale * 1.5,
                )
            )
    return rows


# -- TUI start -------------------------------------------------------------------------------------

TUI_PROBE = """
import asyncio, sys
from pathlib import Path
which, journal = sys.argv[1], Path(sys.argv[2])
if which == "app":
    from spinejournal.store import Journal
    from spinejournal.tui.app import SpineJournalApp
    app = SpineJournalApp(Journal(journal))
else:
    from textual.app import App
    from textual.widgets import Footer, Header, Static

    class Hello(App):
        def compose(self):
            yield Header()
            yield Static("Hello, world")
            yield Footer()

    app = Hello()

async def main():
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()

asyncio.run(main())
# Peak RSS of this process image only: ru_maxrss would also count the parent's pages at fork.
status = Path("/proc/self/status").read_text()
print(next(line.split()[1] for line in status.splitlines() if line.startswith("VmHWM:")))
"""


def bench_tui_start(journal: Path, work: Path, reps: int) -> list[Row]:
    probe = work / "tui_probe.py"
    probe.write_text(TUI_PROBE)
    env = {**os.environ, "SPINEJOURNAL_TODAY": END.isoformat()}
    ours, base = [], []
    for _ in range(reps):
        ours.append(run_child([sys.executable, str(probe), "app", str(journal)], env))
        base.append(run_child([sys.executable, str(probe), "hello", str(journal)], env))
    t_value, t_spread = median_spread([t for t, _ in ours])
    t_base = statistics.median(t for t, _ in base)
    rss = statistics.median(int(out.split()[-1]) for _, out in ours) / 1024
    rss_base = statistics.median(int(out.split()[-1]) for _, out in base) / 1024
    rows = [
        Row(
            "TUI start to first screen (headless), 10 years",
            t_value,
            t_spread,
            t_base,
            "hello-world Textual app",
            "s",
            "<= 1.3x",
            t_value / t_base <= 1.3,
        ),
        Row(
            "TUI peak RSS, 10 years",
            rss,
            "",
            rss_base,
            "hello-world Textual app",
            "MiB",
            "<= 1.3x",
            rss / rss_base <= 1.3,
        ),
    ]
    rows.append(bench_tui_tmux(journal, work, max(3, reps // 2)))
    return rows


def _tmux_until(cmd: str, marker: str, timeout: float = 20.0) -> float:
    session = f"sjbench{os.getpid()}"
    start = time.perf_counter()
    subprocess.run(["tmux", "new-session", "-d", "-s", session, "-x", "100", "-y", "30", cmd], check=True)
    try:
        while time.perf_counter() - start < timeout:
            capture = ["tmux", "capture-pane", "-t", session, "-p"]
            screen = subprocess.run(capture, capture_output=True, text=True).stdout
            if marker in screen:
                return time.perf_counter() - start
            time.sleep(0.005)
        raise RuntimeError(f"'{marker}' never appeared under tmux")
    finally:
        subprocess.run(["tmux", "kill-session", "-t", session], capture_output=True)


HELLO_APP = """
from textual.app import App
from textual.widgets import Footer, Header, Static

class Hello(App):
    def compose(self):
        yield Header()
        yield Static("Hello, world")
        yield Footer()

Hello().run()
"""


def bench_tui_tmux(journal: Path, work: Path, reps: int) -> Row:
    if shutil.which("tmux") is None:
        return Row("TUI start under tmux", 0, "", None, "", "s", "<= 1.3x", None, "tmux not installed")
    hello = work / "hello.py"
    hello.write_text(HELLO_APP)
    ours_cmd = f"SPINEJOURNAL_TODAY={END} {BIN / 'spinejournal'} --journal {journal}"
    base_cmd = f"{sys.executable} {hello}"
    # An idle session keeps the tmux server up between runs: when a run killed the last session, the
    # server was still exiting as the next run started one ("server exited unexpectedly").
    keeper = f"sjbench-keep{os.getpid()}"
    subprocess.run(["tmux", "new-session", "-d", "-s", keeper, "sleep 3600"], check=True)
    try:
        a, b = interleave(
            lambda: _tmux_until(ours_cmd, "Average pain"), lambda: _tmux_until(base_cmd, "Hello, world"), reps
        )
    finally:
        subprocess.run(["tmux", "kill-session", "-t", keeper], capture_output=True)
    value, spread = median_spread(a)
    baseline = statistics.median(b)
    return Row(
        "TUI start under tmux, first paint, 10 years",
        value,
        spread,
        baseline,
        "hello-world Textual app",
        "s",
        "<= 1.3x",
        value / baseline <= 1.3,
    )


# -- trends and exports -----------------------------------------------------------------------------


def bench_trends_and_exports(journal: Path, reps: int) -> list[Row]:
    rows: list[Row] = []
    data = Journal(journal, read_only=True).data()
    from spinejournal import insights

    rng = insights.resolve_range(data, "all", today=END)
    samples = [timed(lambda: insights.compute(data, rng)) for _ in range(reps)]
    value, spread = median_spread(samples)
    rows.append(Row("insights over all 10 years (uncached)", value, spread, None, "", "s", "", None))
    rows.extend(bench_trends_screen(journal, reps))
    from spinejournal.reports import FORMATS, SUMMARY_FORMATS, export

    def all_formats() -> None:
        for fmt in FORMATS:
            export(data, fmt, rng if fmt in SUMMARY_FORMATS else None)

    samples = [timed(all_formats) for _ in range(max(3, reps // 2))]
    value, spread = median_spread(samples)
    rows.append(
        Row(
            "every export format (md, html, csv, json, fhir), 10 years",
            value,
            spread,
            None,
            "",
            "s",
            "<= 1 s",
            value <= 1.0,
        )
    )
    return rows


def bench_trends_screen(journal: Path, reps: int) -> list[Row]:
    """The Trends screen over all 10 years in a headless app: first show, then redraws."""
    from spinejournal.tui.app import SpineJournalApp
    from spinejournal.tui.screens.trends import TrendsScreen

    first: list[float] = []
    redraws: list[float] = []

    async def drive() -> None:
        app = SpineJournalApp(Journal(journal, read_only=True))
        async with app.run_test(size=(120, 40)) as pilot:
            for _ in range(reps):
                screen = TrendsScreen()
                await app.push_screen(screen)
                await pilot.pause()
                start = time.perf_counter()
                screen.show_range("all")  # computes the insights of 10 years, then draws
                await pilot.pause()
                first.append(time.perf_counter() - start)
                screen.show_range("4w")
                await pilot.pause()
                start = time.perf_counter()
                screen.show_range("all")  # a redraw: the insights come from the screen's cache
                await pilot.pause()
                redraws.append(time.perf_counter() - start)
                app.pop_screen()
                await pilot.pause()

    asyncio.run(drive())
    f_value, f_spread = median_spread(first)
    r_value, r_spread = median_spread(redraws)
    return [
        Row("Trends: first show of all 10 years (compute + draw)", f_value, f_spread, None, "", "s", "", None),
        Row("Trends redraw over all 10 years", r_value, r_spread, None, "", "s", "<= 0.05 s", r_value <= 0.05),
    ]


# -- report ----------------------------------------------------------------------------------------


def machine() -> str:
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return f"{cpu}, {os.cpu_count()} cores, Python {platform.python_version()}, {platform.system()}"


def fmt(value: float | None, unit: str) -> str:
    if value is None:
        return "-"
    if unit == "s":
        return f"{value * 1000:.1f} ms"
    return f"{value:.1f} {unit}"


def print_table(rows: list[Row]) -> str:
    header = ("figure", "value", "spread", "baseline", "ratio", "target", "result")
    lines = []
    for r in rows:
        spread = f"{r.spread} s" if r.spread and r.unit == "s" else r.spread
        ratio = f"{r.ratio:.2f}x" if r.ratio is not None else "-"
        result = "-" if r.ok is None else ("pass" if r.ok else "MISS")
        base = f"{fmt(r.baseline, r.unit)} ({r.baseline_name})" if r.baseline is not None else "-"
        lines.append(
            (
                r.figure,
                fmt(r.value, r.unit) if r.value else "-",
                spread or "-",
                base,
                ratio,
                r.target or "-",
                result + (f" ({r.note})" if r.note else ""),
            )
        )
    out = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    out += ["| " + " | ".join(cells) + " |" for cells in lines]
    return "\n".join(out)


def bench_caseload(work: Path, reps: int) -> Row:
    """bench/caseload.py: 100 exports of a year each, read and ranked, against reading them alone."""
    import caseload

    folder = caseload.make_exports(work / "caseload", END)
    cpu: list[float] = []
    ours, base = caseload.measure(folder, END, reps, cpu)
    value, spread = median_spread(ours)
    target = caseload.TARGET_SECONDS
    figure = f"caseload: {caseload.PATIENTS} exports of {caseload.DAYS} days read and ranked"
    baseline = "the same files read (import only)"
    note = f"CPU {statistics.median(cpu):.2f} s"
    ok = value < target
    return Row(figure, value, spread, statistics.median(base), baseline, "s", f"< {target:.0f} s", ok, note)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="fewer repetitions; 1, 3 and 10 years only")
    parser.add_argument("--out", type=Path, default=HERE / "results" / "latest.json", help="where to write JSON")
    args = parser.parse_args()
    reps = 5 if args.quick else 11
    years = [1, 3, 10] if args.quick else [1, 3, 10, 30]
    work = Path(tempfile.mkdtemp(prefix="spinejournal-bench-"))
    # Users run spinejournal from bytecode (written by the first run, or by pip at install, as it was
    # for jrnl). With PYTHONDONTWRITEBYTECODE set, as on some CI machines, every start would compile
    # our sources again: ~10 ms of each quick entry that no user pays.
    compileall.compile_dir(ROOT / "spinejournal", quiet=1)
    try:
        print(f"Generating journals of {years} years in {work} ...", file=sys.stderr)
        paths = make_journals(work, years)
        rows: list[Row] = []
        print("quick entry vs jrnl ...", file=sys.stderr)
        rows.append(bench_quick_entry(paths[10], work, reps))
        print("durable save vs floor ...", file=sys.stderr)
        rows.append(bench_save(paths[10], work, reps * 3))
        print("TUI start ...", file=sys.stderr)
        rows.extend(bench_tui_start(paths[10], work, reps))
        print("trends and exports ...", file=sys.stderr)
        rows.extend(bench_trends_and_exports(paths[10], reps))
        print("growth 1 to 30 years ...", file=sys.stderr)
        rows.extend(bench_growth(paths, max(3, reps // 2)))
        print("caseload of 100 one-year exports ...", file=sys.stderr)
        rows.append(bench_caseload(work, max(3, reps // 2)))
    finally:
        shutil.rmtree(work, ignore_errors=True)
    table = print_table(rows)
    print(f"Machine: {machine()}\n")
    print(table)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(
        json.dumps(
            {
                "machine": machine(),
                "when": time.strftime("%Y-%m-%d"),
                "quick": args.quick,
                "rows": [{**asdict(r), "ratio": r.ratio} for r in rows],
            },
            indent=2,
        )
        + "\n"
    )
    (args.out.with_suffix(".md")).write_text(f"Machine: {machine()}, {time.strftime('%Y-%m-%d')}\n\n{table}\n")


if __name__ == "__main__":
    main()
