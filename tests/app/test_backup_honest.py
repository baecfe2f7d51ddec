"""Honest backups: never of a damaged database, checked after writing; a tampered backup is refused."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from app import backup, database
from app import main as app_main
from caseload import clients, model

PAGE = 4096


def _filled(path: Path, count: int = 300) -> Path:
    db = database.open_database(path)
    for number in range(count):
        details = model.ClientDetails(reference=f"KL{number:05d}", surname=f"Achternaam {number}")
        clients.add(db, details, actor="test")
    database.close(db)
    return path


def _damage_an_index(path: Path) -> None:
    """Overwrite the pages of one index of the clients table, as a bad sector would."""
    connection = sqlite3.connect(path)
    root = connection.execute(
        "select rootpage from sqlite_master where type = 'index' and tbl_name = 'clients' "
        "and sql is not null order by name limit 1"
    ).fetchone()[0]
    connection.close()
    data = bytearray(path.read_bytes())
    start = (root - 1) * PAGE
    data[start + 8 : start + PAGE] = b"\xa5" * (PAGE - 8)
    path.write_bytes(bytes(data))


@pytest.fixture
def damaged(tmp_path: Path) -> Path:
    """A database that still opens but fails SQLite's integrity check."""
    path = _filled(tmp_path / "trede.db")
    _damage_an_index(path)
    connection = sqlite3.connect(path)
    assert connection.execute("PRAGMA integrity_check").fetchone()[0] != "ok"
    connection.close()
    return path


def test_backup_of_a_damaged_database_writes_nothing(
    damaged: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = damaged.read_bytes()
    out = tmp_path / "usb" / "copy.db"
    assert app_main.main(["backup", "--db", str(damaged), "--out", str(out)]) == 1
    captured = capsys.readouterr()
    assert captured.out == ""
    assert "beschadigd" in captured.err and len(captured.err.strip().splitlines()) == 1
    assert not list(tmp_path.rglob("*copy.db*")), "not even a partial backup is left"
    assert damaged.read_bytes() == before, "no log line is written into a damaged file"


def test_the_automatic_backup_refuses_a_damaged_database(damaged: Path) -> None:
    db = database.connect(damaged)
    try:
        with pytest.raises(backup.BackupProblem, match="beschadigd"):
            backup.automatic(db, damaged)
    finally:
        db.close()
    assert backup.listed(damaged) == []


def test_a_backup_that_is_damaged_after_writing_is_removed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = _filled(tmp_path / "trede.db", 5)
    db = database.open_database(path)
    # As if the disk returned other bytes than were written: the copy fails its check.
    monkeypatch.setattr(
        backup,
        "damage",
        lambda connection, level=backup.FULL: (
            None if connection is db.conn else "row 3 missing from index"
        ),
    )
    try:
        with pytest.raises(backup.BackupProblem, match="niet in orde"):
            backup.write(db, tmp_path / "copy.db")
    finally:
        database.close(db)
    assert not list(tmp_path.glob("*copy.db*"))


def _tamper(path: Path, statement: str) -> None:
    connection = sqlite3.connect(path)
    connection.execute(statement)
    connection.commit()
    connection.close()


@pytest.mark.parametrize(
    "statement",
    [
        "update audit_log set actor = 'iemand anders' where id = 3",
        "delete from audit_log where id = 4",
    ],
)
def test_restore_of_a_backup_with_a_broken_chain_changes_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], statement: str
) -> None:
    path = _filled(tmp_path / "trede.db", 10)
    copy = tmp_path / "copy.db"
    assert app_main.main(["backup", "--db", str(path), "--out", str(copy)]) == 0
    _tamper(copy, statement)
    before = path.read_bytes()
    capsys.readouterr()
    assert app_main.main(["restore", "--db", str(path), str(copy)]) == 1
    err = capsys.readouterr().err
    assert "logboek" in err and len(err.strip().splitlines()) == 1
    assert path.read_bytes() == before
    assert not list(tmp_path.glob("trede.db.before-restore-*"))
