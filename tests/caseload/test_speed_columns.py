"""The attention and barrier-kind summary columns (m011): filled by the migration as the stores
fill them, filters and flags exactly as before, and the first window the same whichever way
it is read."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from sqlite_utils import Database

from app import database
from caseload import caseload_query as cq
from caseload import caseload_window, clients, demo, model, schema, vocab

from .conftest import recomputed_summaries, stored_summaries

TODAY = dt.date(2026, 3, 16)
NEW_COLUMNS = ("attention_on", "default_contact_on", "open_barrier_kinds")


@pytest.fixture
def ten_years(db: Database) -> Database:
    """Ten years of 400 demo clients: most files closed, many with barriers left open."""
    demo.fill(db, 400, seed=5, today=TODAY, years=10)
    return db


def _as_before_m011(db: Database) -> None:
    """Undo m011 in place: its indexes and columns gone, its record removed."""
    for columns in schema.SPEED_INDEXES:
        db.execute(f"DROP INDEX [idx_clients_{'_'.join(columns)}]")
    db.execute(f"DROP INDEX [{schema.WALK_INDEX}]")
    db.execute(f"DROP INDEX [{schema.SEARCH_INDEX}]")
    for column in NEW_COLUMNS:
        db.execute(f"ALTER TABLE clients DROP COLUMN {column}")
    db.execute("CREATE INDEX idx_clients_team_status ON clients (team, status)")
    db.execute(
        "CREATE INDEX idx_clients_status_last_contact_on_next_due_on "
        "ON clients (status, last_contact_on, next_due_on)"
    )
    db.execute("DELETE FROM _sqlite_migrations WHERE name = 'm011_speed_attention_columns'")


def test_the_migration_fills_the_columns_as_the_stores_keep_them(ten_years: Database) -> None:
    _as_before_m011(ten_years)
    database.migrate(ten_years)
    assert stored_summaries(ten_years) == recomputed_summaries(ten_years)
    names = {row[0] for row in ten_years.execute("SELECT name FROM sqlite_master")}
    assert {f"idx_clients_{'_'.join(columns)}" for columns in schema.SPEED_INDEXES} <= names
    assert {schema.WALK_INDEX, schema.SEARCH_INDEX} <= names
    assert names.isdisjoint(schema.REPLACED_INDEXES)
    assert ten_years.execute("SELECT count(*) FROM sqlite_stat1").fetchone()[0] > 0


@pytest.mark.parametrize("status", [None, "active", "closed"])
def test_the_barrier_filter_keeps_the_clients_with_such_a_barrier_open(
    ten_years: Database, status: str | None
) -> None:
    open_statuses = ", ".join(f"'{code}'" for code in vocab.OPEN_BARRIER_STATUSES)
    for kind in vocab.BARRIER_KINDS.codes():
        expected = {
            row[0]
            for row in ten_years.execute(
                "SELECT c.id FROM clients c WHERE (:status IS NULL OR c.status = :status) AND "
                f"EXISTS (SELECT 1 FROM barriers b WHERE b.client_id = c.id AND b.kind = :kind "
                f"AND b.status IN ({open_statuses}))",
                {"status": status, "kind": kind},
            )
        }
        flt = cq.CaseloadFilter(status=status, barrier_kind=kind)
        assert set(cq.ids(ten_years, flt, today=TODAY)) == expected, kind


@pytest.mark.parametrize("threshold", [7, 14, 60])
@pytest.mark.parametrize("day", [TODAY, TODAY + dt.timedelta(days=45)])
def test_flags_follow_the_default_frequency_and_the_day_without_a_write(
    ten_years: Database, threshold: int, day: dt.date
) -> None:
    """The default contact frequency lives in the settings: a changed one (or a later day)
    changes who is flagged at once, and the flags agree with each row's own reading."""
    everyone = cq.CaseloadFilter(contact_threshold_days=threshold)
    rows = cq.rows(ten_years, cq.ids(ten_years, everyone, today=day), day, threshold)
    late = {row.id for row in rows if row.no_recent_contact}
    flagged = {row.id for row in rows if row.needs_attention}
    overdue = {row.id for row in rows if row.overdue_actions}
    no_contact = cq.CaseloadFilter(no_recent_contact_only=True, contact_threshold_days=threshold)
    assert set(cq.ids(ten_years, no_contact, today=day)) == late
    plan_late = cq.CaseloadFilter(overdue_actions_only=True, contact_threshold_days=threshold)
    assert set(cq.ids(ten_years, plan_late, today=day)) == overdue
    assert cq.flagged(ten_years, everyone, today=day) == len(flagged)
    assert cq.counts(ten_years, everyone, today=day).flagged == len(flagged)
    assert 0 < len(flagged) < len(rows)


