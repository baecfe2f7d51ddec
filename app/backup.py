"""Backups: a copy through SQLite's backup API, automatic ones on close, and a checked restore.

Nothing saved is ever lost: a restore first keeps the current file next to it, and a backup
is written to a temporary name and renamed only when it is complete.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
from dataclasses import dataclass
from pathlib import Path

from sqlite_utils import Database

from app import chain_head, database
from resources import audit, errors
from resources.errors import file_reason
from resources.i18n import _

FOLDER_NAME = "backups"
#: How many automatic backups are kept when the settings say nothing else.
DEFAULT_KEEP = 10


class BackupProblem(database.DatabaseProblem):
    """A backup cannot be made, read or restored; the message says why."""


@dataclass(frozen=True)
class BackupInfo:
    """What a checked backup holds, to show before it is restored."""

    path: Path
    schema_version: int
    clients: int
    quickscans: int
    made_at: dt.datetime


def folder_for(database_path: Path) -> Path:
    """The folder of automatic backups: ``backups/`` next to the database."""
    return database_path.parent / FOLDER_NAME


def _stamp() -> str:
    return dt.datetime.now().strftime("%Y%m%d-%H%M%S-%f")


#: How thoroughly a database is checked: SQLite's full ``integrity_check`` (every index against
#: its table; for the manual backup and a restore), ``quick_check`` (the pages and records, in a
#: fraction of the time; for the automatic backup on closing), or not at all.
FULL = "integrity_check"
QUICK = "quick_check"


def damage(connection: object, level: str = FULL) -> str | None:
    """SQLite's first complaint about the file at this check level, or None when it is sound."""
    try:
        # One complaint is enough to refuse; SQLite would otherwise list up to a hundred.
        rows = connection.execute(f"PRAGMA {level}(1)").fetchall()  # type: ignore[attr-defined]
    except errors.DATABASE_ERRORS as error:
        return str(error)
    lines = [
        line.strip()
        for row in rows
        if row[0] != "ok"
        for line in str(row[0]).splitlines()
        if line.strip() and not line.startswith("***")
    ]
    return lines[0] if lines else None


def refuse_damaged(db: Database, level: str = FULL) -> None:
    """Raise BackupProblem when the database fails the check: a backup of it would not help."""
    complaint = damage(db.conn, level)
    if complaint is not None:
        raise BackupProblem(
            _(
                "De database is beschadigd (%(reason)s), dus er is geen back-up gemaakt. "
                "Zet een eerdere back-up terug."
            )
            % {"reason": complaint}
        )


def _verify_copy(target: Path, passphrase: str | None, level: str) -> None:
    """Check the written copy; a copy that does not pass is removed and refused."""
    copy = database.raw_connection(target, read_only=True, passphrase=passphrase)
    try:
        complaint = damage(copy, level)
    finally:
        copy.close()
    if complaint is not None:
        raise BackupProblem(
            _("De back-up %(path)s is na het schrijven niet in orde (%(reason)s).")
            % {"path": target, "reason": complaint}
        )


def write(db: Database, target: Path, verify: str | None = FULL) -> Path:
    """Copy the open database to ``target`` (readable by the user only) and return it.

    The copy is checked at level ``verify`` before it takes the name ``target``; None only for
    the copy of the current file that a restore keeps aside, which must be kept even damaged.
    """
    temporary = target.with_name(f".{target.name}.partial")
    try:
        target.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        with contextlib.suppress(FileNotFoundError):
            temporary.unlink()
        database.create_private(temporary)
        # An encrypted database gets an encrypted backup, with the same key.
        copy = database.raw_connection(temporary, passphrase=database.passphrase_of(db))
        try:
            db.conn.backup(copy)
            # One self-contained file: no -wal or -shm next to a backup.
            copy.execute("PRAGMA journal_mode = DELETE")
            head = chain_head.newest(copy)
        finally:
            copy.close()
        if verify is not None:
            _verify_copy(temporary, database.passphrase_of(db), verify)
        # The copy's newest log line is kept outside it too: a restore then notices a backup
        # whose log was cut short or added to after it was written.
        chain_head.keep(target, head)
        os.replace(temporary, target)
    except BackupProblem:
        with contextlib.suppress(OSError):
            temporary.unlink()
        raise
    except errors.DATABASE_ERRORS as error:
        with contextlib.suppress(OSError):
            temporary.unlink()
        raise BackupProblem(
            _("De back-up %(path)s kan niet worden gemaakt: %(reason)s")
            % {"path": target, "reason": database.explain(error, target)}
        ) from error
    except OSError as error:
        with contextlib.suppress(OSError):
            temporary.unlink()
        raise BackupProblem(
            _("De back-up %(path)s kan niet worden gemaakt: %(reason)s")
            % {"path": target, "reason": file_reason(error)}
        ) from error
    return target


def _last_audit_hash(connection: object) -> str | None:
    """The hash of the newest audit entry: every change is logged, so it marks the content."""
    try:
        row = connection.execute(  # type: ignore[attr-defined]
            "SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1"
        ).fetchone()
    except errors.DATABASE_ERRORS:
        return None
    return None if row is None else str(row[0])


def unchanged_since(db: Database, backup_path: Path) -> bool:
    """Whether the database holds nothing that the backup lacks (same newest audit entry)."""
    current = _last_audit_hash(db.conn)
    if current is None:
        return False
    try:
        connection = database.raw_connection(
            backup_path, read_only=True, passphrase=database.passphrase_of(db)
        )
    except errors.DATABASE_ERRORS:
        return False
    try:
        return _last_audit_hash(connection) == current
    finally:
        connection.close()


