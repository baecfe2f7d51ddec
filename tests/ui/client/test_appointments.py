"""By keyboard alone on the Planning tab: a missed appointment marked afgezegd, a planned one
held, one moved to another day, and Ctrl+Z; Vandaag and the caseload's attention follow at once,
and the log names the appointment by its id only."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from caseload import appointments, clients, journal, model, planning, worklist
from ui.client.planning_form import PlanningForm
from ui.shell import main_window
from ui.worklist.page import WorklistPage

from ..keyboard import press, type_keys
from ..shell.test_main_window import show_active

pytestmark = pytest.mark.qt_log_ignore("does not support propagateSizeHints")

ALT = Qt.KeyboardModifier.AltModifier
CTRL = Qt.KeyboardModifier.ControlModifier
DAY = dt.timedelta(days=1)


@pytest.fixture
def day() -> dt.date:
    """Today, read when the test starts: a run that crosses midnight keeps one day."""
    return dt.date.today()


@pytest.fixture
def window(qtbot, app_context, day) -> main_window.MainWindow:
    """The user's client A-1, measured and seen today, with an appointment yesterday (missed),
    one today and one in a week; a colleague's client beside it."""
    db, name = app_context.db, app_context.settings.user_name
    for reference, klantmanager in (("A-1", name), ("B-1", "Sam")):
        added = clients.add(
            db, model.ClientDetails(reference=reference, klantmanager=klantmanager), actor="t"
        ).value
        journal.record_step(db, added.id, trede=3, actor="t")
        journal.add_contact(db, added.id, kind="kantoor", actor="t")
        for on in (day - DAY, day, day + 7 * DAY):
            planning.plan_appointment(
                db, added.id, planned_on=on, kind="telefonisch", actor="t", today=on
            )
    shown = main_window.MainWindow(app_context)
    qtbot.addWidget(shown)
    show_active(qtbot, shown)
    return shown


def _open_planning(qtbot, window) -> PlanningForm:
    """Ctrl+2, Ctrl+F, the klantnummer, Enter twice, Alt+P, Alt+K: the cursor in the list."""
    page = window.pages.widget(main_window.Page.CASELOAD)
    press(qtbot, Qt.Key.Key_2, CTRL)
    press(qtbot, Qt.Key.Key_F, CTRL)
    type_keys(qtbot, "A-1")
    qtbot.waitUntil(lambda: page.model.rowCount() == 1)
    press(qtbot, Qt.Key.Key_Return)
    press(qtbot, Qt.Key.Key_Return)
    view = page.client_view
    press(qtbot, Qt.Key.Key_P, ALT)
    form = view.planning_form
    assert view.tabs.currentWidget() is form
    press(qtbot, Qt.Key.Key_K, ALT)
    assert QApplication.focusWidget() is form.appointment_list
    return form


def _stored(db, client_id: int) -> list[tuple[str, str]]:  # noqa: ANN001 - a test
    return [
        (row[0], row[1])
        for row in db.execute(
            "SELECT planned_on, status FROM appointments WHERE client_id = ? ORDER BY id",
            [client_id],
        )
    ]


def _mine(qtbot, window, back: bool = True) -> set[tuple[worklist.ItemKind, int | None]]:  # noqa: ANN001
    """Ctrl+1: A-1's lines on Vandaag (the count beside it agrees); then Ctrl+2 and Alt+K back
    to the list of appointments."""
    press(qtbot, Qt.Key.Key_1, CTRL)
    page = window.pages.currentWidget()
    assert isinstance(page, WorklistPage)
    count = worklist.count(window.context.db, page.scope())
    assert window.navigation.item(main_window.Page.WORKLIST).text() == (
        f"Vandaag ({count})" if count else "Vandaag"
    )
    assert count == sum(
        len(page.lines(s)) for s in worklist.Section if s is not worklist.Section.WEEK
    )
    found = {
        (item.kind, item.item_id)
        for section in worklist.Section
        for item in page.lines(section)
        if item.reference == "A-1" and section is not worklist.Section.WEEK
    }
    if back:
        press(qtbot, Qt.Key.Key_2, CTRL)
        press(qtbot, Qt.Key.Key_K, ALT)
    return found


def _attention(window) -> bool:  # noqa: ANN001 - a test
    page = window.pages.widget(main_window.Page.CASELOAD)
    client_id = page.client_view.client_id()
    row = page.model.row_of(client_id)
    assert row is not None
    return bool(page.model.row_data(row).needs_attention)


