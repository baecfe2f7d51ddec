"""Keys as a user presses them: where the keyboard focus is, also letters outside ASCII
(qtbot.keyClicks aborts on 'ë')."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QWidget


def type_text(widget: QWidget, text: str) -> None:
    """Send a key press and release carrying each character, as a keyboard would."""
    for character in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            event = QKeyEvent(kind, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, character)
            QApplication.sendEvent(widget, event)


def press(qtbot, key: Qt.Key, modifier=Qt.KeyboardModifier.NoModifier) -> None:
    """Press a key where the keyboard focus is, as a user does."""
    widget = QApplication.focusWidget()
    assert widget is not None, "nothing has the keyboard focus"
    qtbot.keyClick(widget, key, modifier)


def type_keys(qtbot, text: str) -> None:
    """Type text where the keyboard focus is: ASCII key by key as Qt's test keyboard presses
    them, any other letter (a surname with 'ö' picked from the demo) as a key event carrying
    it, since ``qtbot.keyClicks`` aborts the whole process on it."""
    widget = QApplication.focusWidget()
    if text.isascii():
        qtbot.keyClicks(widget, text)
    else:
        assert widget is not None, "nothing has the keyboard focus"
        type_text(widget, text)
