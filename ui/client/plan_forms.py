"""The forms of the client view for barriers and the plan of action: add one, or change one."""

from __future__ import annotations

import dataclasses
import datetime as dt

from PySide6.QtWidgets import QLabel, QLineEdit, QWidget

from caseload import errors, journal, model, vocab
from resources import i18n
from resources.changes import Changes
from resources.i18n import _
from ui import accessibility, icons
from ui.client.entry import ChoiceList, EntryForm
from ui.client.fields import DateField, fit_list, record_combo, select_data, vocab_combo
from ui.client.forms import text_box


def barrier_text(barrier: model.Barrier) -> str:
    """'Taal — ernst 3 (Ernstig), open, sinds 3 mrt 2026': the date tells two barriers of one
    kind apart."""
    text = _("%(kind)s — ernst %(severity)d (%(label)s), %(status)s") % {
        "kind": vocab.BARRIER_KINDS.label(barrier.kind),
        "severity": barrier.severity,
        "label": vocab.BARRIER_SEVERITIES.label(str(barrier.severity)),
        "status": vocab.BARRIER_STATUSES.label(barrier.status).lower(),
    }
    if barrier.since is not None:
        text += ", " + _("sinds %(date)s") % {"date": i18n.date_text(barrier.since)}
    return text


def action_text(action: model.Action, today: dt.date) -> str:
    """'Taalcursus — Loopt, klaar op 1 feb 2026 — te laat'."""
    text = _("%(intervention)s — %(status)s") % {
        "intervention": vocab.INTERVENTIONS.label(action.intervention),
        "status": vocab.ACTION_STATUSES.label(action.status),
    }
    if action.due_on is not None:
        text += ", " + _("klaar op %(date)s") % {"date": i18n.date_text(action.due_on)}
    if action.is_overdue(today):
        text += " — " + _("te laat")
    return text


class BarrierForm(EntryForm):
    """A new barrier, or a change of severity or status of one already recorded."""

    def build(self) -> None:
        """Which barrier, kind, severity with the scale, status, date and note."""
        self.which = record_combo()
        self.which.currentIndexChanged.connect(self._load_barrier)
        self.kind = vocab_combo(vocab.BARRIER_KINDS)
        self.severity = ChoiceList(
            [
                (
                    int(code),
                    f"{code}. {vocab.BARRIER_SEVERITIES.label(code)}",
                    vocab.BARRIER_SEVERITIES.term(code).explanation(),
                )
                for code in vocab.BARRIER_SEVERITIES.codes()
            ]
        )
        self.status = vocab_combo(vocab.BARRIER_STATUSES)
        self.on = DateField(dt.date.today())
        self.on_label = QLabel()
        self.note = QLineEdit()
        self.form.add_field(_("Obstakel:"), self.which)
        self.form.add_field(_("Soort:"), self.kind, "kind")
        self.form.addRow(accessibility.label_group(QLabel(_("Ernst:")), self.severity))
        self.form.addRow(self.severity)
        self.form.add_field(_("Status:"), self.status, "status")
        self.form.add_field(_("Datum:"), self.on, "since")
        self.form.add_field(_("Notitie:"), self.note, "note")
        self._barriers: list[model.Barrier] = []
        self._load_barrier()

    def first_field(self) -> QWidget:
        """The choice of barrier."""
        return self.which

    def client_changed(self, file: model.ClientFile) -> None:
        """List the client's barriers, keeping the one that was chosen."""
        chosen = self.which.currentData()
        self._barriers = sorted(file.barriers, key=lambda b: (not b.is_open, b.kind, b.id))
        self.which.blockSignals(True)
        self.which.clear()
        self.which.addItem(_("Nieuw obstakel"), None)
        for barrier in self._barriers:
            self.which.addItem(barrier_text(barrier), barrier.id)
        fit_list(self.which)
        select_data(self.which, chosen)
        self.which.blockSignals(False)
        self._load_barrier()

    def _chosen(self) -> model.Barrier | None:
        ident = self.which.currentData()
        return next((b for b in self._barriers if b.id == ident), None)

    def _load_barrier(self) -> None:
        barrier = self._chosen()
        self.kind.setEnabled(barrier is None)
        label = self.form.labelForField(self.on)
        assert isinstance(label, QLabel)
        label.setText(_("Sinds:") if barrier is None else _("Datum wijziging:"))
        self.on.set_value(dt.date.today())
        if barrier is None:
            self.severity.set_value(2)
            self.status.setCurrentIndex(0)
            self.note.clear()
            return
        select_data(self.kind, barrier.kind)
        self.severity.set_value(barrier.severity)
        select_data(self.status, barrier.status)
        self.note.setText(barrier.note)

    def clear(self) -> None:
        """Back to a new barrier."""
        self.kind.setCurrentIndex(0)
        self.which.setCurrentIndex(0)
        self._load_barrier()

    def change_name(self) -> str:
        """For Ongedaan maken."""
        return _("obstakel vastleggen") if self._chosen() is None else _("obstakel wijzigen")

    def store(self, file: model.ClientFile) -> Changes:
        """Add the barrier, or store the change of the chosen one."""
        severity = self.severity.value() or 0
        barrier = self._chosen()
        if barrier is None:
            return journal.add_barrier(
                self.context.db,
                file.client.id,
                kind=self.kind.currentData(),
                severity=severity,
                status=self.status.currentData(),
                since=self.on.value(),
                note=self.note.text(),
                actor=self.context.actor,
            ).changes
        try:
            return journal.update_barrier(
                self.context.db,
                dataclasses.replace(
                    barrier,
                    severity=severity,
                    status=self.status.currentData(),
                    note=self.note.text(),
                ),
                on=self.on.value(),
                actor=self.context.actor,
            ).changes
        except errors.CaseloadError as error:
            if error.field == "happened_on":
                error.field = "since"  # the same date field, labelled for a change
            raise


