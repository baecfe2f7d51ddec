"""``trede check`` is quick by default and still finds a dangling reference; ``--full`` also
finds a broken index, which the quick check cannot see."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from app import database
from app import main as app_main
from caseload import clients, model


def _database_with_a_client(path: Path) -> None:
    db = database.open_database(path)
    clients.add(db, model.ClientDetails(reference="KL0000001", surname="Vries"), actor="test")
    db.close()


def _break_the_reference_index(path: Path) -> None:
    """Point the klantnummer index at another column: its entries no longer match the rows."""
    raw = sqlite3.connect(path)
    raw.execute("PRAGMA writable_schema = ON")
    changed = raw.execute(
        "UPDATE sqlite_master SET sql = replace(sql, '(\"reference\")', '(\"surname\")') "
        "WHERE type = 'index' AND tbl_name = 'clients' AND sql LIKE 'CREATE UNIQUE%'"
    ).rowcount
    assert changed == 1
    raw.commit()
    raw.close()


def test_check_full_finds_a_broken_index_the_quick_check_passes(tmp_path: Path, capsys) -> None:
    path = tmp_path / "trede.db"
    _database_with_a_client(path)
    _break_the_reference_index(path)
    assert app_main.main(["check", "--db", str(path)]) == 0
    assert capsys.readouterr().out.splitlines()[-1] == "ok"
    assert app_main.main(["check", "--full", "--db", str(path)]) == 1
    assert "index" in capsys.readouterr().err


def test_check_finds_a_reference_to_a_client_that_is_gone(tmp_path: Path, capsys) -> None:
    path = tmp_path / "trede.db"
    _database_with_a_client(path)
    raw = sqlite3.connect(path)
    raw.execute(
        "INSERT INTO contacts (client_id, contact_on, kind) VALUES (999, '2026-01-05', 'kantoor')"
    )
    raw.commit()
    raw.close()
    assert app_main.main(["check", "--db", str(path)]) == 1
    assert "contacts" in capsys.readouterr().err
