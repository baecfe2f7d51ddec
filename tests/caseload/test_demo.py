"""Demo data: plausible, deterministic, the same shape as what the stores write, cancellable."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

import pytest
from sqlite_utils import Database

from app import database
from caseload import caseload_query, client_file, clients, demo, model, vocab
from resources import audit

TODAY = dt.date(2026, 3, 16)
TABLES = ("clients", "ladder_steps", "barriers", "barrier_events", "contacts", "actions")


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory: pytest.TempPathFactory) -> Database:
    db = database.open_database(tmp_path_factory.mktemp("demo") / "demo.db")
    demo.fill(db, 300, seed=7, today=TODAY)
    return db


def _dump(db: Database) -> dict[str, list[tuple[object, ...]]]:
    return {table: db.execute(f"SELECT * FROM {table} ORDER BY id").fetchall() for table in TABLES}


def test_same_seed_gives_the_same_caseload_and_another_seed_another(tmp_path: Path) -> None:
    dumps = []
    for name, seed in (("a", 3), ("b", 3), ("c", 4)):
        db = database.open_database(tmp_path / f"{name}.db")
        demo.fill(db, 40, seed=seed, today=TODAY)
        dumps.append(_dump(db))
        db.close()
    assert dumps[0] == dumps[1]
    assert dumps[0]["clients"] != dumps[2]["clients"]


def test_summaries_match_a_recomputation(
    demo_db: Database, summaries_hold: Callable[[Database], bool]
) -> None:
    assert summaries_hold(demo_db)


def test_demo_rows_have_the_shape_the_stores_write(demo_db: Database) -> None:
    demo_db.execute("INSERT INTO clients_fts(clients_fts) VALUES ('integrity-check')")
    assert database.check(demo_db).ok
    assert demo_db.execute("SELECT count(*) FROM clients WHERE bsn IS NOT NULL").fetchone() == (0,)
    codes = {
        ("barriers", "kind"): vocab.BARRIER_KINDS,
        ("barriers", "status"): vocab.BARRIER_STATUSES,
        ("contacts", "kind"): vocab.CONTACT_KINDS,
        ("actions", "intervention"): vocab.INTERVENTIONS,
        ("actions", "status"): vocab.ACTION_STATUSES,
        ("clients", "closing_reason"): vocab.CLOSING_REASONS,
        ("clients", "language_speaking"): vocab.LANGUAGE_LEVELS,
    }
    for (table, column), vocabulary in codes.items():
        used = {row[0] for row in demo_db.execute(f"SELECT DISTINCT {column} FROM {table}")}
        assert used - {None} <= set(vocabulary.codes()), (table, column)
    # Each barrier's history ends in its present state, as update_barrier would leave it.
    for client_id in (1, 50, 150, 299):
        file = client_file.load(demo_db, client_id)
        for barrier in file.barriers:
            events = [e for e in file.barrier_events if e.barrier_id == barrier.id]
            assert events[0].change == "opened"
            assert events[-1].status == barrier.status
            assert barrier.resolved_on == (
                events[-1].happened_on if barrier.status == "opgelost" else None
            )
        assert all(c.contact_on <= TODAY for c in file.contacts)
        assert all(s.measured_on <= TODAY for s in file.ladder_steps)


def test_demo_looks_like_a_real_caseload(demo_db: Database) -> None:
    per_client = demo_db.execute(
        "SELECT (SELECT count(*) FROM contacts) * 1.0 / count(*), "
        "(SELECT count(*) FROM ladder_steps) * 1.0 / count(*), "
        "sum(status = 'closed'), count(DISTINCT klantmanager), count(DISTINCT team), "
        "count(DISTINCT current_trede) FROM clients"
    ).fetchone()
    contacts, steps, closed, managers, teams, treden = per_client
    assert 12 < contacts < 30 and 3 < steps < 8
    assert 20 < closed < 80 and managers >= 3 and teams == 8 and treden == 6
    reasons = {row[0] for row in demo_db.execute("SELECT closing_reason FROM clients")}
    assert "uitstroom_werk" in reasons
    movement = demo_db.execute(
        "SELECT count(DISTINCT client_id) FROM ladder_steps s WHERE trede != "
        "(SELECT trede FROM ladder_steps f WHERE f.client_id = s.client_id "
        "ORDER BY measured_on LIMIT 1)"
    ).fetchone()[0]
    assert movement > 50  # ladder histories move
    found = caseload_query.ids(demo_db, caseload_query.CaseloadFilter(text="zoe"), today=TODAY)
    names = {row.name.split()[0] for row in caseload_query.rows(demo_db, found, today=TODAY)}
    assert names == {"Zoë"}


def test_progress_is_reported_and_cancel_stores_nothing(db: Database) -> None:
    seen: list[tuple[int, int]] = []
    with pytest.raises(demo.Cancelled):
        demo.fill(
            db,
            5000,
            seed=1,
            today=TODAY,
            progress=lambda d, t: seen.append((d, t)),
            cancelled=lambda: len(seen) >= 1,
        )
    # Progress came before the end (in steps of any size), and the cancel was heard at once.
    assert len(seen) == 1
    done, total = seen[0]
    assert total == 5000 and 0 < done < total
    assert db.execute("SELECT count(*) FROM clients").fetchone() == (0,)
    assert db.execute("SELECT count(*) FROM contacts").fetchone() == (0,)
    assert audit.entries(db) == []
    made = demo.fill(db, 5, seed=1, today=TODAY, progress=lambda d, t: seen.append((d, t))).value
    assert made.clients == 5 and seen[-1] == (5, 5)
    assert audit.entries(db)[0].action == "demo.fill"


def test_refuses_a_database_that_holds_clients_or_a_negative_number(db: Database) -> None:
    with pytest.raises(demo.DemoRefused):
        demo.fill(db, -1, today=TODAY)
    demo.fill(db, 3, today=TODAY)
    with pytest.raises(demo.DemoRefused, match="bevat al klanten"):
        demo.fill(db, 3, today=TODAY)
    assert db.execute("SELECT count(*) FROM clients").fetchone() == (3,)


def test_every_client_who_left_for_work_has_a_job_and_a_follow_up(tmp_path: Path) -> None:
    """The demo fills the outflow and its six-month question, so reports show lasting outflow."""
    today = dt.date(2026, 12, 4)
    db = database.open_database(tmp_path / "demo.db")
    demo.fill(db, 600, seed=5, today=today)
    left = db.execute(
        "SELECT id, closed_on FROM clients WHERE closing_reason = 'uitstroom_werk'"
    ).fetchall()
    rows = db.execute(
        """SELECT o.client_id, o.closed_on, u.due_on, u.answered_on, u.still_working
        FROM outflows o JOIN followups u ON u.outflow_id = o.id"""
    ).fetchall()
    assert sorted((c, closed) for c, closed, *_rest in rows) == sorted(left)
    for _client, closed, due, answered, still in rows:
        assert dt.date.fromisoformat(due) == dt.date.fromisoformat(closed) + dt.timedelta(days=182)
        if answered is None:
            assert still is None
        else:
            assert due <= answered <= today.isoformat() and still in (0, 1)
    assert any(still == 1 for *_rest, still in rows) and any(still == 0 for *_rest, still in rows)
    # The timeline's closing line shows the job: each closing to work points to its outflow.
    unlinked = db.execute(
        "SELECT count(*) FROM closings WHERE reason = 'uitstroom_werk' AND outflow_id IS NULL"
    ).fetchone()[0]
    assert unlinked == 0 and db["closings"].count_where("reason = 'uitstroom_werk'") == len(left)
    sectors = {row[0] for row in db.execute("SELECT DISTINCT employer_sector FROM outflows")}
    assert sectors <= set(vocab.EMPLOYER_SECTORS.codes())
    db.close()


def _statistics_for(db: Database, table: str) -> int:
    return int(
        db.execute("SELECT count(*) FROM sqlite_stat1 WHERE tbl = ?", (table,)).fetchone()[0]
    )


def test_the_first_session_after_a_demo_has_query_statistics(demo_db: Database) -> None:
    assert _statistics_for(demo_db, "clients") > 0
    assert _statistics_for(demo_db, "contacts") > 0


def test_ten_years_of_retention_gives_mostly_closed_files_over_ten_years(
    tmp_path: Path, summaries_hold: Callable[[Database], bool]
) -> None:
    db = database.open_database(tmp_path / "years.db")
    demo.fill(db, 400, seed=3, today=TODAY, years=10)
    rows = db.execute("SELECT status, guidance_start, closed_on FROM clients").fetchall()
    closed = [row for row in rows if row[0] == "closed"]
    assert len(closed) > 0.6 * len(rows), "most files of ten years are closed"
    start_years = {int(row[1][:4]) for row in rows}
    closing_years = {int(row[2][:4]) for row in closed}
    assert min(start_years) >= TODAY.year - 10 and len(start_years) >= 10
    assert len(closing_years) >= 8, "files closed all through the ten years"
    assert all(row[2] > row[1] for row in closed)
    # The summaries are what the stores compute, and the indexes built at the end are whole.
    assert summaries_hold(db)
    assert database.check(db, full=True).ok
    db.close()


def test_demo_refuses_years_out_of_range(db: Database) -> None:
    with pytest.raises(demo.DemoRefused):
        demo.fill(db, 10, years=0)
    assert db.execute("SELECT count(*) FROM clients").fetchone()[0] == 0


def test_after_a_demo_the_file_keeps_its_log_and_search_finds_old_and_new_clients(
    db: Database,
) -> None:
    """The demo writes with a rollback journal and fills the search index at once: afterwards
    the file is back in WAL mode, and search finds a demo client and one added later. It
    writes without SQLite's foreign key checks: they hold for every row, and are on again."""
    demo.fill(db, 40, seed=5, today=TODAY)
    assert db.execute("PRAGMA journal_mode").fetchone() == ("wal",)
    assert db.execute("PRAGMA foreign_key_check").fetchall() == []
    assert db.execute("PRAGMA foreign_keys").fetchone() == (1,)
    first = db.execute("SELECT first_name, id FROM clients ORDER BY id LIMIT 1").fetchone()
    found = caseload_query.ids(db, caseload_query.CaseloadFilter(text=first[0]), today=TODAY)
    assert first[1] in found
    details = model.ClientDetails(reference="KL9999999", first_name="Wubbo", surname="Ockels")
    added = clients.add(db, details, actor="tester", today=TODAY).value
    found = caseload_query.ids(db, caseload_query.CaseloadFilter(text="wubbo"), today=TODAY)
    assert found == [added.id]


