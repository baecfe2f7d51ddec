"""The history of scans: a table of every scan; Enter opens a result or resumes a draft."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from resources.changes import Changes, Kind
from resources.i18n import _
from ui import metrics, widgets
from ui.changes import ChangeBus
from ui.context import WindowContext
from ui.quickscan import table_models as models


def view_layout(view: QWidget) -> QVBoxLayout:
    """A page layout whose content fills the height (unlike widgets.page_layout)."""
    layout = QVBoxLayout(view)
    layout.setContentsMargins(metrics.MARGIN, metrics.MARGIN, metrics.MARGIN, metrics.MARGIN)
    layout.setSpacing(metrics.SPACING)
    return layout


class ScanTable(QTableView):
    """A table of scans; Enter opens the current one."""

    open_requested = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt's name
        """Enter opens the scan; other keys move as usual."""
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.currentIndex().isValid():
            self.open_requested.emit()
        else:
            super().keyPressEvent(event)


def table(name: str) -> ScanTable:
    """A read-only, row-selecting table with the house settings."""
    view = ScanTable()
    view.setAccessibleName(name)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setTabKeyNavigation(False)
    view.setAlternatingRowColors(True)
    view.setWordWrap(False)
    view.verticalHeader().hide()
    rows = view.verticalHeader()
    rows.setDefaultSectionSize(view.fontMetrics().height() + metrics.SPACING)
    rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    return view


def stretch_column(view: QTableView, column: int) -> None:
    """Let one column take the room that is left (the others fit their contents)."""
    view.horizontalHeader().setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)


class HistoryView(QWidget):
    """Every scan, newest first; open a completed scan's result or resume a draft."""

    #: Open a completed scan's result: its id.
    open_result = Signal(int)
    #: Resume a draft: its id.
    resume = Signal(int)

    def __init__(self, context: WindowContext, bus: ChangeBus, parent: QWidget | None = None):
        super().__init__(parent)
        self.context = context
        layout = view_layout(self)
        layout.addWidget(widgets.title(_("Geschiedenis")))
        layout.addWidget(
            widgets.paragraph(
                _("Alle scans, de nieuwste eerst. Kies een scan en druk op Enter om hem te openen.")
            )
        )
        self.model = models.HistoryModel(self)
        label = QLabel(_("&Lijst van scans:"))
        self.table = table(_("Lijst van scans"))
        label.setBuddy(self.table)
        self.table.setModel(self.model)
        stretch_column(self.table, models.HistoryColumn.TEAM)
        self.table.open_requested.connect(self.open_current)
        self.table.doubleClicked.connect(lambda _index: self.open_current())
        layout.addWidget(label)
        layout.addWidget(self.table, 1)
        self.empty = widgets.paragraph(
            _(
                "Er zijn nog geen scans. Begin er een op het tabblad Scan (Alt+S): kies uw rol "
                "en team en kies Scan starten. Een afgeronde scan staat daarna hier."
            )
        )
        layout.addWidget(self.empty)
        row = QHBoxLayout()
        self.open_button = QPushButton(_("Scan &openen"))
        self.open_button.clicked.connect(self.open_current)
        row.addWidget(self.open_button)
        row.addStretch(1)
        layout.addLayout(row)
        bus.changed.connect(self._changed)
        self.refresh()

    def refresh(self) -> None:
        """Read the scans again, keeping the current one where possible."""
        current = self.current_id()
        self.model.set_rows(models.history_rows(self.context.db))
        rows = self.model.rowCount()
        self.empty.setVisible(rows == 0)
        self.open_button.setEnabled(rows > 0)
        target = 0
        for row in range(rows):
            if self.model.response_id(row) == current:
                target = row
        if rows:
            self.table.selectRow(target)

    def current_id(self) -> int | None:
        """The id of the scan in the current row, if any."""
        index = self.table.currentIndex()
        if not index.isValid() or index.row() >= self.model.rowCount():
            return None
        return self.model.response_id(index.row())

    def open_current(self) -> None:
        """Open the current scan: its result, or the draft to fill in further."""
        index = self.table.currentIndex()
        if not index.isValid():
            return
        response = self.model.row_at(index.row()).response
        if response.is_complete:
            self.open_result.emit(response.id)
        else:
            self.resume.emit(response.id)

    def _changed(self, changes: Changes) -> None:
        """A scan was started, answered, completed or deleted: read the scans again."""
        if changes.touches(Kind.QUICKSCAN):
            self.refresh()
