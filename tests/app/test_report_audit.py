"""Reports are exports of personal data: each one leaves a line in the audit log."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from app import database, main
from caseload import clients, demo
from resources import audit

TODAY = dt.date(2026, 3, 16)


@pytest.fixture
def demo_path(tmp_path: Path) -> Path:
    path = tmp_path / "demo.db"
    db = database.open_database(path)
    demo.fill(db, 30, seed=2, today=TODAY)
    db.close()
    return path


def _last_entry(path: Path) -> audit.Entry:
    db = database.open_database(path)
    try:
        assert audit.broken_entries(db) == []
        return audit.entries(db, 1)[0]
    finally:
        db.close()


def test_client_report_is_logged_with_the_client_not_the_content(
    demo_path: Path, tmp_path: Path
) -> None:
    out = tmp_path / "klant.pdf"
    assert (
        main.main(["report", "client", "--db", str(demo_path), "KL0000003", "--out", str(out)]) == 0
    )
    entry = _last_entry(demo_path)
    db = database.open_database(demo_path)
    try:
        found = clients.find(db, "KL0000003")
    finally:
        db.close()
    assert found is not None
    assert (entry.action, entry.object, entry.origin) == (
        "report.client",
        clients.obj(found.id),
        "cli",
    )


def test_inclusion_report_is_logged_with_team_and_period(demo_path: Path, tmp_path: Path) -> None:
    out = tmp_path / "inclusie.pdf"
    code = main.main(
        ["report", "inclusion", "--db", str(demo_path), "--from", "2025-01-01",
         "--to", "2025-12-31", "--out", str(out)]
    )  # fmt: skip
    assert code == 0
    entry = _last_entry(demo_path)
    assert (entry.action, entry.object) == ("report.inclusion", "team:*:2025-01-01..2025-12-31")
