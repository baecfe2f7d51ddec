"""What the window needs from the composition root, as a protocol (ui never imports app)."""

from __future__ import annotations

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

    @property
    def is_complete(self) -> bool: ...


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