def test_a_cancelled_demo_leaves_search_working(db: Database) -> None:
    with pytest.raises(demo.Cancelled):
        demo.fill(db, 5000, seed=1, today=TODAY, cancelled=lambda: True)
    assert db.execute("PRAGMA journal_mode").fetchone() == ("wal",)
    assert db.execute("PRAGMA foreign_keys").fetchone() == (1,)
    details = model.ClientDetails(reference="KL9999999", first_name="Wubbo", surname="Ockels")
    added = clients.add(db, details, actor="tester", today=TODAY).value
    found = caseload_query.ids(db, caseload_query.CaseloadFilter(text="ockels"), today=TODAY)
    assert found == [added.id]


def _indexes(db: Database) -> set[tuple[str, str]]:
    return set(db.execute("SELECT name, sql FROM sqlite_master WHERE type = 'index'").fetchall())


def test_a_demo_leaves_the_indexes_of_a_new_file_and_the_search_index_settings(
    tmp_path: Path,
) -> None:
    """Some indexes are kept while the demo writes (rows in their order), the others dropped
    and made again; the search index is filled with a larger memory buffer for a while."""
    fresh = database.open_database(tmp_path / "fresh.db")
    expected = _indexes(fresh)
    settings = fresh.execute("SELECT k, v FROM clients_fts_config").fetchall()
    fresh.close()
    db = database.open_database(tmp_path / "demo.db")
    # 437 clients: the last batch of rows of every table is not a whole number of statements.
    demo.fill(db, 437, seed=2, today=TODAY, years=10)
    assert _indexes(db) == expected
    assert db.execute("SELECT k, v FROM clients_fts_config").fetchall() == settings
    assert database.check(db, full=True).ok
    counts = [db.execute(f"SELECT count(*) FROM {table}").fetchone()[0] for table in TABLES]
    assert counts[0] == 437 and all(count > 437 for count in counts[1:3] + counts[4:])
