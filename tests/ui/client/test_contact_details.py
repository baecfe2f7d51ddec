"""Phone and e-mail on a client: typed in the client form, shown in the client view, refused
when they are not a number or an address, and gone from the form when Instellingen says so."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QLabel

from caseload import client_file, clients
from ui import changes
from ui.client.details_dialog import ClientDialog
from ui.client.view import facts
from ui.settings.page import SettingsPage

pytestmark = pytest.mark.qt_log_ignore("does not support propagateSizeHints")


def _dialog(qtbot, context, client=None) -> ClientDialog:
    dialog = ClientDialog(context, changes.ChangeBus(), client)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def _save(qtbot, dialog: ClientDialog) -> None:
    qtbot.mouseClick(
        dialog.buttons.button(QDialogButtonBox.StandardButton.Save), Qt.MouseButton.LeftButton
    )


def _labels(dialog: ClientDialog) -> set[str]:
    return {label.text() for label in dialog.findChildren(QLabel) if label.isVisibleTo(dialog)}


def test_phone_and_email_are_stored_and_shown(qtbot, app_context) -> None:
    dialog = _dialog(qtbot, app_context)
    assert {"Tele&foon:", "E-&mail:"} <= _labels(dialog)
    qtbot.keyClicks(dialog.reference, "K-7")
    assert dialog.phone is not None and dialog.email is not None
    qtbot.keyClicks(dialog.phone, "06 1234 5678")
    qtbot.keyClicks(dialog.email, "geen-adres")
    _save(qtbot, dialog)
    assert "e-mailadres" in dialog.error_text("email")
    assert clients.find(app_context.db, "K-7") is None

    dialog.email.clear()
    qtbot.keyClicks(dialog.email, "sem@voorbeeld.nl")
    _save(qtbot, dialog)
    stored = clients.find(app_context.db, "K-7")
    assert stored is not None
    assert (stored.phone, stored.email) == ("06 1234 5678", "sem@voorbeeld.nl")
    first, _second = facts(client_file.load(app_context.db, stored.id), dt.date.today())
    assert "Tel. 06 1234 5678" in first and "sem@voorbeeld.nl" in first


def test_switched_off_in_instellingen_the_fields_are_hidden_and_kept(qtbot, app_context) -> None:
    dialog = _dialog(qtbot, app_context)
    qtbot.keyClicks(dialog.reference, "K-8")
    assert dialog.phone is not None
    qtbot.keyClicks(dialog.phone, "+31 6 12345678")
    _save(qtbot, dialog)

    page = SettingsPage(app_context.settings)
    qtbot.addWidget(page)
    page.save_requested.connect(lambda changed: app_context.update_settings(**changed))
    page.show()
    assert page.contact_details_enabled.isChecked()
    qtbot.mouseClick(page.contact_details_enabled, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(page.save, Qt.MouseButton.LeftButton)
    assert app_context.settings.contact_details_enabled is False

    stored = clients.find(app_context.db, "K-8")
    assert stored is not None
    edit = _dialog(qtbot, app_context, stored)
    assert edit.phone is None and edit.email is None
    assert not {"Tele&foon:", "E-&mail:"} & _labels(edit)
    edit.surname.setFocus()
    qtbot.keyClicks(edit.surname, "Bakker")
    _save(qtbot, edit)
    kept = clients.find(app_context.db, "K-8")
    assert kept is not None and kept.surname == "Bakker" and kept.phone == "+31 6 12345678"
    first, _second = facts(client_file.load(app_context.db, kept.id), dt.date.today(), False)
    assert "12345678" not in first
