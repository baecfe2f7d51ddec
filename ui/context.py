"""What the window needs from the composition root, as a protocol (ui never imports app)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from resources.changes import Changed

if TYPE_CHECKING:
    from sqlite_utils import Database

    from caseload.reads import Reads


class SettingsView(Protocol):
    """The settings the window reads."""

    @property
    def municipality(self) -> str: ...

    @property
    def user_name(self) -> str: ...

    @property
    def team(self) -> str: ...

    @property
    def language(self) -> str: ...

    @property
    def contact_threshold_days(self) -> int: ...

    @property
    def bsn_enabled(self) -> bool: ...

    @property
    def origin_enabled(self) -> bool: ...

    @property
    def origin_purpose(self) -> str: ...

    @property
    def contact_details_enabled(self) -> bool: ...

    @property
    def min_group_size(self) -> int: ...

    @property
    def retention_years(self) -> int: ...

    @property
    def backups_keep(self) -> int: ...

    @property
    def lock_minutes(self) -> int: ...

    @property
    def is_complete(self) -> bool: ...


class BackupView(Protocol):
    """What a checked backup holds."""

    @property
    def path(self) -> Path: ...

    @property
    def schema_version(self) -> int: ...

    @property
    def clients(self) -> int: ...

    @property
    def quickscans(self) -> int: ...

    @property
    def made_at(self) -> dt.datetime: ...


class PathsView(Protocol):
    """The files of this run."""

    @property
    def database(self) -> Path: ...

    @property
    def settings(self) -> Path: ...

    @property
    def window_state(self) -> Path: ...


class EncryptOutcome(Protocol):
    """What encrypting left: plain backups, and a remark when the keyring failed."""

    @property
    def plain_backups(self) -> tuple[Path, ...]: ...

    @property
    def keyring_note(self) -> str | None: ...


class WindowContext(Protocol):
    """Database, settings and paths, built by app and handed to the window.

    The window only reads them (app replaces the database and the settings), so they are
    read-only here: app's frozen settings and paths fit.
    """

    @property
    def db(self) -> Database: ...

    @property
    def reads(self) -> Reads:
        """The database to read from: the page the window opens on reads and paints through it
        before the database is opened in full (``db``, on first use)."""
        ...

    @property
    def paths(self) -> PathsView: ...

    @property
    def settings(self) -> SettingsView: ...

    @property
    def demo(self) -> bool: ...

    @property
    def actor(self) -> str:
        """Who acts, for the audit log."""
        ...

    def update_settings(self, **changes: Any) -> SettingsView:
        """Change and write settings."""
        ...

    def connect(self) -> Database:
        """A new connection for work on another thread."""
        ...

    @property
    def encrypted(self) -> bool:
        """Whether the database is encrypted with a passphrase."""
        ...

    def check_passphrase(self, typed: str) -> bool:
        """Whether ``typed`` is the database's passphrase (always True for a plain one)."""
        ...

    def change_passphrase(self, old: str, new: str) -> str | None:
        """Re-key the database; raises a UserError when the old passphrase is wrong.

        Returns a remark when the passphrase kept in the keyring could not be replaced.
        """
        ...

    @property
    def remembers_passphrase(self) -> bool:
        """Whether the passphrase is meant to be kept in the system keyring."""
        ...

    def keyring_usable(self) -> bool:
        """Whether the system has a keyring for the passphrase."""
        ...

    def encrypt(self, passphrase: str, remember: bool = False) -> EncryptOutcome:
        """Encrypt the plain database in place; raises a UserError (nothing changed) on failure."""
        ...

    def remove_plain_backups(self, paths: tuple[Path, ...]) -> int:
        """Wipe backups that are not encrypted; the number wiped."""
        ...

    def backup_folder(self) -> Path:
        """Where the automatic backups are."""
        ...

    def backup_on_close(self) -> Path | None:
        """Write the automatic backup of this session (none for a demo)."""
        ...

    def inspect_backup(self, path: Path) -> BackupView:
        """Check a backup and say what it holds; raises a UserError when it is unusable."""
        ...

    def restore_backup(self, path: Path) -> Path | None:
        """Put a backup in place of the database and reopen it; returns the kept old file (None
        when there was no database yet)."""
        ...

    def export_transfer(
        self, client_ids: list[int], path: Path, passphrase: str, to: str | None
    ) -> Changed[tuple[str, ...]]:
        """Write an encrypted transfer file of these clients and mark them handed over; the
        klantnummers written. Raises a UserError (nothing changed) when it cannot."""
        ...

    def import_transfer(self, path: Path, passphrase: str) -> Changed[dict[str, int]]:
        """Add the clients of a transfer file; their new ids by klantnummer. Raises a UserError
        (nothing changed) for a wrong passphrase, a damaged file or a klantnummer already here."""
        ...
