"""The left side of the Rapporten page: which report, which period, which team, client or scan."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)
from sqlite_utils import Database

from caseload import clients, people
from quickscan import store
from resources.i18n import _
from ui import metrics, widgets
from ui.client.fields import DateField
from ui.quickscan import table_models as texts
from ui.reports.making import Kind, Request
from ui.reports.window_job import PERIODS, matching_period, period


class ReportForm(QWidget):
    """The choices of one report; :meth:`request` turns them into a Request or a message."""

    #: The user asked for a preview (button or Enter in a field).
    preview_requested = Signal()

    def __init__(self, today: dt.date | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.today = today or dt.date.today()
        self._scan_teams: dict[int, str | None] = {}
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(metrics.SPACING)

        box = QGroupBox(_("Rapport"))
        column = QVBoxLayout(box)
        self.inclusion = QRadioButton(_("&Inclusierapport (team of gemeente)"))
        self.client = QRadioButton(_("&Voortgangsverslag van een klant"))
        self.advice = QRadioButton(_("&Adviesrapport van een quickscan"))
        self.kinds = QButtonGroup(self)
        for button, kind in (
            (self.inclusion, Kind.INCLUSION),
            (self.client, Kind.CLIENT),
            (self.advice, Kind.ADVICE),
        ):
            self.kinds.addButton(button)
            button.setProperty("kind", kind.value)
            button.toggled.connect(self._kind_changed)
            column.addWidget(button)
        layout.addWidget(box)

        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.whole = QCheckBox(_("Hele begeleiding (&zonder periode)"))
        self.whole.setChecked(True)
        self.whole.toggled.connect(self._update_rows)
        self.period = QComboBox()
        for code, label in PERIODS:
            self.period.addItem(_(label), code)
        self.period.currentIndexChanged.connect(self._period_chosen)
        self.start = DateField()
        self.end = DateField()
        for field in (self.start, self.end):
            field.dateChanged.connect(self._dates_edited)
        self.team = QComboBox()
        self.reference = QLineEdit()
        self.reference.setMaxLength(40)
        self.reference.returnPressed.connect(self.preview_requested.emit)
        self.scan = QComboBox()
        self.scan.currentIndexChanged.connect(self._scan_chosen)
        self.compare = QComboBox()
        self.roles = QCheckBox(_("&Rollen van het team ernaast"))
        self.facts = QCheckBox(_("Feiten uit de &caseload erbij"))
        self.facts.setChecked(True)
        self._rows: dict[str, QWidget] = {}
        self._add_row("reference", _("&Klantnummer:"), self.reference)
        self._add_row("whole", "", self.whole)
        self._add_row("period", _("&Periode:"), self.period)
        self._add_row("start", _("Va&n:"), self.start)
        self._add_row("end", _("&Tot en met:"), self.end)
        self._add_row("scan", _("&Scan:"), self.scan)
        self._add_row("compare", _("Vergelijken &met:"), self.compare)
        self._add_row("roles", "", self.roles)
        self._add_row("team", _("T&eam:"), self.team)
        self._add_row("facts", "", self.facts)
        layout.addLayout(self.form)

        self.message = widgets.paragraph("")
        self.message.setObjectName("formMessage")
        layout.addWidget(self.message)
        self.make = QPushButton(_("Voorbeel&d maken"))
        self.make.setDefault(True)
        self.make.clicked.connect(self.preview_requested.emit)
        layout.addWidget(self.make)
        layout.addStretch(1)
        self.period.setCurrentIndex(self.period.findData("dit_jaar"))
        self._period_chosen()
        self.inclusion.setChecked(True)

    def _add_row(self, name: str, text: str, widget: QWidget) -> None:
        if text:
            label = QLabel(text)
            label.setBuddy(widget)
            self.form.addRow(label, widget)
        else:
            self.form.addRow(widget)
        self._rows[name] = widget

    # -- filling ------------------------------------------------------------------------

    def refresh(self, db: Database) -> None:
        """Fill the teams and the completed scans from the database, keeping the choices."""
        team = self.team.currentData()
        self.team.clear()
        self.team.addItem(_("Alle teams"), None)
        for name in people.teams(db):
            self.team.addItem(name, name)
        index = self.team.findData(team)
        self.team.setCurrentIndex(max(index, 0))

        chosen = self.scan.currentData()
        self.scan.blockSignals(True)
        self.scan.clear()
        self._scan_teams = {}
        self._labels: dict[int, tuple[str, str]] = {}
        questionnaires: dict[tuple[str, str], object] = {}
        for response in store.list_responses(db, status=store.COMPLETE):
            key = (response.questionnaire_id, response.questionnaire_version)
            if key not in questionnaires:
                questionnaires[key] = store.questionnaire_for(db, response)
            label = texts.response_label(questionnaires[key], response)  # type: ignore[arg-type]
            self.scan.addItem(label, response.id)
            self._scan_teams[response.id] = response.team
            self._labels[response.id] = (response.questionnaire_id, label)
        if self.scan.count() == 0:
            self.scan.addItem(_("(nog geen afgeronde scan)"), None)
        self.scan.setCurrentIndex(max(self.scan.findData(chosen), 0))
        self.scan.blockSignals(False)
        self._scan_chosen()

    def _scan_chosen(self) -> None:
        """Compare only with scans of the same questionnaire; the team follows the scan."""
        current = self.scan.currentData()
        self.compare.clear()
        self.compare.addItem(_("niet vergelijken"), None)
        if current is None:
            return
        questionnaire = self._labels[current][0]
        for response_id, (other, label) in self._labels.items():
            if response_id != current and other == questionnaire:
                self.compare.addItem(label, response_id)
        if self.kind() is Kind.ADVICE:
            self.team.setCurrentIndex(max(self.team.findData(self._scan_teams.get(current)), 0))

    # -- the period ---------------------------------------------------------------------

    def _period_chosen(self) -> None:
        dates = period(self.period.currentData(), self.today)
        if dates is None:
            return
        for field, day in zip((self.start, self.end), dates, strict=True):
            field.blockSignals(True)
            field.set_value(day)
            field.blockSignals(False)

    def _dates_edited(self) -> None:
        choice = matching_period(
            self.start.value() or self.today, self.end.value() or self.today, self.today
        )
        self.period.blockSignals(True)
        self.period.setCurrentIndex(self.period.findData(choice))
        self.period.blockSignals(False)

    # -- which rows ---------------------------------------------------------------------

    def kind(self) -> Kind:
        """The chosen report."""
        button = self.kinds.checkedButton()
        return Kind(button.property("kind")) if button else Kind.INCLUSION

    def _kind_changed(self, checked: bool) -> None:
        if checked:
            self.message.setText("")
            if self.kind() is Kind.ADVICE:
                self._scan_chosen()
            self._update_rows()

    def _update_rows(self) -> None:
        kind = self.kind()
        dated = kind is Kind.INCLUSION or (kind is Kind.CLIENT and not self.whole.isChecked())
        visible = {
            "reference": kind is Kind.CLIENT,
            "whole": kind is Kind.CLIENT,
            "period": dated,
            "start": dated,
            "end": dated,
            "scan": kind is Kind.ADVICE,
            "compare": kind is Kind.ADVICE,
            "roles": kind is Kind.ADVICE,
            "team": kind is not Kind.CLIENT,
            "facts": kind is Kind.ADVICE,
        }
        for name, shown in visible.items():
            self.form.setRowVisible(self._rows[name], shown)

    # -- the result ---------------------------------------------------------------------

    def request(self, db: Database) -> Request | None:
        """The chosen report, or None after showing what is missing."""
        self.message.setText("")
        kind = self.kind()
        start, end = self.start.value(), self.end.value()
        if kind is Kind.CLIENT and self.whole.isChecked():
            start = end = None
        if start is not None and end is not None and start > end:
            return self._refuse(
                _("De eerste dag ligt na de laatste dag. Kies een andere periode."), self.start
            )
        if kind is Kind.CLIENT:
            reference = self.reference.text().strip()
            if not reference:
                return self._refuse(_("Vul een klantnummer in."), self.reference)
            if clients.find(db, reference) is None:
                return self._refuse(_unknown_reference(reference), self.reference)
            return Request(kind, start=start, end=end, reference=reference)
        if kind is Kind.ADVICE:
            if self.scan.currentData() is None:
                return self._refuse(
                    _("Er is nog geen afgeronde quickscan. Vul eerst een scan in."), self.scan
                )
            return Request(
                kind,
                team=self.team.currentData(),
                response_id=self.scan.currentData(),
                compare_with=self.compare.currentData(),
                include_roles=self.roles.isChecked(),
                with_facts=self.facts.isChecked(),
            )
        return Request(kind, start=start, end=end, team=self.team.currentData())

    def _refuse(self, message: str, field: QWidget) -> Request | None:
        """Say what is missing, put the cursor there, and make no request."""
        self.message.setText(message)
        field.setFocus()
        return None


def _unknown_reference(reference: str) -> str:
    """The report's own sentence for a klantnummer that does not exist."""
    from caseload import client_report  # here, not at the top: it loads reportlab

    return client_report.UnknownReference(reference).message
