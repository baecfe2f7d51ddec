"""Ctrl+Z undoes the last change to a client's file and Ctrl+Shift+Z makes it again, exactly.

Each kind of change is made by keyboard in the real window; the tables about clients are
compared row for row before and after, and so are the caseload row and the client's timeline.
The audit log is left out of the comparison: undo and redo are themselves logged.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog, QDialogButtonBox
from sqlite_utils import Database

from caseload import caseload_query, clients, journal, model
from resources import audit, i18n
from ui.caseload.columns import Column
from ui.shell import main_window

from ..keyboard import press, type_text
from .test_main_window import show_active

pytestmark = pytest.mark.qt_log_ignore("does not support propagateSizeHints")

TABLES = ("clients", "ladder_steps", "barriers", "barrier_events", "contacts", "actions")
CTRL = Qt.KeyboardModifier.ControlModifier
ALT = Qt.KeyboardModifier.AltModifier


def dump(db: Database) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every table, in order; not the audit log (undo and redo add their lines)
    nor the search index's own storage (its content follows the clients, checked by search)."""
    tables = [
        row[0]
        for row in db.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
            "AND name != 'audit_log' AND name NOT LIKE 'clients_fts%' ORDER BY name"
        )
    ]
    assert set(TABLES) <= set(tables)
    return {
        table: sorted(tuple(row) for row in db.execute(f"SELECT * FROM {table}"))
        for table in tables
    }


def found(db: Database, text: str) -> list[int]:
    """The clients the caseload search finds for a text."""
    return caseload_query.ids(db, caseload_query.CaseloadFilter(text=text))


@pytest.fixture
def window(qtbot, app_context) -> main_window.MainWindow:
    """The window on one client with some history, the client's file open."""
    db = app_context.db
    earlier = dt.date.today() - dt.timedelta(days=30)
    client = clients.add(
        db,
        model.ClientDetails(reference="U-1", first_name="Noor", klantmanager="Els", team="Oost"),
        actor="t",
    ).value
    journal.record_step(db, client.id, trede=2, measured_on=earlier, actor="t")
    journal.add_contact(db, client.id, kind="kantoor", contact_on=earlier, actor="t")
    journal.add_barrier(db, client.id, kind="taal", severity=3, since=earlier, actor="t")
    journal.add_action(db, client.id, intervention="taalcursus", actor="t")
    shown = main_window.MainWindow(app_context)
    qtbot.addWidget(shown)
    show_active(qtbot, shown)
    qtbot.keyClick(shown, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)  # Caseload
    page = shown.pages.widget(main_window.Page.CASELOAD)
    page.open_client(client.id)
    return shown


def _view(window: main_window.MainWindow):  # noqa: ANN202 - the client view
    return window.pages.widget(main_window.Page.CASELOAD).client_view


def seen(window: main_window.MainWindow) -> tuple[Any, ...]:
    """What the user sees of the client: the caseload row and the timeline, with its summary."""
    page = window.pages.widget(main_window.Page.CASELOAD)
    view = page.client_view
    client_id = view.client_id()
    row = page.model.row_of(client_id)
    # A closed file leaves the list of active clients: then the row is None.
    cells = (
        None
        if row is None
        else tuple(
            page.model.data(page.model.index(row, column), Qt.ItemDataRole.DisplayRole)
            for column in Column
        )
    )
    timeline = view.timeline_model
    lines = tuple(
        timeline.data(timeline.index(r, c), Qt.ItemDataRole.DisplayRole)
        for r in range(timeline.rowCount())
        for c in range(timeline.columnCount())
    )
    return cells, lines, view.progress_label.text()


def _save(qtbot, window) -> None:
    press(qtbot, Qt.Key.Key_Return, CTRL)


def add_contact(qtbot, window) -> None:
    press(qtbot, Qt.Key.Key_C, ALT)
    _save(qtbot, window)


def add_measurement(qtbot, window) -> None:
    press(qtbot, Qt.Key.Key_R, ALT)
    press(qtbot, Qt.Key.Key_Space)  # the first question: yes
    _save(qtbot, window)


def add_barrier(qtbot, window) -> None:
    press(qtbot, Qt.Key.Key_O, ALT)
    _save(qtbot, window)


def change_barrier(qtbot, window) -> None:
    view = _view(window)
    press(qtbot, Qt.Key.Key_O, ALT)
    press(qtbot, Qt.Key.Key_Down)  # the recorded barrier
    qtbot.keyClick(view.barrier_form.status, Qt.Key.Key_End)  # opgelost
    _save(qtbot, window)


