"""The app lock covers every open window, also a dialog with client data, and brings them back."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QComboBox,
    QDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QTextEdit,
    QWidget,
)

from app import context, database
from caseload import clients, model
from ui.client.details_dialog import ClientDialog
from ui.security import idle_lock
from ui.shell import main_window

from ..keyboard import type_text

PASSPHRASE = "paars-Konijn-fietst-42"
NAME = "Yılmaz"

pytestmark = pytest.mark.qt_log_ignore(
    "does not support propagateSizeHints", "does not support raise"
)


def shown_texts() -> list[str]:
    """Every text a person can see on the screen now: labels, fields, buttons, window titles."""
    texts: list[str] = []
    for widget in QApplication.allWidgets():
        if not widget.isVisible():
            continue
        if widget.isWindow():
            texts.append(widget.windowTitle())
        if isinstance(widget, QLabel | QAbstractButton | QLineEdit):
            texts.append(widget.text())
        elif isinstance(widget, QTextEdit):
            texts.append(widget.toPlainText())
        elif isinstance(widget, QComboBox):
            texts.append(widget.currentText())
    return texts


def name_on_screen(name: str = NAME) -> bool:
    return any(name in text for text in shown_texts())


@pytest.fixture
def ctx(app_paths, complete_settings) -> Iterator[context.AppContext]:
    db = database.open_database(app_paths.database, PASSPHRASE)
    opened = context.AppContext(
        db=db, paths=app_paths, settings=complete_settings, passphrase=PASSPHRASE
    )
    yield opened
    opened.close()


@pytest.fixture
def window(qtbot, ctx) -> Iterator[main_window.MainWindow]:
    shown = main_window.MainWindow(ctx)
    qtbot.addWidget(shown)
    shown.show()
    shown.locker.watcher.set_timeout_ms(60_000)
    yield shown
    if shown.locker.is_locked:
        shown.locker.unlock()
    shown.locker.watcher.set_timeout_ms(60_000)


def _unlock_by_typing(qtbot, window: main_window.MainWindow) -> None:
    page = window.locker.page
    assert page is not None and page.field is not None
    type_text(page.field, PASSPHRASE)
    qtbot.keyClick(page.field, Qt.Key.Key_Return)


def _client_form(qtbot, window: main_window.MainWindow, ctx: context.AppContext) -> ClientDialog:
    client = clients.add(
        ctx.db, model.ClientDetails(reference="K-7", first_name="Elif", surname=NAME), actor="t"
    ).value
    form = ClientDialog(ctx, window.bus, client, window)
    qtbot.addWidget(form)
    form.open()  # as the client view opens it: window-modal, no loop of its own
    qtbot.waitExposed(form)
    return form


def test_an_open_client_form_is_hidden_while_locked_and_comes_back(qtbot, window, ctx) -> None:
    form = _client_form(qtbot, window, ctx)
    form.first_name.setText("Elif Su")  # typed, not saved yet
    assert name_on_screen()

    window.locker.watcher.set_timeout_ms(50)
    qtbot.waitUntil(lambda: window.locker.is_locked, timeout=3000)

    assert not form.isVisible()
    assert not name_on_screen(), "no client data anywhere on the screen"
    assert QApplication.activeModalWidget() is None, "the passphrase field can be used"
    assert window.locker.page is window.locker.window_page

    _unlock_by_typing(qtbot, window)
    assert not window.locker.is_locked
    assert form.isVisible()
    assert form.first_name.text() == "Elif Su", "what was typed is still there"
    assert form.surname.text() == NAME
    form.reject()


def test_the_lock_comes_while_a_message_box_waits_and_the_prompt_can_be_used(qtbot, window) -> None:
    box = QMessageBox(
        QMessageBox.Icon.Question,
        f"Klant {NAME}",
        f"Wilt u het dossier van {NAME} afsluiten?",
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        window,
    )
    seen: dict[str, object] = {}

    def while_the_box_waits() -> None:
        try:
            window.locker.watcher.set_timeout_ms(50)
            qtbot.waitUntil(lambda: window.locker.is_locked, timeout=3000)
            seen["name shown"] = name_on_screen()
            seen["box open"] = box.isVisible()
            prompt = window.locker.page
            seen["prompt on top"] = (
                prompt is not None
                and prompt is not window.locker.window_page
                and QApplication.activeModalWidget() is prompt.window()
            )
            seen["prompt name"] = prompt.field.accessibleName() if prompt and prompt.field else None
            qtbot.keyClick(prompt.field, Qt.Key.Key_Escape)
            seen["escape keeps the lock"] = window.locker.is_locked and box.isVisible()
            _unlock_by_typing(qtbot, window)
            seen["unlocked"] = not window.locker.is_locked
            seen["name back"] = name_on_screen()
            seen["title back"] = box.windowTitle()
        finally:
            box.button(QMessageBox.StandardButton.Yes).click()

    QTimer.singleShot(0, while_the_box_waits)
    answer = box.exec()

    assert seen == {
        "name shown": False,
        "box open": True,
        "prompt on top": True,
        "prompt name": "Wachtwoord",
        "escape keeps the lock": True,
        "unlocked": True,
        "name back": True,
        "title back": f"Klant {NAME}",
    }
    assert answer == QMessageBox.StandardButton.Yes, "the question was not cancelled by the lock"


def test_a_dialog_that_opens_while_locked_is_covered_too(qtbot, window) -> None:
    window.locker.lock()
    box = QMessageBox(
        QMessageBox.Icon.Warning, "Fout", f"Het rapport over {NAME} is niet gemaakt.", parent=window
    )
    seen: dict[str, object] = {}

    def while_the_box_waits() -> None:
        try:
            qtbot.waitUntil(lambda: window.locker.page is not window.locker.window_page)
            seen["name shown"] = name_on_screen()
            prompt = window.locker.page
            seen["prompt on top"] = QApplication.activeModalWidget() is prompt.window()
            _unlock_by_typing(qtbot, window)
            seen["name back"] = name_on_screen()
        finally:
            box.done(0)

    QTimer.singleShot(0, while_the_box_waits)
    box.exec()
    assert seen == {"name shown": False, "prompt on top": True, "name back": True}


@pytest.mark.parametrize(
    "close",
    [
        pytest.param(lambda dialog: dialog.reject(), id="finished"),
        pytest.param(lambda dialog: dialog.close(), id="closed"),
    ],
)
def test_a_window_closed_while_locked_does_not_come_back(
    qtbot, window, ctx, close: Callable[[QDialog], object]
) -> None:
    form = _client_form(qtbot, window, ctx)
    window.locker.lock()
    close(form)
    _unlock_by_typing(qtbot, window)
    assert not window.locker.is_locked
    assert not form.isVisible()


def test_a_plain_tool_window_is_hidden_and_shown_again(qtbot, window) -> None:
    tool = QWidget(window, Qt.WindowType.Tool)
    qtbot.addWidget(tool)
    tool.setWindowTitle(f"Notities over {NAME}")
    tool.show()
    window.locker.lock()
    assert not tool.isVisible() and not name_on_screen()
    window.locker.unlock()
    assert tool.isVisible()


def test_the_veil_hides_every_part_of_a_dialog_and_keeps_its_size(qtbot) -> None:
    box = QMessageBox(QMessageBox.Icon.Information, NAME, f"Dossier van {NAME}")
    qtbot.addWidget(box)
    box.show()
    qtbot.waitExposed(box)
    size = box.size()
    veil = idle_lock.Veil(box)
    # The message box would resize itself on its next layout pass: run that pass now.
    QApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)
    assert not name_on_screen()
    assert box.size() == size, "the dialog does not shrink around its hidden content"
    veil.lift()
    assert name_on_screen() and box.windowTitle() == NAME
