"""The participatieladder: definitions, the guided questions and movement."""

from __future__ import annotations

import datetime as dt
from dataclasses import fields

import pytest

from caseload import ladder, model

A = ladder.LadderAnswers


#: Situations from practice, the trede the official ladder gives them, and why.
LADDER_CASES = [
    # trede 6: paid work without support; education beside it does not lower the trede
    ("full-time job", A(paid_work=True), 6, "paid work, no support"),
    (
        "full-time job and a self-paid evening hbo course",
        A(paid_work=True),
        6,
        "education above startkwalificatie beside a job does not lower the trede",
    ),
    ("self-employed, no benefit", A(paid_work=True), 6, "own business counts as paid work"),
    (
        "part-time job that also volunteers on Saturdays",
        A(paid_work=True, unpaid_work_weekly=True, unpaid_work_in_person=True),
        6,
        "the highest rung met counts",
    ),
    # trede 5: paid work with support, paid internship, work beside inburgering or basic school
    (
        "part-time job with a supplementary benefit",
        A(paid_work=True, paid_work_with_support=True),
        5,
        "a supplementary benefit is support",
    ),
    (
        "job with wage subsidy and a job coach",
        A(paid_work=True, paid_work_with_support=True),
        5,
        "loonkostensubsidie and a job coach are support instruments",
    ),
    ("sheltered work", A(paid_work=True, paid_work_with_support=True), 5, "beschut werk"),
    (
        "paid internship with an allowance",
        A(paid_internship=True),
        5,
        "a paid internship with stagevergoeding is trede 5, not 6",
    ),
    (
        "paid internship and a weekly language course",
        A(paid_internship=True, organised_activity_weekly=True),
        5,
        "the internship is the highest rung met",
    ),
    (
        "part-time job next to inburgering classes",
        A(paid_work=True, paid_work_with_basic_education=True, organised_activity_weekly=True),
        5,
        "work combined with inburgering",
    ),
    (
        "BBL job at mbo level 2, no diploma yet",
        A(paid_work=True, paid_work_with_basic_education=True),
        5,
        "work with education below startkwalificatie",
    ),
    # trede 4: unpaid work with responsibility, weekly and in person
    (
        "weekly volunteer at the food bank",
        A(unpaid_work_weekly=True, unpaid_work_in_person=True),
        4,
        "unpaid work, weekly, in person",
    ),
    (
        "unpaid internship plus language course",
        A(
            unpaid_work_weekly=True,
            unpaid_work_in_person=True,
            organised_activity_weekly=True,
            social_contact_weekly=True,
        ),
        4,
        "the highest rung met counts",
    ),
    (
        "werkervaringsplaats four days a week",
        A(unpaid_work_weekly=True, unpaid_work_in_person=True),
        4,
        "a work-experience place is unpaid work",
    ),
    (
        "volunteers online from home every week and sees friends",
        A(unpaid_work_weekly=True, social_contact_weekly=True),
        2,
        "online volunteering from home is not trede 4",
    ),
    (
        "volunteers online from home every week, nothing else",
        A(unpaid_work_weekly=True),
        2,
        "online volunteering from home counts as social contact: trede 2",
    ),
    (
        "'in person' ticked without weekly unpaid work",
        A(unpaid_work_in_person=True, organised_activity_weekly=True),
        3,
        "a follow-up question alone counts for nothing",
    ),
    (
        "support ticked but no paid work",
        A(paid_work_with_support=True, unpaid_work_weekly=True, unpaid_work_in_person=True),
        4,
        "support only matters with paid work",
    ),
    # trede 3: organised activity, weekly, no responsibility towards others
    ("weekly language course", A(organised_activity_weekly=True), 3, "organised, weekly"),
    (
        "inburgering classes and friends",
        A(organised_activity_weekly=True, social_contact_weekly=True),
        3,
        "the highest rung met counts",
    ),
    (
        "education beside no job is not trede 5",
        A(paid_work_with_basic_education=True, organised_activity_weekly=True),
        3,
        "education counts for trede 5 only beside paid work",
    ),
    # trede 2: in-person contact outside the home, weekly, not organised
    (
        "sees family outside the home every week",
        A(social_contact_weekly=True),
        2,
        "contact outside the home, in person",
    ),
    (
        "goes to the mosque or church with neighbours weekly",
        A(social_contact_weekly=True),
        2,
        "contact outside the home that nobody organises for the client",
    ),
    # trede 1: isolated; phone and video calls from home do not count
    ("hardly leaves the house", A(), 1, "no weekly contact outside the home"),
    (
        "daily video calls with family abroad, from home",
        A(),
        1,
        "phone and video calls from home are not contact outside the home",
    ),
    (
        "only 'with support' ticked, nothing else",
        A(paid_work_with_support=True),
        1,
        "a follow-up question alone counts for nothing",
    ),
]


