"""Scoring rules as tables, comparing scans and roles, and properties that must always hold."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from quickscan import comparison, loader, scoring
from quickscan import questionnaire as model
from quickscan.errors import IncomparableResults

KM = "klantmanager"
MG = "manager"
BM = "beleidsmedewerker"

# Theme t1 of the small questionnaire: q1 with weight 1, q2 with weight 3.
# Scale 1–4 gives 0, 33.3, 66.7 and 100 points; None is "weet niet".
THEME_T1 = [
    # (answers, score, band, insufficient view)
    ({"q1": 4, "q2": 4}, 100.0, "hoog", False),
    ({"q1": 1, "q2": 1}, 0.0, "laag", False),
    ({"q1": 4, "q2": 1}, 25.0, "laag", False),
    ({"q1": 1, "q2": 4}, 75.0, "hoog", False),
    ({"q1": 2, "q2": 3}, 58.3, "midden", False),
    ({"q1": 3, "q2": 3}, 66.7, "midden", False),
    # One of two "weet niet" is half, not more than half: the other answer decides.
    ({"q1": 3, "q2": None}, 66.7, "midden", False),
    ({"q1": None, "q2": 2}, 33.3, "laag", False),
    # An unanswered question counts like "weet niet".
    ({"q2": 4}, 100.0, "hoog", False),
    ({"q1": None, "q2": None}, None, None, True),
    ({}, None, None, True),
]


@pytest.mark.parametrize(("answers", "score", "band", "insufficient"), THEME_T1)
def test_theme_score_table(
    mini: model.Questionnaire,
    answers: dict[str, int | None],
    score: float | None,
    band: str | None,
    insufficient: bool,
) -> None:
    result = scoring.score_theme(mini, KM, "t1", answers)
    assert (result.score, result.band, result.insufficient_view) == (score, band, insufficient)


# Theme t2 has three questions: two "weet niet" of three is more than half.
THEME_T2 = [
    ({"q3": 4, "q4": 4, "q5": 4}, 100.0, False),
    ({"q3": 4, "q4": 2, "q5": None}, 66.7, False),
    ({"q3": 4, "q4": None, "q5": None}, None, True),
    ({"q3": 4}, None, True),
    ({"q3": None, "q4": None, "q5": None}, None, True),
]


@pytest.mark.parametrize(("answers", "score", "insufficient"), THEME_T2)
def test_insufficient_view_when_more_than_half_is_weet_niet(
    mini: model.Questionnaire,
    answers: dict[str, int | None],
    score: float | None,
    insufficient: bool,
) -> None:
    result = scoring.score_theme(mini, KM, "t2", answers)
    assert (result.score, result.insufficient_view) == (score, insufficient)


@pytest.mark.parametrize(
    ("score", "band"),
    [(0, "laag"), (49.9, "laag"), (50, "midden"), (74.9, "midden"), (75, "hoog"), (100, "hoog")],
)
def test_band_boundaries(mini: model.Questionnaire, score: float, band: str) -> None:
    assert mini.band_for(score).id == band


@pytest.mark.parametrize(
    ("answers", "band", "first_action"),
    [
        ({"q1": 1, "q2": 1}, "laag", "Doe dit."),
        ({"q1": 3, "q2": 3}, "midden", "Doe dit."),
        ({"q1": 4, "q2": 4}, "hoog", "Doe dit."),
    ],
)
def test_advice_comes_from_the_table_for_theme_and_band(
    mini: model.Questionnaire, answers: dict[str, int | None], band: str, first_action: str
) -> None:
    advice = scoring.score_theme(mini, KM, "t1", answers).advice
    assert advice is not None
    assert (advice.theme, advice.band) == ("t1", band)
    assert advice.explanation.get("nl") == f"Uitleg t1 {band}."
    assert advice.actions[0].text.get("nl") == first_action


def test_a_theme_without_view_gets_the_general_advice(mini: model.Questionnaire) -> None:
    result = scoring.score_theme(mini, KM, "t1", {"q1": None, "q2": None})
    assert result.advice == mini.insufficient_view_advice


FULL_KM = {"q1": 4, "q2": 4, "q3": 1, "q4": 1, "q5": 2, "q6": 3, "q8": 2}


def test_overall_is_the_mean_of_the_theme_scores(mini: model.Questionnaire) -> None:
    result = scoring.score(mini, KM, FULL_KM)
    assert [t.score for t in result.themes] == [100.0, 11.1, 66.7, 33.3]
    assert result.overall == round((100 + 11.1 + 66.7 + 33.3) / 4, 1)
    assert result.overall_band == "midden"


def test_the_three_lowest_themes_are_the_priorities(mini: model.Questionnaire) -> None:
    result = scoring.score(mini, KM, FULL_KM)
    assert result.priorities == ("t2", "t4", "t3")


def test_themes_without_view_are_a_finding_not_a_priority(mini: model.Questionnaire) -> None:
    answers = dict(FULL_KM, q3=None, q4=None)
    result = scoring.score(mini, KM, answers)
    assert result.insufficient_view == ("t2",)
    assert result.priorities == ("t4", "t3", "t1")
    # The overall score leaves the theme without view out.
    assert result.overall == round((100 + 66.7 + 33.3) / 3, 1)


def test_equal_scores_keep_questionnaire_order(mini: model.Questionnaire) -> None:
    answers = {"q1": 2, "q2": 2, "q3": 2, "q4": 2, "q5": 2, "q6": 2, "q8": 2}
    assert scoring.score(mini, KM, answers).priorities == ("t1", "t2", "t3")


def test_all_weet_niet_gives_no_overall_score(mini: model.Questionnaire) -> None:
    result = scoring.score(mini, KM, {q.id: None for q in mini.questions_for(KM)})
    assert result.overall is None and result.overall_band is None
    assert result.priorities == ()
    assert result.insufficient_view == ("t1", "t2", "t3", "t4")


def test_each_role_is_scored_on_its_own_questions(mini: model.Questionnaire) -> None:
    # q6 is a klantmanager question: a manager's score of t3 rests on q7 alone.
    result = scoring.score(mini, MG, {"q6": 1, "q7": 4})
    t3 = result.theme("t3")
    assert t3 is not None and (t3.questions, t3.score) == (1, 100.0)


# Comparing ------------------------------------------------------------------------------------


def _sides(mini: model.Questionnaire, **answers: dict[str, int | None]) -> list[comparison.Side]:
    return [comparison.Side(key, mini, key if key in (KM, MG, BM) else KM, values)
            for key, values in answers.items()]  # fmt: skip


def test_compare_shows_the_change_per_theme_on_the_questions_answered_both_times(
    mini: model.Questionnaire,
) -> None:
    later = dict(FULL_KM, q3=4, q4=4, q5=4, q8=None)
    changes = {c.theme: c for c in comparison.compare(_sides(mini, before=FULL_KM, after=later))}
    assert changes["t1"].change == 0.0 and changes["t1"].count == 2
    assert changes["t2"].change == 88.9 and changes["t2"].count == 3
    # t4 has one question, now 'weet niet': nothing left to compare.
    assert (changes["t4"].count, changes["t4"].change) == (0, None)


def test_compare_roles_puts_the_largest_difference_first(mini: model.Questionnaire) -> None:
    manager = {"q1": 4, "q2": 4, "q3": 4, "q4": 4, "q5": 4, "q7": 2, "q8": 2}
    policy = {"q1": 2, "q2": 2, "q3": 3, "q4": 3, "q5": 3, "q7": None, "q8": 2}
    themes = comparison.compare(_sides(mini, **{KM: FULL_KM, MG: manager, BM: policy}))
    spreads = comparison.by_spread(themes)
    assert [s.theme for s in spreads] == ["t2", "t1", "t3", "t4"]
    assert [s.spread for s in spreads] == [88.9, 66.7, None, None]
    assert (spreads[0].highest, spreads[0].lowest) == (MG, KM)
    # t3 asks the klantmanager q6 and the others q7: no shared question, no comparison.
    assert spreads[2].count == 0 and dict(spreads[2].scores) == {KM: None, MG: None, BM: None}


def test_scans_of_different_questionnaires_cannot_be_compared(
    mini: model.Questionnaire, bundled: model.Questionnaire
) -> None:
    with pytest.raises(IncomparableResults, match="verschillende vragenlijsten"):
        comparison.compare(
            [comparison.Side("a", mini, KM, FULL_KM), comparison.Side("b", bundled, KM, {})]
        )


# Properties over the bundled questionnaire ----------------------------------------------------

BUNDLED = loader.load_bundled()


@st.composite
def scans(draw: st.DrawFn) -> tuple[str, dict[str, int | None]]:
    """A role and any set of answers, each on its question's own scale, to (some of) its questions."""
    role = draw(st.sampled_from([r.id for r in BUNDLED.roles]))
    ids = [q.id for q in BUNDLED.questions_for(role)]
    chosen = draw(st.lists(st.sampled_from(ids), unique=True))
    return role, {
        qid: draw(st.sampled_from([*BUNDLED.scale_values_for(qid), None])) for qid in chosen
    }


