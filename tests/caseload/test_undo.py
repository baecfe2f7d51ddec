"""Undo in the domain: a client's rows put back exactly, or refused when they changed since."""

from __future__ import annotations

import pytest
from sqlite_utils import Database

from caseload import clients, errors, journal, model, undo
from resources import audit

from .conftest import ACTOR, TODAY

TABLES = ("clients", "ladder_steps", "barriers", "barrier_events", "contacts", "actions")


def _dump(db: Database) -> dict[str, list[tuple[object, ...]]]:
    return {t: [tuple(r) for r in db.execute(f"SELECT * FROM {t} ORDER BY id")] for t in TABLES}


def test_a_snapshot_puts_every_row_back(db: Database) -> None:
    client = clients.add(db, model.ClientDetails(reference="K-1"), actor=ACTOR, today=TODAY).value
    journal.add_barrier(db, client.id, kind="taal", severity=2, actor=ACTOR, today=TODAY)
    before, rows_before = undo.snapshot(db, client.id), _dump(db)
    barrier = journal.add_barrier(
        db, client.id, kind="gezondheid", severity=4, actor=ACTOR, today=TODAY
    )
    journal.update_barrier(db, barrier.value, actor=ACTOR, today=TODAY)
    after, rows_after = undo.snapshot(db, client.id), _dump(db)
    changed = undo.restore(db, before, expected=after, actor=ACTOR, action="client.undo")
    assert _dump(db) == rows_before and changed.clients == {client.id}
    undo.restore(db, after, expected=before, actor=ACTOR, action="client.redo")
    assert _dump(db) == rows_after
    assert [e.action for e in audit.entries(db, 2)] == ["client.redo", "client.undo"]


def test_a_file_changed_since_is_refused(db: Database) -> None:
    client = clients.add(db, model.ClientDetails(reference="K-1"), actor=ACTOR, today=TODAY).value
    before = undo.snapshot(db, client.id)
    journal.add_contact(db, client.id, kind="kantoor", actor=ACTOR, today=TODAY)
    after = undo.snapshot(db, client.id)
    journal.add_contact(db, client.id, kind="video", actor=ACTOR, today=TODAY)
    rows = _dump(db)
    with pytest.raises(errors.CaseloadError, match="intussen veranderd"):
        undo.restore(db, before, expected=after, actor=ACTOR, action="client.undo")
    assert _dump(db) == rows
