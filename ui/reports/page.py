"""The Rapporten page: choose a report, see its pages, print it, save it or open it elsewhere."""

from __future__ import annotations

import datetime as dt
import itertools
import shutil
import tempfile
import weakref
from pathlib import Path

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QAction, QDesktopServices, QGuiApplication, QKeySequence, QShowEvent
from PySide6.QtPrintSupport import QAbstractPrintDialog, QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QDialog,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from resources import files
from resources.changes import Changes, Kind
from resources.errors import UserError, file_reason
from resources.i18n import _, ngettext
from ui import accessibility, design, file_dialogs, icons, jobs, metrics, widgets
from ui.changes import ChangeBus
from ui.context import WindowContext
from ui.flow_layout import FlowLayout
from ui.reports import making, window_job
from ui.reports import render as report_render
from ui.reports.form import ReportForm
from ui.reports.preview import Preview

#: Form column width on the left.
FORM_WIDTH = 360


class ReportsPage(QWidget):
    """Choose a report on the left; its pages, print and save on the right."""

    def __init__(
        self,
        context: WindowContext,
        bus: ChangeBus,
        today: dt.date | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.context = context
        self.today = today
        self.path: Path | None = None
        self.request: making.Request | None = None
        self.runner: jobs.JobRunner | None = None
        # Previews live in a private temporary folder that goes with the page or when Trede
        # closes (a PDF reader may still hold a file open on Windows: then it stays behind).
        self.folder = Path(tempfile.mkdtemp(prefix="trede-rapport-"))
        weakref.finalize(self, shutil.rmtree, self.folder, ignore_errors=True)
        self._numbers = itertools.count(1)
        self._stale = True
        bus.changed.connect(self._data_changed)

        layout = widgets.page_layout(self)
        layout.addWidget(widgets.title(_("Rapporten")))
        layout.addWidget(
            widgets.paragraph(
                _(
                    "Kies een rapport en maak een voorbeeld. Daarna kunt u het afdrukken, "
                    "opslaan als PDF of openen in uw PDF-lezer. In het inclusierapport staan "
                    "alleen totalen: geen klant is erin te herkennen."
                )
            )
        )
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.setChildrenCollapsible(False)
        self.form = ReportForm(today)
        self.form.preview_requested.connect(self.make_preview)
        left = QScrollArea()
        left.setWidgetResizable(True)
        left.setFrameShape(QScrollArea.Shape.NoFrame)
        left.setWidget(self.form)
        left.setMinimumWidth(design.scaled(FORM_WIDTH))
        splitter.addWidget(left)

        right = QWidget()
        column = QVBoxLayout(right)
        column.setContentsMargins(metrics.SPACING, 0, 0, 0)
        self.preview = Preview()
        column.addWidget(self.preview, 1)
        buttons = FlowLayout()  # wraps with a large font instead of cutting the buttons off
        self.print_button = QPushButton(icons.icon("print"), _("Afdr&ukken…"))
        self.print_button.clicked.connect(self.print_report)
        self.save_button = QPushButton(icons.icon("save"), _("Opslaan a&ls PDF…"))
        self.save_button.clicked.connect(self.save_as)
        self.open_button = QPushButton(_("&Openen in PDF-lezer"))
        self.open_button.clicked.connect(self.open_external)
        for button in (
            self.print_button,
            self.save_button,
            self.open_button,
            self.preview.text_button,
        ):
            buttons.addWidget(button)
        column.addLayout(buttons)
        self.status = widgets.paragraph("")
        self.status.setObjectName("reportStatus")
        column.addWidget(self.status)
        splitter.addWidget(right)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([design.scaled(FORM_WIDTH), 700])
        layout.addWidget(splitter, 1)
        self._add_shortcuts()
        self._set_ready(False)
        accessibility.name_widgets(self)

    def _add_shortcuts(self) -> None:
        """Zoom, print and save work anywhere on the page, also from the form."""
        for keys, slot, what in (
            ((QKeySequence.StandardKey.ZoomIn, "Ctrl+="), self.preview.zoom_in, _("Inzoomen")),
            ((QKeySequence.StandardKey.ZoomOut,), self.preview.zoom_out, _("Uitzoomen")),
            ((QKeySequence.StandardKey.Print,), self.print_report, _("Rapport afdrukken")),
            ((QKeySequence.StandardKey.Save,), self.save_as, _("Rapport opslaan")),
        ):
            action = QAction(what, self)  # the text names it in Help → Sneltoetsen
            sequences: list[QKeySequence] = []
            for key in keys:
                sequences += (
                    QKeySequence.keyBindings(key)
                    if isinstance(key, QKeySequence.StandardKey)
                    else [QKeySequence(key)]
                )
            action.setShortcuts(sequences)
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            action.triggered.connect(slot)
            self.addAction(action)

    # -- lists --------------------------------------------------------------------------

    def _data_changed(self, changes: Changes) -> None:
        """New teams, clients or scans to choose from: read the lists again (now, or when shown)."""
        if changes.touches(Kind.CLIENT, Kind.QUICKSCAN, Kind.SETTINGS):
            self._stale = True
            if self.isVisible():
                self.refresh()

    def refresh(self) -> None:
        """Reload the teams and the scans to choose from."""
        self.form.refresh(self.context.db)
        self._stale = False

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt's name
        """Fresh lists each time the page appears after a change."""
        if self._stale:
            self.refresh()
        super().showEvent(event)

    # -- making a preview ---------------------------------------------------------------

    def make_preview(self) -> None:
        """Write the chosen report to a temporary PDF off the GUI thread, then show it."""
        if self.runner is not None:
            return
        if self._stale:
            self.refresh()
        request = self.form.request(self.context.db)
        if request is None:
            return
        folder = self.folder / str(next(self._numbers))
        folder.mkdir()
        path = folder / window_job.file_name(request)
        settings = window_job.settings_of(self.context.settings)
        job = window_job.job(self.context.connect, request, path, settings, self.context.actor)
        self.status.setText(_("Het rapport wordt gemaakt…"))
        self.form.make.setEnabled(False)
        self.runner = jobs.run(self, _("Rapport maken"), _("Het rapport wordt gemaakt…"), job)
        self.runner.finished.connect(lambda result: self._preview_ready(request, result))
        self.runner.failed.connect(self._preview_failed)
        self.runner.cancelled.connect(self._preview_cancelled)

    def _job_done(self) -> None:
        self.runner = None
        self.form.make.setEnabled(True)

    def _preview_ready(self, request: making.Request, path: object) -> None:
        self._job_done()
        assert isinstance(path, Path)
        try:
            document = report_render.Document(path)
        except UserError as error:
            self._preview_failed(error.message)
            QMessageBox.warning(self, _("Rapport maken"), error.message)
            return
        self.path, self.request = path, request
        self.preview.show_document(document)
        self._set_ready(True)
        pages = len(document)
        self.status.setText(
            ngettext(
                "%(name)s is klaar: %(n)d pagina.", "%(name)s is klaar: %(n)d pagina's.", pages
            )
            % {"name": path.name, "n": pages}
        )
        self.preview.scroll_area.setFocus(Qt.FocusReason.OtherFocusReason)

    def _preview_failed(self, message: str) -> None:
        self._job_done()
        self.status.setText(message)

    def _preview_cancelled(self) -> None:
        self._job_done()
        self.status.setText(_("Gestopt. Er is geen rapport gemaakt."))

    def _set_ready(self, ready: bool) -> None:
        for button in (self.print_button, self.save_button, self.open_button):
            button.setEnabled(ready)

    # -- printing, saving, opening ------------------------------------------------------

    def print_report(self) -> None:
        """Print through the system's print dialog, at the printer's resolution."""
        document = self.preview.document
        if document is None or self.path is None:
            return
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setDocName(self.path.stem)
        dialog = QPrintDialog(printer, self)
        dialog.setWindowTitle(_("Rapport afdrukken"))
        dialog.setOption(QAbstractPrintDialog.PrintDialogOption.PrintPageRange, True)
        dialog.setMinMax(1, len(document))
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        if not self._log(self.request, "print", _("Niet afgedrukt")):
            return
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            pages = report_render.print_pages(document, dialog.printer())
        except UserError as error:
            self._tell(_("Niet afgedrukt"), error.message)
            return
        finally:
            QGuiApplication.restoreOverrideCursor()
        self.status.setText(
            ngettext(
                "%(n)d pagina naar de printer gestuurd.",
                "%(n)d pagina's naar de printer gestuurd.",
                pages,
            )
            % {"n": pages}
        )

    def save_as(self) -> None:
        """Copy the previewed PDF to a place the user chooses."""
        if self.path is None:
            return
        target, _filter = file_dialogs.save_file(
            self,
            self.context,
            "reports",
            _("Rapport opslaan als PDF"),
            self.path.name,
            _("PDF-bestand (*.pdf)"),
        )
        if target is None:
            return
        if target.suffix.lower() != ".pdf":
            target = target.with_name(target.name + ".pdf")
        if not self._log(self.request, "save", _("Niet opgeslagen")):
            return
        try:
            _copy_private(self.path, target)
        except OSError as error:
            self._tell(
                _("Niet opgeslagen"),
                _("Het rapport kan niet worden opgeslagen in %(path)s: %(reason)s")
                % {"path": target, "reason": file_reason(error)},
            )
            return
        self.status.setText(_("Opgeslagen in %(path)s") % {"path": target})

    def open_external(self) -> None:
        """Open the PDF in the program the system uses for PDF files."""
        if self.path is None:
            return
        if not self._log(self.request, "open", _("Niet geopend")):
            return
        if not QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.path))):
            self._tell(
                _("Niet geopend"),
                _(
                    "Er is geen programma gevonden dat PDF-bestanden opent. Sla het rapport op "
                    "als PDF of druk het af."
                ),
            )
            return
        self.status.setText(_("Geopend in uw PDF-lezer."))

    def _log(self, request: making.Request | None, step: str, title: str) -> bool:
        """Log the report in the audit log; when that fails, tell the user and return False."""
        if request is None:
            return False
        try:
            making.log(self.context.db, request, actor=self.context.actor, step=step)
        except making.NotLogged as refused:
            self._tell(title, refused.message)
            return False
        return True

    def _tell(self, title: str, message: str) -> None:
        self.status.setText(message)
        QMessageBox.warning(self, title, message)


def _copy_private(source: Path, target: Path) -> None:
    """Copy a report so that only the user can read it, and never leave half a file behind."""
    with files.private_file(target) as temporary:
        shutil.copyfile(source, temporary)


def create(context: WindowContext, bus: ChangeBus) -> QWidget:
    """The page for the main window."""
    return ReportsPage(context, bus)