class ActionForm(EntryForm):
    """A new step in the plan of action, or the status and result of one already planned."""

    def build(self) -> None:
        """Which action, goal, intervention, start, due date, status and result."""
        self.which = record_combo()
        self.which.currentIndexChanged.connect(self._load_action)
        self.goal = QLineEdit()
        self.intervention = vocab_combo(vocab.INTERVENTIONS)
        self.start_on = DateField(dt.date.today(), optional=True)
        self.due_on = DateField(optional=True)
        self.status = vocab_combo(vocab.ACTION_STATUSES)
        self.result = text_box(2)
        self.overdue = QLabel()
        self.overdue.setWordWrap(True)
        self.overdue.setStyleSheet("font-weight: bold")
        self.form.add_field(_("Actie:"), self.which)
        self.form.addRow(self.overdue)
        self.form.add_field(_("Doel:"), self.goal, "goal")
        self.form.add_field(_("Interventie:"), self.intervention, "intervention")
        self.form.add_field(_("Startdatum:"), self.start_on, "start_on")
        self.form.add_field(_("Einddatum:"), self.due_on, "due_on")
        self.form.add_field(_("Status:"), self.status, "status")
        self.form.add_field(_("Resultaat:"), self.result, "result")
        self._actions: list[model.Action] = []
        self._load_action()

    def first_field(self) -> QWidget:
        """The choice of action."""
        return self.which

    def client_changed(self, file: model.ClientFile) -> None:
        """List the client's actions, open ones first; overdue ones are marked."""
        chosen = self.which.currentData()
        today = dt.date.today()
        self._actions = sorted(file.actions, key=lambda a: (not a.is_open, a.due_on or dt.date.max))
        self.which.blockSignals(True)
        self.which.clear()
        self.which.addItem(_("Nieuwe actie"), None)
        for action in self._actions:
            self.which.addItem(action_text(action, today), action.id)
            if action.is_overdue(today):
                self.which.setItemIcon(self.which.count() - 1, icons.icon("attention"))
        fit_list(self.which)
        select_data(self.which, chosen)
        self.which.blockSignals(False)
        self._load_action()

    def choose(self, action_id: int) -> None:
        """Put this action in the form (from the worklist)."""
        select_data(self.which, action_id)

    def _chosen(self) -> model.Action | None:
        ident = self.which.currentData()
        return next((a for a in self._actions if a.id == ident), None)

    def _load_action(self) -> None:
        action = self._chosen()
        self.overdue.clear()
        self.overdue.hide()
        if action is None:
            self.goal.clear()
            self.intervention.setCurrentIndex(0)
            self.start_on.set_value(dt.date.today())
            self.due_on.set_value(None)
            self.status.setCurrentIndex(0)
            self.result.clear()
            return
        self.goal.setText(action.goal)
        select_data(self.intervention, action.intervention)
        self.start_on.set_value(action.start_on)
        self.due_on.set_value(action.due_on)
        select_data(self.status, action.status)
        self.result.setPlainText(action.result)
        if action.is_overdue(dt.date.today()) and action.due_on is not None:
            self.overdue.setText(
                _("Let op: deze actie had klaar moeten zijn op %(date)s.")
                % {"date": i18n.date_text(action.due_on)}
            )
            self.overdue.show()

    def clear(self) -> None:
        """Back to a new action."""
        self.which.setCurrentIndex(0)
        self._load_action()

    def change_name(self) -> str:
        """For Ongedaan maken."""
        return _("actie vastleggen") if self._chosen() is None else _("actie wijzigen")

    def store(self, file: model.ClientFile) -> Changes:
        """Add the action, or store the changes of the chosen one."""
        action = self._chosen()
        fields = {
            "intervention": self.intervention.currentData(),
            "goal": self.goal.text(),
            "start_on": self.start_on.value(),
            "due_on": self.due_on.value(),
            "status": self.status.currentData(),
            "result": self.result.toPlainText(),
        }
        if action is None:
            return journal.add_action(
                self.context.db, file.client.id, actor=self.context.actor, **fields
            ).changes
        return journal.update_action(
            self.context.db, dataclasses.replace(action, **fields), actor=self.context.actor
        ).changes
