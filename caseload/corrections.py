"""Corrections from the timeline: change or remove a contact, a measurement, a barrier change or
an action that was entered wrongly.

Each correction is checked first, then runs in one ``db.atomic()`` with the change, the
client's summary columns and one audit line that names only ids (never the old or new values).
A changed row gets ``corrected_on``, so the timeline can say "gecorrigeerd".
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlite_utils import Database

from caseload import clients, errors, journal, ladder, model, records, validate, vocab
from resources import changes as changes_
from resources.changes import Kind
from resources.i18n import _


def _today(today: dt.date | None) -> dt.date:
    return dt.date.today() if today is None else today


# --- contacts -------------------------------------------------------------------------------


def correct_contact(
    db: Database, contact: model.Contact, *, actor: str, today: dt.date | None = None
) -> changes_.Changed[model.Contact]:
    """Store a corrected contact (date, kind, minutes, summary, shared or not)."""
    day = _today(today)
    validate.code("kind", contact.kind, vocab.CONTACT_KINDS, required=True)
    validate.not_in_future("contact_on", contact.contact_on, day)
    validate.minutes(contact.minutes)
    with db.atomic():
        client_id = int(records.one_row(db, "contacts", contact.id, "contact")["client_id"])
        db["contacts"].update(  # type: ignore[union-attr]
            contact.id,
            {
                "contact_on": contact.contact_on.isoformat(),
                "kind": contact.kind,
                "minutes": contact.minutes,
                "summary": contact.summary.strip(),
                "share_with_client": int(contact.share_with_client),
                "corrected_on": day.isoformat(),
            },
        )
        clients.row_changed(
            db, client_id, actor=actor, action="contact.correct", what="contact", ident=contact.id
        )
    stored = records.contact(records.one_row(db, "contacts", contact.id, "contact"))
    return changes_.Changed(stored, changes_.client_rows(Kind.CONTACT, client_id, contact.id))


# --- ladder ---------------------------------------------------------------------------------


def correct_step(
    db: Database, step: model.LadderStep, *, actor: str, today: dt.date | None = None
) -> changes_.Changed[model.LadderStep]:
    """Store a corrected measurement (date, trede, expected trede, note)."""
    day = _today(today)
    validate.in_range("trede", step.trede, ladder.LOWEST, ladder.HIGHEST)
    validate.in_range(
        "expected_trede", step.expected_trede, ladder.LOWEST, ladder.HIGHEST, required=False
    )
    validate.not_in_future("measured_on", step.measured_on, day)
    with db.atomic():
        client_id = int(records.one_row(db, "ladder_steps", step.id, "ladder_step")["client_id"])
        db["ladder_steps"].update(  # type: ignore[union-attr]
            step.id,
            {
                "measured_on": step.measured_on.isoformat(),
                "trede": step.trede,
                "expected_trede": step.expected_trede,
                "note": step.note.strip(),
                "corrected_on": day.isoformat(),
            },
        )
        clients.row_changed(
            db, client_id, actor=actor, action="ladder.correct", what="ladder_step", ident=step.id
        )
    stored = records.ladder_step(records.one_row(db, "ladder_steps", step.id, "ladder_step"))
    return changes_.Changed(stored, changes_.client_rows(Kind.LADDER, client_id, step.id))


def delete_step(db: Database, step_id: int, *, actor: str) -> changes_.Changes:
    """Remove a measurement; the current trede becomes the one measured before it (or none)."""
    return journal.delete_step(db, step_id, actor=actor)


def delete_contact(db: Database, contact_id: int, *, actor: str) -> changes_.Changes:
    """Remove a contact; the last contact date becomes the one before it (or none)."""
    return journal.delete_contact(db, contact_id, actor=actor)


# --- actions --------------------------------------------------------------------------------


def correct_action(
    db: Database, action: model.Action, *, actor: str, today: dt.date | None = None
) -> changes_.Changed[model.Action]:
    """Store a corrected action (intervention, goal, dates, status, result)."""
    day = _today(today)
    validate.code("intervention", action.intervention, vocab.INTERVENTIONS, required=True)
    validate.code("status", action.status, vocab.ACTION_STATUSES, required=True)
    validate.period(action.start_on, action.due_on)
    with db.atomic():
        client_id = int(records.one_row(db, "actions", action.id, "action")["client_id"])
        db["actions"].update(  # type: ignore[union-attr]
            action.id,
            {
                "intervention": action.intervention,
                "status": action.status,
                "goal": action.goal.strip(),
                "start_on": records.iso(action.start_on),
                "due_on": records.iso(action.due_on),
                "result": action.result.strip(),
                "corrected_on": day.isoformat(),
            },
        )
        clients.row_changed(
            db, client_id, actor=actor, action="action.correct", what="action", ident=action.id
        )
    stored = records.action(records.one_row(db, "actions", action.id, "action"))
    return changes_.Changed(stored, changes_.client_rows(Kind.ACTION, client_id, action.id))


def delete_action(db: Database, action_id: int, *, actor: str) -> changes_.Changes:
    """Remove a step of the plan of action that was entered by mistake."""
    with db.atomic():
        client_id = int(records.one_row(db, "actions", action_id, "action")["client_id"])
        db.execute("DELETE FROM actions WHERE id = ?", [action_id])
        clients.row_changed(
            db, client_id, actor=actor, action="action.delete", what="action", ident=action_id
        )
    return changes_.client_rows(Kind.ACTION, client_id, action_id)


# --- barrier changes ------------------------------------------------------------------------


def _events(db: Database, barrier_id: int) -> list[dict[str, Any]]:
    return list(
        db.query(
            "SELECT * FROM barrier_events WHERE barrier_id = ? ORDER BY happened_on, id",
            [barrier_id],
        )
    )


def _rebuild_barrier(db: Database, barrier_id: int) -> None:
    """Make the barrier's present state follow its history again: the newest change gives
    severity and status, the opening gives 'since', and a solved barrier is solved from the
    first change of its last run of 'opgelost'."""
    events = _events(db, barrier_id)
    if not events:
        return
    last = events[-1]
    opened = next((event for event in events if event["change"] == "opened"), events[0])
    resolved_on = None
    if last["status"] == "opgelost":
        for event in reversed(events):
            if event["status"] != "opgelost":
                break
            resolved_on = event["happened_on"]
    db["barriers"].update(  # type: ignore[union-attr]
        barrier_id,
        {
            "severity": last["severity"],
            "status": last["status"],
            "since": opened["happened_on"],
            "resolved_on": resolved_on,
        },
    )


def _check_event_date(events: list[dict[str, Any]], event_id: int, change: str, on: str) -> None:
    """An opening stays the first change of its barrier; a later change stays after it."""
    others = [event for event in events if event["id"] != event_id]
    if change == "opened":
        if any(event["happened_on"] < on for event in others):
            raise errors.InvalidValue(
                "happened_on", _("die ligt na een latere wijziging van dit obstakel.")
            )
        return
    opened = [event["happened_on"] for event in others if event["change"] == "opened"]
    if opened and on < min(opened):
        raise errors.InvalidValue(
            "happened_on", _("die ligt vóór de dag waarop het obstakel is vastgelegd.")
        )


def correct_barrier_event(
    db: Database,
    event: model.BarrierEvent,
    *,
    kind: str | None = None,
    actor: str,
    today: dt.date | None = None,
) -> changes_.Changed[model.BarrierEvent]:
    """Store a corrected barrier change (date, severity, status; for the opening also the kind
    of barrier); the barrier's present state follows its corrected history."""
    day = _today(today)
    validate.in_range("severity", event.severity, vocab.SEVERITY_MIN, vocab.SEVERITY_MAX)
    validate.code("status", event.status, vocab.BARRIER_STATUSES, required=True)
    validate.code("kind", kind, vocab.BARRIER_KINDS, required=False)
    validate.not_in_future("happened_on", event.happened_on, day)
    with db.atomic():
        old = records.barrier_event(records.one_row(db, "barrier_events", event.id, "barrier"))
        on = event.happened_on.isoformat()
        _check_event_date(_events(db, old.barrier_id), old.id, old.change, on)
        db["barrier_events"].update(  # type: ignore[union-attr]
            old.id,
            {
                "happened_on": on,
                "severity": event.severity,
                "status": event.status,
                "corrected_on": day.isoformat(),
            },
        )
        if kind and old.change == "opened":
            db["barriers"].update(old.barrier_id, {"kind": kind})  # type: ignore[union-attr]
        _rebuild_barrier(db, old.barrier_id)
        clients.row_changed(
            db,
            old.client_id,
            actor=actor,
            action="barrier.correct",
            what="barrier",
            ident=old.barrier_id,
        )
    stored = records.barrier_event(records.one_row(db, "barrier_events", old.id, "barrier"))
    return changes_.Changed(
        stored, changes_.client_rows(Kind.BARRIER, old.client_id, old.barrier_id)
    )


def delete_barrier_event(db: Database, event_id: int, *, actor: str) -> changes_.Changes:
    """Remove a barrier change. Removing its opening removes the whole barrier with its
    history (it was recorded by mistake); otherwise the barrier's state follows what is left."""
    with db.atomic():
        event = records.barrier_event(records.one_row(db, "barrier_events", event_id, "barrier"))
        if event.change == "opened":
            db.execute("DELETE FROM barrier_events WHERE barrier_id = ?", [event.barrier_id])
            db.execute("DELETE FROM barriers WHERE id = ?", [event.barrier_id])
            action = "barrier.delete"
        else:
            db.execute("DELETE FROM barrier_events WHERE id = ?", [event_id])
            _rebuild_barrier(db, event.barrier_id)
            action = "barrier.correct"
        clients.row_changed(
            db, event.client_id, actor=actor, action=action, what="barrier", ident=event.barrier_id
        )
    return changes_.client_rows(Kind.BARRIER, event.client_id, event.barrier_id)
