"""The client's journal: ladder steps, barriers (with history), contacts and actions.

Every write checks its input first, then runs in one ``db.atomic()`` with the change, the
client's summary columns and one audit line, so a refused or failed change leaves nothing.
"""

from __future__ import annotations

import dataclasses
import datetime as dt

from sqlite_utils import Database

from caseload import appointments, clients, errors, ladder, model, records, validate, vocab
from resources import changes as changes_
from resources import i18n
from resources.changes import Kind
from resources.i18n import _


def _today(today: dt.date | None) -> dt.date:
    return dt.date.today() if today is None else today


# --- ladder ---------------------------------------------------------------------------------


def record_step(
    db: Database,
    client_id: int,
    *,
    trede: int,
    measured_on: dt.date | None = None,
    note: str = "",
    measured_by: str = "",
    expected_trede: int | None = None,
    actor: str,
    today: dt.date | None = None,
) -> changes_.Changed[model.LadderStep]:
    """Record a trede (1–6) measured on a day (default today, never in the future).

    ``expected_trede`` is the growth potential judged at the same measurement.
    """
    day = _today(today)
    measured_on = day if measured_on is None else measured_on
    validate.in_range("trede", trede, ladder.LOWEST, ladder.HIGHEST)
    validate.in_range(
        "expected_trede", expected_trede, ladder.LOWEST, ladder.HIGHEST, required=False
    )
    validate.not_in_future("measured_on", measured_on, day)
    with db.atomic():
        clients.exists(db, client_id)
        row = {
            "client_id": client_id,
            "measured_on": measured_on.isoformat(),
            "trede": trede,
            "note": note.strip(),
            "measured_by": measured_by.strip(),
            "expected_trede": expected_trede,
        }
        step_id = clients.insert(db, "ladder_steps", row)
        clients.row_changed(
            db, client_id, actor=actor, action="ladder.record", what="ladder_step", ident=step_id
        )
    step = records.ladder_step(records.one_row(db, "ladder_steps", step_id, "ladder_step"))
    return changes_.Changed(step, changes_.client_rows(Kind.LADDER, client_id, step_id))


def delete_step(db: Database, step_id: int, *, actor: str) -> changes_.Changes:
    """Remove a measurement that was recorded by mistake."""
    with db.atomic():
        client_id = int(records.one_row(db, "ladder_steps", step_id, "ladder_step")["client_id"])
        db.execute("DELETE FROM ladder_steps WHERE id = ?", [step_id])
        clients.row_changed(
            db, client_id, actor=actor, action="ladder.delete", what="ladder_step", ident=step_id
        )
    return changes_.client_rows(Kind.LADDER, client_id, step_id)


# --- barriers -------------------------------------------------------------------------------


def _check_barrier(kind: str, severity: int, status: str) -> None:
    validate.code("kind", kind, vocab.BARRIER_KINDS, required=True)
    validate.in_range("severity", severity, vocab.SEVERITY_MIN, vocab.SEVERITY_MAX)
    validate.code("status", status, vocab.BARRIER_STATUSES, required=True)


def _event(db: Database, barrier: model.Barrier, on: dt.date, change: str) -> None:
    db["barrier_events"].insert(  # type: ignore[union-attr]
        {
            "barrier_id": barrier.id,
            "client_id": barrier.client_id,
            "happened_on": on.isoformat(),
            "change": change,
            "severity": barrier.severity,
            "status": barrier.status,
        }
    )


