"""No two Alt+letters and no two shortcuts do different things on any page, tab or dialog, in
either language, in the first session (after the welcome page) and after a restart."""

from __future__ import annotations

import ast
import collections
import dataclasses
import datetime as dt
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QShortcut
from PySide6.QtWidgets import (
    QAbstractButton,
    QDialog,
    QGroupBox,
    QLabel,
    QMainWindow,
    QRadioButton,
    QTabBar,
    QTabWidget,
    QWidget,
)

from app import context, settings
from caseload import client_file, clients, closing, demo, journal, model, worklist
from quickscan import loader, store
from resources import i18n
from ui import changes
from ui.caseload import handover, import_dialog, retention_dialog
from ui.client import correction_dialog, erase_dialog
from ui.client import details_dialog as client_dialog
from ui.security import audit_dialog, idle_lock, passphrase_dialog
from ui.shell import help_window, info_dialogs, main_window
from ui.worklist import followup_dialog

from .test_main_window import show_active, type_text

pytestmark = pytest.mark.qt_log_ignore("does not support propagateSizeHints")

#: The project's ui package (this file is tests/ui/shell/test_mnemonics.py).
UI = Path(__file__).resolve().parents[3] / "ui"


def _mnemonic(text: str) -> str | None:
    text = text.replace("&&", "")
    return text[text.index("&") + 1].lower() if "&" in text[:-1] else None


def alt_keys(root: QWidget, menu_bar: bool = True) -> list[tuple[str, str]]:
    """Every Alt+letter the user can press now in ``root``'s window: labels, buttons, group
    boxes and tabs that are visible, and the menu bar's menus."""
    found: list[tuple[str, str]] = []
    for widget in root.findChildren(QWidget):
        if not widget.isVisibleTo(root):
            continue
        if isinstance(widget, QGroupBox):
            texts = [widget.title()]
        elif isinstance(widget, QLabel | QAbstractButton):
            texts = [widget.text()]
        elif isinstance(widget, QTabBar):
            texts = [widget.tabText(index) for index in range(widget.count())]
        else:
            continue
        found += [(letter, text) for text in texts if (letter := _mnemonic(text))]
    window = root.window()
    if menu_bar and isinstance(window, QMainWindow):
        for action in window.menuBar().actions():
            if letter := _mnemonic(action.text()):
                found.append((letter, "menu " + action.text()))
    return found


def shortcuts(root: QWidget) -> list[tuple[str, str]]:
    """Every key combination bound now in ``root``'s window (actions and shortcuts)."""
    window = root.window()
    found: list[tuple[str, str]] = []
    actions = set(window.actions())
    for widget in [root, *root.findChildren(QWidget)]:
        if widget.isVisible():
            actions.update(widget.actions())
    if isinstance(window, QMainWindow):
        for menu_action in window.menuBar().actions():
            if menu_action.menu() is not None:
                actions.update(menu_action.menu().actions())
    for action in actions:
        for key in action.shortcuts():
            found.append((key.toString(), "action " + action.text()))
    for shortcut in window.findChildren(QShortcut):
        parent = shortcut.parent()
        if shortcut.isEnabled() and isinstance(parent, QWidget) and parent.isVisible():
            for key in shortcut.keys():  # noqa: SIM118 - a QShortcut, not a dict
                found.append((key.toString(), f"shortcut on {type(parent).__name__}"))
    return found


def clashes(items: list[tuple[str, str]]) -> dict[str, list[str]]:
    """The keys that more than one thing claims, with what claims them."""
    claims = collections.defaultdict(list)
    for key, what in items:
        claims[key].append(what)
    return {key: whats for key, whats in claims.items() if len(whats) > 1}


def clashes_now(root: QWidget, where: str) -> list[str]:
    """Every clash in ``root`` as it is shown now, one line each, named by ``where``."""
    found = [f"{where}: Alt+{key} is {whats}" for key, whats in clashes(alt_keys(root)).items()]
    found += [f"{where}: {key} is {whats}" for key, whats in clashes(shortcuts(root)).items()]
    return found


