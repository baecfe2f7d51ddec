"""Encrypting an existing plain database: safe in place, verified first, and `trede encrypt`."""

from __future__ import annotations

import os
import sqlite3
import stat
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from app import backup, database, encryption
from app import main as app_main
from caseload import clients, demo, model
from resources import audit

PASSPHRASE = "paars-Konijn-fietst-42"
NAMES = ("Jansen", "Yılmaz", "El Amrani", "De Vries", "Bakker")


def _plain_with_clients(path: Path, count: int = 25) -> Path:
    """A plain database with real-looking clients (not made by the demo)."""
    db = database.open_database(path)
    try:
        for index in range(count):
            clients.add(
                db,
                model.ClientDetails(
                    reference=f"K{index:04d}", surname=NAMES[index % len(NAMES)], team="Noord"
                ),
                actor="tester",
            )
    finally:
        database.close(db)
    return path


@pytest.fixture
def plain(tmp_path: Path) -> Path:
    return _plain_with_clients(tmp_path / "trede.db")


def _every_row(connection) -> dict[str, list[tuple]]:
    names = [
        row[0]
        for row in connection.execute(
            "select name from sqlite_master where type = 'table' and name not like 'sqlite_%'"
        )
    ]
    return {
        name: sorted(connection.execute(f'select * from "{name}"').fetchall(), key=repr)
        for name in names
        if not name.endswith("_fts")
    }


def _plain_sqlite_cannot_read(path: Path) -> None:
    connection = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)
    try:
        with pytest.raises(sqlite3.DatabaseError, match="not a database"):
            connection.execute("select count(*) from sqlite_master").fetchone()
    finally:
        connection.close()


def test_encrypting_keeps_every_row_and_plain_sqlite_can_no_longer_read_it(plain: Path) -> None:
    before_connection = sqlite3.connect(plain)
    before = _every_row(before_connection)
    before_connection.close()
    assert b"Jansen" in plain.read_bytes()

    outcome = encryption.encrypt(plain, PASSPHRASE, actor="Zoë de Vries", origin="cli")

    assert database.is_encrypted(plain)
    assert b"Jansen" not in plain.read_bytes()
    _plain_sqlite_cannot_read(plain)
    assert stat.S_IMODE(plain.stat().st_mode) == 0o600
    assert not encryption.temporary_for(plain).exists()
    assert not plain.with_name(plain.name + "-wal").exists()
    db = database.open_database(plain, PASSPHRASE)
    try:
        after = _every_row(db.conn)
        assert database.check(db).ok, "integrity, foreign keys and the audit chain hold"
        newest = audit.entries(db, 1)[0]
        assert (newest.action, newest.actor, newest.origin, newest.result) == (
            encryption.ACTION,
            "Zoë de Vries",
            "cli",
            "ok",
        )
        assert db["clients"].count == 25
        assert {row["surname"] for row in db["clients"].rows} == set(NAMES)
    finally:
        database.close(db)
    del after["audit_log"], before["audit_log"]
    assert after == before
    assert outcome.plain_backups == ()


def test_a_failure_while_verifying_leaves_the_original_as_it_was(
    plain: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    original = plain.read_bytes()

    def broken_verify(*_arguments: object) -> None:
        raise encryption.EncryptionProblem("Verifying failed on purpose.")

    monkeypatch.setattr(encryption, "verify", broken_verify)
    with pytest.raises(encryption.EncryptionProblem, match="on purpose"):
        encryption.encrypt(plain, PASSPHRASE, actor="tester")

    assert not database.is_encrypted(plain)
    assert not encryption.temporary_for(plain).exists(), "no half-made copy is left"
    db = database.open_database(plain)
    try:
        assert db["clients"].count == 25
        assert database.check(db).ok
        newest = audit.entries(db, 1)[0]
        assert (newest.action, newest.result) == (encryption.ACTION, "failed")
    finally:
        database.close(db)
    assert original[:100] == plain.read_bytes()[:100]


def test_a_kill_in_the_middle_leaves_the_original_readable(plain: Path) -> None:
    """The process dies while checking the copy: the plain file still opens, nothing is lost."""
    script = textwrap.dedent(
        f"""
        import os
        from pathlib import Path
        from app import encryption

        def die(*arguments):
            os._exit(9)

        encryption.verify = die
        encryption.encrypt(Path({str(plain)!r}), {PASSPHRASE!r}, actor="tester")
        """
    )
    result = subprocess.run([sys.executable, "-c", script], cwd=Path(__file__).parents[2])
    assert result.returncode == 9
    assert not database.is_encrypted(plain)
    db = database.open_database(plain)
    try:
        assert db["clients"].count == 25
        assert database.check(db).ok
    finally:
        database.close(db)
    # The next attempt clears the left-over copy and succeeds.
    assert encryption.temporary_for(plain).exists()
    encryption.encrypt(plain, PASSPHRASE, actor="tester")
    assert not encryption.temporary_for(plain).exists()
    db = database.open_database(plain, PASSPHRASE)
    try:
        assert db["clients"].count == 25
    finally:
        database.close(db)


def test_plain_backups_are_listed_and_can_be_wiped(plain: Path) -> None:
    db = database.open_database(plain)
    try:
        made = backup.automatic(db, plain)
    finally:
        database.close(db)
    assert made is not None
    outcome = encryption.encrypt(plain, PASSPHRASE, actor="tester")
    assert outcome.plain_backups == (made,)
    assert encryption.wipe_all(outcome.plain_backups) == 1
    assert not made.exists()
    assert encryption.plain_backups(plain) == ()


@pytest.mark.parametrize(
    ("make", "expected"),
    [
        ("encrypted", "al versleuteld"),
        ("demo", "demodatabase"),
        ("missing", "geen database"),
    ],
)
def test_the_command_refuses_with_one_sentence_and_changes_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys, make: str, expected: str
) -> None:
    path = tmp_path / "trede.db"
    if make == "encrypted":
        database.close(database.open_database(path, PASSPHRASE))
    elif make == "demo":
        db = database.open_database(path)
        demo.fill(db, 5, seed=1)
        database.close(db)
    before = path.read_bytes() if path.exists() else None
    monkeypatch.setenv("TREDE_PASSPHRASE", "een-ander-wachtwoord")
    assert app_main.main(["encrypt", "--db", str(path)]) == 1
    captured = capsys.readouterr()
    assert expected in captured.err
    assert captured.err.count("\n") == 1, "one sentence"
    assert (path.read_bytes() if path.exists() else None) == before
    assert not encryption.temporary_for(path).exists()


