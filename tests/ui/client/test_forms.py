"""Refusals in the client forms show under the field, put the cursor there and store nothing."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QMessageBox

from caseload import client_file, clients, journal, model
from ui import changes
from ui.client.details_dialog import ClientDialog
from ui.client.view import ClientView

from ..shell.test_main_window import show_active

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


def _count(db) -> int:
    return db["clients"].count


def test_bsn_field_only_when_switched_on(qtbot, app_context) -> None:
    assert _dialog(qtbot, app_context).bsn is None
    app_context.update_settings(bsn_enabled=True)
    assert _dialog(qtbot, app_context).bsn is not None


def test_invalid_bsn_is_refused_under_the_field(qtbot, app_context) -> None:
    app_context.update_settings(bsn_enabled=True)
    dialog = _dialog(qtbot, app_context)
    qtbot.keyClicks(dialog.reference, "K-1")
    qtbot.keyClicks(dialog.bsn, "123456789")
    _save(qtbot, dialog)
    assert "11-proef" in dialog.error_text("bsn")
    assert dialog.focusWidget() is dialog.bsn
    assert dialog.isVisible()
    assert _count(app_context.db) == 0

    dialog.bsn.setText("111222333")  # passes the 11-proef
    _save(qtbot, dialog)
    assert not dialog.isVisible()
    assert clients.find(app_context.db, "K-1").bsn == "111222333"


def test_duplicate_reference_is_refused(qtbot, app_context) -> None:
    clients.add(app_context.db, model.ClientDetails(reference="K-1"), actor="t")
    dialog = _dialog(qtbot, app_context)
    qtbot.keyClicks(dialog.reference, "K-1")
    qtbot.keyClicks(dialog.surname, "Jansen")
    _save(qtbot, dialog)
    assert "al een klant met klantnummer K-1" in dialog.error_text("reference")
    assert dialog.focusWidget() is dialog.reference
    assert _count(app_context.db) == 1


def test_missing_reference_is_refused(qtbot, app_context) -> None:
    dialog = _dialog(qtbot, app_context)
    qtbot.keyClicks(dialog.surname, "Jansen")
    _save(qtbot, dialog)
    assert dialog.error_text("reference") == "Vul klantnummer in."
    assert _count(app_context.db) == 0


def test_birth_date_in_the_future_is_refused(qtbot, app_context) -> None:
    dialog = _dialog(qtbot, app_context)
    qtbot.keyClicks(dialog.reference, "K-2")
    dialog.birth_date.set_value(dt.date.today() + dt.timedelta(days=3))
    _save(qtbot, dialog)
    assert "toekomst" in dialog.error_text("birth_date")
    assert dialog.focusWidget() is dialog.birth_date
    assert "Niet opgeslagen" in dialog.form.message.text()
    assert _count(app_context.db) == 0


def test_optional_dates_stay_empty_and_delete_empties_them(qtbot, app_context) -> None:
    dialog = _dialog(qtbot, app_context)
    assert dialog.birth_date.value() is None
    assert dialog.birth_date.text() == "geen datum"
    assert dialog.guidance_start.value() == dt.date.today()
    dialog.guidance_start.setFocus()
    qtbot.keyClick(dialog.guidance_start, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(dialog.guidance_start, Qt.Key.Key_Delete)
    assert dialog.guidance_start.value() is None
    qtbot.keyClicks(dialog.reference, "K-3")
    _save(qtbot, dialog)
    stored = clients.find(app_context.db, "K-3")
    assert (stored.birth_date, stored.guidance_start) == (None, None)


def test_origin_fields_only_when_switched_on_with_the_purpose(qtbot, app_context) -> None:
    assert _dialog(qtbot, app_context).origin_group is None
    app_context.update_settings(origin_enabled=True, origin_purpose="Monitor gelijke kansen")
    dialog = _dialog(qtbot, app_context)
    assert dialog.origin_group is not None
    assert (
        "Monitor gelijke kansen"
        in dialog.origin_group.findChildren(type(dialog.form.message))[0].text()
    )
    qtbot.keyClicks(dialog.reference, "K-4")
    dialog.origin_continent.setCurrentIndex(dialog.origin_continent.findData("afrika"))
    _save(qtbot, dialog)
    assert clients.find(app_context.db, "K-4").origin_continent == "afrika"


def test_edit_keeps_fields_and_changes_the_name(qtbot, app_context) -> None:
    added = clients.add(
        app_context.db,
        model.ClientDetails(reference="K-5", first_name="Sara", language_speaking="A2"),
        actor="t",
    ).value
    dialog = _dialog(qtbot, app_context, added)
    assert dialog.reference.text() == "K-5"
    assert dialog.language_levels["language_speaking"].currentData() == "A2"
    dialog.first_name.setText("Sarah")
    _save(qtbot, dialog)
    again = clients.get(app_context.db, added.id)
    assert (again.first_name, again.language_speaking) == ("Sarah", "A2")


@pytest.fixture
def view(qtbot, app_context):
    """The client view on one new client."""
    added = clients.add(app_context.db, model.ClientDetails(reference="V-1"), actor="t").value
    client_view = ClientView(app_context, changes.ChangeBus())
    qtbot.addWidget(client_view)
    client_view.open_client(added.id)
    return client_view


def test_contact_in_the_future_is_refused_in_the_form(view, app_context) -> None:
    form = view.contact_form
    form.contact_on.set_value(dt.date.today() + dt.timedelta(days=1))
    form.summary.setPlainText("Gesprek")
    assert not form.save()
    assert "toekomst" in form.form.error_text("contact_on")
    assert form.summary.toPlainText() == "Gesprek", "the typed text stays"
    assert client_file.load(app_context.db, view.client_id()).contacts == ()


def test_trede_definitions_are_visible_and_questions_suggest(view) -> None:
    form = view.trede_form
    texts = [button.text() for button in form.trede.group.buttons()]
    assert texts[0] == "1. Geïsoleerd" and len(texts) == 6
    form.questions["organised_activity_weekly"].setChecked(True)
    assert form.trede.value() == 3
    assert form.suggestion.text().startswith(
        "Voorstel: 3. Deelname aan georganiseerde activiteiten. Elke week"
    )
    assert not form.questions["paid_work_with_support"].isEnabled()
    assert not form.questions["unpaid_work_in_person"].isEnabled()
    form.questions["unpaid_work_weekly"].setChecked(True)
    assert form.trede.value() == 3, "volunteering not yet known to be in person"
    form.questions["unpaid_work_in_person"].setChecked(True)
    assert form.trede.value() == 4


def test_growth_potential_is_saved_with_the_measurement(qtbot, view, app_context) -> None:
    form = view.trede_form
    view.tabs.setCurrentWidget(form)
    view.show()
    qtbot.waitExposed(view)
    form.questions["social_contact_weekly"].setChecked(True)
    assert form.trede.value() == 2
    box = form.growth["unpaid_work"]
    form.ensureWidgetVisible(box)
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton, pos=box.rect().center())
    assert form.expected.currentData() == 4
    assert form.save()
    steps = client_file.load(app_context.db, view.client_id()).ladder_steps
    assert [(s.trede, s.expected_trede) for s in steps] == [(2, 4)]
    model = view.timeline_model
    lines = [
        model.index(row, column).data()
        for row in range(model.rowCount())
        for column in range(model.columnCount())
    ]
    assert any("(verwacht: trede 4)" in str(line) for line in lines)


def test_unticking_the_growth_answers_takes_back_their_expected_trede(
    qtbot, view, app_context
) -> None:
    form = view.trede_form
    view.tabs.setCurrentWidget(form)
    show_active(qtbot, view)
    contact = form.questions["social_contact_weekly"]
    qtbot.mouseClick(contact, Qt.MouseButton.LeftButton, pos=contact.rect().center())
    assert form.trede.value() == 2
    box = form.growth["unpaid_work"]
    form.ensureWidgetVisible(box)
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton, pos=box.rect().center())
    assert form.expected.currentData() == 4
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton, pos=box.rect().center())
    assert form.expected.currentText() == "Niet ingeschat", "no answer, no expected trede"
    assert form.save()
    steps = client_file.load(app_context.db, view.client_id()).ladder_steps
    assert [s.expected_trede for s in steps] == [None]

    # One chosen by hand stays when the answers are taken back.
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton, pos=box.rect().center())
    form.expected.setFocus()
    qtbot.keyClick(form.expected, Qt.Key.Key_Down)
    chosen = form.expected.currentData()
    assert chosen == 5
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton, pos=box.rect().center())
    assert form.expected.currentData() == chosen


def test_barrier_status_change_is_kept_as_history(view, app_context) -> None:
    view.bus.perform(
        lambda: journal.add_barrier(
            app_context.db, view.client_id(), kind="schulden", severity=3, actor="t"
        ),
        view,
    )
    form = view.barrier_form
    assert form.which.count() == 2
    form.which.setCurrentIndex(1)
    assert not form.kind.isEnabled()
    assert form.severity.value() == 3
    form.status.setCurrentIndex(form.status.findData("opgelost"))
    assert form.save()
    file = client_file.load(app_context.db, view.client_id())
    assert [b.status for b in file.barriers] == ["opgelost"]
    assert [e.change for e in file.barrier_events] == ["opened", "status"]
    assert "0 open obstakels" in view.progress_label.text()


def type_date(qtbot, field, day: dt.date) -> None:  # noqa: ANN001 - a test
    """Into the date field as a user types: select it all, then the digits."""
    field.setFocus()
    qtbot.keyClick(field, "a", modifier=Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(field, day.strftime("%d%m%Y"))


def test_a_barrier_change_dated_before_the_barrier_began_is_refused(
    qtbot, view, app_context
) -> None:
    since = dt.date.today() - dt.timedelta(days=10)
    view.bus.perform(
        lambda: journal.add_barrier(
            app_context.db, view.client_id(), kind="taal", severity=3, since=since, actor="t"
        ),
        view,
    )
    show_active(qtbot, view)
    form = view.barrier_form
    view.tabs.setCurrentWidget(form)
    form.which.setCurrentIndex(1)
    form.status.setCurrentIndex(form.status.findData("opgelost"))
    type_date(qtbot, form.on, since - dt.timedelta(days=1))
    qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    assert "vóór" in form.form.error_text("since")
    assert "de dag dat dit obstakel begon" in form.form.error_text("since")
    file = client_file.load(app_context.db, view.client_id())
    assert [b.status for b in file.barriers] == ["open"], "nothing changed"
    assert [e.change for e in file.barrier_events] == ["opened"]

    type_date(qtbot, form.on, since)
    qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    file = client_file.load(app_context.db, view.client_id())
    assert [b.status for b in file.barriers] == ["opgelost"], "the day it began is allowed"


def test_overdue_action_is_flagged_and_can_be_finished(view, app_context) -> None:
    earlier = dt.date.today() - dt.timedelta(days=40)
    view.bus.perform(
        lambda: journal.add_action(
            app_context.db,
            view.client_id(),
            intervention="taalcursus",
            start_on=earlier,
            due_on=earlier + dt.timedelta(days=10),
            actor="t",
        ),
        view,
    )
    form = view.action_form
    assert "te laat" in form.which.itemText(1)
    assert "(1 te laat)" in view.progress_label.text()
    form.which.setCurrentIndex(1)
    assert "had klaar moeten zijn" in form.overdue.text()
    form.status.setCurrentIndex(form.status.findData("afgerond"))
    form.result.setPlainText("Examen A2 gehaald")
    assert form.save()
    (action,) = client_file.load(app_context.db, view.client_id()).actions
    assert (action.status, action.result) == ("afgerond", "Examen A2 gehaald")


def test_closed_case_can_be_reopened(view, app_context) -> None:
    form = view.close_form
    assert not form.save(), "no reason chosen"
    assert form.form.error_text("closing_reason") == "Vul reden van afsluiten in."
    assert clients.get(app_context.db, view.client_id()).is_active
    form.reason.setCurrentIndex(form.reason.findData("opleiding"))
    assert form.save()
    assert clients.get(app_context.db, view.client_id()).closing_reason == "opleiding"
    assert "Start opleiding" in form.closed_text.text()
    form.reopen()  # asks first
    assert not clients.get(app_context.db, view.client_id()).is_active
    form.confirm.button(QMessageBox.StandardButton.Cancel).click()
    assert not clients.get(app_context.db, view.client_id()).is_active
    form.reopen()
    next(b for b in form.confirm.buttons() if b.text() == "&Heropenen").click()
    assert clients.get(app_context.db, view.client_id()).is_active


def test_the_contact_form_says_notes_stay_internal_unless_shared(qtbot, view, app_context) -> None:
    form = view.contact_form
    view.tabs.setCurrentWidget(form)
    view.show()
    qtbot.waitExposed(view)
    assert not form.share.isChecked(), "off by default"
    assert form.share.text() == "&Delen met de klant"
    assert "blijft de samenvatting intern" in form.share_note.text()
    form.summary.setPlainText("Klant was niet thuis")
    assert form.save()
    form.summary.setPlainText("Samen het cv gemaakt")
    form.share.setFocus()  # Tab from the summary lands here
    qtbot.keyClick(form.share, Qt.Key.Key_Space)
    assert form.share.isChecked()
    assert form.save()
    contacts = client_file.load(app_context.db, view.client_id()).contacts
    assert [(c.summary, c.share_with_client) for c in contacts] == [
        ("Klant was niet thuis", False),
        ("Samen het cv gemaakt", True),
    ]
    assert not form.share.isChecked(), "the next contact starts internal again"
    model = view.timeline_model
    lines = [
        model.index(row, column).data()
        for row in range(model.rowCount())
        for column in range(model.columnCount())
    ]
    assert any("gedeeld met de klant: Samen het cv gemaakt" in str(line) for line in lines)
    assert not any("gedeeld met de klant: Klant was niet thuis" in str(line) for line in lines)


def test_a_refused_action_date_is_named_as_its_field_is_labelled(qtbot, view, app_context) -> None:
    """Before: "Einddatum klopt niet" stood under a field labelled "Klaar op"."""
    show_active(qtbot, view)
    qtbot.keyClick(view, Qt.Key.Key_A, Qt.KeyboardModifier.AltModifier)  # the Actie tab
    form = view.action_form
    qtbot.waitUntil(lambda: view.tabs.currentWidget() is form)
    form.goal.setFocus()
    qtbot.keyClicks(form.goal, "Taalcursus A2")
    qtbot.mouseClick(form.due_on, Qt.MouseButton.LeftButton)
    qtbot.keyClick(form.due_on, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    earlier = dt.date.today() - dt.timedelta(days=3)
    qtbot.keyClicks(form.due_on, earlier.strftime("%d%m%Y"))
    qtbot.keyClick(view, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    message = form.form.error_text("due_on")
    label = form.form.labelForField(form.due_on).text().rstrip(":").replace("&", "")
    assert message.startswith(label + " klopt niet"), (label, message)
    assert "startdatum" in message
    start = form.form.labelForField(form.start_on).text().rstrip(":").replace("&", "")
    assert start.lower() == "startdatum"
    assert client_file.load(app_context.db, view.client_id()).actions == ()


def test_a_follow_up_question_is_greyed_until_its_lead_is_ticked(qtbot, view) -> None:
    """Before: its box could not be ticked, but its text looked like any open question."""
    from PySide6.QtWidgets import QLabel

    from caseload import ladder

    show_active(qtbot, view)
    qtbot.keyClick(view, Qt.Key.Key_R, Qt.KeyboardModifier.AltModifier)  # the Trede tab
    form = view.trede_form
    follow_up = next(question for question in ladder.QUESTIONS if question.depends_on)
    box = form.questions[follow_up.field]
    lead = form.questions[follow_up.depends_on]
    text = next(
        label
        for label in form.findChildren(QLabel)
        if label.buddy() is box and label.text() == follow_up.text
    )
    assert not box.isEnabled() and not text.isEnabled()
    assert text.palette().color(text.foregroundRole()) != view.palette().color(
        text.foregroundRole()
    )
    qtbot.mouseClick(lead, Qt.MouseButton.LeftButton)
    assert box.isEnabled() and text.isEnabled()
    qtbot.mouseClick(lead, Qt.MouseButton.LeftButton)
    assert not text.isEnabled()


@pytest.mark.parametrize("time", ["", "09:30"])
def test_an_appointment_is_written_without_a_gap_for_a_missing_time(
    qtbot, view, app_context, time: str
) -> None:
    """Before: "Geplande afspraak: 12 dec 2026 , Gesprek op kantoor." for one without a time."""
    from caseload import planning
    from resources import i18n

    day = dt.date.today() + dt.timedelta(days=7)
    view.bus.perform(
        lambda: planning.plan_appointment(
            app_context.db,
            view.client_id(),
            planned_on=day,
            kind="kantoor",
            planned_time=time,
            actor="t",
        ),
        view,
    )
    when = f"{i18n.date_text(day)} {time}".strip()
    assert view.contact_form.planned.text() == (f"Geplande afspraak: {when}, Gesprek op kantoor.")
    show_active(qtbot, view)
    qtbot.keyClick(view, Qt.Key.Key_P, Qt.KeyboardModifier.AltModifier)  # the Planning tab
    line = view.planning_form.appointment_list.currentItem().text()
    assert line == f"{when} Gesprek op kantoor: Gepland"


def test_two_barriers_of_one_kind_can_be_told_apart(qtbot, view, app_context) -> None:
    """Before: both read "Taal — ernst 2 (Matig), open" in the list of barriers."""
    from resources import i18n

    days = (dt.date.today() - dt.timedelta(days=200), dt.date.today() - dt.timedelta(days=20))
    for since in days:
        view.bus.perform(
            lambda since=since: journal.add_barrier(
                app_context.db, view.client_id(), kind="taal", severity=2, since=since, actor="t"
            ),
            view,
        )
    show_active(qtbot, view)
    qtbot.keyClick(view, Qt.Key.Key_O, Qt.KeyboardModifier.AltModifier)  # the Obstakel tab
    which = view.barrier_form.which
    lines = [which.itemText(index) for index in range(1, which.count())]
    assert len(set(lines)) == 2
    for since in days:
        assert any(line.endswith(f"sinds {i18n.date_text(since)}") for line in lines), lines
