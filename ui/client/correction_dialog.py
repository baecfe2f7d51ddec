"""Correct or delete one row of a client's timeline: a contact, a measurement, a barrier change
or an action. Saving and deleting go through the change bus, so Ctrl+Z undoes them."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from caseload import corrections, errors, ladder, model, validate, vocab
from resources import i18n
from resources.changes import Changed, Changes
from resources.errors import UserError
from resources.i18n import _
from ui import accessibility, undo
from ui.changes import ChangeBus
from ui.client import timeline
from ui.client.fields import DateField, FieldForm, select_data, vocab_combo
from ui.client.forms import text_box
from ui.context import WindowContext

Write = Callable[[], Changed[Any] | Changes]


def _trede_combo(empty: str | None = None) -> QComboBox:
    combo = QComboBox()
    if empty is not None:
        combo.addItem(empty, None)
    for step in ladder.TREDEN:
        combo.addItem(step.title(), step.number)
    return combo


class CorrectionDialog(QDialog):
    """The row's fields as saved; Opslaan stores the correction, Verwijderen… removes the row
    after a confirmation."""

    def __init__(
        self,
        context: WindowContext,
        bus: ChangeBus,
        entry: model.TimelineEntry,
        barrier_kinds: dict[int, str],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.context = context
        self.bus = bus
        self.entry = entry
        self.confirm: QMessageBox | None = None
        self.first: QWidget = self
        layout = QVBoxLayout(self)
        # Which line is open: "Contact van 4 dec 2026: Telefonisch, 17 minuten".
        self.heading = QLabel(
            _("%(kind)s van %(date)s: %(text)s")
            % {
                "kind": timeline.kind_text(entry),
                "date": i18n.date_text(entry.on),
                "text": timeline.describe(entry, barrier_kinds),
            }
        )
        self.heading.setTextFormat(Qt.TextFormat.PlainText)  # a summary is never markup
        self.heading.setWordWrap(True)
        layout.addWidget(self.heading)
        self.form = FieldForm()
        layout.addLayout(self.form)
        item = entry.item
        if isinstance(item, model.Contact):
            self._contact(item)
        elif isinstance(item, model.LadderStep):
            self._step(item)
        elif isinstance(item, model.BarrierEvent):
            self._barrier_event(item, barrier_kinds.get(item.barrier_id))
        elif isinstance(item, model.Action):
            self._action(item)
        self.form.add_message_row()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.delete_button = self.buttons.addButton(
            _("&Verwijderen…"), QDialogButtonBox.ButtonRole.DestructiveRole
        )
        save = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        assert isinstance(save, QPushButton)
        self.save_button = save
        self.save_button.setDefault(True)
        self.delete_button.setAutoDefault(False)
        self.save_button.clicked.connect(self.save)
        self.delete_button.clicked.connect(self.ask_delete)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        accessibility.name_widgets(self)
        self.first.setFocus()

    # -- fields per kind ----------------------------------------------------------------------

    def _contact(self, contact: model.Contact) -> None:
        self.setWindowTitle(_("Contact corrigeren"))
        self.contact_on = DateField(contact.contact_on)
        self.kind = vocab_combo(vocab.CONTACT_KINDS)
        select_data(self.kind, contact.kind)
        self.minutes = QSpinBox()
        self.minutes.setRange(0, validate.MAX_MINUTES)
        self.minutes.setSpecialValueText(_("niet ingevuld"))
        self.minutes.setValue(contact.minutes or 0)
        self.summary = text_box(4)
        self.summary.setPlainText(contact.summary)
        self.share = QCheckBox(_("Delen met de klant"))
        self.share.setChecked(contact.share_with_client)
        self.form.add_field(_("Datum:"), self.contact_on, "contact_on")
        self.form.add_field(_("Soort contact:"), self.kind, "kind")
        self.form.add_field(_("Duur in minuten:"), self.minutes, "minutes")
        self.form.add_field(_("Samenvatting:"), self.summary, "summary")
        self.form.addRow(self.share)
        self.first = self.contact_on

    def _step(self, step: model.LadderStep) -> None:
        self.setWindowTitle(_("Meting corrigeren"))
        self.measured_on = DateField(step.measured_on)
        self.trede = _trede_combo()
        select_data(self.trede, step.trede)
        self.expected = _trede_combo(_("Niet ingeschat"))
        select_data(self.expected, step.expected_trede)
        self.note = QLineEdit(step.note)
        self.form.add_field(_("Datum meting:"), self.measured_on, "measured_on")
        self.form.add_field(_("Trede:"), self.trede, "trede")
        self.form.add_field(_("Verwachte trede:"), self.expected, "expected_trede")
        self.form.add_field(_("Notitie:"), self.note, "note")
        self.first = self.measured_on

    def _barrier_event(self, event: model.BarrierEvent, kind: str | None) -> None:
        self.setWindowTitle(_("Wijziging van obstakel corrigeren"))
        self.happened_on = DateField(event.happened_on)
        self.barrier_kind = vocab_combo(vocab.BARRIER_KINDS)
        select_data(self.barrier_kind, kind)
        # The kind belongs to the barrier: it can be corrected on the line that recorded it.
        self.barrier_kind.setEnabled(event.change == "opened")
        self.severity = QComboBox()
        for code in vocab.BARRIER_SEVERITIES.codes():
            self.severity.addItem(f"{code}. {vocab.BARRIER_SEVERITIES.label(code)}", int(code))
        select_data(self.severity, event.severity)
        self.status = vocab_combo(vocab.BARRIER_STATUSES)
        select_data(self.status, event.status)
        self.form.add_field(_("Datum:"), self.happened_on, "happened_on")
        self.form.add_field(_("Soort obstakel:"), self.barrier_kind, "kind")
        self.form.add_field(_("Ernst:"), self.severity, "severity")
        self.form.add_field(_("Status:"), self.status, "status")
        self.first = self.happened_on

    def _action(self, action: model.Action) -> None:
        self.setWindowTitle(_("Actie corrigeren"))
        self.intervention = vocab_combo(vocab.INTERVENTIONS)
        select_data(self.intervention, action.intervention)
        self.goal = QLineEdit(action.goal)
        self.start_on = DateField(action.start_on, optional=True)
        self.due_on = DateField(action.due_on, optional=True)
        self.action_status = vocab_combo(vocab.ACTION_STATUSES)
        select_data(self.action_status, action.status)
        self.action_result = text_box(2)
        self.action_result.setPlainText(action.result)
        self.form.add_field(_("Interventie:"), self.intervention, "intervention")
        self.form.add_field(_("Doel:"), self.goal, "goal")
        self.form.add_field(_("Startdatum:"), self.start_on, "start_on")
        self.form.add_field(_("Einddatum:"), self.due_on, "due_on")
        self.form.add_field(_("Status:"), self.action_status, "status")
        self.form.add_field(_("Resultaat:"), self.action_result, "result")
        self.first = self.intervention

    # -- what saving and deleting do ----------------------------------------------------------

    def _corrected(self) -> tuple[str, Write]:
        """The change's name for Ongedaan maken, and the domain write of the correction."""
        db, actor, item = self.context.db, self.context.actor, self.entry.item
        if isinstance(item, model.Contact):
            contact = dataclasses.replace(
                item,
                contact_on=self.contact_on.value() or item.contact_on,
                kind=self.kind.currentData(),
                minutes=self.minutes.value() or None,
                summary=self.summary.toPlainText(),
                share_with_client=self.share.isChecked(),
            )
            return _("contact corrigeren"), lambda: corrections.correct_contact(
                db, contact, actor=actor
            )
        if isinstance(item, model.LadderStep):
            step = dataclasses.replace(
                item,
                measured_on=self.measured_on.value() or item.measured_on,
                trede=self.trede.currentData(),
                expected_trede=self.expected.currentData(),
                note=self.note.text(),
            )
            return _("meting corrigeren"), lambda: corrections.correct_step(db, step, actor=actor)
        if isinstance(item, model.BarrierEvent):
            event = dataclasses.replace(
                item,
                happened_on=self.happened_on.value() or item.happened_on,
                severity=self.severity.currentData(),
                status=self.status.currentData(),
            )
            kind = self.barrier_kind.currentData() if item.change == "opened" else None
            return _("obstakel corrigeren"), lambda: corrections.correct_barrier_event(
                db, event, kind=kind, actor=actor
            )
        assert isinstance(item, model.Action)
        action = dataclasses.replace(
            item,
            intervention=self.intervention.currentData(),
            goal=self.goal.text(),
            start_on=self.start_on.value(),
            due_on=self.due_on.value(),
            status=self.action_status.currentData(),
            result=self.action_result.toPlainText(),
        )
        return _("actie corrigeren"), lambda: corrections.correct_action(db, action, actor=actor)

    def _deleted(self) -> tuple[str, str, Callable[[], Changes]]:
        """The change's name, the question to confirm, and the domain write of the delete."""
        db, actor, item = self.context.db, self.context.actor, self.entry.item
        if isinstance(item, model.Contact):
            return (
                _("contact verwijderen"),
                _("Dit contact verwijderen?"),
                lambda: corrections.delete_contact(db, item.id, actor=actor),
            )
        if isinstance(item, model.LadderStep):
            return (
                _("meting verwijderen"),
                _("Deze meting verwijderen? De trede wordt dan weer die van de meting ervoor."),
                lambda: corrections.delete_step(db, item.id, actor=actor),
            )
        if isinstance(item, model.BarrierEvent):
            question = (
                _("Dit obstakel met al zijn wijzigingen verwijderen?")
                if item.change == "opened"
                else _("Deze wijziging van het obstakel verwijderen?")
            )
            return (
                _("obstakel corrigeren"),
                question,
                lambda: corrections.delete_barrier_event(db, item.id, actor=actor),
            )
        assert isinstance(item, model.Action)
        return (
            _("actie verwijderen"),
            _("Deze actie uit het plan van aanpak verwijderen?"),
            lambda: corrections.delete_action(db, item.id, actor=actor),
        )

    def _show_refusal(self, error: UserError) -> None:
        if isinstance(error, errors.CaseloadError):
            self.form.show_error(error)
        else:
            self.form.message.setText(error.message)

    def save(self) -> bool:
        """Store the correction; on a refusal say why under the field and keep the dialog."""
        self.form.clear_errors()
        name, write = self._corrected()
        undoable = undo.Undoable(name, self.entry.item.client_id)
        done = self.bus.perform(write, self, self._show_refusal, undoable=undoable)
        if done is None:
            return False
        self.accept()
        return True

    def ask_delete(self) -> None:
        """Ask first; only 'Verwijderen' in the question removes the row."""
        _name, question, _write = self._deleted()
        self.confirm = QMessageBox(
            QMessageBox.Icon.Question,
            _("Verwijderen"),
            question,
            QMessageBox.StandardButton.Cancel,
            self,
        )
        yes = self.confirm.addButton(_("&Verwijderen"), QMessageBox.ButtonRole.DestructiveRole)
        self.confirm.setDefaultButton(QMessageBox.StandardButton.Cancel)
        self.confirm.buttonClicked.connect(lambda button: self._confirmed(button is yes))
        # Not every window system gives the focus back to the dialog: ask for it.
        self.confirm.finished.connect(lambda _result: self.activateWindow())
        self.confirm.open()

    def _confirmed(self, yes: bool) -> None:
        if not yes:
            return
        name, _question, write = self._deleted()
        undoable = undo.Undoable(name, self.entry.item.client_id)
        if self.bus.perform(write, self, self._show_refusal, undoable=undoable) is not None:
            self.accept()