def test_the_command_encrypts_with_the_passphrase_from_the_environment(
    plain: Path, monkeypatch: pytest.MonkeyPatch, capsys
) -> None:
    db = database.open_database(plain)
    try:
        kept = backup.automatic(db, plain)
    finally:
        database.close(db)
    monkeypatch.setenv("TREDE_PASSPHRASE", PASSPHRASE)
    assert app_main.main(["encrypt", "--db", str(plain)]) == 0
    out = capsys.readouterr().out
    assert "versleuteld" in out
    assert "niet versleuteld" in out and str(kept.parent) in out, "the plain backup is named"
    assert kept is not None and kept.exists()
    assert app_main.main(["check", "--db", str(plain)]) == 0
    db = database.open_database(plain, PASSPHRASE)
    try:
        assert db["clients"].count == 25
        assert audit.entries(db, 1)[0].origin == "cli"
    finally:
        database.close(db)


def test_the_command_can_wipe_the_plain_backups(
    plain: Path, monkeypatch: pytest.MonkeyPatch, capsys
) -> None:
    db = database.open_database(plain)
    try:
        kept = backup.automatic(db, plain)
    finally:
        database.close(db)
    monkeypatch.setenv("TREDE_PASSPHRASE", PASSPHRASE)
    assert app_main.main(["encrypt", "--db", str(plain), "--remove-plain-backups"]) == 0
    assert kept is not None and not kept.exists()
    assert "gewist" in capsys.readouterr().out


def test_the_command_refuses_a_short_passphrase(
    plain: Path, monkeypatch: pytest.MonkeyPatch, capsys
) -> None:
    before = plain.read_bytes()
    monkeypatch.setenv("TREDE_PASSPHRASE", "kort")
    assert app_main.main(["encrypt", "--db", str(plain)]) == 1
    assert "minstens 10 tekens" in capsys.readouterr().err
    assert plain.read_bytes() == before


def test_the_command_without_a_passphrase_and_without_a_terminal_refuses(
    plain: Path, capsys
) -> None:
    before = plain.read_bytes()
    result = subprocess.run(
        [sys.executable, "-m", "app", "encrypt", "--db", str(plain)],
        cwd=Path(__file__).parents[2],
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        env={key: value for key, value in os.environ.items() if key != "TREDE_PASSPHRASE"},
    )
    assert result.returncode == 1
    assert "TREDE_PASSPHRASE" in result.stderr
    assert plain.read_bytes() == before


def test_the_minimum_length_is_the_windows(qapp) -> None:
    from ui.security import passphrase_dialog

    assert encryption.MINIMUM_LENGTH == passphrase_dialog.MINIMUM_LENGTH


@pytest.mark.skipif(os.name != "posix", reason="Windows removes the plain file by the rename")
def test_the_plain_bytes_are_overwritten_not_only_unlinked(plain: Path, tmp_path: Path) -> None:
    # A second name for the same file shows what happens to the plain bytes on the disk.
    witness = tmp_path / "witness"
    os.link(plain, witness)
    encryption.encrypt(plain, PASSPHRASE, actor="tester")
    left = witness.read_bytes()
    assert left and set(left) == {0}
