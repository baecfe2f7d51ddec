"""Backups from the command line: ``trede backup`` and ``trede restore``."""

from __future__ import annotations

import argparse
from pathlib import Path

from app import backup, commands_basic, database, lock
from resources import audit
from resources.i18n import _


def register(subparsers: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:  # type: ignore[type-arg]
    """Add ``backup`` and ``restore``."""
    making = subparsers.add_parser(
        "backup",
        parents=[common],
        help=_("maak een back-up van de database"),
        description=_(
            "Maak een back-up van de database in één bestand. Dat kan ook terwijl Trede open is."
        ),
    )
    making.add_argument(
        "--out", type=Path, required=True, metavar=_("BESTAND"), help=_("het back-upbestand")
    )
    making.set_defaults(handler=make_backup, writes_backup=True, makes_folders=True)

    restoring = subparsers.add_parser(
        "restore",
        parents=[common],
        help=_("zet een back-up terug"),
        description=_(
            "Zet een back-up terug. Trede controleert de back-up eerst. De huidige database "
            "blijft bewaard naast het bestand, met 'before-restore' en de tijd in de naam."
        ),
    )
    restoring.add_argument("file", type=Path, metavar=_("BESTAND"), help=_("het back-upbestand"))
    restoring.set_defaults(handler=restore_backup, replaces_database=True)


def make_backup(options: argparse.Namespace) -> int:
    """Write a backup to ``--out`` and say where it is."""
    db = database.open_database(commands_basic.database_path(options))
    try:
        # Before anything is written, also the log line: a damaged file is left as it is.
        backup.refuse_damaged(db, backup.FULL)
        written = backup.write(db, options.out)
        # Logged once the copy is there and checked: a backup that failed is not in the log.
        with db.atomic():
            audit.record(
                db,
                actor=commands_basic.actor(),
                action="database.backup",
                obj=options.out.name,
                origin="cli",
            )
    finally:
        database.close(db)
    print(_("Back-up gemaakt: %(path)s") % {"path": written})
    return 0


def restore_backup(options: argparse.Namespace) -> int:
    """Check the backup, keep the current database, then put the backup in its place."""
    target = commands_basic.database_path(options)
    # Never swap the data under an open window or a running command (an import would be lost):
    # restore only when nothing else holds the database, and keep it until the log line is in.
    with lock.WriterLock(target), lock.UseLock(target, exclusive=True):
        kept = backup.restore(target, options.file)
        db = database.open_database(target)
        try:
            with db.atomic():
                audit.record(
                    db,
                    actor=commands_basic.actor(),
                    action="database.restore",
                    obj=options.file.name,
                    origin="cli",
                )
        finally:
            database.close(db)
    print(_("Back-up teruggezet uit %(path)s.") % {"path": options.file})
    if kept is not None:
        print(_("De vorige database is bewaard als %(path)s.") % {"path": kept})
    return 0
