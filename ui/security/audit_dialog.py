"""The audit log in the window: the newest entries in a table, and whether the chain holds."""

from __future__ import annotations

import datetime as dt
import enum

from PySide6.QtCore import QModelIndex, QPersistentModelIndex
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

from resources import audit, audit_words, i18n
from resources.i18n import N_, _
from ui import accessibility, metrics, table_model, widgets

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
    return i18n.datetime_text(moment.astimezone(), short=True)


class AuditModel(table_model.RowsModel):
    """The audit log entries, newest first; times formatted once."""

    NUMBERED = False

    def __init__(self, entries: list[audit.Entry], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.set_rows([(format_time(entry.at), entry) for entry in entries])

    def headers(self) -> list[str]:
        """Column titles in the active language."""
        return [_(HEADERS[column]) for column in Column]

    def cell(self, row: tuple[str, audit.Entry], column: int) -> str:
        """The text of one cell."""
        at, entry = row
        return {
            Column.AT: at,
            Column.ACTOR: entry.actor,
            Column.ACTION: audit_words.action(entry.action),
            Column.OBJECT: audit_words.object_words(entry.object),
            Column.RESULT: audit_words.result(entry.result),
        }[Column(column)]


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
