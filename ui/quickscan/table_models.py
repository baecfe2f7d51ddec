"""Table models and text helpers of the Quickscan page: history, change per theme, roles."""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, TypeVar

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt

from quickscan import comparison, scoring, store
from quickscan import questionnaire as model
from resources import i18n
from resources.i18n import N_, _
from ui import table_model

Index = QModelIndex | QPersistentModelIndex
Row = TypeVar("Row")

# -- text helpers ---------------------------------------------------------------------------


def language_for(questionnaire: model.Questionnaire) -> str:
    """The active language if the questionnaire has it, else its first language."""
    current = i18n.current_language()
    return current if current in questionnaire.languages else questionnaire.languages[0]


def score_text(score: float | None) -> str:
    """A theme or overall score as the user reads it; no score means 'onvoldoende zicht'."""
    return _("onvoldoende zicht") if score is None else i18n.format_number(score)


def change_text(change: float | None) -> str:
    """A change in points with its sign ('+12,5', '−3'); empty when there is nothing to compare."""
    if change is None:
        return "–"
    if change > 0:
        return "+" + i18n.format_number(change)
    if change < 0:
        return "−" + i18n.format_number(-change)
    return i18n.format_number(0)


def date_text(stamp: str | None) -> str:
    """A stored ISO time as a local date in the active locale."""
    if not stamp:
        return ""
    moment = dt.datetime.fromisoformat(stamp)
    if moment.tzinfo is not None:
        moment = moment.astimezone()
    return i18n.date_text(moment.date())


def role_label(questionnaire: model.Questionnaire, role_id: str) -> str:
    """The role's label from the questionnaire, in the active language."""
    role = questionnaire.role(role_id)
    return role.label.get(language_for(questionnaire)) if role else role_id


def theme_title(questionnaire: model.Questionnaire, theme_id: str) -> str:
    """A theme's title in the active language."""
    theme = questionnaire.theme(theme_id)
    return theme.title.get(language_for(questionnaire)) if theme else theme_id


def band_label(questionnaire: model.Questionnaire, band_id: str | None) -> str:
    """A band's label in the active language ('' for no band)."""
    band = questionnaire.band(band_id) if band_id else None
    return band.label.get(language_for(questionnaire)) if band else ""


def respondent_text(response: store.Response) -> str:
    """The respondent's name, or 'anoniem'."""
    return response.respondent or _("anoniem")


def status_text(response: store.Response) -> str:
    """'Afgerond' or 'Niet afgerond'."""
    return _("Afgerond") if response.is_complete else _("Niet afgerond")


def response_label(questionnaire: model.Questionnaire, response: store.Response) -> str:
    """One line that tells scans apart in a list: date, role, respondent, team."""
    parts = [
        date_text(response.completed_at or response.started_at),
        role_label(questionnaire, response.role),
        respondent_text(response),
    ]
    if response.team:
        parts.append(response.team)
    return " · ".join(parts)


_NUMBER = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter

# -- history -------------------------------------------------------------------------------


class HistoryColumn(enum.IntEnum):
    """The columns of the history of scans."""

    DATE = 0
    ROLE = 1
    RESPONDENT = 2
    TEAM = 3
    STATUS = 4
    SCORE = 5


HISTORY_HEADERS = {
    HistoryColumn.DATE: N_("Datum"),
    HistoryColumn.ROLE: N_("Rol"),
    HistoryColumn.RESPONDENT: N_("Invuller"),
    HistoryColumn.TEAM: N_("Team"),
    HistoryColumn.STATUS: N_("Status"),
    HistoryColumn.SCORE: N_("Totaalscore"),
}


@dataclass(frozen=True)
class HistoryRow:
    """A scan in the history, with the questionnaire it used and its overall score."""

    response: store.Response
    questionnaire: model.Questionnaire
    overall: float | None


class HistoryModel(table_model.RowsModel):
    """Every scan, newest first: date, role, respondent, team, status, overall score."""

    def headers(self) -> Sequence[str]:
        return [_(HISTORY_HEADERS[column]) for column in HistoryColumn]

    def alignment(self, column: int) -> Qt.AlignmentFlag:
        return _NUMBER if column == HistoryColumn.SCORE else super().alignment(column)

    def cell(self, row: HistoryRow, column: int) -> str:
        response = row.response
        texts: dict[int, Callable[[], str]] = {
            HistoryColumn.DATE: lambda: date_text(response.completed_at or response.started_at),
            HistoryColumn.ROLE: lambda: role_label(row.questionnaire, response.role),
            HistoryColumn.RESPONDENT: lambda: respondent_text(response),
            HistoryColumn.TEAM: lambda: response.team or "",
            HistoryColumn.STATUS: lambda: status_text(response),
            HistoryColumn.SCORE: lambda: score_text(row.overall) if response.is_complete else "",
        }
        return texts[column]()

    def response_id(self, row: int) -> int:
        """The id of the scan in a row."""
        return int(self.row_at(row).response.id)


def history_rows(db: Any) -> list[HistoryRow]:
    """The rows of the history, read through the store."""
    rows = []
    for response in store.list_responses(db):
        questionnaire = store.questionnaire_for(db, response)
        overall = store.result(db, response.id).overall if response.is_complete else None
        rows.append(HistoryRow(response, questionnaire, overall))
    return rows


