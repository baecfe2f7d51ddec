"""The small context that app builds once and hands to the windows and commands."""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

from sqlite_utils import Database

from app import paths as paths_module
from app import settings as settings_module


@dataclass
class AppContext:
    """The database, the settings and the paths of one running Trede."""

    db: Database
    paths: paths_module.Paths
    settings: settings_module.Settings
    #: A demo database holds synthetic data only; the window says so in its title.
    demo: bool = False

    def update_settings(self, **changes: Any) -> settings_module.Settings:
        """Change settings, write them to the settings file, and keep them here."""
        updated = replace(self.settings, **changes)
        settings_module.save(self.paths.settings, updated)
        self.settings = updated
        return updated

    def close(self) -> None:
        """Close the database connection."""
        self.db.close()
