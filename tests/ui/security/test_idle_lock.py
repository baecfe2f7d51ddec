"""The app lock: after the idle time the window hides its content until the user comes back."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QDialog, QLineEdit

from app import context, database
from ui.shell import main_window

from ..keyboard import type_text

PASSPHRASE = "paars-Konijn-fietst-42"

pytestmark = pytest.mark.qt_log_ignore("does not support propagateSizeHints")


def _window(qtbot, ctx: context.AppContext) -> main_window.MainWindow:
    window = main_window.MainWindow(ctx)
    qtbot.addWidget(window)
    window.show()
    window.locker.watcher.set_timeout_ms(50)
    return window


def test_idle_window_locks_and_the_passphrase_opens_it(qtbot, app_paths, complete_settings) -> None:
    db = database.open_database(app_paths.database, PASSPHRASE)
    ctx = context.AppContext(
        db=db, paths=app_paths, settings=complete_settings, passphrase=PASSPHRASE
    )
    window = _window(qtbot, ctx)
    content = window.centralWidget()
    qtbot.waitUntil(lambda: window.locker.is_locked, timeout=3000)
    page = window.locker.page
    assert page is not None and window.centralWidget() is page
    assert not content.isVisible(), "the caseload is hidden"
    assert not window.menuBar().isEnabled()
    assert not any(action.isEnabled() for action in window.page_actions), "no Ctrl+1 … Ctrl+4"
    assert page.field is not None and page.field.accessibleName() == "Wachtwoord"
    type_text(page.field, "fout")
    qtbot.keyClick(page.field, Qt.Key.Key_Return)
    assert window.locker.is_locked
    assert "klopt niet" in page.message.text()
    page.field.clear()
    type_text(page.field, PASSPHRASE)
    qtbot.keyClick(page.field, Qt.Key.Key_Return)
    assert not window.locker.is_locked
    assert window.centralWidget() is content and content.isVisible()
    assert window.menuBar().isEnabled()
    assert all(action.isEnabled() for action in window.page_actions)
    window.locker.watcher.set_timeout_ms(60_000)
    window.close()
    ctx.close()


def test_a_plain_database_locks_with_a_verder_button(qtbot, app_context) -> None:
    window = _window(qtbot, app_context)
    qtbot.waitUntil(lambda: window.locker.is_locked, timeout=3000)
    page = window.locker.page
    assert page is not None and page.field is None
    assert page.button.accessibleName() == "Verder"
    assert "Zoë de Vries" in " ".join(
        label.text() for label in page.findChildren(type(page.message))
    )
    qtbot.keyClick(page.button, Qt.Key.Key_Space)
    assert not window.locker.is_locked
    window.locker.watcher.set_timeout_ms(60_000)


def test_after_unlocking_the_focus_is_where_it_was(qtbot, app_context) -> None:
    """A keyboard user goes on where they were: the widget that had the focus has it again."""
    window = main_window.MainWindow(app_context)
    qtbot.addWidget(window)
    window.show()
    with qtbot.waitActive(window):
        window.activateWindow()
    window.navigation.setFocus()
    qtbot.waitUntil(window.navigation.hasFocus, timeout=3000)
    window.locker.watcher.set_timeout_ms(50)
    qtbot.waitUntil(lambda: window.locker.is_locked, timeout=3000)
    page = window.locker.page
    assert page is not None
    qtbot.keyClick(page.button, Qt.Key.Key_Space)
    assert not window.locker.is_locked
    assert window.focusWidget() is window.navigation
    qtbot.waitUntil(window.navigation.hasFocus, timeout=3000)
    window.locker.watcher.set_timeout_ms(60_000)


def _restarts(qtbot, watcher, press) -> bool:
    """Whether ``press`` starts the idle count again, after some of the idle time has passed
    (measured, not slept)."""
    qtbot.waitUntil(lambda: watcher.remaining_ms() < 59_500, timeout=3000)
    press()
    return watcher.remaining_ms() > 59_800


def test_keys_and_the_mouse_keep_the_window_open(qtbot, app_context) -> None:
    window = _window(qtbot, app_context)
    watcher = window.locker.watcher
    watcher.set_timeout_ms(60_000)
    window.activateWindow()
    qtbot.waitUntil(lambda: QGuiApplication.focusWindow() is window.windowHandle())
    window.navigation.setFocus()
    screen_window = window.windowHandle()  # keys and the mouse arrive there, as from the user
    for _round in range(2):  # Up on the first page changes nothing
        assert _restarts(qtbot, watcher, lambda: qtbot.keyClick(screen_window, Qt.Key.Key_Up))
    assert _restarts(qtbot, watcher, lambda: QTest.mouseMove(screen_window, QPoint(300, 200)))
    assert _restarts(qtbot, watcher, lambda: QTest.mouseMove(screen_window, QPoint(310, 210)))
    # A window opened later counts as well: typing in a dialog keeps the window open.
    dialog = QDialog(window)
    field = QLineEdit(dialog)
    dialog.show()
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QGuiApplication.focusWindow() is dialog.windowHandle())
    field.setFocus()
    assert _restarts(qtbot, watcher, lambda: qtbot.keyClick(dialog.windowHandle(), Qt.Key.Key_A))
    assert field.text() == "a"
    dialog.close()
    # Without keys or mouse the count runs out.
    assert not window.locker.is_locked
    watcher.set_timeout_ms(300)
    qtbot.waitUntil(lambda: window.locker.is_locked, timeout=3000)
    window.locker.unlock()
    window.locker.watcher.set_timeout_ms(60_000)


@pytest.mark.parametrize("minutes", [1, 30])
def test_lock_minutes_is_a_setting(qtbot, app_context, minutes: int) -> None:
    window = main_window.MainWindow(app_context)
    qtbot.addWidget(window)
    window.settings_page.lock_minutes.setValue(minutes)
    window.settings_page.save.click()
    assert app_context.settings.lock_minutes == minutes
    assert window.locker.watcher.timeout_ms == minutes * 60_000
