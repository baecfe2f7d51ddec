"""One question of the scan: the statement, the scale as radio buttons, an optional comment.

Keyboard: number keys 1..N choose an option (0 or W: 'weet niet'), Left/Right move between
options, Up/Down ask the fill-in view to move to the previous or next question, and Tab goes
from the options to the comment field.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent, QResizeEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from quickscan import questionnaire as model
from quickscan import validation
from resources.i18n import _
from ui import accessibility, metrics


class QuestionBox(QFrame):
    """A question with its answer options and comment field; it emits what the user chose."""

    #: The user chose an option: (question id, value; None is 'weet niet').
    answer_chosen = Signal(str, object)
    #: The user finished editing the comment: (question id, text).
    comment_finished = Signal(str, str)
    #: Up or Down on an option: (this box, -1 or +1).
    move_requested = Signal(object, int)
    #: Focus entered this question.
    focused = Signal(object)

    def __init__(
        self,
        questionnaire: model.Questionnaire,
        question: model.Question,
        number: int,
        language: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.question = question
        self.setFrameShape(QFrame.Shape.StyledPanel)
        layout = QVBoxLayout(self)
        text = question.text.get(language)
        self.text = QLabel(_("%(number)d. %(text)s") % {"number": number, "text": text})
        self.text.setWordWrap(True)
        self.text.setTextFormat(Qt.TextFormat.PlainText)
        font = self.text.font()
        font.setBold(True)
        self.text.setFont(font)
        layout.addWidget(self.text)

        # The options sit in their own widget, labelled by the question, so a screen reader
        # says the question once as the group's name before the options.
        self.choices = QWidget()
        self.options = QGridLayout(self.choices)
        self.options.setContentsMargins(0, 0, 0, 0)
        self.options.setHorizontalSpacing(metrics.SPACING * 2)
        self._columns = 0
        self.group = QButtonGroup(self)
        self.buttons: list[QRadioButton] = []
        self.values: list[int | None] = []
        for option in questionnaire.options_for(question.id):
            button = QRadioButton(option.label.get(language))
            button.setAccessibleDescription(text)
            button.installEventFilter(self)
            self.group.addButton(button, len(self.buttons))
            self.buttons.append(button)
            self.values.append(option.value)
        self._place_options(len(self.buttons))
        layout.addWidget(self.choices)
        accessibility.label_group(self.text, self.choices)
        self.group.idClicked.connect(self._clicked)

        comment_row = QHBoxLayout()
        self.comment_label = QLabel(_("Opmerking bij vraag %(number)d:") % {"number": number})
        self.comment = QLineEdit()
        self.comment.setMaxLength(validation.MAX_COMMENT)
        self.comment.setPlaceholderText(_("niet verplicht"))
        self.comment_label.setBuddy(self.comment)
        self.comment.editingFinished.connect(
            lambda: self.comment_finished.emit(self.question.id, self.comment.text())
        )
        self.comment.installEventFilter(self)
        comment_row.addWidget(self.comment_label)
        comment_row.addWidget(self.comment, 1)
        layout.addLayout(comment_row)
        self.note = QLabel(_("Kies eerst een antwoord. Dan wordt de opmerking ook bewaard."))
        self.note.setWordWrap(True)
        self.note.hide()
        layout.addWidget(self.note)

    def _place_options(self, columns: int) -> None:
        """Put the options in rows of ``columns``; one row when there is room, else two."""
        if columns == self._columns:
            return
        self._columns = columns
        for button in self.buttons:
            self.options.removeWidget(button)
        for index, button in enumerate(self.buttons):
            self.options.addWidget(button, index // columns, index % columns)
        self.options.setColumnStretch(len(self.buttons), 1)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt's name
        """Wrap the options onto two rows in a narrow window, so nothing is cut off."""
        needed = sum(b.sizeHint().width() for b in self.buttons)
        needed += self.options.horizontalSpacing() * len(self.buttons) + 2 * metrics.MARGIN
        columns = len(self.buttons)
        if needed > event.size().width():
            columns = (len(self.buttons) + 1) // 2
        self._place_options(columns)
        super().resizeEvent(event)

    # -- state --------------------------------------------------------------------------

    @property
    def answered(self) -> bool:
        """Whether an option is chosen."""
        return self.group.checkedId() >= 0

    def value(self) -> int | None:
        """The chosen value (None is 'weet niet'); only meaningful when answered."""
        index = self.group.checkedId()
        return self.values[index] if index >= 0 else None

    def show_answer(self, answered: bool, value: int | None, comment: str | None) -> None:
        """Show a stored answer (or none) without emitting anything."""
        self.group.blockSignals(True)
        if answered:
            self.buttons[self.values.index(value)].setChecked(True)
        else:
            # An exclusive group keeps one button checked; lift that to clear it.
            self.group.setExclusive(False)
            for button in self.buttons:
                button.setChecked(False)
            self.group.setExclusive(True)
        self.group.blockSignals(False)
        if comment is not None:
            self.comment.setText(comment)
        self.note.setVisible(not answered and bool(self.comment.text().strip()))

    def _clicked(self, index: int) -> None:
        self.answer_chosen.emit(self.question.id, self.values[index])

    def focus_answer(self) -> None:
        """Put the keyboard focus on the chosen option, or on the first one."""
        index = max(self.group.checkedId(), 0)
        self.buttons[index].setFocus(Qt.FocusReason.OtherFocusReason)

    # -- keyboard -----------------------------------------------------------------------

    def _choose(self, index: int) -> None:
        button = self.buttons[index]
        button.setFocus(Qt.FocusReason.OtherFocusReason)
        button.click()

    def _key_index(self, event: QKeyEvent) -> int | None:
        """The option a number key (or W) picks, if any."""
        key = event.key()
        if Qt.Key.Key_1 <= key <= Qt.Key.Key_9:
            # Digits choose the answers on the scale; "weet niet" has its own keys (0 and W).
            index = key - Qt.Key.Key_1
            answers = [i for i, value in enumerate(self.values) if value is not None]
            return answers[index] if index < len(answers) else None
        if key in (Qt.Key.Key_0, Qt.Key.Key_W) and None in self.values:
            return self.values.index(None)
        return None

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        """Number keys, arrows and Tab on the options; focus tracking on every part."""
        if event.type() == QEvent.Type.FocusIn:
            self.focused.emit(self)
            return False
        if event.type() != QEvent.Type.KeyPress:
            return False
        assert isinstance(event, QKeyEvent)
        if watched is self.comment:
            if event.key() == Qt.Key.Key_Backtab:
                self.focus_answer()  # back to the chosen option, not to the last one
                return True
            return False
        if watched not in self.buttons:
            return False
        if event.modifiers() & (
            Qt.KeyboardModifier.AltModifier | Qt.KeyboardModifier.ControlModifier
        ):
            return False  # leave Alt+arrows and Ctrl+… to the shortcuts
        position = self.buttons.index(watched)
        key = event.key()
        chosen = self._key_index(event)
        if chosen is not None:
            self._choose(chosen)
            return True
        if key in (Qt.Key.Key_Left, Qt.Key.Key_Right):
            step = -1 if key == Qt.Key.Key_Left else 1
            target = min(max(position + step, 0), len(self.buttons) - 1)
            if target != position or not self.buttons[position].isChecked():
                self._choose(target)
            return True
        if key in (Qt.Key.Key_Up, Qt.Key.Key_Down):
            self.move_requested.emit(self, -1 if key == Qt.Key.Key_Up else 1)
            return True
        if key == Qt.Key.Key_Tab:
            self.comment.setFocus(Qt.FocusReason.TabFocusReason)
            return True
        if key == Qt.Key.Key_Backtab and position != 0:
            # Leave the group backwards from its first option, as Qt's focus chain runs.
            self.buttons[0].setFocus(Qt.FocusReason.BacktabFocusReason)
            return False
        return False