@pytest.mark.parametrize(
    ("situation", "answers", "expected", "reasoning"),
    LADDER_CASES,
    ids=[case[0] for case in LADDER_CASES],
)
def test_guided_questions_place_the_client_as_the_official_ladder(
    situation: str, answers: ladder.LadderAnswers, expected: int, reasoning: str
) -> None:
    trede, reason = ladder.placement(answers)
    assert trede == expected, f"{situation}: {reasoning}"
    assert ladder.suggest(answers) == expected
    assert reason.strip(), "the form shows why"


def test_the_table_covers_enough_situations_and_every_trede() -> None:
    assert len(LADDER_CASES) >= 25
    assert {case[2] for case in LADDER_CASES} == {1, 2, 3, 4, 5, 6}


@pytest.mark.parametrize(
    ("current", "growth", "expected"),
    [
        (1, ladder.GrowthAnswers(), 1),
        (1, ladder.GrowthAnswers(social_contact=True, organised_activity=True), 3),
        (2, ladder.GrowthAnswers(unpaid_work=True), 4),
        (3, ladder.GrowthAnswers(paid_work_with_support=True), 5),
        (4, ladder.GrowthAnswers(paid_work_without_support=True), 6),
        (5, ladder.GrowthAnswers(social_contact=True), 5),  # never below where the client is
    ],
)
def test_growth_potential_is_the_highest_rung_within_reach(
    current: int, growth: ladder.GrowthAnswers, expected: int
) -> None:
    assert ladder.suggest_growth(current, growth) == expected


def test_every_growth_answer_has_a_question() -> None:
    names = [f.name for f in fields(ladder.GrowthAnswers)]
    assert [q.field for q in ladder.GROWTH_QUESTIONS] == names


def test_follow_up_questions_come_after_their_lead() -> None:
    order = [q.field for q in ladder.QUESTIONS]
    for question in ladder.QUESTIONS:
        if question.depends_on:
            assert order.index(question.depends_on) < order.index(question.field)


def test_six_treden_with_name_and_definition_in_order() -> None:
    assert [t.number for t in ladder.TREDEN] == [1, 2, 3, 4, 5, 6]
    assert ladder.trede(1).name == "Geïsoleerd"
    assert ladder.trede(6).name == "Betaald werk"
    assert ladder.trede(3).title() == "3. Deelname aan georganiseerde activiteiten"
    assert all(len(t.explanation()) > 40 for t in ladder.TREDEN)
    assert all(t.explanation_to_client().startswith("U ") for t in ladder.TREDEN)
    with pytest.raises(ValueError):
        ladder.trede(7)


def test_every_answer_has_a_question() -> None:
    assert [q.field for q in ladder.QUESTIONS] == [f.name for f in fields(ladder.LadderAnswers)]


@pytest.mark.parametrize(
    ("before", "after", "expected"),
    [(2, 3, ladder.Movement.ROSE), (3, 3, ladder.Movement.STAYED), (5, 1, ladder.Movement.FELL)],
)
def test_movement(before: int, after: int, expected: ladder.Movement) -> None:
    assert ladder.movement(before, after) is expected


def _step(ident: int, day: str, trede: int) -> model.LadderStep:
    return model.LadderStep(
        id=ident, client_id=1, measured_on=dt.date.fromisoformat(day), trede=trede
    )


def test_movement_between_two_dates_uses_the_measurement_that_held_then() -> None:
    steps = [
        _step(1, "2025-01-10", 2),
        _step(2, "2025-06-01", 3),
        _step(3, "2025-06-01", 4),
        _step(4, "2025-12-01", 3),
    ]
    assert ladder.trede_on(steps, dt.date(2025, 1, 9)) is None
    assert ladder.trede_on(steps, dt.date(2025, 6, 1)) == 4  # the later entry of that day
    start, end = dt.date(2025, 3, 1), dt.date(2025, 9, 1)
    assert ladder.movement_between(steps, start, end) is ladder.Movement.ROSE
    assert ladder.movement_between(steps, dt.date(2025, 7, 1), dt.date(2026, 1, 1)) is (
        ladder.Movement.FELL
    )
    assert ladder.movement_between(steps, dt.date(2024, 1, 1), end) is None
    assert ladder.Movement.STAYED.text() == "Gelijk gebleven"
