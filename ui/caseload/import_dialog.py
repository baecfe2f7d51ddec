"""The import dialog: choose a CSV file, check the detected columns, see what is wrong, import.

The file is read and checked by the domain (``caseload.csv_import``); the import itself runs
off the GUI thread on its own connection, with progress and cancel. A cancel or a failure
leaves the database as it was: the domain writes everything in one transaction.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from caseload import csv_import, csv_mapping, csv_read, csv_rejected
from resources.changes import Changed
from resources.errors import UserError
from resources.i18n import _, ngettext
from ui import accessibility, file_dialogs, jobs
from ui.changes import ChangeBus
from ui.context import WindowContext

if TYPE_CHECKING:
    from sqlite_utils import Database

PREVIEW_ROWS = 8


def result_text(result: csv_import.ImportResult) -> str:
    """One or two sentences about what the import did (or, as a check, would do)."""
    counts = _(
        "Toegevoegd: %(added)d. Bijgewerkt: %(updated)d. Ongewijzigd: %(unchanged)d. "
        "Overgeslagen: %(skipped)d. Afgewezen: %(rejected)d."
    ) % {
        "added": result.added,
        "updated": result.updated,
        "unchanged": result.unchanged,
        "skipped": result.skipped,
        "rejected": len(result.rejected),
    }
    read = ngettext("%(rows)d regel gelezen.", "%(rows)d regels gelezen.", result.read) % {
        "rows": result.read
    }
    if result.dry_run:
        return _("Controle: %(read)s Zo zou het gaan: %(counts)s") % {
            "read": read,
            "counts": counts,
        }
    return f"{read} {counts}"


class ImportDialog(QDialog):
    """Import clients from a CSV file, by keyboard alone."""

    def __init__(self, context: WindowContext, bus: ChangeBus, parent: QWidget | None = None):
        super().__init__(parent)
        self.context = context
        self.bus = bus
        self.table: csv_read.CsvTable | None = None
        self.import_result: csv_import.ImportResult | None = None
        #: The rows the last check or import refused, for saving them as a CSV.
        self.rejected_rows: tuple[csv_read.RejectedRow, ...] = ()
        self.runner: jobs.JobRunner | None = None
        self.combos: dict[str, QComboBox] = {}
        self.setWindowTitle(_("Klanten importeren"))
        layout = QVBoxLayout(self)

        choose_row = QHBoxLayout()
        self.choose_button = QPushButton(_("&Bestand kiezen…"))
        self.choose_button.clicked.connect(self.choose_file)
        choose_row.addWidget(self.choose_button)
        self.file_label = QLabel(_("Kies een CSV-bestand uit Excel of het klantsysteem."))
        self.file_label.setWordWrap(True)
        choose_row.addWidget(self.file_label, 1)
        layout.addLayout(choose_row)

        self.preview = QTableWidget()
        self.preview.setAccessibleName(_("Voorbeeld van de eerste regels"))
        self.preview.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        layout.addWidget(self.preview, 1)

        layout.addWidget(QLabel(_("Welke kolom is wat?")))
        self.mapping_area = QScrollArea()
        self.mapping_area.setWidgetResizable(True)
        self.mapping_form_widget = QWidget()
        self.mapping_form = QFormLayout(self.mapping_form_widget)
        self.mapping_area.setWidget(self.mapping_form_widget)
        layout.addWidget(self.mapping_area, 1)

        self.valid_only = QRadioButton(_("Alleen de &goede regels inlezen"))
        self.valid_only.setChecked(True)
        self.nothing = QRadioButton(_("&Niets inlezen als één regel niet klopt"))
        self.update_existing = QCheckBox(_("Be&staande klanten bijwerken (anders overslaan)"))
        # The two choices in a group named by their question, for screen readers.
        choice = QGroupBox(_("Als een regel niet klopt"))
        choice_layout = QVBoxLayout(choice)
        for radio in (self.valid_only, self.nothing):
            choice_layout.addWidget(radio)
        layout.addWidget(choice)
        layout.addWidget(self.update_existing)

        self.summary = QLabel()
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        self.rejected_list = QListWidget()
        self.rejected_list.setAccessibleName(_("Regels die niet kloppen"))
        layout.addWidget(self.rejected_list, 1)

        buttons = QDialogButtonBox()
        self.check_button = buttons.addButton(
            _("&Controleren"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.import_button = buttons.addButton(
            _("&Importeren"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.save_rejected_button = buttons.addButton(
            _("Afgewezen regels &opslaan…"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.save_rejected_button.setEnabled(False)
        self.close_button = buttons.addButton(_("Sluiten"), QDialogButtonBox.ButtonRole.RejectRole)
        self.save_rejected_button.clicked.connect(self.save_rejected)
        self.check_button.clicked.connect(lambda: self.start(dry_run=True))
        self.import_button.clicked.connect(lambda: self.start(dry_run=False))
        self.close_button.clicked.connect(self.reject)
        layout.addWidget(buttons)
        self._set_ready(False)
        accessibility.name_widgets(self)
        self.resize(820, 680)

    def _set_ready(self, ready: bool) -> None:
        for widget in (self.check_button, self.import_button):
            widget.setEnabled(ready)

    def choose_file(self) -> None:
        """Ask for a file, then load it."""
        path = file_dialogs.open_file(
            self,
            self.context,
            "import",
            _("CSV-bestand kiezen"),
            _("CSV-bestanden (*.csv *.txt);;Alle bestanden (*)"),
        )
        if path is not None:
            self.load(path)

    def load(self, path: Path) -> None:
        """Read the file, show the first rows and the detected columns; say why when it cannot."""
        self.import_result = None
        self._show_rows(())
        try:
            table, mapping = csv_import.inspect(path, bsn_enabled=self.context.settings.bsn_enabled)
        except UserError as error:
            self.table = None
            self.file_label.setText(error.message)
            self.summary.setText("")
            self._set_ready(False)
            return
        self.table = table
        self.file_label.setText(
            ngettext(
                "%(name)s: %(rows)d regel (%(encoding)s, gescheiden door %(delimiter)s).",
                "%(name)s: %(rows)d regels (%(encoding)s, gescheiden door %(delimiter)s).",
                len(table.rows),
            )
            % {
                "name": path.name,
                "rows": len(table.rows),
                "encoding": csv_read.encoding_name(table.encoding),
                "delimiter": csv_read.delimiter_name(table.delimiter),
            }
        )
        self._show_preview(table)
        self._show_mapping(table, mapping)
        self.summary.setText(
            _("Kijk of de kolommen kloppen en kies dan Controleren of Importeren.")
        )
        self._set_ready(True)

    def _show_preview(self, table: csv_read.CsvTable) -> None:
        rows = table.preview(PREVIEW_ROWS)
        self.preview.clear()
        self.preview.setColumnCount(len(table.headers))
        self.preview.setRowCount(len(rows))
        self.preview.setHorizontalHeaderLabels(list(table.headers))
        for row_number, cells in enumerate(rows):
            for column, cell in enumerate(cells):
                self.preview.setItem(row_number, column, QTableWidgetItem(cell))

    def _show_mapping(self, table: csv_read.CsvTable, mapping: dict[str, str | None]) -> None:
        while self.mapping_form.rowCount():
            self.mapping_form.removeRow(0)
        self.combos = {}
        for header in table.headers:
            combo = QComboBox()
            combo.addItem(_("(niet inlezen)"), None)
            for field in csv_mapping.FIELDS:
                combo.addItem(field.text(), field.name)
            combo.setCurrentIndex(max(combo.findData(mapping.get(header)), 0))
            label = QLabel(header)
            label.setBuddy(combo)
            combo.setAccessibleName(header)
            self.mapping_form.addRow(label, combo)
            self.combos[header] = combo

    def mapping(self) -> dict[str, str | None]:
        """The mapping as the user set it in the combo boxes."""
        return {header: combo.currentData() for header, combo in self.combos.items()}

    def start(self, *, dry_run: bool) -> None:
        """Check (dry run) or import, off the GUI thread."""
        if self.table is None:
            return
        table, mapping = self.table, self.mapping()
        on_existing: csv_import.OnExisting = (
            "update" if self.update_existing.isChecked() else "skip"
        )
        valid_only = self.valid_only.isChecked()
        bsn_enabled = self.context.settings.bsn_enabled
        actor = self.context.actor

        def work(
            db: Database, progress: Callable[[int, int], None], cancelled: Callable[[], bool]
        ) -> Changed[csv_import.ImportResult] | csv_read.ImportRejected:
            try:
                return csv_import.import_clients(
                    db,
                    table,
                    mapping=mapping,
                    on_existing=on_existing,
                    valid_only=valid_only,
                    bsn_enabled=bsn_enabled,
                    actor=actor,
                    dry_run=dry_run,
                    progress=progress,
                    cancelled=cancelled,
                )
            except csv_read.ImportRejected as refusal:
                return refusal  # shown in the dialog with its rows, not in a message box

        job = jobs.on_own_connection(self.context.connect, work, csv_import.ImportCancelled)
        self._set_ready(False)
        title = _("Klanten importeren")
        label = _("Het bestand wordt gecontroleerd…") if dry_run else _("Klanten worden ingelezen…")
        self.runner = self.bus.perform_in_background(self, title, label, job)
        self.runner.finished.connect(self._finished)
        self.runner.failed.connect(lambda _message: self._set_ready(True))
        self.runner.cancelled.connect(self._cancelled)

    def _show_rows(
        self,
        rows: tuple[csv_read.RejectedRow, ...],
        not_data: tuple[csv_read.RejectedRow, ...] = (),
    ) -> None:
        self.rejected_list.clear()
        self.rejected_rows = rows
        self.save_rejected_button.setEnabled(bool(rows))
        for row in rows:
            self.rejected_list.addItem(
                _("regel %(line)d: %(reason)s") % {"line": row.line_number, "reason": row.reason}
            )
        for row in not_data:
            self.rejected_list.addItem(
                _("regel %(line)d overgeslagen: %(reason)s")
                % {"line": row.line_number, "reason": row.reason}
            )

    def save_rejected(self) -> None:
        """Save the refused rows with their reasons as a CSV, to fix them at the source."""
        if self.table is None or not self.rejected_rows:
            return
        target, _filter = file_dialogs.save_file(
            self,
            self.context,
            "import",
            _("Afgewezen regels opslaan"),
            _("afgewezen-regels.csv"),
            _("CSV-bestanden (*.csv)"),
        )
        if target is None:
            return
        try:
            saved = csv_rejected.write(
                self.context.db, target, self.table, self.rejected_rows, actor=self.context.actor
            )
        except UserError as error:
            self.summary.setText(error.message)
            return
        self.summary.setText(
            ngettext(
                "%(n)d afgewezen regel opgeslagen in %(path)s.",
                "%(n)d afgewezen regels opgeslagen in %(path)s.",
                saved,
            )
            % {"n": saved, "path": target}
        )

    def _finished(self, outcome: object) -> None:
        self._set_ready(True)
        if isinstance(outcome, csv_read.ImportRejected):
            self.summary.setText(outcome.message)
            self._show_rows(outcome.rejected)
            return
        assert isinstance(outcome, Changed)
        result = outcome.value
        assert isinstance(result, csv_import.ImportResult)
        self.import_result = result
        self.summary.setText(result_text(result))
        self._show_rows(result.rejected, result.not_data)

    def _cancelled(self) -> None:
        self._set_ready(True)
        self.summary.setText(_("Gestopt. Er is niets ingelezen."))
