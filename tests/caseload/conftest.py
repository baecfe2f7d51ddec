"""Fixtures for the caseload tests: a fixed 'today', an actor, and quick ways to add clients."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

import pytest
from sqlite_utils import Database

from caseload import clients, model

TODAY = dt.date(2026, 3, 16)
ACTOR = "km.devries"
TABLES = (
    "clients",
    "ladder_steps",
    "barriers",
    "barrier_events",
    "contacts",
    "actions",
    "audit_log",
)


@pytest.fixture
def today() -> dt.date:
    """The day the tests live on."""
    return TODAY


@pytest.fixture
def details() -> Callable[..., model.ClientDetails]:
    """Client details with plausible defaults; keyword arguments override them."""

    def make(**overrides: Any) -> model.ClientDetails:
        values: dict[str, Any] = {
            "reference": "KL0000001",
            "first_name": "Zoë",
            "initials": "Z.",
            "surname_prefix": "de",
            "surname": "Vries",
            "birth_date": dt.date(1988, 5, 4),
            "guidance_start": dt.date(2025, 9, 1),
            "klantmanager": "Anouk Bakker",
            "team": "Team Noord",
        }
        values.update(overrides)
        return model.ClientDetails(**values)

    return make


@pytest.fixture
def add_client(
    db: Database, details: Callable[..., model.ClientDetails]
) -> Callable[..., model.Client]:
    """Store a client through the store, as the form does."""

    def add(**overrides: Any) -> model.Client:
        return clients.add(db, details(**overrides), actor=ACTOR, today=TODAY).value

    return add


@pytest.fixture
def counts(db: Database) -> Callable[[], dict[str, int]]:
    """The number of rows in every caseload table and the audit log."""

    def count() -> dict[str, int]:
        return {
            table: db.execute(f"SELECT count(*) FROM {table}").fetchone()[0] for table in TABLES
        }

    return count


def recomputed_summaries(db: Database) -> dict[int, tuple[Any, ...]]:
    """Each client's summary columns worked out in Python from the child rows, not from SQL."""
    result: dict[int, tuple[Any, ...]] = {}
    for (client_id,) in db.execute("SELECT id FROM clients").fetchall():
        steps = sorted(
            db.execute(
                "SELECT measured_on, id, trede FROM ladder_steps WHERE client_id = ?", [client_id]
            ).fetchall()
        )
        contacts = [
            row[0]
            for row in db.execute(
                "SELECT contact_on FROM contacts WHERE client_id = ?", [client_id]
            )
        ]
        kinds_and_statuses = db.execute(
            "SELECT kind, status FROM barriers WHERE client_id = ?", [client_id]
        ).fetchall()
        barriers = [status for _kind, status in kinds_and_statuses]
        open_kinds = sorted({kind for kind, status in kinds_and_statuses if status != "opgelost"})
        actions = db.execute(
            "SELECT status, due_on FROM actions WHERE client_id = ?", [client_id]
        ).fetchall()
        open_actions = [due for status, due in actions if status in ("gepland", "lopend")]
        planned = [
            row[0]
            for row in db.execute(
                "SELECT planned_on FROM appointments WHERE client_id = ? AND status = 'gepland'",
                [client_id],
            )
        ]
        own_measurement, every, start, created = db.execute(
            "SELECT planned_measurement_on, contact_every_days, guidance_start, created_at "
            "FROM clients WHERE id = ?",
            [client_id],
        ).fetchone()
        first_day = start or created[:10]
        next_due = min((due for due in open_actions if due), default=None)
        next_appointment = min(planned, default=None)
        measurement = own_measurement or (_six_months_later(steps[-1][0]) if steps else first_day)
        last_contact = max(contacts, default=None)
        contact_due = (
            None
            if every is None
            else (
                dt.date.fromisoformat(last_contact or first_day) + dt.timedelta(days=every)
            ).isoformat()
        )
        plan_dates = [day for day in (next_appointment, next_due, measurement) if day]
        plan_due = min(plan_dates, default=None)
        result[client_id] = (
            steps[-1][2] if steps else None,
            steps[-1][0] if steps else None,
            last_contact,
            sum(status != "opgelost" for status in barriers),
            len(open_actions),
            next_due,
            next_appointment,
            measurement,
            contact_due,
            plan_due,
            # The attention flag's two columns and the barrier filter's list of kinds.
            min((day for day in (plan_due, contact_due) if day), default=None),
            (last_contact or "") if every is None else None,
            f",{','.join(open_kinds)}," if open_kinds else None,
        )
    return result


def _six_months_later(day: str) -> str:
    """Six months on, with a day past the month's end running over as SQLite's date() does."""
    date = dt.date.fromisoformat(day)
    year, month = divmod(date.month - 1 + 6, 12)
    first = dt.date(date.year + year, month + 1, 1)
    return (first + dt.timedelta(days=date.day - 1)).isoformat()


def stored_summaries(db: Database) -> dict[int, tuple[Any, ...]]:
    """Each client's summary columns as stored."""
    return {
        row[0]: tuple(row[1:])
        for row in db.execute(
            "SELECT id, current_trede, current_trede_on, last_contact_on, open_barriers, "
            "open_actions, next_due_on, next_appointment_on, measurement_due_on, contact_due_on, "
            "plan_due_on, attention_on, default_contact_on, open_barrier_kinds FROM clients"
        )
    }


@pytest.fixture
def summaries_hold() -> Callable[[Database], bool]:
    """A check that every client's stored summary equals the recomputation."""

    def check(db: Database) -> bool:
        return stored_summaries(db) == recomputed_summaries(db)

    return check
