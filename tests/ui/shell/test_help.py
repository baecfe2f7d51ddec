"""F1 shows the help of the page in view, every page has help in both languages, and Help →
Sneltoetsen lists the window's real shortcuts in the active language."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QApplication

from caseload import clients, model
from resources import help as help_texts
from resources import i18n
from ui.shell import help_window, main_window
from ui.shell.info_dialogs import TextDialog

from .test_main_window import show_active
from .test_mnemonics import alt_keys

pytestmark = pytest.mark.qt_log_ignore("does not support propagateSizeHints")


@pytest.fixture(params=["nl", "en"])
def language(request) -> Iterator[str]:
    i18n.set_language(request.param)
    yield request.param
    i18n.set_language("nl")


@pytest.fixture
def window(qtbot, app_context, language: str) -> main_window.MainWindow:
    app_context.update_settings(language=language)
    made = main_window.MainWindow(app_context)
    qtbot.addWidget(made)
    show_active(qtbot, made)
    return made


def _press_f1(qtbot, window: main_window.MainWindow) -> TextDialog:
    target = QApplication.focusWidget() or window
    qtbot.keyClick(target, Qt.Key.Key_F1)
    dialog = window.findChild(TextDialog, "pageHelp")
    assert dialog is not None and dialog.isVisible()
    return dialog


def _title(page_id: str) -> str:
    return help_texts.text(page_id).splitlines()[0].lstrip("# ")


def test_f1_on_every_page_shows_that_page_s_help(qtbot, window, language: str) -> None:
    for index, page_id in enumerate(window.page_ids):
        window.show_page(index)
        dialog = _press_f1(qtbot, window)
        assert dialog.property("help_page") == page_id
        assert _title(page_id) in dialog.text.toPlainText()
        dialog.close()
        window.activateWindow()


def test_f1_in_a_client_s_file_shows_the_help_of_a_client(qtbot, window, app_context) -> None:
    added = clients.add(app_context.db, model.ClientDetails(reference="H-1"), actor="t").value
    page = window.pages.widget(main_window.Page.CASELOAD)
    page.open_client(added.id)
    dialog = _press_f1(qtbot, window)
    assert dialog.property("help_page") == "client"
    assert _title("client") in dialog.text.toPlainText()


def test_every_page_of_the_navigation_has_help_in_both_languages(window) -> None:
    """A page added to the navigation fails here until its help is written in nl and en."""
    texts: dict[str, dict[str, str]] = {}
    for page_id in [*window.page_ids, "client", "welcome", "worklist", "overview"]:
        texts[page_id] = {
            language: help_texts.text(page_id, language) for language in i18n.LANGUAGES
        }
    for page_id, by_language in texts.items():
        assert by_language["nl"] != by_language["en"], page_id
        for language, text in by_language.items():
            assert text.startswith("# "), (page_id, language)
            # What the page is for, its keys, and where the data goes.
            assert text.count("**") >= 6, (page_id, language)


def test_a_page_without_help_says_so_instead_of_failing() -> None:
    with pytest.raises(help_texts.NoHelp):
        help_texts.text("no-such-page", "nl")


def test_the_shortcut_list_has_the_real_shortcuts_in_the_active_language(
    qtbot, window, language: str
) -> None:
    help_action = next(
        action
        for menu in window.menuBar().actions()
        if menu.menu() is not None
        for action in menu.menu().actions()
        if action.text().replace("&", "") in ("Sneltoetsen", "Keyboard shortcuts")
    )
    help_action.trigger()
    dialog = window.findChild(TextDialog, "shortcutList")
    assert dialog is not None and dialog.isVisible()
    listed = help_window.shortcuts(window)
    assert all(what for _keys, what in listed), "a shortcut with no description"
    shown = {what: keys for keys, what in listed}
    caseload, search = {
        "nl": ("Caseload", "Zoeken in de caseload"),
        "en": ("Caseload", "Search the caseload"),
    }[language]
    assert shown[caseload] == "Ctrl+2"
    assert shown[search] == "Ctrl+F"
    assert "F1" in shown.values()
    # The quickscan is made on its first visit; its theme keys are listed all the same.
    next_theme = {"nl": "Volgend thema", "en": "Next theme"}[language]
    assert next_theme in shown
    text = dialog.text.toPlainText()
    assert search in text and "Ctrl+F" in text
    # Only keys a keyboard has: not the media keys Qt adds to zoom and save ("Inzoomen").
    for keys, what in listed:
        for part in keys.split(", "):
            sequence = QKeySequence.fromString(part, QKeySequence.SequenceFormat.NativeText)
            assert not sequence.isEmpty(), (keys, what)
            key = sequence[0].key()
            assert key.value < Qt.Key.Key_Back.value, (keys, what)
    assert any(keys.startswith("Ctrl++") for keys in shown.values())


def _help_alt_letters(page_id: str, language: str) -> set[str]:
    """The Alt+letter keys a page's help names (not Alt+Left arrow)."""
    return {
        letter.lower()
        for letter in re.findall(r"Alt\+([A-Za-z])\b", help_texts.text(page_id, language))
    }


