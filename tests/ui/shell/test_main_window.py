"""The main window by keyboard alone: welcome, every page, menus, language, remembered size."""

from __future__ import annotations

from dataclasses import replace

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QMessageBox,
    QTabWidget,
    QWidget,
)

from app import context, database, settings
from resources import i18n
from ui import accessibility
from ui.settings import backup_actions
from ui.shell import main_window

from ..keyboard import type_text


def interactive_widgets(root: QWidget) -> list[QWidget]:
    """Every widget a keyboard user can reach in this window."""
    found = []
    for widget in root.findChildren(QWidget):
        internal = widget.objectName().startswith("qt_")  # e.g. the line edit inside a spin box
        if (
            internal
            or widget.focusPolicy() == Qt.FocusPolicy.NoFocus
            or not widget.isVisibleTo(root)
        ):
            continue
        if isinstance(
            widget, QAbstractButton | QLineEdit | QComboBox | QAbstractSpinBox | QListWidget
        ):
            found.append(widget)
    return found


def visible_label(widget: QWidget, root: QWidget) -> str | None:
    """The text the user sees for a widget: its own text or the label that is its buddy."""
    if isinstance(widget, QAbstractButton) and widget.text():
        return accessibility.plain(widget.text())

    for label in root.findChildren(QLabel):
        if label.buddy() is widget:
            return accessibility.plain(label.text())
    return None


def show_active(qtbot, window: QWidget) -> None:
    """Show a window and make it the active one, so keyboard shortcuts reach it."""
    with qtbot.waitActive(window):
        window.show()
        window.activateWindow()


@pytest.fixture
def first_start(db, app_paths) -> context.AppContext:
    """A context as on the very first start: empty database, no settings yet."""
    return context.AppContext(db=db, paths=app_paths, settings=settings.load(app_paths.settings))


def test_first_start_asks_who_you_are_and_stores_it(qtbot, first_start) -> None:
    window = main_window.MainWindow(first_start)
    qtbot.addWidget(window)
    show_active(qtbot, window)
    assert window.root.currentWidget() is window.welcome
    assert not window.navigation.isEnabled()

    form = window.welcome.form
    assert window.focusWidget() is form.municipality
    qtbot.keyClick(form.municipality, Qt.Key.Key_Return)
    assert "gemeente" in form.message.text()
    assert not first_start.paths.settings.exists(), "nothing is stored while the form is incomplete"

    qtbot.keyClicks(form.municipality, "Leiden")
    qtbot.keyClick(form.municipality, Qt.Key.Key_Tab)
    type_text(form.user_name, "Zoë")
    qtbot.keyClick(form.user_name, Qt.Key.Key_Tab)
    qtbot.keyClicks(form.team, "Noord")
    qtbot.keyClick(form.team, Qt.Key.Key_Return)

    saved = settings.load(first_start.paths.settings)
    assert (saved.municipality, saved.user_name, saved.team) == ("Leiden", "Zoë", "Noord")
    assert window.navigation.isEnabled()
    assert window.current_page() == main_window.Page.CASELOAD
    assert "Leiden" in window.windowTitle()


def test_every_page_is_reached_by_keyboard(qtbot, app_context) -> None:
    window = main_window.MainWindow(app_context)
    qtbot.addWidget(window)
    show_active(qtbot, window)
    titles = [window.navigation.item(i).text() for i in range(window.navigation.count())]
    assert titles == ["Vandaag", "Caseload", "Quickscan", "Rapporten", "Instellingen", "Overzicht"]

    for number in (2, 3, 4, 5, 6, 1):
        qtbot.keyClick(window, Qt.Key(Qt.Key.Key_0 + number), Qt.KeyboardModifier.ControlModifier)
        assert window.current_page() == number - 1

    window.navigation.setFocus()
    for expected in (1, 2, 3, 4):
        qtbot.keyClick(window.navigation, Qt.Key.Key_Down)
        assert window.current_page() == expected


def test_every_interactive_widget_is_named_after_its_label(qtbot, app_context) -> None:
    window = main_window.MainWindow(app_context)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    checked = 0
    for page in range(window.pages.count()):
        window.show_page(page)
        for widget in interactive_widgets(window):
            assert widget.accessibleName(), f"{widget!r} has no accessible name"
            label = visible_label(widget, window)
            if label is not None:
                assert widget.accessibleName() == label
            checked += 1
    assert checked >= 10


