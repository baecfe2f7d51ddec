"""Start the desktop window: Qt application, translators, fonts, context, main window."""

from __future__ import annotations

import os
import sys
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import QApplication, QMessageBox

from app import context as context_module
from app import first_open, keys, lock, paths
from app import settings as settings_module
from resources import audit, i18n
from resources.errors import UserError
from resources.i18n import _
from ui import error_dialog, qt_setup
from ui.shell import frame, main_window, page_stack

if TYPE_CHECKING:
    from sqlite_utils import Database

# ``app.database`` (sqlite-utils, every domain's migrations) is imported where a database is
# opened in full: a file that can be read at once is read and painted before it is loaded
# (``open_first``).

DEMO_CLIENTS = 400

#: Asks a new passphrase for a database that does not exist yet. Gets whether the keyring may be
#: offered; answers the passphrase and whether to keep it in the keyring, or None (Annuleren).
AskNew = Callable[[bool], tuple[str, bool] | None]
#: Asks the passphrase of an encrypted file until the check (None = opened) accepts it. The
#: third argument says why it is asked although the keyring was meant to answer ("" normally).
AskExisting = Callable[[Path, Callable[[str], str | None], str], bool]


class StartCancelled(Exception):
    """The user cancelled a passphrase dialog: Trede quits and nothing has changed."""


@dataclass(frozen=True)
class Opened:
    """The database as the window gets it, with what the start asked and found."""

    db: Database
    passphrase: str | None
    #: Whether the passphrase is (now) kept in the system keyring.
    remember: bool = False
    #: One sentence to show once the window is up, when the keyring let the user down.
    notice: str | None = None


def is_new(path: Path) -> bool:
    """Whether there is no database yet at ``path`` (an empty file counts as none)."""
    return not path.exists() or path.stat().st_size == 0


def open_encrypted(path: Path, ask: AskExisting, note: str = "") -> tuple[Database, str]:
    """Ask the passphrase until it opens the encrypted file; StartCancelled on Annuleren."""
    from app import database

    opened: list[tuple[Database, str]] = []

    def check(passphrase: str) -> str | None:
        try:
            opened.append((database.open_database(path, passphrase), passphrase))
        except UserError as error:
            return error.message
        return None

    if not ask(path, check, note) or not opened:
        raise StartCancelled
    return opened[-1]


def _remembered(path: Path) -> tuple[str | None, str, bool]:
    """The keyring's passphrase for ``path`` (or None with why Trede asks), and whether the
    keyring could be reached."""
    try:
        stored = keys.stored(path)
    except keys.KeyringProblem as problem:
        return None, problem.message + " " + _("Typ uw wachtwoord."), False
    if stored is None:
        return (
            None,
            _(
                "Er staat nog geen wachtwoord voor dit bestand in de sleutelhanger. "
                "Typ uw wachtwoord; Trede bewaart het daarna."
            ),
            True,
        )
    return stored, "", True


def _keep(db: Database, path: Path, passphrase: str, actor: str) -> str | None:
    """Store the passphrase in the keyring (logged); a sentence for the user when that failed."""
    try:
        context_module.keep_passphrase(db, path, passphrase, actor)
    except keys.KeyringProblem as problem:
        return problem.message + " " + _("Bij de volgende start vraagt Trede het wachtwoord.")
    return None


