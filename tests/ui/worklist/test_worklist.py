"""The worklist Vandaag by keyboard alone, on a demo caseload: today's appointments of the
user's own clients, an appointment planned from the contact form, Enter on a line opening the
client on the right form, and the six-month follow-up answered."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from caseload import clients, demo, followups, journal, model, worklist
from caseload.worklist import ItemKind, Section
from ui.shell import main_window
from ui.worklist.page import WorklistPage

from ..keyboard import press, type_keys
from ..shell.test_main_window import show_active
from ..shell.test_mnemonics import clashes_now

pytestmark = pytest.mark.qt_log_ignore("does not support propagateSizeHints")


@pytest.fixture
def day_context(app_context):
    """A demo caseload; the user is the demo klantmanager with the most appointments today,
    and has one more client, Zoë Ünal, measured and seen today: nothing due for her."""
    db = app_context.db
    demo.fill(db, 400, seed=5)
    today = dt.date.today().isoformat()
    (name,) = db.execute(
        "SELECT c.klantmanager FROM appointments p JOIN clients c ON c.id = p.client_id "
        "WHERE p.planned_on = ? AND p.status = 'gepland' AND c.status = 'active' "
        "GROUP BY c.klantmanager ORDER BY count(*) DESC, c.klantmanager LIMIT 1",
        [today],
    ).fetchone()
    app_context.update_settings(user_name=name)
    zoe = clients.add(
        db,
        model.ClientDetails(
            reference="T-0001", first_name="Zoë", surname="Ünal", klantmanager=name
        ),
        actor="test",
    ).value
    journal.record_step(db, zoe.id, trede=3, actor="test")
    journal.add_contact(db, zoe.id, kind="kantoor", actor="test")
    app_context.zoe_id = zoe.id
    return app_context


@pytest.fixture
def window(qtbot, day_context) -> main_window.MainWindow:
    shown = main_window.MainWindow(day_context)
    qtbot.addWidget(shown)
    show_active(qtbot, shown)
    return shown


def _worklist(window: main_window.MainWindow) -> WorklistPage:
    page = window.pages.widget(main_window.Page.WORKLIST)
    assert isinstance(page, WorklistPage)
    return page


def _into_list(qtbot, page: WorklistPage) -> None:
    """From the navigation, Tab into the worklist."""
    for _press in range(3):
        if QApplication.focusWidget() is page.tree:
            return
        press(qtbot, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is page.tree


def _go_to(qtbot, page: WorklistPage, wanted) -> worklist.Item:  # noqa: ANN001 - a test
    """Walk the list with the arrow key until a line matches."""
    _into_list(qtbot, page)
    press(qtbot, Qt.Key.Key_Home)
    for _press in range(page.tree.topLevelItemCount() * 2 + 1000):
        chosen = page.chosen()
        if chosen is not None and wanted(chosen):
            return chosen
        press(qtbot, Qt.Key.Key_Down)
    raise AssertionError("no such line in the worklist")


def _nav_text(window: main_window.MainWindow) -> str:
    return window.navigation.item(main_window.Page.WORKLIST).text()


def test_the_first_page_shows_todays_appointments_of_my_own_clients(qtbot, window) -> None:
    db, name = window.context.db, window.context.settings.user_name
    assert window.current_page() == main_window.Page.WORKLIST
    page = _worklist(window)
    today = dt.date.today().isoformat()
    mine = {
        row[0]
        for row in db.execute(
            "SELECT p.client_id FROM appointments p JOIN clients c ON c.id = p.client_id "
            "WHERE p.planned_on = ? AND p.status = 'gepland' AND c.status = 'active' "
            "AND c.klantmanager = ?",
            [today, name],
        )
    }
    assert mine, "the demo gives the user appointments today"
    shown = page.lines(Section.TODAY)
    assert {item.client_id for item in shown} == mine
    assert {item.klantmanager for item in shown} == {name}
    count = worklist.count(db, page.scope())
    assert _nav_text(window) == f"Vandaag ({count})"
    assert page.mine.accessibleName() == f"Alleen mijn caseload ({name})"

    # Alt+M: everyone's clients, more appointments; again: only mine.
    _into_list(qtbot, page)
    press(qtbot, Qt.Key.Key_M, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: not page.mine.isChecked())  # a mnemonic clicks a moment later
    everyone = {item.client_id for item in page.lines(Section.TODAY)}
    assert everyone > mine
    assert {item.klantmanager for item in page.lines(Section.TODAY)} != {name}
    press(qtbot, Qt.Key.Key_M, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(page.mine.isChecked)
    assert {item.client_id for item in page.lines(Section.TODAY)} == mine


def test_an_appointment_planned_in_the_contact_form_appears_with_its_count(qtbot, window) -> None:
    db, zoe_id = window.context.db, window.context.zoe_id
    page = _worklist(window)
    before = worklist.count(db, page.scope())
    assert _nav_text(window) == f"Vandaag ({before})"
    assert zoe_id not in {i.client_id for items in page.current.sections.values() for i in items}

    qtbot.keyClick(window, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    caseload = window.pages.currentWidget()
    press(qtbot, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    type_keys(qtbot, "T-0001")
    qtbot.waitUntil(lambda: caseload.model.client_ids() == [zoe_id])
    press(qtbot, Qt.Key.Key_Down)
    press(qtbot, Qt.Key.Key_Return)
    form = caseload.client_view.contact_form
    assert QApplication.focusWidget() is form.contact_on
    for _field in range(5):  # kind, minutes, summary, share, the next appointment
        press(qtbot, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is form.next_on
    today = dt.date.today()
    type_keys(qtbot, today.strftime("%d%m%Y"))
    press(qtbot, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is form.next_time
    type_keys(qtbot, "10.15")
    press(qtbot, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert form.message() == "Opgeslagen."
    stored = db.execute(
        "SELECT planned_on, planned_time, kind, status FROM appointments WHERE client_id = ?",
        [zoe_id],
    ).fetchall()
    assert stored == [(today.isoformat(), "10:15", "kantoor", "gepland")]
    assert form.planned.text().startswith("Geplande afspraak:")

    assert _nav_text(window) == f"Vandaag ({before + 1})"
    qtbot.keyClick(window, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
    assert window.current_page() == main_window.Page.WORKLIST
    (line,) = [i for i in page.lines(Section.TODAY) if i.client_id == zoe_id]
    assert (line.time, line.name) == ("10:15", "Zoë Ünal")


@pytest.mark.parametrize(
    ("kind", "form"),
    [
        (ItemKind.APPOINTMENT, "contact_form"),
        (ItemKind.ACTION, "action_form"),
        (ItemKind.MEASUREMENT, "trede_form"),
        (ItemKind.CONTACT, "contact_form"),
    ],
)
def test_enter_opens_the_client_on_the_right_form(qtbot, window, kind, form) -> None:
    page = _worklist(window)
    page.mine.setChecked(False)  # everyone's clients: every kind of line is there
    chosen = _go_to(qtbot, page, lambda item: item.kind is kind)
    press(qtbot, Qt.Key.Key_Return)
    assert window.current_page() == main_window.Page.CASELOAD
    view = window.pages.currentWidget().client_view
    assert view.client_id() == chosen.client_id
    assert view.tabs.currentWidget() is getattr(view, form)
    assert view.isAncestorOf(QApplication.focusWidget())
    if kind is ItemKind.ACTION:
        assert view.action_form.which.currentData() == chosen.item_id
        assert "klaar moeten zijn" in view.action_form.overdue.text()


def _followup(db, client_id: int, due: dt.date) -> int:  # noqa: ANN001 - a test
    clients.close(
        db, client_id, on=due - dt.timedelta(days=183), reason="uitstroom_werk", actor="t"
    )
    with db.atomic():
        outflow = db["outflows"].insert({"client_id": client_id, "closed_on": due.isoformat()})
        made = db["followups"].insert(
            {"client_id": client_id, "outflow_id": outflow.last_pk, "due_on": due.isoformat()}
        )
    return int(made.last_pk)


def test_the_six_month_follow_up_is_answered_and_leaves_the_list(
    qtbot, app_context, day_context
) -> None:
    db, zoe_id = day_context.db, day_context.zoe_id
    db.execute("UPDATE clients SET guidance_start = '2025-01-01' WHERE id = ?", [zoe_id])
    ident = _followup(db, zoe_id, dt.date.today() - dt.timedelta(days=1))
    window = main_window.MainWindow(day_context)
    qtbot.addWidget(window)
    show_active(qtbot, window)
    page = _worklist(window)
    before = worklist.count(db, page.scope())
    # The demo's own follow-ups of the user's clients are listed too; Zoë's is among them.
    others = [i.item_id for i in page.lines(Section.FOLLOWUP) if i.item_id != ident]
    assert ident in [i.item_id for i in page.lines(Section.FOLLOWUP)]

    _go_to(qtbot, page, lambda item: item.kind is ItemKind.FOLLOWUP and item.item_id == ident)
    press(qtbot, Qt.Key.Key_Return)
    dialog = page.followup_dialog
    assert dialog is not None and dialog.isVisible()
    qtbot.waitUntil(dialog.isActiveWindow)
    assert "Zoë Ünal" in dialog.findChildren(type(page.hint))[0].text()
    assert clashes_now(dialog, "follow-up") == []
    press(qtbot, Qt.Key.Key_T, Qt.KeyboardModifier.AltModifier)
    assert QApplication.focusWidget() is dialog.note
    type_keys(qtbot, "Nog bij dezelfde werkgever")
    press(qtbot, Qt.Key.Key_J, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: not dialog.isVisible())

    stored = followups.get(db, ident)
    assert (stored.still_working, stored.answered_on, stored.note) == (
        True,
        dt.date.today(),
        "Nog bij dezelfde werkgever",
    )
    assert [i.item_id for i in page.lines(Section.FOLLOWUP)] == others
    assert _nav_text(window) == (f"Vandaag ({before - 1})" if before > 1 else "Vandaag")
    logged = db.execute(
        "SELECT count(*) FROM audit_log WHERE action = 'followup.answer' AND object LIKE ?",
        [f"client:{zoe_id}/followup:{ident}"],
    ).fetchone()[0]
    assert logged == 1


@pytest.mark.parametrize("language", ["nl", "en"])
def test_the_follow_up_question_has_no_clashing_keys(qtbot, day_context, language) -> None:
    from resources import i18n
    from ui import changes
    from ui.worklist.followup_dialog import FollowupDialog

    i18n.set_language(language)
    item = worklist.Item(
        ItemKind.FOLLOWUP, day_context.zoe_id, "T-0001", "Zoë Ünal", "", dt.date.today(), "", 1
    )
    dialog = FollowupDialog(day_context, changes.ChangeBus(), item)
    qtbot.addWidget(dialog)
    dialog.show()
    assert clashes_now(dialog, f"{language}, follow-up") == []
    texts = {button.text() for button in (dialog.yes_button, dialog.no_button)}
    assert texts == (
        {"&Ja, werkt nog", "&Nee, werkt niet meer"}
        if language == "nl"
        else {"&Yes, still working", "&No, not working any more"}
    )


def test_esc_goes_back_to_where_the_client_was_opened(qtbot, window) -> None:
    """Opened from Vandaag: Esc is Vandaag, on the line that was opened. Opened from the
    caseload (or once the user went elsewhere): Esc is the caseload list, on that client."""
    page = _worklist(window)
    page.mine.setChecked(False)
    # Not the first line: coming back on the first line would prove nothing.
    lines = [i for items in page.current.sections.values() for i in items]
    wanted = next(i for i in lines[3:] if i.kind is ItemKind.APPOINTMENT)
    chosen = _go_to(qtbot, page, lambda item: item == wanted)
    press(qtbot, Qt.Key.Key_Return)
    assert window.current_page() == main_window.Page.CASELOAD
    caseload = window.pages.currentWidget()
    view = caseload.client_view
    assert view.client_id() == chosen.client_id
    assert view.back_button.text() == "Terug naar Vandaag (Esc)"
    press(qtbot, Qt.Key.Key_Escape)
    assert window.current_page() == main_window.Page.WORKLIST
    assert page.chosen() == chosen
    assert QApplication.focusWidget() is page.tree

    # Enter again, then Ctrl+1 and Ctrl+2 by hand: the client now belongs to the caseload.
    press(qtbot, Qt.Key.Key_Return)
    qtbot.keyClick(window, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(window, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    assert caseload.stack.currentWidget() is view
    assert view.back_button.text() == "Terug naar caseload (Esc)"
    view.tabs.setFocus()
    press(qtbot, Qt.Key.Key_Escape)
    assert window.current_page() == main_window.Page.CASELOAD
    assert caseload.stack.currentWidget() is caseload.list_page
    assert caseload.selected_client_id() == chosen.client_id

    # Opened from the caseload list: Esc is the list again.
    press(qtbot, Qt.Key.Key_Return)
    assert caseload.stack.currentWidget() is view
    press(qtbot, Qt.Key.Key_Escape)
    assert window.current_page() == main_window.Page.CASELOAD
    assert caseload.stack.currentWidget() is caseload.list_page
    assert caseload.selected_client_id() == chosen.client_id


def test_everyone_s_clients_stay_chosen_in_the_next_window(qtbot, window, day_context) -> None:
    """Saving the settings builds the pages again, and a start builds them anew: "Alleen mijn
    caseload" came back on each time, and the list showed one line instead of everyone's."""
    page = _worklist(window)
    _into_list(qtbot, page)
    press(qtbot, Qt.Key.Key_M, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: not page.mine.isChecked())
    everyone = {item.client_id for item in page.lines(Section.TODAY)}
    window.close()
    again = main_window.MainWindow(day_context)
    qtbot.addWidget(again)
    show_active(qtbot, again)
    page = _worklist(again)
    assert not page.mine.isChecked()
    assert {item.client_id for item in page.lines(Section.TODAY)} == everyone
    _into_list(qtbot, page)
    press(qtbot, Qt.Key.Key_M, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(page.mine.isChecked)
    again.close()
    third = main_window.MainWindow(day_context)
    qtbot.addWidget(third)
    assert _worklist(third).mine.isChecked()