def test_settings_page_saves_and_switches_to_english(qtbot, app_context) -> None:
    window = main_window.MainWindow(app_context)
    qtbot.addWidget(window)
    window.show()
    window.show_page(main_window.Page.SETTINGS)
    page = window.settings_page
    page.profile.language.setFocus()
    qtbot.keyClick(page.profile.language, Qt.Key.Key_Down)
    page.save.setFocus()
    qtbot.keyClick(page.save, Qt.Key.Key_Space)
    assert settings.load(app_context.paths.settings).language == "en"
    assert i18n.current_language() == "en"
    assert window.navigation.item(main_window.Page.SETTINGS).text() == "Settings"
    assert window.menuBar().actions()[0].text() == "&File"
    assert window.current_page() == main_window.Page.SETTINGS


def _button_texts(page: QWidget) -> list[str]:
    return [button.text() for button in page.findChildren(QAbstractButton)]


def test_quickscan_and_reports_are_made_on_their_first_visit_in_the_language_shown(
    qtbot, app_context
) -> None:
    window = main_window.MainWindow(app_context)
    qtbot.addWidget(window)
    window.show()
    assert _button_texts(window.pages.widget(main_window.Page.REPORTS)) == []  # not made yet
    window.show_page(main_window.Page.QUICKSCAN)
    tabs = window.pages.widget(main_window.Page.QUICKSCAN).findChild(QTabWidget)
    assert tabs is not None and tabs.tabText(1) == "Geschie&denis"
    try:
        window._apply_settings({"language": "en"}, page=main_window.Page.SETTINGS)
        # The window was built again in English: both pages are made anew on their next visit.
        window.show_page(main_window.Page.QUICKSCAN)
        tabs = window.pages.widget(main_window.Page.QUICKSCAN).findChild(QTabWidget)
        assert tabs is not None and tabs.tabText(1) == "H&istory"
        window.show_page(main_window.Page.REPORTS)
        assert "P&rint…" in _button_texts(window.pages.widget(main_window.Page.REPORTS))
        assert window.current_page() == main_window.Page.REPORTS
    finally:
        i18n.set_language("nl")


def test_origin_cannot_be_switched_on_without_a_purpose(qtbot, app_context) -> None:
    window = main_window.MainWindow(app_context)
    qtbot.addWidget(window)
    window.show_page(main_window.Page.SETTINGS)
    page = window.settings_page
    page.origin_enabled.setChecked(True)
    page.save.click()
    assert "doel" in page.message.text()
    assert settings.load(app_context.paths.settings).origin_enabled is False


def test_about_and_privacy_say_what_is_stored_and_where(qtbot, app_context, monkeypatch) -> None:
    shown: list[str] = []
    monkeypatch.setattr(
        QDialog, "exec", lambda dialog: shown.append(dialog.text.toPlainText()) or 0
    )
    window = main_window.MainWindow(app_context)
    qtbot.addWidget(window)
    window.show_privacy()
    window.show_about()
    privacy, about = shown
    assert str(app_context.paths.database) in privacy
    assert "geen internet" in privacy
    assert "eigen vragen" in about
    # What protects the data now, not what might come: this test database has no passphrase.
    assert "Deze database is niet versleuteld" in privacy
    assert "Als u 5 minuten niets doet, vergrendelt Trede het venster." in privacy
    assert str(app_context.backup_folder()) in privacy


def test_privacy_says_an_encrypted_database_is_encrypted(
    qtbot, tmp_path, app_paths, complete_settings, monkeypatch
) -> None:
    db = database.open_database(app_paths.database, "een lang wachtwoord")
    encrypted = context.AppContext(
        db=db,
        paths=app_paths,
        settings=replace(complete_settings, lock_minutes=1),
        passphrase="een lang wachtwoord",
    )
    shown: list[str] = []
    monkeypatch.setattr(
        QDialog, "exec", lambda dialog: shown.append(dialog.text.toPlainText()) or 0
    )
    window = main_window.MainWindow(encrypted)  # closed below, before its database
    window.show_privacy()
    assert "zijn versleuteld met uw wachtwoord" in shown[0]
    assert "niet versleuteld" not in shown[0]
    assert "Als u 1 minuut niets doet" in shown[0]
    window.close()
    window.deleteLater()
    db.close()


