"""Filling in a quickscan by keyboard alone: every answer is stored as it is given, a draft
survives a crash, and completing shows the result with its chart."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox, QRadioButton

from app import context, database
from quickscan import store
from ui import changes
from ui.quickscan import page as quickscan_page
from ui.quickscan.question import QuestionBox

from ..keyboard import press, type_text
from ..shell.test_main_window import show_active


def focused_box() -> QuestionBox:
    """The question that holds the keyboard focus."""
    widget = QApplication.focusWidget()
    while widget is not None and not isinstance(widget, QuestionBox):
        widget = widget.parentWidget()
    assert widget is not None, f"the focus is not on a question but on {QApplication.focusWidget()}"
    return widget


def stored(app_context, response_id: int) -> dict[str, tuple[int | None, str | None]]:
    """The answers as another connection sees them: only what was committed."""
    other = database.open_database(app_context.paths.database)
    try:
        return {q: (a.value, a.comment) for q, a in store.answers(other, response_id).items()}
    finally:
        other.close()


@pytest.fixture
def page(qtbot, app_context) -> quickscan_page.QuickscanPage:
    """The Quickscan page, shown and active so keys and shortcuts reach it."""
    widget = quickscan_page.create(app_context, changes.ChangeBus())
    qtbot.addWidget(widget)
    widget.setMinimumSize(1000, 700)  # as inside the main window: the page never resizes it
    show_active(qtbot, widget)
    return widget


def start_as_manager(qtbot, page) -> int:
    """Choose the role 'Manager' and start the scan, by keyboard; return the new scan's id."""
    page.start.role.setFocus()
    press(qtbot, Qt.Key.Key_Down)
    press(qtbot, Qt.Key.Key_Down)
    assert page.start.role.currentText() == "Manager"
    press(qtbot, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is page.start.respondent
    press(qtbot, Qt.Key.Key_Return)
    assert page.scan.currentWidget() is page.fill
    (draft,) = store.drafts(page.context.db)
    assert (draft.role, draft.respondent, draft.team) == ("manager", "Zoë de Vries", "Team Noord")
    return draft.id


def test_a_scan_by_keyboard_is_stored_key_by_key_and_survives_a_crash(
    qtbot, page, app_context, monkeypatch
) -> None:
    warnings: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *args: warnings.append(args[2]))
    response_id = start_as_manager(qtbot, page)
    fill = page.fill
    assert fill.progress.text() == "Thema 1 van 8"
    assert fill.heading.text() == "Visie en beleid"
    first = focused_box()
    assert first.question.id == fill.theme_boxes(0)[0].question.id
    assert stored(app_context, response_id) == {}

    press(qtbot, Qt.Key.Key_4)
    assert first.buttons[3].isChecked()
    assert stored(app_context, response_id) == {first.question.id: (4, None)}

    press(qtbot, Qt.Key.Key_Down)
    second = focused_box()
    assert second is not first
    press(qtbot, Qt.Key.Key_2)
    press(qtbot, Qt.Key.Key_Right)  # arrows move to the next option and choose it
    assert stored(app_context, response_id)[second.question.id] == (3, None)

    press(qtbot, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is second.comment
    type_text(second.comment, "Zoë: dit gaat per team anders")
    press(qtbot, Qt.Key.Key_Tab)  # leaving the field saves the comment
    assert stored(app_context, response_id)[second.question.id] == (
        3,
        "Zoë: dit gaat per team anders",
    )

    third = focused_box()
    assert third is fill.theme_boxes(0)[2]
    press(qtbot, Qt.Key.Key_W)
    assert third.buttons[-1].isChecked() and third.buttons[-1].text() == "Weet niet"
    assert stored(app_context, response_id)[third.question.id] == (None, None)

    press(qtbot, Qt.Key.Key_PageDown)
    assert fill.progress.text() == "Thema 2 van 8"
    press(qtbot, Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)
    assert fill.progress.text() == "Thema 1 van 8"
    press(qtbot, Qt.Key.Key_Right, Qt.KeyboardModifier.AltModifier)
    assert fill.heading.text() == "Bereik en eerste contact"
    fourth = focused_box()
    press(qtbot, Qt.Key.Key_1)
    assert stored(app_context, response_id)[fourth.question.id] == (1, None)
    assert fill.answered.text() == "4 van 40 vragen beantwoord"
    assert warnings == []

    # The app is killed: the page goes away without completing; a new start opens a new
    # connection to the same file.
    page.close()
    again_db = database.open_database(app_context.paths.database)
    try:
        again = context.AppContext(again_db, app_context.paths, app_context.settings)
        resumed = quickscan_page.create(again, changes.ChangeBus())
        qtbot.addWidget(resumed)
        resumed.setMinimumSize(1000, 700)
        show_active(qtbot, resumed)
        drafts = resumed.start.drafts
        assert drafts.isVisible() and drafts.count() == 1
        assert "Manager" in drafts.item(0).text()
        assert "4 van 40 vragen beantwoord" in drafts.item(0).text()

        drafts.setFocus()
        press(qtbot, Qt.Key.Key_Return)
        fill = resumed.fill
        assert resumed.scan.currentWidget() is fill
        boxes = fill.boxes
        assert boxes[first.question.id].buttons[3].isChecked()
        assert boxes[second.question.id].buttons[2].isChecked()
        assert boxes[second.question.id].comment.text() == "Zoë: dit gaat per team anders"
        assert boxes[third.question.id].value() is None and boxes[third.question.id].answered
        assert boxes[fourth.question.id].buttons[0].isChecked()
        # It goes on at the first question without an answer.
        assert focused_box() is fill.theme_boxes(0)[3]
        assert fill.progress.text() == "Thema 1 van 8"

        # Completing too early says how many are open and goes to the first one.
        with qtbot.waitSignal(fill.finish.clicked):
            press(qtbot, Qt.Key.Key_A, Qt.KeyboardModifier.AltModifier)
        assert fill.message.isVisible()
        assert "Nog 36 vragen hebben geen antwoord" in fill.message.text()
        assert focused_box() is fill.theme_boxes(0)[3]
        assert not store.get_response(again_db, response_id).is_complete

        answer_the_rest(qtbot, fill)
        assert len(stored(app_context, response_id)) == 40
        with qtbot.waitSignal(fill.finish.clicked):
            press(qtbot, Qt.Key.Key_A, Qt.KeyboardModifier.AltModifier)
        assert store.get_response(again_db, response_id).is_complete
        result = resumed.result
        assert resumed.scan.currentWidget() is result
        assert result.overall.text().startswith("Totaalscore: ")
        bars = result.chart.bars()
        assert [bar.label for bar in bars][:2] == ["Visie en beleid", "Bereik en eerste contact"]
        assert len(bars) == 8
        assert "Eerst aanpakken:" in result.priorities.text()
        assert "Bron:" in result.advice.toPlainText()
        assert warnings == []
    finally:
        again_db.close()


def answer_the_rest(qtbot, fill) -> None:
    """Answer every open question with '2' (on every scale), moving on by keyboard."""
    for _step in range(200):
        if len(fill.answers) == len(fill.boxes):
            return
        box = focused_box()
        if not box.answered:
            press(qtbot, Qt.Key.Key_2)
        press(qtbot, Qt.Key.Key_Down)
        if focused_box() is box:
            press(qtbot, Qt.Key.Key_PageDown)
    raise AssertionError("the keyboard did not reach every question")


def test_a_comment_before_an_answer_waits_for_the_answer(qtbot, page, app_context) -> None:
    response_id = start_as_manager(qtbot, page)
    box = focused_box()
    press(qtbot, Qt.Key.Key_Tab)
    qtbot.keyClicks(box.comment, "eerst dit")
    press(qtbot, Qt.Key.Key_Return)
    assert stored(app_context, response_id) == {}, "no 'weet niet' is stored for a comment alone"
    assert box.note.isVisible()
    box.focus_answer()
    press(qtbot, Qt.Key.Key_2)
    assert stored(app_context, response_id) == {box.question.id: (2, "eerst dit")}
    assert not box.note.isVisible()


def test_a_refused_answer_keeps_the_old_value_and_says_why(
    qtbot, page, app_context, monkeypatch
) -> None:
    warnings: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *args: warnings.append(args[2]))
    response_id = start_as_manager(qtbot, page)
    box = focused_box()
    press(qtbot, Qt.Key.Key_4)
    # Meanwhile the scan is deleted elsewhere (another window, the command line).
    other = database.open_database(app_context.paths.database)
    store.delete_response(other, response_id, actor="test")
    other.close()
    press(qtbot, Qt.Key.Key_1)
    assert warnings and "Er is geen scan met nummer" in warnings[0]
    assert box.buttons[3].isChecked() and not box.buttons[0].isChecked()


