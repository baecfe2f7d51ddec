"""The client view's 'Gegevens opvragen…' and 'Klant wissen…', by keyboard."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from caseload import clients, journal, model
from ui import changes
from ui.client.view import ClientView

from ..keyboard import press
from ..text_size import twice_the_text_size

pytestmark = pytest.mark.qt_log_ignore("does not support propagateSizeHints")


@pytest.fixture
def view(qtbot, app_context):
    """The client view on one client with a contact; shown, so keys reach it."""
    added = clients.add(
        app_context.db, model.ClientDetails(reference="V-1", surname="Yilmaz"), actor="t"
    ).value
    journal.add_contact(app_context.db, added.id, kind="telefonisch", actor="t")
    client_view = ClientView(app_context, changes.ChangeBus())
    qtbot.addWidget(client_view)
    with qtbot.waitActive(client_view):
        client_view.show()
        client_view.activateWindow()
    client_view.open_client(added.id)
    return client_view


def test_erase_needs_the_klantnummer_typed(qtbot, view, app_context) -> None:
    assert view.erase_button.accessibleName() == "Klant wissen…"
    with qtbot.waitSignal(view.back_requested):
        press(qtbot, Qt.Key.Key_I, Qt.KeyboardModifier.AltModifier)
        qtbot.waitUntil(lambda: view.erase_dialog is not None and view.erase_dialog.isVisible())
        dialog = view.erase_dialog
        qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.typed)
        assert "niet ongedaan" in dialog.warning.text()
        assert dialog.typed.accessibleName() == "Typ het klantnummer om te bevestigen"
        qtbot.keyClicks(dialog.typed, "V-2")
        assert not dialog.erase_button.isEnabled()
        qtbot.keyClick(dialog.typed, Qt.Key.Key_Return)  # Enter neither erases nor closes
        assert clients.find(app_context.db, "V-1") is not None and dialog.isVisible()
        dialog.typed.clear()
        qtbot.keyClicks(dialog.typed, "V-1")
        assert dialog.erase_button.isEnabled()
        press(qtbot, Qt.Key.Key_W, Qt.KeyboardModifier.AltModifier)
    assert dialog.erased and not dialog.isVisible()
    assert clients.find(app_context.db, "V-1") is None
    assert app_context.db.execute("SELECT count(*) FROM contacts").fetchone()[0] == 0


def test_cancel_erases_nothing(qtbot, view, app_context) -> None:
    view.erase_client()
    dialog = view.erase_dialog
    qtbot.keyClicks(dialog.typed, "V-1")
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert not dialog.isVisible() and not dialog.erased
    assert clients.find(app_context.db, "V-1") is not None


def test_with_text_at_200_percent_the_whole_warning_shows(qtbot, view) -> None:
    """Large text: Qt narrowed the new dialog to the screen without making it taller, so the
    warning lost its first and last lines (what is erased, and that it cannot be undone)."""
    with twice_the_text_size():
        press(qtbot, Qt.Key.Key_I, Qt.KeyboardModifier.AltModifier)
        qtbot.waitUntil(lambda: view.erase_dialog is not None and view.erase_dialog.isVisible())
        dialog = view.erase_dialog
        warning = dialog.warning
        qtbot.waitUntil(lambda: warning.height() >= warning.heightForWidth(warning.width()))
        assert warning.geometry().top() >= 0
        assert dialog.rect().contains(warning.geometry())
        qtbot.keyClick(dialog, Qt.Key.Key_Escape)
