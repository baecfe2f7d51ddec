"""Start-up makes only the page the window opens on; every other page answers its shortcut at
once, and the rest are made after the first paint without moving the user anywhere."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication

from caseload import demo
from resources import i18n
from ui import design
from ui.caseload.page import CaseloadPage
from ui.settings.page import SettingsPage
from ui.shell import frame, main_window
from ui.shell.main_window import Page
from ui.worklist.page import WorklistPage

from ..keyboard import press
from .test_main_window import show_active

pytestmark = pytest.mark.qt_log_ignore("does not support propagateSizeHints")


@pytest.fixture
def caseload_context(app_context):
    """A small demo caseload: the window opens on Vandaag."""
    demo.fill(app_context.db, 60, seed=3)
    return app_context


def test_the_window_opens_on_vandaag_and_makes_the_other_pages_after_its_first_paint(
    qtbot, caseload_context
) -> None:
    window = main_window.MainWindow(caseload_context)
    qtbot.addWidget(window)
    assert window.pages.waiting() == [Page.CASELOAD, Page.SETTINGS], "only Vandaag before"
    show_active(qtbot, window)
    worklist = window.pages.currentWidget()
    assert isinstance(worklist, WorklistPage)
    qtbot.waitUntil(lambda: not window.pages.waiting())
    # Made out of sight: the user stays on Vandaag, the cursor where it was.
    assert window.current_page() == Page.WORKLIST
    assert window.pages.currentWidget() is worklist
    assert QApplication.focusWidget() is worklist.tree
    assert isinstance(window.pages.widget(Page.CASELOAD), CaseloadPage)
    assert isinstance(window.pages.widget(Page.SETTINGS), SettingsPage)


def test_a_page_that_is_not_made_yet_answers_its_shortcut_at_once(
    qtbot, caseload_context, monkeypatch
) -> None:
    # The turn after the first paint has not come (as when a key is pressed right away).
    monkeypatch.setattr(main_window.MainWindow, "_make_waiting_pages", lambda _self: None)
    window = main_window.MainWindow(caseload_context)
    qtbot.addWidget(window)
    show_active(qtbot, window)
    assert window.pages.waiting() == [Page.CASELOAD, Page.SETTINGS]

    qtbot.keyClick(window, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    caseload = window.pages.currentWidget()
    assert window.current_page() == Page.CASELOAD
    assert isinstance(caseload, CaseloadPage), "the caseload itself, not a stand-in"
    assert caseload.isVisible()
    assert caseload.model.rowCount() > 0, "with its clients"

    qtbot.keyClick(window, Qt.Key.Key_5, Qt.KeyboardModifier.ControlModifier)
    settings = window.pages.currentWidget()
    assert isinstance(settings, SettingsPage)
    assert settings.profile.user_name.text() == caseload_context.settings.user_name
    assert window.pages.waiting() == []

    qtbot.keyClick(window, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
    assert isinstance(window.pages.currentWidget(), WorklistPage)


def test_a_client_opened_from_vandaag_before_the_caseload_is_made_opens_at_once(
    qtbot, caseload_context, monkeypatch
) -> None:
    monkeypatch.setattr(main_window.MainWindow, "_make_waiting_pages", lambda _self: None)
    window = main_window.MainWindow(caseload_context)
    qtbot.addWidget(window)
    show_active(qtbot, window)
    worklist = window.pages.currentWidget()
    assert isinstance(worklist, WorklistPage)
    press(qtbot, Qt.Key.Key_M, Qt.KeyboardModifier.AltModifier)  # everyone's clients
    qtbot.waitUntil(lambda: not worklist.mine.isChecked())  # a mnemonic clicks a moment later
    worklist.focus_list()
    for _line in range(50):
        if worklist.chosen() is not None:
            break
        press(qtbot, Qt.Key.Key_Down)
    chosen = worklist.chosen()
    assert chosen is not None, "the demo caseload gives Vandaag lines"
    assert Page.CASELOAD in window.pages.waiting()
    press(qtbot, Qt.Key.Key_Return)
    assert window.current_page() == Page.CASELOAD
    caseload = window.pages.currentWidget()
    assert isinstance(caseload, CaseloadPage)
    assert caseload.client_view.client_id() == chosen.client_id
    assert caseload.client_view.isAncestorOf(QApplication.focusWidget())


def test_a_new_language_makes_the_pages_again_and_they_still_answer_at_once(
    qtbot, caseload_context
) -> None:
    window = main_window.MainWindow(caseload_context)
    qtbot.addWidget(window)
    show_active(qtbot, window)
    qtbot.waitUntil(lambda: not window.pages.waiting())
    qtbot.keyClick(window, Qt.Key.Key_5, Qt.KeyboardModifier.ControlModifier)
    settings = window.pages.currentWidget()
    assert isinstance(settings, SettingsPage)
    try:
        settings.profile.language.setCurrentIndex(settings.profile.language.findData("en"))
        qtbot.mouseClick(settings.save, Qt.MouseButton.LeftButton)
        assert window.navigation.item(Page.CASELOAD).text() == "Caseload"
        assert window.navigation.item(Page.SETTINGS).text() == "Settings"
        qtbot.keyClick(window, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
        assert isinstance(window.pages.currentWidget(), CaseloadPage)
        qtbot.waitUntil(lambda: not window.pages.waiting())
        assert window.current_page() == Page.CASELOAD
    finally:
        i18n.set_language("nl")


def test_closing_remembers_the_colour_scheme_for_the_next_frame(qtbot, caseload_context) -> None:
    window = main_window.MainWindow(caseload_context)
    qtbot.addWidget(window)
    show_active(qtbot, window)
    window.close()
    state = QSettings(str(caseload_context.paths.window_state), QSettings.Format.IniFormat)
    assert state.value(frame.SCHEME_KEY) == design.current_scheme()
