"""The bundled questionnaire (format 2): exact public sources, a balanced instrument, plain Dutch."""

from __future__ import annotations

import copy
import json
import re
from pathlib import Path
from typing import Any

import pytest

from quickscan import loader, scoring
from quickscan import questionnaire as model
from quickscan.errors import QuestionnaireError
from resources import plain_language

KM, BM, MG = "klantmanager", "beleidsmedewerker", "manager"
FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"


def _actions(questionnaire: model.Questionnaire) -> list[model.Action]:
    general = questionnaire.insufficient_view_advice
    found = [action for advice in questionnaire.advice for action in advice.actions]
    return found + (list(general.actions) if general else [])


def _sourced(questionnaire: model.Questionnaire) -> list[model.Question | model.Action]:
    return [*questionnaire.questions, *_actions(questionnaire)]


# Sources --------------------------------------------------------------------------------------


def test_every_question_and_action_cites_a_document_with_year_and_section(
    bundled: model.Questionnaire,
) -> None:
    assert bundled.format == model.FORMAT
    for item in _sourced(bundled):
        assert item.citations, item
        for citation in item.citations:
            assert citation.document.strip() and citation.section.strip(), item
            assert 2000 <= citation.year <= 2026, citation
            assert f"{citation.year}" in citation.text() and citation.document in citation.text()


def test_no_source_is_cited_with_a_wrong_year_or_a_wrong_name(bundled: model.Questionnaire) -> None:
    text = loader.BUNDLED.read_text(encoding="utf-8")
    assert "SZW, 2024" not in text  # the pilot results were published in 2021
    assert "Objectieve werving" not in text
    for item in _sourced(bundled):
        for citation in item.citations:
            if citation.section.startswith("pilot 3"):
                assert "Nudging in Werving en Selectie" in citation.section
            if "pilot" in citation.section:
                assert citation.year == 2021 and "2021" in citation.document


PILOT_8_SAYS = ("overdracht", "taal", "vooroorde", "discriminatie", "beeld", "werkverkenner")


def test_pilot_8_is_cited_only_for_what_its_preliminary_study_names(
    bundled: model.Questionnaire,
) -> None:
    for item in _sourced(bundled):
        if any(c.section.startswith("pilot 8") for c in item.citations):
            text = item.text.get("nl").lower()
            assert any(word in text for word in PILOT_8_SAYS), text


def test_own_synthesis_is_marked_and_still_names_its_sources(bundled: model.Questionnaire) -> None:
    own = [item for item in _sourced(bundled) if item.synthesis]
    assert own, "some conclusions are Trede's own and say so"
    assert all(item.citations for item in own)


@pytest.mark.parametrize(
    ("lesson", "words"),
    [
        ("search period", "zoekperiode"),
        ("different types of provisions", "soort voorzieningen"),
        ("easiest clients first", "makkelijkst"),
        ("informal networks into work", "netwerk"),
    ],
)
def test_the_four_missing_lessons_are_asked_or_advised(
    bundled: model.Questionnaire, lesson: str, words: str
) -> None:
    texts = [item.text.get("nl") for item in _sourced(bundled)]
    assert any(words in text for text in texts), lesson


def _v2() -> dict[str, Any]:
    return copy.deepcopy(json.loads(loader.BUNDLED.read_text(encoding="utf-8")))


@pytest.mark.parametrize(
    ("change", "field", "reason"),
    [
        (lambda d: d["sources"][0].pop("year"), "sources[0].year", "ontbreekt"),
        (lambda d: d["sources"][0].update(year="2021"), "sources[0].year", "verwacht een getal"),
        (lambda d: d["sources"][0].update(year=21), "sources[0].year", "jaar van het document"),
        (lambda d: d["sources"][0].pop("document"), "sources[0].document", "ontbreekt"),
        (lambda d: d["sources"][0].update(document=" "), "sources[0].document", "leeg"),
        (
            lambda d: d["questions"][0]["sources"][0].update(source="pilot-7"),
            "questions[0].sources[0].source",
            "bron pilot-7 staat niet in sources",
        ),
        (
            lambda d: d["questions"][0]["sources"][0].pop("section"),
            "questions[0].sources[0].section",
            "ontbreekt",
        ),
        (lambda d: d["questions"][0].update(sources=[]), "questions[0].sources", "minstens 1"),
        (
            lambda d: d["questions"][0].update(source="VIA pilot 7 (SZW, 2024)"),
            "questions[0].source",
            "onbekend",
        ),
        (
            lambda d: d["advice"][0]["actions"][0].pop("roles"),
            "advice[0].actions[0].roles",
            "ontbreekt",
        ),
        (lambda d: d["questions"][0].update(scale="schaal"), "questions[0].scale", "bestaat niet"),
        (lambda d: d["questions"][0].update(reversed="ja"), "questions[0].reversed", "waar/onwaar"),
        (lambda d: d["scales"][0].update(kind="smiley"), "scales[0].kind", "kies uit"),
    ],
)
def test_a_source_without_document_and_year_is_refused(
    change: Any, field: str, reason: str
) -> None:
    data = _v2()
    change(data)
    with pytest.raises(QuestionnaireError) as caught:
        loader.loads(json.dumps(data), "gemeente.json")
    assert caught.value.field == field
    assert reason in caught.value.reason