FILTERS: list[dict[str, Any]] = [
    {"status": "active", "barrier_kind": "taal"},
    {"barrier_kind": "gezondheid"},
    {"status": "active", "no_recent_contact_only": True},
    {"no_recent_contact_only": True, "contact_threshold_days": 30},
    {"status": "active", "overdue_actions_only": True},
    {"status": "active", "trede": 2},
    {"status": "closed", "trede": 3},
    {"status": "active", "text": "a"},
    {"text": "e"},
    {"status": "closed", "text": "m"},
    {"status": "active", "text": "000"},
    {"status": "active", "team": "Team Centrum"},
]
#: The three ways to read a first window: each match sorted, the sort index walked with each
#: client looked up, and the sort index walked against the filter's set of ids.
PLANS = {"sorted": (10**9, 0, 10**9), "rows": (0, 0, 10**9), "set": (0, 10**9, 0)}


@pytest.mark.parametrize("filters", FILTERS)
@pytest.mark.parametrize("plan", list(PLANS))
@pytest.mark.parametrize(
    "sort",
    [
        cq.Sort(),
        cq.Sort(cq.SortColumn.NAME, descending=True),
        cq.Sort(cq.SortColumn.DAYS_SINCE_CONTACT),
        cq.Sort(cq.SortColumn.REFERENCE, descending=True),
        cq.Sort(cq.SortColumn.STATUS, descending=True),
    ],
)
def test_the_first_window_is_the_same_whichever_way_it_is_read(
    ten_years: Database,
    monkeypatch: pytest.MonkeyPatch,
    filters: dict[str, Any],
    plan: str,
    sort: cq.Sort,
) -> None:
    walk_from, walk_rows, search_once_from = PLANS[plan]
    monkeypatch.setattr(caseload_window, "WALK_FROM", walk_from)
    monkeypatch.setattr(caseload_window, "WALK_ROWS", walk_rows)
    monkeypatch.setattr(caseload_window, "SEARCH_ONCE_FROM", search_once_from)
    flt = cq.CaseloadFilter(**filters)
    whole = cq.ids(ten_years, flt, sort, today=TODAY)
    assert len(whole) > 5, "a filter that keeps enough clients to need a walk"
    first = caseload_window.first(ten_years, flt, sort, 5, today=TODAY)
    assert first.ids == whole[:5]
    assert first.count == len(whole)
    assert first.flagged == cq.counts(ten_years, flt, today=TODAY).flagged


def test_the_count_of_a_status_follows_every_write_from_any_connection(
    ten_years: Database, tmp_path: Path
) -> None:
    def counts() -> list[int]:
        return [
            caseload_window.first(ten_years, cq.CaseloadFilter(status=s), cq.Sort(), 5, TODAY).count
            for s in (None, "active", "closed")
        ]

    before = counts()
    added = clients.add(ten_years, model.ClientDetails(reference="KL9000001"), actor="test")
    assert counts() == [before[0] + 1, before[1] + 1, before[2]]
    other = database.open_database(tmp_path / "trede.db")
    clients.close(other, added.value.id, on=TODAY, reason="overig", actor="test", today=TODAY)
    other.close()
    assert counts() == [before[0] + 1, before[1], before[2] + 1]
