"""The small context that app builds once and hands to the windows and commands."""

from __future__ import annotations

import hmac
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from sqlite_utils import Database

from app import backup, database, lock
from app import paths as paths_module
from app import settings as settings_module
from resources import audit
from resources.errors import UserError
from resources.i18n import _


class WrongPassphrase(UserError):
    """The passphrase typed does not match the one the database was opened with."""


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

    def update_settings(self, **changes: Any) -> settings_module.Settings:
        """Change settings, write them to the settings file, and keep them here."""
        updated = replace(self.settings, **changes)
        settings_module.save(self.paths.settings, updated)
        self.settings = updated
        return updated

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
        return hmac.compare_digest(typed.encode("utf-8"), self.passphrase.encode("utf-8"))

    def change_passphrase(self, old: str, new: str) -> None:
        """Re-key the database after checking the old passphrase; the audit log records it."""
        if self.passphrase is None or not self.check_passphrase(old):
            raise WrongPassphrase(_("Het huidige wachtwoord klopt niet. Er is niets veranderd."))
        database.rekey(self.db, new)
        self.passphrase = new
        with self.db.atomic():
            audit.record(
                self.db, actor=self.actor, action="database.rekey", obj=self.paths.database.name
            )

    def connect(self) -> Database:
        """A new connection to the same database, for work on another thread."""
        return database.open_database(self.paths.database, self.passphrase)

    def backup_folder(self) -> Path:
        """Where the automatic backups are."""
        return backup.folder_for(self.paths.database)

    def backup_on_close(self) -> Path | None:
        """Write the automatic backup of this session; a demo has nothing worth keeping."""
        if self.demo:
            return None
        return backup.automatic(self.db, self.paths.database, self.settings.backups_keep)

    def inspect_backup(self, path: Path) -> backup.BackupInfo:
        """Check a backup and say what it holds."""
        return backup.inspect(path, database.passphrase_of(self.db))

    def restore_backup(self, path: Path) -> Path:
        """Put a checked backup in place of the database and reopen it; return the kept file."""
        passphrase = database.passphrase_of(self.db)
        backup.inspect(path, passphrase)
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
        database.close(self.db)
        if self.writer_lock is not None:
            self.writer_lock.release()
