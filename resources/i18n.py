"""Translations (gettext catalogs managed by babel) and locale formatting (babel), without Qt.

Dutch is the source language: the messages in the code are Dutch (B1), the ``nl`` catalog lets
an editor improve wording without touching code, and the ``en`` catalog holds the English text.
The active language is process-wide, as gettext itself is; reports can switch it for a while
with :func:`language`.
"""

from __future__ import annotations

import contextlib
import gettext
from collections.abc import Iterator
from typing import TYPE_CHECKING

from resources import files

if TYPE_CHECKING:  # in annotations only: the window's frame does not wait for these modules
    import datetime as dt
    from decimal import Decimal

DOMAIN = "trede"
LANGUAGES = ("nl", "en")
DEFAULT_LANGUAGE = "nl"
#: The babel locale per language: Dutch as in the Netherlands; English with day-first dates.
LOCALES = {"nl": "nl_NL", "en": "en_GB"}

_state: dict[str, object] = {
    "language": DEFAULT_LANGUAGE,
    "translations": gettext.NullTranslations(),
}


def _load(language: str) -> gettext.NullTranslations:
    return gettext.translation(
        DOMAIN, localedir=str(files.LOCALE_DIR), languages=[language], fallback=True
    )


def set_language(language: str) -> None:
    """Make ``language`` ('nl' or 'en') the active language for text and formatting."""
    if language not in LANGUAGES:
        raise ValueError(f"unknown language {language!r}")
    _state["language"] = language
    _state["translations"] = _load(language)


def current_language() -> str:
    """The active language code."""
    return str(_state["language"])


def babel_locale() -> str:
    """The babel locale of the active language."""
    return LOCALES[current_language()]


@contextlib.contextmanager
def language(code: str) -> Iterator[None]:
    """Use another language for a while, e.g. to write a report in the language of a scan."""
    previous = current_language()
    set_language(code)
    try:
        yield
    finally:
        set_language(previous)


@contextlib.contextmanager
def language_of(code: str) -> Iterator[None]:
    """Use a text's own language (e.g. a scan's) when Trede has it, else keep the active one."""
    if code in LANGUAGES:
        with language(code):
            yield
    else:
        yield


def _translations() -> gettext.NullTranslations:
    translations = _state["translations"]
    assert isinstance(translations, gettext.NullTranslations)
    return translations


def _(message: str) -> str:
    """Translate a message into the active language."""
    return _translations().gettext(message)


def ngettext(singular: str, plural: str, n: int) -> str:
    """Translate a message with a singular and a plural form."""
    return _translations().ngettext(singular, plural, n)


def pgettext(context: str, message: str) -> str:
    """Translate a short message whose meaning depends on a context (e.g. a menu name)."""
    return _translations().pgettext(context, message)


def N_(message: str) -> str:  # noqa: N802 - the gettext convention
    """Mark a message for translation where it is defined; translate it with _() where shown."""
    return message


def date_text(value: dt.date, short: bool = False) -> str:
    """A date as Trede shows it everywhere, in the window and in the PDFs: babel's medium format
    of the active language ("7 mrt 2026", "7 Mar 2026"); ``short`` only where a column has no
    room ("07-03-2026", "07/03/2026")."""
    return format_date(value, "short" if short else "medium")


def datetime_text(value: dt.datetime, short: bool = False) -> str:
    """A moment as Trede shows it: the date as :func:`date_text`, then the time."""
    return format_datetime(value, "short" if short else "medium")


#: Babel's medium ("d MMM y") and short date of each locale, with its abbreviated months: the
#: window's first page writes its dates without loading babel and its locale data (some 25 ms
#: of the start). A test holds them equal to babel's own output for every day of many years.
_DATES: dict[str, tuple[str, tuple[str, ...]]] = {
    "nl_NL": (
        "{d:02d}-{m:02d}-{y}",
        ("jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt", "nov", "dec"),
    ),
    "en_GB": (
        "{d:02d}/{m:02d}/{y}",
        ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sept", "Oct", "Nov", "Dec"),
    ),
}


def format_date(value: dt.date, format: str = "medium") -> str:  # noqa: A002 - babel's name
    """A date in the active locale ('short', 'medium', 'long' or a babel pattern)."""
    known = _DATES.get(babel_locale())
    if known is not None and format in ("medium", "short") and 1000 <= value.year <= 9999:
        short, months = known
        if format == "short":
            return short.format(d=value.day, m=value.month, y=value.year)
        return f"{value.day} {months[value.month - 1]} {value.year}"
    from babel import dates as babel_dates  # babel's data loads on first use, not at start-up

    return babel_dates.format_date(value, format=format, locale=babel_locale())


def format_datetime(value: dt.datetime, format: str = "medium") -> str:  # noqa: A002
    """A date and time in the active locale."""
    from babel import dates as babel_dates

    return babel_dates.format_datetime(value, format=format, locale=babel_locale())


def format_number(value: int | float | Decimal) -> str:
    """A number in the active locale (1.234,5 in Dutch)."""
    if type(value) is int and -1000 < value < 1000:
        # Written the same in every language Trede speaks (no grouping below a thousand): the
        # count in the navigation is shown before the first paint, babel's data need not be.
        return str(value)
    from babel import numbers as babel_numbers

    return babel_numbers.format_decimal(value, locale=babel_locale())


def format_percent(fraction: float, decimals: int = 0) -> str:
    """A fraction (0.25) as a percentage in the active locale ('25%')."""
    pattern = "#,##0" + ("." + "0" * decimals if decimals else "") + "%"
    from babel import numbers as babel_numbers

    return babel_numbers.format_percent(fraction, format=pattern, locale=babel_locale())


def language_name(code: str) -> str:
    """The name of a language in that language itself, for a language chooser."""
    return {"nl": "Nederlands", "en": "English"}[code]