def add_action(qtbot, window) -> None:
    press(qtbot, Qt.Key.Key_A, ALT)
    _save(qtbot, window)


def close_case(qtbot, window) -> None:
    press(qtbot, Qt.Key.Key_S, ALT)
    press(qtbot, Qt.Key.Key_Down)  # Uitstroom naar werk
    press(qtbot, Qt.Key.Key_Tab)
    press(qtbot, Qt.Key.Key_Down)  # the first sector
    press(qtbot, Qt.Key.Key_Tab)
    type_text(QApplication.focusWidget(), "32")
    press(qtbot, Qt.Key.Key_Tab)
    press(qtbot, Qt.Key.Key_Down)  # vast
    press(qtbot, Qt.Key.Key_Tab)  # the start of the job: today
    press(qtbot, Qt.Key.Key_Tab)  # the open barrier and action: close them too
    press(qtbot, Qt.Key.Key_Up)
    _save(qtbot, window)


def _timeline_row(qtbot, window, kind: str):  # noqa: ANN202 - the correction dialog
    """Alt+T to the timeline, the arrows to the row of a kind, Enter: its correction dialog."""
    view = _view(window)
    press(qtbot, Qt.Key.Key_T, ALT)
    press(qtbot, Qt.Key.Key_Home, CTRL)
    model = view.timeline_model
    row = next(r for r in range(model.rowCount()) if model.entry(r).kind == kind)
    for _step in range(row):
        press(qtbot, Qt.Key.Key_Down)
    press(qtbot, Qt.Key.Key_Return)
    dialog = view.correction_dialog
    qtbot.waitUntil(lambda: dialog.isActiveWindow())
    return dialog


def correct_contact(qtbot, window) -> None:
    dialog = _timeline_row(qtbot, window, "contact")
    press(qtbot, Qt.Key.Key_Tab)
    press(qtbot, Qt.Key.Key_Down)  # another kind of contact
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is _view(window).timeline)


def delete_measurement(qtbot, window) -> None:
    dialog = _timeline_row(qtbot, window, "ladder")
    press(qtbot, Qt.Key.Key_V, ALT)
    qtbot.waitUntil(lambda: dialog.confirm is not None and dialog.confirm.isActiveWindow())
    press(qtbot, Qt.Key.Key_V, ALT)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    qtbot.waitUntil(lambda: QApplication.focusWidget() is _view(window).timeline)


def _client_dialog(qtbot, window, field: str, text: str) -> None:
    view = _view(window)
    qtbot.mouseClick(view.edit_button, Qt.MouseButton.LeftButton)  # Klantgegevens wijzigen…
    dialog = view.edit_dialog
    assert isinstance(dialog, QDialog)
    qtbot.waitExposed(dialog)
    box = getattr(dialog, field)
    box.selectAll()
    type_text(box, text)
    qtbot.mouseClick(
        dialog.buttons.button(QDialogButtonBox.StandardButton.Save), Qt.MouseButton.LeftButton
    )
    assert not dialog.isVisible()


def edit_client(qtbot, window) -> None:
    _client_dialog(qtbot, window, "first_name", "Noortje")


def reassign(qtbot, window) -> None:
    _client_dialog(qtbot, window, "klantmanager", "Sanne")


CHANGES: dict[str, tuple[Callable[..., None], str]] = {
    "contact": (add_contact, "contact vastleggen"),
    "measurement": (add_measurement, "meting vastleggen"),
    "barrier": (add_barrier, "obstakel vastleggen"),
    "barrier change": (change_barrier, "obstakel wijzigen"),
    "action": (add_action, "actie vastleggen"),
    "client edit": (edit_client, "klantgegevens wijzigen"),
    "closing": (close_case, "dossier afsluiten"),
    "reassignment": (reassign, "klant overdragen"),
    "contact correction": (correct_contact, "contact corrigeren"),
    "measurement deleted": (delete_measurement, "meting verwijderen"),
}


def _undo(qtbot, window) -> None:
    # Right where the cursor is after saving: a field with nothing typed leaves Ctrl+Z to undo.
    press(qtbot, Qt.Key.Key_Z, CTRL)


def _redo(qtbot, window) -> None:
    press(qtbot, Qt.Key.Key_Z, CTRL | Qt.KeyboardModifier.ShiftModifier)


