"""Exporting a long caseload from the window: the window keeps answering, and Annuleren stops it."""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QProgressDialog, QPushButton

from caseload import caseload_query, csv_export, demo
from resources import audit
from ui import file_dialogs
from ui.caseload.page import CaseloadPage
from ui.changes import ChangeBus

from ..shell.test_main_window import show_active

pytestmark = pytest.mark.qt_log_ignore("does not support propagateSizeHints")


@pytest.fixture
def slow_pages(monkeypatch: pytest.MonkeyPatch) -> None:
    """Pages of two rows that each take a while, as half a million clients do in all."""
    monkeypatch.setattr(csv_export, "PAGE", 2)
    read = caseload_query.in_order

    def slowly(*args, **kwargs):
        for page in read(*args, **kwargs):
            time.sleep(0.1)
            yield page

    monkeypatch.setattr(caseload_query, "in_order", slowly)


@pytest.fixture
def page(qtbot, app_context) -> Iterator[CaseloadPage]:
    demo.fill(app_context.db, 30, seed=3)
    shown = CaseloadPage(app_context, ChangeBus())
    qtbot.addWidget(shown)
    show_active(qtbot, shown)
    shown.apply_filter()
    yield shown
    runner = shown.export_runner
    if runner is not None:  # also when the test failed half way: no thread outlives the page
        runner.cancel()
        qtbot.waitUntil(lambda: not runner._thread.isRunning(), timeout=10000)


def _progress_dialog(page: CaseloadPage) -> QProgressDialog | None:
    shown = [dialog for dialog in page.findChildren(QProgressDialog) if dialog.isVisible()]
    return shown[0] if shown else None


def test_the_window_answers_while_the_export_runs_and_then_says_how_many(
    qtbot, page: CaseloadPage, tmp_path: Path, monkeypatch, slow_pages
) -> None:
    shown = page.model.rowCount()
    assert shown > 4
    target = tmp_path / "caseload.xlsx"
    monkeypatch.setattr(file_dialogs, "save_file", lambda *args, **kwargs: (target, ""))
    qtbot.keyClick(page, Qt.Key.Key_X, Qt.KeyboardModifier.AltModifier)  # E&xporteren…
    qtbot.waitUntil(lambda: _progress_dialog(page) is not None, timeout=5000)
    dialog = _progress_dialog(page)
    assert dialog is not None and dialog.labelText() == "De klanten worden geschreven…"
    qtbot.waitUntil(lambda: dialog.value() > 0, timeout=5000)
    assert 0 < dialog.value() < dialog.maximum() == shown, "the bar moves while rows are written"
    assert not target.exists(), "the file appears only when it is whole"
    qtbot.waitUntil(lambda: "geschreven" in page.counts_label.text(), timeout=10000)
    assert page.counts_label.text() == f"{shown} klanten geschreven naar {target}."
    assert target.exists()
    assert not dialog.isVisible()


def test_annuleren_stops_the_export_and_writes_nothing(
    qtbot, app_context, page: CaseloadPage, tmp_path: Path, monkeypatch, slow_pages
) -> None:
    target = tmp_path / "caseload.csv"
    monkeypatch.setattr(file_dialogs, "save_file", lambda *args, **kwargs: (target, ""))
    logged = len(audit.entries(app_context.db))
    qtbot.mouseClick(page.export_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: _progress_dialog(page) is not None, timeout=5000)
    dialog = _progress_dialog(page)
    assert dialog is not None
    (cancel,) = [button for button in dialog.findChildren(QPushButton) if button.isVisible()]
    assert cancel.text() == "Annuleren"
    qtbot.mouseClick(cancel, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "gestopt" in page.counts_label.text(), timeout=5000)
    assert page.counts_label.text() == "Exporteren gestopt: er is geen bestand geschreven."
    assert not target.exists()
    assert [path.name for path in tmp_path.glob(".export-*")] == []
    assert len(audit.entries(app_context.db)) == logged, "nothing exported, nothing logged"


def test_in_the_main_window_the_status_bar_says_what_was_written(
    qtbot, app_context, tmp_path: Path, monkeypatch
) -> None:
    """The page's own label is hidden in the main window: the message goes to the status bar."""
    from ui.shell import main_window

    from ..keyboard import press

    demo.fill(app_context.db, 12, seed=2)
    window = main_window.MainWindow(app_context)
    qtbot.addWidget(window)
    show_active(qtbot, window)
    qtbot.keyClick(window, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    page = window.pages.currentWidget()
    assert isinstance(page, CaseloadPage)
    shown = page.model.rowCount()
    target = tmp_path / "caseload.csv"
    monkeypatch.setattr(file_dialogs, "save_file", lambda *args, **kwargs: (target, ""))
    press(qtbot, Qt.Key.Key_X, Qt.KeyboardModifier.AltModifier)
    message = f"{shown} klanten geschreven naar {target}."
    qtbot.waitUntil(lambda: window.statusBar().currentMessage() == message, timeout=5000)
    assert not page.counts_label.isVisible()
    assert target.exists()
