"""The help text of each page, shipped as Markdown files per language (no network)."""

from __future__ import annotations

from pathlib import Path

from resources import files, i18n
from resources.i18n import _


class NoHelp(LookupError):
    """A page has no help text in a language."""


def path(page_id: str, language: str) -> Path:
    """Where the help of ``page_id`` in ``language`` lives."""
    return files.HELP_DIR / f"{page_id}.{language}.md"


#: Where a help text says whether the database (and so its backups) is encrypted.
STORAGE = "{storage}"


def storage(encrypted: bool) -> str:
    """Whether this database and its backups are encrypted, as the help says it."""
    if encrypted:
        return _(
            "Het bestand en de back-ups zijn versleuteld: zonder het wachtwoord kan niemand ze "
            "lezen."
        )
    return _(
        "Het bestand en de back-ups zijn niet versleuteld. Versleutelen kan bij Instellingen, "
        "Beveiliging."
    )


def text(page_id: str, language: str | None = None, *, encrypted: bool = False) -> str:
    """The help of a page (Markdown) in ``language`` (the active one by default), saying
    whether the database is ``encrypted``."""
    chosen = language or i18n.current_language()
    try:
        written = path(page_id, chosen).read_text(encoding="utf-8")
    except FileNotFoundError:
        raise NoHelp(f"no help for page {page_id!r} in {chosen!r}") from None
    with i18n.language(chosen):
        said = storage(encrypted)
    return written.replace(STORAGE, said)


def page_ids() -> set[str]:
    """Every page that has a help file in at least one language."""
    return {item.name.split(".")[0] for item in files.HELP_DIR.glob("*.md")}
