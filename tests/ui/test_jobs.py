"""Long work runs off the GUI thread, shows progress, can be cancelled, and reports failures."""

from __future__ import annotations

import threading

import pytest
from PySide6.QtWidgets import QMessageBox, QPushButton, QWidget

from resources.errors import UserError
from ui import jobs


def test_result_arrives_and_work_ran_in_another_thread(qtbot) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    seen: list[int] = []

    def job(progress, cancelled):
        seen.append(threading.get_ident())
        for step in range(3):
            progress(step + 1, 3)
        return "klaar"

    runner = jobs.run(parent, "Demo", "Bezig…", job)
    with qtbot.waitSignal(runner.finished, timeout=5000) as outcome:
        pass
    assert outcome.args == ["klaar"]
    assert seen and seen[0] != threading.get_ident()


def test_cancel_stops_the_job(qtbot) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    started = threading.Event()
    steps: list[int] = []

    def job(progress, cancelled):
        started.set()
        for step in range(10_000):
            if cancelled():
                raise jobs.Cancelled
            steps.append(step)
            threading.Event().wait(0.001)
        return "te ver"

    runner = jobs.run(parent, "Import", "Bezig…", job)
    started.wait(5)
    with qtbot.waitSignal(runner.cancelled, timeout=5000):
        runner.dialog.findChild(QPushButton).click()  # the Annuleren button
    assert len(steps) < 10_000


def test_a_failure_reaches_the_user_in_one_dialog(qtbot, monkeypatch) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _parent, _title, text: shown.append(text))

    def job(progress, cancelled):
        raise UserError("Het bestand is leeg.")

    runner = jobs.run(parent, "Import", "Bezig…", job)
    with qtbot.waitSignal(runner.failed, timeout=5000):
        pass
    assert shown == ["Het bestand is leeg."]


@pytest.mark.qt_log_ignore("does not support propagateSizeHints")
def test_the_keyboard_goes_back_where_it_was_after_the_progress_dialog(qtbot) -> None:
    """A slow job shows its dialog; when it closes, typing and shortcuts work again at once."""
    from PySide6.QtWidgets import QApplication, QLineEdit, QVBoxLayout

    from tests.ui.shell.test_main_window import show_active

    parent = QWidget()
    field = QLineEdit()
    QVBoxLayout(parent).addWidget(field)
    qtbot.addWidget(parent)
    show_active(qtbot, parent)
    field.setFocus()
    qtbot.waitUntil(field.hasFocus)
    release = threading.Event()

    def job(progress, cancelled):
        release.wait(10)
        return "klaar"

    runner = jobs.run(parent, "Overzicht", "Bezig…", job)
    qtbot.waitUntil(runner.dialog.isVisible, timeout=5000)
    release.set()
    with qtbot.waitSignal(runner.finished, timeout=5000):
        pass
    qtbot.waitUntil(lambda: QApplication.focusWidget() is field)


@pytest.mark.qt_log_ignore("does not support propagateSizeHints")
def test_started_from_a_closed_dialog_the_keyboard_goes_back_to_the_window(qtbot) -> None:
    """Started right after a file dialog closed (the focus was in the dialog): when the job is
    done, the window it belongs to is the active one again, so its shortcuts work."""
    from PySide6.QtWidgets import QApplication, QDialog, QLineEdit, QVBoxLayout

    from tests.ui.shell.test_main_window import show_active

    parent = QWidget()
    QVBoxLayout(parent).addWidget(QLineEdit())
    qtbot.addWidget(parent)
    show_active(qtbot, parent)
    chooser = QDialog(parent)
    name = QLineEdit(chooser)
    show_active(qtbot, chooser)
    name.setFocus()
    qtbot.waitUntil(name.hasFocus)
    release = threading.Event()

    def job(progress, cancelled):
        release.wait(10)
        return "klaar"

    runner = jobs.run(parent, "Exporteren", "Bezig…", job)  # the focus is still in the chooser
    chooser.hide()
    qtbot.waitUntil(runner.dialog.isVisible, timeout=5000)
    release.set()
    with qtbot.waitSignal(runner.finished, timeout=5000):
        pass
    qtbot.waitUntil(lambda: QApplication.activeWindow() is parent)
