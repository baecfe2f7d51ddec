"""Closing a client's file for real, and reopening it.

A closing keeps its own row (``closings``), so the timeline shows every closing and reopening
and a reopened file keeps its history. With outflow to work the job is recorded (sector, hours,
contract, start) with a follow-up six months after the start: "werkt de klant nog?". The open
barriers and actions are closed with the file, or stay listed as open, as the user chooses.
"""

from __future__ import annotations

import calendar
import datetime as dt
import math
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from caseload import errors, model, records, summary, validate, vocab
from resources import audit
from resources import changes as changes_
from resources.changes import Kind
from resources.i18n import _

if TYPE_CHECKING:
    from sqlite_utils import Database

#: The reason that records outflow to work.
WORK = "uitstroom_werk"
#: At most this many hours a week (the Arbeidstijdenwet allows no more than 60 in one week).
MAX_HOURS_PER_WEEK = 60
#: The follow-up "werkt de klant nog?" comes this many months after the start of the job.
FOLLOWUP_MONTHS = 6
#: A job starting more than this long after the closing is a typing error.
MAX_START_AFTER_CLOSING = dt.timedelta(days=366)

_HOURS = re.compile(r"[-+]?\d+(?:[.,]\d+)?")


@dataclass(frozen=True)
class OutflowDetails:
    """What the user fills in about the job: hours may be typed text ("32", "24,5")."""

    start_on: dt.date | None = None
    employer_sector: str | None = None
    hours_per_week: str | float | None = None
    contract_type: str | None = None


def _obj(client_id: int) -> str:
    return f"client:{client_id}"


def add_months(day: dt.date, months: int) -> dt.date:
    """The same day some months later (the month's last day when it is shorter)."""
    month = day.month - 1 + months
    year, month = day.year + month // 12, month % 12 + 1
    return dt.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def hours_per_week(value: str | float | None) -> float:
    """Hours per week as a number: more than 0, at most 60; '24,5' and '24.5' both read."""
    if value is None or (isinstance(value, str) and not value.strip()):
        raise errors.MissingValue("hours_per_week")
    if isinstance(value, str):
        text = value.strip()
        if not _HOURS.fullmatch(text):
            raise errors.InvalidValue(
                "hours_per_week", _("vul een aantal uren in, bijvoorbeeld 32 of 24,5.")
            )
        number = float(text.replace(",", "."))
    elif isinstance(value, bool) or not isinstance(value, int | float):
        raise errors.InvalidValue(
            "hours_per_week", _("vul een aantal uren in, bijvoorbeeld 32 of 24,5.")
        )
    else:
        number = float(value)
    if not math.isfinite(number) or not 0 < number <= MAX_HOURS_PER_WEEK:
        raise errors.InvalidValue(
            "hours_per_week",
            _("kies meer dan 0 en hoogstens %(max)d uur per week.") % {"max": MAX_HOURS_PER_WEEK},
        )
    return number


def _check_outflow(
    details: OutflowDetails, closed_on: dt.date, guidance_start: dt.date | None
) -> float:
    """The outflow details checked field by field, in the order of the form; the hours."""
    validate.code("employer_sector", details.employer_sector, vocab.EMPLOYER_SECTORS, True)
    hours = hours_per_week(details.hours_per_week)
    validate.code("contract_type", details.contract_type, vocab.CONTRACT_TYPES, True)
    start = details.start_on
    if start is None:
        raise errors.MissingValue("work_start_on")
    if guidance_start is not None and start < guidance_start:
        raise errors.InvalidValue("work_start_on", _("die ligt vóór de start van de begeleiding."))
    if start > closed_on + MAX_START_AFTER_CLOSING:
        raise errors.InvalidValue(
            "work_start_on", _("die ligt meer dan een jaar na de datum van afsluiten.")
        )
    return hours


def _client(db: Database, client_id: int) -> model.Client:
    rows = list(db.query("SELECT * FROM clients WHERE id = ?", [client_id]))
    if not rows:
        raise errors.NotFound("client", client_id)
    return records.client(rows[0])


