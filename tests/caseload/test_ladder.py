"""The participatieladder: definitions, the guided questions and movement."""

from __future__ import annotations

import datetime as dt
from dataclasses import fields

import pytest

from caseload import ladder, model

A = ladder.LadderAnswers


@pytest.mark.parametrize(
    ("situation", "answers", "expected"),
    [
        ("paid job, no support", A(paid_work=True), 6),
        ("self-employed, also volunteers", A(paid_work=True, unpaid_work_weekly=True), 6),
        (
            "paid job with wage subsidy or job coach",
            A(paid_work=True, paid_work_with_support=True),
            5,
        ),
        (
            "part-time job next to inburgering classes",
            A(paid_work=True, paid_work_with_support=True, organised_activity_weekly=True),
            5,
        ),
        ("volunteer work weekly", A(unpaid_work_weekly=True), 4),
        (
            "unpaid internship plus language course",
            A(unpaid_work_weekly=True, organised_activity_weekly=True, social_contact_weekly=True),
            4,
        ),
        (
            "support answered yes but no paid work: support does not count",
            A(paid_work_with_support=True, unpaid_work_weekly=True),
            4,
        ),
        ("weekly language course", A(organised_activity_weekly=True), 3),
        (
            "inburgering classes and friends",
            A(organised_activity_weekly=True, social_contact_weekly=True),
            3,
        ),
        (
            "support without work, only a club",
            A(paid_work_with_support=True, organised_activity_weekly=True),
            3,
        ),
        ("sees family every week, nothing organised", A(social_contact_weekly=True), 2),
        (
            "support without work, social contact",
            A(paid_work_with_support=True, social_contact_weekly=True),
            2,
        ),
        ("hardly leaves the house", A(), 1),
        ("only 'with support' ticked, nothing else", A(paid_work_with_support=True), 1),
    ],
)
def test_guided_questions_suggest_the_trede_of_the_rules(
    situation: str, answers: ladder.LadderAnswers, expected: int
) -> None:
    assert ladder.suggest(answers) == expected, situation


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
