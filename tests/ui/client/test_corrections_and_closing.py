"""By keyboard alone on a demo caseload: correct a contact and delete a measurement from the
timeline, close a client with outflow to work, and reopen the file. After each change the
database, the caseload row and the timeline agree."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox

from caseload import client_file, clients, demo
from ui.caseload.columns import Column
from ui.caseload.table_model import CaseloadModel
from ui.client.correction_dialog import CorrectionDialog
from ui.client.timeline import TimelineModel
from ui.shell import main_window

from ...caseload.conftest import recomputed_summaries, stored_summaries
from ..keyboard import press, type_keys, type_text
from ..shell.test_main_window import show_active

pytestmark = pytest.mark.qt_log_ignore("does not support propagateSizeHints")

ALT = Qt.KeyboardModifier.AltModifier
CTRL = Qt.KeyboardModifier.ControlModifier


def _busy_client(db) -> int:
    """An active demo client with two contacts or more, two measurements or more, and an open
    barrier and action."""
    row = db.execute(
        "SELECT c.id FROM clients c WHERE c.status = 'active' AND c.open_barriers > 0 "
        "AND c.open_actions > 0 "
        "AND (SELECT count(*) FROM contacts WHERE client_id = c.id) >= 2 "
        "AND (SELECT count(*) FROM ladder_steps s WHERE s.client_id = c.id) >= 2 "
        "ORDER BY c.id LIMIT 1"
    ).fetchone()
    assert row is not None
    return int(row[0])


@pytest.fixture
def window(qtbot, app_context) -> main_window.MainWindow:
    """The window on a demo caseload, with one busy client opened by keyboard."""
    demo.fill(app_context.db, 30, seed=5)
    shown = main_window.MainWindow(app_context)
    qtbot.addWidget(shown)
    show_active(qtbot, shown)
    page = shown.pages.widget(main_window.Page.CASELOAD)
    client = clients.get(app_context.db, _busy_client(app_context.db))
    press(qtbot, Qt.Key.Key_2, CTRL)  # the window opens on Vandaag; Ctrl+2 is the caseload
    press(qtbot, Qt.Key.Key_F, CTRL)
    type_keys(qtbot, client.reference)
    qtbot.waitUntil(lambda: page.model.rowCount() == 1)
    press(qtbot, Qt.Key.Key_Return)  # to the list
    press(qtbot, Qt.Key.Key_Return)  # open the client
    assert page.client_view.client_id() == client.id
    return shown


def _view(window):  # noqa: ANN202 - the client view
    return window.pages.widget(main_window.Page.CASELOAD).client_view


def _lines(model: Any) -> list[tuple[str, ...]]:
    return [
        tuple(
            model.data(model.index(row, column), Qt.ItemDataRole.DisplayRole)
            for column in range(model.columnCount())
        )
        for row in range(model.rowCount())
    ]


def assert_agree(window) -> None:
    """The summary columns follow the rows; the caseload row and the timeline shown are what a
    fresh read of the database shows."""
    db = window.context.db
    assert stored_summaries(db) == recomputed_summaries(db)
    page = window.pages.widget(main_window.Page.CASELOAD)
    view = page.client_view
    client_id = view.client_id()
    fresh = CaseloadModel(db, lambda: window.context.settings.contact_threshold_days)
    fresh.set_filter(page.model.current_filter)
    shown_row, fresh_row = page.model.row_of(client_id), fresh.row_of(client_id)
    assert (shown_row is None) == (fresh_row is None)
    if shown_row is not None:
        for column in Column:
            assert page.model.data(page.model.index(shown_row, column)) == fresh.data(
                fresh.index(fresh_row, column)
            ), column
    timeline = TimelineModel()
    timeline.set_file(client_file.load(db, client_id))
    assert _lines(view.timeline_model) == _lines(timeline)


def _to_row(qtbot, window, kind: str) -> Any:
    """Alt+T into the timeline, arrows to the newest row of a kind; its entry."""
    view = _view(window)
    press(qtbot, Qt.Key.Key_T, ALT)
    assert QApplication.focusWidget() is view.timeline
    press(qtbot, Qt.Key.Key_Home, CTRL)
    entries = [view.timeline_model.entry(r) for r in range(view.timeline_model.rowCount())]
    target = next(r for r, entry in enumerate(entries) if entry.kind == kind)
    for _step in range(target):
        press(qtbot, Qt.Key.Key_Down)
    assert view.timeline.currentIndex().row() == target
    return entries[target]


def _dialog(qtbot, window) -> CorrectionDialog:
    press(qtbot, Qt.Key.Key_Return)
    dialog = _view(window).correction_dialog
    assert dialog is not None
    qtbot.waitUntil(lambda: dialog.isVisible() and dialog.isActiveWindow())
    return dialog


def test_correct_a_contact_from_the_timeline(qtbot, window) -> None:
    db = window.context.db
    view = _view(window)
    client_id = view.client_id()
    newest = _to_row(qtbot, window, "contact").item
    contacts = client_file.load(db, client_id).contacts
    earliest = contacts[0].contact_on
    next_newest = max(c.contact_on for c in contacts if c.id != newest.id)
    dialog = _dialog(qtbot, window)
    assert QApplication.focusWidget() is dialog.contact_on
    # Move the newest contact to before the first one: the last contact date changes.
    moved = earliest - dt.timedelta(days=1)
    dialog.contact_on.setSelectedSection(dialog.contact_on.sectionAt(0))
    type_keys(qtbot, moved.strftime("%d%m%Y"))
    press(qtbot, Qt.Key.Key_Tab)  # kind
    press(qtbot, Qt.Key.Key_Tab)  # minutes
    press(qtbot, Qt.Key.Key_Tab)  # summary
    press(qtbot, Qt.Key.Key_A, CTRL)
    type_text(QApplication.focusWidget(), "Gesprek over de taalcursus, gecorrigeerd")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible(), dialog.form.message.text()

    stored = next(c for c in client_file.load(db, client_id).contacts if c.id == newest.id)
    assert stored.contact_on == moved
    assert stored.summary == "Gesprek over de taalcursus, gecorrigeerd"
    assert stored.corrected_on == dt.date.today()
    assert clients.get(db, client_id).last_contact_on == next_newest
    assert_agree(window)
    marked = [line for line in _lines(view.timeline_model) if "gecorrigeerd" in line[1]]
    assert len(marked) == 1 and "taalcursus, gecorrigeerd" in marked[0][2]
    qtbot.waitUntil(lambda: QApplication.focusWidget() is view.timeline)  # back in the timeline
    # Bewerken → Ongedaan maken puts it back.
    press(qtbot, Qt.Key.Key_Z, CTRL)
    stored = next(c for c in client_file.load(db, client_id).contacts if c.id == newest.id)
    assert (stored.contact_on, stored.corrected_on) == (newest.contact_on, None)
    assert_agree(window)


def test_delete_a_measurement_from_the_timeline(qtbot, window) -> None:
    db = window.context.db
    view = _view(window)
    client_id = view.client_id()
    steps = client_file.load(db, client_id).ladder_steps
    newest = _to_row(qtbot, window, "ladder").item
    assert newest == steps[-1]
    dialog = _dialog(qtbot, window)
    press(qtbot, Qt.Key.Key_V, ALT)  # Verwijderen… (a mnemonic clicks after a short flash)
    qtbot.waitUntil(lambda: dialog.confirm is not None and dialog.confirm.isActiveWindow())
    confirm = dialog.confirm
    assert isinstance(confirm, QMessageBox)
    assert "trede wordt dan weer die van de meting ervoor" in confirm.text()
    press(qtbot, Qt.Key.Key_Escape)  # first: no
    assert [s.id for s in client_file.load(db, client_id).ladder_steps] == [s.id for s in steps]
    assert dialog.isVisible()
    qtbot.waitUntil(lambda: dialog.isActiveWindow())
    press(qtbot, Qt.Key.Key_V, ALT)
    qtbot.waitUntil(lambda: dialog.confirm is not confirm and dialog.confirm.isActiveWindow())
    press(qtbot, Qt.Key.Key_V, ALT)  # Verwijderen in the question
    qtbot.waitUntil(lambda: not dialog.isVisible())

    left = client_file.load(db, client_id)
    assert [s.id for s in left.ladder_steps] == [s.id for s in steps[:-1]]
    assert left.client.current_trede == steps[-2].trede
    assert_agree(window)


def _outflows(db, client_id: int) -> int:
    """How many outflows to work the client has on record."""
    return db["outflows"].count_where("client_id = ?", [client_id])


def test_close_with_outflow_to_work_and_reopen(qtbot, window) -> None:
    db = window.context.db
    view = _view(window)
    client_id = view.client_id()
    form = view.close_form
    press(qtbot, Qt.Key.Key_S, ALT)
    assert QApplication.focusWidget() is form.reason
    assert form.open_items.isVisible(), "the form asks about the open barriers and actions"
    press(qtbot, Qt.Key.Key_Down)  # Uitstroom naar werk
    assert form.sector.isVisible() and form.hours.isVisible()
    press(qtbot, Qt.Key.Key_Tab)  # sector
    for _step in range(17):  # Q: Zorg en welzijn
        press(qtbot, Qt.Key.Key_Down)
    assert form.sector.currentData() == "Q"
    press(qtbot, Qt.Key.Key_Tab)  # hours: a wrong value first
    type_keys(qtbot, "-3")
    press(qtbot, Qt.Key.Key_Return, CTRL)
    assert form.form.error_text("hours_per_week") == (
        "Uren per week klopt niet: kies meer dan 0 en hoogstens 60 uur per week."
    )
    assert QApplication.focusWidget() is form.hours
    outflows_before = db["outflows"].count
    assert clients.get(db, client_id).is_active and _outflows(db, client_id) == 0
    press(qtbot, Qt.Key.Key_A, CTRL)
    type_keys(qtbot, "24,5")
    assert form.form.error_text("hours_per_week") == "", "the message goes once it is fixed"
    assert form.message() == ""
    press(qtbot, Qt.Key.Key_Tab)  # contract
    press(qtbot, Qt.Key.Key_Down)  # vast
    press(qtbot, Qt.Key.Key_Tab)  # start of the job: today
    press(qtbot, Qt.Key.Key_Tab)  # the open items: kept by default; close them all
    press(qtbot, Qt.Key.Key_Up)
    assert form.open_items.value() == 1
    press(qtbot, Qt.Key.Key_Return, CTRL)

    file = client_file.load(db, client_id)
    assert (file.client.status, file.client.closing_reason) == ("closed", "uitstroom_werk")
    outflow = db.execute(
        "SELECT employer_sector, hours_per_week, contract_type, start_on FROM outflows "
        "WHERE client_id = ?",
        [client_id],
    ).fetchall()
    today = dt.date.today()
    assert [tuple(row) for row in outflow] == [("Q", 24.5, "vast", today.isoformat())]
    (due,) = db.execute("SELECT due_on FROM followups WHERE client_id = ?", [client_id]).fetchone()
    assert dt.date.fromisoformat(due) - today in (dt.timedelta(days=d) for d in range(181, 185))
    assert (file.client.open_barriers, file.client.open_actions) == (0, 0)
    assert not any(b.is_open for b in file.barriers) and not any(a.is_open for a in file.actions)
    first = _lines(view.timeline_model)[0]
    assert first[1] == "Dossier"
    assert first[2].startswith("Dossier afgesloten: Uitstroom naar werk (werk in Zorg en welzijn")
    assert "24,5 uur per week" in first[2] and "vast contract" in first[2]
    assert "Zorg en welzijn" in form.closed_text.text()
    assert_agree(window)

    # Reopen: the button, a question, and the history stays.
    assert QApplication.focusWidget() is form.reopen_button
    press(qtbot, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: form.confirm is not None and form.confirm.isActiveWindow())
    press(qtbot, Qt.Key.Key_H, ALT)  # Heropenen
    qtbot.waitUntil(lambda: clients.get(db, client_id).is_active)
    assert _outflows(db, client_id) == 1 and db["outflows"].count == outflows_before + 1
    assert db["followups"].count_where("client_id = ?", [client_id]) == 1
    lines = _lines(view.timeline_model)
    assert [line[2].split(":")[0] for line in lines[:2]] == [
        "Dossier heropend",
        "Dossier afgesloten",
    ]
    assert_agree(window)


def test_a_double_click_or_the_button_opens_a_row_and_a_closing_row_explains(qtbot, window) -> None:
    view = _view(window)
    entry = _to_row(qtbot, window, "action")
    rect = view.timeline.visualRect(view.timeline.currentIndex())
    # A real double-click is a press and release, then the double-click (QTest sends only that).
    qtbot.mouseClick(view.timeline.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(view.timeline.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.waitUntil(
        lambda: view.correction_dialog is not None and view.correction_dialog.isActiveWindow()
    )
    dialog = view.correction_dialog
    assert dialog.entry == entry and dialog.windowTitle() == "Actie corrigeren"
    press(qtbot, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is view.timeline)
    _to_row(qtbot, window, "barrier")
    qtbot.mouseClick(view.correct_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: view.correction_dialog is not dialog)
    assert view.correction_dialog.windowTitle() == "Wijziging van obstakel corrigeren"
    view.correction_dialog.reject()

    db, client_id = window.context.db, view.client_id()
    window.bus.perform(
        lambda: clients.close(db, client_id, on=dt.date.today(), reason="verhuisd", actor="t"),
        window,
    )
    _to_row(qtbot, window, "closing")
    press(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: view.closing_message is not None and view.closing_message.isVisible())
    assert "heropen het dan" in view.closing_message.text().lower()


def test_a_refused_correction_says_why_and_changes_nothing(qtbot, window) -> None:
    db = window.context.db
    view = _view(window)
    client_id = view.client_id()
    _to_row(qtbot, window, "contact")
    before = client_file.load(db, client_id)
    dialog = _dialog(qtbot, window)
    tomorrow = dt.date.today() + dt.timedelta(days=1)
    dialog.contact_on.setSelectedSection(dialog.contact_on.sectionAt(0))
    type_keys(qtbot, tomorrow.strftime("%d%m%Y"))
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible()
    assert dialog.form.error_text("contact_on") == (
        "Datum contact: die datum ligt in de toekomst. Kies vandaag of een eerdere dag."
    )
    assert QApplication.focusWidget() is dialog.contact_on
    assert client_file.load(db, client_id) == before
    press(qtbot, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert client_file.load(db, client_id) == before
    assert not window.undo_action.isEnabled(), "nothing to undo"


def test_opened_again_the_client_shows_no_old_confirmation(qtbot, window) -> None:
    """'Opgeslagen.' belongs to the save just made: a klantmanager who goes back to the list
    and opens the client again sees an empty message line, not a confirmation of earlier work."""
    view = _view(window)
    page = window.pages.widget(main_window.Page.CASELOAD)
    form = view.contact_form
    assert view.current_form() is form
    press(qtbot, Qt.Key.Key_Return, CTRL)  # a contact today, as the form starts
    assert form.message() == "Opgeslagen."
    press(qtbot, Qt.Key.Key_Escape)
    assert page.stack.currentWidget() is page.list_page
    press(qtbot, Qt.Key.Key_Return)
    assert page.stack.currentWidget() is view
    assert form.message() == ""