def _close_open_items(db: Database, client_id: int, on: dt.date) -> None:
    """Open barriers become solved (with a history line), open actions stopped."""
    statuses = vocab.OPEN_BARRIER_STATUSES
    marks = ", ".join("?" for _ in statuses)
    barriers = list(
        db.query(
            f"SELECT * FROM barriers WHERE client_id = ? AND status IN ({marks})",
            [client_id, *statuses],
        )
    )
    for row in barriers:
        # A barrier recorded after the closing date is closed on its own first day.
        day = max(on.isoformat(), row["since"] or "")
        db["barriers"].update(  # type: ignore[union-attr]
            row["id"], {"status": "opgelost", "resolved_on": day}
        )
        db["barrier_events"].insert(  # type: ignore[union-attr]
            {
                "barrier_id": row["id"],
                "client_id": client_id,
                "happened_on": day,
                "change": "closed",
                "severity": row["severity"],
                "status": "opgelost",
            }
        )
    open_actions = vocab.OPEN_ACTION_STATUSES
    db.execute(
        f"UPDATE actions SET status = 'gestopt' WHERE client_id = ? "
        f"AND status IN ({', '.join('?' for _ in open_actions)})",
        [client_id, *open_actions],
    )


def close(
    db: Database,
    client_id: int,
    *,
    on: dt.date,
    reason: str,
    actor: str,
    today: dt.date | None = None,
    close_open_items: bool = False,
    outflow: OutflowDetails | None = None,
) -> changes_.Changed[model.Client]:
    """Close the file on a date with a reason. Outflow to work is recorded with a follow-up six
    months after the job's start; given ``outflow`` details (the form always gives them), every
    one of them is required and checked. Without them (an older caller, an import) the outflow
    is recorded with its details unknown and the follow-up six months after the closing."""
    day = dt.date.today() if today is None else today
    validate.code("closing_reason", reason, vocab.CLOSING_REASONS, required=True)
    validate.not_in_future("closed_on", on, day)
    with db.atomic():
        client = _client(db, client_id)
        if not client.is_active:
            raise errors.InvalidValue("status", _("deze klant is al afgesloten."))
        if client.guidance_start is not None and on < client.guidance_start:
            raise errors.InvalidValue("closed_on", _("die ligt vóór de start van de begeleiding."))
        outflow_id = None
        if reason == WORK:
            hours = None
            if outflow is not None:
                hours = _check_outflow(outflow, on, client.guidance_start)
            outflow_id = _record_outflow(db, client_id, on, outflow or OutflowDetails(), hours)
        if close_open_items:
            _close_open_items(db, client_id, on)
        db["closings"].insert(  # type: ignore[union-attr]
            {
                "client_id": client_id,
                "closed_on": on.isoformat(),
                "reason": reason,
                "closed_open_items": int(close_open_items),
                "outflow_id": outflow_id,
            }
        )
        db["clients"].update(  # type: ignore[union-attr]
            client_id,
            {
                "status": "closed",
                "closed_on": on.isoformat(),
                "closing_reason": reason,
                "updated_at": records.now(),
            },
        )
        summary.refresh(db, client_id)
        audit.record(db, actor=actor, action="client.close", obj=_obj(client_id))
    return _changed(db, client_id)


def _record_outflow(
    db: Database, client_id: int, on: dt.date, details: OutflowDetails, hours: float | None
) -> int:
    start = details.start_on
    outflow_id = int(
        db["outflows"]  # type: ignore[union-attr,arg-type]
        .insert(
            {
                "client_id": client_id,
                "closed_on": on.isoformat(),
                "start_on": records.iso(start),
                "employer_sector": details.employer_sector,
                "hours_per_week": hours,
                "contract_type": details.contract_type,
            }
        )
        .last_pk
    )
    db["followups"].insert(  # type: ignore[union-attr]
        {
            "client_id": client_id,
            "outflow_id": outflow_id,
            "due_on": add_months(start or on, FOLLOWUP_MONTHS).isoformat(),
        }
    )
    return outflow_id


