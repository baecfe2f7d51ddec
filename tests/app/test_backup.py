"""Backups: made while open, restored only when sound, the current data always kept aside."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from sqlite_utils import Database

from app import backup, database
from app import main as app_main
from caseload import clients, demo, model
from resources import audit


@pytest.fixture
def filled(tmp_path: Path) -> Path:
    """A database with 20 synthetic clients, closed again."""
    path = tmp_path / "trede.db"
    db = database.open_database(path)
    demo.fill(db, 20, seed=1)
    database.close(db)
    return path


def client_count(path: Path) -> int:
    db = database.open_database(path)
    try:
        return db["clients"].count
    finally:
        database.close(db)


def test_backup_and_restore_on_the_command_line(filled: Path, tmp_path: Path, capsys) -> None:
    out = tmp_path / "usb" / "copy.db"
    assert app_main.main(["backup", "--db", str(filled), "--out", str(out)]) == 0
    assert out.stat().st_mode & 0o077 == 0, "a backup is readable by the user only"
    assert not Path(f"{out}-wal").exists(), "a backup is one self-contained file"

    lost = sqlite3.connect(filled)  # as if someone emptied the file by mistake
    lost.execute("delete from clients")
    lost.commit()
    lost.close()
    assert client_count(filled) == 0

    capsys.readouterr()
    assert app_main.main(["restore", "--db", str(filled), str(out)]) == 0
    assert client_count(filled) == 20
    kept = list(tmp_path.glob("trede.db.before-restore-*"))
    assert len(kept) == 1, "the data from before the restore is kept"
    assert Database(sqlite3.connect(kept[0]))["clients"].count == 0
    assert kept[0].stat().st_mode & 0o077 == 0
    assert "before-restore" in capsys.readouterr().out

    restored = database.open_database(filled)
    try:
        assert database.check(restored).ok
        actions = [entry.action for entry in audit.entries(restored)]
        assert actions[0] == "database.restore"
    finally:
        database.close(restored)


def _damaged_copy(source: Path, target: Path) -> Path:
    data = bytearray(source.read_bytes())
    page = 4096
    data[page * 2 : page * 4] = b"\xa5" * (page * 2)
    target.write_bytes(bytes(data))
    return target


def _foreign_sqlite(target: Path) -> Path:
    connection = sqlite3.connect(target)
    connection.execute("create table recipes (name text)")
    connection.commit()
    connection.close()
    return target


def _newer_copy(source: Path, target: Path) -> Path:
    db = database.open_database(source)
    backup.write(db, target)
    database.close(db)
    newer = sqlite3.connect(target)
    newer.execute(
        "insert into _sqlite_migrations (migration_set, name, applied_at) "
        "values ('caseload', 'm999_from_the_future', '2030-01-01')"
    )
    newer.commit()
    newer.close()
    return target


@pytest.mark.parametrize(
    ("make", "words"),
    [
        (lambda source, target: _damaged_copy(source, target), "beschadigd"),
        (lambda source, target: _foreign_sqlite(target), "geen back-up van Trede"),
        (lambda source, target: _newer_copy(source, target), "nieuwere versie"),
        (lambda source, target: target, "bestaat niet"),
    ],
)
def test_an_unusable_backup_is_refused_and_changes_nothing(
    filled: Path, tmp_path: Path, capsys, make, words: str
) -> None:
    bad = make(filled, tmp_path / "bad.db")
    before = filled.read_bytes()
    capsys.readouterr()
    assert app_main.main(["restore", "--db", str(filled), str(bad)]) == 1
    error = capsys.readouterr().err
    assert words in error
    assert len(error.strip().splitlines()) == 1
    assert filled.read_bytes() == before
    assert not list(tmp_path.glob("trede.db.before-restore-*"))


def test_automatic_backups_keep_the_newest(filled: Path) -> None:
    db = database.open_database(filled)
    try:
        made = []
        for number in range(5):
            clients.add(db, model.ClientDetails(reference=f"NIEUW-{number}"), actor="test")
            made.append(backup.automatic(db, filled, keep=3))
    finally:
        database.close(db)
    listed = backup.listed(filled)
    assert listed == sorted(made[-3:], reverse=True)
    assert all(path.parent == filled.parent / "backups" for path in listed)
    assert all(path.stat().st_mode & 0o077 == 0 for path in listed)
    assert backup.inspect(listed[0]).clients == 25


def test_no_automatic_backup_when_nothing_changed(filled: Path) -> None:
    db = database.open_database(filled)
    try:
        first = backup.automatic(db, filled)
        assert first is not None
        assert backup.automatic(db, filled) is None, "a session without changes adds no backup"
        clients.add(db, model.ClientDetails(reference="NA-DE-BACKUP"), actor="test")
        second = backup.automatic(db, filled)
    finally:
        database.close(db)
    assert second is not None and backup.inspect(second).clients == 21
    assert backup.listed(filled) == [second, first]


def test_a_backup_is_restored_where_there_is_no_database_yet(
    filled: Path, tmp_path: Path, capsys
) -> None:
    out = tmp_path / "copy.db"
    assert app_main.main(["backup", "--db", str(filled), "--out", str(out)]) == 0
    new = tmp_path / "nieuwe-laptop" / "trede.db"
    capsys.readouterr()
    assert app_main.main(["restore", "--db", str(new), str(out)]) == 0, capsys.readouterr().err
    assert client_count(new) == 20
    assert "bewaard" not in capsys.readouterr().out, "there was nothing to keep aside"
    assert not list(new.parent.glob("trede.db.before-restore-*"))
    assert app_main.main(["check", "--db", str(new)]) == 0


def test_a_failed_restore_leaves_no_empty_database_behind(
    filled: Path, tmp_path: Path, capsys, monkeypatch
) -> None:
    out = tmp_path / "copy.db"
    assert app_main.main(["backup", "--db", str(filled), "--out", str(out)]) == 0

    def disk_fails(*_args: object) -> None:  # once the new file exists, before its pages
        raise sqlite3.OperationalError("disk I/O error")

    monkeypatch.setattr(backup.chain_head, "expect", disk_fails)
    new = tmp_path / "nieuw" / "trede.db"
    capsys.readouterr()
    assert app_main.main(["restore", "--db", str(new), str(out)]) == 1
    assert "kan niet worden teruggezet" in capsys.readouterr().err
    assert not new.exists(), "no empty database is left where the restore failed"
