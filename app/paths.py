"""Where Trede keeps its files: the database, the settings file and the window state."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

APP_NAME = "Trede"


@dataclass(frozen=True)
class Paths:
    """The files of one running Trede."""

    database: Path
    settings: Path
    window_state: Path


def default_database() -> Path:
    """The database in the user's data folder, unless ``TREDE_DB`` names another."""
    from_env = os.environ.get("TREDE_DB")
    if from_env:
        return Path(from_env).expanduser()
    import platformdirs  # only here: the window's frame does not wait for it when not needed

    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False)) / "trede.db"


def config_dir() -> Path:
    """The folder for the settings file, unless ``TREDE_CONFIG_DIR`` names another."""
    from_env = os.environ.get("TREDE_CONFIG_DIR")
    if from_env:
        return Path(from_env).expanduser()
    import platformdirs

    return Path(platformdirs.user_config_dir(APP_NAME, appauthor=False))


def settings_file() -> Path:
    """The settings file (without looking up the database's place, which the language of the
    command line, read before anything else, does not need)."""
    return config_dir() / "settings.json"


def resolve(database: Path | None) -> Paths:
    """The paths for a run, with the database given on the command line if any."""
    folder = config_dir()
    return Paths(
        database=database if database is not None else default_database(),
        settings=settings_file(),
        window_state=folder / "window.ini",
    )