def tab_states(root: QWidget) -> Iterator[str]:
    """Show every tab of every visible tab widget in turn (one level deep)."""
    for tabs in root.findChildren(QTabWidget):
        if tabs.isVisibleTo(root):
            for index in range(tabs.count()):
                tabs.setCurrentIndex(index)
                yield tabs.tabText(index)


@pytest.fixture(params=["nl", "en"])
def language(request) -> Iterator[str]:
    i18n.set_language(request.param)
    yield request.param
    i18n.set_language("nl")


def _walk_window(window: main_window.MainWindow, language: str, when: str) -> list[str]:
    found: list[str] = []
    for page in range(window.pages.count()):
        window.show_page(page)
        widget = window.pages.currentWidget()
        found += clashes_now(widget, f"{language}, {when}, page {page + 1}")
        for tab in tab_states(widget):
            found += clashes_now(widget, f"{language}, {when}, page {page + 1}, tab {tab}")
    return found


def test_every_page_after_a_restart(qtbot, app_context, language: str) -> None:
    app_context.update_settings(bsn_enabled=True)
    window = main_window.MainWindow(app_context)
    qtbot.addWidget(window)
    show_active(qtbot, window)
    assert _walk_window(window, language, "after a restart") == []


def test_every_page_in_the_first_session(qtbot, db, app_paths, language: str) -> None:
    first = context.AppContext(db=db, paths=app_paths, settings=settings.load(app_paths.settings))
    window = main_window.MainWindow(first)
    qtbot.addWidget(window)
    show_active(qtbot, window)
    found = clashes_now(window.welcome, f"{language}, welcome page")
    form = window.welcome.form
    qtbot.keyClicks(form.municipality, "Leiden")
    type_text(form.user_name, "Zoë")
    qtbot.mouseClick(window.welcome.start, Qt.MouseButton.LeftButton)
    assert window.current_page() == main_window.Page.CASELOAD
    assert found + _walk_window(window, language, "first session") == []


def test_the_client_view_on_every_tab(qtbot, app_context, language: str) -> None:
    added = clients.add(app_context.db, model.ClientDetails(reference="M-1"), actor="t").value
    window = main_window.MainWindow(app_context)
    qtbot.addWidget(window)
    show_active(qtbot, window)
    page = window.pages.widget(main_window.Page.CASELOAD)
    page.open_client(added.id)
    view = page.client_view
    found: list[str] = []
    for tab in tab_states(view):
        found += clashes_now(window.pages.currentWidget(), f"{language}, client view, tab {tab}")
    clients.close(app_context.db, added.id, on=dt.date(2026, 1, 5), reason="verhuisd", actor="t")
    page.open_client(added.id)  # a closed file: Heropenen instead of the forms
    for tab in tab_states(view):
        found += clashes_now(window.pages.currentWidget(), f"{language}, closed file, tab {tab}")
    assert found == []


def test_the_quickscan_while_filling_and_on_a_result(qtbot, app_context, language: str) -> None:
    questionnaire = loader.load_bundled()
    draft = store.start_response(app_context.db, questionnaire, "manager", None, None, "test").value
    done = store.submit(
        app_context.db,
        questionnaire,
        "klantmanager",
        "Sam",
        None,
        [store.GivenAnswer(q.id, None) for q in questionnaire.questions_for("klantmanager")],
        actor="test",
    ).value
    window = main_window.MainWindow(app_context)
    qtbot.addWidget(window)
    show_active(qtbot, window)
    window.show_page(main_window.Page.QUICKSCAN)
    page = window.pages.currentWidget()
    page.open_draft(draft.id)
    found = clashes_now(page, f"{language}, quickscan, filling in")
    page.open_result(done.id)
    found += clashes_now(page, f"{language}, quickscan, result")
    assert found == []


def test_every_kind_of_report(qtbot, app_context, language: str) -> None:
    window = main_window.MainWindow(app_context)
    qtbot.addWidget(window)
    show_active(qtbot, window)
    window.show_page(main_window.Page.REPORTS)
    page = window.pages.currentWidget()
    found: list[str] = []
    for kind in page.findChildren(QRadioButton):
        qtbot.mouseClick(kind, Qt.MouseButton.LeftButton)
        found += clashes_now(page, f"{language}, Rapporten, {kind.text()}")
    assert found == []


