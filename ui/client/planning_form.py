"""The Planning tab of the client view: the next trede measurement, the contact frequency, and
the appointments, each to be marked held, missed or cancelled, or moved to another day."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSpinBox,
    QWidget,
)

from caseload import appointments, model, planning, vocab
from resources import i18n
from resources.changes import Changed, Changes
from resources.i18n import _, ngettext
from ui import undo
from ui.client.entry import EntryForm
from ui.client.fields import DateField, when_text

_ID = Qt.ItemDataRole.UserRole


class PlanningForm(EntryForm):
    """When the next measurement is due and how often the client should be seen."""

    def build(self) -> None:
        """The planned measurement (empty: six months after the last), the frequency and a
        list of the appointments."""
        self.measurement_on = DateField(optional=True)
        self.measurement_note = QLabel()
        self.measurement_note.setWordWrap(True)
        self.every = QSpinBox()
        self.every.setRange(0, planning.MAX_CONTACT_DAYS)
        self.every.valueChanged.connect(self._every_suffix)
        self.every_note = QLabel()
        self.every_note.setWordWrap(True)
        self.form.add_field(_("Volgende meting:"), self.measurement_on, "planned_measurement_on")
        self.form.addRow(self.measurement_note)
        self.form.add_field(_("Contact minstens elke:"), self.every, "contact_every_days")
        self.form.addRow(self.every_note)
        self._build_appointments()

    def _build_appointments(self) -> None:
        """The list of appointments with what can be done to the chosen one."""
        self.appointment_list = QListWidget()
        self.appointment_list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        # About eight lines show; more scroll (the font size decides how tall a line is).
        self.appointment_list.setMaximumHeight(self.appointment_list.fontMetrics().height() * 12)
        self.appointment_list.currentItemChanged.connect(lambda *_: self._enable())
        self.form.add_field(_("Afspra&ken:"), self.appointment_list)
        self.held_button = QPushButton(_("Geho&uden"))
        self.missed_button = QPushButton(_("Ge&mist"))
        self.cancelled_button = QPushButton(_("Afge&zegd"))
        marks = QHBoxLayout()
        self.marks = (
            (self.held_button, appointments.HELD),
            (self.missed_button, appointments.MISSED),
            (self.cancelled_button, appointments.CANCELLED),
        )
        for button, status in self.marks:
            button.setAutoDefault(False)
            button.clicked.connect(
                lambda _checked=False, status=status: self.mark_appointment(status)
            )
            marks.addWidget(button)
        marks.addStretch()
        self.form.addRow("", marks)
        self._not_yet = _("Deze afspraak is nog niet geweest: u kunt die afzeggen of verplaatsen.")
        self.marks_hint = QLabel()
        self.marks_hint.setWordWrap(True)
        self.form.addRow("", self.marks_hint)
        self.move_on = DateField(dt.date.today())
        self.move_button = QPushButton(_("Verp&laatsen"))
        self.move_button.setAutoDefault(False)
        self.move_button.clicked.connect(lambda _checked=False: self.move_appointment())
        moving = QWidget()
        row = QHBoxLayout(moving)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.move_on)
        row.addWidget(self.move_button)
        row.addStretch()
        moving.setFocusProxy(self.move_on)  # a refusal puts the cursor in the date
        self.form.add_field(_("&Nieuwe datum:"), moving, "planned_on")
        label = self.form.labelForField(moving)
        assert isinstance(label, QLabel)
        label.setBuddy(self.move_on)  # Alt+N: into the date (the row itself takes no focus)
        self._enable()

    def _every_suffix(self, days: int) -> None:
        self.every.setSuffix(ngettext(" dag", " dagen", days))

    def first_field(self) -> QWidget:
        """The measurement date."""
        return self.measurement_on

    def client_changed(self, file: model.ClientFile) -> None:
        """Show the client's plan as stored."""
        plan = planning.plan(self.context.db, file.client.id)
        default = self.context.settings.contact_threshold_days
        self.measurement_on.set_value(plan.planned_measurement_on)
        due = plan.measurement_due_on
        self.measurement_note.setText(
            _("Leeg laten: een half jaar na de laatste meting. Nu: %(date)s.")
            % {"date": i18n.date_text(due) if due else _("geen datum")}
        )
        self.every.setSpecialValueText(
            ngettext("standaard (%(days)s dag)", "standaard (%(days)s dagen)", default)
            % {"days": i18n.format_number(default)}
        )
        self.every.setValue(plan.contact_every_days or 0)
        self._every_suffix(self.every.value())
        self.every_note.setText(_("0 is de standaard uit Instellingen."))
        self._show_appointments(plan.appointments)

    # -- appointments -------------------------------------------------------------------------

    def _show_appointments(self, listed: tuple[appointments.Appointment, ...]) -> None:
        """Fill the list, keeping the chosen appointment (else the first still planned)."""
        chosen = self.chosen()
        keep = chosen.id if chosen is not None else None
        if keep is None:
            planned = [item.id for item in listed if item.status == appointments.PLANNED]
            keep = planned[0] if planned else None
        today = dt.date.today()
        self.appointment_list.clear()
        if not listed:
            empty = QListWidgetItem(_("Nog geen afspraken."))
            empty.setFlags(Qt.ItemFlag.ItemIsEnabled)
            self.appointment_list.addItem(empty)
        for item in listed:
            line = QListWidgetItem(
                _("%(when)s %(kind)s: %(status)s")
                % {
                    "when": when_text(item),
                    "kind": vocab.CONTACT_KINDS.label(item.kind),
                    "status": appointments.STATUSES.label(item.shown_status(today)),
                }
            )
            line.setData(_ID, item)
            self.appointment_list.addItem(line)
            if item.id == keep:
                self.appointment_list.setCurrentItem(line)
        self._enable()

    def chosen(self) -> appointments.Appointment | None:
        """The appointment the cursor is on in the list."""
        line = self.appointment_list.currentItem()
        found = None if line is None else line.data(_ID)
        return found if isinstance(found, appointments.Appointment) else None

    def _enable(self) -> None:
        chosen = self.chosen()
        today = dt.date.today()
        for button, status in self.marks:
            possible = chosen is not None and chosen.can_be(status, today)
            button.setEnabled(possible)
            # Why it cannot be pressed: under the buttons, in its tooltip, for a screen reader.
            why = "" if possible or chosen is None else self._not_yet
            button.setToolTip(why)
            button.setAccessibleDescription(why)
        later = chosen is not None and not chosen.can_be(appointments.HELD, today)
        self.marks_hint.setText(self._not_yet if later else "")
        self.form.setRowVisible(self.marks_hint, later)
        planned = chosen is not None and chosen.status == appointments.PLANNED
        self.move_button.setEnabled(planned)
        self.move_on.setEnabled(planned)

    def mark_appointment(self, status: str) -> bool:
        """Mark the chosen appointment held, missed or cancelled (Ctrl+Z undoes it)."""
        chosen = self.chosen()
        if chosen is None:
            return False
        names = {
            appointments.HELD: _("afspraak gehouden"),
            appointments.MISSED: _("afspraak gemist"),
            appointments.CANCELLED: _("afspraak afgezegd"),
        }
        return self._write(
            names[status],
            chosen,
            lambda: planning.set_appointment_status(
                self.context.db, chosen.id, status, actor=self.context.actor
            ),
        )

    def move_appointment(self) -> bool:
        """Move the chosen planned appointment to the new date (Ctrl+Z undoes it)."""
        chosen = self.chosen()
        if chosen is None:
            return False
        on = self.move_on.value()
        return self._write(
            _("afspraak verplaatsen"),
            chosen,
            lambda: planning.move_appointment(
                self.context.db, chosen.id, on, actor=self.context.actor
            ),
        )

    def _write(
        self, name: str, chosen: appointments.Appointment, run: Callable[[], Changed[Any]]
    ) -> bool:
        self.form.clear_errors()
        done = self.bus.perform(
            run, self, self.show_refusal, undoable=undo.Undoable(name, chosen.client_id)
        )
        if done is None:
            return False
        self.say_done(_("Opgeslagen."))
        # The list was filled again by the change: the cursor goes back to it for the next one.
        self.appointment_list.setFocus(Qt.FocusReason.OtherFocusReason)
        return True

    def clear(self) -> None:
        """Back to the plan as stored."""
        if self.file is not None:
            self.client_changed(self.file)

    def change_name(self) -> str:
        """For Ongedaan maken."""
        return _("planning wijzigen")

    def store(self, file: model.ClientFile) -> Changes:
        """Store the planned measurement and the frequency together."""
        return planning.set_plan(
            self.context.db,
            file.client.id,
            planned_measurement_on=self.measurement_on.value(),
            contact_every_days=self.every.value() or None,
            actor=self.context.actor,
        ).changes
