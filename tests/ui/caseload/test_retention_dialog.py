"""The retention dialog: the files past the period, and erasing them all after typing 'wissen'."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt

from caseload import clients, model
from ui import changes
from ui.caseload.retention_dialog import Column, RetentionDialog

pytestmark = pytest.mark.qt_log_ignore("does not support propagateSizeHints")

TODAY = dt.date(2026, 3, 16)


def _closed(db, reference: str, on: dt.date) -> model.Client:
    client = clients.add(
        db,
        model.ClientDetails(
            reference=reference, surname="Jansen", guidance_start=dt.date(2010, 1, 1)
        ),
        actor="t",
        today=TODAY,
    ).value
    return clients.close(db, client.id, on=on, reason="verhuisd", actor="t", today=TODAY).value


@pytest.fixture
def dialog(qtbot, app_context) -> RetentionDialog:
    _closed(app_context.db, "OUD-1", dt.date(2014, 2, 1))
    _closed(app_context.db, "OUD-2", dt.date(2015, 7, 1))
    _closed(app_context.db, "NIEUW", dt.date(2020, 7, 1))
    clients.add(app_context.db, model.ClientDetails(reference="ACTIEF"), actor="t", today=TODAY)
    shown = RetentionDialog(app_context, changes.ChangeBus(), today=TODAY)
    qtbot.addWidget(shown)
    shown.show()
    qtbot.waitExposed(shown)
    return shown


def test_lists_only_files_past_the_period(qtmodeltester, dialog: RetentionDialog) -> None:
    qtmodeltester.check(dialog.model)
    model_ = dialog.model
    references = [
        model_.data(model_.index(row, Column.REFERENCE)) for row in range(model_.rowCount())
    ]
    assert references == ["OUD-1", "OUD-2"]
    assert model_.data(model_.index(0, Column.REASON)) == "Verhuisd"
    assert dialog.summary.text().startswith("2 afgesloten dossiers")
    assert "10 jaar" in dialog.summary.text()
    assert not dialog.erase_button.isEnabled()


def test_erase_all_after_typing_the_word(qtbot, dialog: RetentionDialog, app_context) -> None:
    assert dialog.typed.accessibleName() == "Typ “wissen” om te bevestigen"
    qtbot.keyClicks(dialog.typed, "wiss")
    assert not dialog.erase_button.isEnabled()
    qtbot.keyClicks(dialog.typed, "en")
    assert dialog.erase_button.isEnabled()
    qtbot.keyClick(dialog.erase_button, Qt.Key.Key_Space)
    assert dialog.erased == 2
    assert clients.find(app_context.db, "OUD-1") is None
    assert clients.find(app_context.db, "NIEUW") is not None
    assert dialog.model.rowCount() == 0 and not dialog.erase_button.isEnabled()


def test_period_comes_from_the_settings(qtbot, app_context) -> None:
    _closed(app_context.db, "OUD-1", dt.date(2020, 2, 1))
    app_context.update_settings(retention_years=5)
    shown = RetentionDialog(app_context, changes.ChangeBus(), today=TODAY)
    qtbot.addWidget(shown)
    assert shown.model.rowCount() == 1


def test_bestand_menu_opens_the_dialog(qtbot, app_context) -> None:
    from ui.shell import main_window

    window = main_window.MainWindow(app_context)
    qtbot.addWidget(window)
    assert window.retention_action.text() == "Dossiers na &bewaartermijn…"
    window.retention_action.trigger()
    qtbot.waitUntil(lambda: bool(window.findChildren(RetentionDialog)))
    [opened] = window.findChildren(RetentionDialog)
    assert opened.isVisible()
    opened.close()
