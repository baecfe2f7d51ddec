"""Opening the one database file: pragmas, migrations of every domain, and the health check.

This is the only place that connects, so that pragmas (and later encryption) are set once.
"""

from __future__ import annotations

import contextlib
import getpass
import os
import sys
import weakref
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

from app import chain_head
from app.first_open import BUSY_TIMEOUT_MS as BUSY_TIMEOUT_MS
from app.first_open import PASSPHRASE_ENV as PASSPHRASE_ENV
from app.first_open import SQLITE_HEADER as SQLITE_HEADER
from app.first_open import is_encrypted as is_encrypted
from app.first_open import is_read_only as is_read_only
from app.first_open import raw_connection as raw_connection
from app.first_open import set_pragmas
from caseload import schema as caseload_schema
from quickscan import schema as quickscan_schema
from resources import audit, audit_schema, errors
from resources.errors import UserError, file_reason
from resources.i18n import _

#: Every migration set, in the order they must run (the audit log first: the stores use it).
MIGRATION_SETS: tuple[Migrations, ...] = (
    audit_schema.MIGRATIONS,
    caseload_schema.MIGRATIONS,
    quickscan_schema.MIGRATIONS,
)
#: The passphrase each open database was opened with, so backups get the same key.
_passphrases: weakref.WeakKeyDictionary[Database, str] = weakref.WeakKeyDictionary()


class TredeDatabase(Database):
    """A sqlite-utils Database whose outermost transactions tell the chain-head witness.

    Every write goes through ``atomic()``, so this is where the newest audit entry is noted
    outside the database: just before the commit (as pending) and right after it.
    """

    witness: chain_head.Witness | None = None

    @contextlib.contextmanager
    def atomic(self) -> Iterator[Database]:
        """A transaction (a savepoint when nested), with the log's head kept outside it too."""
        witness = self.witness
        if witness is None or self.conn.in_transaction:
            with super().atomic():
                yield self
            return
        try:
            with super().atomic():
                yield self
                witness.before_commit(chain_head.newest(self.conn))
        except BaseException:
            witness.after_rollback()
            raise
        witness.after_commit(chain_head.newest(self.conn))


class DatabaseProblem(UserError):
    """The database cannot be opened or used; the message says why in the user's language."""


def explain(error: BaseException, path: Path | None = None) -> str:
    """One sentence in the user's language for a database error (see ``resources.errors``)."""
    return errors.explain_database_error(error, path.parent if path else None)


def problem(error: BaseException, path: Path | None = None) -> DatabaseProblem:
    """A ``DatabaseProblem`` for any database error: a known reason alone, else SQLite's words."""
    return DatabaseProblem(errors.database_sentence(error, path.parent if path else None))


def _problem_with(template: str, error: BaseException, path: Path) -> DatabaseProblem:
    """A known trouble in its own sentence; anything else in ``template`` with SQLite's words."""
    if errors.is_known(error, path.parent):
        return problem(error, path)
    return DatabaseProblem(template % {"path": path, "reason": error})


@dataclass(frozen=True)
class CheckResult:
    """The outcome of ``trede check``."""

    schema_version: int
    problems: tuple[str, ...]

    @property
    def ok(self) -> bool:
        """Whether nothing is wrong."""
        return not self.problems


def passphrase_for(path: Path, given: str | None = None) -> str | None:
    """The passphrase to open ``path`` with: given, else TREDE_PASSPHRASE, else a prompt.

    A plain file needs none; a new file is encrypted only when a passphrase is given or set.
    """
    if given is not None:
        return given
    # An empty file is what a crash during the very first open leaves behind: it is still new,
    # and is encrypted like a missing one, not turned into a plain database.
    new = not path.exists() or path.stat().st_size == 0
    if not new and not is_encrypted(path):
        return None
    from_env = os.environ.get(PASSPHRASE_ENV)
    if from_env:
        return from_env
    if not new and sys.stdin is not None and sys.stdin.isatty():
        return getpass.getpass(_("Wachtwoord voor %(path)s: ") % {"path": path})
    return None


def refuse_foreign_file(path: Path, passphrase: str | None = None) -> None:
    """Refuse a file that exists but is not a SQLite database, before anything touches it."""
    if path.is_dir():
        raise DatabaseProblem(_("%(path)s is een map, geen databasebestand.") % {"path": path})
    try:
        with path.open("rb") as handle:
            header = handle.read(len(SQLITE_HEADER))
    except FileNotFoundError:
        return
    except OSError as error:
        raise DatabaseProblem(
            _("Het bestand %(path)s kan niet worden gelezen: %(reason)s")
            % {"path": path, "reason": file_reason(error)}
        ) from error
    if header and header != SQLITE_HEADER and passphrase is None:
        if looks_encrypted(path):
            raise DatabaseProblem(
                _(
                    "Deze database is versleuteld: geef het wachtwoord (in TREDE_PASSPHRASE, of "
                    "start Trede in een terminal). Er is niets aan %(path)s veranderd."
                )
                % {"path": path}
            )
        raise DatabaseProblem(
            _("%(path)s is geen Trede-database. Er is niets aan het bestand veranderd.")
            % {"path": path}
        )


