"""What a scan may hold: the checks on roles, languages, answers, comments and names (pure)."""

from __future__ import annotations

from quickscan import questionnaire as model
from quickscan.errors import InvalidAnswer, UnknownLanguage, UnknownQuestion, UnknownRole
from resources.i18n import _

MAX_COMMENT = 2000
MAX_NAME = 200


def check_role(questionnaire: model.Questionnaire, role: object) -> str:
    """Return the role, or raise :class:`UnknownRole` unless the questionnaire has it."""
    if not isinstance(role, str) or questionnaire.role(role) is None:
        raise UnknownRole(
            _("De rol %(role)s bestaat niet. Kies uit: %(roles)s.")
            % {"role": role, "roles": ", ".join(r.id for r in questionnaire.roles)}
        )
    return role


def check_language(questionnaire: model.Questionnaire, language: object) -> str:
    """Return the language, or raise :class:`UnknownLanguage` if the questionnaire lacks it."""
    if not isinstance(language, str) or language not in questionnaire.languages:
        raise UnknownLanguage(
            _("De vragenlijst heeft geen teksten in de taal %(language)s. Kies uit: %(languages)s.")
            % {"language": language, "languages": ", ".join(questionnaire.languages)}
        )
    return language


def check_answer(
    questionnaire: model.Questionnaire, role: str, question_id: object, value: object
) -> None:
    """Raise a typed error unless the role answers this question and the value is on the scale."""
    question = questionnaire.question(question_id) if isinstance(question_id, str) else None
    if question is None:
        raise UnknownQuestion(
            _("Vraag %(id)s bestaat niet in deze vragenlijst.") % {"id": question_id}
        )
    if role not in question.roles:
        raise UnknownQuestion(
            _("Vraag %(id)s hoort niet bij de rol %(role)s.") % {"id": question_id, "role": role}
        )
    on_scale = value is None or (isinstance(value, int) and not isinstance(value, bool))
    if not on_scale or not questionnaire.is_on_scale(value, question.id):  # type: ignore[arg-type]
        choices = ", ".join(str(v) for v in questionnaire.scale_values_for(question.id))
        raise InvalidAnswer(
            _(
                "Het antwoord %(value)s op vraag %(id)s staat niet op de schaal. Kies uit "
                "%(choices)s, of null voor 'weet niet'."
            )
            % {"value": value, "id": question_id, "choices": choices}
        )


def clean_comment(question_id: str, comment: object) -> str | None:
    """The comment without surrounding spaces (None when empty); refuse non-text or too long."""
    if comment is None:
        return None
    if not isinstance(comment, str):
        raise InvalidAnswer(
            _("De opmerking bij vraag %(id)s moet een tekst zijn.") % {"id": question_id}
        )
    if len(comment) > MAX_COMMENT:
        raise InvalidAnswer(
            _("De opmerking bij vraag %(id)s is te lang (meer dan %(n)d tekens).")
            % {"id": question_id, "n": MAX_COMMENT}
        )
    return comment.strip() or None


def clean_respondent(value: object) -> str | None:
    """The respondent's name, or None for an anonymous scan."""
    if value is not None and not isinstance(value, str):
        raise InvalidAnswer(_("De naam van de invuller moet een tekst zijn."))
    if value is not None and len(value.strip()) > MAX_NAME:
        raise InvalidAnswer(
            _("De naam van de invuller is te lang (meer dan %(n)d tekens).") % {"n": MAX_NAME}
        )
    return (value or "").strip() or None


def clean_team(value: object) -> str | None:
    """The team name, or None when the scan is not tied to a team."""
    if value is not None and not isinstance(value, str):
        raise InvalidAnswer(_("De naam van het team moet een tekst zijn."))
    if value is not None and len(value.strip()) > MAX_NAME:
        raise InvalidAnswer(
            _("De naam van het team is te lang (meer dan %(n)d tekens).") % {"n": MAX_NAME}
        )
    return (value or "").strip() or None