def open_for_window(
    path: Path,
    ask_new: AskNew | None = None,
    ask_existing: AskExisting | None = None,
    *,
    remember: bool = False,
    actor: str = "onbekend",
) -> Opened:
    """Open the user's database for the window, asking a passphrase where one is needed.

    A new database is created encrypted with a chosen passphrase; an encrypted one asks it,
    unless ``remember`` is on and the keyring holds one that opens it (else the dialog says why
    it asks); a plain one opens as it is. TREDE_PASSPHRASE wins over everything.
    """
    from app import database

    from_env = os.environ.get(database.PASSPHRASE_ENV) or None
    new = is_new(path)
    if not new and not database.is_encrypted(path):
        return Opened(database.open_database(path), None)
    if from_env is not None:
        return Opened(database.open_database(path, from_env), from_env, remember)
    if new and ask_new is not None:
        answer = ask_new(keys.usable())
        if answer is None:
            raise StartCancelled
        chosen, keep = answer
        db = database.open_database(path, chosen)
        notice = _keep(db, path, chosen, actor) if keep else None
        return Opened(db, chosen, keep and notice is None, notice)
    if not new and ask_existing is not None:
        note, reachable = "", True
        if remember:
            stored, note, reachable = _remembered(path)
            if stored is not None:
                try:
                    return Opened(database.open_database(path, stored), stored, True)
                except UserError:
                    note = _(
                        "Het wachtwoord in de sleutelhanger opent deze database niet meer. "
                        "Misschien is het gewijzigd. Typ uw wachtwoord."
                    )
        db, passphrase = open_encrypted(path, ask_existing, note)
        # Typed by hand although the keyring was meant to answer: keep the right one there now.
        notice = _keep(db, path, passphrase, actor) if remember and reachable else None
        return Opened(db, passphrase, remember, notice)
    db = database.open_database(path)
    return Opened(db, database.passphrase_of(db))


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
        settings = settings_module.load(resolved.settings)
        quick = open_first(resolved, settings, writer_lock)
        if quick is not None:
            return quick
        opened = open_for_window(
            resolved.database,
            ask_new,
            ask_existing,
            remember=settings.remember_passphrase,
            actor=settings.user_name or "onbekend",
        )
        if opened.remember != settings.remember_passphrase and opened.passphrase is not None:
            settings = replace(settings, remember_passphrase=opened.remember)
            settings_module.save(resolved.settings, settings)
        return context_module.AppContext(
            db=opened.db,
            paths=resolved,
            settings=settings,
            demo=False,
            writer_lock=writer_lock,
            passphrase=opened.passphrase,
            start_notice=opened.notice,
            log_warning=log_cut(opened.db, resolved.database, settings.user_name),
        )
    except BaseException:
        writer_lock.release()
        raise


def known_passphrase(path: Path, settings: settings_module.Settings) -> tuple[bool, str | None]:
    """Whether the passphrase of ``path`` is known without asking, and which it is (None for a
    plain file): TREDE_PASSPHRASE, else the keyring's when it is meant to keep it."""
    if not first_open.is_encrypted(path):
        return True, None
    from_env = os.environ.get(first_open.PASSPHRASE_ENV) or None
    if from_env is not None:
        return True, from_env
    if not settings.remember_passphrase:
        return False, None
    try:
        stored = keys.stored(path)
    except keys.KeyringProblem:
        return False, None
    return stored is not None, stored


def open_first(
    resolved: paths.Paths, settings: settings_module.Settings, writer_lock: lock.WriterLock
) -> context_module.OpeningContext | None:
    """The window's context over a connection that reads at once, without sqlite-utils and the
    migrations (``app.first_open``); None when the file needs the full open first (new, a
    migration, a passphrase to ask, anything to explain)."""
    known, passphrase = known_passphrase(resolved.database, settings)
    if not known:
        return None
    connection = first_open.open_for_first_page(resolved.database, passphrase)
    if connection is None:
        return None

    def finish(connection: Any) -> Database:
        from app import database

        db = database.adopt(connection, resolved.database, passphrase)
        context.log_warning = log_cut(db, resolved.database, settings.user_name)
        return db

    context = context_module.OpeningContext(
        connection,
        finish,
        paths=resolved,
        settings=settings,
        demo=False,
        writer_lock=writer_lock,
        passphrase=passphrase,
    )
    return context


def finish_opening(window: main_window.MainWindow, context: context_module.AppContext) -> None:
    """After the first paint: open the database in full (for a context that was not yet), check
    the log's end, and say what the user should know."""
    try:
        warning = context.log_warning  # an OpeningContext opens the database in full for it
    except UserError as error:
        QMessageBox.critical(window, _("Trede kan niet starten"), error.message)
        window.close()
        return
    if warning:
        QMessageBox.warning(window, _("Logboek"), warning)
    if context.start_notice:
        QMessageBox.information(window, _("Sleutelhanger"), context.start_notice)