# -- change per theme between two scans ----------------------------------------------------


class ChangeColumn(enum.IntEnum):
    """The columns of the change per theme."""

    THEME = 0
    BEFORE = 1
    AFTER = 2
    CHANGE = 3
    SHARED = 4


CHANGE_HEADERS = {
    ChangeColumn.THEME: N_("Thema"),
    ChangeColumn.BEFORE: N_("Eerder"),
    ChangeColumn.AFTER: N_("Later"),
    ChangeColumn.CHANGE: N_("Verschil"),
    ChangeColumn.SHARED: N_("Gedeelde vragen"),
}


def shared_text(theme: comparison.SharedTheme) -> str:
    """How many shared answered questions a compared theme rests on; 'te weinig' below the floor."""
    if not theme.enough:
        return _("%(n)d: te weinig") % {"n": theme.count}
    return str(theme.count)


def compared_score(theme: comparison.SharedTheme, key: str) -> str:
    """A side's score on the shared questions; a dash when too few are shared."""
    return score_text(theme.score(key)) if theme.enough else "–"


class ChangeModel(table_model.RowsModel):
    """Per theme: the earlier score, the later score and the change in points."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.questionnaire: model.Questionnaire | None = None

    def headers(self) -> Sequence[str]:
        return [_(CHANGE_HEADERS[column]) for column in ChangeColumn]

    def alignment(self, column: int) -> Qt.AlignmentFlag:
        return super().alignment(column) if column == ChangeColumn.THEME else _NUMBER

    def set_changes(
        self, questionnaire: model.Questionnaire, changes: Sequence[comparison.SharedTheme]
    ) -> None:
        """Show these themes compared 'before' and 'after', titles from this questionnaire."""
        self.questionnaire = questionnaire
        self.set_rows(changes)

    def cell(self, row: comparison.SharedTheme, column: int) -> str:
        if column == ChangeColumn.THEME:
            assert self.questionnaire is not None
            return theme_title(self.questionnaire, row.theme)
        if column == ChangeColumn.BEFORE:
            return compared_score(row, "before")
        if column == ChangeColumn.AFTER:
            return compared_score(row, "after")
        if column == ChangeColumn.SHARED:
            return shared_text(row)
        return change_text(row.change) if row.enough else "–"


# -- roles side by side --------------------------------------------------------------------


class _RolesModel(table_model.RowsModel):
    """Rows compared across roles: one column per role between a first and a last column."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.questionnaire: model.Questionnaire | None = None
        self.roles: list[str] = []

    def set_spreads(
        self,
        questionnaire: model.Questionnaire,
        roles: Sequence[str],
        spreads: Sequence[Any],
    ) -> None:
        """Show these rows; ``roles`` gives the role columns in order."""
        self.beginResetModel()
        self.questionnaire = questionnaire
        self.roles = list(roles)
        self._rows = list(spreads)
        self.endResetModel()


class RoleSpreadModel(_RolesModel):
    """Per theme the score of each role side by side, and the spread; largest spread first.

    The columns are the theme, one per compared role, the spread ('Verschil') and the number
    of shared answered questions the scores rest on.
    """

    def headers(self) -> Sequence[str]:
        if self.questionnaire is None:
            return [_("Thema"), _("Verschil"), _("Gedeelde vragen")]
        roles = [role_label(self.questionnaire, role) for role in self.roles]
        return [_("Thema"), *roles, _("Verschil"), _("Gedeelde vragen")]

    def alignment(self, column: int) -> Qt.AlignmentFlag:
        return super().alignment(column) if column == 0 else _NUMBER

    def cell(self, row: comparison.SharedTheme, column: int) -> str:
        assert self.questionnaire is not None
        if column == 0:
            return theme_title(self.questionnaire, row.theme)
        if column <= len(self.roles):
            return compared_score(row, self.roles[column - 1])
        if column == len(self.roles) + 1:
            return "–" if row.spread is None else i18n.format_number(row.spread)
        return shared_text(row)


class QuestionSpreadModel(_RolesModel):
    """Per shared question each role's answer side by side, largest difference first."""

    def headers(self) -> Sequence[str]:
        if self.questionnaire is None:
            return [_("Vraag"), _("Verschil")]
        roles = [role_label(self.questionnaire, role) for role in self.roles]
        return [_("Vraag"), *roles, _("Verschil in stappen")]

    def alignment(self, column: int) -> Qt.AlignmentFlag:
        return _NUMBER if column == len(self.roles) + 1 else super().alignment(column)

    def cell(self, row: scoring.QuestionSpread, column: int) -> str:
        questionnaire = self.questionnaire
        assert questionnaire is not None
        language = language_for(questionnaire)
        if column == 0:
            question = questionnaire.question(row.question)
            return question.text.get(language) if question else row.question
        if column <= len(self.roles):
            value = dict(row.values).get(self.roles[column - 1])
            option = questionnaire.scale_option(value, row.question)
            return option.label.get(language) if option else ""
        return "–" if row.spread is None else i18n.format_number(row.spread)
