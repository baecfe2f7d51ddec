"""The questionnaire format: the bundled questionnaire, and broken files refused with a reason."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from quickscan import loader
from quickscan import questionnaire as model
from quickscan.errors import QuestionnaireError
from resources.errors import UserError

ROLES = ("klantmanager", "beleidsmedewerker", "manager")


# The bundled questionnaire -------------------------------------------------------------------


def test_bundled_questionnaire_has_eight_themes_and_three_roles(
    bundled: model.Questionnaire,
) -> None:
    assert 7 <= len(bundled.themes) <= 9
    assert [role.id for role in bundled.roles] == list(ROLES)
    assert bundled.languages == ("nl", "en")


@pytest.mark.parametrize("role", ROLES)
def test_each_role_answers_25_to_40_questions_in_every_theme(
    bundled: model.Questionnaire, role: str
) -> None:
    assert 25 <= len(bundled.questions_for(role)) <= 40
    assert bundled.themes_for(role) == bundled.themes


def test_a_good_part_of_the_questions_is_asked_of_every_role(bundled: model.Questionnaire) -> None:
    shared = bundled.shared_questions()
    assert 20 <= len(shared) <= 30
    # Every theme has at least three shared questions, so the roles can be compared on every
    # theme on the same questions.
    for theme in bundled.themes:
        assert len([q for q in shared if q.theme == theme.id]) >= 3, theme.id


def test_every_question_and_every_action_names_its_source(bundled: model.Questionnaire) -> None:
    assert all(q.source.strip() for q in bundled.questions)
    actions = [a for advice in bundled.advice for a in advice.actions]
    assert actions and all(a.source.strip() for a in actions)
    assert all(2 <= len(advice.actions) <= 4 for advice in bundled.advice)


def test_advice_for_every_theme_in_every_band(bundled: model.Questionnaire) -> None:
    for theme in bundled.themes:
        for band in bundled.bands:
            advice = bundled.advice_for(theme.id, band.id)
            assert advice is not None, (theme.id, band.id)
    assert bundled.insufficient_view_advice is not None


def test_dutch_and_english_texts_are_complete_and_different(bundled: model.Questionnaire) -> None:
    texts = [bundled.title, bundled.description]
    texts += [r.label for r in bundled.roles]
    texts += [o.label for scale in bundled.scales for o in scale.options]
    texts += [t.title for t in bundled.themes] + [t.explanation for t in bundled.themes]
    texts += [q.text for q in bundled.questions] + [b.label for b in bundled.bands]
    for advice in bundled.advice:
        texts += [advice.explanation] + [a.text for a in advice.actions]
    for text in texts:
        assert text.languages == ("nl", "en")
    # Questions and advice are really translated, not copied.
    for question in bundled.questions:
        assert question.text.get("nl") != question.text.get("en"), question.id


def test_the_questionnaire_says_it_is_trede_s_own(bundled: model.Questionnaire) -> None:
    assert "niet de officiële" in bundled.description.get("nl")
    assert "VIA" in bundled.description.get("nl")
    assert "not the official" in bundled.description.get("en")


def test_weet_niet_is_on_every_scale_without_a_value(bundled: model.Questionnaire) -> None:
    for scale in bundled.scales:
        unknown = [o for o in scale.options if o.is_unknown]
        assert [o.label.get("nl") for o in unknown] == ["Weet niet"], scale.id
    assert bundled.scale_values == (1, 2, 3, 4)


def test_questions_are_short_plain_statements(bundled: model.Questionnaire) -> None:
    # B1: short sentences. A statement of more than 25 words is hard to answer in 15 minutes.
    for question in bundled.questions:
        assert len(question.text.get("nl").split()) <= 25, question.id


# Broken files ---------------------------------------------------------------------------------

Change = Callable[[dict[str, Any]], None]


def _set(path: str, value: Any) -> Change:
    """A change that sets a field given as a path of keys and indexes."""

    def change(data: dict[str, Any]) -> None:
        *parents, last = _parse(path)
        target: Any = data
        for key in parents:
            target = target[key]
        target[last] = value

    return change


def _delete(path: str) -> Change:
    def change(data: dict[str, Any]) -> None:
        *parents, last = _parse(path)
        target: Any = data
        for key in parents:
            target = target[key]
        del target[last]

    return change


def _parse(path: str) -> list[str | int]:
    keys: list[str | int] = []
    for part in path.replace("]", "").replace("[", ".").split("."):
        keys.append(int(part) if part.isdigit() else part)
    return keys


def _add_role(data: dict[str, Any]) -> None:
    data["roles"].append({"id": "wethouder", "label": {"nl": "Wethouder", "en": "Alderman"}})


def _drop_questions_of_theme_t4(data: dict[str, Any]) -> None:
    data["questions"] = [q for q in data["questions"] if q["theme"] != "t4"]


def _duplicate_advice(data: dict[str, Any]) -> None:
    data["advice"].append(json.loads(json.dumps(data["advice"][0])))


def _five_actions(data: dict[str, Any]) -> None:
    data["advice"][0]["actions"] = data["advice"][0]["actions"] * 3


BROKEN = [
    # (change, field, words in the reason)
    (
        _set("questions[0].weight", "1"),
        "questions[0].weight",
        "verwacht een getal, maar vond een tekst",
    ),
    (_set("questions[2].weight", True), "questions[2].weight", "verwacht een getal"),
    (_set("themes", {"t1": "x"}), "themes", "verwacht een lijst, maar vond een object"),
    (_delete("questions[1].theme"), "questions[1].theme", "ontbreekt"),
    (_delete("themes"), "themes", "ontbreekt"),
    (_set("questions[1].theme", "t9"), "questions[1].theme", "thema t9 bestaat niet"),
    (
        _set("questions[1].roles", ["klantmanager", "wethouder"]),
        "questions[1].roles[1]",
        "rol wethouder",
    ),
    (_set("advice[4].band", "extreem"), "advice[4].band", "band extreem bestaat niet"),
    (_set("advice[4].theme", "t9"), "advice[4].theme", "thema t9 bestaat niet"),
    (_set("questions[3].id", "q1"), "questions[3].id", "q1 komt meer dan één keer voor"),
    (_set("themes[1].id", "t1"), "themes[1].id", "komt meer dan één keer voor"),
    (_set("themes[0].title", {"nl": "Visie"}), "themes[0].title.en", "taal en ontbreekt"),
    (_set("questions[0].text.en", "  "), "questions[0].text.en", "leeg"),
    (_set("questions[0].text.de", "Aussage"), "questions[0].text.de", "staat niet in languages"),
    (_set("questions[0].weight", 0), "questions[0].weight", "groter dan 0"),
    (_set("questions[0].weight", -2), "questions[0].weight", "groter dan 0"),
    (_set("bands[2].to", 90), "bands[2].to", "bij 100 eindigen"),
    (_set("bands[1].from", 55), "bands[1].from", "0 tot 100 aaneengesloten"),
    (_set("bands[0].from", 10), "bands[0].from", "0 tot 100 aaneengesloten"),
    (_set("bands[1].to", 40), "bands[1].to", "groter zijn dan het begin"),
    (_add_role, "roles[3].id", "rol wethouder zijn er geen vragen"),
    (_drop_questions_of_theme_t4, "themes[3].id", "thema t4 heeft geen vragen"),
    (_delete("advice[5]"), "advice", "geen advies voor thema t2 in band hoog"),
    (_duplicate_advice, "advice[12]", "al advies voor thema t1 in band laag"),
    (
        _set("advice[0].actions", [{"text": {"nl": "a", "en": "a"}, "source": "x"}]),
        "advice[0].actions",
        "minstens 2",
    ),
    (_five_actions, "advice[0].actions", "hoogstens 4"),
    (_delete("advice[1].actions[0].source"), "advice[1].actions[0].source", "ontbreekt"),
    (_delete("questions[6].source"), "questions[6].source", "ontbreekt"),
    (_set("insufficient_view_threshold", 1.5), "insufficient_view_threshold", "tussen 0 en 1"),
    (_delete("scale[4]"), "scale", "weet niet"),
    (_set("scale[1].value", 2.5), "scale[1].value", "geheel getal"),
    (_set("format", "trede-questionnaire/9"), "format", "wordt niet ondersteund"),
    (_set("questions[0].wieght", 1), "questions[0].wieght", "onbekend"),
    (_set("id", "Mijn Lijst"), "id", "geen geldige id"),
]


@pytest.mark.parametrize(("change", "field", "reason"), BROKEN)
def test_a_broken_file_is_refused_with_file_field_and_reason(
    tmp_path: Path, definition: dict[str, Any], change: Change, field: str, reason: str
) -> None:
    change(definition)
    path = tmp_path / "gemeente-lijst.json"
    path.write_text(json.dumps(definition), encoding="utf-8")
    with pytest.raises(QuestionnaireError) as caught:
        loader.load(path)
    error = caught.value
    assert isinstance(error, UserError)
    assert (error.file, error.field) == (str(path), field)
    assert reason in error.reason
    message = str(error)
    assert str(path) in message and field in message and reason in message
    assert "\n" not in message


def test_the_small_definition_itself_is_valid(definition: dict[str, Any]) -> None:
    questionnaire = loader.loads(json.dumps(definition), "mini.json")
    assert [t.id for t in questionnaire.themes] == ["t1", "t2", "t3", "t4"]


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        ('{"format": "trede-questionnaire/1",', "geen geldige JSON (regel 1, kolom"),
        ("[1, 2]", "verwacht een object, maar vond een lijst"),
        (b"\xff\xfe{", "geen UTF-8"),
    ],
)
def test_a_file_that_is_no_questionnaire_is_refused(
    tmp_path: Path, content: str | bytes, reason: str
) -> None:
    path = tmp_path / "kapot.json"
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    with pytest.raises(QuestionnaireError) as caught:
        loader.load(path)
    assert caught.value.file == str(path)
    assert reason in caught.value.reason


def test_a_missing_file_is_refused(tmp_path: Path) -> None:
    with pytest.raises(QuestionnaireError, match="bestaat niet"):
        loader.load(tmp_path / "weg.json")


def test_the_example_in_the_documentation_loads() -> None:
    page = Path(__file__).resolve().parents[2] / "docs" / "questionnaire-format.md"
    example = page.read_text(encoding="utf-8").split("```json\n")[1].split("```")[0]
    questionnaire = loader.loads(example, "voorbeeld.json")
    assert [q.id for q in questionnaire.questions] == ["bereik-01", "bereik-02"]
