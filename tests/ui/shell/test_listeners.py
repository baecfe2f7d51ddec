"""Each view that listens to the change broadcast shows a change made elsewhere in the window.

One test per listener: made a no-op, the listener leaves its view stale and its test fails.
The changes go through ``ChangeBus.perform``, the path every form and dialog uses.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget

from caseload import clients, journal, model
from quickscan import loader, store
from ui.caseload.columns import Column
from ui.shell import main_window

from .test_main_window import show_active

pytestmark = pytest.mark.qt_log_ignore("does not support propagateSizeHints")


@pytest.fixture
def window(qtbot, app_context) -> main_window.MainWindow:
    """The whole window, shown and active, on the caseload."""
    shown = main_window.MainWindow(app_context)
    qtbot.addWidget(shown)
    show_active(qtbot, shown)
    return shown


def _page(qtbot, window: main_window.MainWindow, index: int) -> QWidget:
    """Go to a page by its shortcut (Ctrl+1 … Ctrl+4), as the user does."""
    key = Qt.Key(Qt.Key.Key_1 + index)
    qtbot.keyClick(window, key, Qt.KeyboardModifier.ControlModifier)
    return window.pages.widget(index)


def _submit(window: main_window.MainWindow, role: str, team: str) -> int:
    """Store a complete scan through the window's change path; its id."""
    db, questionnaire = window.context.db, loader.load_bundled()
    given = [
        store.GivenAnswer(q.id, questionnaire.value_at(q.id, 2))
        for q in questionnaire.questions_for(role)
    ]
    done = window.bus.perform(
        lambda: store.submit(db, questionnaire, role, None, team, given, actor="t"), window
    )
    assert done is not None
    return done.value.id


def _add_client(window: main_window.MainWindow, reference: str, team: str = "") -> int:
    details = model.ClientDetails(reference=reference, first_name="Ayla", team=team)
    done = window.bus.perform(lambda: clients.add(window.context.db, details, actor="t"), window)
    assert done is not None
    return done.value.id


def test_caseload_list_shows_a_client_added_elsewhere(qtbot, window) -> None:
    page = _page(qtbot, window, main_window.Page.CASELOAD)
    assert page.model.rowCount() == 0
    _add_client(window, "K-1")
    assert page.model.rowCount() == 1


def test_caseload_row_shows_a_new_contact(qtbot, window) -> None:
    page = _page(qtbot, window, main_window.Page.CASELOAD)
    client_id = _add_client(window, "K-1")
    row = page.model.row_of(client_id)
    assert row is not None
    days = page.model.index(row, Column.DAYS_SINCE_CONTACT)
    assert page.model.data(days, Qt.ItemDataRole.DisplayRole) == "nooit"
    window.bus.perform(
        lambda: journal.add_contact(window.context.db, client_id, kind="kantoor", actor="t"),
        window,
    )
    assert page.model.data(days, Qt.ItemDataRole.DisplayRole) == "0"


def test_client_view_shows_a_contact_saved_elsewhere(qtbot, window) -> None:
    page = _page(qtbot, window, main_window.Page.CASELOAD)
    client_id = _add_client(window, "K-1")
    page.open_client(client_id)
    view = page.client_view
    assert view.timeline_model.rowCount() == 0
    window.bus.perform(
        lambda: journal.add_contact(window.context.db, client_id, kind="kantoor", actor="t"),
        window,
    )
    assert view.timeline_model.rowCount() == 1


def test_quickscan_drafts_list_shows_a_started_scan(qtbot, window) -> None:
    page = _page(qtbot, window, main_window.Page.QUICKSCAN)
    assert page.start.drafts.count() == 0
    questionnaire = loader.load_bundled()
    window.bus.perform(
        lambda: store.start_response(
            window.context.db, questionnaire, "manager", None, "Noord", "t"
        ),
        window,
    )
    assert page.start.drafts.count() == 1


def test_quickscan_history_shows_a_completed_scan(qtbot, window) -> None:
    page = _page(qtbot, window, main_window.Page.QUICKSCAN)
    assert page.history.model.rowCount() == 0
    _submit(window, "manager", "Noord")
    assert page.history.model.rowCount() == 1


def test_compare_scans_offers_a_new_scan(qtbot, window) -> None:
    page = _page(qtbot, window, main_window.Page.QUICKSCAN)
    _submit(window, "manager", "Noord")
    assert page.compare_scans.before.count() == 1
    _submit(window, "manager", "Noord")
    assert page.compare_scans.before.count() == 2


def test_compare_roles_offers_a_new_team(qtbot, window) -> None:
    page = _page(qtbot, window, main_window.Page.QUICKSCAN)
    _submit(window, "manager", "Zuid")
    teams = [page.compare_roles.team.itemText(i) for i in range(page.compare_roles.team.count())]
    assert "Zuid" in teams


def test_reports_page_offers_a_team_added_elsewhere(qtbot, window) -> None:
    page = _page(qtbot, window, main_window.Page.REPORTS)
    team = page.form.team
    assert team.findData("Oost") == -1
    _add_client(window, "K-1", team="Oost")
    assert team.findData("Oost") >= 0


def test_saved_settings_change_the_title_without_rebuilding_the_window(qtbot, window) -> None:
    settings_page = _page(qtbot, window, main_window.Page.SETTINGS)
    caseload = window.pages.widget(main_window.Page.CASELOAD)
    settings_page.profile.municipality.selectAll()
    qtbot.keyClicks(settings_page.profile.municipality, "Zwolle")
    qtbot.mouseClick(settings_page.save, Qt.MouseButton.LeftButton)
    assert "Zwolle" in window.windowTitle()
    assert window.pages.widget(main_window.Page.CASELOAD) is caseload, "a refresh is enough"


def test_worklist_and_its_count_show_an_appointment_planned_elsewhere(qtbot, window) -> None:
    import datetime as dt

    from caseload import planning, worklist

    db = window.context.db
    details = model.ClientDetails(reference="W-1", first_name="Ayla", klantmanager="Zoë de Vries")
    client_id = window.bus.perform(lambda: clients.add(db, details, actor="t"), window).value.id
    page = _page(qtbot, window, main_window.Page.WORKLIST)
    before = page.count()
    today = dt.date.today()
    window.bus.perform(
        lambda: planning.plan_appointment(
            db, client_id, planned_on=today, kind="kantoor", actor="t", today=today
        ),
        window,
    )
    assert [i.client_id for i in page.lines(worklist.Section.TODAY)] == [client_id]
    assert window.navigation.item(main_window.Page.WORKLIST).text() == f"Vandaag ({before + 1})"
    # Also while another page is shown, the count in the navigation follows.
    _page(qtbot, window, main_window.Page.SETTINGS)
    window.bus.perform(
        lambda: clients.close(db, client_id, on=today, reason="overig", actor="t"), window
    )
    assert window.navigation.item(main_window.Page.WORKLIST).text() == (
        f"Vandaag ({before - 1})" if before > 1 else "Vandaag"
    )