def add_barrier(
    db: Database,
    client_id: int,
    *,
    kind: str,
    severity: int,
    status: str = "open",
    since: dt.date | None = None,
    note: str = "",
    actor: str,
    today: dt.date | None = None,
) -> changes_.Changed[model.Barrier]:
    """Record a barrier (kind, severity 1–4, status) seen since a day (default today)."""
    day = _today(today)
    since = day if since is None else since
    _check_barrier(kind, severity, status)
    validate.not_in_future("since", since, day)
    with db.atomic():
        clients.exists(db, client_id)
        row = {
            "client_id": client_id,
            "kind": kind,
            "severity": severity,
            "status": status,
            "since": since.isoformat(),
            "resolved_on": since.isoformat() if status == "opgelost" else None,
            "note": note.strip(),
        }
        barrier_id = clients.insert(db, "barriers", row)
        barrier = records.barrier(records.one_row(db, "barriers", barrier_id, "barrier"))
        _event(db, barrier, since, "opened")
        clients.row_changed(
            db, client_id, actor=actor, action="barrier.add", what="barrier", ident=barrier_id
        )
    return changes_.Changed(barrier, changes_.client_rows(Kind.BARRIER, client_id, barrier_id))


def _refuse_before_history(db: Database, barrier: model.Barrier, on: dt.date) -> None:
    """A change is dated on or after the barrier's start and its last change: before them, the
    history would say it changed before it existed, or show the changes out of order."""
    last = db.execute(
        "SELECT max(happened_on) FROM barrier_events WHERE barrier_id = ?", [barrier.id]
    ).fetchone()[0]
    changed = None if last is None else dt.date.fromisoformat(last)
    if changed is not None and (barrier.since is None or changed > barrier.since):
        earliest, what = changed, _("de laatste wijziging van dit obstakel")
    elif barrier.since is not None:
        earliest, what = barrier.since, _("de dag dat dit obstakel begon")
    else:
        return
    if on < earliest:
        raise errors.CaseloadError(
            _(
                "%(field)s: die datum ligt vóór %(date)s, %(what)s. Kies die dag of later. "
                "Er is niets veranderd."
            )
            % {
                "field": errors.field_label("happened_on").capitalize(),
                "date": i18n.date_text(earliest),
                "what": what,
            },
            "happened_on",
        )


def update_barrier(
    db: Database,
    barrier: model.Barrier,
    *,
    on: dt.date | None = None,
    actor: str,
    today: dt.date | None = None,
) -> changes_.Changed[model.Barrier]:
    """Store a changed barrier (severity, status, note); each change of severity or status is
    kept as a barrier event dated ``on`` (default today)."""
    day = _today(today)
    on = day if on is None else on
    _check_barrier(barrier.kind, barrier.severity, barrier.status)
    validate.not_in_future("happened_on", on, day)
    with db.atomic():
        old = records.barrier(records.one_row(db, "barriers", barrier.id, "barrier"))
        if barrier.severity != old.severity or barrier.status != old.status:
            _refuse_before_history(db, old, on)
        resolved_on = old.resolved_on
        if barrier.status == "opgelost" and old.status != "opgelost":
            resolved_on = on
        elif barrier.status != "opgelost":
            resolved_on = None
        new = dataclasses.replace(
            barrier, client_id=old.client_id, resolved_on=resolved_on, note=barrier.note.strip()
        )
        db["barriers"].update(  # type: ignore[union-attr]
            new.id,
            {
                "kind": new.kind,
                "severity": new.severity,
                "status": new.status,
                "resolved_on": records.iso(new.resolved_on),
                "note": new.note,
            },
        )
        if new.severity != old.severity:
            _event(db, new, on, "severity")
        if new.status != old.status:
            _event(db, new, on, "status")
        clients.row_changed(
            db, new.client_id, actor=actor, action="barrier.update", what="barrier", ident=new.id
        )
    return changes_.Changed(new, changes_.client_rows(Kind.BARRIER, new.client_id, new.id))


# --- contacts -------------------------------------------------------------------------------


