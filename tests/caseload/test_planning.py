"""The plan of a client and what needs attention: missed appointments, actions past due,
measurements overdue, contact frequency exceeded; each on the edge of today, closed excluded."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest
from sqlite_utils import Database

from caseload import (
    appointments,
    caseload_query,
    clients,
    demo,
    errors,
    followups,
    journal,
    model,
    planning,
    worklist,
)
from tests.caseload.conftest import ACTOR, TODAY

DAY = dt.timedelta(days=1)


def _flagged(db: Database, today: dt.date, threshold: int = 14) -> set[int]:
    flt = caseload_query.CaseloadFilter(contact_threshold_days=threshold)
    shown = caseload_query.ids(db, flt, today=today)
    return {
        row.id for row in caseload_query.rows(db, shown, today, threshold) if row.needs_attention
    }


def _plan_late(db: Database, today: dt.date) -> set[int]:
    flt = caseload_query.CaseloadFilter(overdue_actions_only=True)
    return set(caseload_query.ids(db, flt, today=today))


def _contact_late(db: Database, today: dt.date, threshold: int = 14) -> set[int]:
    flt = caseload_query.CaseloadFilter(
        no_recent_contact_only=True, contact_threshold_days=threshold
    )
    return set(caseload_query.ids(db, flt, today=today))


def _items(db: Database, today: dt.date, kind: worklist.ItemKind) -> list[worklist.Item]:
    found = worklist.load(db, worklist.Scope(None, 14), today)
    return [item for items in found.sections.values() for item in items if item.kind is kind]


@pytest.fixture
def fresh(db: Database, add_client: Callable[..., model.Client]) -> model.Client:
    """A client measured and contacted today, nothing planned: needs no attention."""
    client = add_client()
    journal.record_step(db, client.id, trede=2, measured_on=TODAY, actor=ACTOR, today=TODAY)
    journal.add_contact(db, client.id, kind="kantoor", contact_on=TODAY, actor=ACTOR, today=TODAY)
    return client


def test_a_fresh_client_needs_no_attention(db: Database, fresh: model.Client) -> None:
    assert _flagged(db, TODAY) == set()
    assert worklist.count(db, worklist.Scope(None, 14), TODAY) == 0


def test_an_appointment_is_missed_the_day_after_it_without_contact(
    db: Database, fresh: model.Client
) -> None:
    planned = planning.plan_appointment(
        db, fresh.id, planned_on=TODAY + DAY, kind="kantoor", actor=ACTOR, today=TODAY
    ).value
    # On its day it is today's appointment, not missed.
    assert _plan_late(db, TODAY + DAY) == set()
    assert [i.item_id for i in _items(db, TODAY + DAY, worklist.ItemKind.APPOINTMENT)] == [
        planned.id
    ]
    # The day after, without a contact, it is missed.
    assert _plan_late(db, TODAY + 2 * DAY) == {fresh.id}
    missed = _items(db, TODAY + 2 * DAY, worklist.ItemKind.MISSED_APPOINTMENT)
    assert [i.item_id for i in missed] == [planned.id]
    assert planning.plan(db, fresh.id).appointments[0].shown_status(TODAY + 2 * DAY) == "gemist"


def test_a_contact_on_or_after_the_day_holds_the_appointment(
    db: Database, fresh: model.Client
) -> None:
    day = TODAY + DAY
    planning.plan_appointment(
        db, fresh.id, planned_on=day, kind="kantoor", actor=ACTOR, today=TODAY
    )
    later = day + 3 * DAY
    journal.add_contact(
        db, fresh.id, kind="telefonisch", contact_on=later, actor=ACTOR, today=later
    )
    (held,) = planning.plan(db, fresh.id).appointments
    assert held.status == appointments.HELD
    assert _plan_late(db, later + DAY) == set()


def test_a_contact_before_the_day_leaves_the_appointment_planned(
    db: Database, fresh: model.Client
) -> None:
    planning.plan_appointment(
        db, fresh.id, planned_on=TODAY + 5 * DAY, kind="kantoor", actor=ACTOR, today=TODAY
    )
    journal.add_contact(
        db, fresh.id, kind="telefonisch", contact_on=TODAY, actor=ACTOR, today=TODAY
    )
    assert planning.plan(db, fresh.id).next_appointment() is not None


def test_an_appointment_marked_by_hand_is_no_longer_late(db: Database, fresh: model.Client) -> None:
    planned = planning.plan_appointment(
        db, fresh.id, planned_on=TODAY, kind="kantoor", actor=ACTOR, today=TODAY
    ).value
    assert _plan_late(db, TODAY + DAY) == {fresh.id}
    planning.set_appointment_status(db, planned.id, appointments.CANCELLED, actor=ACTOR)
    assert _plan_late(db, TODAY + DAY) == set()


def test_an_action_is_late_the_day_after_its_due_day(db: Database, fresh: model.Client) -> None:
    journal.add_action(db, fresh.id, intervention="jobcoach", due_on=TODAY, actor=ACTOR)
    assert _plan_late(db, TODAY) == set()
    assert _plan_late(db, TODAY + DAY) == {fresh.id}
    assert len(_items(db, TODAY + DAY, worklist.ItemKind.ACTION)) == 1


def test_a_measurement_is_due_six_months_after_the_last(db: Database, fresh: model.Client) -> None:
    due = dt.date(TODAY.year, TODAY.month + 6, TODAY.day)
    assert planning.plan(db, fresh.id).measurement_due_on == due
    assert _plan_late(db, due) == set()
    assert _plan_late(db, due + DAY) == {fresh.id}
    # A planned day replaces the default; None goes back to it.
    planning.set_planned_measurement(db, fresh.id, TODAY + 10 * DAY, actor=ACTOR)
    assert _plan_late(db, TODAY + 11 * DAY) == {fresh.id}
    assert len(_items(db, TODAY + 11 * DAY, worklist.ItemKind.MEASUREMENT)) == 1
    planning.set_planned_measurement(db, fresh.id, None, actor=ACTOR)
    assert planning.plan(db, fresh.id).measurement_due_on == due


def test_contact_frequency_own_or_default(db: Database, fresh: model.Client) -> None:
    # Default 14 days: the 14th day is still in time, the 15th is late.
    assert _contact_late(db, TODAY + 14 * DAY) == set()
    assert _contact_late(db, TODAY + 15 * DAY) == {fresh.id}
    # Its own frequency of 30 days counts instead of the default.
    planning.set_contact_frequency(db, fresh.id, 30, actor=ACTOR)
    assert _contact_late(db, TODAY + 15 * DAY) == set()
    assert _contact_late(db, TODAY + 30 * DAY) == set()
    assert _contact_late(db, TODAY + 31 * DAY) == {fresh.id}
    assert _flagged(db, TODAY + 31 * DAY) == {fresh.id}
    assert len(_items(db, TODAY + 31 * DAY, worklist.ItemKind.CONTACT)) == 1
    with pytest.raises(errors.InvalidValue):
        planning.set_contact_frequency(db, fresh.id, 0, actor=ACTOR)


def test_closed_clients_need_no_attention(db: Database, fresh: model.Client) -> None:
    planning.plan_appointment(
        db, fresh.id, planned_on=TODAY, kind="kantoor", actor=ACTOR, today=TODAY
    )
    journal.add_action(db, fresh.id, intervention="jobcoach", due_on=TODAY, actor=ACTOR)
    late = TODAY + 400 * DAY
    assert _flagged(db, late) == {fresh.id}
    clients.close(db, fresh.id, on=TODAY, reason="overig", actor=ACTOR, today=TODAY)
    assert _flagged(db, late) == set()
    assert worklist.count(db, worklist.Scope(None, 14), late) == 0
    with pytest.raises(errors.InvalidValue):
        planning.plan_appointment(
            db, fresh.id, planned_on=late, kind="kantoor", actor=ACTOR, today=TODAY
        )


def test_an_appointment_in_the_past_or_without_kind_is_refused(
    db: Database, fresh: model.Client, counts: Callable[[], dict[str, int]]
) -> None:
    before = counts()
    with pytest.raises(errors.InvalidValue):
        planning.plan_appointment(
            db, fresh.id, planned_on=TODAY - DAY, kind="kantoor", actor=ACTOR, today=TODAY
        )
    with pytest.raises(errors.MissingValue):
        planning.plan_appointment(db, fresh.id, planned_on=TODAY, kind="", actor=ACTOR, today=TODAY)
    with pytest.raises(errors.InvalidValue):
        planning.plan_appointment(
            db,
            fresh.id,
            planned_on=TODAY,
            kind="kantoor",
            planned_time="25:00",
            actor=ACTOR,
            today=TODAY,
        )
    assert counts() == before


def test_a_contact_with_a_bad_next_appointment_stores_neither(
    db: Database, fresh: model.Client, counts: Callable[[], dict[str, int]]
) -> None:
    before = counts()
    with pytest.raises(errors.InvalidValue):
        planning.record_contact(
            db,
            fresh.id,
            kind="kantoor",
            next_on=TODAY - DAY,
            next_kind="kantoor",
            actor=ACTOR,
            today=TODAY,
        )
    assert counts() == before
    made = planning.record_contact(
        db,
        fresh.id,
        kind="kantoor",
        next_on=TODAY + 7 * DAY,
        next_kind="video",
        next_time="9.30",
        actor=ACTOR,
        today=TODAY,
    )
    planned = planning.plan(db, fresh.id).next_appointment()
    assert planned is not None and (planned.planned_on, planned.kind, planned.planned_time) == (
        TODAY + 7 * DAY,
        "video",
        "09:30",
    )
    assert fresh.id in made.changes.clients


def test_mine_shows_only_my_clients(db: Database, add_client: Callable[..., model.Client]) -> None:
    mine = add_client(reference="KL1", klantmanager="Anouk Bakker")
    theirs = add_client(reference="KL2", klantmanager="Bram Smit")
    for client in (mine, theirs):
        planning.plan_appointment(
            db, client.id, planned_on=TODAY, kind="kantoor", actor=ACTOR, today=TODAY
        )
    own = worklist.load(db, worklist.Scope("Anouk Bakker", 14), TODAY)
    assert [i.client_id for i in own.sections[worklist.Section.TODAY]] == [mine.id]
    everyone = worklist.load(db, worklist.Scope(None, 14), TODAY)
    assert {i.client_id for i in everyone.sections[worklist.Section.TODAY]} == {mine.id, theirs.id}


def _outflow(db: Database, client_id: int, due: dt.date) -> int:
    with db.atomic():
        outflow = db["outflows"].insert({"client_id": client_id, "closed_on": TODAY.isoformat()})
        followup = db["followups"].insert(
            {"client_id": client_id, "outflow_id": outflow.last_pk, "due_on": due.isoformat()}
        )
    return int(followup.last_pk)  # type: ignore[arg-type]


def test_a_followup_is_asked_from_its_day_and_answered_once(
    db: Database, fresh: model.Client
) -> None:
    clients.close(db, fresh.id, on=TODAY, reason="uitstroom_werk", actor=ACTOR, today=TODAY)
    due = TODAY + 182 * DAY
    ident = _outflow(db, fresh.id, due)
    assert _items(db, due - DAY, worklist.ItemKind.FOLLOWUP) == []
    assert [i.item_id for i in _items(db, due, worklist.ItemKind.FOLLOWUP)] == [ident]
    answered = followups.answer(db, ident, still_working=True, actor=ACTOR, today=due).value
    assert (answered.still_working, answered.answered_on) == (True, due)
    assert _items(db, due, worklist.ItemKind.FOLLOWUP) == []
    with pytest.raises(errors.InvalidValue):
        followups.answer(db, ident, still_working=False, actor=ACTOR, today=due)
    assert followups.get(db, ident).still_working is True
    audit = db.execute(
        "SELECT action, object FROM audit_log WHERE action = 'followup.answer'"
    ).fetchall()
    assert audit == [("followup.answer", f"client:{fresh.id}/followup:{ident}")]


def test_no_worklist_query_reads_every_client(db: Database, fresh: model.Client) -> None:
    for scope in (worklist.Scope(None, 14), worklist.Scope("Anouk Bakker", 14)):
        for plan in worklist.query_plans(db, scope, TODAY):
            assert "SCAN c" not in plan and "SCAN clients" not in plan, plan


def test_a_planned_appointment_moves_to_another_day(db: Database, fresh: model.Client) -> None:
    planned = planning.plan_appointment(
        db,
        fresh.id,
        planned_on=TODAY,
        kind="kantoor",
        planned_time="9.30",
        actor=ACTOR,
        today=TODAY,
    ).value
    assert _plan_late(db, TODAY + DAY) == {fresh.id}  # missed the day after
    moved = planning.move_appointment(
        db, planned.id, TODAY + 3 * DAY, actor=ACTOR, today=TODAY + DAY
    )
    assert (moved.value.planned_on, moved.value.planned_time) == (TODAY + 3 * DAY, "09:30")
    assert _plan_late(db, TODAY + DAY) == set()
    logged = db.execute("SELECT object FROM audit_log WHERE action = 'appointment.move'").fetchall()
    assert logged == [(f"client:{fresh.id}/appointment:{planned.id}",)]


@pytest.mark.parametrize("status", [appointments.HELD, appointments.CANCELLED])
def test_only_a_planned_appointment_moves_and_never_into_the_past(
    db: Database, fresh: model.Client, status: str
) -> None:
    planned = planning.plan_appointment(
        db, fresh.id, planned_on=TODAY, kind="kantoor", actor=ACTOR, today=TODAY
    ).value
    with pytest.raises(errors.InvalidValue):
        planning.move_appointment(db, planned.id, TODAY - DAY, actor=ACTOR, today=TODAY)
    planning.set_appointment_status(db, planned.id, status, actor=ACTOR)
    with pytest.raises(errors.InvalidValue):
        planning.move_appointment(db, planned.id, TODAY + DAY, actor=ACTOR, today=TODAY)
    assert planning.plan(db, fresh.id).appointments[0].planned_on == TODAY


def test_one_klantmanagers_appointments_are_read_from_their_clients(db: Database) -> None:
    """For mijn caseload the appointment queries start from the klantmanager's clients: read
    by (status, planned_on), a week's appointments of every client would be read to keep a few."""
    demo.fill(db, 600, seed=3, today=TODAY)
    db.execute("ANALYZE")
    (name,) = db.execute(
        "SELECT klantmanager FROM clients GROUP BY klantmanager ORDER BY count(*) DESC LIMIT 1"
    ).fetchone()
    for plan in worklist.query_plans(db, worklist.Scope(name, 14), TODAY):
        assert "idx_appointments_status_planned_on" not in plan, plan


def test_one_klantmanagers_followups_are_read_from_their_clients(db: Database) -> None:
    """Follow-ups belong to closed files: in ten years of files nearly every unanswered one is
    someone else's, so mijn caseload reads the klantmanager's clients and their follow-ups,
    not every follow-up that is due."""
    demo.fill(db, 600, seed=3, today=TODAY, years=10)
    db.execute("ANALYZE")
    (name,) = db.execute(
        "SELECT klantmanager FROM clients GROUP BY klantmanager ORDER BY count(*) DESC LIMIT 1"
    ).fetchone()
    plans = worklist.query_plans(db, worklist.Scope(name, 14), TODAY)
    assert not any("idx_followups_answered_on_due_on" in plan for plan in plans), plans
    mine = worklist.load(db, worklist.Scope(name, 14), TODAY)
    everyone = worklist.load(db, worklist.Scope(None, 14), TODAY)
    expected = [
        item for item in everyone.sections[worklist.Section.FOLLOWUP] if item.klantmanager == name
    ]
    assert mine.sections[worklist.Section.FOLLOWUP] == expected
    assert mine.counts[worklist.Section.FOLLOWUP] == len(expected)
