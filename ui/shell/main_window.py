"""The main window: navigation between Vandaag, Caseload, Quickscan, Rapporten and Instellingen."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QByteArray, QSettings, Qt, QTimer
from PySide6.QtGui import QAction, QCloseEvent, QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QStackedWidget,
    QWidget,
)

from caseload import people
from resources import changes as changes_
from resources import i18n
from resources.changes import Changes, Kind
from resources.i18n import _
from ui import accessibility, changes, design, icons, metrics, qt_setup, undo
from ui.context import WindowContext
from ui.security import idle_lock
from ui.shell import frame, page_stack

if TYPE_CHECKING:  # made (and imported) after the first page has been painted: see PageStack
    from ui.caseload.page import CaseloadPage
    from ui.settings import profile_form
    from ui.settings.page import SettingsPage
    from ui.shell.welcome_page import WelcomePage
    from ui.worklist.page import WorklistPage

# Imported where first used, not before the first paint: the help and information windows, the
# security and backup actions (the menus and Instellingen), the retention dialog, and Vandaag
# when the window opens on the caseload.


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
        self._welcome: WelcomePage | None = None
        self.setMinimumSize(*metrics.MINIMUM_WINDOW_SIZE)
        self.resize(*metrics.DEFAULT_WINDOW_SIZE)
        self._window_state = QSettings(str(context.paths.window_state), QSettings.Format.IniFormat)
        self._build()
        self._restore_geometry()
        # Both watch every event of the application: made once the window is built, so the
        # thousands of events of building it do not pass through Python twice more.
        self._fields_yield = undo.FieldsYield(self)
        self.locker = idle_lock.Locker(self, context, context.settings.lock_minutes)
        page_stack.after_first_paint(self, self._make_waiting_pages)

    # -- building ---------------------------------------------------------------------------

    def _build(self, page: int | None = None) -> None:
        """(Re)build menus, pages and status bar in the active language."""
        self._set_title()
        self.navigation = QListWidget()
        design.style_navigation(self.navigation)
        self.navigation.setAccessibleName(_("Navigatie"))
        self.navigation.setFixedWidth(design.scaled(metrics.NAVIGATION_WIDTH))
        self.pages = page_stack.PageStack()
        # Quickscan, Rapporten and Overzicht are made on their first visit (an empty stand-in
        # until then): they load reportlab & co, which no start should wait for.
        self._later_pages = {Page.QUICKSCAN, Page.REPORTS, Page.OVERVIEW}
        complete = self.context.settings.is_complete
        first = (self.start_page() if page is None else page) if complete else None
        self._first_page = first
        makers: list[tuple[str, str, Callable[[], QWidget]]] = [
            (_("Vandaag"), "worklist", self._make_worklist_page),
            (_("Caseload"), "caseload", self._make_caseload_page),
            (_("Quickscan"), "quickscan", QWidget),
            (_("Rapporten"), "reports", QWidget),
            (_("Instellingen"), "settings", self._make_settings_page),
            (_("Overzicht"), "overview", QWidget),
        ]
        # The window's parts are in place before the pages are made: every move of a made page
        # into a new parent styles all its widgets again (the application's style sheet).
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
        layout.addWidget(self.root)
        self.setCentralWidget(central)

        # The second item is the page's id: its icon (resources.design.ICONS) and its help.
        self.page_ids = [page_id for _text, page_id, _maker in makers]
        for index, (text, icon_name, maker) in enumerate(makers):
            QListWidgetItem(icons.icon(icon_name), text, self.navigation)
            # Only the page shown first is made now; the others after the first paint.
            self.pages.add_page(maker, now=index == first or index in self._later_pages)
        self.navigation.currentRowChanged.connect(self._switch_page)
        if self._welcome is not None:  # a new language: the welcome page is made again
            self._welcome.deleteLater()
            self._welcome = None

        self._build_menus([text for text, _icon, _maker in makers])
        self._build_status_bar()
        accessibility.name_widgets(self)

        if first is not None:
            self.show_page(first)
        else:
            self._show_welcome()
        if self.isVisible():  # made again (a new language): the others follow as at the start
            QTimer.singleShot(0, self._make_waiting_pages)

    def _make_waiting_pages(self) -> None:
        """After the first paint: the pages not made yet, one per event-loop turn (input that
        comes meanwhile is handled between them). A closed window makes none: its database may
        be closed already."""
        if self.isVisible() and self.pages.make_next():
            QTimer.singleShot(0, self._make_waiting_pages)

    def _make_worklist_page(self) -> QWidget:
        from ui.worklist.page import WorklistPage

        # Made inside the page stack, its place: moved there, each of its widgets would be
        # styled again (the application's style sheet).
        page = WorklistPage(self.context, self.bus, self.pages)
        page.open_requested.connect(self.open_client)
        page.count_changed.connect(self._show_worklist_count)
        if self._first_page != Page.WORKLIST:
            # Made out of sight: its count now. Shown first, it is read as it is shown and tells
            # its count then, before the first paint (the counts are not read twice).
            self._show_worklist_count(page.count())
        return page

    def _make_caseload_page(self) -> QWidget:
        from ui.caseload import page as caseload_page

        page = caseload_page.create(self.context, self.bus, self.pages)
        page.client_report_requested.connect(self.show_client_report)
        page.worklist_requested.connect(self._back_to_worklist)
        return page

    @property
    def worklist_page(self) -> WorklistPage:
        """Vandaag (made now if it was still waiting)."""
        from ui.worklist.page import WorklistPage

        page = self.pages.widget(Page.WORKLIST)
        assert isinstance(page, WorklistPage)
        return page

    @property
    def caseload_page(self) -> CaseloadPage:
        """The caseload (made now if it was still waiting)."""
        from ui.caseload.page import CaseloadPage

        page = self.pages.widget(Page.CASELOAD)
        assert isinstance(page, CaseloadPage)
        return page

    @property
    def settings_page(self) -> SettingsPage:
        """Instellingen (made now if it was still waiting)."""
        from ui.settings.page import SettingsPage

        page = self.pages.widget(Page.SETTINGS)
        assert isinstance(page, SettingsPage)
        return page

    @property
    def welcome(self) -> WelcomePage:
        """The welcome page of the first start, made when it is first needed."""
        if self._welcome is None:
            from ui.settings import profile_form
            from ui.shell.welcome_page import WelcomePage

            self._welcome = WelcomePage(
                profile_form.Profile(
                    self.context.settings.municipality,
                    self.context.settings.user_name,
                    self.context.settings.team,
                    i18n.current_language(),
                )
            )
            self._welcome.accepted.connect(self._welcome_done)
            self.root.addWidget(self._welcome)
            accessibility.name_widgets(self._welcome)
        return self._welcome

    def start_page(self) -> int:
        """Vandaag when there is a caseload; the caseload (to add or import clients) when not."""
        return Page.WORKLIST if people.has_clients(self.context.reads) else Page.CASELOAD

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
        from ui.security import actions as security_actions
        from ui.settings.page import SettingsPage

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
        """Make the Instellingen page again from the settings as they are now (a page still
        waiting to be made will read them when it is made)."""
        if Page.SETTINGS in self.pages.waiting():
            return
        old = self.pages.widget(Page.SETTINGS)
        page = self._make_settings_page()
        self.pages.insertWidget(Page.SETTINGS, page)
        if old is not None:
            self.pages.removeWidget(old)
            old.deleteLater()
        accessibility.name_widgets(page)

    def _build_menus(self, page_texts: list[str]) -> None:
        bar = self.menuBar()
        bar.clear()
        file_menu = bar.addMenu(_("&Bestand"))
        self.restore_action = QAction(_("Back-up &terugzetten…"), self)
        self.restore_action.triggered.connect(self.restore_backup)
        self.restore_action.setEnabled(not self.context.demo)
        file_menu.addAction(self.restore_action)
        self.retention_action = QAction(_("Dossiers na &bewaartermijn…"), self)
        self.retention_action.triggered.connect(self._show_retention)
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
        # A rebuild makes them anew: the old ones go, or an old one still enabled shares
        # Ctrl+Z with the new one and Qt runs neither (after a language switch).
        for old in (getattr(self, "undo_action", None), getattr(self, "redo_action", None)):
            if old is not None:
                self.removeAction(old)
                old.deleteLater()
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
        for index, text in enumerate(page_texts):
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
        shortcut_list.triggered.connect(self.show_shortcuts)
        help_menu.addAction(shortcut_list)
        help_menu.addSeparator()
        privacy_action = QAction(_("&Privacy en gegevens"), self)
        privacy_action.triggered.connect(self.show_privacy)
        help_menu.addAction(privacy_action)
        about_action = QAction(_("&Over Trede"), self)
        about_action.triggered.connect(self.show_about)
        help_menu.addAction(about_action)

    def _show_retention(self) -> None:
        """Bestand → Dossiers na bewaartermijn…: the files past their retention period."""
        from ui.caseload import retention_dialog  # with the erasure: made when first asked for

        retention_dialog.open_over(self, self.context, self.bus)

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
        self.pages.make(index)  # a page still waiting to be made is made now
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

    def show_shortcuts(self) -> None:
        """Help → Sneltoetsen: every shortcut of every page."""
        from ui.shell import help_window

        help_window.show_shortcuts(self)

    def show_page_help(self) -> None:
        """F1: the help of the page in view (the welcome page before the first start)."""
        from ui.shell import help_window

        if self._welcome is not None and self.root.currentWidget() is self._welcome:
            help_window.show_help(self, "welcome", encrypted=self.context.encrypted)
            return
        index = self.pages.currentIndex()
        page = self.pages.currentWidget()
        assert page is not None
        help_window.show_help(
            self,
            help_window.help_id(page, self.page_ids[index]),
            encrypted=self.context.encrypted,
        )

    def make_every_page(self) -> None:
        """Make the pages that are made on their first visit (for the list of shortcuts)."""
        for index in sorted(self._later_pages):
            self._make_page(index)
        while self.pages.make_next():
            pass

    def show_about(self) -> None:
        """Show 'Over Trede'."""
        from ui.shell import info_dialogs

        info_dialogs.TextDialog(_("Over Trede"), info_dialogs.about_html(), self).exec()

    def show_privacy(self) -> None:
        """Show what is stored, where, and that nothing leaves the machine."""
        from ui.shell import info_dialogs

        info_dialogs.TextDialog(
            _("Privacy en gegevens"), info_dialogs.privacy_html(self.context), self
        ).exec()

    def restore_backup(self) -> None:
        """Pick a backup, check it and put it in place; then every view reads the restored data."""
        from ui.settings import backup_actions

        if backup_actions.choose_and_restore(self, self.context, self.bus):
            self.statusBar().showMessage(_("Back-up teruggezet"), 5000)

    def encrypt_database(self) -> None:
        """Encrypt the plain database in place; then every view reads the reopened database."""
        from ui.security import actions as security_actions

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

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt's name
        """Enter on a button presses it, as Space does. Qt's buttons take Enter only in a
        dialog; on a page the key came up to the window unused."""
        focused = QApplication.focusWidget()
        plain = event.modifiers() in (
            Qt.KeyboardModifier.NoModifier,
            Qt.KeyboardModifier.KeypadModifier,
        )
        if (
            event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
            and plain
            and isinstance(focused, QAbstractButton)
            and not focused.isCheckable()
            and focused.isEnabled()
            and focused.window() is self
        ):
            focused.animateClick()
            event.accept()
            return
        # Ctrl+Z or Ctrl+Shift+Z while the action is greyed: say why instead of nothing (a
        # field that takes the key for its own typing never lets it come up here).
        pressed = QKeySequence(event.keyCombination())
        if pressed == self.undo_action.shortcut() and not self.undo_action.isEnabled():
            self.statusBar().showMessage(
                _(
                    "Er is niets om ongedaan te maken: alleen wat u in deze sessie hebt "
                    "veranderd, kan terug."
                )
            )
            event.accept()
            return
        if pressed == self.redo_action.shortcut() and not self.redo_action.isEnabled():
            self.statusBar().showMessage(_("Er is niets om opnieuw te doen."))
            event.accept()
            return
        super().keyPressEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt's name
        """Remember the window's size and place, and write the automatic backup."""
        from ui.settings import backup_actions

        self._window_state.setValue("geometry", self.saveGeometry())
        self._window_state.setValue(frame.SCHEME_KEY, design.current_scheme())
        self._window_state.sync()
        backup_actions.backup_on_close(self, self.context)
        super().closeEvent(event)
