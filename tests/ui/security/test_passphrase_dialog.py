"""Passphrase dialogs: choosing one twice with a strength hint, unlocking, changing it."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QLabel, QMessageBox, QWidget

from app import context, database, settings
from caseload import demo
from resources import audit
from ui.security import actions as security_actions
from ui.security import passphrase_dialog

from ..keyboard import type_text
from ..modal_driver import ModalDriver

GOOD = "paars-Konijn-fietst-42"

pytestmark = pytest.mark.qt_log_ignore("does not support propagateSizeHints")


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("", "minstens 10 tekens"),
        ("kort", "nog 6 tekens"),
        ("aaaaaaaaaa", "Redelijk"),
        ("Paars-konijn-42", "Sterk"),
    ],
)
def test_strength_hint_follows_length_and_variety(typed: str, expected: str) -> None:
    assert expected in passphrase_dialog.strength_hint(typed)


def test_new_passphrase_is_typed_twice_and_warns_about_loss(qtbot) -> None:
    dialog = passphrase_dialog.NewPassphraseDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    assert "kwijt" in " ".join(label.text() for label in dialog.findChildren(type(dialog.message)))
    type_text(dialog.fields.first, "kort")
    assert "nog 6 tekens" in dialog.fields.hint.text()
    dialog.fields.first.clear()
    type_text(dialog.fields.first, GOOD)
    assert "Sterk" in dialog.fields.hint.text()
    type_text(dialog.fields.second, GOOD + "x")
    dialog.accept()
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert "niet gelijk" in dialog.message.text()
    type_text(dialog.fields.second, GOOD)
    qtbot.keyClick(dialog.fields.second, Qt.Key.Key_Return)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.passphrase() == GOOD
    assert dialog.fields.first.accessibleName() == "Wachtwoord"
    assert dialog.fields.second.accessibleName() == "Herhaal het wachtwoord"


def test_dialogs_before_the_main_window_name_the_program(qtbot) -> None:
    """At start there is no main window: a task bar shows the dialog's title alone."""
    alone = passphrase_dialog.NewPassphraseDialog()
    unlock = passphrase_dialog.PassphraseDialog(lambda _typed: None, "trede.db")
    parent = QWidget()
    inside = passphrase_dialog.NewPassphraseDialog(parent)
    for dialog in (alone, unlock, parent):
        qtbot.addWidget(dialog)
    assert alone.windowTitle() == "Wachtwoord kiezen — Trede"
    assert unlock.windowTitle() == "Wachtwoord — Trede"
    assert inside.windowTitle() == "Wachtwoord kiezen"


def test_unlock_dialog_refuses_a_wrong_passphrase_and_asks_again(qtbot) -> None:
    tried: list[str] = []

    def check(typed: str) -> str | None:
        tried.append(typed)
        return None if typed == GOOD else "Het wachtwoord klopt niet."

    dialog = passphrase_dialog.PassphraseDialog(check, "trede.db")
    qtbot.addWidget(dialog)
    dialog.show()
    type_text(dialog.field, "fout-wachtwoord")
    qtbot.keyClick(dialog.field, Qt.Key.Key_Return)
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert dialog.message.text() == "Het wachtwoord klopt niet."
    dialog.field.clear()
    type_text(dialog.field, GOOD)
    qtbot.keyClick(dialog.field, Qt.Key.Key_Return)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert tried == ["fout-wachtwoord", GOOD]


def test_the_unlock_dialog_shows_its_whole_text_and_refusal(qtbot) -> None:
    """The question and a long refusal (it names the file's full path) are read whole: the
    dialog is as wide as the other passphrase dialogs and grows to hold the refusal."""
    path = "/home/klantmanager/Documenten/Trede/gemeente-werk-en-inkomen/trede.db"
    refusal = f"Het wachtwoord klopt niet, of {path} is geen database van Trede."
    dialog = passphrase_dialog.PassphraseDialog(lambda _typed: refusal, "trede.db")
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    type_text(dialog.field, "fout-wachtwoord")
    qtbot.keyClick(dialog.field, Qt.Key.Key_Return)
    assert dialog.message.text() == refusal
    assert dialog.width() >= passphrase_dialog.DIALOG_WIDTH
    for label in dialog.findChildren(QLabel):
        if label.isVisible() and label.wordWrap():
            needed = label.heightForWidth(label.width())
            assert label.height() >= needed, f"clipped: {label.text()!r}"
            assert label.geometry().bottom() < dialog.height()


@pytest.fixture
def encrypted_context(tmp_path: Path, app_paths, complete_settings) -> context.AppContext:
    """A window context on an encrypted database with a few clients."""
    db = database.open_database(app_paths.database, GOOD)
    demo.fill(db, 3, seed=1)
    return context.AppContext(db=db, paths=app_paths, settings=complete_settings, passphrase=GOOD)


def test_change_passphrase_rekeys_and_logs(qtbot, encrypted_context) -> None:
    """The window's own action: a wrong old passphrase is refused, the right one re-keys."""
    new = "Nieuw-wachtwoord-2026"
    said: list[str] = []

    def change(dialog: QWidget) -> None:
        assert isinstance(dialog, passphrase_dialog.ChangePassphraseDialog)
        type_text(dialog.old, "niet-het-oude-wachtwoord")
        type_text(dialog.fields.first, new)
        type_text(dialog.fields.second, new)
        qtbot.keyClick(dialog.fields.second, Qt.Key.Key_Return)
        said.append(dialog.message.text())
        assert dialog.isVisible(), "a wrong old passphrase keeps the dialog open"
        dialog.old.clear()
        type_text(dialog.old, GOOD)
        qtbot.keyClick(dialog.old, Qt.Key.Key_Return)

    def confirmed(box: QWidget) -> None:
        assert isinstance(box, QMessageBox)
        said.append(box.text())
        qtbot.keyClick(box, Qt.Key.Key_Return)

    window = QWidget()
    qtbot.addWidget(window)
    driver = ModalDriver(change, confirmed)
    assert security_actions.change_passphrase(window, encrypted_context)
    driver.check()
    assert "klopt niet" in said[0]
    assert "gewijzigd" in said[1]
    assert audit.entries(encrypted_context.db, 1)[0].action == "database.rekey"
    encrypted_context.close()
    with pytest.raises(database.DatabaseProblem):
        database.open_database(encrypted_context.paths.database, GOOD)
    reopened = database.open_database(encrypted_context.paths.database, new)
    try:
        assert reopened["clients"].count == 3
        assert database.check(reopened).ok
    finally:
        database.close(reopened)


def test_settings_page_offers_the_change_only_for_an_encrypted_database(qtbot) -> None:
    from ui.settings.page import SettingsPage

    plain = SettingsPage(settings.Settings())
    locked = SettingsPage(settings.Settings(), encrypted=True)
    qtbot.addWidget(plain)
    qtbot.addWidget(locked)
    assert not plain.change_passphrase.isEnabled()
    assert locked.change_passphrase.isEnabled()
