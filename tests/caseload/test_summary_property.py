"""Property: after any sequence of changes, every summary column equals a recomputation."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlite_utils import Database

from app import database
from caseload import (
    caseload_query,
    client_file,
    clients,
    corrections,
    journal,
    model,
    planning,
    vocab,
)

TODAY = dt.date(2026, 3, 16)
ACTOR = "prop"

days = st.integers(min_value=0, max_value=400).map(lambda n: TODAY - dt.timedelta(days=n))
client_index = st.integers(min_value=0, max_value=2)
operation = st.one_of(
    st.tuples(st.just("step"), client_index, st.integers(1, 6), days),
    st.tuples(st.just("contact"), client_index, days),
    st.tuples(
        st.just("barrier"),
        client_index,
        st.sampled_from(vocab.BARRIER_KINDS.codes()),
        st.sampled_from(vocab.BARRIER_STATUSES.codes()),
    ),
    st.tuples(
        st.just("action"),
        client_index,
        st.sampled_from(vocab.ACTION_STATUSES.codes()),
        st.one_of(st.none(), days),
    ),
    st.tuples(
        st.just("change_barrier"),
        st.integers(0, 20),
        st.sampled_from(vocab.BARRIER_STATUSES.codes()),
    ),
    st.tuples(
        st.just("change_action"), st.integers(0, 20), st.sampled_from(vocab.ACTION_STATUSES.codes())
    ),
    st.tuples(st.just("delete_contact"), st.integers(0, 20)),
    st.tuples(st.just("delete_step"), st.integers(0, 20)),
    st.tuples(st.just("close_or_reopen"), client_index),
    st.tuples(st.just("appointment"), client_index, st.integers(0, 40)),
    st.tuples(
        st.just("appointment_status"),
        st.integers(0, 20),
        st.sampled_from(("gepland", "gehouden", "gemist", "afgezegd")),
    ),
    st.tuples(st.just("frequency"), client_index, st.one_of(st.none(), st.integers(1, 90))),
    st.tuples(st.just("measurement"), client_index, st.one_of(st.none(), days)),
    # Corrections: a contact's day, an action's due day, a barrier's history shortened.
    st.tuples(st.just("correct_contact"), st.integers(0, 20), days),
    st.tuples(st.just("correct_action"), st.integers(0, 20), st.one_of(st.none(), days)),
    st.tuples(st.just("delete_barrier_event"), st.integers(0, 20)),
)


def _apply(db: Database, people: list[model.Client], op: tuple[object, ...]) -> None:
    kind = op[0]
    if kind == "step":
        _, who, trede, on = op
        journal.record_step(
            db, people[who].id, trede=trede, measured_on=on, actor=ACTOR, today=TODAY
        )
    elif kind == "contact":
        _, who, on = op
        journal.add_contact(
            db, people[who].id, kind="kantoor", contact_on=on, actor=ACTOR, today=TODAY
        )
    elif kind == "barrier":
        _, who, barrier_kind, status = op
        journal.add_barrier(
            db,
            people[who].id,
            kind=barrier_kind,
            severity=2,
            status=status,
            actor=ACTOR,
            today=TODAY,
        )
    elif kind == "action":
        _, who, status, due = op
        journal.add_action(
            db, people[who].id, intervention="jobcoach", status=status, due_on=due, actor=ACTOR
        )
    elif kind == "change_barrier":
        _, pick, status = op
        found = db.execute("SELECT id FROM barriers ORDER BY id").fetchall()
        if found:
            barrier = next(b for b in _barriers(db) if b.id == found[pick % len(found)][0])
            journal.update_barrier(
                db, dataclasses.replace(barrier, status=status), actor=ACTOR, today=TODAY
            )
    elif kind == "change_action":
        _, pick, status = op
        actions = [a for p in people for a in _file(db, p.id).actions]
        if actions:
            action = actions[pick % len(actions)]
            journal.update_action(db, dataclasses.replace(action, status=status), actor=ACTOR)
    elif kind in ("delete_contact", "delete_step"):
        table = "contacts" if kind == "delete_contact" else "ladder_steps"
        found = db.execute(f"SELECT id FROM {table} ORDER BY id").fetchall()
        if found:
            ident = found[op[1] % len(found)][0]  # type: ignore[operator]
            delete = journal.delete_contact if kind == "delete_contact" else journal.delete_step
            delete(db, ident, actor=ACTOR)
    elif kind == "appointment":
        _, who, ahead = op
        if clients.get(db, people[who].id).is_active:  # type: ignore[index]
            planning.plan_appointment(
                db,
                people[who].id,  # type: ignore[index]
                planned_on=TODAY + dt.timedelta(days=ahead),  # type: ignore[arg-type]
                kind="kantoor",
                actor=ACTOR,
                today=TODAY,
            )
    elif kind == "appointment_status":
        _, pick, status = op
        found = db.execute("SELECT id FROM appointments ORDER BY id").fetchall()
        if found:
            ident = found[pick % len(found)][0]  # type: ignore[operator]
            planning.set_appointment_status(db, ident, status, actor=ACTOR)  # type: ignore[arg-type]
    elif kind == "frequency":
        planning.set_contact_frequency(db, people[op[1]].id, op[2], actor=ACTOR)  # type: ignore[index,arg-type]
    elif kind == "measurement":
        planning.set_planned_measurement(db, people[op[1]].id, op[2], actor=ACTOR)  # type: ignore[index,arg-type]
    elif kind == "correct_contact":
        _, pick, on = op
        found = [c for p in people for c in _file(db, p.id).contacts]
        if found:
            contact = found[pick % len(found)]  # type: ignore[operator]
            corrections.correct_contact(
                db, dataclasses.replace(contact, contact_on=on), actor=ACTOR, today=TODAY
            )
    elif kind == "correct_action":
        _, pick, due = op
        actions = [a for p in people for a in _file(db, p.id).actions]
        if actions:
            action = dataclasses.replace(actions[pick % len(actions)], start_on=None, due_on=due)  # type: ignore[operator]
            corrections.correct_action(db, action, actor=ACTOR, today=TODAY)
    elif kind == "delete_barrier_event":
        found = db.execute("SELECT id FROM barrier_events ORDER BY id").fetchall()
        if found:
            ident = found[op[1] % len(found)][0]  # type: ignore[operator]
            corrections.delete_barrier_event(db, ident, actor=ACTOR)
    elif kind == "close_or_reopen":
        client = clients.get(db, people[op[1]].id)  # type: ignore[index]
        if client.is_active:
            clients.close(db, client.id, on=TODAY, reason="overig", actor=ACTOR, today=TODAY)
        else:
            clients.reopen(db, client.id, actor=ACTOR)


def _file(db: Database, client_id: int) -> model.ClientFile:
    return client_file.load(db, client_id)


def _barriers(db: Database) -> list[model.Barrier]:
    ids = [row[0] for row in db.execute("SELECT id FROM clients")]
    return [b for ident in ids for b in _file(db, ident).barriers]


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.lists(operation, max_size=25))
def test_summaries_equal_recomputation_after_any_changes(
    summaries_hold: Callable[[Database], bool], ops: list[tuple[object, ...]]
) -> None:
    db = Database(memory=True)
    db.execute("PRAGMA foreign_keys = ON")
    database.migrate(db)
    people = [
        clients.add(
            db,
            model.ClientDetails(reference=f"KL{n}", surname=f"Naam{n}"),
            actor=ACTOR,
            today=TODAY,
        ).value
        for n in range(3)
    ]
    for op in ops:
        _apply(db, people, op)
        assert summaries_hold(db)
    # The caseload filters read those columns: the overdue filter agrees with the plan (an
    # action past due, a measurement overdue; appointments lie ahead of TODAY here).
    overdue = set(
        caseload_query.ids(
            db, caseload_query.CaseloadFilter(overdue_actions_only=True), today=TODAY
        )
    )
    expected = {
        p.id
        for p in people
        if clients.get(db, p.id).is_active
        and (
            any(a.is_overdue(TODAY) for a in _file(db, p.id).actions)
            or (planning.plan(db, p.id).measurement_due_on or TODAY) < TODAY
        )
    }
    assert overdue == expected
    db.close()