@given(scans())
def test_scores_always_lie_between_0_and_100_and_match_their_band(
    scan: tuple[str, dict[str, int | None]],
) -> None:
    role, answers = scan
    result = scoring.score(BUNDLED, role, answers)
    for theme in result.themes:
        assert (theme.score is None) == theme.insufficient_view
        if theme.score is not None:
            assert 0 <= theme.score <= 100
            assert theme.band == BUNDLED.band_for(theme.score).id
            assert theme.advice is not None and theme.advice.band == theme.band
    if result.overall is not None:
        assert 0 <= result.overall <= 100
    assert len(result.priorities) <= 3
    assert not set(result.priorities) & set(result.insufficient_view)


def _scores(result: scoring.ScanResult) -> tuple[object, ...]:
    themes = tuple((t.theme, t.score, t.band) for t in result.themes)
    return (result.overall, result.priorities, result.insufficient_view, themes)


@given(scans())
def test_weet_niet_never_changes_the_score_of_the_other_answers(
    scan: tuple[str, dict[str, int | None]],
) -> None:
    role, answers = scan
    with_unknown = dict(answers)
    for question in BUNDLED.questions_for(role):
        with_unknown.setdefault(question.id, None)
    without_unknown = {qid: value for qid, value in answers.items() if value is not None}
    # "Weet niet" and no answer are alike: neither counts in any score.
    expected = _scores(scoring.score(BUNDLED, role, answers))
    assert _scores(scoring.score(BUNDLED, role, with_unknown)) == expected
    assert _scores(scoring.score(BUNDLED, role, without_unknown)) == expected


