"""A log cut short, emptied, added to or rolled back is noticed by ``trede check`` and at start."""

from __future__ import annotations

import hashlib
import shutil
import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest

from app import chain_head, database, gui
from app import main as app_main
from resources import audit

CSV = "Klantnummer;Voornaam;Achternaam\n{ref};Zoë;Jansen\n"


def _import(db: Path, tmp_path: Path, reference: str) -> None:
    source = tmp_path / f"{reference}.csv"
    source.write_text(CSV.format(ref=reference), encoding="utf-8")
    assert app_main.main(["import", "clients", "--db", str(db), str(source)]) == 0


@pytest.fixture
def logged(tmp_path: Path) -> Path:
    """A database with a handful of log lines, written by the command line as a user would."""
    path = tmp_path / "trede.db"
    for number in range(6):
        _import(path, tmp_path, f"K{number}")
    assert (
        app_main.main(["export", "clients", "--db", str(path), "--out", str(tmp_path / "x.csv")])
        == 0
    )
    return path


def _sql(path: Path, *statements: str) -> None:
    connection = sqlite3.connect(path)
    for statement in statements:
        connection.execute(statement)
    connection.commit()
    connection.close()


def _forge(path: Path) -> None:
    """Append an entry with a hash recomputed exactly as Trede computes it."""
    connection = sqlite3.connect(path)
    prev = connection.execute("select hash from audit_log order by id desc limit 1").fetchone()[0]
    values = ("2026-12-04T10:00:00.000000+00:00", "inbreker", "client.open", "K1", "ok", "app")
    payload = "\x1f".join((prev, *values))
    digest = hashlib.sha256(payload.encode("utf-8")).hexdigest()
    connection.execute(
        "insert into audit_log (at, actor, action, object, result, origin, prev_hash, hash) "
        "values (?, ?, ?, ?, ?, ?, ?, ?)",
        (*values, prev, digest),
    )
    connection.commit()
    connection.close()


def _last_deleted(path: Path) -> None:
    _sql(path, "delete from audit_log where id = (select max(id) from audit_log)")


def _last_three_deleted(path: Path) -> None:
    _sql(path, "delete from audit_log where id > (select max(id) - 3 from audit_log)")


def _emptied(path: Path) -> None:
    _sql(path, "delete from audit_log")


TAMPERING: dict[str, Callable[[Path], None]] = {
    "last entry deleted": _last_deleted,
    "last three deleted": _last_three_deleted,
    "log emptied": _emptied,
    "forged entry appended": _forge,
}


