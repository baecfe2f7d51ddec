"""Closing a file for real: open items handled as chosen, outflow to work with its follow-up,
every closing and reopening kept; bad input refused with a clear message and nothing changed."""

from __future__ import annotations

import datetime as dt

import pytest

from caseload import client_file, clients, closing, errors, journal

from .conftest import ACTOR, TODAY

JOB = closing.OutflowDetails(
    start_on=dt.date(2026, 3, 1), employer_sector="Q", hours_per_week="24,5", contract_type="vast"
)


def _tables(db) -> dict[str, list[tuple]]:
    return {
        table: [tuple(row) for row in db.execute(f"SELECT * FROM {table} ORDER BY id")]
        for table in (
            "clients",
            "barriers",
            "barrier_events",
            "actions",
            "outflows",
            "followups",
            "closings",
            "audit_log",
        )
    }


@pytest.fixture
def busy(db, add_client):
    """A client with an open barrier and an open action."""
    client = add_client()
    journal.add_barrier(
        db, client.id, kind="taal", severity=3, since=dt.date(2026, 1, 5), actor=ACTOR, today=TODAY
    )
    journal.add_action(
        db, client.id, intervention="taalcursus", start_on=dt.date(2026, 1, 5), actor=ACTOR
    )
    return client


def test_outflow_to_work_is_recorded_with_a_follow_up_six_months_after_the_start(
    db, busy, summaries_hold
) -> None:
    closed = clients.close(
        db, busy.id, on=TODAY, reason="uitstroom_werk", actor=ACTOR, today=TODAY, outflow=JOB
    ).value
    assert (closed.status, closed.closed_on) == ("closed", TODAY)
    outflow = db.execute(
        "SELECT closed_on, start_on, employer_sector, hours_per_week, contract_type FROM outflows"
    ).fetchall()
    assert [tuple(row) for row in outflow] == [("2026-03-16", "2026-03-01", "Q", 24.5, "vast")]
    followups = db.execute("SELECT client_id, due_on, answered_on FROM followups").fetchall()
    assert [tuple(row) for row in followups] == [(busy.id, "2026-09-01", None)]
    assert (closed.open_barriers, closed.open_actions) == (1, 1), "kept as open by default"
    file = client_file.load(db, busy.id)
    assert file.timeline[0].kind == "closing"
    assert file.timeline[0].item.outflow.employer_sector == "Q"
    assert summaries_hold(db)


def test_closing_everything_solves_the_barriers_and_stops_the_actions(
    db, busy, summaries_hold
) -> None:
    closed = clients.close(
        db, busy.id, on=TODAY, reason="verhuisd", actor=ACTOR, today=TODAY, close_open_items=True
    ).value
    assert (closed.open_barriers, closed.open_actions) == (0, 0)
    file = client_file.load(db, busy.id)
    assert [b.status for b in file.barriers] == ["opgelost"]
    assert file.barriers[0].resolved_on == TODAY
    assert [a.status for a in file.actions] == ["gestopt"]
    assert file.barrier_events[-1].change == "closed"
    assert db["outflows"].count == 0 and db["followups"].count == 0
    assert summaries_hold(db)


@pytest.mark.parametrize(
    ("hours", "message"),
    [
        ("-3", "Uren per week klopt niet: kies meer dan 0 en hoogstens 60 uur per week."),
        ("abc", "Uren per week klopt niet: vul een aantal uren in, bijvoorbeeld 32 of 24,5."),
        ("0", "Uren per week klopt niet: kies meer dan 0 en hoogstens 60 uur per week."),
        ("61", "Uren per week klopt niet: kies meer dan 0 en hoogstens 60 uur per week."),
        ("", "Vul uren per week in."),
        (float("nan"), "Uren per week klopt niet: kies meer dan 0 en hoogstens 60 uur per week."),
    ],
)
def test_bad_hours_are_refused_and_nothing_changes(db, busy, hours, message) -> None:
    before = _tables(db)
    job = closing.OutflowDetails(JOB.start_on, "Q", hours, "vast")
    with pytest.raises(errors.CaseloadError) as refused:
        clients.close(
            db,
            busy.id,
            on=TODAY,
            reason="uitstroom_werk",
            actor=ACTOR,
            today=TODAY,
            close_open_items=True,
            outflow=job,
        )
    assert refused.value.message == message
    assert refused.value.field == "hours_per_week"
    assert _tables(db) == before


