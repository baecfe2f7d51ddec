"""The audit log in the window: the newest entries in a table, and whether the chain holds."""

from __future__ import annotations

import datetime as dt
import enum
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)
from sqlite_utils import Database

from resources import audit, i18n
from resources.i18n import N_, _
from ui import accessibility, metrics, widgets

#: How many of the newest entries the window shows.
SHOWN = 500

AnyIndex = QModelIndex | QPersistentModelIndex


class Column(enum.IntEnum):
    """The columns of the audit log table."""

    AT = 0
    ACTOR = 1
    ACTION = 2
    OBJECT = 3
    RESULT = 4


HEADERS = {
    Column.AT: N_("Tijd"),
    Column.ACTOR: N_("Wie"),
    Column.ACTION: N_("Wat"),
    Column.OBJECT: N_("Waarop"),
    Column.RESULT: N_("Resultaat"),
}


def format_time(at: str) -> str:
    """The stored UTC time in the user's locale and local time zone."""
    moment = dt.datetime.fromisoformat(at)
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=dt.UTC)
    return i18n.format_datetime(moment.astimezone(), "short")


class AuditModel(QAbstractTableModel):
    """The audit log entries, newest first; times formatted once."""

    def __init__(self, entries: list[audit.Entry], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._entries = entries
        self._times = [format_time(entry.at) for entry in entries]

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: N802, B008 - Qt
        """The number of entries shown."""
        return 0 if parent.isValid() else len(self._entries)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: N802, B008 - Qt
        """The number of columns."""
        return 0 if parent.isValid() else len(Column)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """The text of one cell."""
        if not index.isValid() or role != Qt.ItemDataRole.DisplayRole:
            return None
        entry = self._entries[index.row()]
        column = Column(index.column())
        if column is Column.AT:
            return self._times[index.row()]
        return {
            Column.ACTOR: entry.actor,
            Column.ACTION: entry.action,
            Column.OBJECT: entry.object,
            Column.RESULT: entry.result,
        }[column]

    def headerData(  # noqa: N802 - Qt's name
        self,
        section: int,
        orientation: Qt.Orientation,
        role: int = Qt.ItemDataRole.DisplayRole,
    ) -> Any:
        """Column titles in the active language."""
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section < len(Column)
        ):
            return _(HEADERS[Column(section)])
        return None


def chain_sentence(broken: list[int]) -> str:
    """Whether the chain of hashes holds, in one sentence."""
    if not broken:
        return _("De keten van het logboek is heel: er is niets veranderd of weggehaald.")
    return _(
        "Let op: de keten van het logboek is verbroken bij regel %(id)s. "
        "Er is met het logboek geknoeid. Meld dit bij uw privacy officer."
    ) % {"id": broken[0]}


class AuditDialog(QDialog):
    """Logboek: who did what, when, on which object, with what result; never the content."""

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Logboek"))
        self.resize(*metrics.DEFAULT_WINDOW_SIZE)
        layout = QVBoxLayout(self)
        layout.addWidget(
            widgets.paragraph(
                _(
                    "Het logboek toont de nieuwste %(n)d regels: wie wat deed en wanneer. "
                    "De inhoud zelf staat er nooit in."
                )
                % {"n": SHOWN}
            )
        )
        self.chain = QLabel(chain_sentence(audit.broken_entries(db)))
        self.chain.setWordWrap(True)
        layout.addWidget(self.chain)
        self.model = AuditModel(audit.entries(db, SHOWN), self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setAccessibleName(_("Logboek"))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.resizeColumnsToContents()
        layout.addWidget(self.table)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(_("&Sluiten"))
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        accessibility.name_widgets(self)
        self.table.setFocus()
