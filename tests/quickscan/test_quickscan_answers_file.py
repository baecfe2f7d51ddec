"""The JSON answers file: the template, and a filled-in file checked completely before storing."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from quickscan import answers_file
from quickscan import questionnaire as model
from quickscan.errors import (
    IncompleteResponse,
    InvalidAnswer,
    QuestionnaireMismatch,
    SubmissionError,
    UnknownLanguage,
    UnknownQuestion,
    UnknownRole,
)
from resources.errors import UserError


def test_the_template_lists_every_question_of_the_role_with_its_text(
    bundled: model.Questionnaire,
) -> None:
    data = answers_file.template(bundled, "manager", "en", team="Noord")
    assert (data["questionnaire"], data["version"], data["role"]) == (bundled.id, "2.0", "manager")
    assert (data["respondent"], data["team"], data["language"]) == (None, "Noord", "en")
    assert [a["question"] for a in data["answers"]] == [
        q.id for q in bundled.questions_for("manager")
    ]
    assert all(a["value"] is None for a in data["answers"])
    first = bundled.questions_for("manager")[0]
    assert data["answers"][0]["text"] == first.text.get("en")
    # Each question carries the scale of its item type.
    scales = {tuple(a["scale"].values()) for a in data["answers"]}
    assert scales == {
        ("Strongly disagree", "Disagree", "Agree", "Strongly agree", "Don't know"),
        ("Never", "Sometimes", "Often", "Always", "Don't know"),
        ("No", "Yes", "Don't know"),
    }
    assert data["scale"] == data["answers"][0]["scale"]


def test_a_template_for_an_unknown_role_is_refused(bundled: model.Questionnaire) -> None:
    with pytest.raises(UnknownRole, match="wethouder"):
        answers_file.template(bundled, "wethouder", "nl")


def _filled(questionnaire: model.Questionnaire) -> dict[str, Any]:
    data = answers_file.template(questionnaire, "klantmanager", "nl", respondent="Zoë")
    for i, answer in enumerate(data["answers"]):
        answer["value"] = None if i % 5 == 0 else questionnaire.value_at(answer["question"], i)
    data["answers"][2]["comment"] = "Lastig te zeggen."
    return data


def test_a_filled_in_template_is_accepted(bundled: model.Questionnaire) -> None:
    submission = answers_file.parse(json.dumps(_filled(bundled)), bundled, "a.json")
    assert (submission.role, submission.respondent, submission.language) == (
        "klantmanager",
        "Zoë",
        "nl",
    )
    assert len(submission.answers) == 40
    assert submission.answers[0].value is None
    assert submission.answers[2].comment == "Lastig te zeggen."


Change = Callable[[dict[str, Any]], Any]

WRONG = [
    # (change, error, words in the sentence)
    (lambda d: d.pop("role"), SubmissionError, "noemt geen rol"),
    (lambda d: d.update(role=""), SubmissionError, "noemt geen rol"),
    (lambda d: d.update(role="wethouder"), UnknownRole, "rol wethouder bestaat niet"),
    (lambda d: d.update(version="0.9"), QuestionnaireMismatch, "versie 0.9"),
    (lambda d: d.update(format="csv"), SubmissionError, "formaat trede-answers/1"),
    (lambda d: d.pop("answers"), SubmissionError, "ontbreekt het veld answers"),
    (lambda d: d.update(answers={}), SubmissionError, "answers een lijst"),
    (lambda d: d.update(language="fr"), UnknownLanguage, "taal fr"),
    (lambda d: d.update(team=12), InvalidAnswer, "team moet een tekst"),
    (lambda d: d["answers"][3].update(question="visie-99"), UnknownQuestion, "visie-99"),
    (lambda d: d["answers"][3].update(question="visie-07"), UnknownQuestion, "hoort niet bij"),
    (lambda d: d["answers"][3].update(value=5), InvalidAnswer, "Het antwoord 5 op vraag"),
    (lambda d: d["answers"][3].update(value="3"), InvalidAnswer, "staat niet op de schaal"),
    (lambda d: d["answers"][3].update(value=True), InvalidAnswer, "staat niet op de schaal"),
    (lambda d: d["answers"][3].update(comment=["x"]), InvalidAnswer, "opmerking"),
    (lambda d: d["answers"][3].pop("value"), SubmissionError, "Antwoord 4"),
    (lambda d: d["answers"].pop(), IncompleteResponse, "ontbreekt in het antwoordbestand"),
    (lambda d: d["answers"].append(dict(d["answers"][0])), InvalidAnswer, "meer dan één keer"),
]


@pytest.mark.parametrize(("change", "error", "words"), WRONG)
def test_a_wrong_file_is_refused_with_one_sentence(
    bundled: model.Questionnaire, change: Change, error: type[UserError], words: str
) -> None:
    data = _filled(bundled)
    change(data)
    with pytest.raises(error) as caught:
        answers_file.parse(json.dumps(data), bundled, "a.json")
    assert isinstance(caught.value, UserError)
    assert words in str(caught.value)
    assert "\n" not in str(caught.value)


@pytest.mark.parametrize(
    ("content", "words"),
    [
        ('{"role": ', "geen geldige JSON (regel 1"),
        ("[]", "moet een JSON-object zijn"),
    ],
)
def test_a_file_that_is_not_an_answers_file_is_refused(
    tmp_path: Path, bundled: model.Questionnaire, content: str, words: str
) -> None:
    path = tmp_path / "antwoorden.json"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(SubmissionError) as caught:
        answers_file.read(path, bundled)
    assert words in str(caught.value) and str(path) in str(caught.value)


def test_a_missing_file_is_named(tmp_path: Path, bundled: model.Questionnaire) -> None:
    with pytest.raises(SubmissionError, match="bestaat niet"):
        answers_file.read(tmp_path / "weg.json", bundled)