def test_window_geometry_is_remembered(qtbot, app_context) -> None:
    window = main_window.MainWindow(app_context)
    qtbot.addWidget(window)
    window.show()
    window.resize(780, 560)
    window.close()
    assert QSettings(str(app_context.paths.window_state), QSettings.Format.IniFormat).contains(
        "geometry"
    )
    again = main_window.MainWindow(app_context)
    qtbot.addWidget(again)
    again.show()
    assert (again.width(), again.height()) == (780, 560)


def test_qt_standard_buttons_are_dutch(qtbot) -> None:
    from PySide6.QtWidgets import QDialogButtonBox

    from ui import qt_setup

    application = QApplication.instance()
    qt_setup.install_translators(application, "nl")
    box = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
    )
    qtbot.addWidget(box)
    texts = {button.text().replace("&", "") for button in box.buttons()}
    qt_setup.install_translators(application, "en")
    assert texts == {"Opslaan", "Annuleren"}


def test_the_caseload_counts_do_not_linger_on_other_pages(qtbot, app_context) -> None:
    window = main_window.MainWindow(app_context)
    qtbot.addWidget(window)
    show_active(qtbot, window)
    window.show_page(main_window.Page.CASELOAD)
    assert "klanten" in window.statusBar().currentMessage()
    window.show_page(main_window.Page.QUICKSCAN)
    assert "klanten" not in window.statusBar().currentMessage()
    window.show_page(main_window.Page.CASELOAD)
    assert "klanten" in window.statusBar().currentMessage()


def test_closing_writes_a_backup_and_restore_brings_it_back(
    qtbot, app_context, monkeypatch
) -> None:
    from app import backup
    from caseload import demo

    window = main_window.MainWindow(app_context)
    qtbot.addWidget(window)
    window.show()
    window.close()
    made = backup.listed(app_context.paths.database)
    assert len(made) == 1, "closing the window writes one automatic backup"

    demo.fill(app_context.db, 5, seed=1)
    asked: list[str] = []
    monkeypatch.setattr(
        QMessageBox,
        "question",
        lambda _parent, _title, text, *args: asked.append(text) or QMessageBox.StandardButton.Yes,
    )
    monkeypatch.setattr(QMessageBox, "information", lambda *args: None)
    window = main_window.MainWindow(app_context)
    qtbot.addWidget(window)
    window.show()
    caseload = window.pages.widget(main_window.Page.CASELOAD)
    assert caseload.model.rowCount() == 5
    assert backup_actions.restore(window, app_context, made[0], window.bus)
    assert caseload.model.rowCount() == 0, "the caseload shows the restored data at once"
    assert "0 klanten" in asked[0]
    assert app_context.db["clients"].count == 0
    kept = list(app_context.paths.database.parent.glob("trede.db.before-restore-*"))
    assert len(kept) == 1
    assert backup.inspect(kept[0]).clients == 5, "the data from before the restore is kept"
    assert window.windowTitle().startswith("Trede")


def test_a_broken_backup_is_refused_in_the_window(
    qtbot, app_context, monkeypatch, tmp_path
) -> None:
    broken = tmp_path / "kapot.db"
    broken.write_bytes(b"SQLite format 3\x00" + b"\x00" * 5000)
    warnings: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *args: warnings.append(args[2]))
    window = main_window.MainWindow(app_context)
    qtbot.addWidget(window)
    assert not backup_actions.restore(window, app_context, broken, window.bus)
    assert warnings and "kapot.db" in warnings[0]


def test_the_window_does_not_restore_over_a_running_command(
    qtbot, app_context, monkeypatch, tmp_path
) -> None:
    from app import backup, lock
    from caseload import demo

    copy = backup.write(app_context.db, tmp_path / "leeg.db")
    demo.fill(app_context.db, 3, seed=1)
    warnings: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *args: warnings.append(args[2]))
    monkeypatch.setattr(QMessageBox, "question", lambda *args: QMessageBox.StandardButton.Yes)
    window = main_window.MainWindow(app_context)
    qtbot.addWidget(window)
    with lock.UseLock(app_context.paths.database):  # an import on the command line
        assert not backup_actions.restore(window, app_context, copy, window.bus)
    assert warnings and "Een andere opdracht van Trede werkt nu met" in warnings[0]
    assert app_context.db["clients"].count == 3, "nothing was restored, the window still works"
    assert not list(app_context.paths.database.parent.glob("trede.db.before-restore-*"))
