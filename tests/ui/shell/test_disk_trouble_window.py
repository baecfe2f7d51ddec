"""A read-only or full database in the window: a message box with one sentence, data intact."""

from __future__ import annotations

import sqlite3
import sys

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from sqlite_utils import Database

from app import database
from quickscan import store
from ui import changes, error_dialog
from ui.quickscan import page as quickscan_page


@pytest.mark.qt_no_exception_capture
def test_a_write_to_a_read_only_database_shows_a_message(qtbot, app_context, monkeypatch) -> None:
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _parent, _title, text: shown.append(text))
    before = store.list_responses(app_context.db)
    app_context.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    uri = f"{app_context.paths.database.resolve().as_uri()}?mode=ro"
    app_context.db = Database(sqlite3.connect(uri, uri=True))  # as the app opens a 0400 file
    previous = error_dialog.install()
    try:
        page = quickscan_page.create(app_context, changes.ChangeBus())
        qtbot.addWidget(page)
        qtbot.mouseClick(page.start.start, Qt.MouseButton.LeftButton)
    finally:
        sys.excepthook = previous
        app_context.db.close()
    assert len(shown) == 1
    assert "mag alleen gelezen worden" in shown[0]
    again = database.open_database(app_context.paths.database)
    try:
        assert store.list_responses(again) == before
        assert database.check(again).ok
    finally:
        again.close()


def test_a_full_disk_is_said_in_one_sentence(qtbot, monkeypatch) -> None:
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _parent, _title, text: shown.append(text))
    error_dialog.show(sqlite3.OperationalError("database or disk is full"))
    assert shown == [
        "De schijf is vol. Maak ruimte vrij en probeer het opnieuw; "
        "wat al was opgeslagen, blijft bewaard."
    ]


def test_a_full_disk_in_a_background_job_is_said_in_one_sentence(qtbot, monkeypatch) -> None:
    from PySide6.QtWidgets import QWidget

    from ui import jobs

    parent = QWidget()
    qtbot.addWidget(parent)
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _parent, _title, text: shown.append(text))

    def job(progress, cancelled):
        raise sqlite3.OperationalError("database or disk is full")

    runner = jobs.run(parent, "Import", "Bezig…", job)
    with qtbot.waitSignal(runner.failed, timeout=5000):
        pass
    assert len(shown) == 1
    assert shown[0].startswith("De schijf is vol.")
