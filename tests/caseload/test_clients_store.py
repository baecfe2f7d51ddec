"""The client store: adding, changing, closing, deleting; refusals store nothing."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable
from typing import Any

import pytest
from sqlite_utils import Database

from caseload import caseload_query, client_file, clients, errors, journal, model
from resources import audit

TODAY = dt.date(2026, 3, 16)  # as in conftest
ACTOR = "km.devries"

Counts = Callable[[], dict[str, int]]


def search(db: Database, text: str) -> list[int]:
    return caseload_query.ids(db, caseload_query.CaseloadFilter(text=text), today=TODAY)


def test_add_stores_the_client_and_one_audit_line_without_personal_data(
    db: Database, add_client: Callable[..., model.Client]
) -> None:
    client = add_client(first_name="  Zoë ", reference=" KL0000001 ")
    assert client.reference == "KL0000001"
    assert client.first_name == "Zoë"
    assert client.status == "active"
    assert client.display_name() == "Zoë de Vries"
    assert client.current_trede is None and client.open_barriers == 0
    [entry] = audit.entries(db)
    assert (entry.action, entry.object, entry.actor) == ("client.add", f"client:{client.id}", ACTOR)
    assert "Vries" not in repr(entry) and "KL0000001" not in repr(entry)


@pytest.mark.parametrize(
    ("overrides", "bsn_enabled", "error", "field"),
    [
        ({"reference": ""}, False, errors.MissingValue, "reference"),
        ({"reference": "   "}, False, errors.MissingValue, "reference"),
        ({"reference": "KL0000001"}, False, errors.DuplicateReference, "reference"),
        ({"birth_date": TODAY + dt.timedelta(days=1)}, False, errors.DateInFuture, "birth_date"),
        ({"birth_date": dt.date(1890, 1, 1)}, False, errors.InvalidValue, "birth_date"),
        ({"birth_date": dt.date(2020, 1, 1)}, False, errors.InvalidValue, "birth_date"),
        ({"bsn": "123456789"}, True, errors.InvalidBsn, "bsn"),
        ({"bsn": "12345"}, True, errors.InvalidBsn, "bsn"),
        ({"bsn": "111222333"}, False, errors.InvalidBsn, "bsn"),
        ({"expected_trede": 7}, False, errors.InvalidValue, "expected_trede"),
        ({"language_speaking": "D1"}, False, errors.InvalidValue, "language_speaking"),
        ({"inburgering_route": "snel"}, False, errors.InvalidValue, "inburgering_route"),
        ({"guidance_start": dt.date(1980, 1, 1)}, False, errors.InvalidValue, "guidance_start"),
    ],
)
def test_refused_client_stores_nothing_and_names_the_field(
    db: Database,
    add_client: Callable[..., model.Client],
    details: Callable[..., model.ClientDetails],
    counts: Counts,
    overrides: dict[str, Any],
    bsn_enabled: bool,
    error: type[errors.CaseloadError],
    field: str,
) -> None:
    add_client(reference="KL0000001", first_name="Ömer", surname="Kaya")
    before = counts()
    new = details(**{"reference": "KL0000002", "surname": "Yılmaz", **overrides})
    with pytest.raises(error) as raised:
        clients.add(db, new, actor=ACTOR, bsn_enabled=bsn_enabled, today=TODAY)
    assert raised.value.field == field
    assert raised.value.message.endswith(".")
    assert errors.field_label(field).lower() in raised.value.message.lower()
    assert counts() == before
    assert search(db, "Yilmaz") == []


def test_a_valid_bsn_is_stored_compact_only_when_switched_on(
    db: Database, details: Callable[..., model.ClientDetails]
) -> None:
    client = clients.add(
        db, details(bsn="1112.22.333"), actor=ACTOR, bsn_enabled=True, today=TODAY
    ).value
    assert client.bsn == "111222333"


def test_update_changes_details_and_search(
    db: Database, add_client: Callable[..., model.Client], counts: Counts
) -> None:
    client = add_client()
    other = add_client(reference="KL0000002", first_name="José", surname="Pérez")
    changed = dataclasses.replace(client.details(), surname="Öztürk", team="Team Zuid")
    updated = clients.update(db, client.id, changed, actor=ACTOR, today=TODAY).value
    assert (updated.surname, updated.team) == ("Öztürk", "Team Zuid")
    assert search(db, "ozturk") == [client.id]
    assert search(db, "vries") == []
    before = counts()
    with pytest.raises(errors.DuplicateReference):
        clients.update(
            db,
            other.id,
            dataclasses.replace(other.details(), reference=client.reference),
            actor=ACTOR,
            today=TODAY,
        )
    assert counts() == before
    assert clients.get(db, other.id).reference == "KL0000002"


def test_close_and_reopen(
    db: Database, add_client: Callable[..., model.Client], counts: Counts
) -> None:
    client = add_client()
    before = counts()
    for kwargs, error in [
        ({"on": TODAY + dt.timedelta(days=1), "reason": "uitstroom_werk"}, errors.DateInFuture),
        ({"on": TODAY, "reason": "gevonden"}, errors.InvalidValue),
        ({"on": dt.date(2025, 1, 1), "reason": "verhuisd"}, errors.InvalidValue),
    ]:
        with pytest.raises(error):
            clients.close(db, client.id, actor=ACTOR, today=TODAY, **kwargs)
    assert counts() == before
    closed = clients.close(
        db, client.id, on=TODAY, reason="uitstroom_werk", actor=ACTOR, today=TODAY
    ).value
    assert (closed.status, closed.closed_on, closed.closing_reason) == (
        "closed",
        TODAY,
        "uitstroom_werk",
    )
    with pytest.raises(errors.InvalidValue):
        clients.close(db, client.id, on=TODAY, reason="verhuisd", actor=ACTOR, today=TODAY)
    reopened = clients.reopen(db, client.id, actor=ACTOR).value
    assert (reopened.status, reopened.closed_on, reopened.closing_reason) == ("active", None, None)
    actions = [entry.action for entry in audit.entries(db)]
    assert actions[:2] == ["client.reopen", "client.close"]


def test_opening_a_file_is_logged(db: Database, add_client: Callable[..., model.Client]) -> None:
    client = add_client()
    clients.record_view(db, client.id, actor="km.jansen")
    entry = audit.entries(db)[0]
    assert (entry.action, entry.object, entry.actor) == (
        "client.view",
        f"client:{client.id}",
        "km.jansen",
    )
    with pytest.raises(errors.NotFound):
        clients.record_view(db, 999, actor=ACTOR)


def _every_text(db: Database) -> str:
    """All text in every table of the database, shadow tables of the search index included."""
    parts = []
    for (table,) in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'"):
        for row in db.execute(f"SELECT * FROM [{table}]"):
            for value in row:
                if isinstance(value, bytes):
                    parts.append(value.decode("utf-8", "replace"))
                elif value is not None:
                    parts.append(str(value))
    return "\n".join(parts)


def test_delete_removes_every_trace(db: Database, add_client: Callable[..., model.Client]) -> None:
    keep = add_client(reference="KL0000001", first_name="Anouk", surname="Smit")
    gone = add_client(
        reference="KL7788990", first_name="Ömer", surname="Çelikkaya", surname_prefix=""
    )
    journal.record_step(db, gone.id, trede=2, actor=ACTOR, today=TODAY)
    barrier = journal.add_barrier(
        db, gone.id, kind="taal", severity=3, note="Spreekt weinig", actor=ACTOR, today=TODAY
    ).value
    journal.update_barrier(
        db, dataclasses.replace(barrier, status="in_aanpak"), actor=ACTOR, today=TODAY
    )
    journal.add_contact(
        db,
        gone.id,
        kind="huisbezoek",
        minutes=45,
        summary="Celikkaya vertelde over haar moeder",
        actor=ACTOR,
        today=TODAY,
    )
    journal.add_action(
        db, gone.id, intervention="taalcursus", goal="Celikkaya haalt A2", actor=ACTOR
    )
    assert search(db, "celik") == [gone.id]

    clients.delete(db, gone.id, actor=ACTOR)

    text = _every_text(db).casefold()
    for trace in ("çelikkaya", "celikkaya", "ömer", "kl7788990", "spreekt weinig", "moeder"):
        assert trace not in text
    db.execute("CREATE VIRTUAL TABLE temp.fts_terms USING fts5vocab(main, 'clients_fts', 'row')")
    vocabulary = {row[0] for row in db.execute("SELECT term FROM temp.fts_terms")}
    assert not {"omer", "celikkaya", "kl7788990"} & vocabulary
    assert "anouk" in vocabulary
    assert search(db, "celik") == []
    assert search(db, "anouk") == [keep.id]
    with pytest.raises(errors.NotFound):
        client_file.load(db, gone.id)
    assert audit.entries(db)[0].action == "client.delete"
    assert audit.broken_entries(db) == []
