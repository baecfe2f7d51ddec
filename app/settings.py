"""The user's settings: a small JSON file that app owns (Qt-free), written atomically."""

from __future__ import annotations

import dataclasses
import json
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from resources import i18n
from resources.errors import UserError, file_reason
from resources.i18n import _


@dataclass(frozen=True)
class Settings:
    """What the user and the municipality set; defaults are the safe choices."""

    municipality: str = ""
    user_name: str = ""
    team: str = ""
    language: str = i18n.DEFAULT_LANGUAGE
    #: The default contact frequency (days): a client without a frequency of its own is flagged
    #: (and listed in Vandaag) after this many days without contact.
    contact_threshold_days: int = 14
    #: BSN is only needed where the task needs it; a client reference is enough here.
    bsn_enabled: bool = False
    #: Origin fields may only be switched on with a lawful purpose recorded by the municipality.
    origin_enabled: bool = False
    origin_purpose: str = ""
    #: Phone and e-mail on a client; a municipality that does not want them switches them off.
    contact_details_enabled: bool = True
    #: Aggregate reports hide every group smaller than this.
    min_group_size: int = 10
    #: Years a closed client file is kept (selectielijst: about 10 years after closing).
    retention_years: int = 10
    #: Automatic backups kept in the backups folder; each close of the window writes one.
    backups_keep: int = 10
    #: Minutes without a key press or mouse use after which the window locks itself.
    lock_minutes: int = 5
    #: Keep the passphrase of an encrypted database in the system keyring (app/keys.py), so
    #: Trede opens without asking; off unless the user chooses it.
    remember_passphrase: bool = False

    @property
    def is_complete(self) -> bool:
        """Whether the welcome questions have been answered."""
        return bool(self.municipality.strip() and self.user_name.strip())


class SettingsError(UserError):
    """The settings file cannot be read or written."""


def load(path: Path) -> Settings:
    """Read the settings; a missing file gives the defaults, unknown keys are ignored.

    A file that is not valid JSON is moved aside (never deleted) so the user keeps it.
    """
    try:
        raw = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return Settings()
    except OSError as error:
        raise SettingsError(
            _("De instellingen in %(path)s kunnen niet worden gelezen: %(reason)s")
            % {"path": path, "reason": file_reason(error)}
        ) from error
    try:
        data = json.loads(raw)
        if not isinstance(data, dict):
            raise ValueError("not an object")
    except (ValueError, RecursionError):
        path.replace(path.with_suffix(".broken.json"))
        return Settings()
    return from_dict(data)


def from_dict(data: dict[str, Any]) -> Settings:
    """Settings from a dict, keeping only known keys of the right type."""
    defaults = Settings()
    values: dict[str, Any] = {}
    for field in dataclasses.fields(Settings):
        if field.name in data:
            value = data[field.name]
            default = getattr(defaults, field.name)
            if type(value) is type(default):
                values[field.name] = value
    settings = Settings(**values)
    if settings.language not in i18n.LANGUAGES:
        settings = dataclasses.replace(settings, language=i18n.DEFAULT_LANGUAGE)
    return settings


def save(path: Path, settings: Settings) -> None:
    """Write the settings atomically: a crash leaves the old file or the new one, never half."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(prefix=".settings-", dir=path.parent)
        with os.fdopen(handle, "w", encoding="utf-8") as stream:
            json.dump(dataclasses.asdict(settings), stream, ensure_ascii=False, indent=2)
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(temporary, path)
    except OSError as error:
        raise SettingsError(
            _("De instellingen kunnen niet worden opgeslagen in %(path)s: %(reason)s")
            % {"path": path, "reason": file_reason(error)}
        ) from error
