"""Start the desktop window: Qt application, translators, fonts, context, main window."""

from __future__ import annotations

import os
import sys
import tempfile
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from PySide6.QtWidgets import QApplication, QMessageBox
from sqlite_utils import Database

from app import context as context_module
from app import database, lock, paths
from app import settings as settings_module
from caseload import demo
from resources import i18n
from resources.errors import UserError
from resources.i18n import _
from ui import error_dialog, main_window, passphrase_dialog, qt_setup

DEMO_CLIENTS = 400

#: Asks a new passphrase for a database that does not exist yet; None when the user cancels.
AskNew = Callable[[], str | None]
#: Asks the passphrase of an encrypted file until the check (None = opened) accepts it.
AskExisting = Callable[[Path, Callable[[str], str | None]], bool]


class StartCancelled(Exception):
    """The user cancelled a passphrase dialog: Trede quits and nothing has changed."""


def is_new(path: Path) -> bool:
    """Whether there is no database yet at ``path`` (an empty file counts as none)."""
    return not path.exists() or path.stat().st_size == 0


def open_encrypted(path: Path, ask: AskExisting) -> tuple[Database, str]:
    """Ask the passphrase until it opens the encrypted file; StartCancelled on Annuleren."""
    opened: list[tuple[Database, str]] = []

    def check(passphrase: str) -> str | None:
        try:
            opened.append((database.open_database(path, passphrase), passphrase))
        except UserError as error:
            return error.message
        return None

    if not ask(path, check) or not opened:
        raise StartCancelled
    return opened[-1]


def open_for_window(
    path: Path, ask_new: AskNew | None = None, ask_existing: AskExisting | None = None
) -> tuple[Database, str | None]:
    """Open the user's database for the window, asking a passphrase where one is needed.

    A new database is created encrypted with a chosen passphrase; an encrypted one asks it;
    a plain one (made before encryption, or by a test) opens as it is. TREDE_PASSPHRASE wins.
    """
    from_env = os.environ.get(database.PASSPHRASE_ENV) or None
    new = is_new(path)
    if not new and not database.is_encrypted(path):
        return database.open_database(path), None
    if from_env is not None:
        return database.open_database(path, from_env), from_env
    if new and ask_new is not None:
        chosen = ask_new()
        if chosen is None:
            raise StartCancelled
        return database.open_database(path, chosen), chosen
    if not new and ask_existing is not None:
        return open_encrypted(path, ask_existing)
    db = database.open_database(path)
    return db, database.passphrase_of(db)


def build_context(
    database_path: Path | None,
    demo_mode: bool,
    ask_new: AskNew | None = None,
    ask_existing: AskExisting | None = None,
) -> context_module.AppContext:
    """Open the database and read the settings, as the window will use them."""
    resolved = paths.resolve(database_path)
    if demo_mode:
        return build_demo_context(resolved)
    writer_lock = lock.WriterLock(resolved.database)
    writer_lock.acquire()
    try:
        db, passphrase = open_for_window(resolved.database, ask_new, ask_existing)
        return context_module.AppContext(
            db=db,
            paths=resolved,
            settings=settings_module.load(resolved.settings),
            demo=False,
            writer_lock=writer_lock,
            passphrase=passphrase,
        )
    except BaseException:
        writer_lock.release()
        raise


def build_demo_context(user_paths: paths.Paths) -> context_module.AppContext:
    """A fresh synthetic caseload in a temporary folder; the user's own files stay untouched."""
    folder = Path(tempfile.mkdtemp(prefix="trede-demo-"))
    resolved = paths.Paths(folder / "demo.db", folder / "settings.json", user_paths.window_state)
    own = settings_module.load(user_paths.settings)
    demo_settings = replace(
        own,
        municipality=own.municipality or _("Demogemeente"),
        user_name=own.user_name or _("Demogebruiker"),
    )
    settings_module.save(resolved.settings, demo_settings)
    db = database.open_database(resolved.database)
    demo.fill(db, DEMO_CLIENTS, seed=1)
    return context_module.AppContext(db=db, paths=resolved, settings=demo_settings, demo=True)


def run(database_path: Path | None, language: str, demo_mode: bool) -> int:
    """Show the main window until the user closes it."""
    application = QApplication.instance() or QApplication(sys.argv)
    assert isinstance(application, QApplication)
    application.setApplicationName(paths.APP_NAME)
    application.setApplicationDisplayName(paths.APP_NAME)
    application.setOrganizationName(paths.APP_NAME)
    qt_setup.install_fonts(application)
    i18n.set_language(language)
    qt_setup.install_translators(application, language)
    try:
        context = build_context(
            database_path,
            demo_mode,
            ask_new=passphrase_dialog.ask_new_passphrase,
            ask_existing=passphrase_dialog.ask_passphrase,
        )
    except StartCancelled:
        return 0
    except UserError as error:
        QMessageBox.critical(None, _("Trede kan niet starten"), error.message)
        return 1
    error_dialog.install()
    window = main_window.MainWindow(context)
    window.show()
    try:
        return application.exec()
    finally:
        context.close()
