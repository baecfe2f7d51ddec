"""Where a command writes: never over what it reads or another Trede database, and a folder that
cannot take the file is named before any work is done (nothing is saved half)."""

from __future__ import annotations

import errno
import hashlib
from pathlib import Path

import pytest

from app import database
from app import main as app_main
from caseload import demo
from resources import audit, errors, i18n

from .test_backup import client_count

PASSPHRASE = "paars-konijn-fietst-42"
ROWS = "Klantnummer;Voornaam;Achternaam\nK1;Anna;Bakker\nK1;Anna;Bakker\nK2;Bram;Visser\n"


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def source(tmp_path: Path) -> Path:
    path = tmp_path / "klanten.csv"
    path.write_text(ROWS, encoding="utf-8")
    return path


@pytest.fixture
def colleague(tmp_path: Path) -> Path:
    """Another Trede database, as it lies on disk between sessions."""
    path = tmp_path / "collega.db"
    db = database.open_database(path)
    demo.fill(db, 3, seed=1)
    database.close(db)
    return path


def test_rejected_lines_for_a_missing_folder_are_refused_before_the_import(
    tmp_path: Path, source: Path, capsys
) -> None:
    target = tmp_path / "trede.db"
    rejected = tmp_path / "bestaat-niet" / "afgewezen.csv"
    code = app_main.main(
        ["import", "clients", "--db", str(target), str(source), "--rejected", str(rejected)]
    )
    error = capsys.readouterr().err
    assert code == 1
    assert error.strip() == (
        f"De map {rejected.parent} bestaat niet. Kies een map die er is. Er is niets veranderd."
    )
    assert not target.exists(), "before: the import was saved, then the command failed"


def test_rejected_lines_are_not_written_over_the_file_being_imported(
    tmp_path: Path, source: Path, capsys
) -> None:
    before = digest(source)
    target = tmp_path / "trede.db"
    code = app_main.main(
        ["import", "clients", "--db", str(target), str(source), "--rejected", str(source)]
    )
    assert code == 1
    assert "is ook het bestand dat wordt gelezen" in capsys.readouterr().err
    assert digest(source) == before
    assert not target.exists()


@pytest.mark.parametrize("out", ["collega.db", "collega.db.xlsx"])
def test_an_export_never_overwrites_another_trede_database(
    tmp_path: Path, colleague: Path, out: str, capsys
) -> None:
    target = tmp_path / out
    if target != colleague:
        target.write_bytes(colleague.read_bytes())  # a copy under another name: a backup
    before = digest(target)
    mine = tmp_path / "trede.db"
    database.close(database.open_database(mine))
    code = app_main.main(["export", "clients", "--db", str(mine), "--out", str(target)])
    assert code == 1
    assert "is een database van Trede" in capsys.readouterr().err
    assert digest(target) == before


def test_a_backup_may_replace_an_old_backup_but_not_a_database_in_use(
    tmp_path: Path, colleague: Path, capsys
) -> None:
    mine = tmp_path / "trede.db"
    database.close(database.open_database(mine))
    old = tmp_path / "backup.db"
    assert app_main.main(["backup", "--db", str(colleague), "--out", str(old)]) == 0
    assert app_main.main(["backup", "--db", str(mine), "--out", str(old)]) == 0
    capsys.readouterr()
    before = digest(colleague)
    assert app_main.main(["backup", "--db", str(mine), "--out", str(colleague)]) == 1
    assert "is een database van Trede" in capsys.readouterr().err
    assert digest(colleague) == before
    assert client_count(colleague) == 3


@pytest.fixture
def encrypted_colleague(tmp_path: Path) -> Path:
    """Another Trede database, encrypted, as the window leaves it on disk: with its lock."""
    path = tmp_path / "versleuteld.db"
    db = database.open_database(path, PASSPHRASE)
    demo.fill(db, 3, seed=1)
    database.close(db)
    path.with_name(path.name + ".lock").touch()
    return path


def _mine(tmp_path: Path) -> Path:
    mine = tmp_path / "trede.db"
    database.close(database.open_database(mine))
    return mine


def _still_three_clients(path: Path) -> None:
    db = database.open_database(path, PASSPHRASE)
    try:
        assert db["clients"].count == 3
    finally:
        database.close(db)


@pytest.mark.parametrize("out", ["klanten.xlsx", "rapport.pdf", "kopie.db"])
def test_an_export_never_overwrites_an_encrypted_database(
    tmp_path: Path, encrypted_colleague: Path, out: str, capsys
) -> None:
    """Its bytes look like nothing, and no lock lies beside a copy: before, an export
    replaced it without a word."""
    target = tmp_path / out
    target.write_bytes(encrypted_colleague.read_bytes())
    before = digest(target)
    code = app_main.main(["export", "clients", "--db", str(_mine(tmp_path)), "--out", str(target)])
    assert code == 1
    assert "lijkt een versleutelde database te zijn" in capsys.readouterr().err
    assert digest(target) == before
    _still_three_clients(target)


