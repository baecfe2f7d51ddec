"""What a klantmanager met in the first hour, each driven as the user does it: the button, the
shortcut, the typed keys."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QFileDialog, QMessageBox

from app import settings
from caseload import clients, journal, model
from ui import changes
from ui.client.details_dialog import ClientDialog
from ui.client.view import ClientView
from ui.shell import main_window

from ..keyboard import press, type_keys
from .test_main_window import show_active, type_text

pytestmark = pytest.mark.qt_log_ignore(
    "does not support propagateSizeHints",
    "does not support grabbing the keyboard",
    "does not support raise",
)


def _shown(qtbot, widget):
    qtbot.addWidget(widget)
    show_active(qtbot, widget)
    return widget


def _through_welcome(qtbot, window: main_window.MainWindow) -> None:
    """Say who you are on the welcome page by keyboard, as on the very first start."""
    form = window.welcome.form
    qtbot.keyClicks(form.municipality, "Leiden")
    qtbot.keyClick(form.municipality, Qt.Key.Key_Tab)
    type_text(form.user_name, "Zoë")
    qtbot.keyClick(form.user_name, Qt.Key.Key_Return)


def test_gegevens_opvragen_button_asks_a_folder_and_writes_the_files(
    qtbot, app_context, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    added = clients.add(
        app_context.db, model.ClientDetails(reference="V-1", surname="Yilmaz"), actor="t"
    ).value
    journal.add_contact(app_context.db, added.id, kind="telefonisch", actor="t")
    view = _shown(qtbot, ClientView(app_context, changes.ChangeBus()))
    view.open_client(added.id)
    folder = tmp_path / "inzage"
    folder.mkdir()
    asked: list[str] = []

    def choose_folder(parent, caption, *args, **kwargs) -> str:  # the system dialog's answer
        asked.append(caption)
        return str(folder)

    monkeypatch.setattr(QFileDialog, "getExistingDirectory", staticmethod(choose_folder))
    assert view.access_button.accessibleName() == "Gegevens opvragen…"
    qtbot.mouseClick(view.access_button, Qt.MouseButton.LeftButton)

    assert asked, "pressing the button asks where to save"
    written = sorted(path.suffix for path in folder.rglob("*") if path.is_file())
    assert written == [".json", ".pdf"]
    data = json.loads(next(folder.rglob("*.json")).read_text(encoding="utf-8"))
    assert data["tables"]["clients"]["rows"][0]["surname"] == "Yilmaz"
    assert view.access_message is not None and view.access_message.isVisible()
    view.access_message.close()


def test_new_client_with_an_expected_trede_is_saved(qtbot, app_context) -> None:
    dialog = _shown(qtbot, ClientDialog(app_context, changes.ChangeBus()))
    qtbot.keyClicks(dialog.reference, "K-7")
    dialog.expected_trede.setFocus()
    for _step in range(3):  # Geen → 1 → 2 → 3
        press(qtbot, Qt.Key.Key_Down)
    assert dialog.expected_trede.currentText().startswith("3")
    qtbot.mouseClick(
        dialog.buttons.button(QDialogButtonBox.StandardButton.Save), Qt.MouseButton.LeftButton
    )
    assert dialog.error_text("expected_trede") == ""
    assert not dialog.isVisible()
    assert clients.find(app_context.db, "K-7").expected_trede == 3


def test_page_shortcuts_work_in_the_first_session_after_the_welcome_page(
    qtbot, db, app_paths
) -> None:
    from app import context

    first = context.AppContext(db=db, paths=app_paths, settings=settings.load(app_paths.settings))
    window = _shown(qtbot, main_window.MainWindow(first))
    _through_welcome(qtbot, window)
    assert window.current_page() == main_window.Page.CASELOAD

    for key, page in (
        (Qt.Key.Key_4, main_window.Page.REPORTS),
        (Qt.Key.Key_3, main_window.Page.QUICKSCAN),
        (Qt.Key.Key_5, main_window.Page.SETTINGS),
        (Qt.Key.Key_1, main_window.Page.WORKLIST),
        (Qt.Key.Key_2, main_window.Page.CASELOAD),
    ):
        qtbot.keyClick(window, key, Qt.KeyboardModifier.ControlModifier)
        assert window.current_page() == page
    shortcuts = [action.shortcut().toString() for action in window.actions()]
    assert len(shortcuts) == len(set(shortcuts)), "no shortcut is defined twice"


def test_an_optional_date_is_typed_as_digits_and_kept_after_tab(qtbot, app_context) -> None:
    dialog = _shown(qtbot, ClientDialog(app_context, changes.ChangeBus()))
    dialog.birth_date.setFocus()
    assert dialog.birth_date.value() is None
    type_keys(qtbot, "15121985")
    press(qtbot, Qt.Key.Key_Tab)
    assert dialog.birth_date.value() == dt.date(1985, 12, 15)
    assert dialog.birth_date.text() == "15-12-1985"
    assert QApplication.focusWidget() is not dialog.birth_date


def test_a_filled_date_selected_whole_is_replaced_by_typed_digits(qtbot, app_context) -> None:
    """Ctrl+A in a date that holds a day, then the new day typed: the field takes it (Qt on
    its own refused the first digit as a whole date and kept the old one)."""
    dialog = _shown(qtbot, ClientDialog(app_context, changes.ChangeBus()))
    field = dialog.guidance_start
    field.setFocus()
    qtbot.waitUntil(field.hasFocus)
    press(qtbot, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    assert field.lineEdit().selectedText() == field.text()
    type_keys(qtbot, "01022026")
    press(qtbot, Qt.Key.Key_Tab)
    assert field.value() == dt.date(2026, 2, 1)


@pytest.mark.parametrize(
    ("key", "modifier"),
    [
        (Qt.Key.Key_F4, Qt.KeyboardModifier.NoModifier),
        (Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier),
    ],
)
def test_f4_and_alt_down_open_the_calendar_of_a_date_field(
    qtbot, app_context, key: Qt.Key, modifier: Qt.KeyboardModifier
) -> None:
    dialog = _shown(qtbot, ClientDialog(app_context, changes.ChangeBus()))
    field = dialog.birth_date
    field.setFocus()
    press(qtbot, key, modifier)
    calendar = field.calendarWidget()
    assert calendar.isVisible(), "the calendar opened"
    chosen = calendar.selectedDate()
    press(qtbot, Qt.Key.Key_Left)  # the day before
    press(qtbot, Qt.Key.Key_Return)
    assert not calendar.isVisible()
    expected = chosen.addDays(-1)
    assert field.value() == dt.date(expected.year(), expected.month(), expected.day())


def test_ctrl_enter_saves_a_new_client(qtbot, app_context) -> None:
    dialog = _shown(qtbot, ClientDialog(app_context, changes.ChangeBus()))
    assert QApplication.focusWidget() is dialog.reference
    type_keys(qtbot, "K-8")
    press(qtbot, Qt.Key.Key_Tab)
    type_keys(qtbot, "A.")
    press(qtbot, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert not dialog.isVisible()
    assert clients.find(app_context.db, "K-8").initials == "A."


def test_one_minute_is_one_minuut_not_1_minuten(qtbot, app_context) -> None:
    window = _shown(qtbot, main_window.MainWindow(app_context))
    qtbot.keyClick(window, Qt.Key.Key_5, Qt.KeyboardModifier.ControlModifier)
    spin = window.settings_page.lock_minutes
    spin.setFocus()
    press(qtbot, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    type_keys(qtbot, "1")
    assert spin.value() == 1 and spin.text() == "1 minuut"
    press(qtbot, Qt.Key.Key_Up)
    assert spin.text() == "2 minuten"


def test_the_logboek_speaks_words_not_codes(qtbot, app_context) -> None:
    from ui.security import audit_dialog

    added = clients.add(app_context.db, model.ClientDetails(reference="L-1"), actor="Sam").value
    journal.add_contact(app_context.db, added.id, kind="telefonisch", actor="Sam")
    dialog = _shown(qtbot, audit_dialog.AuditDialog(app_context.db))
    shown = [
        (
            dialog.model.index(row, audit_dialog.Column.ACTION).data(),
            dialog.model.index(row, audit_dialog.Column.OBJECT).data(),
        )
        for row in range(dialog.model.rowCount())
    ]
    assert ("Contact vastgelegd", f"klant {added.id}, contact 1") in shown
    assert ("Klant toegevoegd", f"klant {added.id}") in shown
    assert not any("." in action or ":" in obj for action, obj in shown)


def test_file_dialogs_start_in_documents_then_where_the_user_went_last(
    qtbot, app_context, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    added = clients.add(app_context.db, model.ClientDetails(reference="F-1"), actor="t").value
    chosen = tmp_path / "dossiers"
    chosen.mkdir()
    starts: list[str] = []

    def choose_folder(parent, caption, start, *args, **kwargs) -> str:
        starts.append(start)
        return str(chosen)

    monkeypatch.setattr(QFileDialog, "getExistingDirectory", staticmethod(choose_folder))
    for _restart in range(2):  # a new view reads the same window.ini, as after a restart
        view = _shown(qtbot, ClientView(app_context, changes.ChangeBus()))
        view.open_client(added.id)
        qtbot.mouseClick(view.access_button, Qt.MouseButton.LeftButton)
        view.access_message.close()
    first = Path(starts[0])
    assert first != Path.cwd(), "not the program's own folder"
    assert first in (Path.home(), Path.home() / "Documents") or first.name == "Documents"
    assert Path(starts[1]) == chosen, "the next dialog opens where the user went last"


def test_instellingen_shows_what_the_welcome_page_stored(qtbot, db, app_paths) -> None:
    from app import context

    first = context.AppContext(db=db, paths=app_paths, settings=settings.load(app_paths.settings))
    window = _shown(qtbot, main_window.MainWindow(first))
    _through_welcome(qtbot, window)
    qtbot.keyClick(window, Qt.Key.Key_5, Qt.KeyboardModifier.ControlModifier)
    assert window.current_page() == main_window.Page.SETTINGS
    shown = window.settings_page.profile
    assert (shown.municipality.text(), shown.user_name.text()) == ("Leiden", "Zoë")


def test_saving_over_the_database_is_refused_in_the_window(
    qtbot, app_context, monkeypatch: pytest.MonkeyPatch
) -> None:
    from caseload import demo
    from ui.caseload.page import CaseloadPage

    demo.fill(app_context.db, 20, seed=4)
    page = _shown(qtbot, CaseloadPage(app_context, changes.ChangeBus()))
    database = app_context.paths.database
    warnings: list[str] = []
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *args, **kwargs: (str(database), ""))
    monkeypatch.setattr(QMessageBox, "warning", lambda *args: warnings.append(args[2]))
    qtbot.mouseClick(page.export_button, Qt.MouseButton.LeftButton)
    assert warnings and "is de database zelf" in warnings[0]
    assert app_context.db["clients"].count == 20, "the database is still there, whole"


@pytest.mark.parametrize("passphrase", [None, "paars-konijn-fietst-42"])
def test_saving_over_another_database_is_refused_in_the_window(
    qtbot, app_context, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, passphrase: str | None
) -> None:
    """A colleague's database, plain or encrypted, is never replaced by an export."""
    from app import database
    from caseload import demo
    from ui.caseload.page import CaseloadPage

    other = tmp_path / "collega.db"
    colleague = database.open_database(other, passphrase)
    demo.fill(colleague, 3, seed=2)
    database.close(colleague)
    before = other.read_bytes()
    demo.fill(app_context.db, 5, seed=4)
    page = _shown(qtbot, CaseloadPage(app_context, changes.ChangeBus()))
    warnings: list[str] = []
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *args, **kwargs: (str(other), ""))
    monkeypatch.setattr(QMessageBox, "warning", lambda *args: warnings.append(args[2]))
    qtbot.mouseClick(page.export_button, Qt.MouseButton.LeftButton)
    expected = "lijkt een versleutelde database te zijn" if passphrase else "is een database."
    assert warnings and expected in warnings[0]
    assert other.read_bytes() == before
