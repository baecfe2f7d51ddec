"""The help text of each page, shipped as Markdown files per language (no network)."""

from __future__ import annotations

from pathlib import Path

from resources import files, i18n


class NoHelp(LookupError):
    """A page has no help text in a language."""


def path(page_id: str, language: str) -> Path:
    """Where the help of ``page_id`` in ``language`` lives."""
    return files.HELP_DIR / f"{page_id}.{language}.md"


def text(page_id: str, language: str | None = None) -> str:
    """The help of a page (Markdown) in ``language`` (the active one by default)."""
    chosen = language or i18n.current_language()
    try:
        return path(page_id, chosen).read_text(encoding="utf-8")
    except FileNotFoundError:
        raise NoHelp(f"no help for page {page_id!r} in {chosen!r}") from None


def page_ids() -> set[str]:
    """Every page that has a help file in at least one language."""
    return {item.name.split(".")[0] for item in files.HELP_DIR.glob("*.md")}
