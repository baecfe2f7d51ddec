"""``trede encrypt``: encrypt an existing plain database in place (see ``app/encryption.py``)."""

from __future__ import annotations

import argparse
import getpass
import os
import sys

from app import commands_basic, database, encryption, lock
from resources.i18n import _, ngettext


def register(subparsers: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:  # type: ignore[type-arg]
    """Add ``encrypt``."""
    parser = subparsers.add_parser(
        "encrypt",
        parents=[common],
        help=_("versleutel een database die nog geen wachtwoord heeft"),
        description=_(
            "Versleutel een database die nog geen wachtwoord heeft. Het wachtwoord komt uit "
            "TREDE_PASSPHRASE, anders vraagt Trede het twee keer. Trede maakt eerst een "
            "versleutelde kopie en controleert die; pas dan vervangt die het bestand. Oudere "
            "back-ups blijven onversleuteld, tenzij u --remove-plain-backups gebruikt."
        ),
    )
    parser.add_argument(
        "--remove-plain-backups",
        action="store_true",
        help=_("wis daarna de oudere back-ups die niet versleuteld zijn"),
    )
    parser.set_defaults(handler=encrypt_database, replaces_database=True)


def new_passphrase() -> str:
    """The new passphrase: TREDE_PASSPHRASE, else typed twice at the terminal."""
    from_env = os.environ.get(database.PASSPHRASE_ENV)
    if from_env:
        return from_env
    if sys.stdin is None or not sys.stdin.isatty():
        raise encryption.EncryptionProblem(
            _(
                "Geef het nieuwe wachtwoord in TREDE_PASSPHRASE, of start trede encrypt in een "
                "terminal. Er is niets veranderd."
            )
        )
    first = getpass.getpass(_("Nieuw wachtwoord: "))
    if len(first) >= encryption.MINIMUM_LENGTH:
        second = getpass.getpass(_("Herhaal het wachtwoord: "))
        if second != first:
            raise encryption.EncryptionProblem(
                _("De twee wachtwoorden zijn niet gelijk. Er is niets veranderd.")
            )
    return first


def encrypt_database(options: argparse.Namespace) -> int:
    """Encrypt the database, then say what happened to the older, plain backups."""
    target = commands_basic.database_path(options)
    reason = encryption.refusal(target)
    if reason:
        raise encryption.EncryptionProblem(reason)
    passphrase = new_passphrase()
    # A window with this database open would keep writing to the plain file: refuse then.
    with lock.WriterLock(target), lock.UseLock(target, exclusive=True):
        outcome = encryption.encrypt(target, passphrase, actor=commands_basic.actor(), origin="cli")
    print(_("De database %(path)s is versleuteld.") % {"path": target})
    backups = outcome.plain_backups
    if backups and options.remove_plain_backups:
        wiped = encryption.wipe_all(backups)
        print(
            ngettext(
                "%(n)d oudere back-up zonder versleuteling is gewist.",
                "%(n)d oudere back-ups zonder versleuteling zijn gewist.",
                wiped,
            )
            % {"n": wiped}
        )
    elif backups:
        print(
            ngettext(
                "Let op: %(n)d oudere back-up in %(folder)s is niet versleuteld. Wis die met "
                "--remove-plain-backups, of bewaar die op een veilige plek.",
                "Let op: %(n)d oudere back-ups in %(folder)s zijn niet versleuteld. Wis ze met "
                "--remove-plain-backups, of bewaar ze op een veilige plek.",
                len(backups),
            )
            % {"n": len(backups), "folder": backups[0].parent}
        )
    return 0
