"""Closed client files past the retention period, with one action to erase them all."""

from __future__ import annotations

import datetime as dt
import enum

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from caseload import erasure, vocab
from resources import i18n
from resources.i18n import _, ngettext
from ui import accessibility, error_dialog, table_model
from ui.changes import ChangeBus
from ui.context import WindowContext

Index = QModelIndex | QPersistentModelIndex


class Column(enum.IntEnum):
    """The columns of the list."""

    REFERENCE = 0
    NAME = 1
    CLOSED_ON = 2
    REASON = 3
    KEEP_UNTIL = 4


def _headers() -> dict[Column, str]:
    return {
        Column.REFERENCE: _("Klantnummer"),
        Column.NAME: _("Naam"),
        Column.CLOSED_ON: _("Afgesloten op"),
        Column.REASON: _("Reden"),
        Column.KEEP_UNTIL: _("Bewaren tot"),
    }


class RetentionModel(table_model.RowsModel):
    """The files past retention (a short list: held whole)."""

    NUMBERED = False

    @property
    def items(self) -> list[erasure.PastRetention]:
        """The files shown."""
        return [self.row_at(row) for row in range(self.rowCount())]

    def set_items(self, items: list[erasure.PastRetention]) -> None:
        """Show these files."""
        self.set_rows(items)

    def headers(self) -> list[str]:
        """Column titles in the active language."""
        return [_headers()[column] for column in Column]

    def cell(self, row: erasure.PastRetention, column: int) -> str:
        """The text of one cell."""
        return {
            Column.REFERENCE: lambda: row.reference,
            Column.NAME: lambda: row.name,
            Column.CLOSED_ON: lambda: i18n.date_text(row.closed_on),
            Column.REASON: lambda: vocab.CLOSING_REASONS.label(row.closing_reason),
            Column.KEEP_UNTIL: lambda: i18n.date_text(row.keep_until),
        }[Column(column)]()


class RetentionDialog(QDialog):
    """Lists the files past retention; typing 'wissen' enables erasing them all."""

    def __init__(
        self,
        context: WindowContext,
        bus: ChangeBus,
        parent: QWidget | None = None,
        today: dt.date | None = None,
    ) -> None:
        super().__init__(parent)
        self.context = context
        self.bus = bus
        self.today = today or dt.date.today()
        self.erased = 0
        self.setWindowTitle(_("Bewaartermijn"))
        layout = QVBoxLayout(self)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        self.model = RetentionModel(self)
        self.table = QTableView()
        self.table.setAccessibleName(_("Dossiers na de bewaartermijn"))
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setTabKeyNavigation(False)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        layout.addWidget(self.table, 1)
        self.warning = QLabel(
            _(
                "Wissen haalt deze dossiers voorgoed weg, met alles wat erover is opgeslagen. "
                "Dit kan niet ongedaan worden gemaakt. In het logboek komt alleen dat er een "
                "dossier is gewist."
            )
        )
        self.warning.setWordWrap(True)
        layout.addWidget(self.warning)
        form = QFormLayout()
        self.typed = QLineEdit()
        self.confirm_word = _("wissen")
        label = QLabel(_("Typ “%(word)s” om te &bevestigen:") % {"word": self.confirm_word})
        label.setBuddy(self.typed)
        form.addRow(label, self.typed)
        layout.addLayout(form)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.erase_button = self.buttons.addButton(
            _("Alle &wissen"), QDialogButtonBox.ButtonRole.DestructiveRole
        )
        for button in self.buttons.buttons():
            assert isinstance(button, QPushButton)
            button.setAutoDefault(False)
            button.setDefault(False)
        self.erase_button.clicked.connect(self.erase_all)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.typed.textChanged.connect(self._update_button)
        accessibility.name_widgets(self)
        self.refresh()
        self.resize(720, 420)

    def refresh(self) -> None:
        """Read the list again with the retention period from the settings."""
        years = self.context.settings.retention_years
        items = erasure.past_retention(self.context.db, years, self.today)
        self.model.set_items(items)
        self.summary.setText(
            ngettext(
                "%(n)d afgesloten dossier is langer bewaard dan de bewaartermijn van %(years)d jaar.",
                "%(n)d afgesloten dossiers zijn langer bewaard dan de bewaartermijn van %(years)d jaar.",
                len(items),
            )
            % {"n": len(items), "years": years}
        )
        self.typed.setEnabled(bool(items))
        self._update_button()

    def _update_button(self) -> None:
        self.erase_button.setEnabled(
            bool(self.model.items)
            and self.typed.text().strip().casefold() == self.confirm_word.casefold()
        )

    def erase_all(self) -> None:
        """Erase every listed file; tell every view."""
        if not self.erase_button.isEnabled():
            return
        ids = [item.id for item in self.model.items]
        done = self.bus.perform(
            lambda: erasure.erase_many(self.context.db, ids, actor=self.context.actor),
            self,
            error_dialog.show,
        )
        if done is not None:
            self.erased += done.value
        self.typed.clear()
        self.refresh()


def open_over(window: QWidget, context: WindowContext, bus: ChangeBus) -> None:
    """Open this dialog over the window (Bestand → Dossiers na bewaartermijn…)."""
    dialog = RetentionDialog(context, bus, window)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