def test_mark_and_move_appointments_by_keyboard(qtbot, window, day) -> None:
    db = window.context.db
    missed, today, later = (a.id for a in appointments.of_client(db, 1))
    kinds = worklist.ItemKind
    assert _mine(qtbot, window, back=False) == {
        (kinds.MISSED_APPOINTMENT, missed),
        (kinds.APPOINTMENT, today),
    }
    form = _open_planning(qtbot, window)
    assert _attention(window)
    # The cursor starts on the earliest still planned: yesterday's, shown as missed.
    assert form.chosen().id == missed
    assert form.appointment_list.currentItem().text().endswith("Gemist")

    press(qtbot, Qt.Key.Key_Z, ALT)  # Afgezegd
    qtbot.waitUntil(lambda: _stored(db, 1)[0][1] == appointments.CANCELLED)
    assert form.appointment_list.currentItem().text().endswith("Afgezegd")
    assert QApplication.focusWidget() is form.appointment_list
    assert not _attention(window)
    assert _mine(qtbot, window) == {(kinds.APPOINTMENT, today)}
    assert not form.move_button.isEnabled()  # a cancelled one stays where it was

    press(qtbot, Qt.Key.Key_Down)
    assert form.chosen().id == today
    press(qtbot, Qt.Key.Key_U, ALT)  # Gehouden
    qtbot.waitUntil(lambda: _stored(db, 1)[1][1] == appointments.HELD)
    assert _mine(qtbot, window) == set()

    # The one next week moves to tomorrow: Alt+N, the date, Alt+L.
    press(qtbot, Qt.Key.Key_Down)
    assert form.chosen().id == later
    press(qtbot, Qt.Key.Key_N, ALT)
    assert QApplication.focusWidget() is form.move_on
    tomorrow = day + DAY
    type_keys(qtbot, tomorrow.strftime("%d%m%Y"))
    press(qtbot, Qt.Key.Key_L, ALT)
    qtbot.waitUntil(lambda: _stored(db, 1)[2][0] == tomorrow.isoformat())
    assert _stored(db, 1)[2][1] == appointments.PLANNED
    assert form.message() == "Opgeslagen."
    assert _mine(qtbot, window) == set()  # tomorrow is in "this week"
    week = window.pages.widget(main_window.Page.WORKLIST).lines(worklist.Section.WEEK)
    assert [(i.on, i.item_id) for i in week if i.reference == "A-1"] == [(tomorrow, later)]
    assert form.chosen().id == later

    # Into the past is refused under the field, and nothing changes.
    press(qtbot, Qt.Key.Key_N, ALT)
    type_keys(qtbot, (day - DAY).strftime("%d%m%Y"))
    press(qtbot, Qt.Key.Key_L, ALT)
    qtbot.waitUntil(lambda: form.form.error_text("planned_on") != "")
    assert "verleden" in form.form.error_text("planned_on")
    assert _stored(db, 1)[2] == (tomorrow.isoformat(), appointments.PLANNED)

    # Ctrl+Z (from the list: in a field it undoes the typing) puts it back on its day.
    press(qtbot, Qt.Key.Key_K, ALT)
    press(qtbot, Qt.Key.Key_Z, CTRL)
    qtbot.waitUntil(lambda: _stored(db, 1)[2][0] == (day + 7 * DAY).isoformat())
    press(qtbot, Qt.Key.Key_Z, CTRL)
    qtbot.waitUntil(lambda: _stored(db, 1)[1][1] == appointments.PLANNED)
    assert (kinds.APPOINTMENT, today) in _mine(qtbot, window)

    logged = db.execute(
        "SELECT action, object FROM audit_log WHERE action LIKE 'appointment.%' AND actor != 't'"
        " ORDER BY id"
    ).fetchall()
    assert logged == [
        ("appointment.status", f"client:1/appointment:{missed}"),
        ("appointment.status", f"client:1/appointment:{today}"),
        ("appointment.move", f"client:1/appointment:{later}"),
    ]
    # The colleague's appointments were left alone.
    assert {status for _on, status in _stored(db, 2)} == {appointments.PLANNED}


def test_an_appointment_next_week_cannot_be_held_or_missed_yet(qtbot, window, day) -> None:
    db = window.context.db
    later = appointments.of_client(db, 1)[2].id
    form = _open_planning(qtbot, window)
    press(qtbot, Qt.Key.Key_Down)
    press(qtbot, Qt.Key.Key_Down)
    assert form.chosen().id == later
    # Not offered, and the form says why (before: offered, then refused).
    assert not form.held_button.isEnabled() and not form.missed_button.isEnabled()
    assert form.marks_hint.isVisible()
    assert "nog niet geweest" in form.marks_hint.text()
    assert "nog niet geweest" in form.held_button.toolTip()
    for key in (Qt.Key.Key_U, Qt.Key.Key_M):  # Gehouden, Gemist
        press(qtbot, key, ALT)
        assert _stored(db, 1)[2] == ((day + 7 * DAY).isoformat(), appointments.PLANNED)
    press(qtbot, Qt.Key.Key_Up)  # today's can be held: the buttons and no hint
    assert form.held_button.isEnabled() and form.missed_button.isEnabled()
    assert not form.marks_hint.isVisible()
    press(qtbot, Qt.Key.Key_Down)
    press(qtbot, Qt.Key.Key_Z, ALT)  # Afgezegd is possible ahead of time
    qtbot.waitUntil(lambda: _stored(db, 1)[2][1] == appointments.CANCELLED)


def test_enter_on_a_focused_button_presses_it(qtbot, window) -> None:
    db = window.context.db
    form = _open_planning(qtbot, window)
    for _tab in range(12):  # by Tab from the list to the button, as a keyboard user goes
        if QApplication.focusWidget() is form.cancelled_button:
            break
        press(qtbot, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is form.cancelled_button
    press(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: _stored(db, 1)[0][1] == appointments.CANCELLED)
