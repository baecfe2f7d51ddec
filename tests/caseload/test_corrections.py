"""Corrections from the timeline: each keeps the client's summary right, is audited with ids
only, marks the row "gecorrigeerd", and a refused one changes nothing."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from caseload import client_file, clients, corrections, errors, journal
from resources import audit

from .conftest import ACTOR, TODAY

EARLIER = TODAY - dt.timedelta(days=40)
LATER = TODAY - dt.timedelta(days=10)


def _summary(db, client_id):
    client = clients.get(db, client_id)
    return (
        client.current_trede,
        client.current_trede_on,
        client.last_contact_on,
        client.open_barriers,
        client.open_actions,
        client.next_due_on,
    )


def test_correcting_a_contact_moves_the_last_contact_and_marks_it(
    db, add_client, summaries_hold
) -> None:
    client = add_client()
    first = journal.add_contact(
        db, client.id, kind="kantoor", contact_on=EARLIER, actor=ACTOR, today=TODAY
    ).value
    second = journal.add_contact(
        db, client.id, kind="telefonisch", contact_on=LATER, actor=ACTOR, today=TODAY
    ).value
    assert clients.get(db, client.id).last_contact_on == LATER
    moved = dataclasses.replace(second, contact_on=EARLIER - dt.timedelta(days=1), summary="x")
    corrected = corrections.correct_contact(db, moved, actor=ACTOR, today=TODAY).value
    assert corrected.corrected_on == TODAY
    assert corrected.summary == "x"
    assert clients.get(db, client.id).last_contact_on == first.contact_on
    assert summaries_hold(db)
    entry = audit.entries(db, 1)[0]
    assert (entry.action, entry.object) == (
        "contact.correct",
        f"client:{client.id}/contact:{second.id}",
    )


def test_a_refused_correction_changes_nothing(db, add_client, counts) -> None:
    client = add_client()
    contact = journal.add_contact(
        db, client.id, kind="kantoor", contact_on=EARLIER, actor=ACTOR, today=TODAY
    ).value
    before = counts(), client_file.load(db, client.id)
    with pytest.raises(errors.DateInFuture):
        corrections.correct_contact(
            db,
            dataclasses.replace(contact, contact_on=TODAY + dt.timedelta(days=1)),
            actor=ACTOR,
            today=TODAY,
        )
    with pytest.raises(errors.InvalidValue):
        corrections.correct_contact(
            db, dataclasses.replace(contact, minutes=-3), actor=ACTOR, today=TODAY
        )
    assert (counts(), client_file.load(db, client.id)) == before


def test_deleting_the_only_measurement_leaves_no_current_trede(
    db, add_client, summaries_hold
) -> None:
    client = add_client()
    step = journal.record_step(
        db, client.id, trede=3, measured_on=EARLIER, actor=ACTOR, today=TODAY
    ).value
    corrections.delete_step(db, step.id, actor=ACTOR)
    assert _summary(db, client.id)[:2] == (None, None)
    assert summaries_hold(db)


def test_deleting_the_last_measurement_goes_back_to_the_one_before(
    db, add_client, summaries_hold
) -> None:
    client = add_client()
    journal.record_step(db, client.id, trede=2, measured_on=EARLIER, actor=ACTOR, today=TODAY)
    last = journal.record_step(
        db, client.id, trede=4, measured_on=LATER, actor=ACTOR, today=TODAY
    ).value
    corrections.delete_step(db, last.id, actor=ACTOR)
    assert _summary(db, client.id)[:2] == (2, EARLIER)
    assert summaries_hold(db)


def test_correcting_a_measurement_changes_the_current_trede(db, add_client, summaries_hold) -> None:
    client = add_client()
    step = journal.record_step(
        db, client.id, trede=2, measured_on=EARLIER, actor=ACTOR, today=TODAY
    ).value
    corrected = corrections.correct_step(
        db, dataclasses.replace(step, trede=5), actor=ACTOR, today=TODAY
    ).value
    assert (corrected.trede, corrected.corrected_on) == (5, TODAY)
    assert clients.get(db, client.id).current_trede == 5
    assert summaries_hold(db)
    with pytest.raises(errors.InvalidValue):
        corrections.correct_step(db, dataclasses.replace(step, trede=7), actor=ACTOR, today=TODAY)
    assert clients.get(db, client.id).current_trede == 5


def _barrier_with_history(db, client_id):
    barrier = journal.add_barrier(
        db, client_id, kind="taal", severity=3, since=EARLIER, actor=ACTOR, today=TODAY
    ).value
    journal.update_barrier(
        db, dataclasses.replace(barrier, status="opgelost"), on=LATER, actor=ACTOR, today=TODAY
    )
    return client_file.load(db, client_id).barrier_events


def test_deleting_a_status_change_reopens_the_barrier(db, add_client, summaries_hold) -> None:
    client = add_client()
    opened, solved = _barrier_with_history(db, client.id)
    assert clients.get(db, client.id).open_barriers == 0
    corrections.delete_barrier_event(db, solved.id, actor=ACTOR)
    file = client_file.load(db, client.id)
    assert [b.status for b in file.barriers] == ["open"]
    assert file.barriers[0].resolved_on is None
    assert clients.get(db, client.id).open_barriers == 1
    assert summaries_hold(db)


def test_deleting_the_opening_removes_the_barrier(db, add_client, summaries_hold) -> None:
    client = add_client()
    opened, _solved = _barrier_with_history(db, client.id)
    corrections.delete_barrier_event(db, opened.id, actor=ACTOR)
    file = client_file.load(db, client.id)
    assert (file.barriers, file.barrier_events) == ((), ())
    assert summaries_hold(db)
    assert audit.entries(db, 1)[0].action == "barrier.delete"


def test_correcting_a_barrier_change_follows_into_the_barrier(
    db, add_client, summaries_hold
) -> None:
    client = add_client()
    opened, solved = _barrier_with_history(db, client.id)
    corrections.correct_barrier_event(
        db, dataclasses.replace(solved, status="in_aanpak", severity=2), actor=ACTOR, today=TODAY
    )
    barrier = client_file.load(db, client.id).barriers[0]
    assert (barrier.status, barrier.severity, barrier.resolved_on) == ("in_aanpak", 2, None)
    corrections.correct_barrier_event(
        db,
        dataclasses.replace(opened, happened_on=EARLIER - dt.timedelta(days=3)),
        kind="gezondheid",
        actor=ACTOR,
        today=TODAY,
    )
    barrier = client_file.load(db, client.id).barriers[0]
    assert (barrier.kind, barrier.since) == ("gezondheid", EARLIER - dt.timedelta(days=3))
    assert summaries_hold(db)


def test_a_change_cannot_move_before_the_opening(db, add_client) -> None:
    client = add_client()
    opened, solved = _barrier_with_history(db, client.id)
    before = client_file.load(db, client.id)
    with pytest.raises(errors.InvalidValue):
        corrections.correct_barrier_event(
            db,
            dataclasses.replace(solved, happened_on=EARLIER - dt.timedelta(days=1)),
            actor=ACTOR,
            today=TODAY,
        )
    with pytest.raises(errors.InvalidValue):
        corrections.correct_barrier_event(
            db, dataclasses.replace(opened, happened_on=TODAY), actor=ACTOR, today=TODAY
        )
    assert client_file.load(db, client.id) == before


def test_correcting_and_deleting_an_action(db, add_client, summaries_hold) -> None:
    client = add_client()
    action = journal.add_action(
        db, client.id, intervention="taalcursus", start_on=EARLIER, due_on=LATER, actor=ACTOR
    ).value
    corrected = corrections.correct_action(
        db, dataclasses.replace(action, status="afgerond"), actor=ACTOR, today=TODAY
    ).value
    assert corrected.corrected_on == TODAY
    assert clients.get(db, client.id).open_actions == 0
    assert summaries_hold(db)
    with pytest.raises(errors.InvalidValue):
        corrections.correct_action(
            db,
            dataclasses.replace(action, due_on=EARLIER - dt.timedelta(days=1)),
            actor=ACTOR,
            today=TODAY,
        )
    corrections.delete_action(db, action.id, actor=ACTOR)
    assert client_file.load(db, client.id).actions == ()
    assert summaries_hold(db)


def test_the_audit_log_holds_ids_not_content(db, add_client) -> None:
    client = add_client()
    contact = journal.add_contact(
        db,
        client.id,
        kind="kantoor",
        contact_on=EARLIER,
        summary="Geheim",
        actor=ACTOR,
        today=TODAY,
    ).value
    corrections.correct_contact(
        db, dataclasses.replace(contact, summary="Nog geheimer"), actor=ACTOR, today=TODAY
    )
    corrections.delete_contact(db, contact.id, actor=ACTOR)
    dumped = " ".join(str(tuple(row)) for row in db.execute("SELECT * FROM audit_log"))
    assert "geheim" not in dumped.lower()
