"""Everything about one client on one screen: header, trede chart, timeline, and the forms."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QKeySequence, QResizeEvent, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from caseload import access, client_file, clients, errors, ladder, model
from resources import i18n
from resources.changes import Changes, Kind
from resources.errors import UserError
from resources.i18n import _, ngettext
from ui import accessibility, charts, design, error_dialog, file_dialogs, icons, metrics, widgets
from ui.caseload import remembered
from ui.caseload.columns import days_text, status_text
from ui.changes import ChangeBus
from ui.client.close_form import CloseForm
from ui.client.correction_dialog import CorrectionDialog
from ui.client.details_dialog import ClientDialog
from ui.client.entry import EntryForm
from ui.client.erase_dialog import EraseClientDialog
from ui.client.forms import ContactForm, TredeForm
from ui.client.plan_forms import ActionForm, BarrierForm
from ui.client.planning_form import PlanningForm
from ui.client.timeline import TimelineModel
from ui.context import WindowContext
from ui.flow_layout import FlowLayout
from ui.table_model import RowsDelegate


def _heading(text: str) -> QLabel:
    return design.make_heading(QLabel(text), 0)


def handed_over(client: model.Client) -> str:
    """'Overgedragen op … aan …' for a file in a transfer file; '' otherwise."""
    if client.transferred_on is None:
        return ""
    on = i18n.date_text(client.transferred_on)
    if client.transferred_to:
        return _("Overgedragen op %(date)s aan %(name)s") % {
            "date": on,
            "name": client.transferred_to,
        }
    return _("Overgedragen op %(date)s") % {"date": on}


def facts(file: model.ClientFile, today: dt.date, contact_details: bool = True) -> tuple[str, str]:
    """The two header lines: who and where in the process (phone and e-mail when switched on)."""
    client = file.client
    first = " · ".join(
        part
        for part in (
            _("Klantnummer %(reference)s") % {"reference": client.reference},
            status_text(client.status, client.closing_reason),
            handed_over(client),
            _("Klantmanager: %(name)s") % {"name": client.klantmanager}
            if client.klantmanager
            else "",
            _("Team: %(team)s") % {"team": client.team} if client.team else "",
            _("Tel. %(phone)s") % {"phone": client.phone}
            if contact_details and client.phone
            else "",
            _("E-mail: %(email)s") % {"email": client.email}
            if contact_details and client.email
            else "",
        )
        if part
    )
    trede = (
        ladder.trede(client.current_trede).title()
        if client.current_trede is not None
        else _("nog niet gemeten")
    )
    parts = [_("Trede: %(trede)s") % {"trede": trede}]
    if client.expected_trede is not None:
        parts.append(_("verwacht: %(trede)d") % {"trede": client.expected_trede})
    days = None if client.last_contact_on is None else (today - client.last_contact_on).days
    parts.append(_("dagen sinds contact: %(days)s") % {"days": days_text(days)})
    overdue = sum(action.is_overdue(today) for action in file.actions)
    parts.append(
        ngettext("%(n)s open obstakel", "%(n)s open obstakels", client.open_barriers)
        % {"n": i18n.format_number(client.open_barriers)}
    )
    actions = ngettext("%(n)s open actie", "%(n)s open acties", client.open_actions) % {
        "n": i18n.format_number(client.open_actions)
    }
    if overdue:
        actions += " " + ngettext("(%(n)s te laat)", "(%(n)s te laat)", overdue) % {
            "n": i18n.format_number(overdue)
        }
    parts.append(actions)
    return first, " · ".join(parts)


class ClientView(QWidget):
    """One client's file. Changes go through the forms; the view listens to the change bus."""

    #: The user wants to go back to the caseload list.
    back_requested = Signal()
    #: The user wants this client's progress report (Ctrl+R); carries the klantnummer.
    report_requested = Signal(str)

    def __init__(self, context: WindowContext, bus: ChangeBus, parent: QWidget | None = None):
        super().__init__(parent)
        self.setProperty("trede_help", "client")  # F1 here shows the help of a client
        self.context = context
        self.bus = bus
        self.file: model.ClientFile | None = None
        self.edit_dialog: ClientDialog | None = None
        self.erase_dialog: EraseClientDialog | None = None
        self.access_message: QMessageBox | None = None
        # Scrolls instead of laying the chart over the timeline with a 200 % font on a small
        # screen; the scroll area itself takes no Tab stop.
        layout = QVBoxLayout(widgets.scrolled(self))
        layout.setContentsMargins(
            metrics.MARGIN, metrics.MARGIN // 2, metrics.MARGIN, metrics.MARGIN // 2
        )

        top = FlowLayout()  # wraps with a large font instead of cutting the buttons off
        self.back_button = QPushButton(icons.icon("back"), _("Terug naar caseload (Esc)"))
        self.back_button.clicked.connect(self.back_requested)
        self.edit_button = QPushButton(_("Klantgegevens &wijzigen…"))
        self.edit_button.clicked.connect(self.edit_client)
        self.access_button = QPushButton(_("Gegevens op&vragen…"))
        # clicked(bool) would land in request_data's folder argument: ask the folder instead.
        self.access_button.clicked.connect(lambda: self.request_data())
        self.erase_button = QPushButton(_("Klant w&issen…"))
        self.erase_button.clicked.connect(self.erase_client)
        top.addWidget(self.back_button)
        top.addWidget(self.edit_button)
        top.addWidget(self.access_button)
        top.addWidget(self.erase_button)
        self.report_button = QPushButton(_("Voortgangsverslag (Ctrl+R)"))
        self.report_button.clicked.connect(lambda _checked=False: self.request_report())
        top.addWidget(self.report_button)
        layout.addLayout(top)
        self.name_label = widgets.title("")
        self.name_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.facts_label = QLabel()
        self.progress_label = QLabel()
        for label in (self.facts_label, self.progress_label):
            label.setWordWrap(True)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.name_label)
        layout.addWidget(self.facts_label)
        layout.addWidget(self.progress_label)

        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.setChildrenCollapsible(False)
        history = QWidget()
        history_layout = QVBoxLayout(history)
        history_layout.setContentsMargins(0, 0, 0, 0)
        self.chart = charts.LadderChart(_("Trede in de tijd"))
        self.chart.setMinimumHeight(design.scaled(150))
        self.chart.setMaximumHeight(design.scaled(190))
        history_layout.addWidget(_heading(_("Trede in de tijd")))
        history_layout.addWidget(self.chart)
        # Alt+T puts the cursor in the timeline; Enter on a row opens it for correction.
        timeline_heading = _heading(_("&Tijdlijn (nieuwste eerst)"))
        history_layout.addWidget(timeline_heading)
        self.timeline_model = TimelineModel(self)
        self.timeline = QTableView()
        timeline_heading.setBuddy(self.timeline)
        # The name a speech user reads on the screen: the heading above it.
        self.timeline.setAccessibleName(accessibility.plain(timeline_heading.text()))
        self.timeline.setModel(self.timeline_model)
        # Each cell painted from its row's ready-made line in one call (see RowsDelegate).
        self.timeline.setItemDelegate(RowsDelegate(self.timeline_model, self.timeline))
        self.timeline.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.timeline.setWordWrap(False)
        self.timeline.setTabKeyNavigation(False)
        self.timeline.verticalHeader().hide()
        rows = self.timeline.verticalHeader()
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        rows.setDefaultSectionSize(self.fontMetrics().height() + metrics.TABLE_ROW_PADDING)
        header = self.timeline.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        history_layout.addWidget(self.timeline, 1)
        self.timeline.activated.connect(self.open_entry)
        self.correct_button = QPushButton(_("Regel corrigeren of verwijderen… (Enter)"))
        self.correct_button.clicked.connect(lambda: self.open_entry())
        correct_row = QHBoxLayout()
        correct_row.addWidget(self.correct_button)
        correct_row.addStretch()
        history_layout.addLayout(correct_row)
        self.correction_dialog: CorrectionDialog | None = None
        self.closing_message: QMessageBox | None = None
        splitter.addWidget(history)

        self.tabs = QTabWidget()
        self.contact_form = ContactForm(context, bus)
        self.trede_form = TredeForm(context, bus)
        self.barrier_form = BarrierForm(context, bus)
        self.action_form = ActionForm(context, bus)
        self.close_form = CloseForm(context, bus)
        self.planning_form = PlanningForm(context, bus)
        self.forms: list[EntryForm] = [
            self.contact_form,
            self.trede_form,
            self.barrier_form,
            self.action_form,
            self.close_form,
            self.planning_form,
        ]
        for form, text in zip(
            self.forms,
            (
                _("&Contact"),
                _("T&rede"),
                _("&Obstakel"),
                _("&Actie"),
                _("Af&sluiten"),
                _("&Planning"),
            ),
            strict=True,
        ):
            self.tabs.addTab(form, text)
        self.tabs.setMinimumWidth(metrics.CLIENT_FORMS_MIN_WIDTH)
        self.tabs.currentChanged.connect(self._tab_changed)
        splitter.addWidget(self.tabs)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        layout.addWidget(splitter, 1)
        # Where the user put the splitter last time (window.ini).
        remembered.restore_splitter(context, splitter)
        splitter.splitterMoved.connect(lambda *_: remembered.save_splitter(context, splitter))
        self.splitter = splitter

        for keys, slot, what in (
            (("Ctrl+Return", "Ctrl+Enter"), self.save_current, _("Formulier opslaan")),
            (("Esc", "Alt+Left"), self.back_requested.emit, _("Terug naar de caseload")),
            (("Ctrl+R",), self.request_report, _("Voortgangsrapport van deze klant")),
        ):
            shortcut = QShortcut(self)
            shortcut.setWhatsThis(what)  # for Help → Sneltoetsen
            shortcut.setKeys([QKeySequence(key) for key in keys])
            shortcut.setContext(Qt.ShortcutContext.WindowShortcut)
            shortcut.activated.connect(slot)
            if "Esc" in keys:
                self.back_shortcut = shortcut
        bus.changed.connect(self._changed)
        accessibility.name_widgets(self)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt's name
        """Side by side when the forms fit beside the timeline, else the forms under it."""
        super().resizeEvent(event)
        self.fit_splitter()

    def fit_splitter(self) -> None:
        """Stack the forms under the chart and timeline when a large system font or a small
        screen leaves them too little width (their fields would be cut off at the edge)."""
        history_least = 40 * self.fontMetrics().averageCharWidth()
        wanted = self.tabs.sizeHint().width() + history_least + 4 * metrics.MARGIN
        orientation = (
            Qt.Orientation.Horizontal if self.width() >= wanted else Qt.Orientation.Vertical
        )
        if self.splitter.orientation() != orientation:
            self.splitter.setOrientation(orientation)

    def set_back_to_worklist(self, to_worklist: bool) -> None:
        """Say where Esc goes: back to Vandaag (a client opened from there) or the caseload."""
        if to_worklist:
            self.back_button.setText(_("Terug naar Vandaag (Esc)"))
            self.back_shortcut.setWhatsThis(_("Terug naar Vandaag"))
        else:
            self.back_button.setText(_("Terug naar caseload (Esc)"))
            self.back_shortcut.setWhatsThis(_("Terug naar de caseload"))
        self.back_button.setAccessibleName(accessibility.plain(self.back_button.text()))

    # -- showing a client ---------------------------------------------------------------------

    def open_client(self, client_id: int) -> None:
        """Show a client's file (the opening is logged) with the contact form ready."""
        clients.record_view(self.context.db, client_id, actor=self.context.actor)
        new_client = self.file is None or self.file.client.id != client_id
        self._load(client_id, new_client)
        for form in self.forms:
            form.forget_done()
        if new_client:
            self.tabs.setCurrentIndex(0)
        self.tabs.currentWidget().setFocus()
        self.current_form().focus_first()

    def show_form(self, name: str, action_id: int | None = None) -> None:
        """Show one form ("contact", "trede", "action", "planning") with the cursor in it; for
        "action", ``action_id`` chooses the action."""
        forms: dict[str, EntryForm] = {
            "contact": self.contact_form,
            "trede": self.trede_form,
            "action": self.action_form,
            "planning": self.planning_form,
        }
        form = forms[name]
        if form is self.action_form and action_id is not None:
            self.action_form.choose(action_id)
        self.tabs.setCurrentWidget(form)
        form.focus_first()

    def request_report(self) -> None:
        """Ctrl+R: this client's progress report, on the Rapporten page."""
        if self.file is not None:
            self.report_requested.emit(self.file.client.reference)

    def client_id(self) -> int | None:
        """The id of the client shown."""
        return None if self.file is None else self.file.client.id

    def _load(self, client_id: int, new_client: bool = False) -> None:
        file = client_file.load(self.context.db, client_id)
        self.file = file
        today = dt.date.today()
        self.name_label.setText(file.client.display_name() or file.client.reference)
        first, second = facts(file, today, self.context.settings.contact_details_enabled)
        self.facts_label.setText(first)
        self.progress_label.setText(second)
        self.chart.set_history(
            [(step.measured_on, step.trede) for step in file.ladder_steps],
            file.client.expected_trede,
        )
        # The cursor stays on its row in the timeline (after a deletion: the row now in its place).
        row = self.timeline.currentIndex().row()
        self.timeline_model.set_file(file)
        # Nothing recorded yet: nothing to correct (the button did nothing, without a word).
        self.correct_button.setEnabled(self.timeline_model.rowCount() > 0)
        if row >= 0 and self.timeline_model.rowCount() and not new_client:
            row = min(row, self.timeline_model.rowCount() - 1)
            self.timeline.setCurrentIndex(self.timeline_model.index(row, 0))
        for form in self.forms:
            form.set_file(file, new_client)

    def _changed(self, changes: Changes) -> None:
        """Reload the file shown when it changed (or the whole database did)."""
        if self.file is None:
            return
        if self.file.client.id not in changes.clients and Kind.DATABASE not in changes.kinds:
            return
        try:
            self._load(self.file.client.id)
        except errors.NotFound:
            self.file = None
            self.back_requested.emit()

    # -- forms --------------------------------------------------------------------------------

    def current_form(self) -> EntryForm:
        """The form on the tab shown."""
        form = self.tabs.currentWidget()
        assert isinstance(form, EntryForm)
        return form

    def save_current(self) -> None:
        """Ctrl+Enter: save the form that is shown."""
        if self.isVisible():
            self.current_form().save()

    def _tab_changed(self) -> None:
        # Keyboard users switching tabs with Alt+letter or Ctrl+Tab land in the first field;
        # someone walking the tab bar with the arrow keys stays on it.
        if not self.tabs.tabBar().hasFocus():
            self.current_form().focus_first()

    def open_entry(self, index: QModelIndex | None = None) -> None:
        """Open the timeline row (the current one by default) to correct or delete it; a
        closing is undone by reopening the file instead."""
        if self.file is None:
            return
        row = (index if index is not None else self.timeline.currentIndex()).row()
        if row < 0:
            self.timeline.setFocus()
            return
        entry = self.timeline_model.entry(row)
        if isinstance(entry.item, model.Closing):
            self.closing_message = QMessageBox(
                QMessageBox.Icon.Information,
                _("Afsluiting"),
                _(
                    "Een afsluiting verandert u niet. Was het dossier ten onrechte afgesloten? "
                    "Heropen het dan op het tabblad Afsluiten."
                ),
                QMessageBox.StandardButton.Ok,
                self,
            )
            self.closing_message.finished.connect(self._back_to_timeline)
            self.closing_message.open()
            return
        kinds = {barrier.id: barrier.kind for barrier in self.file.barriers}
        self.correction_dialog = CorrectionDialog(self.context, self.bus, entry, kinds, self)
        self.correction_dialog.finished.connect(self._back_to_timeline)
        self.correction_dialog.open()

    def _back_to_timeline(self) -> None:
        """After a correction the cursor is back on the timeline, in an active window."""
        self.window().activateWindow()
        self.timeline.setFocus(Qt.FocusReason.OtherFocusReason)

    def edit_client(self) -> None:
        """Change the client's details in the client form."""
        if self.file is None:
            return
        self.edit_dialog = ClientDialog(self.context, self.bus, self.file.client, self)
        self.edit_dialog.open()

    def request_data(self, folder: Path | None = None) -> access.AccessFiles | None:
        """Write everything stored about this client (PDF and JSON) into a folder the user picks."""
        if self.file is None:
            return None
        if folder is None:
            folder = file_dialogs.choose_folder(
                self, self.context, "access", _("Kies een map voor de gegevens van de klant")
            )
            if folder is None:
                return None
        try:
            files = access.export_client(
                self.context.db,
                self.file.client.id,
                folder,
                municipality=self.context.settings.municipality,
                actor=self.context.actor,
            )
        except UserError as error:
            error_dialog.show(error)
            return None
        self.access_message = QMessageBox(
            QMessageBox.Icon.Information,
            _("Gegevens opgeslagen"),
            _("De gegevens van de klant staan in:\n%(pdf)s\n%(json)s")
            % {"pdf": files.pdf, "json": files.json},
            QMessageBox.StandardButton.Ok,
            self,
        )
        self.access_message.open()
        return files

    def erase_client(self) -> None:
        """Ask to type the klantnummer, then erase the client for good."""
        if self.file is None:
            return
        self.erase_dialog = EraseClientDialog(self.context, self.bus, self.file.client, self)
        self.erase_dialog.open()
