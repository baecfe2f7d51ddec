"""The Planning tab of the client view: the next trede measurement and the contact frequency."""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import QLabel, QSpinBox, QWidget

from caseload import appointments, model, planning, vocab
from resources import i18n
from resources.changes import Changes
from resources.i18n import _, ngettext
from ui.client.entry import EntryForm
from ui.client.fields import DateField


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
        self.appointment_list = QLabel()
        self.appointment_list.setWordWrap(True)
        self.form.add_field(_("Volgende meting:"), self.measurement_on, "planned_measurement_on")
        self.form.addRow(self.measurement_note)
        self.form.add_field(_("Contact minstens elke:"), self.every, "contact_every_days")
        self.form.addRow(self.every_note)
        self.form.addRow(self.appointment_list)

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
        today = dt.date.today()
        lines = [
            _("%(date)s %(time)s %(kind)s: %(status)s")
            % {
                "date": i18n.date_text(item.planned_on),
                "time": item.planned_time,
                "kind": vocab.CONTACT_KINDS.label(item.kind),
                "status": appointments.STATUSES.label(item.shown_status(today)),
            }
            for item in plan.appointments[-8:]
        ]
        self.appointment_list.setText(
            _("Afspraken:") + "\n" + "\n".join(lines) if lines else _("Nog geen afspraken.")
        )

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
