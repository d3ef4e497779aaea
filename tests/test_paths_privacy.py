"""Paths are never replaced, and what spinejournal creates is private from the moment it exists.

A symlinked journal stays a link, exports never go through links or devices nor over a file without
asking, temp files and folders are owner-only at any umask, and a full disk or a read-only folder is
one line naming the journal, with nothing changed.
"""

from __future__ import annotations

import builtins
import errno
import os
import stat
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest
from textual.widgets import Input, Static

from spinejournal import fsutil, store
from spinejournal.cli import common as cli_common
from spinejournal.fsutil import UnsafeTargetError, check_export_target, ensure_private_dir
from spinejournal.model import Day
from spinejournal.store import Journal, JournalError, backups, list_backups
from spinejournal.tui.app import SpineJournalApp
from spinejournal.tui.screens.confirm import ConfirmScreen

from .conftest import TODAY
from .helpers import run

YESTERDAY = TODAY - timedelta(days=1)


def mode(path: Path) -> int:
    return stat.S_IMODE(os.lstat(path).st_mode)


def one_error_line(err: str) -> str:
    """The single error line of a failed command (and that there is exactly one, with no traceback)."""
    lines = err.splitlines()
    assert len(lines) == 1 and lines[0].startswith("spinejournal: error: "), err
    assert "Traceback" not in err
    return lines[0]


@pytest.fixture
def logged(capsys: pytest.CaptureFixture[str], journal_path: Path) -> Path:
    """The isolated journal with today logged."""
    assert run(capsys, "log", "--pain", "3")[0] == 0
    return journal_path


@pytest.fixture
def umask_000() -> Iterator[None]:
    old = os.umask(0)
    try:
        yield
    finally:
        os.umask(old)


# -- the journal's path ----------------------------------------------------------------------------


