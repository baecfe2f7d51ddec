"""The window and the housekeeping commands: ``trede``, ``trede check``."""

from __future__ import annotations

import argparse
import getpass
import sys
from pathlib import Path

from app import paths
from app import settings as settings_module
from resources import i18n
from resources.i18n import _


def register(subparsers: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:  # type: ignore[type-arg]
    """Add ``check``."""
    check = subparsers.add_parser(
        "check",
        parents=[common],
        help=_("controleer de database"),
        description=_(
            "Controleer de database: de samenhang van het bestand, de verwijzingen en het logboek; "
            "met --full ook elke index. Een nieuw bestand wordt aangemaakt."
        ),
    )
    check.add_argument(
        "--full",
        action="store_true",
        help=_(
            "controleer ook elke index tegen de gegevens (duurt bij een groot bestand "
            "langer; de handmatige back-up doet dit altijd)"
        ),
    )
    check.set_defaults(handler=check_database)


def actor(settings: settings_module.Settings | None = None) -> str:
    """Who acts, for the audit log: the user's name from the settings, else the login name."""
    if settings is None:
        try:
            settings = settings_module.load(paths.resolve(None).settings)
        except settings_module.SettingsError:
            settings = settings_module.Settings()
    if settings.user_name:
        return settings.user_name
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return "onbekend"


def database_path(options: argparse.Namespace) -> Path:
    """The database of this run: ``--db``, else ``TREDE_DB``, else the user's data folder."""
    given = getattr(options, "db", None)
    return paths.resolve(given).database


def check_database(options: argparse.Namespace) -> int:
    """Print the schema version and ``ok``, or each problem with exit code 1."""
    from app import database  # the window's start reads its first page before loading it

    db = database.open_database(database_path(options))
    try:
        result = database.check(db, full=bool(getattr(options, "full", False)))
    finally:
        db.close()
    print(_("schemaversie %(version)d") % {"version": result.schema_version})
    if result.ok:
        print("ok")
        return 0
    for problem in result.problems:
        print(problem, file=sys.stderr)
    return 1


def open_window(options: argparse.Namespace) -> int:
    """Open the desktop window (Qt is imported only here, so batch commands stay light)."""
    from app import gui

    return gui.run(
        database_path=getattr(options, "db", None),
        language=getattr(options, "lang", None) or i18n.current_language(),
        demo_mode=bool(getattr(options, "demo", False)),
        close_after_start=bool(getattr(options, "close_after_start", False)),
    )
