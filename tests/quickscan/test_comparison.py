"""Comparisons rest only on the questions both sides answered, and say how many that are."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from quickscan import comparison, loader, scoring
from quickscan import questionnaire as model
from quickscan.errors import IncomparableResults

KM, MG = "klantmanager", "manager"
FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"


def _lowest(q: model.Questionnaire, qid: str) -> int:
    """The answer that scores 0 on this question (the highest value on a reversed one)."""
    values = q.scale_values_for(qid)
    question = q.question(qid)
    assert question is not None
    return values[-1] if question.reversed else values[0]


def _highest(q: model.Questionnaire, qid: str) -> int:
    values = q.scale_values_for(qid)
    question = q.question(qid)
    assert question is not None
    return values[0] if question.reversed else values[-1]


@pytest.fixture
def issue_case(bundled: model.Questionnaire) -> tuple[comparison.Side, comparison.Side]:
    """The case of the review: in 'belemmeringen' the klantmanager answered five questions and
    the manager four, only two of them the same (the third shared one is 'weet niet')."""
    km_theme = [q.id for q in bundled.questions_for(KM, "belemmeringen")]
    mg_theme = [q.id for q in bundled.questions_for(MG, "belemmeringen")]
    assert len(km_theme) == 5
    shared = [qid for qid in km_theme if qid in mg_theme]
    km = {qid: _lowest(bundled, qid) for qid in shared}
    km |= {qid: _highest(bundled, qid) for qid in km_theme if qid not in shared}
    mg: dict[str, int | None] = {qid: _highest(bundled, qid) for qid in mg_theme}
    mg[shared[1]] = None  # weet niet: so only two questions are answered by both
    assert len([v for v in mg.values() if v is not None]) == 4
    # Each role also answers one shared question of 'visie', so that theme has too few.
    km[bundled.questions_for(KM, "visie")[0].id] = 4
    mg[bundled.questions_for(MG, "visie")[0].id] = 1
    return (
        comparison.Side(KM, bundled, KM, km),
        comparison.Side(MG, bundled, MG, mg),
    )


def test_roles_are_compared_on_the_questions_both_answered(
    bundled: model.Questionnaire, issue_case: tuple[comparison.Side, comparison.Side]
) -> None:
    km, mg = issue_case
    # The old way compared theme scores built from different questions.
    old_km = scoring.score(bundled, KM, km.answers).theme("belemmeringen")
    old_mg = scoring.score(bundled, MG, mg.answers).theme("belemmeringen")
    assert old_km is not None and old_mg is not None
    assert old_km.score != 0 and old_mg.score == 100
    themes = {t.theme: t for t in comparison.compare([km, mg])}
    barriers = themes["belemmeringen"]
    assert barriers.count == 2 and barriers.enough
    assert (barriers.score(KM), barriers.score(MG)) == (0, 100)
    assert barriers.spread == 100 and (barriers.highest, barriers.lowest) == (MG, KM)


def test_a_theme_with_too_few_shared_questions_gets_no_score(
    issue_case: tuple[comparison.Side, comparison.Side],
) -> None:
    themes = {t.theme: t for t in comparison.compare(list(issue_case))}
    vision = themes["visie"]
    assert vision.count == 1 and not vision.enough
    assert vision.scores == ((KM, None), (MG, None))
    assert vision.spread is None and vision.change is None
    assert themes["sturing"].count == 0
    ordered = comparison.by_spread(tuple(themes.values()))
    assert ordered[0].theme == "belemmeringen" and ordered[-1].spread is None


def test_weet_niet_on_one_side_takes_the_question_out_for_both(
    bundled: model.Questionnaire,
) -> None:
    ids = [q.id for q in bundled.questions_for(KM, "maatwerk") if KM in q.roles]
    before = {qid: _lowest(bundled, qid) for qid in ids}
    after: dict[str, int | None] = {qid: _highest(bundled, qid) for qid in ids}
    after[ids[0]] = None
    result = comparison.compare(
        [
            comparison.Side("before", bundled, KM, before),
            comparison.Side("after", bundled, KM, after),
        ]
    )
    theme = next(t for t in result if t.theme == "maatwerk")
    assert theme.count == len(ids) - 1 and ids[0] not in theme.shared
    assert theme.change == 100


def test_scans_of_two_versions_share_only_questions_worded_the_same(
    bundled: model.Questionnaire,
) -> None:
    old = loader.load(FIXTURES / "quickscan-diversiteit-1.0.json")
    old_answers = {q.id: 3 for q in old.questions_for(KM)}
    new_answers = {q.id: bundled.value_at(q.id, 1) for q in bundled.questions_for(KM)}
    result = comparison.compare(
        [
            comparison.Side("before", old, KM, old_answers),
            comparison.Side("after", bundled, KM, new_answers),
        ]
    )
    shared = {qid for theme in result for qid in theme.shared}
    for qid in shared:
        before, after = old.question(qid), bundled.question(qid)
        assert before is not None and after is not None and before.text == after.text
    # 2.0 rewrote the wording, so hardly anything is the same question any more.
    assert len(shared) < 10


def test_scans_of_different_questionnaires_are_not_compared(bundled: model.Questionnaire) -> None:
    other = dataclasses.replace(bundled, id="gemeente-eigen")
    with pytest.raises(IncomparableResults):
        comparison.compare(
            [
                comparison.Side("a", bundled, KM, {}),
                comparison.Side("b", other, KM, {}),
            ]
        )
    with pytest.raises(IncomparableResults):
        comparison.compare([comparison.Side("a", bundled, KM, {})])
