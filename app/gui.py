"""Start the desktop window: Qt application, translators, fonts, context, main window."""

from __future__ import annotations

import sys
import tempfile
from dataclasses import replace
from pathlib import Path

from PySide6.QtWidgets import QApplication, QMessageBox

from app import context as context_module
from app import database, lock, paths
from app import settings as settings_module
from caseload import demo
from resources import i18n
from resources.errors import UserError
from resources.i18n import _
from ui import error_dialog, main_window, qt_setup

DEMO_CLIENTS = 400


def build_context(database_path: Path | None, demo_mode: bool) -> context_module.AppContext:
    """Open the database and read the settings, as the window will use them."""
    resolved = paths.resolve(database_path)
    if demo_mode:
        return build_demo_context(resolved)
    writer_lock = lock.WriterLock(resolved.database)
    writer_lock.acquire()
    try:
        db = database.open_database(resolved.database)
        return context_module.AppContext(
            db=db,
            paths=resolved,
            settings=settings_module.load(resolved.settings),
            demo=False,
            writer_lock=writer_lock,
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
        context = build_context(database_path, demo_mode)
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
