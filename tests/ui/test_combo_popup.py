"""A drop-down list opened by keyboard shows every choice, the chosen one readable.

With Trede's style sheet on combo boxes, Qt's menu-like popup drew the highlighted choice as
an empty white row (white text on the box's white) and cut the last choice off behind a
scroll arrow, even for three choices.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QApplication

from caseload import demo
from ui.shell import main_window

from .keyboard import press
from .shell.test_main_window import show_active

pytestmark = pytest.mark.qt_log_ignore(
    "does not support propagateSizeHints", "does not support raise", "does not support grabbing"
)


def test_the_status_list_shows_every_choice_and_the_chosen_one(qtbot, app_context) -> None:
    demo.fill(app_context.db, 20, seed=5)
    window = main_window.MainWindow(app_context)
    qtbot.addWidget(window)
    show_active(qtbot, window)
    press(qtbot, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    page = window.pages.currentWidget()
    combo = page.filters.status
    press(qtbot, Qt.Key.Key_U, Qt.KeyboardModifier.AltModifier)  # Stat&us
    qtbot.waitUntil(combo.hasFocus)
    press(qtbot, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    view = combo.view()
    qtbot.waitUntil(view.isVisible)
    shown = view.viewport().rect()
    rows = [view.visualRect(combo.model().index(row, 0)) for row in range(combo.count())]
    assert combo.count() >= 3
    assert all(shown.contains(rect) for rect in rows), (shown, rows)
    image = view.viewport().grab().toImage()
    chosen = rows[combo.currentIndex()]
    accent = window.palette().color(window.palette().ColorRole.Highlight)
    middle = QColor(image.pixel(chosen.left() + 2, chosen.center().y()))
    # The highlight colour (a grab may round a channel by one), not the box's white.
    channels = zip(middle.getRgb()[:3], accent.getRgb()[:3], strict=True)
    assert all(abs(a - b) <= 4 for a, b in channels), (middle.name(), accent.name())
    press(qtbot, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not view.isVisible())
    assert QApplication.focusWidget() is combo