def add_contact(
    db: Database,
    client_id: int,
    *,
    kind: str,
    contact_on: dt.date | None = None,
    minutes: int | None = None,
    summary: str = "",
    share_with_client: bool = False,
    actor: str,
    today: dt.date | None = None,
) -> changes_.Changed[model.Contact]:
    """Record a contact on a day (default today, never in the future).

    Only a contact with ``share_with_client`` appears in the client's own progress report.
    """
    day = _today(today)
    contact_on = day if contact_on is None else contact_on
    validate.code("kind", kind, vocab.CONTACT_KINDS, required=True)
    validate.not_in_future("contact_on", contact_on, day)
    validate.minutes(minutes)
    with db.atomic():
        clients.exists(db, client_id)
        row = {
            "client_id": client_id,
            "contact_on": contact_on.isoformat(),
            "kind": kind,
            "minutes": minutes,
            "summary": summary.strip(),
            "share_with_client": int(share_with_client),
        }
        contact_id = clients.insert(db, "contacts", row)
        appointments.hold_on_contact(db, client_id, contact_on, contact_id)
        clients.row_changed(
            db, client_id, actor=actor, action="contact.add", what="contact", ident=contact_id
        )
    contact = records.contact(records.one_row(db, "contacts", contact_id, "contact"))
    return changes_.Changed(contact, changes_.client_rows(Kind.CONTACT, client_id, contact_id))


def delete_contact(db: Database, contact_id: int, *, actor: str) -> changes_.Changes:
    """Remove a contact that was recorded by mistake."""
    with db.atomic():
        client_id = int(records.one_row(db, "contacts", contact_id, "contact")["client_id"])
        db.execute("DELETE FROM contacts WHERE id = ?", [contact_id])
        clients.row_changed(
            db, client_id, actor=actor, action="contact.delete", what="contact", ident=contact_id
        )
    return changes_.client_rows(Kind.CONTACT, client_id, contact_id)


# --- actions --------------------------------------------------------------------------------


def _check_action(action: model.Action) -> None:
    validate.code("intervention", action.intervention, vocab.INTERVENTIONS, required=True)
    validate.code("status", action.status, vocab.ACTION_STATUSES, required=True)
    validate.period(action.start_on, action.due_on)


def _action_row(action: model.Action) -> dict[str, object]:
    return {
        "intervention": action.intervention,
        "status": action.status,
        "goal": action.goal.strip(),
        "start_on": records.iso(action.start_on),
        "due_on": records.iso(action.due_on),
        "result": action.result.strip(),
    }


def add_action(
    db: Database,
    client_id: int,
    *,
    intervention: str,
    goal: str = "",
    start_on: dt.date | None = None,
    due_on: dt.date | None = None,
    status: str = "gepland",
    result: str = "",
    actor: str,
) -> changes_.Changed[model.Action]:
    """Add a step to the plan of action (start and due may lie ahead)."""
    draft = model.Action(
        id=0,
        client_id=client_id,
        intervention=intervention,
        status=status,
        goal=goal,
        start_on=start_on,
        due_on=due_on,
        result=result,
    )
    _check_action(draft)
    with db.atomic():
        clients.exists(db, client_id)
        row = _action_row(draft) | {"client_id": client_id}
        action_id = clients.insert(db, "actions", row)
        clients.row_changed(
            db, client_id, actor=actor, action="action.add", what="action", ident=action_id
        )
    added = records.action(records.one_row(db, "actions", action_id, "action"))
    return changes_.Changed(added, changes_.client_rows(Kind.ACTION, client_id, action_id))


def update_action(
    db: Database, action: model.Action, *, actor: str
) -> changes_.Changed[model.Action]:
    """Store a changed action (status, result, dates, goal)."""
    _check_action(action)
    with db.atomic():
        client_id = int(records.one_row(db, "actions", action.id, "action")["client_id"])
        db["actions"].update(action.id, _action_row(action))  # type: ignore[union-attr]
        clients.row_changed(
            db, client_id, actor=actor, action="action.update", what="action", ident=action.id
        )
    stored = records.action(records.one_row(db, "actions", action.id, "action"))
    return changes_.Changed(stored, changes_.client_rows(Kind.ACTION, client_id, action.id))
