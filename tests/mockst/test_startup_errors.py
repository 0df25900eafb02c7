"""Bad settings and unusable state files stop ``mockst serve`` with status 2 and a line that names
the setting or the file and what to do: never a traceback, never an empty world over saved data."""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest

from mockst import cli
from mockst.store.sqlite import STATE_VERSION


@pytest.fixture(autouse=True)
def no_server(monkeypatch: pytest.MonkeyPatch) -> None:
    import uvicorn

    for name in [n for n in os.environ if n.startswith("MOCKST_")]:
        monkeypatch.delenv(name)
    monkeypatch.setattr(uvicorn, "run", lambda app, **kw: None)


@pytest.mark.parametrize(
    ("variable", "value", "named"),
    [
        ("MOCKST_PORT", "abc", "MOCKST_PORT"),
        ("MOCKST_PORT", "70000", "MOCKST_PORT"),
        ("MOCKST_RATE_LIMIT", "sixty", "MOCKST_RATE_LIMIT"),
        ("MOCKST_TOKEN_RATE_LIMIT", "-1", "MOCKST_TOKEN_RATE_LIMIT"),
        ("MOCKST_JOURNAL_SIZE", "lots", "MOCKST_JOURNAL_SIZE"),
        ("MOCKST_LOG_LEVEL", "verbose", "MOCKST_LOG_LEVEL"),
    ],
)
def test_a_bad_setting_is_a_usage_error_naming_it(
    monkeypatch: pytest.MonkeyPatch, capsys: Any, variable: str, value: str, named: str
) -> None:
    monkeypatch.setenv(variable, value)
    with pytest.raises(SystemExit) as exited:
        cli.main(["serve"])
    assert exited.value.code == 2
    err = capsys.readouterr().err
    assert named in err and repr(value) in err and "Traceback" not in err


def test_a_bad_flag_is_named_too(capsys: Any) -> None:
    with pytest.raises(SystemExit) as exited:
        cli.main(["serve", "--log-level", "verbose"])
    assert exited.value.code == 2 and "--log-level" in capsys.readouterr().err


def _refused(capsys: Any, path: Path) -> str:
    assert cli.main(["serve", "--state", str(path)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and str(path) in err and "Traceback" not in err
    return err


def _saved_world(path: Path) -> None:
    assert cli.main(["serve", "--state", str(path), "--demo"]) == 0


def test_a_state_file_that_is_not_sqlite(tmp_path: Path, capsys: Any) -> None:
    path = tmp_path / "world.sqlite"
    path.write_bytes(b"this is my thesis, not a database" * 100)
    assert "not a mockst state file" in _refused(capsys, path)
    assert path.read_bytes().startswith(b"this is my thesis")


def test_a_foreign_sqlite_database(tmp_path: Path, capsys: Any) -> None:
    path = tmp_path / "other.sqlite"
    with sqlite3.connect(path) as db:
        db.execute("CREATE TABLE invoices (id INTEGER)")
    assert "not a mockst state file" in _refused(capsys, path)


def test_a_state_file_from_a_newer_mockst(tmp_path: Path, capsys: Any) -> None:
    path = tmp_path / "world.sqlite"
    _saved_world(path)
    capsys.readouterr()
    with sqlite3.connect(path) as db:
        db.execute(f"PRAGMA user_version = {STATE_VERSION + 1}")
    assert "newer mockst" in _refused(capsys, path)


def test_a_damaged_state_file_is_not_started_empty(tmp_path: Path, capsys: Any) -> None:
    path = tmp_path / "world.sqlite"
    _saved_world(path)
    capsys.readouterr()
    with sqlite3.connect(path) as db:
        db.execute("UPDATE rows SET data = '{\"broken' WHERE rowid = 1")
        rows = db.execute("SELECT COUNT(*) FROM rows").fetchone()[0]
    assert "damaged" in _refused(capsys, path)
    with sqlite3.connect(path) as db:
        assert db.execute("SELECT COUNT(*) FROM rows").fetchone()[0] == rows


def test_a_state_path_that_cannot_be_created(tmp_path: Path, capsys: Any) -> None:
    assert "cannot open or create" in _refused(capsys, tmp_path / "missing" / "world.sqlite")


@contextmanager
def _read_only(path: Path) -> Iterator[None]:
    """``path`` unwritable for this process: by its mode, or (root writes whatever the mode)
    by the immutable attribute, where ``chattr`` is there to set it."""
    if os.geteuid() != 0:
        mode = path.stat().st_mode
        path.chmod(0o555 if path.is_dir() else 0o444)
        try:
            yield
        finally:
            path.chmod(mode)
        return
    if shutil.which("chattr") is None or subprocess.run(
        ["chattr", "+i", str(path)], capture_output=True
    ).returncode:
        pytest.skip("root, and no immutable attribute to make a file read-only with")
    try:
        yield
    finally:
        subprocess.run(["chattr", "-i", str(path)], check=True)


def test_a_read_only_state_file_or_folder(tmp_path: Path, capsys: Any) -> None:
    folder = tmp_path / "state"
    folder.mkdir()
    path = folder / "world.sqlite"
    _saved_world(path)
    capsys.readouterr()
    for name in ("world.sqlite-wal", "world.sqlite-shm"):  # as after a clean shutdown
        (folder / name).unlink(missing_ok=True)
    with _read_only(path):
        _refused(capsys, path)
    with _read_only(folder):
        _refused(capsys, folder / "new.sqlite")
