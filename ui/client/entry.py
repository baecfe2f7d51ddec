"""The frame of every form in the client view: fields, 'Opslaan (Ctrl+Enter)', a message line,
and the one path for a change: the domain call through ``ChangeBus.perform``, clear, 'Opgeslagen'."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QFocusEvent, QMouseEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QButtonGroup,
    QCheckBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from caseload import errors, model
from resources.changes import Changes
from resources.errors import UserError
from resources.i18n import _
from ui import metrics, undo
from ui.changes import ChangeBus
from ui.client.fields import FieldForm
from ui.context import WindowContext


class ClickLabel(QLabel):
    """A wrapped label that toggles its buddy check box when clicked, like a box's own text."""

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt's name
        """Toggle the buddy."""
        buddy = self.buddy()
        if isinstance(buddy, QAbstractButton) and buddy.isEnabled():
            buddy.click()
        super().mousePressEvent(event)


class _BoxWithText(QCheckBox):
    """A tick box whose text is a label beside it, greyed with the box when it cannot be
    ticked (a follow-up question before its lead is answered looked open)."""

    def __init__(self, label: QLabel) -> None:
        super().__init__()
        self._label = label

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt's name
        """Grey or ungrey the text with the box."""
        if event.type() == QEvent.Type.EnabledChange:
            self._label.setEnabled(self.isEnabled())
        super().changeEvent(event)


def wrapped_check_box(text: str) -> tuple[QCheckBox, QLabel]:
    """A check box whose long text wraps (a QCheckBox's own text never does)."""
    label = ClickLabel(text)
    label.setWordWrap(True)
    box = _BoxWithText(label)
    label.setBuddy(box)
    box.setAccessibleName(text)
    return box, label


class ChoiceList(QWidget):
    """One choice from a short numbered list, each option with its explanation under it."""

    def __init__(self, options: list[tuple[int, str, str]], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.group = QButtonGroup(self)
        layout = QGridLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setVerticalSpacing(2)
        for row, (value, title, explanation) in enumerate(options):
            button = QRadioButton(title)
            button.setAccessibleDescription(explanation)
            button.installEventFilter(self)
            self.group.addButton(button, value)
            text = QLabel(explanation)
            text.setWordWrap(True)
            text.setIndent(24)
            font = text.font()
            font.setPointSizeF(font.pointSizeF() * 0.92)
            text.setFont(font)
            layout.addWidget(button, row * 2, 0)
            layout.addWidget(text, row * 2 + 1, 0)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        """Tab lands on the chosen option, as in any radio group; arrows then move the choice."""
        if event.type() == QEvent.Type.FocusIn and isinstance(event, QFocusEvent):
            chosen = self.group.checkedButton()
            tabbed = event.reason() in (
                Qt.FocusReason.TabFocusReason,
                Qt.FocusReason.BacktabFocusReason,
            )
            if tabbed and chosen is not None and chosen is not watched:
                chosen.setFocus(event.reason())
                return True
        return super().eventFilter(watched, event)

    def value(self) -> int | None:
        """The chosen number, or None."""
        chosen = self.group.checkedId()
        return None if chosen == -1 else chosen

    def set_value(self, value: int | None) -> None:
        """Choose a number (None: choose nothing)."""
        if value is None:
            self.group.setExclusive(False)
            for button in self.group.buttons():
                button.setChecked(False)
            self.group.setExclusive(True)
            return
        button = self.group.button(value)
        if button is not None:
            button.setChecked(True)

    def focus(self) -> None:
        """Put the cursor on the chosen option (or the first)."""
        button = self.group.checkedButton() or self.group.buttons()[0]
        button.setFocus(Qt.FocusReason.TabFocusReason)


class EntryForm(QScrollArea):
    """A form of the client view. Subclasses build fields and implement ``store``."""

    #: The text of the save button; Ctrl+Enter does the same from anywhere in the client view.
    SAVE_TEXT = ""

    def __init__(self, context: WindowContext, bus: ChangeBus, parent: QWidget | None = None):
        super().__init__(parent)
        self.context = context
        self.bus = bus
        self.file: model.ClientFile | None = None
        self._done_said = False
        self.setWidgetResizable(True)
        self.setFrameShape(QScrollArea.Shape.NoFrame)
        content = QWidget()
        self.setWidget(content)
        self.column = QVBoxLayout(content)
        self.column.setContentsMargins(metrics.SPACING, metrics.SPACING, metrics.SPACING, 0)
        self.form = FieldForm()
        self.column.addLayout(self.form)
        self.build()
        buttons = QHBoxLayout()
        self.save_button = QPushButton(self.SAVE_TEXT or _("Opslaan (Ctrl+Enter)"))
        self.save_button.clicked.connect(self.save)
        buttons.addWidget(self.save_button)
        buttons.addStretch()
        self.column.addLayout(buttons)
        self.form.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.column.addWidget(self.form.message)
        self.column.addStretch(1)

    # -- for subclasses -----------------------------------------------------------------------

    def build(self) -> None:
        """Add the fields to ``self.form``."""
        raise NotImplementedError

    def change_name(self) -> str:
        """What saving does, as Bewerken → Ongedaan maken names it ("contact vastleggen")."""
        raise NotImplementedError

    def store(self, file: model.ClientFile) -> Changes:
        """Make the change through the domain and return what changed; raise to refuse."""
        raise NotImplementedError

    def clear(self) -> None:
        """Empty the fields for the next entry."""

    def first_field(self) -> QWidget:
        """Where the cursor goes when the form is shown."""
        raise NotImplementedError

    def client_changed(self, file: model.ClientFile) -> None:
        """Update choices that depend on the client (its barriers, actions, status)."""

    # -- shared behaviour ---------------------------------------------------------------------

    def set_file(self, file: model.ClientFile, new_client: bool) -> None:
        """Show the form for this client; a different client starts with empty fields."""
        self.file = file
        if new_client:
            self.form.clear_errors()
            self.clear()
        self.client_changed(file)

    def focus_first(self) -> None:
        """Put the cursor in the first field."""
        self.ensureWidgetVisible(self.first_field())
        self.first_field().setFocus(Qt.FocusReason.TabFocusReason)

    def save(self) -> bool:
        """Store what the form holds; on a refusal show why and store nothing."""
        if self.file is None:
            return False
        self.form.clear_errors()
        file = self.file
        undoable = undo.Undoable(self.change_name(), file.client.id)
        saved = self.bus.perform(
            lambda: self.store(file), self, self.show_refusal, undoable=undoable
        )
        if saved is None:
            return False
        self.clear()
        self.say_done(_("Opgeslagen."))
        self.focus_first()
        return True

    def say_done(self, text: str) -> None:
        """Confirm a change in the message line, until the client is opened again."""
        self.form.message.setText(text)
        self._done_said = True

    def forget_done(self) -> None:
        """Opening the client again: a confirmation of an earlier change no longer applies."""
        if self._done_said:
            self.form.message.clear()
            self._done_said = False

    def show_refusal(self, error: UserError) -> None:
        """A refusal under its field (a domain error names it), else in the message line."""
        if isinstance(error, errors.CaseloadError):
            self.form.show_error(error)
        else:
            self.form.message.setText(error.message)

    def message(self) -> str:
        """The form's message line."""
        return self.form.message.text()
