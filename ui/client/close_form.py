"""Closing the file for real: date, reason, what happens to the open barriers and actions, and
with outflow to work the job (sector, hours, contract, start); a closed file can be reopened."""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import QLabel, QLineEdit, QMessageBox, QPushButton, QWidget

from caseload import clients, closing, model, vocab
from resources import i18n
from resources.changes import Changes
from resources.i18n import _
from ui import undo
from ui.client.entry import ChoiceList, EntryForm
from ui.client.fields import DateField, vocab_combo
from ui.client.timeline import outflow_text

#: The two answers to "what happens to the open barriers and actions?".
CLOSE_ALL, KEEP_OPEN = 1, 0


class CloseForm(EntryForm):
    """Close the case with a date and reason, or reopen a closed one."""

    def build(self) -> None:
        """Date, reason, the open items, the job; a line and a button for a closed case."""
        self.SAVE_TEXT = _("Dossier afsluiten (Ctrl+Enter)")
        self.confirm: QMessageBox | None = None
        self.closed_on = DateField(dt.date.today())
        self.reason = vocab_combo(vocab.CLOSING_REASONS, empty=_("Kies een reden"))
        self.reason.currentIndexChanged.connect(self._reason_changed)
        self.form.add_field(_("Datum afsluiten:"), self.closed_on, "closed_on")
        self.form.add_field(_("Reden:"), self.reason, "closing_reason")

        self.sector = vocab_combo(vocab.EMPLOYER_SECTORS, empty=_("Kies een sector"))
        self.hours = QLineEdit()
        self.hours.setPlaceholderText(_("bijvoorbeeld 32 of 24,5"))
        self.contract = vocab_combo(vocab.CONTRACT_TYPES, empty=_("Kies een soort contract"))
        self.work_start = DateField(dt.date.today())
        self.job_fields: list[QWidget] = [self.sector, self.hours, self.contract, self.work_start]
        self.form.add_field(_("Sector werkgever:"), self.sector, "employer_sector")
        self.form.add_field(_("Uren per week:"), self.hours, "hours_per_week")
        self.form.add_field(_("Soort contract:"), self.contract, "contract_type")
        self.form.add_field(_("Startdatum werk:"), self.work_start, "work_start_on")

        self.open_items_label = QLabel()
        self.open_items_label.setWordWrap(True)
        self.open_items = ChoiceList(
            [
                (
                    CLOSE_ALL,
                    _("Alles afsluiten"),
                    _(
                        "Open obstakels worden opgelost en open acties gestopt, op de datum van "
                        "afsluiten."
                    ),
                ),
                (
                    KEEP_OPEN,
                    _("Open laten staan"),
                    _("Ze blijven als open in het dossier staan, bijvoorbeeld voor nazorg."),
                ),
            ]
        )
        self.open_items.set_value(KEEP_OPEN)
        self.form.addRow(self.open_items_label)
        self.form.addRow(self.open_items)

        self.closed_text = QLabel()
        self.closed_text.setWordWrap(True)
        self.form.addRow(self.closed_text)
        self.reopen_button = QPushButton(_("Dossier h&eropenen…"))
        self.reopen_button.clicked.connect(self.reopen)
        self.form.addRow(self.reopen_button)
        self._reason_changed()

    def _reason_changed(self) -> None:
        """The job's fields only with outflow to work."""
        work = self.reason.currentData() == closing.WORK
        for widget in self.job_fields:
            self.form.setRowVisible(widget, work)

    def _open_counts(self, file: model.ClientFile) -> tuple[int, int]:
        return file.client.open_barriers, file.client.open_actions

    def first_field(self) -> QWidget:
        """The reason (the date is usually today); the reopen button for a closed case."""
        if self.file is not None and not self.file.client.is_active:
            return self.reopen_button
        return self.reason

    def clear(self) -> None:
        """Today, no reason, no job, open items kept."""
        self.closed_on.set_value(dt.date.today())
        self.reason.setCurrentIndex(0)
        self.sector.setCurrentIndex(0)
        self.hours.clear()
        self.contract.setCurrentIndex(0)
        self.work_start.set_value(dt.date.today())
        self.open_items.set_value(KEEP_OPEN)

    def client_changed(self, file: model.ClientFile) -> None:
        """Show the closing fields for an active case, the reopen button for a closed one."""
        client = file.client
        active = client.is_active
        closing_widgets: list[QWidget] = [self.closed_on, self.reason, self.save_button]
        for widget in closing_widgets:
            widget.setEnabled(active)
        self.form.setRowVisible(self.closed_on, active)
        self.form.setRowVisible(self.reason, active)
        self.save_button.setVisible(active)
        barriers, actions = self._open_counts(file)
        asks = active and bool(barriers or actions)
        self.open_items_label.setText(
            _("Wat gebeurt er met de open obstakels (%(barriers)s) en open acties (%(actions)s)?")
            % {"barriers": i18n.format_number(barriers), "actions": i18n.format_number(actions)}
        )
        self.form.setRowVisible(self.open_items_label, asks)
        self.form.setRowVisible(self.open_items, asks)
        if active:
            self._reason_changed()
        else:
            for job_field in self.job_fields:
                self.form.setRowVisible(job_field, False)
        self.reopen_button.setVisible(not active)
        self.closed_text.setText(_("Het dossier is open.") if active else _closed_text(file))

    def save(self) -> bool:
        """Close the case (nothing to do for a closed one)."""
        if self.file is None or not self.file.client.is_active:
            return False
        return super().save()

    def change_name(self) -> str:
        """For Ongedaan maken."""
        return _("dossier afsluiten")

    def store(self, file: model.ClientFile) -> Changes:
        """Close the case, with the job for outflow to work."""
        reason = self.reason.currentData() or ""
        outflow = None
        if reason == closing.WORK:
            outflow = closing.OutflowDetails(
                start_on=self.work_start.value(),
                employer_sector=self.sector.currentData(),
                hours_per_week=self.hours.text(),
                contract_type=self.contract.currentData(),
            )
        barriers, actions = self._open_counts(file)
        close_all = bool(barriers or actions) and self.open_items.value() == CLOSE_ALL
        return clients.close(
            self.context.db,
            file.client.id,
            on=self.closed_on.value() or dt.date.today(),
            reason=reason,
            actor=self.context.actor,
            close_open_items=close_all,
            outflow=outflow,
        ).changes

    def reopen(self) -> None:
        """Ask first; 'Heropenen' makes the case active again (its history stays)."""
        if self.file is None or self.file.client.is_active:
            return
        self.confirm = QMessageBox(
            QMessageBox.Icon.Question,
            _("Dossier heropenen"),
            _(
                "Het dossier weer openen? De afsluiting en de uitstroom blijven in de tijdlijn "
                "staan."
            ),
            QMessageBox.StandardButton.Cancel,
            self,
        )
        yes = self.confirm.addButton(_("&Heropenen"), QMessageBox.ButtonRole.AcceptRole)
        self.confirm.setDefaultButton(yes)
        self.confirm.buttonClicked.connect(lambda button: self._reopen_confirmed(button is yes))
        # Not every window system gives the focus back to the window: ask for it.
        self.confirm.finished.connect(lambda _result: self.window().activateWindow())
        self.confirm.open()

    def _reopen_confirmed(self, yes: bool) -> None:
        if not yes or self.file is None:
            return
        client_id = self.file.client.id
        reopened = self.bus.perform(
            lambda: clients.reopen(self.context.db, client_id, actor=self.context.actor),
            self,
            self.show_refusal,
            undoable=undo.Undoable(_("dossier heropenen"), client_id),
        )
        if reopened is None:
            return
        self.say_done(_("Het dossier is weer open."))
        self.focus_first()


def _closed_text(file: model.ClientFile) -> str:
    """'Afgesloten op 16-03-2026. Reden: Uitstroom naar werk (werk in Zorg en welzijn, …).'"""
    client = file.client
    reason = vocab.CLOSING_REASONS.label(client.closing_reason)
    latest = file.closings[-1] if file.closings else None
    if latest is not None and latest.outflow is not None and outflow_text(latest.outflow):
        reason += " (" + outflow_text(latest.outflow) + ")"
    return _("Afgesloten op %(date)s. Reden: %(reason)s.") % {
        "date": i18n.date_text(client.closed_on) if client.closed_on else "",
        "reason": reason,
    }
