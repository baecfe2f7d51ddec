"""Security in the window: the keyring choice, and encrypting a plain database from Instellingen."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import keyring
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QLabel, QMessageBox, QWidget

from app import backup, context, database, encryption, keys, settings
from caseload import clients, model
from tests.app.memory_keyring import MemoryKeyring
from ui.security import passphrase_dialog
from ui.settings.page import SettingsPage
from ui.shell import main_window

from ..keyboard import type_text
from ..modal_driver import ModalDriver
from ..shell.test_main_window import show_active

GOOD = "paars-Konijn-fietst-42"
KEYRING_LABEL = "Wachtwoord bewaren in de sleutelhanger van het systeem"

pytestmark = pytest.mark.qt_log_ignore("does not support propagateSizeHints")


def _texts(root: QWidget) -> str:
    return " ".join(label.text() for label in root.findChildren(QLabel) if label.isVisibleTo(root))


# -- the first-start dialog -----------------------------------------------------------------


def test_first_start_offers_the_keyring_only_when_there_is_one(qtbot) -> None:
    offered = passphrase_dialog.NewPassphraseDialog(offer_keyring=True)
    plain = passphrase_dialog.NewPassphraseDialog(offer_keyring=False)
    for dialog in (offered, plain):
        qtbot.addWidget(dialog)
        dialog.show()
    assert plain.remember is None and not plain.keep_in_keyring()
    assert offered.remember is not None and not offered.remember.isChecked(), "off by default"
    assert offered.remember.accessibleName() == KEYRING_LABEL
    assert offered.remember.focusPolicy() != Qt.FocusPolicy.NoFocus
    assert "iedereen die met uw account" in _texts(offered)
    type_text(offered.fields.first, GOOD)
    type_text(offered.fields.second, GOOD)
    qtbot.keyClick(offered.remember, Qt.Key.Key_Space)
    offered.accept()
    assert offered.result() == QDialog.DialogCode.Accepted
    assert (offered.passphrase(), offered.keep_in_keyring()) == (GOOD, True)


def test_the_passphrase_dialog_says_why_it_asks(qtbot) -> None:
    dialog = passphrase_dialog.PassphraseDialog(
        lambda _typed: None, "trede.db", note="Het wachtwoord in de sleutelhanger opent niet."
    )
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.message.text() == "Het wachtwoord in de sleutelhanger opent niet."


# -- Instellingen -----------------------------------------------------------------------------


@pytest.fixture
def encrypted_context(app_paths, complete_settings) -> context.AppContext:
    settings.save(app_paths.settings, complete_settings)
    db = database.open_database(app_paths.database, GOOD)
    ctx = context.AppContext(db=db, paths=app_paths, settings=complete_settings, passphrase=GOOD)
    yield ctx
    ctx.close()


def _settings_window(qtbot, ctx: context.AppContext) -> main_window.MainWindow:
    window = main_window.MainWindow(ctx)
    qtbot.addWidget(window)
    show_active(qtbot, window)
    window.show_page(main_window.Page.SETTINGS)
    return window


def test_the_keyring_can_be_switched_on_and_off_in_instellingen(
    qtbot, encrypted_context: context.AppContext, memory_keyring: MemoryKeyring
) -> None:
    window = _settings_window(qtbot, encrypted_context)
    box = window.settings_page.remember_passphrase
    assert box.isVisible() and box.isEnabled()
    assert box.accessibleName() == KEYRING_LABEL
    assert "niet versleuteld" not in window.windowTitle()
    qtbot.keyClick(box, Qt.Key.Key_Space)
    window.settings_page.save.click()
    path = encrypted_context.paths.database
    assert keys.stored(path) == GOOD
    assert encrypted_context.settings.remember_passphrase
    box = window.settings_page.remember_passphrase  # the page was rebuilt
    qtbot.waitUntil(box.isEnabled)
    assert box.isChecked()
    qtbot.keyClick(box, Qt.Key.Key_Space)
    window.settings_page.save.click()
    assert keys.stored(path) is None
    assert not encrypted_context.settings.remember_passphrase


def test_without_a_keyring_the_choice_is_off_and_says_why(
    qtbot, encrypted_context: context.AppContext
) -> None:
    window = _settings_window(qtbot, encrypted_context)
    page = window.settings_page
    assert page.remember_passphrase.isVisible() and not page.remember_passphrase.isEnabled()
    assert "geen sleutelhanger beschikbaar" in page.keyring_note.text()
    page.save.click()
    assert not encrypted_context.settings.remember_passphrase


def test_a_locked_keyring_is_told_and_nothing_is_saved(
    qtbot, encrypted_context: context.AppContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    from tests.app.memory_keyring import LockedKeyring

    keyring.set_keyring(LockedKeyring())
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *args: shown.append(args[2]))
    window = _settings_window(qtbot, encrypted_context)
    qtbot.keyClick(window.settings_page.remember_passphrase, Qt.Key.Key_Space)
    window.settings_page.save.click()
    assert shown and "niet bereikbaar" in shown[0]
    assert not encrypted_context.settings.remember_passphrase


def test_a_plain_database_offers_encryption_and_no_keyring(qtbot) -> None:
    page = SettingsPage(settings.Settings(), encrypted=False, can_encrypt=True)
    demo_page = SettingsPage(settings.Settings(), encrypted=False, can_encrypt=False)
    for widget in (page, demo_page):
        qtbot.addWidget(widget)
        widget.show()
    assert page.encrypt.isVisible() and page.encrypt.isEnabled()
    assert not page.remember_passphrase.isVisible()
    assert not demo_page.encrypt.isVisible(), "a demo is never encrypted"


# -- encrypting from the window ------------------------------------------------------------


@pytest.fixture
def plain_context(app_context: context.AppContext) -> context.AppContext:
    for index, surname in enumerate(("Jansen", "Yılmaz", "Bakker")):
        clients.add(
            app_context.db,
            model.ClientDetails(reference=f"K{index}", surname=surname),
            actor="tester",
        )
    return app_context


def _choose(passphrase: str, keep: bool) -> object:
    def answer(dialog: QWidget) -> None:
        assert isinstance(dialog, passphrase_dialog.NewPassphraseDialog)
        assert dialog.windowTitle() == "Database versleutelen"
        type_text(dialog.fields.first, passphrase)
        type_text(dialog.fields.second, passphrase)
        if keep:
            assert dialog.remember is not None
            dialog.remember.setChecked(True)
        dialog.accept()

    return answer


def _press(button_text: str, expected: str) -> object:
    def answer(dialog: QWidget) -> None:
        assert isinstance(dialog, QMessageBox)
        assert expected in dialog.text()
        for button in dialog.buttons():
            if button.text().replace("&", "") == button_text:
                if button_text == "Wissen":
                    assert button.accessibleName() == "Wissen"
                    assert dialog.defaultButton() is not button, "keeping is the default"
                button.click()
                return
        raise AssertionError(f"no button {button_text}")

    return answer


def _plain_sqlite_cannot_read(path: Path) -> None:
    connection = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)
    try:
        with pytest.raises(sqlite3.DatabaseError):
            connection.execute("select count(*) from clients").fetchone()
    finally:
        connection.close()


def test_versleutelen_converts_the_open_database_and_offers_to_wipe_plain_backups(
    qtbot, plain_context: context.AppContext, memory_keyring: MemoryKeyring
) -> None:
    path = plain_context.paths.database
    old_backup = backup.automatic(plain_context.db, path)
    assert old_backup is not None
    window = _settings_window(qtbot, plain_context)
    assert "niet versleuteld" in window.windowTitle()
    assert window.settings_page.encrypt.accessibleName() == "Versleutelen…"

    driver = ModalDriver(
        _choose(GOOD, keep=True),
        _press("OK", "De database is versleuteld"),
        _press("Wissen", "niet versleuteld"),
    )
    window.settings_page.encrypt.click()
    driver.check()

    assert plain_context.encrypted and database.is_encrypted(path)
    _plain_sqlite_cannot_read(path)
    assert plain_context.db["clients"].count == 3, "the window goes on with the same data"
    caseload = window.pages.widget(main_window.Page.CASELOAD)
    window.bus.perform(
        lambda: clients.add(plain_context.db, model.ClientDetails(reference="K9"), actor="t"),
        window,
    )
    assert caseload.model.rowCount() == 4, "the list reads the reopened, encrypted file"
    assert "niet versleuteld" not in window.windowTitle()
    assert window.settings_page.change_passphrase.isEnabled()
    assert not window.settings_page.encrypt.isVisible()
    assert not old_backup.exists(), "the plain backup was wiped"
    assert keys.stored(path) == GOOD
    assert window.locker.page is None
    window.locker.lock()
    assert window.locker.page is not None and window.locker.page.field is not None, (
        "the lock now asks the passphrase"
    )
    window.locker.unlock()


def test_a_failed_encryption_keeps_the_plain_database_working(
    qtbot, plain_context: context.AppContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken_verify(*_arguments: object) -> None:
        raise encryption.EncryptionProblem("De kopie klopt niet. Er is niets veranderd.")

    monkeypatch.setattr(encryption, "verify", broken_verify)
    window = _settings_window(qtbot, plain_context)
    driver = ModalDriver(_choose(GOOD, keep=False), _press("OK", "De kopie klopt niet"))
    window.settings_page.encrypt.click()
    driver.check()
    path = plain_context.paths.database
    assert not plain_context.encrypted and not database.is_encrypted(path)
    assert plain_context.db["clients"].count == 3
    assert "niet versleuteld" in window.windowTitle()