def reopen(
    db: Database, client_id: int, *, actor: str, today: dt.date | None = None
) -> changes_.Changed[model.Client]:
    """Make a closed file active again; its closings and outflow history stay."""
    day = dt.date.today() if today is None else today
    with db.atomic():
        client = _client(db, client_id)
        if client.is_active:
            raise errors.InvalidValue("status", _("deze klant is niet afgesloten."))
        latest = db.execute(
            "SELECT id FROM closings WHERE client_id = ? AND reopened_on IS NULL "
            "ORDER BY closed_on DESC, id DESC LIMIT 1",
            [client_id],
        ).fetchone()
        if latest is None:  # closed before closings were kept: keep this closing now
            latest = (
                db["closings"]  # type: ignore[union-attr]
                .insert(
                    {
                        "client_id": client_id,
                        "closed_on": records.iso(client.closed_on) or day.isoformat(),
                        "reason": client.closing_reason or "overig",
                        "closed_open_items": 0,
                    }
                )
                .last_pk,
            )
        # Reopened on or after the day it was closed, also when that day is later than today.
        reopened = max(day, client.closed_on or day)
        db["closings"].update(  # type: ignore[union-attr]
            latest[0], {"reopened_on": reopened.isoformat()}
        )
        db["clients"].update(  # type: ignore[union-attr]
            client_id,
            {
                "status": "active",
                "closed_on": None,
                "closing_reason": None,
                "updated_at": records.now(),
            },
        )
        audit.record(db, actor=actor, action="client.reopen", obj=_obj(client_id))
    return _changed(db, client_id)


def _changed(db: Database, client_id: int) -> changes_.Changed[model.Client]:
    kinds = frozenset({Kind.CLIENT, Kind.BARRIER, Kind.ACTION})
    rows = frozenset({(Kind.CLIENT, client_id)})
    return changes_.Changed(
        _client(db, client_id), changes_.Changes(kinds, rows, frozenset({client_id}))
    )


def _outflow(row: dict[str, Any]) -> model.Outflow:
    return model.Outflow(
        id=row["id"],
        client_id=row["client_id"],
        closed_on=records.required_date(row["closed_on"]),
        start_on=records.date(row["start_on"]),
        employer_sector=row["employer_sector"],
        hours_per_week=row["hours_per_week"],
        contract_type=row["contract_type"],
    )


def closings(db: Database, client_id: int) -> tuple[model.Closing, ...]:
    """Every closing of the client's file, oldest first, each with its outflow to work."""
    outflows = {
        row["id"]: _outflow(row)
        for row in db.query("SELECT * FROM outflows WHERE client_id = ?", [client_id])
    }
    return tuple(
        model.Closing(
            id=row["id"],
            client_id=row["client_id"],
            closed_on=records.required_date(row["closed_on"]),
            reason=row["reason"],
            closed_open_items=bool(row["closed_open_items"]),
            reopened_on=records.date(row["reopened_on"]),
            outflow=outflows.get(row["outflow_id"]),
        )
        for row in db.query(
            "SELECT * FROM closings WHERE client_id = ? ORDER BY closed_on, id", [client_id]
        )
    )


#: Closed files from before closings were kept (or made in bulk): one closing row each.
BACKFILL = (
    "INSERT INTO closings (client_id, closed_on, reason, closed_open_items) "
    "SELECT id, closed_on, coalesce(closing_reason, 'overig'), 0 FROM clients "
    "WHERE status = 'closed' AND closed_on IS NOT NULL "
    "AND id NOT IN (SELECT client_id FROM closings WHERE reopened_on IS NULL)"
)


#: A closing to work without its outflow gets the outflow recorded for the same client and day.
LINK_OUTFLOWS = (
    "UPDATE closings SET outflow_id = (SELECT max(o.id) FROM outflows o "
    "WHERE o.client_id = closings.client_id AND o.closed_on = closings.closed_on) "
    "WHERE outflow_id IS NULL AND reason = 'uitstroom_werk'"
)


def backfill(db: Database) -> None:
    """Give every closed file without a closing row one (inside the caller's transaction)."""
    db.execute(BACKFILL)
    db.execute(LINK_OUTFLOWS)
