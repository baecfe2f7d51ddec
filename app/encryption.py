"""Encrypting an existing plain database in place, safely: export, verify, swap, then wipe.

SQLCipher's ``sqlcipher_export`` copies the plain file into a new encrypted file next to it
(readable by the user only). The copy is checked (integrity, foreign keys, audit chain, the same
tables and row counts) and the conversion is logged in it; only then does it replace the
original in one ``os.replace``. Until that moment the plain original is untouched, so an error
or a kill midway leaves it as it was. Afterwards the plain bytes are overwritten where the
system allows it (an SSD or a copy-on-write file system may keep old blocks) and removed.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from app import backup, chain_head, database
from resources import audit, errors
from resources.i18n import _

#: The shortest passphrase accepted; the same as the window's (ui.passphrase_dialog).
MINIMUM_LENGTH = 10
ACTION = "database.encrypt"
#: The window's demo database: a temporary folder with this prefix holding ``demo.db``.
DEMO_FOLDER_PREFIX = "trede-demo-"
WIPE_CHUNK = 1024 * 1024


class EncryptionProblem(database.DatabaseProblem):
    """The database cannot be encrypted; the message says why and that nothing changed."""


@dataclass(frozen=True)
class Encrypted:
    """The outcome of an encryption: the file, and the older backups that are still plain."""

    path: Path
    plain_backups: tuple[Path, ...]


def temporary_for(path: Path) -> Path:
    """Where the encrypted copy is made, next to the original (same disk: the rename is atomic)."""
    return path.with_name(f".{path.name}.encrypting")


def _siblings(path: Path) -> tuple[Path, Path]:
    return path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")


def looks_like_demo(path: Path) -> bool:
    """Whether the file is the window's demo or was filled with made-up clients (``trede demo``)."""
    if path.name == "demo.db" and path.parent.name.startswith(DEMO_FOLDER_PREFIX):
        return True
    try:
        connection = database.raw_connection(path, read_only=True)
    except errors.DATABASE_ERRORS:
        return False
    try:
        row = connection.execute(
            f"select 1 from {audit.TABLE} where action = 'demo.fill' limit 1"
        ).fetchone()
    except errors.DATABASE_ERRORS:
        return False
    finally:
        connection.close()
    return row is not None


def refusal(path: Path, passphrase: str | None = None) -> str | None:
    """Why ``path`` cannot be encrypted (with ``passphrase``, when given): one sentence, or None."""
    nothing = _("Er is niets veranderd.")
    if not path.is_file() or path.stat().st_size == 0:
        return _("Er is geen database %(path)s.") % {"path": path} + " " + nothing
    if database.is_encrypted(path):
        return _("%(path)s is al versleuteld. Er is niets veranderd.") % {"path": path}
    if database.is_read_only(path) or not os.access(path.parent, os.W_OK):
        return (
            _("Trede mag %(path)s of de map ervan niet veranderen.") % {"path": path}
            + " "
            + nothing
        )
    if looks_like_demo(path):
        return _(
            "%(path)s is een demodatabase met verzonnen gegevens; die wordt niet versleuteld. "
            "Er is niets veranderd."
        ) % {"path": path}
    if passphrase is not None and len(passphrase) < MINIMUM_LENGTH:
        return _("Het wachtwoord moet minstens %(n)d tekens hebben. Er is niets veranderd.") % {
            "n": MINIMUM_LENGTH
        }
    return None


def table_counts(connection: object) -> dict[str, int]:
    """Every table, index, view and trigger by name, with the row count of each table."""
    execute = connection.execute  # type: ignore[attr-defined]
    counts: dict[str, int] = {}
    rows = execute(
        "select type, name from sqlite_master where name not like 'sqlite_%' order by name"
    ).fetchall()
    for kind, name in rows:
        quoted = '"' + name.replace('"', '""') + '"'
        counts[f"{kind}:{name}"] = (
            int(execute(f"select count(*) from {quoted}").fetchone()[0]) if kind == "table" else 0
        )
    return counts


