"""The quickscan's typed errors; each message is one sentence in the user's language."""

from __future__ import annotations

from resources.errors import UserError
from resources.i18n import _


class QuestionnaireError(UserError):
    """A questionnaire file is broken: the message names the file, the field and the reason."""

    def __init__(self, file: str, field: str, reason: str) -> None:
        if field:
            message = _("Vragenlijst %(file)s, veld %(field)s: %(reason)s") % {
                "file": file,
                "field": field,
                "reason": reason,
            }
        else:
            message = _("Vragenlijst %(file)s: %(reason)s") % {"file": file, "reason": reason}
        super().__init__(message)
        self.file = file
        self.field = field
        self.reason = reason


class QuickscanError(UserError):
    """Base of the errors about scans and answers."""


class UnknownRole(QuickscanError):
    """The role is not one of the questionnaire's roles."""


class UnknownLanguage(QuickscanError):
    """The questionnaire has no texts in this language."""


class UnknownQuestion(QuickscanError):
    """The question does not exist, or the role of the scan does not answer it."""


class InvalidAnswer(QuickscanError):
    """The answer value is not on the scale, or the comment is not text."""


class UnknownResponse(QuickscanError):
    """There is no scan with this id."""


class ResponseClosed(QuickscanError):
    """The scan is complete and can no longer be changed."""


class IncompleteResponse(QuickscanError):
    """The scan still has questions without an answer."""


class QuestionnaireMismatch(QuickscanError):
    """A scan or answers file belongs to another questionnaire or version."""


class SubmissionError(QuickscanError):
    """An answers file cannot be read or has the wrong shape."""


class IncomparableResults(QuickscanError):
    """Two results come from different questionnaires and cannot be compared."""
