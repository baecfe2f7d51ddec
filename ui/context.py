"""What the window needs from the composition root, as a protocol (ui never imports app)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any, Protocol

from sqlite_utils import Database


class SettingsView(Protocol):
    """The settings the window reads."""

    municipality: str
    user_name: str
    team: str
    language: str
    contact_threshold_days: int
    bsn_enabled: bool
    origin_enabled: bool
    origin_purpose: str
    min_group_size: int
    retention_years: int
    backups_keep: int
    lock_minutes: int

    @property
    def is_complete(self) -> bool: ...


class BackupView(Protocol):
    """What a checked backup holds."""

    path: Path
    schema_version: int
    clients: int
    quickscans: int
    made_at: dt.datetime


class PathsView(Protocol):
    """The files of this run."""

    database: Path
    settings: Path
    window_state: Path


class WindowContext(Protocol):
    """Database, settings and paths, built by app and handed to the window."""

    db: Database
    paths: PathsView
    settings: SettingsView
    demo: bool

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

    def backup_folder(self) -> Path:
        """Where the automatic backups are."""
        ...

    def backup_on_close(self) -> Path | None:
        """Write the automatic backup of this session (none for a demo)."""
        ...

    def inspect_backup(self, path: Path) -> BackupView:
        """Check a backup and say what it holds; raises a UserError when it is unusable."""
        ...

    def restore_backup(self, path: Path) -> Path:
        """Put a backup in place of the database and reopen it; returns the kept old file."""
        ...
