"""Turning database rows into the caseload dataclasses and back (dates as ISO text)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import fields
from typing import TYPE_CHECKING, Any

from caseload import errors, model

if TYPE_CHECKING:
    from sqlite_utils import Database

_DETAIL_FIELDS = tuple(field.name for field in fields(model.ClientDetails))
_DATE_FIELDS = {
    "birth_date",
    "guidance_start",
    "pip_date",
    "closed_on",
    "current_trede_on",
    "last_contact_on",
    "next_due_on",
    "transferred_on",
}


def iso(value: dt.date | None) -> str | None:
    """A date as ISO text for the database (None stays None)."""
    return None if value is None else value.isoformat()


def date(value: str | None) -> dt.date | None:
    """An ISO date from the database (None or '' become None)."""
    return dt.date.fromisoformat(value) if value else None


def required_date(value: str) -> dt.date:
    """An ISO date from a NOT NULL column."""
    return dt.date.fromisoformat(value)


def now() -> str:
    """The current moment in UTC, for created/updated stamps."""
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")


def details_row(details: model.ClientDetails) -> dict[str, Any]:
    """The client columns for the editable details."""
    row: dict[str, Any] = {}
    for name in _DETAIL_FIELDS:
        value = getattr(details, name)
        if name in _DATE_FIELDS:
            value = iso(value)
        elif name == "born_in_nl" and value is not None:
            value = int(value)
        row[name] = value
    return row


def client(row: Mapping[str, Any]) -> model.Client:
    """A client from its row."""
    values: dict[str, Any] = {}
    for field in fields(model.Client):
        value = row[field.name]
        if field.name in _DATE_FIELDS:
            value = date(value)
        elif field.name == "born_in_nl" and value is not None:
            value = bool(value)
        elif field.name in {
            "initials",
            "first_name",
            "surname_prefix",
            "surname",
            "klantmanager",
            "team",
        }:
            value = value or ""
        values[field.name] = value
    return model.Client(**values)


def ladder_step(row: Mapping[str, Any]) -> model.LadderStep:
    """A ladder step from its row."""
    return model.LadderStep(
        id=row["id"],
        client_id=row["client_id"],
        measured_on=required_date(row["measured_on"]),
        trede=row["trede"],
        note=row["note"] or "",
        measured_by=row["measured_by"] or "",
        expected_trede=row.get("expected_trede"),
        corrected_on=date(row.get("corrected_on")),
    )


def barrier(row: Mapping[str, Any]) -> model.Barrier:
    """A barrier from its row."""
    return model.Barrier(
        id=row["id"],
        client_id=row["client_id"],
        kind=row["kind"],
        severity=row["severity"],
        status=row["status"],
        since=date(row["since"]),
        resolved_on=date(row["resolved_on"]),
        note=row["note"] or "",
    )


def barrier_event(row: Mapping[str, Any]) -> model.BarrierEvent:
    """A barrier change from its row."""
    return model.BarrierEvent(
        id=row["id"],
        barrier_id=row["barrier_id"],
        client_id=row["client_id"],
        happened_on=required_date(row["happened_on"]),
        change=row["change"],
        severity=row["severity"],
        status=row["status"],
        corrected_on=date(row.get("corrected_on")),
    )


def contact(row: Mapping[str, Any]) -> model.Contact:
    """A contact from its row."""
    return model.Contact(
        id=row["id"],
        client_id=row["client_id"],
        contact_on=required_date(row["contact_on"]),
        kind=row["kind"],
        minutes=row["minutes"],
        summary=row["summary"] or "",
        share_with_client=bool(row.get("share_with_client")),
        corrected_on=date(row.get("corrected_on")),
    )


def action(row: Mapping[str, Any]) -> model.Action:
    """An action from its row."""
    return model.Action(
        id=row["id"],
        client_id=row["client_id"],
        intervention=row["intervention"],
        status=row["status"],
        goal=row["goal"] or "",
        start_on=date(row["start_on"]),
        due_on=date(row["due_on"]),
        result=row["result"] or "",
        corrected_on=date(row.get("corrected_on")),
    )


def one_row(db: Database, table: str, ident: int, what: str) -> dict[str, Any]:
    """One row by its id, or ``errors.NotFound`` naming ``what``."""
    rows = list(db.query(f"SELECT * FROM {table} WHERE id = ?", [ident]))
    if not rows:
        raise errors.NotFound(what, ident)
    return rows[0]
