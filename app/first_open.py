"""The bare connection to the database file, Trede's pragmas, and the quick open for the window.

Nothing here loads sqlite-utils or the migrations: the window reads and paints its first page
through the connection ``open_for_first_page`` answers, and ``app.database.adopt`` makes the
full ``Database`` over that same connection in the next event-loop turns. A file that needs
anything more than reading (a migration, derived data left to compute, a newer schema, a
wrong passphrase, a read-only file) gets no quick open: it takes the full path first.
"""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path
from typing import Any

from caseload import schema_names
from resources import errors
from resources.files import SQLITE_HEADER as SQLITE_HEADER

BUSY_TIMEOUT_MS = 5000
#: The command line takes the passphrase of an encrypted database from here, else a prompt.
PASSPHRASE_ENV = "TREDE_PASSPHRASE"
#: The schema version this Trede writes: the number of migrations it knows. Equal to
#: ``app.database.known_version()`` (a test holds them equal); a new migration raises both.
SCHEMA_VERSION = 13
#: Where sqlite-utils records the migrations applied (``Migrations.migrations_table``).
MIGRATIONS_TABLE = "_sqlite_migrations"


def is_encrypted(path: Path) -> bool:
    """Whether the file exists with content that is not plain SQLite: encrypted (or foreign)."""
    try:
        with path.open("rb") as handle:
            header = handle.read(len(SQLITE_HEADER))
    except OSError:
        return False
    return bool(header) and header != SQLITE_HEADER


def is_read_only(path: Path) -> bool:
    """Whether the database file exists and may not be written (permissions or a read-only disk)."""
    return path.exists() and not os.access(path, os.W_OK)


def _keyed(path: Path, uri: str | None, passphrase: str) -> Any:
    """A SQLCipher connection with the key set (checked on first use)."""
    from sqlcipher3 import dbapi2 as sqlcipher  # only for an encrypted file

    connection = sqlcipher.connect(
        uri or str(path), uri=uri is not None, timeout=BUSY_TIMEOUT_MS / 1000
    )
    # SQLCipher would log a wrong key to stderr; the user gets one sentence from Trede instead.
    connection.execute("PRAGMA cipher_log_level = NONE")
    connection.execute("PRAGMA key = '" + passphrase.replace("'", "''") + "'")
    return connection


def raw_connection(
    path: Path, *, read_only: bool = False, passphrase: str | None = None
) -> sqlite3.Connection:
    """A bare connection to a database file; read-only opens never create or change it."""
    if passphrase is not None:
        ro_uri = f"{path.resolve().as_uri()}?mode=ro" if read_only or is_read_only(path) else None
        return _keyed(path, ro_uri, passphrase)  # type: ignore[no-any-return]
    if read_only or is_read_only(path):
        uri = f"{path.resolve().as_uri()}?mode=ro"
        wal = path.with_name(path.name + "-wal")
        if not os.access(path.parent, os.W_OK) and not wal.exists():
            # A read-only folder cannot hold SQLite's -shm file; nobody can change this file then.
            uri += "&immutable=1"
        return sqlite3.connect(uri, uri=True, timeout=BUSY_TIMEOUT_MS / 1000)
    return sqlite3.connect(str(path), timeout=BUSY_TIMEOUT_MS / 1000)


def set_pragmas(connection: Any, path: Path) -> None:
    """Trede's pragmas on a new connection (after the check that the file is not newer)."""
    connection.execute("PRAGMA foreign_keys = ON")
    connection.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    if not is_read_only(path):
        connection.execute("PRAGMA journal_mode = WAL")
    # FULL: a commit that was acknowledged survives a power loss, not only a crash.
    connection.execute("PRAGMA synchronous = FULL")
    # Erased clients must not stay readable in free pages of the file.
    connection.execute("PRAGMA secure_delete = ON")


def is_up_to_date(connection: Any) -> bool:
    """Whether the file has exactly this Trede's migrations, recorded, with nothing left to
    compute after them: then opening it in full changes nothing (see ``app.database.migrate``)."""
    version = int(connection.execute("PRAGMA user_version").fetchone()[0])
    tables = {
        row[0]
        for row in connection.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name IN (?, ?)",
            (MIGRATIONS_TABLE, schema_names.STALE_TABLE),
        )
    }
    if version != SCHEMA_VERSION or tables != {MIGRATIONS_TABLE}:
        return False
    applied = connection.execute(f"SELECT count(*) FROM [{MIGRATIONS_TABLE}]").fetchone()[0]
    return int(applied) == SCHEMA_VERSION


def open_for_first_page(path: Path, passphrase: str | None) -> Any | None:
    """A connection with Trede's pragmas, for the window to read its first page at once; None
    when the file must be opened in full first (``app.database.open_database``), which then
    says what is wrong, if anything."""
    try:
        if path.stat().st_size == 0 or is_read_only(path):
            return None
    except OSError:
        return None
    if is_encrypted(path) != (passphrase is not None):
        return None
    try:
        connection = raw_connection(path, passphrase=passphrase)
    except errors.DATABASE_ERRORS:
        return None
    try:
        if not is_up_to_date(connection):
            connection.close()
            return None
        set_pragmas(connection, path)
    except errors.DATABASE_ERRORS:
        connection.close()  # a wrong passphrase, a damaged file: the full open explains it
        return None
    return connection
