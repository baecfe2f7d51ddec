"""Keep the gettext catalogs current: extract, update, fill Dutch, compile, and report problems.

Run ``python -m resources.catalogs`` (``make catalogs``) after changing user-visible text, then
translate the new English entries in ``resources/locale/en/LC_MESSAGES/trede.po`` and run it again.
The tests call :func:`problems` so that a missing translation or a stale ``.mo`` fails the suite.
"""

from __future__ import annotations

import copy
import io
import struct
import sys
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir
from babel.messages.mofile import read_mo, write_mo
from babel.messages.pofile import read_po, write_po

from resources import files, i18n

PROJECT_DIR = files.RESOURCES_DIR.parent
SOURCE_PACKAGES = ("app", "ui", "quickscan", "caseload", "resources")
KEYWORDS = {"_": None, "N_": None, "ngettext": (1, 2), "pgettext": ((1, "c"), 2)}
POT_PATH = files.LOCALE_DIR / f"{i18n.DOMAIN}.pot"


def po_path(language: str) -> Path:
    """The editable catalog of one language."""
    return files.LOCALE_DIR / language / "LC_MESSAGES" / f"{i18n.DOMAIN}.po"


def mo_path(language: str) -> Path:
    """The compiled catalog of one language, as gettext reads it."""
    return po_path(language).with_suffix(".mo")


def extract() -> Catalog:
    """Collect every marked message from the source packages."""
    catalog = Catalog(project="Trede", domain=i18n.DOMAIN, fuzzy=False)
    for package in SOURCE_PACKAGES:
        folder = PROJECT_DIR / package
        for filename, lineno, message, comments, context in extract_from_dir(
            str(folder),
            method_map=[("**.py", "python")],
            keywords=KEYWORDS,
            comment_tags=("TRANSLATORS:",),
            strip_comment_tags=True,
        ):
            location = (f"{package}/{filename}", lineno)
            catalog.add(message, None, [location], auto_comments=comments, context=context)
    return catalog


def _read(path: Path, language: str) -> Catalog:
    if not path.exists():
        return Catalog(locale=language, domain=i18n.DOMAIN, fuzzy=False)
    with path.open("rb") as handle:
        return read_po(handle, locale=language, domain=i18n.DOMAIN)


def _po_bytes(catalog: Catalog) -> bytes:
    buffer = io.BytesIO()
    write_po(buffer, catalog, width=100, omit_header=False, sort_output=True)
    return buffer.getvalue()


def _mo_bytes(catalog: Catalog) -> bytes:
    buffer = io.BytesIO()
    write_mo(buffer, catalog, use_fuzzy=False)
    return buffer.getvalue()


def _strings(value: str | tuple[str, ...] | list[str] | None) -> tuple[str, ...]:
    """The translated string(s) of a message, as a tuple also for plural forms."""
    if isinstance(value, tuple | list):
        return tuple(value)
    return (value or "",)


def meaning(catalog: Catalog) -> dict[tuple[str | None, tuple[str, ...]], tuple[str, ...]]:
    """What a catalog says, whoever wrote it: each message (with its context) and its
    translation(s). The header is left out: it names the tool and the day, not a translation."""
    return {
        (message.context, _strings(message.id)): _strings(message.string)
        for message in catalog
        if message.id and not message.fuzzy and any(_strings(message.string))
    }


def _compiled_differences(po: Catalog, mo_file: Path) -> list[str]:
    """How a compiled catalog differs in meaning from its .po (empty when they agree)."""
    try:
        with mo_file.open("rb") as handle:
            compiled = meaning(read_mo(handle))
    except (OSError, ValueError, IndexError, struct.error):  # missing, cut short, not a .mo
        return [f"{mo_file}: unreadable (run make catalogs)"]
    source = meaning(po)
    found: list[str] = []
    for key in sorted(source.keys() - compiled.keys(), key=str):
        found.append(f"{mo_file}: out of date (run make catalogs): missing {key[1][0]!r}")
    for key in sorted(compiled.keys() - source.keys(), key=str):
        found.append(f"{mo_file}: out of date (run make catalogs): not in .po {key[1][0]!r}")
    for key in sorted(source.keys() & compiled.keys(), key=str):
        if source[key] != compiled[key]:
            found.append(f"{mo_file}: out of date (run make catalogs): changed {key[1][0]!r}")
    return found


def _key(message_id: str | tuple[str, ...] | list[str]) -> str:
    """How a catalog finds a message: by its singular."""
    return message_id if isinstance(message_id, str) else message_id[0]


def update() -> None:
    """Extract, merge into each language's catalog, fill Dutch from the source, compile."""
    template = extract()
    POT_PATH.parent.mkdir(parents=True, exist_ok=True)
    POT_PATH.write_bytes(_po_bytes(template))
    for language in i18n.LANGUAGES:
        catalog = _read(po_path(language), language)
        before = {_key(message.id): message.id for message in catalog if message.id}
        # No fuzzy matching: a guessed translation is worse than an honest empty one.
        # A copy per language: update() may share the template's message objects.
        catalog.update(copy.deepcopy(template), no_fuzzy_matching=True, update_header_comment=False)
        catalog.obsolete.clear()
        catalog.fuzzy = False
        for message in catalog:
            if not message.id:
                continue
            if language == i18n.DEFAULT_LANGUAGE:
                message.string = message.id  # Dutch is the source: its text is the id itself
            elif before.get(_key(message.id), message.id) != message.id:
                # A plural keeps its key (the singular) when only its plural wording changed:
                # the old translation no longer fits, so it goes back to the translator.
                message.string = ("",) * len(_strings(message.string))

        po_path(language).parent.mkdir(parents=True, exist_ok=True)
        po_path(language).write_bytes(_po_bytes(catalog))
        mo_path(language).write_bytes(_mo_bytes(catalog))


def problems() -> list[str]:
    """Everything that keeps the catalogs from being complete and current, one line each."""
    found: list[str] = []
    source_ids = {message.id for message in extract() if message.id}
    for language in i18n.LANGUAGES:
        path = po_path(language)
        if not path.exists():
            found.append(f"{path}: missing")
            continue
        catalog = _read(path, language)
        known = {message.id for message in catalog if message.id}
        for missing in sorted(source_ids - known, key=str):
            found.append(f"{path}: not in catalog (run make catalogs): {missing!r}")
        for message in catalog:
            if not message.id:
                continue
            if message.fuzzy:
                found.append(f"{path}: fuzzy: {message.id!r}")
            if not all(_strings(message.string)):
                found.append(f"{path}: untranslated: {message.id!r}")
        # The meaning, not the bytes: a .mo names the Babel version that wrote it.
        found.extend(_compiled_differences(catalog, mo_path(language)))
    return found


def main() -> int:
    """Update the catalogs and list what still needs a translator."""
    update()
    remaining = problems()
    for line in remaining:
        print(line, file=sys.stderr)
    return 1 if remaining else 0


if __name__ == "__main__":
    sys.exit(main())
