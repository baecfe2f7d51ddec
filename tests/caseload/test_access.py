"""Right of access: the PDF and JSON hold everything stored about one client, and nobody else."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from pathlib import Path

import pypdf
import pytest
from sqlite_utils import Database

from caseload import access, errors, journal, model
from resources import audit

TODAY = dt.date(2026, 3, 16)
ACTOR = "km.devries"


def test_export_writes_every_row_about_the_client_and_logs_it(
    tmp_path: Path, db: Database, add_client: Callable[..., model.Client]
) -> None:
    other = add_client(reference="KL2", first_name="Anouk", surname="Smit")
    journal.add_contact(
        db, other.id, kind="huisbezoek", summary="Geheim van Smit", actor=ACTOR, today=TODAY
    )
    client = add_client(reference="KL/1", first_name="Zoë", surname="Vries")
    journal.record_step(
        db, client.id, trede=2, measured_on=dt.date(2025, 10, 1), actor=ACTOR, today=TODAY
    )
    barrier = journal.add_barrier(
        db, client.id, kind="taal", severity=3, actor=ACTOR, today=TODAY
    ).value
    journal.add_contact(
        db,
        client.id,
        kind="huisbezoek",
        minutes=40,
        summary="Over de taalcursus",
        actor=ACTOR,
        today=TODAY,
    )
    journal.add_action(db, client.id, intervention="taalcursus", goal="A2 halen", actor=ACTOR)

    files = access.export_client(
        db, client.id, tmp_path / "opvraag", municipality="Leiden", actor=ACTOR, today=TODAY
    )

    assert files.pdf.name == "trede-klant-KL_1-2026-03-16.pdf"
    data = json.loads(files.json.read_text(encoding="utf-8"))
    assert data["format"] == "trede-client-data" and data["description"]
    tables = data["tables"]
    for table, column, _description in access.TABLES:
        expected = db.execute(f"SELECT count(*) FROM {table} WHERE {column} = ?", [client.id])
        assert len(tables[table]["rows"]) == expected.fetchone()[0]
        assert tables[table]["description"]
    assert tables["clients"]["rows"][0]["first_name"] == "Zoë"
    assert tables["barriers"]["rows"][0]["id"] == barrier.id
    assert len(tables["barrier_events"]["rows"]) == 1
    assert tables["contacts"]["rows"][0]["summary"] == "Over de taalcursus"
    assert "Smit" not in files.json.read_text(encoding="utf-8")
    assert any(row["action"] == "client.add" for row in tables["audit_log"]["rows"])
    text = "\n".join(page.extract_text() for page in pypdf.PdfReader(files.pdf).pages)
    assert "Zoë" in text and "taalcursus" in text.casefold()
    entry = audit.entries(db)[0]
    assert (entry.action, entry.object) == ("client.access_export", f"client:{client.id}")


def test_export_of_an_unknown_client_writes_nothing(tmp_path: Path, db: Database) -> None:
    with pytest.raises(errors.NotFound):
        access.export_client(db, 99, tmp_path / "x", municipality="", actor=ACTOR, today=TODAY)
    assert not (tmp_path / "x").exists()


@pytest.mark.parametrize("umask", [0o022, 0o000])
def test_the_folder_made_for_the_export_is_the_users_alone(
    tmp_path: Path, db: Database, add_client: Callable[..., model.Client], umask: int
) -> None:
    import os
    import stat

    client = add_client(reference="KL9", first_name="Zoë", surname="Vries")
    previous = os.umask(umask)
    try:
        access.export_client(
            db,
            client.id,
            tmp_path / "inzage" / "KL9",
            municipality="Gouda",
            actor=ACTOR,
            today=TODAY,
        )
    finally:
        os.umask(previous)
    assert stat.S_IMODE((tmp_path / "inzage" / "KL9").stat().st_mode) == 0o700
