"""The small context that app builds once and hands to the windows and commands."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from app import keys, lock
from app import paths as paths_module
from app import settings as settings_module
from resources import audit, changes
from resources.errors import UserError
from resources.i18n import _

if TYPE_CHECKING:
    from sqlite_utils import Database

    from app import backup
    from caseload.reads import Reads

# The database's modules (sqlite-utils, the migrations, the backups) are imported where they are
# used: the window is made, and its first page read and painted, before they are loaded
# (``OpeningContext``).


class WrongPassphrase(UserError):
    """The passphrase typed does not match the one the database was opened with."""


class NotPossibleHere(UserError):
    """The database of this window cannot do what was asked (a demo, or no passphrase)."""


@dataclass(frozen=True)
class EncryptOutcome:
    """What the window tells after encrypting: plain backups left, and a keyring remark."""

    plain_backups: tuple[Path, ...]
    keyring_note: str | None = None


def keep_passphrase(db: Database, path: Path, passphrase: str, actor: str) -> None:
    """Store the passphrase of ``path`` in the system keyring and log it; KeyringProblem if not."""
    keys.store(path, passphrase)
    audit.record_alone(db, actor=actor, action="keyring.store", obj=path.name)


@dataclass
class AppContext:
    """The database, the settings and the paths of one running Trede."""

    db: Database
    paths: paths_module.Paths
    settings: settings_module.Settings
    #: A demo database holds synthetic data only; the window says so in its title.
    demo: bool = False
    #: Held while a window has the database open, so a second window cannot write to it.
    writer_lock: lock.WriterLock | None = None
    #: The passphrase of an encrypted database; None for a plain one (a demo, the tests).
    passphrase: str | None = None
    #: One sentence for the user once the window is up (e.g. the keyring could not be used).
    start_notice: str | None = None
    #: Why the audit log does not end where Trede last saw it end (cut short, rolled back).
    log_warning: str | None = None
    _keyring_usable: bool | None = field(default=None, repr=False)

    def update_settings(self, **changes: Any) -> settings_module.Settings:
        """Change settings, write them to the settings file, and keep them here.

        Switching ``remember_passphrase`` stores the passphrase in the system keyring or removes
        it first; when the keyring refuses, a ``KeyringProblem`` says so and nothing is saved.
        """
        remember = changes.get("remember_passphrase")
        if remember is not None and remember != self.settings.remember_passphrase:
            self._keep_in_keyring(bool(remember))
        updated = replace(self.settings, **changes)
        settings_module.save(self.paths.settings, updated)
        self.settings = updated
        return updated

    @property
    def reads(self) -> Reads:
        """The database to read from (the window's pages read through it)."""
        return self.db

    @property
    def actor(self) -> str:
        """Who acts, as the audit log records it: the user's name from the settings."""
        return self.settings.user_name or "onbekend"

    @property
    def encrypted(self) -> bool:
        """Whether the database is encrypted with a passphrase."""
        return self.passphrase is not None

    def check_passphrase(self, typed: str) -> bool:
        """Whether ``typed`` is the passphrase of the open database (to unlock the window)."""
        if self.passphrase is None:
            return True
        import hmac  # loads OpenSSL: not before the window's first page is painted

        return hmac.compare_digest(typed.encode("utf-8"), self.passphrase.encode("utf-8"))

    def change_passphrase(self, old: str, new: str) -> str | None:
        """Re-key the database after checking the old passphrase; the audit log records it.

        A passphrase kept in the keyring is replaced too; the answer is a remark when that
        failed (the next start then asks), else None.
        """
        from app import database

        if self.passphrase is None or not self.check_passphrase(old):
            raise WrongPassphrase(_("Het huidige wachtwoord klopt niet. Er is niets veranderd."))
        database.rekey(self.db, new)
        self.passphrase = new
        with self.db.atomic():
            audit.record(
                self.db, actor=self.actor, action="database.rekey", obj=self.paths.database.name
            )
        if not self.settings.remember_passphrase:
            return None
        try:
            self._keep_in_keyring(True)
        except keys.KeyringProblem as problem:
            return problem.message + " " + _("Bij de volgende start vraagt Trede het wachtwoord.")
        return None

    @property
    def remembers_passphrase(self) -> bool:
        """Whether this database's passphrase is meant to be kept in the system keyring."""
        return self.encrypted and self.settings.remember_passphrase

    def keyring_usable(self) -> bool:
        """Whether the system has a keyring Trede can keep the passphrase in (asked once)."""
        if self._keyring_usable is None:
            self._keyring_usable = keys.usable()
        return self._keyring_usable

    def _keep_in_keyring(self, on: bool) -> None:
        """Store the passphrase in the keyring (on) or remove it (off); the log records it."""

        if on and self.passphrase is None:
            raise NotPossibleHere(
                _("Deze database heeft geen wachtwoord, dus er valt niets te bewaren.")
            )
        if on:
            keep_passphrase(self.db, self.paths.database, self.passphrase or "", self.actor)
            return
        keys.forget(self.paths.database)
        audit.record_alone(
            self.db, actor=self.actor, action="keyring.forget", obj=self.paths.database.name
        )

    def encrypt(self, passphrase: str, remember: bool = False) -> EncryptOutcome:
        """Encrypt this window's plain database in place and reopen it with ``passphrase``.

        On failure the plain database is reopened as it was and the error is raised.
        """
        from app import database, encryption

        if self.demo or self.encrypted:
            raise NotPossibleHere(
                _("Deze database kan niet worden versleuteld. Er is niets veranderd.")
            )
        path = self.paths.database
        # A command still working on the plain file (an import) would lose its work: refuse.
        with lock.UseLock(path, exclusive=True):
            database.close(self.db)
            try:
                outcome = encryption.encrypt(path, passphrase, actor=self.actor)
            except BaseException:
                self.db = database.open_database(path)
                raise
            self.db = database.open_database(path, passphrase)
        self.passphrase = passphrase
        note = None
        try:
            if remember != self.settings.remember_passphrase:
                self.update_settings(remember_passphrase=remember)
            elif remember:
                self._keep_in_keyring(True)
        except UserError as problem:
            note = problem.message + " " + _("Trede vraagt het wachtwoord bij elke start.")
        return EncryptOutcome(plain_backups=outcome.plain_backups, keyring_note=note)

    def remove_plain_backups(self, paths: tuple[Path, ...]) -> int:
        """Wipe backups that are not encrypted (offered after encrypting); the number wiped."""
        from app import database, encryption

        wiped = encryption.wipe_all(path for path in paths if not database.is_encrypted(path))
        if wiped:
            audit.record_alone(
                self.db, actor=self.actor, action="backup.wipe_plain", obj=f"backups:{wiped}"
            )
        return wiped

    def connect(self) -> Database:
        """A new connection to the same database, for work on another thread."""
        from app import database

        return database.open_database(self.paths.database, self.passphrase)

    def backup_folder(self) -> Path:
        """Where the automatic backups are."""
        from app import backup

        return backup.folder_for(self.paths.database)

    def backup_on_close(self) -> Path | None:
        """Write the automatic backup of this session; a demo has nothing worth keeping."""
        from app import backup

        if self.demo:
            return None
        return backup.automatic(self.db, self.paths.database, self.settings.backups_keep)

    def inspect_backup(self, path: Path) -> backup.BackupInfo:
        """Check a backup and say what it holds."""
        from app import backup, database

        return backup.inspect(path, database.passphrase_of(self.db))

    def restore_backup(self, path: Path) -> Path | None:
        """Put a checked backup in place of the database and reopen it; return the kept file."""
        from app import backup, database

        passphrase = database.passphrase_of(self.db)
        backup.inspect(path, passphrase)
        # Not while a command (an import from the command line) writes to it: it would be lost.
        with lock.UseLock(self.paths.database, exclusive=True):
            database.close(self.db)
            try:
                kept = backup.restore(self.paths.database, path, passphrase)
            finally:
                self.db = database.open_database(self.paths.database, passphrase)
            with self.db.atomic():
                audit.record(self.db, actor=self.actor, action="database.restore", obj=path.name)
        return kept

    def close(self) -> None:
        """Close the database connection and let the next window in."""
        from app import database

        database.close(self.db)
        if self.writer_lock is not None:
            self.writer_lock.release()

    def export_transfer(
        self, client_ids: list[int], path: Path, passphrase: str, to: str | None
    ) -> changes.Changed[tuple[str, ...]]:
        """Write an encrypted transfer file of these clients and mark them handed over."""
        from app import handover  # on first use: the window's start does not wait for it

        exported = handover.export_file(
            self.db, client_ids, path, passphrase, actor=self.actor, to=to
        )
        return changes.Changed(exported.references, changes.clients(client_ids))

    def import_transfer(self, path: Path, passphrase: str) -> changes.Changed[dict[str, int]]:
        """Add the clients of a transfer file (all or nothing); their new ids by klantnummer."""
        from app import handover

        done = handover.import_file(self.db, path, passphrase, actor=self.actor)
        return changes.Changed(done.value.client_ids, done.changes)


class OpeningContext(AppContext):
    """The context of a window whose database is opened in full on first use of ``db``.

    Until then ``reads`` reads through the connection ``app.first_open`` made, without
    sqlite-utils: the window's first page is read and painted with it. The first use of ``db``
    (the window asks right after its first paint; any write, dialog or other page asks sooner)
    makes the full ``Database`` over that same connection with ``finish``.
    """

    def __init__(self, connection: Any, finish: Callable[[Any], Database], **fields: Any) -> None:
        from caseload.reads import ConnectionReads

        self._connection_reads: Reads = ConnectionReads(connection)
        self._finish = finish
        self._db: Database | None = None
        self._log_warning: str | None = None
        super().__init__(db=None, **fields)  # type: ignore[arg-type] # made on first use

    @property
    def db(self) -> Database:
        """The full database, opened over the first connection now if it is not yet."""
        if self._db is None:
            self._db = self._finish(self._connection_reads.conn)
        return self._db

    @db.setter
    def db(self, value: Database | None) -> None:
        self._db = value

    @property
    def log_warning(self) -> str | None:
        """Why the log does not end where Trede last saw it end: known once the database is
        opened in full (asking opens it)."""
        self.db  # noqa: B018 - opened in full, which checks the log's end
        return self._log_warning

    @log_warning.setter
    def log_warning(self, value: str | None) -> None:
        self._log_warning = value

    @property
    def opened(self) -> bool:
        """Whether the database has been opened in full (``db`` was used)."""
        return self._db is not None

    @property
    def reads(self) -> Reads:
        """The full database once it is open; before that, the same connection without it."""
        return self._db if self._db is not None else self._connection_reads
