"""Must hold 1: the database and its backups cannot be read without the right passphrase."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from app import backup, database
from app import main as app_main
from caseload import demo

PASSPHRASE = "paars-konijn-fietst-42"


@pytest.fixture
def encrypted(tmp_path: Path) -> Path:
    """An encrypted database with 10 synthetic clients."""
    path = tmp_path / "trede.db"
    db = database.open_database(path, PASSPHRASE)
    demo.fill(db, 10, seed=1)
    database.close(db)
    return path


def _plain_sqlite_cannot_read(path: Path) -> None:
    connection = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)
    try:
        with pytest.raises(sqlite3.DatabaseError, match="not a database"):
            connection.execute("select count(*) from sqlite_master").fetchone()
    finally:
        connection.close()


def test_plain_sqlite_cannot_read_the_database_or_its_backup(
    encrypted: Path, tmp_path: Path
) -> None:
    assert not encrypted.read_bytes().startswith(database.SQLITE_HEADER)
    assert b"Jansen" not in encrypted.read_bytes()
    _plain_sqlite_cannot_read(encrypted)
    db = database.open_database(encrypted, PASSPHRASE)
    try:
        made = [backup.write(db, tmp_path / "copy.db"), backup.automatic(db, encrypted)]
    finally:
        database.close(db)
    for path in made:
        _plain_sqlite_cannot_read(path)
        assert backup.inspect(path, PASSPHRASE).clients == 10


def test_a_wrong_passphrase_gets_a_clear_message_and_changes_nothing(encrypted: Path) -> None:
    before = encrypted.read_bytes()
    with pytest.raises(database.DatabaseProblem, match="Het wachtwoord klopt niet"):
        database.open_database(encrypted, "fout")
    assert encrypted.read_bytes() == before


def test_the_right_passphrase_opens_everything(encrypted: Path, tmp_path: Path) -> None:
    db = database.open_database(encrypted, PASSPHRASE)
    try:
        assert db["clients"].count == 10
        assert database.check(db).ok
        copy = backup.write(db, tmp_path / "copy.db")
    finally:
        database.close(db)
    backup.restore(encrypted, copy, PASSPHRASE)
    again = database.open_database(encrypted, PASSPHRASE)
    try:
        assert again["clients"].count == 10
    finally:
        database.close(again)


def test_the_command_line_takes_the_passphrase_from_the_environment(
    encrypted: Path, monkeypatch, capsys
) -> None:
    assert app_main.main(["check", "--db", str(encrypted)]) == 1
    assert "Deze database is versleuteld: geef het wachtwoord" in capsys.readouterr().err
    monkeypatch.setenv("TREDE_PASSPHRASE", "fout")
    assert app_main.main(["check", "--db", str(encrypted)]) == 1
    error = capsys.readouterr().err
    assert "Het wachtwoord klopt niet" in error
    assert len(error.strip().splitlines()) == 1, "SQLCipher's own log stays quiet"
    monkeypatch.setenv("TREDE_PASSPHRASE", PASSPHRASE)
    assert app_main.main(["check", "--db", str(encrypted)]) == 0
    assert capsys.readouterr().out.splitlines()[-1] == "ok"
