"""The main window: navigation between Vandaag, Caseload, Quickscan, Rapporten and Instellingen."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QByteArray, QSettings, Qt
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QStackedWidget,
    QWidget,
)

from caseload import worklist
from resources import changes as changes_
from resources import i18n
from resources.changes import Changes, Kind
from resources.i18n import _
from ui import accessibility, changes, design, icons, metrics, qt_setup, undo
from ui.caseload import page as caseload_page
from ui.caseload import retention_dialog
from ui.context import WindowContext
from ui.security import actions as security_actions
from ui.security import idle_lock
from ui.settings import backup_actions, profile_form
from ui.settings.page import SettingsPage
from ui.shell import help_window, info_dialogs
from ui.shell.welcome_page import WelcomePage
from ui.worklist import page as worklist_page


class Page:
    """Indexes of the pages in the navigation, in the order shown."""

    WORKLIST = 0
    CASELOAD = 1
    QUICKSCAN = 2
    REPORTS = 3
    SETTINGS = 4
    OVERVIEW = 5


class MainWindow(QMainWindow):
    """Trede's one window. All visible text is rebuilt when the language changes."""

    def __init__(self, context: WindowContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        design.ensure_installed()
        self.context = context
        self.bus = changes.ChangeBus(self, context)
        self.bus.changed.connect(self._changed)
        self.bus.undo_stack.changed.connect(self._update_undo_actions)
        self._fields_yield = undo.FieldsYield(self)
        self.setMinimumSize(*metrics.MINIMUM_WINDOW_SIZE)
        self.resize(*metrics.DEFAULT_WINDOW_SIZE)
        self._window_state = QSettings(str(context.paths.window_state), QSettings.Format.IniFormat)
        self._build()
        self._restore_geometry()
        self.locker = idle_lock.Locker(self, context, context.settings.lock_minutes)

    # -- building ---------------------------------------------------------------------------

    def _build(self, page: int | None = None) -> None:
        """(Re)build menus, pages and status bar in the active language."""
        self._set_title()
        self.navigation = QListWidget()
        design.style_navigation(self.navigation)
        self.navigation.setAccessibleName(_("Navigatie"))
        self.navigation.setFixedWidth(design.scaled(metrics.NAVIGATION_WIDTH))
        self.pages = QStackedWidget()
        self.settings_page = self._make_settings_page()
        # Quickscan and Rapporten are made on their first visit (an empty stand-in until then):
        # start-up shows the caseload and should not wait for the others and their imports.
        self._later_pages = {Page.QUICKSCAN, Page.REPORTS, Page.OVERVIEW}
        self.caseload_page = caseload_page.create(self.context, self.bus)
        self.worklist_page = worklist_page.create(self.context, self.bus)
        self.worklist_page.open_requested.connect(self.open_client)
        self.caseload_page.client_report_requested.connect(self.show_client_report)
        self.caseload_page.worklist_requested.connect(self._back_to_worklist)
        entries: list[tuple[str, str, QWidget]] = [
            (_("Vandaag"), "worklist", self.worklist_page),
            (_("Caseload"), "caseload", self.caseload_page),
            (_("Quickscan"), "quickscan", QWidget()),
            (_("Rapporten"), "reports", QWidget()),
            (_("Instellingen"), "settings", self.settings_page),
            (_("Overzicht"), "overview", QWidget()),
        ]
        # The second item is the page's id: its icon (resources.design.ICONS) and its help.
        self.page_ids = [page_id for _text, page_id, _widget in entries]
        for text, icon_name, widget in entries:
            QListWidgetItem(icons.icon(icon_name), text, self.navigation)
            self.pages.addWidget(widget)
        self.navigation.currentRowChanged.connect(self._switch_page)
        self.worklist_page.count_changed.connect(self._show_worklist_count)

        self.welcome = WelcomePage(
            profile_form.Profile(
                self.context.settings.municipality,
                self.context.settings.user_name,
                self.context.settings.team,
                i18n.current_language(),
            )
        )
        self.welcome.accepted.connect(self._welcome_done)

        central = QWidget()
        layout = QHBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.navigation)
        self.root = QStackedWidget()
        body = QWidget()
        body_layout = QHBoxLayout(body)
        body_layout.setContentsMargins(0, 0, 0, 0)
        body_layout.addWidget(self.pages)
        self.root.addWidget(body)
        self.root.addWidget(self.welcome)
        layout.addWidget(self.root)
        self.setCentralWidget(central)

        self._build_menus(entries)
        self._build_status_bar()
        accessibility.name_widgets(self)

        if self.context.settings.is_complete:
            self.show_page(self.start_page() if page is None else page)
        else:
            self._show_welcome()
        self._show_worklist_count(self.worklist_page.count())

    def start_page(self) -> int:
        """Vandaag when there is a caseload; the caseload (to add or import clients) when not."""
        return Page.WORKLIST if worklist.has_clients(self.context.db) else Page.CASELOAD

    def _show_worklist_count(self, count: int) -> None:
        """The navigation says how much is due today: "Vandaag (7)"."""
        item = self.navigation.item(Page.WORKLIST)
        if item is not None:
            text = (
                _("Vandaag (%(n)s)") % {"n": i18n.format_number(count)} if count else _("Vandaag")
            )
            item.setText(text)

    def open_client(self, client_id: int, form: str = "contact", action_id: int = 0) -> None:
        """Show a client's file on one of its forms (from the worklist)."""
        self.show_page(Page.CASELOAD)
        page = self.caseload_page
        assert isinstance(page, caseload_page.CaseloadPage)
        page.open_client(client_id, from_worklist=True)
        page.client_view.show_form(form, action_id or None)

    def _back_to_worklist(self) -> None:
        """Esc in a client opened from Vandaag: Vandaag, on the line that was opened."""
        self.show_page(Page.WORKLIST)
        self.worklist_page.focus_list()

    def _set_title(self) -> None:
        """'Trede — municipality — database file', and whether the data is encrypted."""
        parts = ["Trede"]  # the name of the program is not translated
        if self.context.settings.municipality:
            parts.append(self.context.settings.municipality)
        if self.context.demo:
            parts.append(_("DEMO: verzonnen gegevens, niet versleuteld"))
        else:
            parts.append(self.context.paths.database.name)
            if not self.context.encrypted:
                parts.append(_("niet versleuteld"))
        self.setWindowTitle(" — ".join(parts))

    def _make_settings_page(self) -> SettingsPage:
        page = SettingsPage(self.context.settings, **security_actions.page_options(self.context))
        page.save_requested.connect(self._save_settings)
        page.privacy_requested.connect(self.show_privacy)
        page.restore_requested.connect(self.restore_backup)
        page.passphrase_change_requested.connect(
            lambda: security_actions.change_passphrase(self, self.context)
        )
        page.audit_log_requested.connect(
            lambda: security_actions.show_audit_log(self, self.context)
        )
        page.encrypt_requested.connect(self.encrypt_database)
        return page

    def _changed(self, changed: Changes) -> None:
        """Settings or a replaced database: the title, the lock time and the security group."""
        if not changed.touches(Kind.SETTINGS):
            return
        self._set_title()
        self.locker.set_minutes(self.context.settings.lock_minutes)
        if Kind.DATABASE in changed.kinds:
            # Encrypting changes what the Beveiliging group offers: make that page again.
            self._renew_settings_page()

    def _renew_settings_page(self) -> None:
        """Make the Instellingen page again from the settings as they are now."""
        old = self.settings_page
        self.settings_page = self._make_settings_page()
        self.pages.insertWidget(Page.SETTINGS, self.settings_page)
        self.pages.removeWidget(old)
        old.deleteLater()
        accessibility.name_widgets(self.settings_page)

    def _build_menus(self, entries: list[tuple[str, str, QWidget]]) -> None:
        bar = self.menuBar()
        bar.clear()
        file_menu = bar.addMenu(_("&Bestand"))
        self.restore_action = QAction(_("Back-up &terugzetten…"), self)
        self.restore_action.triggered.connect(self.restore_backup)
        self.restore_action.setEnabled(not self.context.demo)
        file_menu.addAction(self.restore_action)
        self.retention_action = retention_dialog.menu_action(self, self.context, self.bus)
        file_menu.addAction(self.retention_action)
        file_menu.addSeparator()
        for text, name in (
            (_("Overdrachtsbestand &maken…"), "make_transfer_file"),
            (_("Overdrachtsbestand &inlezen…"), "read_transfer_file"),
        ):
            action = QAction(text, self)
            action.triggered.connect(lambda _checked=False, run=name: self._on_caseload(run))
            file_menu.addAction(action)
        file_menu.addSeparator()
        quit_action = QAction(_("&Afsluiten"), self)
        quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        quit_action.setShortcutContext(Qt.ShortcutContext.ApplicationShortcut)
        quit_action.triggered.connect(self.close)
        file_menu.addAction(quit_action)

        # No Alt+letter: every letter of "Bewerken" is a field or button on some page already;
        # F10 or Alt, then the arrow keys, reach it (and Ctrl+Z, Ctrl+Shift+Z work anywhere).
        edit_menu = bar.addMenu(_("Bewerken"))
        self.undo_action = QAction(self)
        self.undo_action.setShortcut(QKeySequence("Ctrl+Z"))
        self.undo_action.triggered.connect(lambda _checked=False: self.bus.undo(self))
        self.redo_action = QAction(self)
        self.redo_action.setShortcut(QKeySequence("Ctrl+Shift+Z"))
        self.redo_action.triggered.connect(lambda _checked=False: self.bus.redo(self))
        for action in (self.undo_action, self.redo_action):
            edit_menu.addAction(action)
            self.addAction(action)  # the shortcut also works while the menu bar is hidden
        self._update_undo_actions()

        self.go_menu = bar.addMenu(_("&Ga naar"))
        # A rebuild (after the welcome page, a language switch, a restore) makes new page
        # actions; the old ones must go, or Qt finds Ctrl+1 twice and runs neither.
        for old in getattr(self, "page_actions", []):
            self.removeAction(old)
            old.deleteLater()
        self.page_actions: list[QAction] = []
        for index, (text, _icon, _widget) in enumerate(entries):
            action = QAction(text, self)
            action.setShortcut(QKeySequence(f"Ctrl+{index + 1}"))
            action.triggered.connect(lambda _checked=False, i=index: self.show_page(i))
            self.go_menu.addAction(action)
            self.addAction(action)  # the shortcut also works while the menu bar is hidden
            self.page_actions.append(action)

        help_menu = bar.addMenu(_("&Help"))
        page_help = QAction(icons.icon("help"), _("Hulp bij deze pagina"), self)
        page_help.setShortcut(QKeySequence.StandardKey.HelpContents)
        page_help.setShortcutContext(Qt.ShortcutContext.ApplicationShortcut)
        page_help.triggered.connect(self.show_page_help)
        help_menu.addAction(page_help)
        shortcut_list = QAction(icons.icon("keyboard"), _("&Sneltoetsen"), self)
        shortcut_list.triggered.connect(lambda _checked=False: help_window.show_shortcuts(self))
        help_menu.addAction(shortcut_list)
        help_menu.addSeparator()
        privacy_action = QAction(_("&Privacy en gegevens"), self)
        privacy_action.triggered.connect(self.show_privacy)
        help_menu.addAction(privacy_action)
        about_action = QAction(_("&Over Trede"), self)
        about_action.triggered.connect(self.show_about)
        help_menu.addAction(about_action)

    def _update_undo_actions(self) -> None:
        """Name the change that Ctrl+Z undoes and Ctrl+Shift+Z makes again."""
        step = self.bus.undo_stack.next_undo()
        self.undo_action.setEnabled(step is not None)
        self.undo_action.setText(
            _("&Ongedaan maken: %(change)s") % {"change": step.name}
            if step
            else _("&Ongedaan maken")
        )
        step = self.bus.undo_stack.next_redo()
        self.redo_action.setEnabled(step is not None)
        self.redo_action.setText(
            _("&Opnieuw: %(change)s") % {"change": step.name} if step else _("&Opnieuw")
        )

    def _build_status_bar(self) -> None:
        status = self.statusBar()
        for old in status.findChildren(QLabel, "databaseLabel"):
            status.removeWidget(old)
            old.deleteLater()
        label = QLabel(_("Database: %(path)s") % {"path": self.context.paths.database})
        label.setObjectName("databaseLabel")
        status.addPermanentWidget(label)
        status.showMessage(_("Klaar"))

    # -- navigation -------------------------------------------------------------------------

    def show_page(self, index: int) -> None:
        """Show a page of the navigation (Ctrl+1 … Ctrl+5)."""
        if not self.context.settings.is_complete:
            self._show_welcome()
            return
        self.root.setCurrentIndex(0)
        self.navigation.setEnabled(True)
        self.navigation.setCurrentRow(index)
        self.navigation.setFocus()

    def _switch_page(self, index: int) -> None:
        # A page's own status (e.g. the caseload counts) must not linger on the next page.
        self.statusBar().clearMessage()
        if index in self._later_pages:
            self._make_page(index)
        self.pages.setCurrentIndex(index)

    def _make_page(self, index: int) -> None:
        """Put the real page in place of its stand-in, on its first visit."""
        self._later_pages.discard(index)
        if index == Page.QUICKSCAN:
            from ui.quickscan import page as quickscan_page

            page = quickscan_page.create(self.context, self.bus)
        elif index == Page.OVERVIEW:
            from ui.overview import page as overview_page

            page = overview_page.create(self.context, self.bus)
        else:
            from ui.reports import page as reports_page

            page = reports_page.create(self.context, self.bus)
        stand_in = self.pages.widget(index)
        assert stand_in is not None
        self.pages.insertWidget(index, page)
        self.pages.removeWidget(stand_in)
        stand_in.deleteLater()
        accessibility.name_widgets(page)

    def show_client_report(self, reference: str) -> None:
        """A client's progress report on the Rapporten page, its preview on the way."""
        from ui.reports.page import ReportsPage

        self.show_page(Page.REPORTS)
        page = self.pages.widget(Page.REPORTS)
        if isinstance(page, ReportsPage):
            page.form.client.setChecked(True)
            page.form.reference.setText(reference)
            page.make_preview()

    def _on_caseload(self, method: str) -> None:
        """Run a caseload action from the menu, on the caseload page (its selection)."""
        if not self.context.settings.is_complete:
            return
        self.show_page(Page.CASELOAD)
        getattr(self.pages.widget(Page.CASELOAD), method)()

    def current_page(self) -> int:
        """The index of the page shown now."""
        return self.pages.currentIndex()

    def _show_welcome(self) -> None:
        self.navigation.setEnabled(False)
        self.root.setCurrentWidget(self.welcome)
        self.welcome.focus_first_field()
        self.statusBar().showMessage(_("Welkom. Vul eerst uw gegevens in."))

    def _welcome_done(self, profile: profile_form.Profile) -> None:
        done = self._apply_settings(
            {
                "municipality": profile.municipality,
                "user_name": profile.user_name,
                "team": profile.team,
                "language": profile.language,
            },
            page=None,
        )
        if done:
            # Instellingen was made before the user said who they are: show what they typed.
            self._renew_settings_page()

    def _save_settings(self, changes: dict[str, Any]) -> None:
        if self._apply_settings(changes, page=Page.SETTINGS):
            self.settings_page.show_saved()

    def _apply_settings(self, values: dict[str, Any], page: int | None) -> bool:
        """Write settings and tell every view; only a new language rebuilds the window."""

        def write() -> Changes:
            self.context.update_settings(**values)
            return changes_.SETTINGS

        if self.bus.perform(write, self) is None:
            return False
        language = self.context.settings.language
        if language != i18n.current_language():
            i18n.set_language(language)
            application = QApplication.instance()
            if isinstance(application, QApplication):
                qt_setup.install_translators(application, language)
            self._build(page)  # every text on every page is in the old language
        else:
            self.show_page(self.start_page() if page is None else page)
        self.statusBar().showMessage(_("Opgeslagen"), 5000)
        return True

    # -- dialogs ----------------------------------------------------------------------------

    def show_page_help(self) -> None:
        """F1: the help of the page in view (the welcome page before the first start)."""
        if self.root.currentWidget() is self.welcome:
            help_window.show_help(self, "welcome")
            return
        index = self.pages.currentIndex()
        page = self.pages.currentWidget()
        assert page is not None
        help_window.show_help(self, help_window.help_id(page, self.page_ids[index]))

    def make_every_page(self) -> None:
        """Make the pages that are made on their first visit (for the list of shortcuts)."""
        for index in sorted(self._later_pages):
            self._make_page(index)

    def show_about(self) -> None:
        """Show 'Over Trede'."""
        info_dialogs.TextDialog(_("Over Trede"), info_dialogs.about_html(), self).exec()

    def show_privacy(self) -> None:
        """Show what is stored, where, and that nothing leaves the machine."""
        info_dialogs.TextDialog(
            _("Privacy en gegevens"), info_dialogs.privacy_html(self.context), self
        ).exec()

    def restore_backup(self) -> None:
        """Pick a backup, check it and put it in place; then every view reads the restored data."""
        if backup_actions.choose_and_restore(self, self.context, self.bus):
            self.statusBar().showMessage(_("Back-up teruggezet"), 5000)

    def encrypt_database(self) -> None:
        """Encrypt the plain database in place; then every view reads the reopened database."""
        security_actions.encrypt_database(self, self.context, reopened=self._reopened)

    def _reopened(self) -> None:
        # Encrypting closes the file and opens it again (encrypted, or plain after a failure):
        # every view lets go of the old connection.
        self.bus.perform(lambda: changes_.DATABASE, self)

    # -- window state -----------------------------------------------------------------------

    def _restore_geometry(self) -> None:
        geometry = self._window_state.value("geometry")
        if isinstance(geometry, QByteArray):
            self.restoreGeometry(geometry)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt's name
        """Remember the window's size and place, and write the automatic backup."""
        self._window_state.setValue("geometry", self.saveGeometry())
        self._window_state.sync()
        backup_actions.backup_on_close(self, self.context)
        super().closeEvent(event)