# The instrument -------------------------------------------------------------------------------


def test_items_are_balanced_and_each_role_gets_negatively_worded_ones(
    bundled: model.Questionnaire,
) -> None:
    reversed_items = [q for q in bundled.questions if q.reversed]
    assert 6 <= len(reversed_items) <= len(bundled.questions) // 2
    for role in (KM, BM, MG):
        assert any(q.reversed for q in bundled.questions_for(role)), role


def test_a_reversed_item_scores_its_strongest_agreement_as_zero(
    bundled: model.Questionnaire,
) -> None:
    item = next(q for q in bundled.questions if q.reversed)
    values = bundled.scale_values_for(item.id)
    assert scoring.answer_points(bundled, values[-1], item.id) == 0
    assert scoring.answer_points(bundled, values[0], item.id) == 100
    plain = next(q for q in bundled.questions if not q.reversed and q.scale == item.scale)
    assert scoring.answer_points(bundled, values[-1], plain.id) == 100


def test_each_item_type_has_its_own_scale(bundled: model.Questionnaire) -> None:
    kinds = {scale.id: scale.kind for scale in bundled.scales}
    assert sorted(kinds.values()) == ["agreement", "frequency", "yes_no"]
    used = {kinds[q.scale] for q in bundled.questions}
    assert used == {"agreement", "frequency", "yes_no"}
    yes_no = next(s for s in bundled.scales if s.kind == "yes_no")
    assert [o.label.get("nl") for o in yes_no.options] == ["Nee", "Ja", "Weet niet"]
    # A frequency scale does not mix in extent, and an agreement scale does not mix in frequency.
    labels = {s.kind: " ".join(o.label.get("nl") for o in s.options) for s in bundled.scales}
    assert "eens" not in labels["frequency"] and "vaak" not in labels["agreement"].lower()


def test_items_say_whose_practice_is_rated(bundled: model.Questionnaire) -> None:
    for question in bundled.questions:
        text = question.text.get("nl")
        if question.roles == (KM,):
            # Only a klantmanager answers it: about their own work ("ik", "mijn").
            assert re.match(r"^(Ik|Mijn|Als|Bij klanten)\b", text), question.id
            assert re.search(r"\b(ik|Ik|mijn|Mijn)\b", text), question.id
        else:
            # Asked of several roles: about the team or municipality, said so in the item.
            assert re.search(r"\b(ons|onze|Ons|Onze|we|We|Bij ons|bij ons)\b", text), question.id
        assert not text.startswith("Klantmanagers "), question.id


FORBIDDEN = (
    "andere culturen",
    "openstaan voor klanten met een migratieachtergrond",
    "allochto",
    "westers",
    "deze mensen",
)


def test_no_wording_invites_matching_on_origin_or_othering(bundled: model.Questionnaire) -> None:
    texts = [q.text.get("nl").lower() for q in bundled.questions]
    texts += [a.text.get("nl").lower() for a in _actions(bundled)]
    texts += [t.explanation.get("nl").lower() for t in bundled.themes]
    for text in texts:
        for words in FORBIDDEN:
            assert words not in text, text


def test_every_action_names_the_roles_it_is_for(bundled: model.Questionnaire) -> None:
    for action in _actions(bundled):
        assert action.roles and set(action.roles) <= {KM, BM, MG}, action
    # Every role has its own actions in most themes' advice, not only colleagues' actions.
    for role in (KM, BM, MG):
        own = [a for a in bundled.advice if bundled.actions_for(a, role)[0]]
        assert len(own) >= len(bundled.advice) // 2, role


# Versions -------------------------------------------------------------------------------------


def test_the_new_version_says_what_changed_and_the_old_one_still_loads(
    bundled: model.Questionnaire,
) -> None:
    old = loader.load(FIXTURES / "quickscan-diversiteit-1.0.json")
    assert (old.id, old.version, old.format) == (bundled.id, "1.0", model.FORMAT_1)
    assert bundled.version == "2.0" and bundled.changes is not None
    assert "2.0" in bundled.changes.get("nl") and "2.0" in bundled.changes.get("en")
    # Format 1 has one scale and no roles on actions: every action is for every role.
    assert [s.id for s in old.scales] == [model.DEFAULT_SCALE]
    assert all(a.is_for(MG) for a in _actions(old))


# Plain language -------------------------------------------------------------------------------


@pytest.mark.parametrize("language", ["nl", "en"])
def test_questions_and_advice_average_at_most_15_words_a_sentence(
    bundled: model.Questionnaire, language: str
) -> None:
    questions = [q.text.get(language) for q in bundled.questions]
    advice = [a.explanation.get(language) for a in bundled.advice]
    advice += [a.text.get(language) for a in _actions(bundled)]
    limit = plain_language.MAX_AVERAGE_WORDS
    assert plain_language.average_sentence_length(questions) <= limit
    assert plain_language.average_sentence_length(advice) <= limit


def test_the_sentence_measure_counts_words_per_sentence() -> None:
    assert plain_language.sentences("Een. Twee woorden? Ja: drie hier!") == [
        "Een.",
        "Twee woorden?",
        "Ja:",
        "drie hier!",
    ]
    assert plain_language.average_sentence_length(["Een twee drie. Vier vijf."]) == 2.5
    assert plain_language.average_sentence_length([]) == 0.0