@given(scans(), st.data())
def test_a_better_answer_never_lowers_its_theme_score(
    scan: tuple[str, dict[str, int | None]], data: st.DataObject
) -> None:
    role, answers = scan
    numeric = sorted(qid for qid, value in answers.items() if value is not None)
    if not numeric:
        return
    qid = data.draw(st.sampled_from(numeric))
    question = BUNDLED.question(qid)
    assert question is not None
    values = BUNDLED.scale_values_for(qid)
    # The best answer to a negatively worded item is its lowest value.
    raised = dict(answers, **{qid: values[0] if question.reversed else values[-1]})
    theme = BUNDLED.question(qid).theme  # type: ignore[union-attr]
    before = scoring.score(BUNDLED, role, answers).theme(theme)
    after = scoring.score(BUNDLED, role, raised).theme(theme)
    assert before is not None and after is not None
    if before.score is not None and after.score is not None:
        assert after.score >= before.score


def test_compare_answers_shows_the_shared_questions_that_differ_most(
    mini: model.Questionnaire,
) -> None:
    spreads = scoring.compare_answers(
        mini,
        {
            KM: {"q1": 1, "q2": 3, "q3": 2, "q6": 4, "q8": None},
            MG: {"q1": 4, "q2": 3, "q3": 1, "q7": 1, "q8": 2},
        },
    )
    # q6 and q7 are not asked of both roles, so they are not compared.
    assert [s.question for s in spreads] == ["q1", "q3", "q2", "q4", "q5", "q8"]
    assert [s.spread for s in spreads] == [3, 1, 0, None, None, None]
    assert dict(spreads[0].values) == {KM: 1, MG: 4}
