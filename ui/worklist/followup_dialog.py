"""Six months after outflow to work: ask "werkt de klant nog?" and store Ja or Nee."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from caseload import followups, worklist
from resources import i18n
from resources.errors import UserError
from resources.i18n import _
from ui import accessibility
from ui.changes import ChangeBus
from ui.context import WindowContext


class FollowupDialog(QDialog):
    """One question with two answers; the answer is stored through the change bus."""

    def __init__(
        self,
        context: WindowContext,
        bus: ChangeBus,
        item: worklist.Item,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.context = context
        self.bus = bus
        self.item = item
        #: What was stored (None until an answer is saved).
        self.answered: followups.Followup | None = None
        self.setWindowTitle(_("Werkt de klant nog?"))
        layout = QVBoxLayout(self)
        question = QLabel(
            _(
                "%(name)s (%(reference)s) is een half jaar geleden uitgestroomd naar werk "
                "(vraag sinds %(date)s). Werkt de klant nog?"
            )
            % {
                "name": item.name,
                "reference": item.reference,
                "date": i18n.date_text(item.on),
            }
        )
        question.setWordWrap(True)
        layout.addWidget(question)
        form = QFormLayout()
        self.note = QLineEdit()
        note_label = QLabel(_("No&titie:"))
        note_label.setBuddy(self.note)
        form.addRow(note_label, self.note)
        layout.addLayout(form)
        self.message = QLabel()
        self.message.setWordWrap(True)
        layout.addWidget(self.message)
        buttons = QDialogButtonBox()
        self.yes_button = QPushButton(_("&Ja, werkt nog"))
        self.no_button = QPushButton(_("&Nee, werkt niet meer"))
        buttons.addButton(self.yes_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.no_button, QDialogButtonBox.ButtonRole.AcceptRole)
        cancel = buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        assert cancel is not None
        cancel.setText(_("Annuleren"))
        cancel.clicked.connect(self.reject)
        self.yes_button.clicked.connect(lambda _checked=False: self.answer(True))
        self.no_button.clicked.connect(lambda _checked=False: self.answer(False))
        layout.addWidget(buttons)
        self.yes_button.setDefault(False)
        self.yes_button.setAutoDefault(False)
        self.no_button.setAutoDefault(False)
        accessibility.name_widgets(self)
        self.yes_button.setFocus()

    def answer(self, still_working: bool) -> None:
        """Store the answer and close; a refusal stays in the dialog."""
        item_id = self.item.item_id
        if item_id is None:
            return
        answered = self.bus.perform(
            lambda: followups.answer(
                self.context.db,
                item_id,
                still_working=still_working,
                note=self.note.text(),
                actor=self.context.actor,
            ),
            self,
            self._refused,
        )
        if answered is None:
            return
        self.answered = answered.value
        self.accept()

    def _refused(self, error: UserError) -> None:
        self.message.setText(error.message)