@pytest.mark.parametrize("kind", list(CHANGES))
def test_undo_and_redo_restore_the_database_and_the_views(qtbot, window, kind) -> None:
    make, name = CHANGES[kind]
    db = window.context.db
    before, before_seen = dump(db), seen(window)
    assert not window.undo_action.isEnabled()

    make(qtbot, window)
    after, after_seen = dump(db), seen(window)
    assert after != before, "the change was made"
    assert after_seen != before_seen, "and shows"
    assert window.undo_action.text() == f"&Ongedaan maken: {name}"

    search = {word: found(db, word) for word in ("Noor", "Noortje")}
    _undo(qtbot, window)
    assert dump(db) == before
    assert seen(window) == before_seen
    if kind == "client edit":  # the search index follows the name back
        assert search["Noortje"] and found(db, "Noortje") == []
        assert found(db, "Noor") == search["Noor"]
    assert window.redo_action.text() == f"&Opnieuw: {name}"
    assert not window.undo_action.isEnabled()

    _redo(qtbot, window)
    assert dump(db) == after
    assert seen(window) == after_seen
    actions = [entry.action for entry in audit.entries(db, 2)]
    assert actions == ["client.redo", "client.undo"], "undo and redo are logged"


def test_two_changes_are_undone_newest_first(qtbot, window) -> None:
    db = window.context.db
    start = dump(db)
    add_contact(qtbot, window)
    one = dump(db)
    add_action(qtbot, window)
    _undo(qtbot, window)
    assert dump(db) == one
    _undo(qtbot, window)
    assert dump(db) == start


def test_a_file_changed_elsewhere_is_not_overwritten(qtbot, window, monkeypatch) -> None:
    from PySide6.QtWidgets import QMessageBox

    warnings: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *args: warnings.append(args[2]))
    db = window.context.db
    add_contact(qtbot, window)
    client_id = _view(window).client_id()
    journal.add_contact(db, client_id, kind="telefonisch", actor="ander proces")
    changed = dump(db)
    _undo(qtbot, window)
    assert dump(db) == changed, "nothing is put back over a newer change"
    assert warnings and "intussen veranderd" in warnings[0]
    assert not window.undo_action.isEnabled()


def test_a_change_that_cannot_be_undone_empties_the_list(qtbot, window) -> None:
    add_contact(qtbot, window)
    assert window.undo_action.isEnabled()
    window.bus.perform(
        lambda: clients.add(window.context.db, model.ClientDetails(reference="U-2"), actor="t"),
        window,
    )
    assert not window.undo_action.isEnabled()


def test_in_a_field_with_typing_ctrl_z_undoes_the_typing_first(qtbot, window) -> None:
    db = window.context.db
    add_contact(qtbot, window)
    saved = dump(db)
    summary = _view(window).contact_form.summary
    summary.setFocus()
    type_text(summary, "Eerste gesprek")
    press(qtbot, Qt.Key.Key_Z, CTRL)
    assert summary.toPlainText() == "", "the typing is undone"
    assert dump(db) == saved, "the saved contact stays"
    press(qtbot, Qt.Key.Key_Z, CTRL)
    assert dump(db) != saved, "with nothing typed left, Ctrl+Z undoes the saved contact"


def test_ctrl_z_still_undoes_after_the_window_is_built_again(qtbot, window) -> None:
    """A new language builds the menus again; the Ctrl+Z of the old menu must not be left
    behind beside the new one (two enabled actions on one key: Qt runs neither)."""
    db = window.context.db
    before = dump(db)
    add_contact(qtbot, window)
    assert dump(db) != before
    try:
        window._apply_settings({"language": "en"}, page=main_window.Page.SETTINGS)
        assert window.undo_action.text().startswith("&Undo")
        press(qtbot, Qt.Key.Key_Z, CTRL)
        assert dump(db) == before
    finally:
        i18n.set_language("nl")


def test_ctrl_z_with_nothing_to_undo_says_so(qtbot, window) -> None:
    window.pages.widget(main_window.Page.CASELOAD).client_view.timeline.setFocus()
    assert not window.undo_action.isEnabled()
    press(qtbot, Qt.Key.Key_Z, CTRL)
    assert window.statusBar().currentMessage() == (
        "Er is niets om ongedaan te maken: alleen wat u in deze sessie hebt veranderd, kan terug."
    )
    press(qtbot, Qt.Key.Key_Z, CTRL | Qt.KeyboardModifier.ShiftModifier)
    assert window.statusBar().currentMessage() == "Er is niets om opnieuw te doen."
    add_contact(qtbot, window)
    window.pages.widget(main_window.Page.CASELOAD).client_view.timeline.setFocus()
    press(qtbot, Qt.Key.Key_Z, CTRL)
    assert window.undo_action.isEnabled() is False, "the contact was undone, no message instead"
    assert "niets om ongedaan" not in window.statusBar().currentMessage()
