"""The translations are complete and compiled: a missing English text fails the suite."""

from __future__ import annotations

from pathlib import Path

from babel.messages.catalog import Catalog

from resources import catalogs, i18n


def test_catalogs_are_complete_and_compiled() -> None:
    assert catalogs.problems() == []


def test_a_stale_compiled_catalog_is_reported(tmp_path: Path, monkeypatch) -> None:
    stale = tmp_path / "locale"
    for language in i18n.LANGUAGES:
        target = stale / language / "LC_MESSAGES"
        target.mkdir(parents=True)
        source = catalogs.po_path(language)
        (target / source.name).write_bytes(source.read_bytes())
        # A valid catalog, but compiled from an older .po without today's messages.
        (target / "trede.mo").write_bytes(catalogs._mo_bytes(Catalog(locale=language)))
    monkeypatch.setattr(catalogs.files, "LOCALE_DIR", stale)
    found = catalogs.problems()
    assert any("out of date" in line for line in found)


def test_an_untranslated_english_entry_is_reported(tmp_path: Path, monkeypatch) -> None:
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
