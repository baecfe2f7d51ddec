"""The start of the Quickscan: choose a role and start a scan, or resume or delete a draft."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from quickscan import loader, store
from quickscan.errors import QuestionnaireError
from resources.changes import Changes, Kind
from resources.i18n import _, ngettext
from ui import design, file_dialogs, metrics, widgets
from ui.changes import ChangeBus
from ui.context import WindowContext
from ui.quickscan import table_models as texts


class DraftList(QListWidget):
    """The drafts; Enter resumes one, Delete asks to delete it."""

    resume_requested = Signal()
    delete_requested = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt's name
        """Enter resumes, Delete deletes; other keys move as usual."""
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.resume_requested.emit()
        elif event.key() == Qt.Key.Key_Delete:
            self.delete_requested.emit()
        else:
            super().keyPressEvent(event)


class StartView(QWidget):
    """Role, respondent and team for a new scan; the questionnaire used; the drafts."""

    #: A scan was started or a draft chosen: its id.
    resume = Signal(int)

    def __init__(self, context: WindowContext, bus: ChangeBus, parent: QWidget | None = None):
        super().__init__(parent)
        self.context = context
        self.bus = bus
        self.questionnaire = loader.load_bundled()
        self.loaded_from: Path | None = None
        layout = widgets.page_layout(widgets.scrolled(self))
        layout.addWidget(widgets.title(_("Quickscan Diversiteit")))
        layout.addWidget(
            widgets.paragraph(
                _(
                    "Hoe inclusief is uw begeleiding naar werk voor klanten met een "
                    "migratieachtergrond? Beantwoord per thema een paar stellingen. Het duurt "
                    "ongeveer 15 minuten. Elk antwoord wordt meteen bewaard."
                )
            )
        )
        self.source = widgets.paragraph("")
        self.source.setObjectName("questionnaireSource")
        layout.addWidget(self.source)
        self._build_form(layout)
        self._build_drafts(layout)
        self.bus.changed.connect(self._changed)
        self._show_questionnaire()
        self.refresh_drafts()

    # -- building -----------------------------------------------------------------------

    def _build_form(self, layout: QVBoxLayout) -> None:
        form_box = QWidget()
        form_box.setMaximumWidth(design.scaled(metrics.FORM_MAX_WIDTH))
        form = QFormLayout(form_box)
        form.setContentsMargins(0, 0, 0, 0)
        self.role = QComboBox()
        role_label = QLabel(_("R&ol:"))
        role_label.setBuddy(self.role)
        form.addRow(role_label, self.role)
        self.respondent = QLineEdit(self.context.settings.user_name)
        respondent_label = QLabel(_("&Naam invuller:"))
        respondent_label.setBuddy(self.respondent)
        form.addRow(respondent_label, self.respondent)
        self.anonymous = QCheckBox(_("&Anoniem invullen"))
        self.anonymous.toggled.connect(lambda on: self.respondent.setEnabled(not on))
        form.addRow("", self.anonymous)
        self.team = QLineEdit(self.context.settings.team)
        team_label = QLabel(_("&Team:"))
        team_label.setBuddy(self.team)
        form.addRow(team_label, self.team)
        layout.addWidget(form_box)

        buttons = QHBoxLayout()
        self.start = QPushButton(_("Scan start&en"))
        self.start.setDefault(True)
        self.start.clicked.connect(self.start_scan)
        self.respondent.returnPressed.connect(self.start_scan)
        self.team.returnPressed.connect(self.start_scan)
        self.load = QPushButton(_("Andere vragenlijst &laden…"))
        self.load.clicked.connect(self.choose_questionnaire)
        buttons.addWidget(self.start)
        buttons.addWidget(self.load)
        buttons.addStretch(1)
        layout.addLayout(buttons)

    def _build_drafts(self, layout: QVBoxLayout) -> None:
        self.drafts_label = QLabel(_("Niet afgeronde scans (&concepten):"))
        self.drafts = DraftList()
        self.drafts_label.setBuddy(self.drafts)
        self.drafts.setMaximumHeight(180)
        self.drafts.resume_requested.connect(self.resume_selected)
        self.drafts.delete_requested.connect(self.delete_selected)
        self.drafts.itemActivated.connect(lambda _item: self.resume_selected())
        self.no_drafts = widgets.paragraph(_("Er zijn geen niet afgeronde scans."))
        layout.addSpacing(metrics.SPACING)
        layout.addWidget(self.drafts_label)
        layout.addWidget(self.drafts)
        layout.addWidget(self.no_drafts)
        row = QHBoxLayout()
        self.resume_button = QPushButton(_("Verder &invullen"))
        self.resume_button.clicked.connect(self.resume_selected)
        self.delete_button = QPushButton(_("Concept ver&wijderen…"))
        self.delete_button.clicked.connect(self.delete_selected)
        row.addWidget(self.resume_button)
        row.addWidget(self.delete_button)
        row.addStretch(1)
        layout.addLayout(row)

    # -- questionnaire ------------------------------------------------------------------

    def _show_questionnaire(self) -> None:
        questionnaire = self.questionnaire
        language = texts.language_for(questionnaire)
        current = self.role.currentData()
        self.role.clear()
        for role in questionnaire.roles:
            self.role.addItem(role.label.get(language), role.id)
        index = self.role.findData(current)
        self.role.setCurrentIndex(max(index, 0))
        # What the filler needs: whose questionnaire it is and how to answer (its
        # description), and which version new scans use. What changed since the last version
        # is for whoever compares scans over versions, not for the start of a scan.
        text = questionnaire.description.get(language) + " "
        if self.loaded_from is None:
            text += _("Dit is versie %(version)s van de vragenlijst.") % {
                "version": questionnaire.version
            }
        else:
            text += _("Vragenlijst: %(title)s, versie %(version)s, uit het bestand %(file)s.") % {
                "title": questionnaire.title.get(language),
                "version": questionnaire.version,
                "file": self.loaded_from,
            }
        self.source.setText(text)

    def choose_questionnaire(self) -> None:
        """Ask for a questionnaire file and use it for new scans on this page."""
        path = file_dialogs.open_file(
            self,
            self.context,
            "questionnaire",
            _("Vragenlijst laden"),
            _("Vragenlijst (*.json);;Alle bestanden (*)"),
        )
        if path is not None:
            self.load_questionnaire(path)

    def load_questionnaire(self, path: Path) -> bool:
        """Load a questionnaire file; a broken file is refused with file, field and reason."""
        try:
            questionnaire = loader.load(path)
        except QuestionnaireError as error:
            QMessageBox.warning(self, _("Vragenlijst niet geladen"), error.message)
            return False
        self.questionnaire = questionnaire
        self.loaded_from = path
        self._show_questionnaire()
        return True

    # -- starting and drafts ------------------------------------------------------------

    def start_scan(self) -> None:
        """Start a draft scan for the chosen role and open it."""
        respondent = None if self.anonymous.isChecked() else self.respondent.text()
        started = self.bus.perform(
            lambda: store.start_response(
                self.context.db,
                self.questionnaire,
                self.role.currentData(),
                respondent,
                self.team.text(),
                self.context.actor,
                language=texts.language_for(self.questionnaire),
            ),
            self,
            lambda error: QMessageBox.warning(self, _("Scan niet gestart"), error.message),
        )
        if started is not None:
            self.resume.emit(started.value.id)

    def refresh_drafts(self) -> None:
        """Read the drafts again, keeping the selection where possible."""
        selected = self.selected_draft()
        self.drafts.clear()
        for response in store.drafts(self.context.db):
            questionnaire = store.questionnaire_for(self.context.db, response)
            total = len(questionnaire.questions_for(response.role))
            given = len(store.answers(self.context.db, response.id))
            progress = ngettext(
                "%(n)d van %(total)d vraag beantwoord",
                "%(n)d van %(total)d vragen beantwoord",
                total,
            ) % {"n": given, "total": total}
            text = f"{texts.response_label(questionnaire, response)} — {progress}"
            item = QListWidgetItem(text, self.drafts)
            item.setData(Qt.ItemDataRole.UserRole, response.id)
            if response.id == selected:
                self.drafts.setCurrentItem(item)
        has_drafts = self.drafts.count() > 0
        if has_drafts and self.drafts.currentRow() < 0:
            self.drafts.setCurrentRow(0)
        for widget in (self.drafts, self.drafts_label, self.resume_button, self.delete_button):
            widget.setVisible(has_drafts)
        self.no_drafts.setVisible(not has_drafts)

    def selected_draft(self) -> int | None:
        """The id of the selected draft, if any."""
        item = self.drafts.currentItem()
        return None if item is None else int(item.data(Qt.ItemDataRole.UserRole))

    def resume_selected(self) -> None:
        """Open the selected draft to fill it in further."""
        response_id = self.selected_draft()
        if response_id is not None:
            self.resume.emit(response_id)

    def delete_selected(self) -> None:
        """Delete the selected draft after the user confirms."""
        response_id = self.selected_draft()
        if response_id is None:
            return
        answer = QMessageBox.question(
            self,
            _("Concept verwijderen"),
            _("Wilt u deze niet afgeronde scan met alle antwoorden verwijderen?\n%(scan)s")
            % {"scan": self.drafts.currentItem().text()},
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        self.bus.perform(
            lambda: store.delete_response(self.context.db, response_id, actor=self.context.actor),
            self,
            lambda error: QMessageBox.warning(self, _("Niet verwijderd"), error.message),
        )

    def _changed(self, changes: Changes) -> None:
        """A scan was started, completed or deleted: list the drafts again."""
        if changes.touches(Kind.QUICKSCAN):
            self.refresh_drafts()
