"""Dates and numbers follow the active language, as a Dutch or English reader expects."""

from __future__ import annotations

import datetime as dt

import pytest

from resources import i18n


@pytest.mark.parametrize(
    ("language", "expected_date", "expected_number", "expected_percent"),
    [
        ("nl", "31 jan 2026", "1.234,5", "25%"),
        ("en", "31 Jan 2026", "1,234.5", "25%"),
    ],
)
def test_formatting_follows_the_language(
    language, expected_date, expected_number, expected_percent
):
    with i18n.language(language):
        assert i18n.date_text(dt.date(2026, 1, 31)) == expected_date
        assert i18n.format_number(1234.5) == expected_number
        assert i18n.format_percent(0.25) == expected_percent


def test_language_context_restores_the_previous_language() -> None:
    i18n.set_language("nl")
    with i18n.language("en"):
        assert i18n.current_language() == "en"
    assert i18n.current_language() == "nl"


def test_unknown_language_is_refused() -> None:
    with pytest.raises(ValueError):
        i18n.set_language("fr")


@pytest.mark.parametrize("language", i18n.LANGUAGES)
def test_whole_numbers_read_as_babel_writes_them_in_every_language(language) -> None:
    # Small whole numbers skip babel (the count in the navigation, before the first paint):
    # they must read exactly as babel writes them, on both sides of that shortcut.
    from babel import numbers as babel_numbers

    with i18n.language(language):
        for value in (-100_000, -1000, -999, -5, 0, 1, 7, 152, 999, 1000, 1234, 86_017):
            wanted = babel_numbers.format_decimal(value, locale=i18n.babel_locale())
            assert i18n.format_number(value) == wanted
        assert i18n.format_number(1000) == {"nl": "1.000", "en": "1,000"}[language]


@pytest.mark.parametrize("language", sorted(i18n.LOCALES))
def test_dates_written_without_babel_are_babels_own(language: str) -> None:
    from babel import dates as babel_dates

    locale = i18n.LOCALES[language]
    days = [dt.date(1000, 1, 1), dt.date(9999, 12, 31)]
    days += [dt.date(1999, 12, 25) + dt.timedelta(days=n) for n in range(0, 366 * 30, 7)]
    days += [dt.date(2026, 1, 1) + dt.timedelta(days=n) for n in range(366 * 2)]
    with i18n.language(language):
        for day in days:
            for form in ("medium", "short"):
                assert i18n.format_date(day, form) == babel_dates.format_date(
                    day, format=form, locale=locale
                ), (day, form)
