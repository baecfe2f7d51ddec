"""Undo and redo of the user's changes in the caseload, built on the change path.

``ChangeBus.perform`` takes a snapshot of the client's file before and after an undoable
change and pushes both here with the change's name; Bewerken → Ongedaan maken (Ctrl+Z) puts the
first back, Opnieuw (Ctrl+Shift+Z) the second, through the same path, so every view refreshes.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtCore import QEvent, QObject, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QApplication,
    QLineEdit,
    QPlainTextEdit,
    QTextEdit,
    QWidget,
)

if TYPE_CHECKING:
    from caseload import undo as domain


@dataclass(frozen=True)
class Undoable:
    """What the window says about a change before making it: its name and the client."""

    name: str
    client_id: int
    #: More clients changed by the same step (a reassignment of several at once).
    others: tuple[int, ...] = ()

    @property
    def client_ids(self) -> tuple[int, ...]:
        """Every client whose file the change touches."""
        return (self.client_id, *self.others)


@dataclass(frozen=True)
class Step:
    """One change made: its name, and the clients' files before and after it."""

    name: str
    before: tuple[domain.Snapshot, ...]
    after: tuple[domain.Snapshot, ...]


class UndoStack(QObject):
    """The changes that can be undone (newest last) and those undone that can be redone."""

    changed = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._done: list[Step] = []
        self._undone: list[Step] = []

    def push(self, step: Step) -> None:
        """A new change: it can be undone; what was undone before can no longer be redone."""
        self._done.append(step)
        self._undone.clear()
        self.changed.emit()

    def clear(self) -> None:
        """Forget everything (the data changed in a way that cannot be undone)."""
        if self._done or self._undone:
            self._done.clear()
            self._undone.clear()
            self.changed.emit()

    def next_undo(self) -> Step | None:
        """The change Ctrl+Z would undo."""
        return self._done[-1] if self._done else None

    def next_redo(self) -> Step | None:
        """The change Ctrl+Shift+Z would make again."""
        return self._undone[-1] if self._undone else None

    def undone(self) -> None:
        """The newest change was undone."""
        self._undone.append(self._done.pop())
        self.changed.emit()

    def redone(self) -> None:
        """The newest undone change was made again."""
        self._done.append(self._undone.pop())
        self.changed.emit()


def _own_history(widget: QObject | None, redo: bool) -> bool:
    """Whether the focused field has typing of its own to undo (or redo)."""
    if isinstance(widget, QAbstractSpinBox):
        widget = widget.findChild(QLineEdit)
    if isinstance(widget, QLineEdit):
        return widget.isRedoAvailable() if redo else widget.isUndoAvailable()
    if isinstance(widget, QPlainTextEdit | QTextEdit):
        document = widget.document()
        return document.isRedoAvailable() if redo else document.isUndoAvailable()
    return False


class FieldsYield(QObject):
    """Lets Ctrl+Z and Ctrl+Shift+Z reach the window's Ongedaan maken and Opnieuw when the
    focused field has no typing of its own to undo; a field with typing keeps its own undo.

    Without it, the date field that has the cursor after Ctrl+Enter would swallow Ctrl+Z.
    Qt asks the focused widget first (a ShortcutOverride event), so this watches the widget
    that has the focus, and moves along with it: a filter on the application would pass every
    event of every object (each paint, each layout) through Python.
    """

    def __init__(self, parent: QObject) -> None:
        super().__init__(parent)
        self._watched: QWidget | None = None
        application = QApplication.instance()
        if isinstance(application, QApplication):
            application.focusChanged.connect(self._follow)
            self._follow(None, application.focusWidget())

    def _follow(self, _old: QWidget | None, new: QWidget | None) -> None:
        """Watch the widget that has the focus now, no longer the one that had it."""
        if self._watched is not None and shiboken6.isValid(self._watched):
            self._watched.removeEventFilter(self)
        self._watched = new
        if new is not None:
            new.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        """Keep a field from claiming the shortcut when it has nothing to undo itself."""
        # The class first: it costs no enum per event.
        if not isinstance(event, QKeyEvent) or event.type() != QEvent.Type.ShortcutOverride:
            return False
        combination = QKeySequence(event.keyCombination())
        redo = combination == QKeySequence("Ctrl+Shift+Z")
        if combination != QKeySequence("Ctrl+Z") and not redo:
            return False
        if _own_history(QApplication.focusWidget(), redo):
            return False
        event.ignore()
        return True