def _export(source: Path, target: Path, passphrase: str, user_version: int) -> None:
    """Copy the plain ``source`` into the new encrypted file ``target`` with SQLCipher."""
    connection = database.raw_connection(target, passphrase=passphrase)
    try:
        connection.execute("ATTACH DATABASE ? AS plain KEY ''", (str(source),))
        connection.execute("SELECT sqlcipher_export('main', 'plain')")
        connection.execute("DETACH DATABASE plain")
        # sqlcipher_export copies tables and data, not the header's schema version.
        connection.execute(f"PRAGMA main.user_version = {int(user_version)}")
        connection.commit()
    finally:
        connection.close()


def verify(target: Path, passphrase: str, expected: dict[str, int]) -> None:
    """Check the encrypted copy: it opens with the passphrase, is sound and holds every row."""
    db = database.connect(target, passphrase)
    try:
        result = database.check(db)
        if not result.ok:
            raise EncryptionProblem(
                _("De versleutelde kopie is niet in orde: %(reason)s Er is niets veranderd.")
                % {"reason": result.problems[0]}
            )
        if table_counts(db.conn) != expected:
            raise EncryptionProblem(
                _("De versleutelde kopie mist gegevens. Er is niets veranderd.")
            )
    finally:
        db.close()


def _log_in_copy(
    target: Path, passphrase: str, obj: str, actor: str, origin: str
) -> chain_head.Head:
    """Write the conversion into the copy's audit log; the copy becomes one self-contained file.

    Returns the copy's newest log entry, which becomes the head kept outside for the original.
    """
    db = database.connect(target, passphrase)
    try:
        audit.record_alone(db, actor=actor, action=ACTION, obj=obj, origin=origin)
        head = chain_head.newest(db.conn)
        if audit.broken_entries(db):
            raise EncryptionProblem(
                _("Het logboek van de versleutelde kopie klopt niet. Er is niets veranderd.")
            )
        db.execute("PRAGMA journal_mode = DELETE")
    finally:
        db.close()
    return head


def _discard(path: Path) -> None:
    for leftover in (path, *_siblings(path)):
        with contextlib.suppress(OSError):
            leftover.unlink()


def _sync_folder(folder: Path) -> None:
    """Make the rename durable: fsync the folder (not possible, nor needed, on Windows)."""
    if os.name != "posix":
        return
    descriptor = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)


def _overwrite(stream: BinaryIO) -> None:
    """Write zeros over an open file's bytes and flush them to the disk."""
    left = stream.seek(0, os.SEEK_END)
    stream.seek(0)
    zeros = bytes(WIPE_CHUNK)
    while left > 0:
        step = min(left, WIPE_CHUNK)
        stream.write(zeros[:step])
        left -= step
    stream.flush()
    os.fsync(stream.fileno())


def wipe(path: Path) -> None:
    """Overwrite a file with zeros, then remove it (with its -wal and -shm)."""
    for item in (path, *_siblings(path)):
        try:
            with item.open("r+b") as handle:
                _overwrite(handle)
        except FileNotFoundError:
            continue
        except OSError:
            pass  # cannot overwrite (permissions, a locked file): removing it is still better
        with contextlib.suppress(FileNotFoundError):
            item.unlink()


def plain_backups(path: Path) -> tuple[Path, ...]:
    """Backups of ``path`` that are not encrypted: automatic ones and those kept by a restore."""
    candidates = [
        *backup.listed(path),
        *sorted(path.parent.glob(f"{path.name}.before-restore-*")),
    ]
    return tuple(item for item in candidates if item.is_file() and not database.is_encrypted(item))


def wipe_all(paths: Iterable[Path]) -> int:
    """Wipe each file; the number wiped."""
    count = 0
    for item in paths:
        wipe(item)
        count += 1
    return count


