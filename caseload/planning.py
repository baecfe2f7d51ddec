"""The client's plan: the next appointment, the next trede measurement, the contact frequency.

Every write checks its input, then runs in one ``db.atomic()`` with the change, the client's
summary columns (``plan_due_on`` and friends, which the caseload and the worklist read) and one
audit line with ids only.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from sqlite_utils import Database

from caseload import appointments, clients, errors, journal, model, records, validate, vocab
from caseload import summary as summary_columns
from caseload.appointments import Appointment
from resources import audit, i18n
from resources import changes as changes_
from resources.changes import Kind
from resources.i18n import _

#: A client's own contact frequency lies between these (days).
MIN_CONTACT_DAYS = 1
MAX_CONTACT_DAYS = 365
_TIME = re.compile(r"([01]?\d|2[0-3])[:.]([0-5]\d)")


@dataclass(frozen=True)
class ClientPlan:
    """What is planned for one client, as the client view shows and edits it."""

    client_id: int
    appointments: tuple[Appointment, ...]
    planned_measurement_on: dt.date | None  # None: the default (six months after the last)
    measurement_due_on: dt.date | None
    contact_every_days: int | None  # None: the default from the settings

    def next_appointment(self) -> Appointment | None:
        """The earliest appointment still planned (a missed one comes first)."""
        planned = [a for a in self.appointments if a.status == appointments.PLANNED]
        return planned[0] if planned else None


def plan(db: Database, client_id: int) -> ClientPlan:
    """A client's plan; NotFound when the client is not there."""
    rows = list(
        db.query(
            "SELECT planned_measurement_on, measurement_due_on, contact_every_days "
            "FROM clients WHERE id = ?",
            [client_id],
        )
    )
    if not rows:
        raise errors.NotFound("client", client_id)
    row = rows[0]
    return ClientPlan(
        client_id=client_id,
        appointments=tuple(appointments.of_client(db, client_id)),
        planned_measurement_on=records.date(row["planned_measurement_on"]),
        measurement_due_on=records.date(row["measurement_due_on"]),
        contact_every_days=row["contact_every_days"],
    )


def clean_time(value: str) -> str:
    """A time of day as HH:MM ('' stays ''); '9.30' and '9:30' both give '09:30'."""
    text = value.strip()
    if not text:
        return ""
    match = _TIME.fullmatch(text)
    if match is None:
        raise errors.InvalidValue("planned_time", _("schrijf de tijd als 09:30."))
    return f"{int(match.group(1)):02d}:{match.group(2)}"


def _check_appointment(kind: str, planned_on: dt.date | None, today: dt.date) -> None:
    validate.code("kind", kind, vocab.CONTACT_KINDS, required=True)
    if planned_on is None:
        raise errors.MissingValue("planned_on")
    if planned_on < today:
        raise errors.InvalidValue(
            "planned_on", _("die ligt in het verleden. Kies vandaag of later.")
        )


def _insert_appointment(
    db: Database,
    client_id: int,
    planned_on: dt.date,
    kind: str,
    time: str,
    note: str,
    contact_id: int | None,
) -> int:
    return clients.insert(
        db,
        "appointments",
        {
            "client_id": client_id,
            "planned_on": planned_on.isoformat(),
            "planned_time": time or None,
            "kind": kind,
            "note": note.strip(),
            "status": appointments.PLANNED,
            "planned_in_contact_id": contact_id,
        },
    )


def plan_appointment(
    db: Database,
    client_id: int,
    *,
    planned_on: dt.date | None,
    kind: str,
    planned_time: str = "",
    note: str = "",
    actor: str,
    today: dt.date | None = None,
) -> changes_.Changed[Appointment]:
    """Plan an appointment with an active client on a day (today or later)."""
    day = dt.date.today() if today is None else today
    _check_appointment(kind, planned_on, day)
    time = clean_time(planned_time)
    assert planned_on is not None
    with db.atomic():
        _refuse_closed(db, client_id)
        ident = _insert_appointment(db, client_id, planned_on, kind, time, note, None)
        clients.row_changed(
            db, client_id, actor=actor, action="appointment.plan", what="appointment", ident=ident
        )
    return changes_.Changed(_get(db, ident), _changes(client_id, ident))


def record_contact(
    db: Database,
    client_id: int,
    *,
    kind: str,
    contact_on: dt.date | None = None,
    minutes: int | None = None,
    summary: str = "",
    share_with_client: bool = False,
    next_on: dt.date | None = None,
    next_kind: str = "",
    next_time: str = "",
    actor: str,
    today: dt.date | None = None,
) -> changes_.Changed[model.Contact]:
    """Record a contact and, with ``next_on``, the next appointment made in it; both or neither.

    The contact holds every appointment planned on or before its day.
    """
    day = dt.date.today() if today is None else today
    time = ""
    if next_on is not None:
        _check_appointment(next_kind, next_on, day)
        time = clean_time(next_time)
    with db.atomic():
        contact = journal.add_contact(
            db,
            client_id,
            kind=kind,
            contact_on=contact_on,
            minutes=minutes,
            summary=summary,
            share_with_client=share_with_client,
            actor=actor,
            today=day,
        )
        changed = contact.changes
        if next_on is not None:
            _refuse_closed(db, client_id)
            ident = _insert_appointment(
                db, client_id, next_on, next_kind, time, "", contact.value.id
            )
            clients.row_changed(
                db,
                client_id,
                actor=actor,
                action="appointment.plan",
                what="appointment",
                ident=ident,
            )
            changed = changed | _changes(client_id, ident)
    return changes_.Changed(contact.value, changed)