@pytest.mark.parametrize(
    ("job", "field"),
    [
        (closing.OutflowDetails(JOB.start_on, None, "32", "vast"), "employer_sector"),
        (closing.OutflowDetails(JOB.start_on, "ZZ", "32", "vast"), "employer_sector"),
        (closing.OutflowDetails(JOB.start_on, "Q", "32", None), "contract_type"),
        (closing.OutflowDetails(None, "Q", "32", "vast"), "work_start_on"),
        (closing.OutflowDetails(dt.date(2025, 1, 1), "Q", "32", "vast"), "work_start_on"),
        (closing.OutflowDetails(dt.date(2027, 6, 1), "Q", "32", "vast"), "work_start_on"),
    ],
)
def test_missing_or_wrong_outflow_details_are_refused(db, busy, job, field) -> None:
    before = _tables(db)
    with pytest.raises(errors.CaseloadError) as refused:
        clients.close(
            db, busy.id, on=TODAY, reason="uitstroom_werk", actor=ACTOR, today=TODAY, outflow=job
        )
    assert refused.value.field == field
    assert _tables(db) == before


def test_a_closing_date_before_the_start_of_guidance_is_refused(db, busy) -> None:
    before = _tables(db)
    with pytest.raises(errors.InvalidValue) as refused:
        clients.close(
            db,
            busy.id,
            on=dt.date(2025, 8, 31),
            reason="verhuisd",
            actor=ACTOR,
            today=TODAY,
            close_open_items=True,
        )
    assert "vóór de start van de begeleiding" in refused.value.message
    assert _tables(db) == before


def test_reopening_keeps_the_outflow_history(db, busy) -> None:
    clients.close(
        db, busy.id, on=TODAY, reason="uitstroom_werk", actor=ACTOR, today=TODAY, outflow=JOB
    )
    later = TODAY + dt.timedelta(days=20)
    reopened = clients.reopen(db, busy.id, actor=ACTOR, today=later).value
    assert (reopened.status, reopened.closed_on, reopened.closing_reason) == ("active", None, None)
    assert db["outflows"].count == 1 and db["followups"].count == 1
    file = client_file.load(db, busy.id)
    assert [entry.kind for entry in file.timeline[:2]] == ["reopening", "closing"]
    assert file.timeline[0].on == later
    # Closed again: both closings stay.
    clients.close(db, busy.id, on=later, reason="verhuisd", actor=ACTOR, today=later)
    assert len(client_file.load(db, busy.id).closings) == 2
    with pytest.raises(errors.InvalidValue):
        clients.close(db, busy.id, on=later, reason="verhuisd", actor=ACTOR, today=later)


def test_reopening_an_open_file_is_refused(db, busy) -> None:
    with pytest.raises(errors.InvalidValue):
        clients.reopen(db, busy.id, actor=ACTOR, today=TODAY)


def test_six_months_later_is_the_same_day_or_the_month_end() -> None:
    assert closing.add_months(dt.date(2026, 3, 1), 6) == dt.date(2026, 9, 1)
    assert closing.add_months(dt.date(2026, 8, 31), 6) == dt.date(2027, 2, 28)
    assert closing.add_months(dt.date(2027, 8, 31), 6) == dt.date(2028, 2, 29)


def test_files_closed_before_the_history_get_their_closing(db) -> None:
    from caseload import demo

    made = demo.fill(db, 40, seed=3, today=TODAY).value
    closed = db.execute("SELECT count(*) FROM clients WHERE status = 'closed'").fetchone()[0]
    assert made.clients == 40 and closed > 0
    assert db["closings"].count == closed


def test_an_older_caller_without_details_still_records_the_outflow(db, busy) -> None:
    clients.close(db, busy.id, on=TODAY, reason="uitstroom_werk", actor=ACTOR, today=TODAY)
    outflow = db.execute(
        "SELECT start_on, employer_sector, hours_per_week FROM outflows"
    ).fetchall()
    assert [tuple(row) for row in outflow] == [(None, None, None)]
    assert db.execute("SELECT due_on FROM followups").fetchone()[0] == "2026-09-16"
