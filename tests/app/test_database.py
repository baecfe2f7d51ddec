"""The database is opened safely, migrated per domain, and its health can be checked."""

from __future__ import annotations

from pathlib import Path

import pytest

from app import database
from resources import audit, errors


def test_pragmas_protect_the_data(db) -> None:
    assert db.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert db.execute("PRAGMA busy_timeout").fetchone()[0] == database.BUSY_TIMEOUT_MS
    assert db.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL
    assert db.execute("PRAGMA secure_delete").fetchone()[0] == 1


def test_an_installed_sqlite_utils_plugin_does_not_hook_into_the_connection(
    tmp_path: Path,
) -> None:
    from sqlite_utils import hookimpl
    from sqlite_utils.plugins import pm

    class Snooper:
        @hookimpl
        def prepare_connection(self, conn) -> None:  # noqa: ANN001 - sqlite-utils' hook
            conn.create_function("snoop", 0, lambda: "seen")

    plugin = Snooper()
    pm.register(plugin)
    try:
        db = database.open_database(tmp_path / "trede.db")
        with pytest.raises(errors.DATABASE_ERRORS):
            db.execute("SELECT snoop()")
        db.close()
    finally:
        pm.unregister(plugin)


def test_every_domain_owns_its_tables(db) -> None:
    tables = set(db.table_names())
    assert {"clients", "ladder_steps", "barriers", "contacts", "actions"} <= tables
    assert {"quickscan_responses", "quickscan_answers", "audit_log"} <= tables
    sets = {
        row["migration_set"] for row in db.query("select migration_set from _sqlite_migrations")
    }
    assert sets == {"audit", "caseload", "quickscan"}


def test_opening_twice_migrates_once(tmp_path: Path) -> None:
    path = tmp_path / "t.db"
    first = database.open_database(path)
    version = database.schema_version(first)
    first.close()
    second = database.open_database(path)
    assert database.schema_version(second) == version
    assert second.execute("PRAGMA user_version").fetchone()[0] == version
    second.close()


def test_check_is_ok_on_a_fresh_database(db) -> None:
    result = database.check(db)
    assert result.ok
    assert result.schema_version == database.schema_version(db)


def test_check_reports_a_tampered_audit_entry(db) -> None:
    with db.atomic():
        audit.record(db, actor="zoë", action="client.add", obj="client:1")
        audit.record(db, actor="zoë", action="client.view", obj="client:1")
    assert database.check(db).ok
    db.execute("update audit_log set action = 'client.vieW' where id = 2")
    result = database.check(db)
    assert not result.ok
    assert "logboek" in result.problems[0]


def test_check_reports_a_removed_audit_entry(db) -> None:
    with db.atomic():
        for number in range(3):
            audit.record(db, actor="a", action="client.add", obj=f"client:{number}")
    db.execute("delete from audit_log where id = 2")
    assert audit.broken_entries(db) == [3]


def test_a_non_database_file_is_refused_untouched(tmp_path: Path) -> None:
    path = tmp_path / "notes.txt"
    path.write_text("boodschappen: melk, brood\n")
    with pytest.raises(database.DatabaseProblem):
        database.open_database(path)
    assert path.read_text() == "boodschappen: melk, brood\n"
