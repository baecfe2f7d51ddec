"""Filling in a scan: one page per theme, every answer and comment saved the moment it is given."""

from __future__ import annotations

import itertools

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from quickscan import questionnaire as model
from quickscan import store
from quickscan.errors import IncompleteResponse
from resources.errors import UserError
from resources.i18n import _, ngettext
from ui import accessibility, metrics, widgets
from ui.changes import ChangeBus
from ui.context import WindowContext
from ui.quickscan.question import QuestionBox


class FillView(QWidget):
    """The themes of one draft scan, one page at a time, with progress and the answers given."""

    #: The scan was completed: its id.
    completed = Signal(int)
    #: The user leaves the scan for later.
    closed = Signal()

    def __init__(self, context: WindowContext, bus: ChangeBus, parent: QWidget | None = None):
        super().__init__(parent)
        self.context = context
        self.bus = bus
        self.response: store.Response | None = None
        self.questionnaire: model.Questionnaire | None = None
        self.themes: list[model.Theme] = []
        self.boxes: dict[str, QuestionBox] = {}
        self.answers: dict[str, store.Answer] = {}
        self.scrolls: list[QScrollArea] = []
        layout = QVBoxLayout(self)
        layout.setContentsMargins(metrics.MARGIN, metrics.MARGIN, metrics.MARGIN, metrics.MARGIN)
        layout.setSpacing(metrics.SPACING)
        self.progress = QLabel()
        self.progress.setObjectName("themeProgress")
        self.answered = QLabel()
        top = QHBoxLayout()
        top.addWidget(self.progress)
        top.addStretch(1)
        top.addWidget(self.answered)
        layout.addLayout(top)
        self.heading = widgets.title("")
        layout.addWidget(self.heading)
        self.explanation = widgets.paragraph("")
        layout.addWidget(self.explanation)
        self.keys = widgets.paragraph("")
        layout.addWidget(self.keys)
        self.message = widgets.paragraph("")
        self.message.setObjectName("fillMessage")
        font = self.message.font()
        font.setBold(True)
        self.message.setFont(font)
        self.message.hide()
        layout.addWidget(self.message)
        self.stack = QStackedWidget()
        layout.addWidget(self.stack, 1)
        self._build_buttons(layout)
        self._build_shortcuts()

    def _build_buttons(self, layout: QVBoxLayout) -> None:
        row = QHBoxLayout()
        self.previous = QPushButton(_("V&orig thema"))
        self.previous.clicked.connect(lambda: self.go_to_theme(self.current_theme() - 1))
        self.next = QPushButton(_("Volgend &thema"))
        self.next.clicked.connect(lambda: self.go_to_theme(self.current_theme() + 1))
        self.finish = QPushButton(_("&Afronden"))
        self.finish.clicked.connect(self.complete)
        self.later = QPushButton(_("&Later verder"))
        self.later.clicked.connect(self.closed.emit)
        row.addWidget(self.previous)
        row.addWidget(self.next)
        row.addStretch(1)
        row.addWidget(self.later)
        row.addWidget(self.finish)
        layout.addLayout(row)

    def _build_shortcuts(self) -> None:
        moves = (
            (Qt.Key.Key_PageDown, 1),
            (Qt.Key.Key_PageUp, -1),
            (QKeySequence(Qt.Modifier.ALT | Qt.Key.Key_Right), 1),
            (QKeySequence(Qt.Modifier.ALT | Qt.Key.Key_Left), -1),
        )
        for keys, step in moves:
            shortcut = QShortcut(QKeySequence(keys), self)
            # For Help → Sneltoetsen.
            shortcut.setWhatsThis(_("Volgend thema") if step > 0 else _("Vorig thema"))
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(
                lambda step=step: self.go_to_theme(self.current_theme() + step)
            )

    # -- opening a scan -----------------------------------------------------------------

    def open(self, response_id: int) -> None:
        """Show a draft scan with the answers given so far, at the first open question."""
        db = self.context.db
        self.response = store.get_response(db, response_id)
        self.questionnaire = store.questionnaire_for(db, self.response)
        self.answers = store.answers(db, response_id)
        self._build_pages()
        self.message.hide()
        self._update_counts()
        missing = [qid for qid in self.boxes if qid not in self.answers]
        self.go_to_question(missing[0] if missing else next(iter(self.boxes)))

    def _build_pages(self) -> None:
        assert self.response is not None and self.questionnaire is not None
        while self.stack.count():
            old = self.stack.widget(0)
            assert old is not None
            self.stack.removeWidget(old)
            old.deleteLater()
        self.boxes.clear()
        self.scrolls.clear()
        questionnaire, role = self.questionnaire, self.response.role
        language = self.response.language
        self.themes = list(questionnaire.themes_for(role))
        options = max(
            len(questionnaire.scale_of(q.id).values) for q in questionnaire.questions_for(role)
        )
        self.keys.setText(
            _(
                "Toetsen: cijfer 1 tot en met %(n)d kiest een antwoord, 0 of W is 'weet niet'. "
                "Pijltjes: ander antwoord of andere vraag. Tab: opmerking. "
                "Page Down of Alt+Pijl rechts: volgend thema."
            )
            % {"n": options}
        )
        number = 0
        for theme in self.themes:
            page = QWidget()
            column = QVBoxLayout(page)
            column.setSpacing(metrics.SPACING)
            for question in questionnaire.questions_for(role, theme.id):
                number += 1
                box = QuestionBox(questionnaire, question, number, language)
                stored = self.answers.get(question.id)
                box.show_answer(
                    stored is not None,
                    stored.value if stored else None,
                    stored.comment if stored else None,
                )
                box.answer_chosen.connect(self.save_answer)
                box.comment_finished.connect(self.save_comment)
                box.move_requested.connect(self._move)
                box.focused.connect(self._ensure_visible)
                column.addWidget(box)
                self.boxes[question.id] = box
            column.addStretch(1)
            scroll = QScrollArea()
            scroll.setWidgetResizable(True)
            scroll.setWidget(page)
            scroll.setFrameShape(QScrollArea.Shape.NoFrame)
            self.stack.addWidget(scroll)
            self.scrolls.append(scroll)
        accessibility.name_widgets(self)
        self._questions_before_buttons()

    def _questions_before_buttons(self) -> None:
        """Tab reaches the questions of a theme before Vorig thema and Volgend thema (the
        buttons were made before the questions, so Qt's order had them first)."""
        chain = [
            widget
            for scroll in self.scrolls
            for widget in scroll.findChildren(QWidget)
            if widget.focusPolicy() & Qt.FocusPolicy.TabFocus
        ]
        chain += [self.previous, self.next, self.later, self.finish]
        for first, second in itertools.pairwise(chain):
            QWidget.setTabOrder(first, second)

    # -- moving -------------------------------------------------------------------------

    def current_theme(self) -> int:
        """The index of the theme shown now."""
        return self.stack.currentIndex()

    def go_to_theme(self, index: int, focus: bool = True) -> None:
        """Show a theme page; focus its first open question (or its first question)."""
        if not self.themes or not 0 <= index < len(self.themes):
            return
        self.stack.setCurrentIndex(index)
        assert self.response is not None
        theme = self.themes[index]
        language = self.response.language
        self.progress.setText(
            _("Thema %(n)d van %(total)d") % {"n": index + 1, "total": len(self.themes)}
        )
        self.heading.setText(theme.title.get(language))
        self.heading.setAccessibleName(theme.title.get(language))
        self.explanation.setText(theme.explanation.get(language))
        self.previous.setEnabled(index > 0)
        self.next.setEnabled(index < len(self.themes) - 1)
        if focus:
            boxes = self.theme_boxes(index)
            open_boxes = [box for box in boxes if not box.answered]
            (open_boxes or boxes)[0].focus_answer()

    def theme_boxes(self, index: int) -> list[QuestionBox]:
        """The question boxes of a theme, in order."""
        theme = self.themes[index].id
        return [box for box in self.boxes.values() if box.question.theme == theme]

    def go_to_question(self, question_id: str) -> None:
        """Show the theme of a question and put the focus on it."""
        box = self.boxes[question_id]
        index = next(i for i, t in enumerate(self.themes) if t.id == box.question.theme)
        self.go_to_theme(index, focus=False)
        box.focus_answer()
        self._ensure_visible(box)

    def _move(self, box: QuestionBox, step: int) -> None:
        boxes = self.theme_boxes(self.current_theme())
        position = boxes.index(box) + step
        if 0 <= position < len(boxes):
            boxes[position].focus_answer()

    def _ensure_visible(self, box: QuestionBox) -> None:
        index = self.current_theme()
        if 0 <= index < len(self.scrolls):
            self.scrolls[index].ensureWidgetVisible(box, 0, metrics.MARGIN)

    # -- saving -------------------------------------------------------------------------

    def save_answer(self, question_id: str, value: int | None) -> None:
        """Store the chosen option at once (with the comment typed so far)."""
        assert self.response is not None
        box = self.boxes[question_id]
        old = self.answers.get(question_id)
        comment = box.comment.text()
        if old is not None and old.value == value and (old.comment or "") == comment.strip():
            return
        if not self._save(question_id, value, comment):
            box.show_answer(old is not None, old.value if old else None, None)
            return
        box.note.hide()

    def save_comment(self, question_id: str, text: str) -> None:
        """Store a comment when the user leaves its field; it waits for an answer if none yet."""
        box = self.boxes[question_id]
        old = self.answers.get(question_id)
        if old is None:
            box.note.setVisible(bool(text.strip()))
            return
        if (old.comment or "") == text.strip():
            return
        if not self._save(question_id, old.value, text):
            box.show_answer(True, old.value, old.comment or "")

    def _save(self, question_id: str, value: int | None, comment: str) -> bool:
        assert self.response is not None
        response_id = self.response.id
        saved = self.bus.perform(
            lambda: store.save_answer(
                self.context.db,
                response_id,
                question_id,
                value,
                comment,
                actor=self.context.actor,
            ),
            self,
            lambda error: QMessageBox.warning(self, _("Antwoord niet bewaard"), error.message),
        )
        if saved is None:
            return False
        self.answers[question_id] = saved.value
        self._update_counts()
        return True

    def _update_counts(self) -> None:
        total = len(self.boxes)
        given = sum(1 for qid in self.boxes if qid in self.answers)
        self.answered.setText(
            ngettext(
                "%(n)d van %(total)d vraag beantwoord",
                "%(n)d van %(total)d vragen beantwoord",
                total,
            )
            % {"n": given, "total": total}
        )

    # -- completing ---------------------------------------------------------------------

    def complete(self) -> None:
        """Complete the scan; if questions are open, say how many and go to the first one."""
        assert self.response is not None
        # A comment still being typed is saved first (its field may not have lost focus).
        focused = self.focusWidget()
        for box in self.boxes.values():
            if focused is box.comment:
                self.save_comment(box.question.id, box.comment.text())
        response_id = self.response.id
        completed = self.bus.perform(
            lambda: store.complete_response(self.context.db, response_id, actor=self.context.actor),
            self,
            self._not_completed,
        )
        if completed is None:
            return
        response = completed.value
        self.completed.emit(response.id)

    def _not_completed(self, error: UserError) -> None:
        """Open questions: say how many and go to the first; any other refusal in a box."""
        if not isinstance(error, IncompleteResponse):
            QMessageBox.warning(self, _("Niet afgerond"), error.message)
            return
        assert self.response is not None
        self.message.setText(error.message)
        self.message.show()
        missing = store.unanswered(self.context.db, self.response.id)
        if missing:
            self.go_to_question(missing[0])