def set_appointment_status(
    db: Database,
    appointment_id: int,
    status: str,
    *,
    actor: str,
    today: dt.date | None = None,
) -> changes_.Changed[Appointment]:
    """Mark an appointment held, missed or cancelled by hand (or planned again). One that lies
    after today can be cancelled or moved, not held or missed yet."""
    validate.code("status", status, appointments.STATUSES, required=True)
    day = dt.date.today() if today is None else today
    with db.atomic():
        found = _get(db, appointment_id)
        if not found.can_be(status, day):
            raise errors.CaseloadError(
                _(
                    "Deze afspraak is pas op %(date)s: die kan nog niet gehouden of gemist zijn. "
                    "Zeg de afspraak af of verplaats die. Er is niets veranderd."
                )
                % {"date": i18n.date_text(found.planned_on)},
                "status",
            )
        client_id = found.client_id
        db["appointments"].update(appointment_id, {"status": status})  # type: ignore[union-attr]
        clients.row_changed(
            db,
            client_id,
            actor=actor,
            action="appointment.status",
            what="appointment",
            ident=appointment_id,
        )
    return changes_.Changed(_get(db, appointment_id), _changes(client_id, appointment_id))


def set_planned_measurement(
    db: Database,
    client_id: int,
    on: dt.date | None,
    *,
    actor: str,
) -> changes_.Changed[ClientPlan]:
    """Plan the next trede measurement on a day; None goes back to six months after the last."""
    with db.atomic():
        clients.exists(db, client_id)
        db["clients"].update(  # type: ignore[union-attr]
            client_id, {"planned_measurement_on": records.iso(on)}
        )
        summary_columns.refresh(db, client_id)
        audit.record(db, actor=actor, action="plan.measurement", obj=clients.obj(client_id))
    return changes_.Changed(plan(db, client_id), changes_.clients([client_id]))


def set_contact_frequency(
    db: Database, client_id: int, days: int | None, *, actor: str
) -> changes_.Changed[ClientPlan]:
    """Set the client's own contact frequency in days; None goes back to the default."""
    validate.in_range("contact_every_days", days, MIN_CONTACT_DAYS, MAX_CONTACT_DAYS, False)
    with db.atomic():
        clients.exists(db, client_id)
        db["clients"].update(client_id, {"contact_every_days": days})  # type: ignore[union-attr]
        summary_columns.refresh(db, client_id)
        audit.record(db, actor=actor, action="plan.contact_frequency", obj=clients.obj(client_id))
    return changes_.Changed(plan(db, client_id), changes_.clients([client_id]))


def _refuse_closed(db: Database, client_id: int) -> None:
    client = clients.get(db, client_id)
    if not client.is_active:
        raise errors.InvalidValue("planned_on", _("het dossier is afgesloten."))


def _get(db: Database, appointment_id: int) -> Appointment:
    rows = list(db.query("SELECT * FROM appointments WHERE id = ?", [appointment_id]))
    if not rows:
        raise errors.NotFound("appointment", appointment_id)
    return appointments.from_row(rows[0])


def _changes(client_id: int, appointment_id: int) -> changes_.Changes:
    return changes_.client_rows(Kind.APPOINTMENT, client_id, appointment_id)


def set_plan(
    db: Database,
    client_id: int,
    *,
    planned_measurement_on: dt.date | None,
    contact_every_days: int | None,
    actor: str,
) -> changes_.Changed[ClientPlan]:
    """Store the planned measurement and the contact frequency together (both or neither)."""
    validate.in_range(
        "contact_every_days", contact_every_days, MIN_CONTACT_DAYS, MAX_CONTACT_DAYS, False
    )
    with db.atomic():
        set_planned_measurement(db, client_id, planned_measurement_on, actor=actor)
        set_contact_frequency(db, client_id, contact_every_days, actor=actor)
    return changes_.Changed(plan(db, client_id), changes_.clients([client_id]))


def move_appointment(
    db: Database,
    appointment_id: int,
    planned_on: dt.date | None,
    *,
    actor: str,
    today: dt.date | None = None,
) -> changes_.Changed[Appointment]:
    """Move a planned appointment (also one whose day has passed) to another day, today or
    later; its time, kind and note stay. A held, missed or cancelled one stays where it was."""
    day = dt.date.today() if today is None else today
    if planned_on is None:
        raise errors.MissingValue("planned_on")
    if planned_on < day:
        raise errors.InvalidValue(
            "planned_on", _("die ligt in het verleden. Kies vandaag of later.")
        )
    with db.atomic():
        current = _get(db, appointment_id)
        if current.status != appointments.PLANNED:
            raise errors.InvalidValue(
                "planned_on",
                _("alleen een geplande afspraak kan naar een andere dag."),
            )
        _refuse_closed(db, current.client_id)
        db["appointments"].update(  # type: ignore[union-attr]
            appointment_id, {"planned_on": planned_on.isoformat()}
        )
        clients.row_changed(
            db,
            current.client_id,
            actor=actor,
            action="appointment.move",
            what="appointment",
            ident=appointment_id,
        )
    return changes_.Changed(_get(db, appointment_id), _changes(current.client_id, appointment_id))