def log_cut(db: Database, path: Path, actor: str) -> str | None:
    """Why the log does not end where it should; the finding itself goes into the log too."""
    from app import database

    problem = database.chain_problem(db)
    if problem is not None:
        audit.record_alone(
            db,
            actor=actor or "onbekend",
            action="audit.chain_cut",
            obj=path.name,
            result="detected",
        )
    return problem


def build_demo_context(user_paths: paths.Paths) -> context_module.AppContext:
    """A fresh synthetic caseload in a temporary folder; the user's own files stay untouched."""
    folder = Path(tempfile.mkdtemp(prefix="trede-demo-"))
    resolved = paths.Paths(folder / "demo.db", folder / "settings.json", user_paths.window_state)
    own = settings_module.load(user_paths.settings)
    from app import database
    from caseload import demo  # only for --demo: an ordinary start does not load them

    db = database.open_database(resolved.database)
    demo.fill(db, DEMO_CLIENTS, seed=1)
    # Without a name of one's own, play one of the demo klantmanagers: Vandaag then shows a
    # caseload of one's own, as it will for a real user.
    first_manager = db.execute(
        "SELECT klantmanager FROM clients GROUP BY klantmanager ORDER BY count(*) DESC LIMIT 1"
    ).fetchone()
    demo_settings = replace(
        own,
        municipality=own.municipality or _("Demogemeente"),
        user_name=own.user_name or (first_manager[0] if first_manager else _("Demogebruiker")),
    )
    settings_module.save(resolved.settings, demo_settings)
    return context_module.AppContext(db=db, paths=resolved, settings=demo_settings, demo=True)


def ask_new_passphrase(offer_keyring: bool) -> tuple[str, bool] | None:
    """The dialog that asks a new file's passphrase (loaded only for a file that needs it)."""
    from ui.security import passphrase_dialog

    return passphrase_dialog.ask_new_passphrase(offer_keyring)


def ask_passphrase(path: Path, check: Callable[[str], str | None], note: str) -> bool:
    """The dialog that asks an encrypted file's passphrase (loaded only when it must be asked)."""
    from ui.security import passphrase_dialog

    return passphrase_dialog.ask_passphrase(path, check, note)


def run(
    database_path: Path | None, language: str, demo_mode: bool, close_after_start: bool = False
) -> int:
    """Show the main window until the user closes it (or, with ``close_after_start``, until it
    has been painted once: a check after installing that Qt, its plugins and the data load)."""
    application = QApplication.instance() or QApplication(sys.argv)
    assert isinstance(application, QApplication)
    application.setApplicationName(paths.APP_NAME)
    # No display name: Qt would add it to every title ("Trede — Leiden — Trede").
    application.setOrganizationName(paths.APP_NAME)
    qt_setup.install_fonts(application)
    i18n.set_language(language)
    qt_setup.install_translators(application, language)
    try:
        context = build_context(
            database_path,
            demo_mode,
            ask_new=ask_new_passphrase,
            ask_existing=ask_passphrase,
        )
    except StartCancelled:
        frame.close_frame()
        return 0
    except UserError as error:
        frame.close_frame()
        QMessageBox.critical(None, _("Trede kan niet starten"), error.message)
        return 1
    error_dialog.install()
    window = main_window.MainWindow(context)
    window.show()
    opening = isinstance(context, context_module.OpeningContext)
    if opening:
        # The first page is read and painted first; then the database is opened in full. Asked
        # before the hand-over, so it comes after it (the watcher added last sees the paint
        # first): the frame goes and the window takes the keys at once.
        page_stack.after_first_paint(window, lambda: finish_opening(window, context))
    frame.hand_over(window)  # the window has the frame's size and place: it takes its place
    if close_after_start:
        qt_setup.close_after_first_paint(window)
    if not opening:
        finish_opening(window, context)
    try:
        return application.exec()
    finally:
        context.close()
