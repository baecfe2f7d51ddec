"""A client's history as a table model: contacts, trede changes, barrier changes and actions."""

from __future__ import annotations

import datetime as dt
import enum

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QFont

from caseload import ladder, model, vocab
from resources import i18n
from resources.i18n import N_, _, ngettext
from ui import icons

Index = QModelIndex | QPersistentModelIndex


class TimelineColumn(enum.IntEnum):
    """The columns of the timeline."""

    DATE = 0
    KIND = 1
    TEXT = 2


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
}
_BARRIER_CHANGES = {
    "opened": N_("vastgelegd"),
    "severity": N_("ernst gewijzigd"),
    "status": N_("status gewijzigd"),
}


def _with_note(text: str, note: str) -> str:
    return f"{text}: {note}" if note else text


def describe(entry: model.TimelineEntry, barrier_kinds: dict[int, str]) -> str:
    """One line about a timeline entry, in the active language."""
    item = entry.item
    if isinstance(item, model.Contact):
        text = vocab.CONTACT_KINDS.label(item.kind)
        if item.minutes:
            text += ", " + ngettext("%(n)s minuut", "%(n)s minuten", item.minutes) % {
                "n": i18n.format_number(item.minutes)
            }
        return _with_note(text, item.summary)
    if isinstance(item, model.LadderStep):
        return _with_note(ladder.trede(item.trede).title(), item.note)
    if isinstance(item, model.BarrierEvent):
        return _("%(kind)s %(change)s: ernst %(severity)d, %(status)s") % {
            "kind": vocab.BARRIER_KINDS.label(barrier_kinds.get(item.barrier_id)),
            "change": _(_BARRIER_CHANGES.get(item.change, item.change)),
            "severity": item.severity,
            "status": vocab.BARRIER_STATUSES.label(item.status).lower(),
        }
    text = _("%(intervention)s (%(status)s)") % {
        "intervention": vocab.INTERVENTIONS.label(item.intervention),
        "status": vocab.ACTION_STATUSES.label(item.status).lower(),
    }
    if item.due_on is not None:
        text += ", " + _("klaar op %(date)s") % {"date": i18n.format_date(item.due_on)}
    return _with_note(text, item.goal)


class TimelineModel(QAbstractTableModel):
    """The timeline of one client file, newest first; overdue actions stand out."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._entries: tuple[model.TimelineEntry, ...] = ()
        self._kinds: dict[int, str] = {}
        self._today = dt.date.today()
        self._bold = QFont()
        self._bold.setBold(True)

    def set_file(self, file: model.ClientFile | None) -> None:
        """Show this client's history."""
        self.beginResetModel()
        self._entries = () if file is None else file.timeline
        self._kinds = {} if file is None else {b.id: b.kind for b in file.barriers}
        self._today = dt.date.today()
        self.endResetModel()

    def entry(self, row: int) -> model.TimelineEntry:
        """The entry on a row."""
        return self._entries[row]

    def _overdue(self, entry: model.TimelineEntry) -> bool:
        return isinstance(entry.item, model.Action) and entry.item.is_overdue(self._today)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008 - Qt's name
        """One row per entry."""
        return 0 if parent.isValid() else len(self._entries)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008 - Qt's name
        """Date, kind, text."""
        return 0 if parent.isValid() else len(TimelineColumn)

    def headerData(  # noqa: N802 - Qt's name
        self,
        section: int,
        orientation: Qt.Orientation,
        role: int = Qt.ItemDataRole.DisplayRole,
    ) -> object:
        """Column titles."""
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section < len(TimelineColumn)
        ):
            return _(_HEADERS[TimelineColumn(section)])
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        """Rows can be selected and read."""
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return (
            Qt.ItemFlag.ItemIsEnabled
            | Qt.ItemFlag.ItemIsSelectable
            | Qt.ItemFlag.ItemNeverHasChildren
        )

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        """Text of a cell; an overdue action is bold with a marker and says why."""
        if not index.isValid() or not 0 <= index.row() < len(self._entries):
            return None
        entry = self._entries[index.row()]
        column = TimelineColumn(index.column())
        overdue = self._overdue(entry)
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            if column == TimelineColumn.DATE:
                return i18n.format_date(entry.on)
            if column == TimelineColumn.KIND:
                return _(_KINDS[entry.kind])
            text = describe(entry, self._kinds)
            if overdue:
                text = _("Te laat: %(text)s") % {"text": text}
            return text
        if role == Qt.ItemDataRole.FontRole and overdue:
            return self._bold
        if role == Qt.ItemDataRole.DecorationRole and overdue and column == TimelineColumn.KIND:
            return icons.icon("attention")
        return None