def _check(path: Path, capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    capsys.readouterr()
    code = app_main.main(["check", "--db", str(path)])
    return code, capsys.readouterr().err


def test_an_untouched_log_passes(logged: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert _check(logged, capsys) == (0, "")


@pytest.mark.parametrize("how", list(TAMPERING))
def test_check_notices_a_log_that_still_chains(
    logged: Path, capsys: pytest.CaptureFixture[str], how: str
) -> None:
    TAMPERING[how](logged)
    db = database.open_database(logged)
    try:
        assert audit.broken_entries(db) == [], "the chain itself still holds: only the head tells"
    finally:
        database.close(db)
    code, err = _check(logged, capsys)
    assert code == 1
    assert "logboek" in err.lower() and len(err.strip().splitlines()) == 1


def test_check_notices_the_file_replaced_by_an_older_copy(
    logged: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    older = tmp_path / "older-copy.db"
    shutil.copyfile(logged, older)
    _import(logged, tmp_path, "LATER")
    shutil.copyfile(older, logged)
    code, err = _check(logged, capsys)
    assert code == 1
    assert "oudere kopie" in err


def test_it_stays_reported_until_a_backup_is_restored(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "trede.db"
    _import(path, tmp_path, "K1")
    backup_file = tmp_path / "backup.db"
    assert app_main.main(["backup", "--db", str(path), "--out", str(backup_file)]) == 0
    _import(path, tmp_path, "K2")
    _last_three_deleted(path)
    _import(path, tmp_path, "K3")  # writing on does not make the cut go away
    assert _check(path, capsys)[0] == 1
    assert app_main.main(["restore", "--db", str(path), str(backup_file)]) == 0
    assert _check(path, capsys) == (0, "")


def test_a_backup_whose_log_was_cut_after_writing_is_not_restored(
    logged: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    backup_file = tmp_path / "backup.db"
    assert app_main.main(["backup", "--db", str(logged), "--out", str(backup_file)]) == 0
    _last_deleted(backup_file)
    before = logged.read_bytes()
    capsys.readouterr()
    assert app_main.main(["restore", "--db", str(logged), str(backup_file)]) == 1
    assert "na het maken veranderd" in capsys.readouterr().err
    assert logged.read_bytes() == before


def test_a_kill_between_commit_and_head_is_no_false_alarm(
    logged: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch
) -> None:
    # As if Trede were killed right after the commit: the head after it is never written.
    with monkeypatch.context() as patch:
        patch.setattr(chain_head.Witness, "after_commit", lambda self, current: None)
        _import(logged, tmp_path, "LAST")
    assert _check(logged, capsys) == (0, "")
    _last_deleted(logged)
    assert _check(logged, capsys)[0] == 1


def test_the_window_start_notices_and_logs_it(logged: Path) -> None:
    _last_deleted(logged)
    context = gui.build_context(logged, demo_mode=False)
    try:
        assert context.log_warning is not None and "weggehaald" in context.log_warning
        newest = audit.entries(context.db, 1)[0]
        assert (newest.action, newest.result) == ("audit.chain_cut", "detected")
    finally:
        context.close()


def test_a_write_whose_head_cannot_be_kept_is_refused_and_changes_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "trede.db"
    _import(path, tmp_path, "K1")
    folder = chain_head.heads_folder()
    shutil.rmtree(folder)
    folder.write_text("in de weg")  # a file where the folder should be: nothing can go in it
    source = tmp_path / "K2.csv"
    source.write_text(CSV.format(ref="K2"), encoding="utf-8")
    capsys.readouterr()
    assert app_main.main(["import", "clients", "--db", str(path), str(source)]) == 1
    err = capsys.readouterr().err
    assert "Het logboek kan niet worden bijgehouden" in err and len(err.strip().splitlines()) == 1
    assert (
        app_main.main(["export", "clients", "--db", str(path), "--out", str(tmp_path / "x.csv")])
        == 1
    )
    db = database.open_database(path)  # reading still works
    try:
        assert [c[0] for c in db.execute("select reference from clients")] == ["K1"]
    finally:
        database.close(db)


PASSPHRASE = "paars-konijn-fietst-42"


@pytest.fixture
def encrypted(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An encrypted database with a few log lines, written by the command line."""
    monkeypatch.setenv("TREDE_PASSPHRASE", PASSPHRASE)
    path = tmp_path / "versleuteld.db"
    for number in range(3):
        _import(path, tmp_path, f"V{number}")
    assert database.is_encrypted(path)
    return path


def test_an_encrypted_file_rolled_back_to_an_older_copy_is_noticed(
    encrypted: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    older = tmp_path / "older.db"
    shutil.copyfile(encrypted, older)
    _import(encrypted, tmp_path, "LATER")
    shutil.copyfile(older, encrypted)
    code, err = _check(encrypted, capsys)
    assert code == 1 and "oudere kopie" in err


def test_an_encrypted_log_cannot_be_changed_without_the_passphrase(
    encrypted: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # SQLCipher keys every page with an HMAC from the passphrase: a changed byte anywhere (in
    # the log's pages too) is refused, so entries cannot be removed, changed or forged.
    data = bytearray(encrypted.read_bytes())
    for page in range(1, len(data) // 4096):
        data[page * 4096 + 100] ^= 0x01
    encrypted.write_bytes(bytes(data))
    code, err = _check(encrypted, capsys)
    assert code == 1 and "Traceback" not in err


def test_two_connections_writing_in_turn_leave_no_false_alarm(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from caseload import clients, model

    path = tmp_path / "trede.db"
    window, worker = database.open_database(path), database.open_database(path)
    noted = chain_head.Witness.before_commit

    def killed_before_commit(self: chain_head.Witness, current: chain_head.Head) -> None:
        noted(self, current)
        raise KeyboardInterrupt  # Trede stops between the note and the commit

    try:
        clients.add(window, model.ClientDetails(reference="V1"), actor="t")
        clients.add(worker, model.ClientDetails(reference="W1"), actor="t")
        with monkeypatch.context() as patch, pytest.raises(KeyboardInterrupt):
            patch.setattr(chain_head.Witness, "before_commit", killed_before_commit)
            clients.add(window, model.ClientDetails(reference="V2"), actor="t")
    finally:
        window.close()
        worker.close()
    assert chain_head.heads_folder().is_relative_to(tmp_path)
    assert _check(path, capsys) == (0, "")