def test_the_alt_keys_in_the_help_are_the_page_s_own(qtbot, window, language: str) -> None:
    """Caseload, Vandaag, Overzicht and a client's file: every Alt+letter their help names is a
    mnemonic on that page in that language (a renamed label fails here)."""
    added = clients.add(window.context.db, model.ClientDetails(reference="H-1"), actor="t").value
    pages = {
        "caseload": lambda: window.show_page(main_window.Page.CASELOAD),
        "worklist": lambda: window.show_page(main_window.Page.WORKLIST),
        "overview": lambda: window.show_page(main_window.Page.OVERVIEW),
        "client": lambda: (
            window.show_page(main_window.Page.CASELOAD),
            window.pages.currentWidget().open_client(added.id),
        ),
    }
    missing = []
    for page_id, show in pages.items():
        show()
        present = {letter.lower() for letter, _text in alt_keys(window.centralWidget(), False)}
        wanted = _help_alt_letters(page_id, language)
        assert wanted, page_id
        missing += [f"{language}, {page_id}: Alt+{letter}" for letter in wanted - present]
    assert missing == []


def test_the_help_names_the_page_keys_there_are(window, language: str) -> None:
    """'Ctrl+1 tot Ctrl+4' stayed in the caseload's help when Vandaag and Overzicht came: a help
    text that names a range of page keys names the last page's key."""
    last = len(window.page_ids)
    for page_id in help_texts.page_ids():
        written = help_texts.text(page_id, language)
        for highest in re.findall(r"Ctrl\+1 (?:tot|to) Ctrl\+(\d)", written):
            assert int(highest) == last, page_id


@pytest.mark.parametrize("passphrase", [None, "paars-konijn-fietst-42"])
def test_f1_says_whether_this_database_is_encrypted(
    qtbot, app_paths, complete_settings, language: str, passphrase: str | None
) -> None:
    """Before: the help said "one encrypted file" of a database that was not encrypted."""
    from app import context, database

    db = database.open_database(app_paths.database, passphrase)
    opened = context.AppContext(
        db=db, paths=app_paths, settings=complete_settings, passphrase=passphrase
    )
    made = main_window.MainWindow(opened)
    qtbot.addWidget(made)
    show_active(qtbot, made)
    try:
        for key in (Qt.Key.Key_2, Qt.Key.Key_5):  # the caseload, the settings
            qtbot.keyClick(made, key, Qt.KeyboardModifier.ControlModifier)
            shown = _press_f1(qtbot, made).text.toPlainText()
            plain = {"nl": "niet versleuteld", "en": "not encrypted"}[language]
            assert (plain in shown) == (passphrase is None), shown
            assert "{storage}" not in shown
            assert ("versleuteld" in shown) == (language == "nl")  # in the help's own language
    finally:
        made.close()
        database.close(db)
