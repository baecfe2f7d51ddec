"""Six months after outflow to work: "werkt de klant nog?", asked in the worklist and stored.

The rows are made when a case closes with outflow to work; this module answers them. The
answer (yes/no, the day, a note) is what the inclusion report needs for lasting outflow.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING

from caseload import clients, errors, records, validate
from resources import audit
from resources import changes as changes_
from resources.changes import Kind
from resources.i18n import _

if TYPE_CHECKING:
    from sqlite_utils import Database


@dataclass(frozen=True)
class Followup:
    """One follow-up question about a client who left for work."""

    id: int
    client_id: int
    outflow_id: int
    due_on: dt.date
    answered_on: dt.date | None = None
    still_working: bool | None = None
    note: str = ""


def get(db: Database, followup_id: int) -> Followup:
    """The follow-up with this id; NotFound otherwise."""
    rows = list(db.query("SELECT * FROM followups WHERE id = ?", [followup_id]))
    if not rows:
        raise errors.NotFound("followup", followup_id)
    row = rows[0]
    working = row["still_working"]
    return Followup(
        id=row["id"],
        client_id=row["client_id"],
        outflow_id=row["outflow_id"],
        due_on=records.required_date(row["due_on"]),
        answered_on=records.date(row["answered_on"]),
        still_working=None if working is None else bool(working),
        note=row["note"] or "",
    )


def answer(
    db: Database,
    followup_id: int,
    *,
    still_working: bool,
    note: str = "",
    answered_on: dt.date | None = None,
    actor: str,
    today: dt.date | None = None,
) -> changes_.Changed[Followup]:
    """Store whether the client still works (answered today unless said otherwise).

    A follow-up is asked once: answering it again is refused, so a stored answer is never lost.
    """
    day = dt.date.today() if today is None else today
    on = day if answered_on is None else answered_on
    validate.not_in_future("answered_on", on, day)
    with db.atomic():
        current = get(db, followup_id)
        if current.answered_on is not None:
            raise errors.InvalidValue("followup", _("deze vraag is al beantwoord."))
        db["followups"].update(  # type: ignore[union-attr]
            followup_id,
            {
                "answered_on": on.isoformat(),
                "still_working": int(still_working),
                "note": note.strip(),
            },
        )
        audit.record(
            db,
            actor=actor,
            action="followup.answer",
            obj=f"{clients.obj(current.client_id)}/followup:{followup_id}",
        )
    stored = get(db, followup_id)
    return changes_.Changed(
        stored, changes_.client_rows(Kind.FOLLOWUP, stored.client_id, followup_id)
    )
