"""Appointments with a client: planned in a contact, held by a later contact, or missed.

Qt-free and without the other stores, so the contact store can hold appointments in the same
transaction as the contact (``hold_on_contact``); without the model's classes too, so Vandaag
(``worklist``) is painted before they are loaded.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from caseload import vocab
from resources.i18n import N_

if TYPE_CHECKING:
    from sqlite_utils import Database

PLANNED = "gepland"
HELD = "gehouden"
MISSED = "gemist"
CANCELLED = "afgezegd"

STATUSES = vocab.Vocabulary(
    "appointment_status",
    (
        vocab.Term(PLANNED, N_("Gepland")),
        vocab.Term(HELD, N_("Gehouden")),
        vocab.Term(MISSED, N_("Gemist")),
        vocab.Term(CANCELLED, N_("Afgezegd")),
    ),
)


@dataclass(frozen=True)
class Appointment:
    """A planned meeting with a client (the kind is a contact kind)."""

    id: int
    client_id: int
    planned_on: dt.date
    kind: str
    status: str = PLANNED
    planned_time: str = ""
    note: str = ""

    def is_missed(self, today: dt.date) -> bool:
        """Still planned while its day has passed without a contact."""
        return self.status == PLANNED and self.planned_on < today

    def can_be(self, status: str, today: dt.date) -> bool:
        """Whether it can be marked ``status`` on ``today``: one that lies after today can be
        cancelled (or planned again), not held or missed yet."""
        return status not in (HELD, MISSED) or self.planned_on <= today

    def shown_status(self, today: dt.date) -> str:
        """The status as the klantmanager sees it: a planned one in the past counts as missed."""
        return MISSED if self.is_missed(today) else self.status


def from_row(row: Mapping[str, Any]) -> Appointment:
    """An appointment from its row."""
    return Appointment(
        id=row["id"],
        client_id=row["client_id"],
        planned_on=dt.date.fromisoformat(row["planned_on"]),
        kind=row["kind"],
        status=row["status"],
        planned_time=row["planned_time"] or "",
        note=row["note"] or "",
    )


def of_client(db: Database, client_id: int) -> list[Appointment]:
    """A client's appointments, earliest first."""
    rows = db.query(
        "SELECT * FROM appointments WHERE client_id = ? ORDER BY planned_on, planned_time, id",
        [client_id],
    )
    return [from_row(row) for row in rows]


def hold_on_contact(db: Database, client_id: int, contact_on: dt.date, contact_id: int) -> int:
    """Mark every planned appointment on or before the contact's day as held by it.

    Call inside the contact's transaction; returns how many were held.
    """
    cursor = db.execute(
        "UPDATE appointments SET status = ?, held_in_contact_id = ? "
        "WHERE client_id = ? AND status = ? AND planned_on <= ?",
        [HELD, contact_id, client_id, PLANNED, contact_on.isoformat()],
    )
    return int(cursor.rowcount)