def automatic(db: Database, database_path: Path, keep: int = DEFAULT_KEEP) -> Path | None:
    """Write a dated backup into the backups folder and remove all but the newest ``keep``.

    When nothing changed since the newest backup, none is written: copying a large caseload
    on every close would make closing slow and push the useful backups out.
    """
    existing = listed(database_path)
    if existing and unchanged_since(db, existing[0]):
        return None
    refuse_damaged(db, QUICK)
    folder = folder_for(database_path)
    target = write(db, folder / f"{database_path.stem}-{_stamp()}.db", verify=QUICK)
    for old in listed(database_path)[max(keep, 1) :]:
        with contextlib.suppress(OSError):
            old.unlink()
            chain_head.forget(old)
    return target


def listed(database_path: Path) -> list[Path]:
    """The automatic backups of this database, newest first."""
    folder = folder_for(database_path)
    if not folder.is_dir():
        return []
    return sorted(folder.glob(f"{database_path.stem}-*.db"), reverse=True)


def inspect(path: Path, passphrase: str | None = None) -> BackupInfo:
    """Check a backup before it is used: a sound Trede database, not newer than this app."""
    if not path.is_file():
        raise BackupProblem(_("De back-up %(path)s bestaat niet.") % {"path": path})
    passphrase = database.passphrase_for(path, passphrase)
    database.refuse_foreign_file(path, passphrase)
    try:
        connection = database.raw_connection(path, read_only=True, passphrase=passphrase)
    except errors.DATABASE_ERRORS as error:
        raise BackupProblem(
            _("De back-up %(path)s kan niet worden gelezen: %(reason)s")
            % {"path": path, "reason": database.explain(error)}
        ) from error
    try:
        db = Database(connection)
        if damage(connection, FULL) is not None:
            raise BackupProblem(
                _("De back-up %(path)s is beschadigd. Er is niets teruggezet.") % {"path": path}
            )
        if not {"clients", "audit_log"} <= set(db.table_names()):
            raise BackupProblem(
                _("%(path)s is geen back-up van Trede. Er is niets teruggezet.") % {"path": path}
            )
        broken = audit.broken_entries(db)
        if broken:
            raise BackupProblem(
                _(
                    "Het logboek in de back-up %(path)s is verbroken bij regel %(id)s: er is mee "
                    "geknoeid. Er is niets teruggezet."
                )
                % {"path": path, "id": broken[0]}
            )
        cut = chain_head.mismatch(path, chain_head.newest(connection))
        if cut is not None:
            raise BackupProblem(
                _(
                    "De back-up %(path)s is na het maken veranderd: %(reason)s Er is niets teruggezet."
                )
                % {"path": path, "reason": cut}
            )
        versions = database.newer_schema(db)
        if versions is not None:
            raise BackupProblem(database.newer_sentence(path, versions))
        info = BackupInfo(
            path=path,
            schema_version=database.schema_version(db),
            clients=db["clients"].count,
            quickscans=db["quickscan_responses"].count
            if "quickscan_responses" in db.table_names()
            else 0,
            made_at=dt.datetime.fromtimestamp(path.stat().st_mtime),
        )
    except errors.DATABASE_ERRORS as error:
        if passphrase is not None and "not a database" in str(error):
            raise BackupProblem(
                _("Het wachtwoord past niet bij de back-up %(path)s. Er is niets teruggezet.")
                % {"path": path}
            ) from error
        raise BackupProblem(
            _("De back-up %(path)s is beschadigd: %(reason)s")
            % {"path": path, "reason": database.explain(error)}
        ) from error
    finally:
        connection.close()
    return info


def restore(database_path: Path, source: Path, passphrase: str | None = None) -> Path | None:
    """Put a checked backup in place of the database; return where the old one was kept (None
    when there was no database yet: a new computer, a new folder)."""
    passphrase = database.passphrase_for(database_path, passphrase)
    inspect(source, passphrase)
    new = not database_path.exists() or database_path.stat().st_size == 0
    restored = False
    current = database.connect(database_path, passphrase)
    try:
        # Kept even when damaged (that may be why the user restores): no check on this copy.
        kept = (
            None
            if new
            else write(
                current,
                database_path.with_name(f"{database_path.name}.before-restore-{_stamp()}"),
                verify=None,
            )
        )
        backup_connection = database.raw_connection(source, read_only=True, passphrase=passphrase)
        try:
            # From now on the database ends where the backup's log ends: noted before and after.
            restored_head = chain_head.newest(backup_connection)
            chain_head.expect(database_path, restored_head)
            # The backup API replaces the pages in one transaction: all of the backup or nothing.
            backup_connection.backup(current.conn)
            chain_head.keep(database_path, restored_head)
            restored = True
        finally:
            backup_connection.close()
    except errors.DATABASE_ERRORS as error:
        raise BackupProblem(
            _("De back-up kan niet worden teruggezet: %(reason)s")
            % {"reason": database.explain(error)}
        ) from error
    finally:
        database.close(current)
        if new and not restored:
            # Nothing was there before: no empty database is left behind by a failed restore.
            with contextlib.suppress(OSError):
                database_path.unlink()
    # An older backup is brought up to the current schema right away.
    database.close(database.open_database(database_path, passphrase))
    return kept
