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
TABLES = ("clients", "ladder_steps", "barriers", "barrier_events", "contacts", "actions",
          "audit_log")


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
def add_client(db: Database, details: Callable[..., model.ClientDetails]
               ) -> Callable[..., model.Client]:
    """Store a client through the store, as the form does."""

    def add(**overrides: Any) -> model.Client:
        return clients.add(db, details(**overrides), actor=ACTOR, today=TODAY)

    return add


@pytest.fixture
def counts(db: Database) -> Callable[[], dict[str, int]]:
    """The number of rows in every caseload table and the audit log."""

    def count() -> dict[str, int]:
        return {table: db.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
                for table in TABLES}

    return count
