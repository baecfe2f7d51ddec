"""The client store: add, change, close, reopen, delete and look up clients; each write audited."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

from caseload import closing, errors, model, records, schema_names, summary, validate
from resources import audit
from resources import changes as changes_

if TYPE_CHECKING:
    from sqlite_utils import Database


#: Every table that holds rows about one client, children before the client itself.
CHILD_TABLES = (
    "closings",
    "followups",
    "outflows",
    "appointments",
    "barrier_events",
    "barriers",
    "contacts",
    "actions",
    "ladder_steps",
)


def child_obj(client_id: int, what: str, ident: int) -> str:
    """The audit object of one row of a client's file ("client:7/contact:12"): ids only."""
    return f"{obj(client_id)}/{what}:{ident}"


def row_changed(
    db: Database, client_id: int, *, actor: str, action: str, what: str, ident: int
) -> None:
    """The end of every change to one row of a client's file, inside its transaction: the
    client's summary columns again, and one audit line naming ids only."""
    summary.refresh(db, client_id)
    audit.record(db, actor=actor, action=action, obj=child_obj(client_id, what, ident))


def obj(client_id: int) -> str:
    """The audit object of a client."""
    return f"client:{client_id}"


def _today(today: dt.date | None) -> dt.date:
    return dt.date.today() if today is None else today


def _refuse_duplicate(db: Database, reference: str, own_id: int | None) -> None:
    rows = db.execute(
        "SELECT id FROM clients WHERE reference = ? AND id IS NOT ?", [reference, own_id]
    ).fetchall()
    if rows:
        raise errors.DuplicateReference(reference)


def insert(db: Database, table: str, row: dict[str, Any]) -> int:
    """Insert one row and return its id (for the caseload stores)."""
    return int(db[table].insert(row).last_pk)  # type: ignore[union-attr,arg-type]


def get(db: Database, client_id: int) -> model.Client:
    """The client with this id; NotFound otherwise."""
    rows = list(db.query("SELECT * FROM clients WHERE id = ?", [client_id]))
    if not rows:
        raise errors.NotFound("client", client_id)
    return records.client(rows[0])


def find(db: Database, reference: str) -> model.Client | None:
    """The client with this klantnummer, or None."""
    rows = list(db.query("SELECT * FROM clients WHERE reference = ?", [reference.strip()]))
    return records.client(rows[0]) if rows else None


def exists(db: Database, client_id: int) -> None:
    """Refuse with NotFound when the client is not there."""
    if not db.execute("SELECT 1 FROM clients WHERE id = ?", [client_id]).fetchall():
        raise errors.NotFound("client", client_id)


def _changed(db: Database, client_id: int) -> changes_.Changed[model.Client]:
    return changes_.Changed(get(db, client_id), changes_.clients([client_id]))


def _row(details: model.ClientDetails) -> dict[str, Any]:
    row = records.details_row(details)
    row["sort_name"] = summary.sort_name(details.first_name, details.initials, details.surname)
    return row


def add(
    db: Database,
    details: model.ClientDetails,
    *,
    actor: str,
    bsn_enabled: bool = False,
    today: dt.date | None = None,
) -> changes_.Changed[model.Client]:
    """Store a new active client; refused (and nothing stored) when the details do not hold."""
    clean = validate.client_details(details, bsn_enabled, _today(today))
    stamp = records.now()
    with db.atomic():
        _refuse_duplicate(db, clean.reference, None)
        row = _row(clean) | {"status": "active", "created_at": stamp, "updated_at": stamp}
        client_id = insert(db, "clients", row)
        summary.refresh(db, client_id)  # the first measurement is due from the start
        audit.record(db, actor=actor, action="client.add", obj=obj(client_id))
    return _changed(db, client_id)


def update(
    db: Database,
    client_id: int,
    details: model.ClientDetails,
    *,
    actor: str,
    bsn_enabled: bool = False,
    today: dt.date | None = None,
) -> changes_.Changed[model.Client]:
    """Replace a client's details; refused (and nothing changed) when they do not hold."""
    clean = validate.client_details(details, bsn_enabled, _today(today))
    with db.atomic():
        exists(db, client_id)
        _refuse_duplicate(db, clean.reference, client_id)
        row = _row(clean) | {"updated_at": records.now()}
        db["clients"].update(client_id, row)  # type: ignore[union-attr]
        summary.refresh(db, client_id)  # a new start of guidance can move the plan
        audit.record(db, actor=actor, action="client.update", obj=obj(client_id))
    return _changed(db, client_id)


def close(
    db: Database,
    client_id: int,
    *,
    on: dt.date,
    reason: str,
    actor: str,
    today: dt.date | None = None,
    close_open_items: bool = False,
    outflow: closing.OutflowDetails | None = None,
) -> changes_.Changed[model.Client]:
    """Close the case on a date with a reason (e.g. 'uitstroom_werk'); see ``closing.close``."""
    return closing.close(
        db,
        client_id,
        on=on,
        reason=reason,
        actor=actor,
        today=today,
        close_open_items=close_open_items,
        outflow=outflow,
    )


def reopen(
    db: Database, client_id: int, *, actor: str, today: dt.date | None = None
) -> changes_.Changed[model.Client]:
    """Make a closed case active again; its closing history stays (``closing.reopen``)."""
    return closing.reopen(db, client_id, actor=actor, today=today)


def delete(db: Database, client_id: int, *, actor: str) -> changes_.Changes:
    """Remove the client and every row about them, search index included."""
    with db.atomic():
        exists(db, client_id)
        for table in CHILD_TABLES:
            db.execute(f"DELETE FROM {table} WHERE client_id = ?", [client_id])
        db.execute("DELETE FROM clients WHERE id = ?", [client_id])  # the trigger updates FTS
        audit.record(db, actor=actor, action="client.delete", obj=obj(client_id))
    # Merge the search index so that no segment keeps the removed words.
    with db.atomic():
        db.execute(
            f"INSERT INTO {schema_names.FTS_TABLE}({schema_names.FTS_TABLE}) VALUES ('optimize')"
        )
    return changes_.clients([client_id])


def record_view(db: Database, client_id: int, *, actor: str) -> None:
    """Log that someone opened this client's file (who looked at what is part of the audit)."""
    with db.atomic():
        exists(db, client_id)
        audit.record(db, actor=actor, action="client.view", obj=obj(client_id))
