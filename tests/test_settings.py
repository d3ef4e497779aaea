"""settings.json beside the journal: the pain palette saved, read back, and a damaged file left alone."""

from __future__ import annotations

import os
import re
import stat
from pathlib import Path

import pytest

from spinejournal.locations import settings_path
from spinejournal.store.settings import (
    ENV_PALETTE,
    Settings,
    SettingsError,
    chosen_palette,
    read_settings,
    write_settings,
)


@pytest.fixture
def journal(tmp_path: Path) -> Path:
    return tmp_path / "data" / "journal.json"


def test_no_file_means_the_defaults_and_no_choice(journal: Path) -> None:
    assert read_settings(journal) == Settings(pain_palette="theme")
    assert chosen_palette(journal, {}) == (None, None)


def test_saved_beside_the_journal_owner_only_and_read_back(journal: Path) -> None:
    write_settings(journal, Settings(pain_palette="blues"))
    path = journal.parent / "settings.json"
    assert settings_path(journal) == path
    assert stat.S_IMODE(os.stat(path).st_mode) == 0o600
    assert stat.S_IMODE(os.stat(path.parent).st_mode) == 0o700  # the folder it had to make
    assert read_settings(journal).pain_palette == "blues"
    assert chosen_palette(journal, {}) == ("blues", None)
    assert sorted(p.name for p in path.parent.iterdir()) == ["settings.json"]  # no temp file left


def test_keys_from_a_later_version_are_kept(journal: Path) -> None:
    journal.parent.mkdir()
    settings_path(journal).write_text('{"pain_palette": "theme", "later": [1, 2]}', encoding="utf-8")
    write_settings(journal, Settings(pain_palette="blues"))
    assert (
        settings_path(journal).read_text(encoding="utf-8")
        == '{\n  "later": [\n    1,\n    2\n  ],\n  "pain_palette": "blues"\n}\n'
    )


@pytest.mark.parametrize(
    ("content", "words"),
    [
        (b"{not json", "damaged (not JSON)"),
        (b"\xff\xfe", "damaged (not JSON)"),
        (b"[1, 2]", "damaged (not a JSON object)"),
        (b'{"pain_palette": "rainbow"}', "names a pain palette we do not know: 'rainbow'"),
        (b" " * (64 * 1024 + 1), "too large"),
    ],
)
def test_a_damaged_file_gives_one_line_and_is_never_written_over(journal: Path, content: bytes, words: str) -> None:
    journal.parent.mkdir()
    settings_path(journal).write_bytes(content)
    with pytest.raises(SettingsError, match=re.escape(words)) as caught:
        read_settings(journal)
    assert "\n" not in str(caught.value)
    palette, problem = chosen_palette(journal, {})
    assert palette is None and problem is not None and words in problem and "left as it is" in problem
    with pytest.raises(SettingsError):
        write_settings(journal, Settings(pain_palette="blues"))
    assert settings_path(journal).read_bytes() == content


def test_a_link_or_a_folder_is_not_followed_or_replaced(journal: Path, tmp_path: Path) -> None:
    journal.parent.mkdir()
    elsewhere = tmp_path / "elsewhere.json"
    elsewhere.write_text('{"pain_palette": "blues"}', encoding="utf-8")
    settings_path(journal).symlink_to(elsewhere)
    with pytest.raises(SettingsError, match="is a symbolic link, not a file"):
        read_settings(journal)
    with pytest.raises(SettingsError):
        write_settings(journal, Settings(pain_palette="theme"))
    assert settings_path(journal).is_symlink() and elsewhere.read_text(encoding="utf-8") == '{"pain_palette": "blues"}'


def test_a_dangling_link_is_reported_not_ignored(journal: Path, tmp_path: Path) -> None:
    journal.parent.mkdir()
    settings_path(journal).symlink_to(tmp_path / "gone.json")
    palette, problem = chosen_palette(journal, {})
    assert palette is None and problem is not None and "is a symbolic link, not a file" in problem


def test_the_environment_variable_chooses_first(journal: Path) -> None:
    write_settings(journal, Settings(pain_palette="theme"))
    assert chosen_palette(journal, {ENV_PALETTE: "Blues "}) == ("blues", None)
    palette, problem = chosen_palette(journal, {ENV_PALETTE: "\x1b[31m"})
    assert palette == "theme"
    assert problem == f"{ENV_PALETTE}=\\x1b[31m is not a pain palette (theme, blues): it was ignored"
    assert chosen_palette(None, {}) == (None, None)  # a review: nothing is read


def test_a_journal_named_settings_json_keeps_its_settings_apart(tmp_path: Path) -> None:
    journal = tmp_path / "settings.json"
    assert settings_path(journal) == tmp_path / "settings.json.settings.json"