def test_a_symlinked_journal_stays_a_link_and_its_target_gets_every_save(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = tmp_path / "real" / "journal.json"
    link = tmp_path / "elsewhere" / "journal.json"
    link.parent.mkdir()
    link.symlink_to(real)  # dangling until the first save creates the real file
    monkeypatch.setenv("SPINEJOURNAL_JOURNAL", str(link))

    assert run(capsys, "log", "--pain", "4", "--date", str(YESTERDAY))[0] == 0
    assert run(capsys, "log", "--pain", "5")[0] == 0

    assert link.is_symlink() and os.readlink(link) == str(real)
    assert sorted(d.date for d in Journal(real).data().days) == [YESTERDAY, TODAY]
    # Lock, backups and temp files live beside the real file; nothing was made beside the link.
    assert (real.parent / "journal.json.lock").is_file()
    assert [b.name for b in list_backups(real)] == [f"journal-{TODAY}.json"]
    assert sorted(p.name for p in link.parent.iterdir()) == ["journal.json"]


def test_the_link_and_its_target_take_the_same_lock(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    real = tmp_path / "real.json"
    link = tmp_path / "link.json"
    link.symlink_to(real)
    from spinejournal.locations import journal_path

    assert journal_path(link) == journal_path(real) == real
    held = Journal(journal_path(link), lock_timeout=0.2)
    with store.writer_lock(journal_path(real)), pytest.raises(store.JournalBusyError):
        held.save_day(Day(date=TODAY, pain_avg=2))
    assert not real.exists()


@pytest.mark.parametrize("kind", ["folder", "fifo"])
def test_a_journal_path_that_is_not_a_file_is_refused_in_one_line(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch, kind: str
) -> None:
    odd = tmp_path / "journal.json"
    if kind == "folder":
        odd.mkdir()
    else:
        os.mkfifo(odd)  # opening a FIFO to read it would wait for a writer forever
    monkeypatch.setenv("SPINEJOURNAL_JOURNAL", str(odd))
    for args in (["log", "--pain", "3"], ["show"], ["remind"], ["restore"], ["export", "-o", "-"]):
        code, out, err = run(capsys, *args)
        expected = "a folder" if kind == "folder" else "a named pipe"
        assert code == 1 and out == ""
        assert f"the journal {odd} is {expected}, not a file" in one_error_line(err)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["journal.json"]  # no lock, no backups
    assert odd.is_dir() if kind == "folder" else stat.S_ISFIFO(os.lstat(odd).st_mode)


# -- exports ---------------------------------------------------------------------------------------


def test_export_to_a_symlink_is_refused_and_both_stay_as_they_were(
    capsys: pytest.CaptureFixture[str], logged: Path, tmp_path: Path
) -> None:
    target = tmp_path / "notes.txt"
    target.write_text("my own notes\n")
    link = tmp_path / "summary.md"
    link.symlink_to(target)
    for extra in ([], ["--force"]):
        code, out, err = run(capsys, "export", "-o", str(link), *extra)
        assert code == 1 and out == ""
        assert f"{link} is a symbolic link; exports are never written through one" in one_error_line(err)
        assert link.is_symlink() and os.readlink(link) == str(target)
        assert target.read_text() == "my own notes\n"


@pytest.mark.skipif(os.geteuid() != 0, reason="making a device node (os.mknod) needs root")
def test_export_to_a_device_node_is_refused_and_the_node_stays_a_device(
    capsys: pytest.CaptureFixture[str], logged: Path, tmp_path: Path
) -> None:
    node = tmp_path / "null"
    os.mknod(node, stat.S_IFCHR | 0o666, os.makedev(1, 3))  # the same device as /dev/null
    code, out, err = run(capsys, "export", "--format", "csv", "-o", str(node), "--force")
    assert code == 1 and out == ""
    assert f"{node} is a device, not a file" in one_error_line(err)
    st = os.lstat(node)
    assert stat.S_ISCHR(st.st_mode) and st.st_rdev == os.makedev(1, 3)


def test_export_over_an_existing_file_needs_force_when_nobody_can_answer(
    capsys: pytest.CaptureFixture[str], logged: Path, tmp_path: Path
) -> None:
    target = tmp_path / "summary.md"
    target.write_text("last week's summary\n")
    code, out, err = run(capsys, "export", "-o", str(target))
    assert code == 1 and out == ""
    assert one_error_line(err) == (
        f"spinejournal: error: {target} already exists; add --force to replace it (nothing was written)"
    )
    assert target.read_text() == "last week's summary\n"
    assert [p.name for p in tmp_path.iterdir() if ".tmp-" in p.name] == []

    code, out, _ = run(capsys, "export", "-o", str(target), "--force")
    assert code == 0 and out.startswith(f"Wrote {target} (")
    assert target.read_text().startswith("# Physical therapy summary")
    assert mode(target) == 0o600


@pytest.mark.parametrize(("answer", "replaced"), [("y", True), ("n", False), ("", False)])
def test_export_over_an_existing_file_asks_a_person_first(
    capsys: pytest.CaptureFixture[str],
    logged: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    answer: str,
    replaced: bool,
) -> None:
    target = tmp_path / "days.csv"
    target.write_text("old\n")
    asked: list[str] = []
    monkeypatch.setattr(cli_common, "interactive", lambda: True)
    monkeypatch.setattr(builtins, "input", lambda prompt: asked.append(prompt) or answer)
    code, out, _ = run(capsys, "export", "--format", "csv", "-o", str(target))
    assert code == 0
    assert asked == [f"{target} already exists. Replace it? [y/N]: "]
    if replaced:
        assert target.read_text().startswith("\ufeffdate,pain_avg,")
    else:
        assert target.read_text() == "old\n"
        assert out == f"Cancelled: {target} was left as it was.\n"


def test_export_to_standard_output_writes_no_file(
    capsys: pytest.CaptureFixture[str], logged: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    code, out, _ = run(capsys, "export", "--format", "csv", "-o", "-")
    assert code == 0 and out.startswith("\ufeffdate,pain_avg,")
    assert not (tmp_path / "-").exists()


def test_check_export_target_tells_a_new_name_from_a_file_and_refuses_the_rest(tmp_path: Path) -> None:
    (tmp_path / "file").write_text("x")
    (tmp_path / "link").symlink_to(tmp_path / "file")
    assert check_export_target(tmp_path / "new") is False
    assert check_export_target(tmp_path / "file") is True
    with pytest.raises(UnsafeTargetError, match="is a symbolic link"):
        check_export_target(tmp_path / "link")
    with pytest.raises(UnsafeTargetError, match="is a folder, not a file"):
        check_export_target(tmp_path)


def test_the_atomic_write_never_renames_over_a_link(tmp_path: Path) -> None:
    # The last line of defence, if something appears between the check and the write.
    (tmp_path / "file").write_text("keep")
    link = tmp_path / "link"
    link.symlink_to(tmp_path / "file")
    with pytest.raises(FileExistsError, match="is a symbolic link, so it was not replaced"):
        fsutil.atomic_write_bytes(link, b"new")
    assert link.is_symlink() and (tmp_path / "file").read_text() == "keep"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["file", "link"]


async def test_the_app_asks_before_replacing_a_file_and_refuses_a_link(
    logged: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "summary.html"
    target.write_text("old summary")
    link = tmp_path / "link.html"
    link.symlink_to(target)
    app = SpineJournalApp(Journal(logged))
    toasts: list[str] = []
    show_error = app.show_error
    monkeypatch.setattr(app, "show_error", lambda error: toasts.append(str(error)) or show_error(error))
    async with app.run_test(size=(100, 34), notifications=True) as pilot:
        await pilot.press("e")
        await pilot.pause()
        export_screen = app.screen
        export_screen.query_one("#export-path", Input).value = str(target)

        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is export_screen
        assert target.read_text() == "old summary"
        assert str(export_screen.query_one("#export-status", Static).render()) == f"{target} was left as it was."

        await pilot.press("ctrl+s")
        await pilot.pause()
        await pilot.press("r")
        await pilot.pause()
        assert target.read_text().startswith("<!DOCTYPE html>")
        assert str(export_screen.query_one("#export-status", Static).render()).startswith(f"Wrote {target} (")
        assert mode(target) == 0o600

        export_screen.query_one("#export-path", Input).value = str(link)
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is export_screen  # no question: a link is never written through
        status = export_screen.query_one("#export-status", Static)
        assert status.has_class("-error") and "is a symbolic link" in str(status.render())
        assert toasts == [
            f"Not written: {link} is a symbolic link; exports are never written through one: name the file itself"
        ]
    assert link.is_symlink()


# -- privacy at any umask --------------------------------------------------------------------------


def test_every_file_and_folder_is_private_at_umask_000(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch, umask_000: None
) -> None:
    journal = tmp_path / "a" / "b" / "c" / "journal.json"
    monkeypatch.setenv("SPINEJOURNAL_JOURNAL", str(journal))
    temp_modes: dict[str, int] = {}
    real_write = fsutil._write_all

    def spy(fd: int, data: bytes | memoryview) -> None:
        # The temp file's mode while its bytes are still being written.
        temp_modes[os.readlink(f"/proc/self/fd/{fd}")] = stat.S_IMODE(os.fstat(fd).st_mode)
        real_write(fd, data)

    monkeypatch.setattr(fsutil, "_write_all", spy)
    assert run(capsys, "log", "--pain", "3", "--date", str(YESTERDAY))[0] == 0
    assert run(capsys, "log", "--pain", "4")[0] == 0  # the second save makes today's backup

    assert {Path(name).name.split(".tmp-")[0] for name in temp_modes} == {".journal.json", ".journal-2026-03-15.json"}
    assert set(temp_modes.values()) == {0o600}
    for folder in (tmp_path / "a", tmp_path / "a" / "b", journal.parent, journal.parent / "backups"):
        assert mode(folder) == 0o700, folder
    for file in (journal, journal.with_name("journal.json.lock"), *list_backups(journal)):
        assert mode(file) == 0o600, file


def test_existing_folders_are_left_as_they_are(tmp_path: Path, umask_000: None) -> None:
    shared = tmp_path / "shared"
    shared.mkdir(mode=0o755)
    os.chmod(shared, 0o755)
    ensure_private_dir(shared / "x" / "y")
    assert (mode(shared), mode(shared / "x"), mode(shared / "x" / "y")) == (0o755, 0o700, 0o700)


def test_stale_backup_temps_are_cleaned_on_the_next_save(capsys: pytest.CaptureFixture[str], logged: Path) -> None:
    backups = logged.parent / "backups"
    backups.mkdir(exist_ok=True)
    stale = backups / f".journal-{YESTERDAY}.json.tmp-99999-deadbeef"
    stale.write_bytes(b"half a copy")
    someone_elses = backups / "notes.txt.tmp-1-deadbeef"
    someone_elses.write_text("not ours")
    assert run(capsys, "log", "--pain", "5")[0] == 0
    assert not stale.exists()
    assert someone_elses.exists()


def test_a_backup_cut_short_leaves_no_temp_and_the_journal_unchanged(
    capsys: pytest.CaptureFixture[str], journal_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    journal = Journal(journal_path)
    journal.save_day(Day(date=YESTERDAY, pain_avg=3))  # no backup yet: there was no file to copy
    before = journal_path.read_bytes()

    def disk_full(source: Path, target: Path, mode: int = 0o600) -> None:
        raise OSError(errno.ENOSPC, "No space left on device", str(target))

    monkeypatch.setattr(backups, "atomic_copy", disk_full)
    code, _, err = run(capsys, "log", "--pain", "6")
    assert code == 1
    assert one_error_line(err) == f"spinejournal: error: the disk is full: nothing was changed in {journal_path}"
    assert journal_path.read_bytes() == before


# -- messages: a full disk, a read-only folder -----------------------------------------------------


def test_a_full_disk_changes_nothing_and_says_so(
    capsys: pytest.CaptureFixture[str], logged: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = logged.read_bytes()

    def full(fd: int) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "fsync", full)
    code, out, err = run(capsys, "log", "--pain", "7", "--note", "lost?")
    monkeypatch.undo()
    assert code == 1 and out == ""
    assert one_error_line(err) == f"spinejournal: error: the disk is full: nothing was changed in {logged}"
    assert logged.read_bytes() == before
    assert [p.name for p in logged.parent.rglob("*.tmp-*")] == []  # the journal's, and the backup's


def test_a_full_disk_during_an_export_writes_nothing(
    capsys: pytest.CaptureFixture[str], logged: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "summary.md"
    monkeypatch.setattr(os, "fsync", lambda fd: (_ for _ in ()).throw(OSError(errno.EDQUOT, "Disk quota exceeded")))
    code, _, err = run(capsys, "export", "-o", str(target))
    assert one_error_line(err) == f"spinejournal: error: the disk is full: nothing was written to {target}"
    assert code == 1 and not target.exists()
    assert [p.name for p in tmp_path.iterdir() if ".tmp-" in p.name] == []


def test_a_read_only_folder_is_named_with_the_journal_not_a_temp_or_lock_file(
    capsys: pytest.CaptureFixture[str], logged: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = logged.read_bytes()
    folder = logged.parent
    if os.geteuid() == 0:
        # Root ignores permission bits: fail creating files there as a read-only folder would.
        real_open = os.open

        real_mkdir = os.mkdir

        def read_only(path: str | os.PathLike[str]) -> None:
            if folder in Path(path).parents and not os.path.exists(path):
                raise PermissionError(errno.EACCES, "Permission denied", str(path))

        def refuse_open(path: str | os.PathLike[str], flags: int, *args: int, **kwargs: int) -> int:
            if flags & os.O_CREAT:
                read_only(path)
            return real_open(path, flags, *args, **kwargs)

        def refuse_mkdir(path: str | os.PathLike[str], *args: int, **kwargs: int) -> None:
            read_only(path)
            real_mkdir(path, *args, **kwargs)

        monkeypatch.setattr(os, "open", refuse_open)
        monkeypatch.setattr(os, "mkdir", refuse_mkdir)
    else:
        os.chmod(folder, 0o500)
    try:
        code, _, err = run(capsys, "log", "--pain", "8")
    finally:
        monkeypatch.undo()
        os.chmod(folder, 0o700)
    line = one_error_line(err)
    assert code == 1
    assert line == (
        f"spinejournal: error: cannot save {logged}: its folder {folder} is read-only (or not yours): "
        "nothing was changed"
    )
    assert ".tmp-" not in line and ".lock" not in line
    assert logged.read_bytes() == before


def test_a_read_only_folder_at_the_temp_file_is_named_by_the_journal(
    journal: Journal, journal_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    journal.save_day(Day(date=TODAY, pain_avg=2))
    before = journal_path.read_bytes()

    def refuse(tmp: Path, mode: int) -> int:
        raise PermissionError(errno.EROFS, "Read-only file system", str(tmp))

    monkeypatch.setattr(fsutil, "_create_private", refuse)
    with pytest.raises(JournalError) as failed:
        journal.save_day(Day(date=TODAY, pain_avg=9))
    assert str(failed.value) == (
        f"cannot save {journal_path}: its folder {journal_path.parent} is read-only (or not yours): nothing was changed"
    )
    monkeypatch.undo()
    assert journal_path.read_bytes() == before
    assert journal.get_day(TODAY).pain_avg == 2  # type: ignore[union-attr]


def test_a_full_disk_during_restore_names_the_journal_and_changes_nothing(
    capsys: pytest.CaptureFixture[str], logged: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    backup = logged.parent / "elsewhere.json"
    backup.write_bytes(logged.read_bytes())
    assert run(capsys, "log", "--pain", "2", "--note", "after the copy")[0] == 0
    before = logged.read_bytes()
    monkeypatch.setattr(os, "fsync", lambda fd: (_ for _ in ()).throw(OSError(errno.ENOSPC, "No space left")))
    code, _, err = run(capsys, "restore", str(backup))
    monkeypatch.undo()
    assert code == 1
    assert one_error_line(err) == f"spinejournal: error: the disk is full: nothing was changed in {logged}"
    assert logged.read_bytes() == before
