"""The Quickscan page: start or resume a scan, fill it in, see the result, history and comparisons."""

from __future__ import annotations

from PySide6.QtWidgets import QStackedWidget, QTabWidget, QVBoxLayout, QWidget

from resources.i18n import _
from ui import accessibility
from ui.changes import ChangeBus
from ui.context import WindowContext
from ui.quickscan.compare import CompareRolesView, CompareScansView
from ui.quickscan.fill import FillView
from ui.quickscan.history import HistoryView
from ui.quickscan.result import ResultView
from ui.quickscan.start import StartView


class QuickscanPage(QWidget):
    """Tabs: the scan (start, fill in, result), the history, and the two comparisons."""

    def __init__(self, context: WindowContext, bus: ChangeBus, parent: QWidget | None = None):
        super().__init__(parent)
        self.context = context
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.tabs = QTabWidget()
        self.tabs.setAccessibleName(_("Quickscan"))
        layout.addWidget(self.tabs)

        self.scan = QStackedWidget()
        self.start = StartView(context, bus)
        self.fill = FillView(context, bus)
        self.result = ResultView(context)
        for view in (self.start, self.fill, self.result):
            self.scan.addWidget(view)
        self.history = HistoryView(context, bus)
        self.compare_scans = CompareScansView(context, bus)
        self.compare_roles = CompareRolesView(context, bus)
        self.tabs.addTab(self.scan, _("&Scan"))
        self.tabs.addTab(self.history, _("Geschie&denis"))
        self.tabs.addTab(self.compare_scans, _("Scans &vergelijken"))
        self.tabs.addTab(self.compare_roles, _("&Rollen vergelijken"))

        self.start.resume.connect(self.open_draft)
        self.history.resume.connect(self.open_draft)
        self.history.open_result.connect(self.open_result)
        self.fill.completed.connect(self.open_result)
        self.fill.closed.connect(self.show_start)
        self.result.closed.connect(self.show_start)
        accessibility.name_widgets(self)

    def show_start(self) -> None:
        """Back to the start view (drafts stay as they are)."""
        self.tabs.setCurrentWidget(self.scan)
        self.scan.setCurrentWidget(self.start)
        self.start.refresh_drafts()
        self.start.role.setFocus()

    def open_draft(self, response_id: int) -> None:
        """Fill in a draft scan further."""
        self.tabs.setCurrentWidget(self.scan)
        self.scan.setCurrentWidget(self.fill)
        self.fill.open(response_id)

    def open_result(self, response_id: int) -> None:
        """Show the result of a completed scan."""
        self.tabs.setCurrentWidget(self.scan)
        self.scan.setCurrentWidget(self.result)
        self.result.open(response_id)
        accessibility.name_widgets(self.result)


def create(context: WindowContext, bus: ChangeBus) -> QWidget:
    """The page for the main window."""
    return QuickscanPage(context, bus)
