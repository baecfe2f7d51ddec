"""Everything about one client in one read: details, ladder, barriers, contacts, plan, timeline."""

from __future__ import annotations

import datetime as dt

from sqlite_utils import Database

from caseload import clients, closing, model, records

#: When two entries share a date, this order keeps the timeline stable (lowest on top): a
#: reopening above the closing above what happened that day.
_KIND_ORDER = {"reopening": -2, "closing": -1, "contact": 0, "ladder": 1, "barrier": 2, "action": 3}


def _rows(db: Database, table: str, client_id: int, order: str) -> list[dict[str, object]]:
    return list(
        db.query(f"SELECT * FROM {table} WHERE client_id = ? ORDER BY {order}", [client_id])
    )


def timeline(
    steps: tuple[model.LadderStep, ...],
    events: tuple[model.BarrierEvent, ...],
    contacts: tuple[model.Contact, ...],
    actions: tuple[model.Action, ...],
    closings: tuple[model.Closing, ...] = (),
) -> tuple[model.TimelineEntry, ...]:
    """Contacts, trede changes, barrier changes, actions, closings and reopenings in one list,
    newest first.

    An action is placed on its start date; one without a start date is left out of the
    timeline (it still shows in the plan of action).
    """
    entries = [model.TimelineEntry(on=step.measured_on, kind="ladder", item=step) for step in steps]
    entries += [
        model.TimelineEntry(on=event.happened_on, kind="barrier", item=event) for event in events
    ]
    entries += [
        model.TimelineEntry(on=contact.contact_on, kind="contact", item=contact)
        for contact in contacts
    ]
    entries += [
        model.TimelineEntry(on=action.start_on, kind="action", item=action)
        for action in actions
        if action.start_on is not None
    ]
    entries += [
        model.TimelineEntry(on=shut.closed_on, kind="closing", item=shut) for shut in closings
    ]
    entries += [
        model.TimelineEntry(on=shut.reopened_on, kind="reopening", item=shut)
        for shut in closings
        if shut.reopened_on is not None
    ]

    def key(entry: model.TimelineEntry) -> tuple[dt.date, int, int]:
        return (entry.on, -_KIND_ORDER[entry.kind], entry.item.id)

    return tuple(sorted(entries, key=key, reverse=True))


def load(db: Database, client_id: int) -> model.ClientFile:
    """The whole file of one client; NotFound when the client is not there."""
    client = clients.get(db, client_id)
    steps = tuple(
        records.ladder_step(row) for row in _rows(db, "ladder_steps", client_id, "measured_on, id")
    )
    barriers = tuple(records.barrier(row) for row in _rows(db, "barriers", client_id, "since, id"))
    events = tuple(
        records.barrier_event(row)
        for row in _rows(db, "barrier_events", client_id, "happened_on, id")
    )
    contacts = tuple(
        records.contact(row) for row in _rows(db, "contacts", client_id, "contact_on, id")
    )
    actions = tuple(
        records.action(row)
        for row in _rows(db, "actions", client_id, "coalesce(due_on, '9999'), id")
    )
    shut = closing.closings(db, client_id)
    return model.ClientFile(
        client=client,
        ladder_steps=steps,
        barriers=barriers,
        barrier_events=events,
        contacts=contacts,
        actions=actions,
        timeline=timeline(steps, events, contacts, actions, shut),
        closings=shut,
    )