def _dialogs(app_context, owner: QWidget) -> dict[str, Callable[[], QDialog]]:
    """One instance of every dialog of the window, with everything switched on: the correction
    dialog for every kind of timeline row, the questions they ask before deleting or reopening,
    the follow-up question, the help and the shortcut list."""
    app_context.update_settings(bsn_enabled=True, origin_enabled=True, origin_purpose="onderzoek")
    client = clients.add(app_context.db, model.ClientDetails(reference="D-1"), actor="t").value
    journal.add_contact(app_context.db, client.id, kind="kantoor", actor="t")
    journal.record_step(app_context.db, client.id, trede=2, actor="t")
    barrier = journal.add_barrier(app_context.db, client.id, kind="taal", severity=2, actor="t")
    journal.update_barrier(  # a later change: the kind cannot be corrected on that line
        app_context.db, dataclasses.replace(barrier.value, severity=1), actor="t"
    )
    journal.add_action(app_context.db, client.id, intervention="jobcoach", actor="t")
    file = client_file.load(app_context.db, client.id)
    kinds = {barrier.id: barrier.kind for barrier in file.barriers}
    bus = changes.ChangeBus()
    corrections: dict[str, Callable[[], QDialog]] = {}
    for entry in file.timeline:
        name = f"CorrectionDialog ({entry.kind} {type(entry.item).__name__} {entry.item.id})"
        corrections[name] = lambda entry=entry: correction_dialog.CorrectionDialog(
            app_context, bus, entry, kinds, owner
        )
        corrections[name + " asking to delete"] = lambda entry=entry: _asked(
            correction_dialog.CorrectionDialog(app_context, bus, entry, kinds, owner)
        )
    followup = worklist.Item(
        worklist.ItemKind.FOLLOWUP, client.id, "D-1", "D. Klant", "Zoë", dt.date(2026, 6, 1), "", 1
    )
    main = owner if isinstance(owner, QMainWindow) else None
    help_pages = [*(main.page_ids if isinstance(main, main_window.MainWindow) else []), "client"]
    helps: dict[str, Callable[[], QDialog]] = {
        f"TextDialog (help {page_id})": lambda page_id=page_id: help_window.show_help(
            owner, page_id, encrypted=True
        )
        for page_id in ["welcome", *help_pages]
    }
    if main is not None:
        helps["TextDialog (Sneltoetsen)"] = lambda: help_window.show_shortcuts(main)
    return (
        corrections
        | helps
        | {
            "ClientDialog": lambda: client_dialog.ClientDialog(app_context, bus),
            "ClientDialog (edit)": lambda: client_dialog.ClientDialog(app_context, bus, client),
            "EraseClientDialog": lambda: erase_dialog.EraseClientDialog(app_context, bus, client),
            "ImportDialog": lambda: import_dialog.ImportDialog(app_context, bus),
            "RetentionDialog": lambda: retention_dialog.RetentionDialog(app_context, bus),
            "AuditDialog": lambda: audit_dialog.AuditDialog(app_context.db),
            "TextDialog (Over Trede)": lambda: info_dialogs.TextDialog(
                "Over", info_dialogs.about_html(), owner
            ),
            "NewPassphraseDialog": lambda: passphrase_dialog.NewPassphraseDialog(
                offer_keyring=True
            ),
            "PassphraseDialog": lambda: passphrase_dialog.PassphraseDialog(
                Path("trede.db"), lambda _typed: None
            ),
            "ChangePassphraseDialog": lambda: passphrase_dialog.ChangePassphraseDialog(
                lambda _old, _new: None
            ),
            "UnlockDialog": lambda: idle_lock.UnlockDialog(app_context, owner),
            "ReassignDialog": lambda: handover.ReassignDialog(app_context, bus, [client.id]),
            "TransferPassphraseDialog": lambda: handover.TransferPassphraseDialog("Maken", True, 2),
            "TransferPassphraseDialog (read)": lambda: handover.TransferPassphraseDialog(
                "Inlezen", False
            ),
            "FollowupDialog": lambda: followup_dialog.FollowupDialog(
                app_context, bus, followup, owner
            ),
        }
    )


