"""What must hold for the file itself: tampering shows, and the first schema still opens."""

from __future__ import annotations

import json
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

from app import backup, database
from caseload import schema as caseload_schema
from quickscan import store as quickscan_store
from resources import audit
from tests.fixtures import manifest

FIXTURES = Path(__file__).parents[1] / "fixtures"
REPOSITORY = Path(__file__).parents[2]


def trede(*arguments: str) -> subprocess.CompletedProcess[str]:
    """Run the real program, as a manager or a privacy officer would."""
    return subprocess.run(
        [sys.executable, "-m", "app", *arguments],
        capture_output=True,
        text=True,
        cwd=REPOSITORY,
        timeout=60,
        check=False,
    )


def test_one_changed_byte_of_an_audit_entry_in_the_file_breaks_the_chain(tmp_path: Path) -> None:
    path = tmp_path / "trede.db"
    db = database.open_database(path)
    with db.atomic():
        audit.record(db, actor="zoë", action="client.add", obj="client:7")
        audit.record(db, actor="zoë", action="client.view", obj="client:7")
        audit.record(db, actor="zoë", action="client.update", obj="client:7")
    # Every page in the main file: nothing of the log may stay behind in the WAL.
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    database.close(db)
    assert trede("check", "--db", str(path)).returncode == 0

    raw = bytearray(path.read_bytes())
    assert raw.count(b"client.view") == 1
    raw[raw.index(b"client.view") + len("client.")] ^= 0x20  # 'v' becomes 'V'
    path.write_bytes(bytes(raw))

    result = trede("check", "--db", str(path))
    assert result.returncode == 1
    assert "logboek" in result.stderr
    assert "regel 2" in result.stderr, "the broken entry is named"
    assert "Traceback" not in result.stderr


def _old_copy(tmp_path: Path) -> Path:
    copy = tmp_path / "oud.db"
    shutil.copyfile(FIXTURES / "schema-v1.db", copy)
    return copy


def test_a_database_of_the_first_schema_upgrades_with_its_data_intact(tmp_path: Path) -> None:
    expected = json.loads((FIXTURES / "schema-v1.json").read_text(encoding="utf-8"))
    db = database.open_database(_old_copy(tmp_path))
    try:
        assert database.schema_version(db) >= expected["schema_version"]
        assert manifest.compare(db, expected) == []
        assert database.check(db).ok
        scans = quickscan_store.list_responses(db)
        assert len(scans) == 1
        assert quickscan_store.result(db, scans[0].id).themes
    finally:
        database.close(db)


def test_the_fixture_itself_is_of_the_first_schema() -> None:
    connection = sqlite3.connect(f"{(FIXTURES / 'schema-v1.db').as_uri()}?mode=ro", uri=True)
    try:
        count = connection.execute("select count(*) from _sqlite_migrations").fetchone()[0]
    finally:
        connection.close()
    assert count == 5, "the fixture stays as it was made: never migrate it in place"


def test_an_old_backup_is_restored_and_brought_up_to_date(tmp_path: Path) -> None:
    target = tmp_path / "trede.db"
    database.close(database.open_database(target))
    backup.restore(target, _old_copy(tmp_path))
    db = database.open_database(target)
    try:
        assert db["clients"].count == 20
        assert database.unknown_migrations(db) == []
        assert database.check(db).ok
    finally:
        database.close(db)


def test_an_old_database_gets_its_plan_columns_computed_after_the_last_migration(
    tmp_path: Path,
) -> None:
    """The planning columns of a file from before them are filled once every migration has
    run (so today's summary SQL meets the newest schema), and nothing is left to do after."""
    db = database.open_database(_old_copy(tmp_path))
    try:
        measured = db.execute(
            "SELECT count(*) FROM clients WHERE current_trede_on IS NOT NULL"
        ).fetchone()[0]
        due = db.execute(
            "SELECT count(*) FROM clients WHERE measurement_due_on IS NOT NULL"
        ).fetchone()[0]
        assert measured > 0
        assert due == db["clients"].count
        assert not db[caseload_schema.STALE_TABLE].exists()
    finally:
        database.close(db)


def test_derived_data_left_by_a_stopped_upgrade_is_computed_at_the_next_open(
    tmp_path: Path,
) -> None:
    path = _old_copy(tmp_path)
    database.close(database.open_database(path))
    db = database.open_database(path)
    try:  # as if the last run stopped after its migrations, before the summaries
        with db.atomic():
            db.execute("UPDATE clients SET measurement_due_on = NULL")
            caseload_schema.mark_summaries_stale(db)
    finally:
        database.close(db)
    db = database.open_database(path)
    try:
        assert (
            db.execute("SELECT count(*) FROM clients WHERE measurement_due_on IS NULL").fetchone()[
                0
            ]
            == 0
        )
        assert not db[caseload_schema.STALE_TABLE].exists()
    finally:
        database.close(db)