def test_deleting_a_draft_asks_first(qtbot, page, monkeypatch) -> None:
    start_as_manager(qtbot, page)
    page.fill.later.click()
    start = page.start
    assert start.drafts.count() == 1
    monkeypatch.setattr(QMessageBox, "question", lambda *args: QMessageBox.StandardButton.No)
    start.drafts.setFocus()
    press(qtbot, Qt.Key.Key_Delete)
    assert start.drafts.count() == 1
    monkeypatch.setattr(QMessageBox, "question", lambda *args: QMessageBox.StandardButton.Yes)
    press(qtbot, Qt.Key.Key_Delete)
    assert store.drafts(page.context.db) == []
    assert not start.drafts.isVisible() and start.no_drafts.isVisible()


def test_options_are_radio_buttons_named_as_shown(qtbot, page) -> None:
    start_as_manager(qtbot, page)
    box = focused_box()
    labels = [button.text() for button in box.findChildren(QRadioButton)]
    # The first question asks for agreement; a yes/no question shows only its own options.
    assert labels == ["Helemaal oneens", "Oneens", "Eens", "Helemaal eens", "Weet niet"]
    assert all(b.accessibleName() == b.text() for b in box.buttons)
    assert box.comment.accessibleName() == "Opmerking bij vraag 1"


def test_shift_tab_from_a_comment_goes_back_to_the_chosen_option(qtbot, page) -> None:
    start_as_manager(qtbot, page)
    box = focused_box()
    press(qtbot, Qt.Key.Key_2)
    press(qtbot, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is box.comment
    press(qtbot, Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)
    assert QApplication.focusWidget() is box.buttons[1]