def looks_encrypted(path: Path) -> bool:
    """Whether a file without SQLite's header looks like a SQLCipher database: whole pages of
    bytes that look random (a text or an office file repeats far fewer byte values)."""
    try:
        size = path.stat().st_size
        with path.open("rb") as handle:
            start = handle.read(1024)
    except OSError:
        return False
    return size >= 1024 and size % 1024 == 0 and len(set(start)) > 200


def create_private(path: Path) -> None:
    """Create the database file readable by the user only, with its folder if needed."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        descriptor = os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
        os.close(descriptor)
    except FileExistsError:
        return
    except OSError as error:
        raise DatabaseProblem(
            _("De database %(path)s kan niet worden gemaakt: %(reason)s")
            % {"path": path, "reason": file_reason(error)}
        ) from error


def passphrase_of(db: Database) -> str | None:
    """The passphrase the database was opened with; None for a plain file."""
    return _passphrases.get(db)


def connect(path: Path, passphrase: str | None = None) -> Database:
    """Open (or create) the database with Trede's pragmas, without migrating it."""
    passphrase = passphrase_for(path, passphrase)
    refuse_foreign_file(path, passphrase)
    create_private(path)
    try:
        connection = raw_connection(path, passphrase=passphrase)
        # No sqlite-utils plugins: Trede uses none, and looking for them means reading the
        # metadata of every installed package on every open (about 20 ms at start-up); a
        # plugin installed next to Trede must not hook into the connection either.
        db = TredeDatabase(connection, execute_plugins=False)
        if passphrase is not None:
            try:
                db.execute("select count(*) from sqlite_master").fetchone()
            except errors.DATABASE_ERRORS as error:
                connection.close()
                raise DatabaseProblem(
                    _(
                        "Het wachtwoord klopt niet, of %(path)s is geen Trede-database. "
                        "Er is niets veranderd."
                    )
                    % {"path": path}
                ) from error
            _passphrases[db] = passphrase
        # Before any pragma that could write: a file from a newer Trede is never changed.
        refuse_newer(db, path)
        set_pragmas(connection, path)
    except DatabaseProblem:
        connection.close()
        raise
    except errors.DATABASE_ERRORS as error:
        raise _problem_with(
            _("De database %(path)s kan niet worden geopend: %(reason)s"), error, path
        ) from error
    return db


def rekey(db: Database, new_passphrase: str) -> None:
    """Re-encrypt an encrypted database with a new passphrase (SQLCipher's ``PRAGMA rekey``)."""
    if passphrase_of(db) is None:
        raise DatabaseProblem(_("Deze database heeft geen wachtwoord. Er is niets veranderd."))
    try:
        db.execute("PRAGMA rekey = '" + new_passphrase.replace("'", "''") + "'")
    except errors.DATABASE_ERRORS as error:
        raise problem(error) from error
    _passphrases[db] = new_passphrase


def migrate(db: Database) -> None:
    """Bring every domain's tables up to date, then record the schema version."""
    current = db.execute("PRAGMA user_version").fetchone()[0]
    if current == schema_version(db) and not any(m.pending(db) for m in MIGRATION_SETS):
        # Nothing to write (a read-only file that is up to date opens fine), unless a run that
        # was stopped after its migrations left derived data to compute.
        caseload_schema.finish_migrations(db)
        return
    for migrations in MIGRATION_SETS:
        migrations.apply(db)
    caseload_schema.finish_migrations(db)
    db.execute(f"PRAGMA user_version = {schema_version(db)}")


def open_database(path: Path, passphrase: str | None = None) -> Database:
    """Open the database and migrate it: the one way the app gets a connection."""
    return _brought_up_to_date(connect(path, passphrase), path)


def adopt(connection: Any, path: Path, passphrase: str | None) -> Database:
    """The full database over a connection ``first_open.open_for_first_page`` made: the same
    checks as ``open_database`` (which find nothing to do on such a file), on the same
    connection, so whatever the window read through it stays true."""
    db = TredeDatabase(connection, execute_plugins=False)
    if passphrase is not None:
        _passphrases[db] = passphrase
    return _brought_up_to_date(db, path, check_newer=True)


