"""The JSON answers file of the command line: a template to fill in, and its full validation.

A template lists every question of one role with ``"value": null``. The respondent replaces
each null with a value on the scale, or leaves it null for "weet niet". Reading a filled-in
file checks everything before anything is stored, and stops at the first problem with one
sentence that names it.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from quickscan import questionnaire as model
from quickscan import store, validation
from quickscan.errors import (
    IncompleteResponse,
    InvalidAnswer,
    QuestionnaireMismatch,
    SubmissionError,
)
from resources.errors import file_reason
from resources.i18n import _

FORMAT = "trede-answers/1"


@dataclass(frozen=True)
class Submission:
    """A filled-in answers file that passed every check, ready for :func:`store.submit`."""

    role: str
    respondent: str | None
    team: str | None
    language: str
    answers: tuple[store.GivenAnswer, ...]


def _options(options: tuple[model.ScaleOption, ...], language: str) -> dict[str, str]:
    """A scale as the hint of an answers file: value (or "null") to label."""
    return {
        "null" if option.value is None else str(option.value): option.label.get(language)
        for option in options
    }


def template(
    questionnaire: model.Questionnaire,
    role: str,
    language: str,
    respondent: str | None = None,
    team: str | None = None,
) -> dict[str, Any]:
    """An answers file for one role, every value null, with the texts as hints."""
    validation.check_role(questionnaire, role)
    validation.check_language(questionnaire, language)
    return {
        "format": FORMAT,
        "questionnaire": questionnaire.id,
        "version": questionnaire.version,
        "role": role,
        "respondent": respondent,
        "team": team,
        "language": language,
        "scale": _options(questionnaire.scale, language),
        "answers": [
            {
                "question": question.id,
                "text": question.text.get(language),
                # Each question has the scale of its item type (agreement, frequency, yes/no).
                "scale": _options(questionnaire.options_for(question.id), language),
                "value": None,
                "comment": None,
            }
            for question in questionnaire.questions_for(role)
        ],
    }


def read(path: Path, questionnaire: model.Questionnaire) -> Submission:
    """Read and check a filled-in answers file; raise a typed error naming the problem."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError as error:
        raise SubmissionError(
            _("Het antwoordbestand %(file)s bestaat niet.") % {"file": path}
        ) from error
    except UnicodeDecodeError as error:
        raise SubmissionError(
            _("Het antwoordbestand %(file)s is geen UTF-8-tekst.") % {"file": path}
        ) from error
    except OSError as error:
        raise SubmissionError(
            _("Het antwoordbestand %(file)s kan niet worden gelezen: %(reason)s")
            % {"file": path, "reason": file_reason(error)}
        ) from error
    return parse(text, questionnaire, str(path))


def _field(data: dict[str, Any], key: str, file: str) -> Any:
    if key not in data:
        raise SubmissionError(
            _("In het antwoordbestand %(file)s ontbreekt het veld %(field)s.")
            % {"file": file, "field": key}
        )
    return data[key]


def parse(text: str, questionnaire: model.Questionnaire, file: str) -> Submission:
    """Check the JSON text of an answers file against the questionnaire, completely."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        raise SubmissionError(
            _(
                "Het antwoordbestand %(file)s is geen geldige JSON (regel %(line)d, kolom %(column)d)."
            )
            % {"file": file, "line": error.lineno, "column": error.colno}
        ) from error
    except RecursionError:
        raise SubmissionError(
            _("Het antwoordbestand %(file)s is te diep genest: dit is geen antwoordbestand.")
            % {"file": file}
        ) from None
    if not isinstance(data, dict):
        raise SubmissionError(
            _("Het antwoordbestand %(file)s moet een JSON-object zijn.") % {"file": file}
        )
    if _field(data, "format", file) != FORMAT:
        raise SubmissionError(
            _("Het antwoordbestand %(file)s heeft niet het formaat %(format)s.")
            % {"file": file, "format": FORMAT}
        )
    found_id, found_version = _field(data, "questionnaire", file), _field(data, "version", file)
    if (found_id, found_version) != (questionnaire.id, questionnaire.version):
        raise QuestionnaireMismatch(
            _(
                "Het antwoordbestand hoort bij vragenlijst %(found)s versie %(found_version)s, "
                "maar deze vragenlijst is %(expected)s versie %(expected_version)s."
            )
            % {
                "found": found_id,
                "found_version": found_version,
                "expected": questionnaire.id,
                "expected_version": questionnaire.version,
            }
        )
    role = data.get("role")
    if role is None or role == "":
        raise SubmissionError(
            _("Het antwoordbestand noemt geen rol (veld role). Kies uit: %(roles)s.")
            % {"roles": ", ".join(r.id for r in questionnaire.roles)}
        )
    role = validation.check_role(questionnaire, role)
    language = validation.check_language(
        questionnaire, data.get("language", questionnaire.languages[0])
    )
    answers = _answers(_field(data, "answers", file), questionnaire, role, file)
    return Submission(
        role=role,
        respondent=validation.clean_respondent(data.get("respondent")),
        team=validation.clean_team(data.get("team")),
        language=language,
        answers=answers,
    )


def _answers(
    raw: Any, questionnaire: model.Questionnaire, role: str, file: str
) -> tuple[store.GivenAnswer, ...]:
    if not isinstance(raw, list):
        raise SubmissionError(
            _("In het antwoordbestand %(file)s moet answers een lijst zijn.") % {"file": file}
        )
    given: list[store.GivenAnswer] = []
    seen: set[str] = set()
    for position, item in enumerate(raw, start=1):
        if not isinstance(item, dict) or "question" not in item or "value" not in item:
            raise SubmissionError(
                _("Antwoord %(n)d in het antwoordbestand heeft geen question en value.")
                % {"n": position}
            )
        question_id, value = item["question"], item["value"]
        validation.check_answer(questionnaire, role, question_id, value)
        if question_id in seen:
            raise InvalidAnswer(
                _("Vraag %(id)s staat meer dan één keer in het antwoordbestand.")
                % {"id": question_id}
            )
        seen.add(question_id)
        comment = validation.clean_comment(question_id, item.get("comment"))
        given.append(store.GivenAnswer(question_id, value, comment))
    for question in questionnaire.questions_for(role):
        if question.id not in seen:
            raise IncompleteResponse(
                _(
                    "Vraag %(id)s ontbreekt in het antwoordbestand. "
                    "Geef value null als het antwoord 'weet niet' is."
                )
                % {"id": question.id}
            )
    return tuple(given)
