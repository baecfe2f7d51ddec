"""Transfer files: client files handed to a colleague on another laptop, encrypted with SQLCipher.

The file is a SQLCipher database (``caseload.transfer_file`` says what is in it), keyed with a
passphrase that the sender gives the colleague separately. It is written next to its place and
moved there only after it was read back and checked; the sender's copies are then marked
"overgedragen". A wrong passphrase, a damaged or a foreign file is refused with one sentence,
and the receiving database is not touched.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import sys
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from sqlite_utils import Database

from app import database
from caseload import handover, transfer_file
from resources import changes, errors, files
from resources.errors import file_reason
from resources.i18n import _

#: The usual ending of a transfer file.
SUFFIX = ".trede"
#: The command line takes the transfer passphrase from here, else asks it on the terminal.
PASSPHRASE_ENV = "TREDE_TRANSFER_PASSPHRASE"
#: The shortest passphrase accepted: the same as the database's own.
MINIMUM_LENGTH = 10


#: A transfer file cannot be written, read or imported; the message says why, nothing changed.
TransferProblem = transfer_file.TransferRefused


@dataclass(frozen=True)
class Exported:
    """A transfer file written: where, and the klantnummers in it."""

    path: Path
    references: tuple[str, ...]


def passphrase_problem(passphrase: str) -> str | None:
    """Why a new transfer passphrase cannot be used; None when it can."""
    if len(passphrase) < MINIMUM_LENGTH:
        return _("Het wachtwoord moet minstens %(n)d tekens hebben. Er is niets veranderd.") % {
            "n": MINIMUM_LENGTH
        }
    return None


def _open(path: Path, passphrase: str, *, read_only: bool) -> Database:
    connection = database.raw_connection(path, read_only=read_only, passphrase=passphrase)
    return Database(connection, execute_plugins=False)


def _write_container(
    path: Path, package: transfer_file.Package, passphrase: str, sender: str, made_on: str
) -> None:
    """Write the container into ``path`` (a new empty file) and read it back to check it."""
    container = _open(path, passphrase, read_only=False)
    try:
        written = transfer_file.write(container, package, made_on=made_on, sender=sender).value
    finally:
        container.close()
    check = _open(path, passphrase, read_only=True)
    try:
        if transfer_file.read(check).info.get("digest") != written.info["digest"]:
            raise transfer_file.damaged()
    finally:
        check.close()


def export_file(
    db: Database,
    client_ids: Iterable[int],
    path: Path,
    passphrase: str,
    *,
    actor: str,
    to: str | None = None,
    today: dt.date | None = None,
) -> Exported:
    """Write the transfer file of these clients, then mark them handed over (audited)."""
    problem = passphrase_problem(passphrase)
    if problem:
        raise TransferProblem(problem)
    ids = list(dict.fromkeys(client_ids))
    package = transfer_file.collect(db, ids)
    made_on = (today or dt.date.today()).isoformat()
    try:
        with files.private_file(path) as temporary:
            _write_container(temporary, package, passphrase, sender=actor, made_on=made_on)
    except errors.DATABASE_ERRORS as error:
        raise TransferProblem(
            _("Het overdrachtsbestand kan niet worden gemaakt: %(reason)s Er is niets veranderd.")
            % {"reason": database.explain(error, path)}
        ) from error
    except OSError as error:
        raise TransferProblem(
            _("Het overdrachtsbestand %(path)s kan niet worden opgeslagen: %(reason)s")
            % {"path": path, "reason": file_reason(error)}
        ) from error
    handover.mark_transferred(db, ids, to=to, on=dt.date.fromisoformat(made_on), actor=actor)
    return Exported(path, package.references)


def read_file(path: Path, passphrase: str) -> transfer_file.Package:
    """Open and check a transfer file; TransferRefused (one sentence) when it cannot be used."""
    if path.is_dir():
        raise TransferProblem(_("%(path)s is een map, geen overdrachtsbestand.") % {"path": path})
    if not path.is_file():
        raise TransferProblem(_("Het bestand %(path)s bestaat niet.") % {"path": path})
    if not database.is_encrypted(path):
        # A plain database or an empty file: never a transfer file, which is always encrypted.
        raise transfer_file.damaged()
    try:
        container = _open(path, passphrase, read_only=True)
    except errors.DATABASE_ERRORS as error:
        raise _not_readable() from error
    try:
        # The key first: a wrong passphrase fails here, on the first page.
        container.execute("SELECT count(*) FROM sqlite_master").fetchall()
    except errors.DATABASE_ERRORS as error:
        container.close()
        raise _not_readable() from error
    try:
        # Every page's checksum, also of pages the rows are not read from (an index).
        if container.execute("PRAGMA cipher_integrity_check").fetchall():
            raise transfer_file.damaged()
        return transfer_file.read(container)
    except errors.DATABASE_ERRORS as error:
        raise _not_readable() from error
    finally:
        with contextlib.suppress(*errors.DATABASE_ERRORS):
            container.close()


def _not_readable() -> TransferProblem:
    return TransferProblem(
        _(
            "Het wachtwoord klopt niet, of het bestand is beschadigd of geen overdrachtsbestand. "
            "Er is niets veranderd."
        )
    )


def import_file(
    db: Database, path: Path, passphrase: str, *, actor: str
) -> changes.Changed[transfer_file.Imported]:
    """Read a transfer file and add its clients with every row; all or nothing, audited.

    A refused file leaves the database exactly as it was (not even a log line)."""
    package = read_file(path, passphrase)
    return transfer_file.load(db, package, actor=actor)


def ask_passphrase(twice: bool) -> str:
    """The transfer passphrase from TREDE_TRANSFER_PASSPHRASE, else asked on the terminal."""
    given = os.environ.get(PASSPHRASE_ENV)
    if given:
        return given
    if sys.stdin is None or not sys.stdin.isatty():
        raise TransferProblem(
            _(
                "Geef het wachtwoord van het overdrachtsbestand in TREDE_TRANSFER_PASSPHRASE, of "
                "start de opdracht in een terminal. Er is niets veranderd."
            )
        )
    import getpass

    first = getpass.getpass(_("Wachtwoord voor het overdrachtsbestand: "))
    if twice:
        again = getpass.getpass(_("Nog een keer hetzelfde wachtwoord: "))
        if again != first:
            raise TransferProblem(
                _("De twee wachtwoorden zijn niet gelijk. Er is niets veranderd.")
            )
    return first
