"""The one report entry point: a report comes with its log line, or there is no report."""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path

import pytest
from sqlite_utils import Database

from caseload import clients, demo, model
from resources import audit
from resources.errors import UserError
from ui.reports import making

SETTINGS = making.Settings(municipality="Leiden")
TODAY = dt.date(2026, 3, 16)


def _last(db: Database) -> tuple[str, str, str]:
    entry = audit.entries(db, 1)[0]
    return entry.action, entry.object, entry.origin


def test_an_inclusion_report_is_written_and_logged_once(db: Database, tmp_path: Path) -> None:
    demo.fill(db, 20, seed=2, today=TODAY)
    before = len(audit.entries(db, 1000))
    request = making.Request(
        making.Kind.INCLUSION, start=dt.date(2025, 1, 1), end=dt.date(2025, 12, 31), team=None
    )
    out = making.make(db, request, tmp_path / "r.pdf", SETTINGS, actor="km", origin="cli")
    assert out.read_bytes().startswith(b"%PDF")
    assert len(audit.entries(db, 1000)) == before + 1
    action, obj, origin = _last(db)
    assert (action, origin) == ("report.inclusion", "cli")
    assert obj == audit.inclusion_object(None, request.start, request.end)


def test_a_client_report_names_the_client_not_the_content(db: Database, tmp_path: Path) -> None:
    client = clients.add(db, model.ClientDetails(reference="K-77", surname="Bakker"), actor="t")
    request = making.Request(making.Kind.CLIENT, reference="K-77")
    making.make(db, request, tmp_path / "k.pdf", SETTINGS, actor="km", today=TODAY)
    assert _last(db)[:2] == ("report.client", f"client:{client.value.id}")


def test_an_unknown_client_makes_no_file_and_no_log_line(db: Database, tmp_path: Path) -> None:
    request = making.Request(making.Kind.CLIENT, reference="BESTAAT-NIET")
    with pytest.raises(UserError):
        making.make(db, request, tmp_path / "k.pdf", SETTINGS, actor="km")
    assert not (tmp_path / "k.pdf").exists()
    assert all(not e.action.startswith("report.") for e in audit.entries(db, 100))


def test_without_a_log_line_the_file_is_removed(db, tmp_path: Path, monkeypatch) -> None:
    clients.add(db, model.ClientDetails(reference="K-1"), actor="t")

    def read_only(*args, **kwargs):
        raise sqlite3.OperationalError("attempt to write a readonly database")

    monkeypatch.setattr(audit, "record_alone", read_only)
    request = making.Request(making.Kind.CLIENT, reference="K-1")
    with pytest.raises(making.NotLogged, match="logboek"):
        making.make(db, request, tmp_path / "k.pdf", SETTINGS, actor="km")
    assert not (tmp_path / "k.pdf").exists()
