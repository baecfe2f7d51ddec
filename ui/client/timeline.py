"""A client's history as a table model: contacts, trede changes, barrier changes and actions."""

from __future__ import annotations

import datetime as dt
import enum

from PySide6.QtCore import QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QFont

from caseload import ladder, model, vocab
from resources import i18n
from resources.i18n import N_, _, ngettext
from ui import icons, table_model

Index = QModelIndex | QPersistentModelIndex


class TimelineColumn(enum.IntEnum):
    """The columns of the timeline."""

    DATE = 0
    KIND = 1
    TEXT = 2


_COLUMN_COUNT = len(TimelineColumn)
_HEADERS = {
    TimelineColumn.DATE: N_("Datum"),
    TimelineColumn.KIND: N_("Soort"),
    TimelineColumn.TEXT: N_("Wat"),
}
_KINDS = {
    "contact": N_("Contact"),
    "ladder": N_("Trede"),
    "barrier": N_("Obstakel"),
    "action": N_("Actie"),
    "closing": N_("Dossier"),
    "reopening": N_("Dossier"),
}
_BARRIER_CHANGES = {
    "opened": N_("vastgelegd"),
    "severity": N_("ernst gewijzigd"),
    "status": N_("status gewijzigd"),
    "closed": N_("afgesloten met het dossier"),
}


def _with_note(text: str, note: str) -> str:
    return f"{text}: {note}" if note else text


def outflow_text(outflow: model.Outflow) -> str:
    """'Werk in Zorg en welzijn, 24,5 uur per week, Vast contract, start 1 mrt 2026'."""
    parts = []
    if outflow.employer_sector:
        parts.append(
            _("werk in %(sector)s")
            % {"sector": vocab.EMPLOYER_SECTORS.label(outflow.employer_sector)}
        )
    if outflow.hours_per_week is not None:
        parts.append(
            _("%(hours)s uur per week") % {"hours": i18n.format_number(outflow.hours_per_week)}
        )
    if outflow.contract_type:
        parts.append(vocab.CONTRACT_TYPES.label(outflow.contract_type).lower())
    if outflow.start_on is not None:
        parts.append(_("start %(date)s") % {"date": i18n.date_text(outflow.start_on)})
    return ", ".join(parts)


def _closing_text(entry: model.TimelineEntry, shut: model.Closing) -> str:
    if entry.kind == "reopening":
        return _("Dossier heropend")
    text = _("Dossier afgesloten: %(reason)s") % {
        "reason": vocab.CLOSING_REASONS.label(shut.reason)
    }
    if shut.outflow is not None and outflow_text(shut.outflow):
        text += " (" + outflow_text(shut.outflow) + ")"
    if shut.closed_open_items:
        text += ". " + _("Open obstakels en acties afgesloten")
    return text


def describe(entry: model.TimelineEntry, barrier_kinds: dict[int, str]) -> str:
    """One line about a timeline entry, in the active language."""
    item = entry.item
    if isinstance(item, model.Closing):
        return _closing_text(entry, item)
    return _describe(entry, barrier_kinds)


def kind_text(entry: model.TimelineEntry) -> str:
    """The kind of entry; a row corrected after it was saved says "gecorrigeerd" beside it."""
    text = _(_KINDS[entry.kind])
    if not isinstance(entry.item, model.Closing) and entry.item.corrected_on is not None:
        text = _("%(kind)s, gecorrigeerd") % {"kind": text}
    return text


def _describe(entry: model.TimelineEntry, barrier_kinds: dict[int, str]) -> str:
    item = entry.item
    if isinstance(item, model.Contact):
        text = vocab.CONTACT_KINDS.label(item.kind)
        if item.minutes:
            text += ", " + ngettext("%(n)s minuut", "%(n)s minuten", item.minutes) % {
                "n": i18n.format_number(item.minutes)
            }
        if item.share_with_client:
            # The klantmanager sees which notes the client will read in the progress report.
            text += ", " + _("gedeeld met de klant")
        return _with_note(text, item.summary)
    if isinstance(item, model.LadderStep) and item.expected_trede is not None:
        text = _("%(trede)s (verwacht: trede %(expected)d)") % {
            "trede": ladder.trede(item.trede).title(),
            "expected": item.expected_trede,
        }
        return _with_note(text, item.note)
    if isinstance(item, model.LadderStep):
        return _with_note(ladder.trede(item.trede).title(), item.note)
    if isinstance(item, model.BarrierEvent):
        return _("%(kind)s %(change)s: ernst %(severity)d, %(status)s") % {
            "kind": vocab.BARRIER_KINDS.label(barrier_kinds.get(item.barrier_id)),
            "change": _(_BARRIER_CHANGES.get(item.change, item.change)),
            "severity": item.severity,
            "status": vocab.BARRIER_STATUSES.label(item.status).lower(),
        }
    assert isinstance(item, model.Action)
    text = _("%(intervention)s (%(status)s)") % {
        "intervention": vocab.INTERVENTIONS.label(item.intervention),
        "status": vocab.ACTION_STATUSES.label(item.status).lower(),
    }
    if item.due_on is not None:
        text += ", " + _("klaar op %(date)s") % {"date": i18n.date_text(item.due_on)}
    return _with_note(text, item.goal)


class TimelineModel(table_model.RowsModel):
    """The timeline of one client file, newest first; overdue actions stand out."""

    NUMBERED = False

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._kinds: dict[int, str] = {}
        self._today = dt.date.today()
        self._bold = QFont()
        self._bold.setBold(True)

    def set_file(self, file: model.ClientFile | None) -> None:
        """Show this client's history."""
        self._kinds = {} if file is None else {b.id: b.kind for b in file.barriers}
        self._today = dt.date.today()
        self.set_rows(() if file is None else file.timeline)

    def entry(self, row: int) -> model.TimelineEntry:
        """The entry on a row."""
        entry: model.TimelineEntry = self.row_at(row)
        return entry

    def _overdue(self, entry: model.TimelineEntry) -> bool:
        return isinstance(entry.item, model.Action) and entry.item.is_overdue(self._today)

    def headers(self) -> list[str]:
        """Date, kind, text."""
        return [_(_HEADERS[column]) for column in TimelineColumn]

    def columnCount(  # noqa: N802 - Qt's name
        self,
        parent: table_model.Index = QModelIndex(),  # noqa: B008 - Qt's default
    ) -> int:
        """Three columns (the view asks for every cell: no titles translated to count them)."""
        return 0 if parent.isValid() else _COLUMN_COUNT

    # No flags(): Qt's own answer (enabled, selectable, no children, not editable) is the one
    # wanted, and the view asks it for every cell it paints: from C++, not a call into Python.

    def cell(self, row: model.TimelineEntry, column: int) -> str:
        """The date, the kind, or the text; an overdue action says so."""
        if column == TimelineColumn.DATE:
            return i18n.date_text(row.on)
        if column == TimelineColumn.KIND:
            return kind_text(row)
        text = describe(row, self._kinds)
        if self._overdue(row):
            text = _("Te laat: %(text)s") % {"text": text}
        return text

    def extra(self, row: model.TimelineEntry, column: int, role: int) -> object:
        """An overdue action is bold, with a marker beside its kind."""
        if not self._overdue(row):
            return None
        if role == Qt.ItemDataRole.FontRole:
            return self._bold
        if role == Qt.ItemDataRole.DecorationRole and column == TimelineColumn.KIND:
            return icons.icon("attention")
        return None