@pytest.mark.parametrize("command", [["export", "clients"], ["backup"]])
def test_a_database_trede_has_opened_is_never_overwritten(
    tmp_path: Path, encrypted_colleague: Path, command: list[str], capsys
) -> None:
    before = digest(encrypted_colleague)
    code = app_main.main(
        [*command, "--db", str(_mine(tmp_path)), "--out", str(encrypted_colleague)]
    )
    assert code == 1
    assert "is een database van Trede" in capsys.readouterr().err
    assert digest(encrypted_colleague) == before
    _still_three_clients(encrypted_colleague)


def test_a_backup_of_an_encrypted_database_may_replace_an_old_one(
    tmp_path: Path, encrypted_colleague: Path, monkeypatch: pytest.MonkeyPatch, capsys
) -> None:
    monkeypatch.setenv(database.PASSPHRASE_ENV, PASSPHRASE)
    old = tmp_path / "backup.db"
    command = ["backup", "--db", str(encrypted_colleague), "--out", str(old)]
    assert app_main.main(command) == 0
    first = digest(old)
    assert app_main.main(command) == 0, capsys.readouterr().err
    assert digest(old) != first
    _still_three_clients(old)


@pytest.mark.parametrize("out", ["klanten.xlsx", "klanten.csv"])
def test_an_earlier_export_is_replaced_by_the_new_one(
    tmp_path: Path, colleague: Path, out: str, capsys
) -> None:
    """What looks like a database is refused; an earlier export, of whatever size, is not."""
    target = tmp_path / out
    command = ["export", "clients", "--db", str(colleague), "--out", str(target)]
    assert app_main.main(command) == 0
    padded = target.read_bytes()[:512] * 8  # whole pages, as an encrypted database has
    target.write_bytes(padded)
    assert app_main.main(command) == 0, capsys.readouterr().err
    assert target.read_bytes() != padded


def test_a_bundle_report_is_not_written_over_a_bundle(
    tmp_path: Path, colleague: Path, capsys
) -> None:
    bundle = tmp_path / "bundel.json"
    period = ["--from", "2025-01-01", "--to", "2025-12-31"]
    assert (
        app_main.main(["bundle", "export", "--db", str(colleague), *period, "--out", str(bundle)])
        == 0
    )
    before = digest(bundle)
    capsys.readouterr()
    code = app_main.main(["bundle", "report", *period, str(bundle), "--out", str(bundle)])
    assert code == 1
    assert "is ook het bestand dat wordt gelezen" in capsys.readouterr().err
    assert digest(bundle) == before


def test_a_backup_that_could_not_be_written_is_not_in_the_log(
    tmp_path: Path, colleague: Path, capsys
) -> None:
    in_the_way = tmp_path / "usb"
    in_the_way.write_text("een bestand, geen map", encoding="utf-8")
    code = app_main.main(["backup", "--db", str(colleague), "--out", str(in_the_way / "b.db")])
    assert code == 1
    assert "No such" not in capsys.readouterr().err
    db = database.open_database(colleague)
    try:
        assert "database.backup" not in [entry.action for entry in audit.entries(db)]
    finally:
        database.close(db)


def test_a_missing_file_is_named_in_the_users_language(tmp_path: Path, capsys) -> None:
    missing = tmp_path / "weg.csv"
    code = app_main.main(["import", "clients", "--db", str(tmp_path / "t.db"), str(missing)])
    error = capsys.readouterr().err
    assert code == 1
    assert "bestaat niet" in error and "No such file" not in error
    assert "weg.csv" in error


def test_file_reasons_are_translated() -> None:
    full = OSError(errno.ENOSPC, "No space left on device")
    assert errors.file_reason(full) == "de schijf is vol"
    i18n.set_language("en")
    try:
        assert errors.file_reason(full) == "the disk is full"
    finally:
        i18n.set_language("nl")


def test_two_bundles_of_one_caseload_are_not_added_up(
    tmp_path: Path, colleague: Path, capsys
) -> None:
    """A re-export, or all teams beside one team, counts the same clients: the sum would say
    twice as many clients as there are. Two teams of one caseload are two sets of clients."""
    period = ["--from", "2025-01-01", "--to", "2025-12-31"]
    db = database.open_database(colleague)
    try:
        teams = [row[0] for row in db.execute("SELECT DISTINCT team FROM clients ORDER BY team")]
    finally:
        db.close()

    def export(name: str, *team: str) -> Path:
        out = tmp_path / name
        command = ["bundle", "export", "--db", str(colleague), *period, *team, "--out", str(out)]
        assert app_main.main(command) == 0
        return out

    every, again = export("alle.json"), export("nog-eens.json")
    first, second = export("een.json", "--team", teams[0]), export("twee.json", "--team", teams[1])
    capsys.readouterr()
    for pair in ((every, again), (every, first)):
        report = tmp_path / "team.pdf"
        code = app_main.main(["bundle", "report", *period, *map(str, pair), "--out", str(report)])
        assert code == 1
        assert "tellen dezelfde klanten" in capsys.readouterr().err
        assert not report.exists()
    report = tmp_path / "twee-teams.pdf"
    code = app_main.main(
        ["bundle", "report", *period, str(first), str(second), "--out", str(report)]
    )
    assert code == 0, capsys.readouterr().err
    assert report.stat().st_size > 0