def _brought_up_to_date(db: Database, path: Path, *, check_newer: bool = False) -> Database:
    """Migrate ``db`` and start watching its audit head (refusing a newer schema first when
    asked); on any failure the connection is closed, and a database error says which file."""
    try:
        if check_newer:
            refuse_newer(db, path)
        migrate(db)
        watch(db, path)
    except errors.DATABASE_ERRORS as error:
        db.close()
        raise _problem_with(
            _("De database %(path)s kan niet worden bijgewerkt: %(reason)s"), error, path
        ) from error
    except BaseException:
        db.close()
        raise
    return db


def watch(db: Database, path: Path) -> None:
    """Compare the log's end with the head kept outside, and keep that head from now on."""
    if isinstance(db, TredeDatabase):
        db.witness = chain_head.Witness(path, chain_head.newest(db.conn))


def chain_problem(db: Database) -> str | None:
    """Why the log does not end where Trede last saw it end; None when it does."""
    witness = getattr(db, "witness", None)
    return witness.problem if witness is not None else None


def close(db: Database) -> None:
    """Let SQLite refresh its query statistics, then close the connection."""
    # Statistics are an optimisation; closing must not fail over them.
    with contextlib.suppress(*errors.DATABASE_ERRORS):
        db.execute("PRAGMA optimize")
    db.close()


def schema_version(db: Database) -> int:
    """The schema version: the number of migrations applied over all domains."""
    table = Migrations.migrations_table
    if not db[table].exists():
        return 0
    return int(next(db.query(f"select count(*) as n from [{table}]"))["n"])


def unknown_migrations(db: Database) -> list[str]:
    """Migrations applied to this file that this version of Trede does not know: a newer file."""
    table = Migrations.migrations_table
    if not db[table].exists():
        return []
    known = {(m.name, step.name) for m in MIGRATION_SETS for step in m._migrations}
    return [
        f"{row['migration_set']}.{row['name']}"
        for row in db.query(f"select migration_set, name from [{table}]")
        if (row["migration_set"], row["name"]) not in known
    ]


def known_version() -> int:
    """The schema version this Trede writes: the number of migrations it knows."""
    return sum(len(migrations._migrations) for migrations in MIGRATION_SETS)


def newer_schema(db: Database) -> tuple[int, int] | None:
    """(the file's version, this program's) when the file comes from a newer Trede, else None.

    Newer means a migration this program does not know, or a recorded version above its own.
    """
    unknown = unknown_migrations(db)
    recorded = int(db.execute("PRAGMA user_version").fetchone()[0])
    own = known_version()
    if not unknown and recorded <= own:
        return None
    return max(recorded, schema_version(db)), own


def newer_sentence(name: object, versions: tuple[int, int]) -> str:
    """The one sentence that refuses a newer file, naming both versions."""
    return _(
        "%(name)s komt uit een nieuwere versie van Trede (schemaversie %(file)d, deze Trede "
        "kent tot en met %(own)d), dus verandert deze Trede er niets aan: werk Trede eerst bij."
    ) % {"name": name, "file": versions[0], "own": versions[1]}


def refuse_newer(db: Database, path: Path) -> None:
    """Raise DatabaseProblem when the open file comes from a newer Trede: it is never written."""
    versions = newer_schema(db)
    if versions is not None:
        raise DatabaseProblem(newer_sentence(path, versions))


def is_empty(db: Database) -> bool:
    """Whether the database holds no clients and no quickscans yet."""
    return db["clients"].count == 0 and db["quickscan_responses"].count == 0


def check(db: Database, full: bool = False) -> CheckResult:
    """SQLite's file check, the foreign keys and the audit chain; with ``full`` every index.

    By default ``quick_check``: every page and record, in time that grows with the file (as
    the foreign key check does). ``full`` runs ``integrity_check`` instead, which also looks up
    each row in each of its table's indexes and grows faster than the file; the manual backup
    and a restore run that full check as well (``app.backup``).
    """
    problems: list[str] = []
    pragma = "integrity_check" if full else "quick_check"
    for row in db.execute(f"PRAGMA {pragma}").fetchall():
        if row[0] != "ok":
            problems.append(str(row[0]))
    for table, rowid, parent, _index in db.execute("PRAGMA foreign_key_check").fetchall():
        problems.append(
            _("Regel %(rowid)s in %(table)s verwijst naar iets dat niet bestaat in %(parent)s.")
            % {"rowid": rowid, "table": table, "parent": parent}
        )
    cut = chain_problem(db)
    if cut is not None:
        problems.append(cut)
    broken = audit.broken_entries(db)
    if broken:
        problems.append(
            _(
                "De keten van het logboek is verbroken bij regel %(id)s: er is met het logboek geknoeid."
            )
            % {"id": broken[0]}
        )
    return CheckResult(schema_version=schema_version(db), problems=tuple(problems))
