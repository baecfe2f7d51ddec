"""Pages without data yet say what to do next: the quickscan's history and role comparison
without scans, the Rapporten preview before a report is made, Overzicht before Tonen."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from ui.shell import main_window

from ..keyboard import press
from .test_main_window import show_active

pytestmark = pytest.mark.qt_log_ignore("does not support propagateSizeHints")


@pytest.fixture
def window(qtbot, app_context) -> main_window.MainWindow:
    shown = main_window.MainWindow(app_context)
    qtbot.addWidget(shown)
    show_active(qtbot, shown)
    return shown


def _go(qtbot, window: main_window.MainWindow, key: Qt.Key, page: int) -> None:
    press(qtbot, key, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: window.current_page() == page)


def test_quickscan_without_scans_points_to_the_scan_tab(qtbot, window) -> None:
    _go(qtbot, window, Qt.Key.Key_3, main_window.Page.QUICKSCAN)
    page = window.pages.currentWidget()
    page.tabs.setCurrentWidget(page.history)
    qtbot.waitUntil(page.history.empty.isVisible)
    assert "tabblad Scan (Alt+S)" in page.history.empty.text()
    press(qtbot, Qt.Key.Key_V, Qt.KeyboardModifier.AltModifier)  # Scans &vergelijken
    qtbot.waitUntil(lambda: page.tabs.currentWidget() is page.compare_scans)
    qtbot.waitUntil(lambda: "tabblad Scan (Alt+S)" in page.compare_scans.message.text())
    assert not page.compare_scans.body.isVisible()
    press(qtbot, Qt.Key.Key_R, Qt.KeyboardModifier.AltModifier)  # &Rollen vergelijken
    qtbot.waitUntil(lambda: page.tabs.currentWidget() is page.compare_roles)
    qtbot.waitUntil(lambda: "tabblad Scan (Alt+S)" in page.compare_roles.message.text())
    assert page.compare_roles.message.isVisible()
    assert not page.compare_roles.theme_table.isVisible()
    assert not page.compare_roles.question_table.isVisible()


def test_rapporten_before_a_preview_says_how_to_make_one(qtbot, window) -> None:
    _go(qtbot, window, Qt.Key.Key_4, main_window.Page.REPORTS)
    empty = window.pages.currentWidget().preview.empty
    assert empty.isVisible()
    assert "Voorbeeld maken (Alt+D)" in empty.text()
    assert "Ctrl+R" in empty.text()


def test_overzicht_before_tonen_says_what_tonen_shows(qtbot, window) -> None:
    _go(qtbot, window, Qt.Key.Key_6, main_window.Page.OVERVIEW)
    page = window.pages.currentWidget()
    assert page.status.isVisible()
    assert "Tonen (Alt+O)" in page.status.text()
    assert not page.quarters.isVisible()