def _asked(dialog: correction_dialog.CorrectionDialog) -> QDialog:
    """The question 'Verwijderen?' that the dialog's Verwijderen… button opens."""
    dialog.show()
    dialog.delete_button.click()
    assert dialog.confirm is not None
    return dialog.confirm


def _walk_dialogs(qtbot, app_context, owner: QWidget, where: str) -> list[str]:
    found: list[str] = []
    for name, make in _dialogs(app_context, owner).items():
        dialog = make()
        if dialog.parent() is None:
            qtbot.addWidget(dialog)
        dialog.show()
        found += clashes_now(dialog, f"{where}, {name}")
        for tab in tab_states(dialog):
            found += clashes_now(dialog, f"{where}, {name}, tab {tab}")
        dialog.close()
    return found


def test_every_dialog_after_a_restart(qtbot, app_context, language: str) -> None:
    window = main_window.MainWindow(app_context)
    qtbot.addWidget(window)
    show_active(qtbot, window)
    assert _walk_dialogs(qtbot, app_context, window, f"{language}, after a restart") == []


def test_every_dialog_in_the_first_session(qtbot, db, app_paths, language: str) -> None:
    first = context.AppContext(db=db, paths=app_paths, settings=settings.load(app_paths.settings))
    window = main_window.MainWindow(first)
    qtbot.addWidget(window)
    show_active(qtbot, window)
    qtbot.keyClicks(window.welcome.form.municipality, "Leiden")
    type_text(window.welcome.form.user_name, "Zoë")
    qtbot.mouseClick(window.welcome.start, Qt.MouseButton.LeftButton)
    assert _walk_dialogs(qtbot, first, window, f"{language}, first session") == []


def test_the_dialog_of_the_closing_tab_asks_before_reopening(qtbot, app_context, language) -> None:
    """The question 'Dossier heropenen?' of a closed file, and the note on a closing row."""
    added = clients.add(app_context.db, model.ClientDetails(reference="M-2"), actor="t").value
    closing.close(app_context.db, added.id, on=dt.date(2026, 1, 5), reason="verhuisd", actor="t")
    window = main_window.MainWindow(app_context)
    qtbot.addWidget(window)
    show_active(qtbot, window)
    page = window.pages.widget(main_window.Page.CASELOAD)
    page.open_client(added.id)
    view = page.client_view
    view.close_form.reopen()
    assert view.close_form.confirm is not None
    assert clashes_now(view.close_form.confirm, f"{language}, Dossier heropenen?") == []


def _dialog_classes() -> set[str]:
    """Every class in ui/ that is a QDialog, directly or through another dialog class."""
    bases: dict[str, set[str]] = {}
    for module in UI.glob("**/*.py"):
        for node in ast.walk(ast.parse(module.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ClassDef):
                bases[node.name] = {
                    getattr(base, "id", getattr(base, "attr", "")) for base in node.bases
                }
    dialogs = {"QDialog", "QMessageBox", "QFileDialog", "QInputDialog"}
    grown = True
    while grown:
        more = {name for name, parents in bases.items() if parents & dialogs}
        grown = bool(more - dialogs)
        dialogs |= more
    return {name for name in dialogs if name in bases}


def test_the_walk_covers_every_dialog_class(qtbot, app_context) -> None:
    """A new dialog in ui/ must join the walk above."""
    defined = _dialog_classes()
    assert {"CorrectionDialog", "FollowupDialog", "ReassignDialog", "TextDialog"} <= defined
    owner = QWidget()
    qtbot.addWidget(owner)
    walked = {name.split(" ")[0] for name in _dialogs(app_context, owner)}
    assert defined - walked == set()


def test_the_overview_with_its_figures(qtbot, app_context, language: str) -> None:
    demo.fill(app_context.db, 200, seed=5, today=dt.date(2026, 12, 4))
    window = main_window.MainWindow(app_context)
    qtbot.addWidget(window)
    show_active(qtbot, window)
    window.show_page(main_window.Page.OVERVIEW)
    page = window.pages.currentWidget()
    qtbot.mouseClick(page.show_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.result is not None)
    assert clashes_now(page, f"{language}, Overzicht with figures") == []
