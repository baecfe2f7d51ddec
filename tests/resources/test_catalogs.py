"""The translations are complete and compiled: a missing English text fails the suite."""

from __future__ import annotations

from pathlib import Path

import babel.messages.catalog
import pytest
from babel.messages.catalog import Catalog

from resources import catalogs, i18n


def test_catalogs_are_complete_and_compiled() -> None:
    assert catalogs.problems() == []


def _copy_catalogs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The real .po files in a folder of their own, which catalogs then reads."""
    locale = tmp_path / "locale"
    for language in i18n.LANGUAGES:
        target = locale / language / "LC_MESSAGES"
        target.mkdir(parents=True)
        source = catalogs.po_path(language)
        (target / source.name).write_bytes(source.read_bytes())
    monkeypatch.setattr(catalogs.files, "LOCALE_DIR", locale)
    return locale


def _compile(language: str, monkeypatch: pytest.MonkeyPatch, babel_version: str) -> None:
    """Compile the copied .po as another Babel release would: its header names that release."""
    with monkeypatch.context() as patch:
        patch.setattr(babel.messages.catalog, "VERSION", babel_version)
        catalog = catalogs._read(catalogs.po_path(language), language)
        catalogs.mo_path(language).write_bytes(catalogs._mo_bytes(catalog))


def test_a_catalog_compiled_by_another_babel_release_is_accepted(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _copy_catalogs(tmp_path, monkeypatch)
    for language in i18n.LANGUAGES:
        _compile(language, monkeypatch, babel_version="1.0")
    english = catalogs.mo_path("en").read_bytes()
    assert b"Babel 1.0" in english and babel.messages.catalog.VERSION.encode() not in english
    assert catalogs.problems() == []


def test_a_stale_compiled_catalog_is_reported(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _copy_catalogs(tmp_path, monkeypatch)
    for language in i18n.LANGUAGES:
        # A valid catalog, but compiled from an older .po without today's messages.
        catalogs.mo_path(language).write_bytes(catalogs._mo_bytes(Catalog(locale=language)))
    found = catalogs.problems()
    assert any("out of date" in line and "'Instellingen'" in line for line in found)


def _changed(catalog: Catalog) -> None:
    catalog["Instellingen"].string = "Preferences"  # the .mo says what the .po does not


def _missing(catalog: Catalog) -> None:
    del catalog["Instellingen"]


@pytest.mark.parametrize(("edit", "word"), [(_changed, "changed"), (_missing, "missing")])
def test_a_changed_or_missing_translation_in_the_compiled_catalog_is_reported(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, edit, word: str
) -> None:
    _copy_catalogs(tmp_path, monkeypatch)
    for language in i18n.LANGUAGES:
        _compile(language, monkeypatch, babel_version="1.0")
    english = catalogs._read(catalogs.po_path("en"), "en")
    edit(english)
    catalogs.mo_path("en").write_bytes(catalogs._mo_bytes(english))
    assert catalogs.problems() == [
        f"{catalogs.mo_path('en')}: out of date (run make catalogs): {word} 'Instellingen'"
    ]


def test_a_damaged_compiled_catalog_is_reported(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _copy_catalogs(tmp_path, monkeypatch)
    for language in i18n.LANGUAGES:
        _compile(language, monkeypatch, babel_version="1.0")
    damaged = catalogs.mo_path("nl")
    damaged.write_bytes(b"not a catalog")
    found = catalogs.problems()
    damaged.unlink()  # the teardown switches the language back, reading this folder
    assert found == [f"{damaged}: unreadable (run make catalogs)"]


def test_an_untranslated_english_entry_is_reported(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    english = Catalog(locale="en", domain=i18n.DOMAIN)
    english.add("Caseload", "")
    target = tmp_path / "locale" / "en" / "LC_MESSAGES"
    target.mkdir(parents=True)
    (target / "trede.po").write_bytes(catalogs._po_bytes(english))
    monkeypatch.setattr(catalogs.files, "LOCALE_DIR", tmp_path / "locale")
    assert any("untranslated: 'Caseload'" in line for line in catalogs.problems())


def test_english_is_really_english() -> None:
    i18n.set_language("en")
    assert i18n._("Instellingen") == "Settings"
    i18n.set_language("nl")
    assert i18n._("Instellingen") == "Instellingen"


def test_a_plural_whose_wording_changed_shows_the_new_dutch_and_asks_for_english(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Only the plural changed, so the message keeps its key (the singular): Dutch must show
    the new wording, and the old English no longer counts as a translation."""
    locale = _copy_catalogs(tmp_path, monkeypatch)
    monkeypatch.setattr(catalogs, "POT_PATH", locale / "trede.pot")
    singular = "Alle aantallen zijn precies."
    template = catalogs.extract()
    new_plural = template[singular].id[1]
    older = (singular, "Alle aantallen zijn afgerond (oude tekst).")
    for language, strings in (
        ("nl", older),
        ("en", ("All counts are exact.", "All counts are rounded (old text).")),
    ):
        catalog = catalogs._read(catalogs.po_path(language), language)
        catalog.delete(singular)
        catalog.add(older, strings)
        catalogs.po_path(language).write_bytes(catalogs._po_bytes(catalog))

    catalogs.update()

    dutch = catalogs._read(catalogs.po_path("nl"), "nl")[singular]
    assert tuple(dutch.string) == (singular, new_plural)
    english = catalogs._read(catalogs.po_path("en"), "en")[singular]
    assert not any(english.string)
    assert f"{catalogs.po_path('en')}: untranslated: {(singular, new_plural)!r}" in (
        catalogs.problems()
    )
