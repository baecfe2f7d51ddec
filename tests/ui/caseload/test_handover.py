"""Handover in the window, by keyboard: select three clients and give them to another
klantmanager at once (undoable), and make a transfer file of the selection."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMenu

from caseload import clients, demo
from resources import audit
from ui import file_dialogs
from ui.caseload.columns import Column
from ui.caseload.handover import ReassignDialog, TransferPassphraseDialog
from ui.caseload.page import CaseloadPage
from ui.shell import main_window

from ..keyboard import press, type_text
from ..modal_driver import ModalDriver
from ..shell.test_main_window import show_active

# What the offscreen platform cannot do for dialogs and menus; no fault of the window.
pytestmark = pytest.mark.qt_log_ignore(
    "does not support propagateSizeHints", "does not support raise", "does not support grabbing"
)

PASSPHRASE = "kaas-en-brood-42"


@pytest.fixture
def window(qtbot, app_context):
    """The main window on 20 demo clients, on the caseload, cursor in the list."""
    demo.fill(app_context.db, 20, seed=5)
    shown = main_window.MainWindow(app_context)
    qtbot.addWidget(shown)
    show_active(qtbot, shown)
    qtbot.keyClick(shown, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    press(qtbot, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    press(qtbot, Qt.Key.Key_Down)
    return shown


def _page(window) -> CaseloadPage:
    page = window.pages.currentWidget()
    assert isinstance(page, CaseloadPage)
    return page


def _cells(page: CaseloadPage, column: Column) -> list[str]:
    return [page.model.index(row, column).data() for row in range(page.model.rowCount())]


def test_three_clients_are_reassigned_at_once_and_undone_at_once(qtbot, window) -> None:
    page = _page(window)
    db = page.context.db
    assert QApplication.focusWidget() is page.table
    press(qtbot, Qt.Key.Key_Down, Qt.KeyboardModifier.ShiftModifier)
    press(qtbot, Qt.Key.Key_Down, Qt.KeyboardModifier.ShiftModifier)
    chosen = page.selected_client_ids()
    assert chosen == page.model.client_ids()[:3]
    before = {
        ident: db.execute("SELECT klantmanager FROM clients WHERE id = ?", [ident]).fetchone()[0]
        for ident in chosen
    }
    assert set(before.values()) != {"Sanne Visser"}

    press(qtbot, Qt.Key.Key_D, Qt.KeyboardModifier.AltModifier)  # Over&dragen aan…
    qtbot.waitUntil(lambda: page.reassign_dialog is not None)  # a mnemonic clicks a moment later
    dialog = page.reassign_dialog
    assert isinstance(dialog, ReassignDialog)
    qtbot.waitUntil(dialog.isVisible)
    field = dialog.focusWidget()
    assert field is dialog.klantmanager
    type_text(field, "Sanne Visser")
    qtbot.keyClick(field, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not dialog.isVisible())

    stored = db.execute(
        "SELECT id, klantmanager FROM clients WHERE klantmanager = 'Sanne Visser' ORDER BY id"
    ).fetchall()
    assert sorted(ident for ident, _name in stored) == sorted(chosen)
    shown = {
        page.model.client_id(row): text
        for row, text in enumerate(_cells(page, Column.KLANTMANAGER))
    }
    assert all(shown[ident] == "Sanne Visser" for ident in chosen)
    lines = db.execute(
        f"SELECT object FROM {audit.TABLE} WHERE action = 'client.reassign' ORDER BY id"
    ).fetchall()
    assert sorted(obj for (obj,) in lines) == sorted(f"client:{ident}" for ident in chosen)

    # One Ctrl+Z gives all three back to their own klantmanager.
    show_active(qtbot, window)
    qtbot.keyClick(page.table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    after = {
        ident: db.execute("SELECT klantmanager FROM clients WHERE id = ?", [ident]).fetchone()[0]
        for ident in chosen
    }
    assert after == before
    shown = {
        page.model.client_id(row): text
        for row, text in enumerate(_cells(page, Column.KLANTMANAGER))
    }
    assert all(shown[ident] == before[ident] for ident in chosen)


def test_ctrl_a_selects_every_client_for_a_new_team(qtbot, window) -> None:
    page = _page(window)
    press(qtbot, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    shown = page.model.client_ids()
    assert len(shown) > 10 and page.selected_client_ids() == shown
    press(qtbot, Qt.Key.Key_D, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: page.reassign_dialog is not None)
    dialog = page.reassign_dialog
    assert dialog is not None
    dialog.activateWindow()  # a shortcut reaches the active window only
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)
    qtbot.keyClick(dialog.focusWidget(), Qt.Key.Key_T, Qt.KeyboardModifier.AltModifier)  # &Team:
    field = dialog.focusWidget()
    assert field is dialog.team
    type_text(field, "Team Zuidoost")
    qtbot.keyClick(field, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    teams = page.context.db.execute(
        "SELECT DISTINCT team FROM clients WHERE id IN (SELECT value FROM json_each(?))",
        [json.dumps(shown)],
    ).fetchall()
    assert teams == [("Team Zuidoost",)]
    # The klantmanager was left empty: each keeps their own.
    assert len(page.context.db.execute("SELECT DISTINCT klantmanager FROM clients").fetchall()) > 1


def test_a_transfer_file_of_the_selection_marks_the_clients(
    qtbot, window, tmp_path, monkeypatch
) -> None:
    page = _page(window)
    press(qtbot, Qt.Key.Key_Down, Qt.KeyboardModifier.ShiftModifier)
    chosen = page.selected_client_ids()
    target = tmp_path / "naar-piet.trede"
    monkeypatch.setattr(file_dialogs, "save_file", lambda *args, **kwargs: (target, ""))

    def passphrase(dialog) -> None:
        assert isinstance(dialog, TransferPassphraseDialog)
        assert dialog.focusWidget() is dialog.passphrase
        for text in (PASSPHRASE, PASSPHRASE, "Piet"):
            type_text(dialog.focusWidget(), text)
            qtbot.keyClick(dialog.focusWidget(), Qt.Key.Key_Tab)
        assert dialog.receiver.text() == "Piet"
        qtbot.keyClick(dialog.receiver, Qt.Key.Key_Return)

    def done(message) -> None:
        assert str(target) in message.text()
        qtbot.keyClick(message, Qt.Key.Key_Return)

    driver = ModalDriver(passphrase, done)
    # Bestand → Overdrachtsbestand &maken…
    press(qtbot, Qt.Key.Key_B, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: isinstance(QApplication.activePopupWidget(), QMenu))
    qtbot.keyClick(QApplication.activePopupWidget(), Qt.Key.Key_M)
    qtbot.waitUntil(lambda: not driver.answers)
    driver.check()
    assert target.is_file() and target.stat().st_size > 0
    statuses = {
        page.model.client_id(row): text for row, text in enumerate(_cells(page, Column.STATUS))
    }
    assert all(statuses[ident].endswith("overgedragen") for ident in chosen)
    marked = page.context.db.execute(
        "SELECT id FROM clients WHERE transferred_to = 'Piet' ORDER BY id"
    ).fetchall()
    assert sorted(ident for (ident,) in marked) == sorted(chosen)
    assert isinstance(target, Path)


def test_ctrl_r_in_the_client_view_shows_the_clients_progress_report(qtbot, window) -> None:
    page = _page(window)
    client_id = page.selected_client_id()
    assert client_id is not None
    press(qtbot, Qt.Key.Key_Return)
    assert page.stack.currentWidget() is page.client_view
    reference = page.client_view.file.client.reference
    press(qtbot, Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier)
    reports = window.pages.currentWidget()
    assert reports is window.pages.widget(main_window.Page.REPORTS)
    assert reports.form.client.isChecked() and reports.form.reference.text() == reference
    qtbot.waitUntil(
        lambda: reports.runner is None and reports.preview.page_count() > 0, timeout=30000
    )
    assert reports.request.reference == reference


def test_a_colleague_reads_the_transfer_file_in_from_the_file_menu(
    qtbot, app_context, tmp_path, monkeypatch
) -> None:
    from app import database, handover

    sender = database.open_database(tmp_path / "sender.db")
    demo.fill(sender, 6, seed=8)
    ids = [row[0] for row in sender.execute("SELECT id FROM clients ORDER BY id LIMIT 2")]
    references = [clients.get(sender, ident).reference for ident in ids]
    target = tmp_path / "van-anouk.trede"
    handover.export_file(sender, ids, target, PASSPHRASE, actor="Anouk")
    sender.close()

    window = main_window.MainWindow(app_context)
    qtbot.addWidget(window)
    show_active(qtbot, window)
    monkeypatch.setattr(file_dialogs, "open_file", lambda *args, **kwargs: target)

    def passphrase(dialog) -> None:
        assert isinstance(dialog, TransferPassphraseDialog) and dialog.receiver.isHidden()
        type_text(dialog.focusWidget(), PASSPHRASE)
        qtbot.keyClick(dialog.focusWidget(), Qt.Key.Key_Return)

    def done(message) -> None:
        assert all(reference in message.text() for reference in references)
        qtbot.keyClick(message, Qt.Key.Key_Return)

    driver = ModalDriver(passphrase, done)
    press(qtbot, Qt.Key.Key_B, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: isinstance(QApplication.activePopupWidget(), QMenu))
    qtbot.keyClick(QApplication.activePopupWidget(), Qt.Key.Key_I)  # Overdrachtsbestand &inlezen…
    qtbot.waitUntil(lambda: not driver.answers)
    driver.check()
    page = _page(window)
    db = app_context.db
    stored = {row[0]: row[1] for row in db.execute("SELECT reference, status FROM clients")}
    assert set(references) <= set(stored)
    # The list (filter Actief) shows the active ones at once.
    active = {reference for reference in references if stored[reference] == "active"}
    assert active and active <= set(_cells(page, Column.REFERENCE))
