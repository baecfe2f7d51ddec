"""A database made by a newer Trede is never written: every command refuses it, bytes unchanged."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from app import backup, database
from app import main as app_main
from caseload import clients, model


def _make_newer(path: Path, how: str) -> None:
    """Turn a Trede file into one that a newer Trede would have written."""
    connection = sqlite3.connect(path)
    if how == "migration":
        connection.execute(
            "insert into _sqlite_migrations (migration_set, name, applied_at) "
            "values ('caseload', 'm999_from_the_future', '2030-01-01')"
        )
    else:
        connection.execute("PRAGMA user_version = 999")
    connection.commit()
    connection.close()


@pytest.fixture(params=["migration", "user_version"])
def newer(tmp_path: Path, request: pytest.FixtureRequest) -> Path:
    """A database with 5 clients whose schema is newer than this program's."""
    path = tmp_path / "newer.db"
    db = database.open_database(path)
    for number in range(5):
        clients.add(db, model.ClientDetails(reference=f"K{number}", surname="Jansen"), actor="t")
    backup.write(db, tmp_path / "sound-backup.db")
    database.close(db)
    _make_newer(path, request.param)
    return path


def _reference(path: Path) -> str:
    connection = sqlite3.connect(path)
    try:
        return str(connection.execute("select reference from clients limit 1").fetchone()[0])
    finally:
        connection.close()


def _commands(db: Path, tmp: Path, reference: str) -> list[list[str]]:
    csv_file = tmp / "in.csv"
    csv_file.write_text("Klantnummer;Achternaam\nNEW-1;Jansen\n", encoding="utf-8")
    answers = tmp / "answers.json"
    assert app_main.main(["quickscan", "template", "--role", "manager", "--out", str(answers)]) == 0
    template = json.loads(answers.read_text(encoding="utf-8"))
    for item in template["answers"]:
        item["value"] = 2
    answers.write_text(json.dumps(template), encoding="utf-8")
    d = ["--db", str(db)]
    return [
        ["check", *d],
        ["import", "clients", *d, str(csv_file)],
        ["import", "clients", *d, str(csv_file), "--dry-run"],
        ["export", "clients", *d, "--out", str(tmp / "out.csv")],
        ["export", "client", *d, reference, "--out", str(tmp / "access")],
        ["erase", "client", *d, reference, "--yes"],
        ["retention", *d, "--years", "1", "--erase", "--yes"],
        ["backup", *d, "--out", str(tmp / "b.db")],
        ["restore", *d, str(tmp / "sound-backup.db")],
        ["encrypt", *d],
        ["demo", *d, "--clients", "3"],
        ["quickscan", "submit", *d, str(answers)],
        ["quickscan", "list", *d],
        ["report", "client", *d, reference, "--out", str(tmp / "c.pdf")],
        [
            "report",
            "inclusion",
            *d,
            "--from",
            "2020-01-01",
            "--to",
            "2026-01-01",
            "--out",
            str(tmp / "i.pdf"),
        ],
        [
            "bundle",
            "export",
            *d,
            "--from",
            "2020-01-01",
            "--to",
            "2026-01-01",
            "--out",
            str(tmp / "b.json"),
        ],
    ]


def test_every_command_refuses_a_newer_file_and_leaves_its_bytes(
    newer: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch
) -> None:
    monkeypatch.setenv("TREDE_PASSPHRASE", "een lang genoeg wachtwoord 42")
    before = newer.read_bytes()
    own = database.known_version()
    for arguments in _commands(newer, tmp_path, _reference(newer)):
        capsys.readouterr()
        code = app_main.main(arguments)
        err = capsys.readouterr().err
        assert code == 1, arguments
        lines = err.strip().splitlines()
        assert len(lines) == 1, (arguments, err)
        assert "nieuwere versie van Trede" in lines[0]
        assert f"kent tot en met {own}" in lines[0]
        assert newer.read_bytes() == before, arguments
    assert not (tmp_path / "out.csv").exists()
    assert not (tmp_path / "b.db").exists()
    assert not (tmp_path / "c.pdf").exists()


def test_the_sentence_names_both_versions_in_english(
    newer: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert app_main.main(["--lang", "en", "check", "--db", str(newer)]) == 1
    err = capsys.readouterr().err
    assert "newer version of Trede" in err
    assert str(database.known_version()) in err


def test_the_window_refuses_a_newer_file(newer: Path) -> None:
    from app import gui

    before = newer.read_bytes()
    with pytest.raises(database.DatabaseProblem, match="nieuwere versie"):
        gui.open_for_window(newer)
    assert newer.read_bytes() == before
