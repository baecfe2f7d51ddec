"""Ladder steps, barriers, contacts and actions: validation, history, summaries, timeline."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable
from typing import Any

import pytest
from sqlite_utils import Database

from caseload import client_file, clients, errors, journal, model
from resources import audit

TODAY = dt.date(2026, 3, 16)  # as in conftest
ACTOR = "km.devries"
Counts = Callable[[], dict[str, int]]


def day(text: str) -> dt.date:
    return dt.date.fromisoformat(text)


@pytest.fixture
def client(add_client: Callable[..., model.Client]) -> model.Client:
    return add_client()


@pytest.mark.parametrize(
    ("write", "kwargs", "error", "field"),
    [
        ("record_step", {"trede": 0}, errors.InvalidValue, "trede"),
        ("record_step", {"trede": 7}, errors.InvalidValue, "trede"),
        (
            "record_step",
            {"trede": 3, "measured_on": TODAY + dt.timedelta(days=1)},
            errors.DateInFuture,
            "measured_on",
        ),
        ("add_barrier", {"kind": "taal", "severity": 0}, errors.InvalidValue, "severity"),
        ("add_barrier", {"kind": "taal", "severity": 5}, errors.InvalidValue, "severity"),
        ("add_barrier", {"kind": "heimwee", "severity": 2}, errors.InvalidValue, "kind"),
        (
            "add_barrier",
            {"kind": "taal", "severity": 2, "status": "weg"},
            errors.InvalidValue,
            "status",
        ),
        (
            "add_contact",
            {"kind": "kantoor", "contact_on": TODAY + dt.timedelta(days=1)},
            errors.DateInFuture,
            "contact_on",
        ),
        ("add_contact", {"kind": "kantoor", "minutes": -1}, errors.InvalidValue, "minutes"),
        ("add_contact", {"kind": "duif"}, errors.InvalidValue, "kind"),
        ("add_contact", {"kind": ""}, errors.MissingValue, "kind"),
        (
            "add_action",
            {
                "intervention": "taalcursus",
                "start_on": day("2026-04-01"),
                "due_on": day("2026-03-01"),
            },
            errors.InvalidValue,
            "due_on",
        ),
        ("add_action", {"intervention": "toveren"}, errors.InvalidValue, "intervention"),
    ],
)
def test_refused_entry_stores_nothing(
    db: Database,
    client: model.Client,
    counts: Counts,
    write: str,
    kwargs: dict[str, Any],
    error: type[errors.CaseloadError],
    field: str,
) -> None:
    before = counts()
    extra: dict[str, Any] = {} if write == "add_action" else {"today": TODAY}
    with pytest.raises(error) as raised:
        getattr(journal, write)(db, client.id, actor=ACTOR, **kwargs, **extra)
    assert raised.value.field == field
    assert counts() == before
    assert clients.get(db, client.id) == client


def test_writes_for_a_client_that_is_gone_are_refused(db: Database, counts: Counts) -> None:
    before = counts()
    with pytest.raises(errors.NotFound):
        journal.add_contact(db, 42, kind="kantoor", actor=ACTOR, today=TODAY)
    assert counts() == before


def test_contact_defaults_to_today_and_sets_last_contact(
    db: Database, client: model.Client
) -> None:
    contact = journal.add_contact(
        db,
        client.id,
        kind="telefonisch",
        minutes=10,
        summary="Afspraak verzet",
        actor=ACTOR,
        today=TODAY,
    ).value
    assert contact.contact_on == TODAY
    older = journal.add_contact(
        db, client.id, kind="kantoor", contact_on=day("2026-01-05"), actor=ACTOR, today=TODAY
    ).value
    assert clients.get(db, client.id).last_contact_on == TODAY
    journal.delete_contact(db, contact.id, actor=ACTOR)
    assert clients.get(db, client.id).last_contact_on == day("2026-01-05")
    journal.delete_contact(db, older.id, actor=ACTOR)
    assert clients.get(db, client.id).last_contact_on is None
    entry = audit.entries(db)[3]  # newest first: two deletes, then the older add
    assert entry.action == "contact.add"
    assert entry.object == f"client:{client.id}/contact:{contact.id}"
    assert "Afspraak" not in repr(audit.entries(db))


def test_current_trede_is_the_newest_measurement_by_date(
    db: Database, client: model.Client
) -> None:
    journal.record_step(
        db, client.id, trede=2, measured_on=day("2025-09-01"), actor=ACTOR, today=TODAY
    )
    newest = journal.record_step(
        db, client.id, trede=4, measured_on=day("2026-03-01"), actor=ACTOR, today=TODAY
    ).value
    journal.record_step(
        db, client.id, trede=3, measured_on=day("2025-12-01"), actor=ACTOR, today=TODAY
    )  # entered late, but older
    current = clients.get(db, client.id)
    assert (current.current_trede, current.current_trede_on) == (4, day("2026-03-01"))
    journal.delete_step(db, newest.id, actor=ACTOR)
    assert clients.get(db, client.id).current_trede == 3


def test_barrier_changes_are_kept_as_history(db: Database, client: model.Client) -> None:
    barrier = journal.add_barrier(
        db,
        client.id,
        kind="zorgtaken",
        severity=3,
        since=day("2025-10-01"),
        actor=ACTOR,
        today=TODAY,
    ).value
    assert clients.get(db, client.id).open_barriers == 1
    barrier = journal.update_barrier(
        db, dataclasses.replace(barrier, severity=2), on=day("2025-12-01"), actor=ACTOR, today=TODAY
    ).value
    barrier = journal.update_barrier(
        db,
        dataclasses.replace(barrier, status="in_aanpak"),
        on=day("2026-01-10"),
        actor=ACTOR,
        today=TODAY,
    ).value
    assert clients.get(db, client.id).open_barriers == 1
    solved = journal.update_barrier(
        db,
        dataclasses.replace(barrier, status="opgelost"),
        on=day("2026-02-20"),
        actor=ACTOR,
        today=TODAY,
    ).value
    assert solved.resolved_on == day("2026-02-20")
    assert clients.get(db, client.id).open_barriers == 0
    with pytest.raises(errors.DateInFuture):
        journal.update_barrier(
            db,
            dataclasses.replace(solved, status="open"),
            on=TODAY + dt.timedelta(days=1),
            actor=ACTOR,
            today=TODAY,
        )
    events = client_file.load(db, client.id).barrier_events
    assert [(e.happened_on.isoformat(), e.change, e.severity, e.status) for e in events] == [
        ("2025-10-01", "opened", 3, "open"),
        ("2025-12-01", "severity", 2, "open"),
        ("2026-01-10", "status", 2, "in_aanpak"),
        ("2026-02-20", "status", 2, "opgelost"),
    ]
    reopened = journal.update_barrier(
        db, dataclasses.replace(solved, status="open"), actor=ACTOR, today=TODAY
    ).value
    assert reopened.resolved_on is None
    assert clients.get(db, client.id).open_barriers == 1


def test_actions_count_while_open_and_give_the_next_due_date(
    db: Database, client: model.Client
) -> None:
    course = journal.add_action(
        db,
        client.id,
        intervention="taalcursus",
        goal="A2 spreken",
        start_on=day("2026-01-05"),
        due_on=day("2026-03-01"),
        status="lopend",
        actor=ACTOR,
    ).value
    journal.add_action(
        db, client.id, intervention="vrijwilligerswerk", due_on=day("2026-06-01"), actor=ACTOR
    )
    current = clients.get(db, client.id)
    assert (current.open_actions, current.next_due_on) == (2, day("2026-03-01"))
    assert course.is_overdue(TODAY)
    done = journal.update_action(
        db, dataclasses.replace(course, status="afgerond", result="Gehaald"), actor=ACTOR
    ).value
    assert (done.status, done.result) == ("afgerond", "Gehaald")
    assert not done.is_overdue(TODAY)
    current = clients.get(db, client.id)
    assert (current.open_actions, current.next_due_on) == (1, day("2026-06-01"))


def test_client_file_holds_everything_with_a_timeline_newest_first(
    db: Database, client: model.Client
) -> None:
    journal.record_step(
        db, client.id, trede=2, measured_on=day("2025-09-02"), actor=ACTOR, today=TODAY
    )
    journal.add_barrier(
        db, client.id, kind="taal", severity=2, since=day("2025-09-02"), actor=ACTOR, today=TODAY
    )
    journal.add_contact(
        db, client.id, kind="kantoor", contact_on=day("2025-09-02"), actor=ACTOR, today=TODAY
    )
    journal.add_action(
        db, client.id, intervention="taalcursus", start_on=day("2025-10-01"), actor=ACTOR
    )
    journal.add_contact(
        db, client.id, kind="video", contact_on=day("2026-02-01"), actor=ACTOR, today=TODAY
    )
    journal.add_action(db, client.id, intervention="jobcoach", actor=ACTOR)  # no start date
    file = client_file.load(db, client.id)
    assert file.client.id == client.id
    assert (len(file.ladder_steps), len(file.barriers), len(file.contacts), len(file.actions)) == (
        1,
        1,
        2,
        2,
    )
    assert [(entry.on.isoformat(), entry.kind) for entry in file.timeline] == [
        ("2026-02-01", "contact"),
        ("2025-10-01", "action"),
        ("2025-09-02", "contact"),
        ("2025-09-02", "ladder"),
        ("2025-09-02", "barrier"),
    ]
