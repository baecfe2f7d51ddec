"""A full disk or a read-only file: one clear sentence, exit code 1, and nothing saved is lost."""

from __future__ import annotations

import contextlib
import os
import sqlite3
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from app import database
from app import main as app_main
from caseload import clients, model
from resources import errors

CSV = "klantnummer;voorletters;achternaam;startdatum\n" + "".join(
    f"K{number};A;Jansen{number};2025-01-01\n" for number in range(1, 4001)
)


@pytest.mark.parametrize(
    ("sqlite_says", "user_reads"),
    [
        ("database or disk is full", "De schijf is vol."),
        ("attempt to write a readonly database", "mag alleen gelezen worden"),
        ("database is locked", "bezet door een ander venster"),
        ("disk I/O error", "fout bij lezen of schrijven"),
        ("no such table: x", "De database kan niet worden gebruikt: no such table: x"),
    ],
)
def test_sqlite_trouble_becomes_one_dutch_sentence(sqlite_says: str, user_reads: str) -> None:
    sentence = errors.database_sentence(sqlite3.OperationalError(sqlite_says))
    assert user_reads in sentence
    assert "\n" not in sentence


def _filled(path: Path) -> None:
    assert app_main.main(["demo", "--db", str(path), "--clients", "5"]) == 0
    db = database.open_database(path)
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    database.close(db)


def _counts(path: Path) -> tuple[int, int]:
    db = database.open_database(path)
    try:
        assert database.check(db).ok
        return db["clients"].count, db["audit_log"].count
    finally:
        database.close(db)


def test_a_full_database_refuses_the_write_and_keeps_what_was_saved(tmp_path: Path) -> None:
    path = tmp_path / "trede.db"
    _filled(path)
    before = _counts(path)
    db = database.open_database(path)
    # SQLITE_FULL without a small disk: the file may not grow by one more page.
    pages = db.execute("PRAGMA page_count").fetchone()[0]
    db.execute(f"PRAGMA max_page_count = {pages}")
    with pytest.raises(errors.DATABASE_ERRORS) as full:
        for number in range(1000):
            clients.add(db, model.ClientDetails(reference=f"X-{number}", surname="Vol"), actor="t")
    assert "De schijf is vol." in errors.database_sentence(full.value)
    database.close(db)
    assert _counts(path)[0] >= before[0]
    assert database.check(database.open_database(path)).ok


def _mount(*arguments: str) -> bool:
    return subprocess.run(["mount", *arguments], capture_output=True, check=False).returncode == 0


@pytest.fixture
def tiny_disk(tmp_path: Path) -> Iterator[Path]:
    """A real 1 MB file system (tmpfs); needs root, as on CI here."""
    if os.geteuid() != 0:
        pytest.skip("a tiny tmpfs needs root; the max_page_count test covers SQLITE_FULL")
    folder = tmp_path / "tiny"
    folder.mkdir()
    if not _mount("-t", "tmpfs", "-o", "size=1m", "tmpfs", str(folder)):
        pytest.skip("mounting a tmpfs is not allowed on this machine")
    yield folder
    subprocess.run(["umount", "-l", str(folder)], check=False)


def test_a_full_disk_on_the_command_line(tiny_disk: Path, tmp_path: Path, capsys) -> None:
    path = tiny_disk / "trede.db"
    _filled(path)
    before = _counts(path)
    filler = tiny_disk / "filler"
    with contextlib.suppress(OSError), filler.open("wb") as stream:
        while True:
            stream.write(b"\0" * 4096)
            stream.flush()
    source = tmp_path / "klanten.csv"
    source.write_text(CSV, encoding="utf-8")
    capsys.readouterr()
    assert app_main.main(["import", "clients", "--db", str(path), str(source)]) == 1
    error = capsys.readouterr().err.strip()
    assert "De schijf is vol." in error, error
    assert len(error.splitlines()) == 1
    filler.unlink()
    assert _counts(path) == before, "nothing saved is lost, nothing half is added"


@pytest.fixture
def read_only_database(tmp_path: Path) -> Iterator[Path]:
    """A database that may not be written: chmod 0400, or a read-only mount when we are root."""
    source = tmp_path / "rw"
    source.mkdir()
    _filled(source / "trede.db")
    if os.geteuid() != 0:
        (source / "trede.db").chmod(0o400)
        yield source / "trede.db"
        (source / "trede.db").chmod(0o600)
        return
    # Root may write any file whatever its mode; a read-only bind mount stops even root.
    view = tmp_path / "ro"
    view.mkdir()
    if not (
        _mount("--bind", str(source), str(view)) and _mount("-o", "remount,ro,bind", str(view))
    ):
        subprocess.run(["umount", str(view)], check=False, capture_output=True)
        pytest.skip("root ignores file modes and a read-only mount is not allowed here")
    yield view / "trede.db"
    subprocess.run(["umount", "-l", str(view)], check=False)


def test_a_read_only_database_can_be_checked_but_not_changed(
    read_only_database: Path, tmp_path: Path, capsys
) -> None:
    before = read_only_database.read_bytes()
    assert app_main.main(["check", "--db", str(read_only_database)]) == 0
    source = tmp_path / "klanten.csv"
    source.write_text(CSV[:200], encoding="utf-8")
    capsys.readouterr()
    assert app_main.main(["import", "clients", "--db", str(read_only_database), str(source)]) == 1
    error = capsys.readouterr().err.strip()
    assert "mag alleen gelezen worden" in error, error
    assert len(error.splitlines()) == 1
    assert read_only_database.read_bytes() == before