def _swap(path: Path, temporary: Path) -> None:
    """Put the verified copy in place of the original in one rename, then wipe the plain bytes."""
    wal, shm = _siblings(path)
    if wal.exists() and wal.stat().st_size > 0:
        # Something wrote to the plain file after the copy was made: the copy is out of date.
        raise EncryptionProblem(
            _("De database is tijdens het versleutelen veranderd. Er is niets veranderd.")
        )
    # An empty -wal and the -shm hold no data; a plain one next to the encrypted file would
    # be read as part of it, so they go before the swap.
    for leftover in (wal, shm):
        with contextlib.suppress(FileNotFoundError):
            leftover.unlink()
    # On POSIX the plain bytes stay reachable through an open handle after the rename, so they
    # can be overwritten; Windows cannot rename over an open file, there the rename removes it.
    handle = path.open("r+b") if os.name == "posix" else None
    try:
        os.replace(temporary, path)
        # From here on the encrypted file is in place: what follows is done as well as the
        # system allows, and a failure must not be reported as "nothing changed".
        with contextlib.suppress(OSError):
            _sync_folder(path.parent)
        if handle is not None:
            with contextlib.suppress(OSError):
                _overwrite(handle)
    finally:
        if handle is not None:
            with contextlib.suppress(OSError):
                handle.close()


def encrypt(path: Path, passphrase: str, *, actor: str, origin: str = "app") -> Encrypted:
    """Encrypt the plain database at ``path`` in place; nobody may have it open meanwhile.

    Raises ``EncryptionProblem`` (the original untouched) when it is refused or fails.
    """
    reason = refusal(path, passphrase)
    if reason:
        raise EncryptionProblem(reason)
    source = database.open_database(path)
    try:
        problems = database.check(source).problems
        if problems:
            raise EncryptionProblem(
                _(
                    "De database is niet in orde (%(reason)s). Los dat eerst op; "
                    "er is niets veranderd."
                )
                % {"reason": problems[0]}
            )
        # Fold the write-ahead log into the file, so the file alone holds everything.
        source.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        expected = table_counts(source.conn)
        user_version = int(source.execute("PRAGMA user_version").fetchone()[0])
    finally:
        # Closed before SQLCipher opens the same file: two SQLite libraries in one process must
        # not hold it at once (their file locks do not see each other).
        source.close()
    temporary = temporary_for(path)
    _discard(temporary)  # a copy left by an earlier attempt that was stopped
    try:
        database.create_private(temporary)
        _export(path, temporary, passphrase, user_version)
        verify(temporary, passphrase, expected)
        head = _log_in_copy(temporary, passphrase, path.name, actor, origin)
        # The encrypted copy ends one log line further: say so outside before and after the swap.
        chain_head.expect(path, head)
        _swap(path, temporary)
        chain_head.keep(path, head)
    except BaseException as error:
        _discard(temporary)
        _log_failure(path, actor, origin)
        if isinstance(error, errors.DATABASE_ERRORS):
            detail = database.explain(error, path)
        elif isinstance(error, OSError):
            detail = str(error.strerror or error)
        else:
            raise  # an EncryptionProblem already says why; anything else is not Trede's to word
        raise EncryptionProblem(
            _("De database kan niet worden versleuteld: %(reason)s Er is niets veranderd.")
            % {"reason": detail}
        ) from error
    return Encrypted(path=path, plain_backups=plain_backups(path))


def _log_failure(path: Path, actor: str, origin: str) -> None:
    """Note a failed attempt in the (still plain) database's log; a failing log is no reason to
    hide the first error."""
    if database.is_encrypted(path):
        return
    with contextlib.suppress(Exception):
        db = database.connect(path)
        try:
            database.watch(db, path)
            audit.record_alone(
                db, actor=actor, action=ACTION, obj=path.name, result="failed", origin=origin
            )
        finally:
            db.close()
