"""The basic shapes of a JSON data file (objects, lists, texts, ids), checked with one clear error.

:class:`JsonReader` stops at the first problem with a :class:`QuestionnaireError` that names the
file, the field as a JSON path and the reason.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any, NoReturn, TypeVar

from quickscan import questionnaire as model
from quickscan.errors import QuestionnaireError
from resources.i18n import _

_IDENTIFIER = re.compile(r"^[a-z0-9][a-z0-9_.-]*$")
T = TypeVar("T")


def type_name(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return _("waar/onwaar")
    if isinstance(value, int | float):
        return _("een getal")
    if isinstance(value, str):
        return _("een tekst")
    if isinstance(value, list):
        return _("een lijst")
    return _("een object")


def at(path: str, key: str | int) -> str:
    if isinstance(key, int):
        return f"{path}[{key}]"
    return f"{path}.{key}" if path else key


class JsonReader:
    """Reads the basic shapes of the raw JSON and stops at the first problem."""

    def __init__(self, file: str) -> None:
        self.file = file
        self.languages: tuple[str, ...] = ()

    def fail(self, path: str, reason: str) -> NoReturn:
        """Stop with an error naming the file, the field and the reason."""
        raise QuestionnaireError(self.file, path, reason)

    def wrong_type(self, value: Any, path: str, expected: str) -> NoReturn:
        self.fail(
            path,
            _("verwacht %(expected)s, maar vond %(found)s.")
            % {"expected": expected, "found": type_name(value)},
        )

    def obj(
        self, value: Any, path: str, keys: set[str], optional: frozenset[str] = frozenset()
    ) -> dict[str, Any]:
        if not isinstance(value, dict):
            self.wrong_type(value, path, _("een object"))
        for key in keys:
            if key not in value:
                self.fail(at(path, key), _("dit veld ontbreekt."))
        for key in value:
            if key not in keys and key not in optional and not key.startswith("_"):
                self.fail(at(path, key), _("dit veld is onbekend."))
        return value

    def array(self, value: Any, path: str, minimum: int = 1) -> list[Any]:
        if not isinstance(value, list):
            self.wrong_type(value, path, _("een lijst"))
        if len(value) < minimum:
            self.fail(path, _("de lijst moet minstens %(n)d onderdelen hebben.") % {"n": minimum})
        return value

    def string(self, value: Any, path: str) -> str:
        if not isinstance(value, str):
            self.wrong_type(value, path, _("een tekst"))
        if not value.strip():
            self.fail(path, _("de tekst is leeg."))
        return value.strip()

    def identifier(self, value: Any, path: str) -> str:
        text = self.string(value, path)
        if not _IDENTIFIER.match(text):
            self.fail(
                path,
                _("%(value)s is geen geldige id (kleine letters, cijfers, - en _).")
                % {"value": text},
            )
        return text

    def number(self, value: Any, path: str) -> float:
        if isinstance(value, bool) or not isinstance(value, int | float):
            self.wrong_type(value, path, _("een getal"))
        return float(value)

    def text(self, value: Any, path: str) -> model.Text:
        if not isinstance(value, dict):
            self.wrong_type(value, path, _("een object met een tekst per taal"))
        for code in value:
            if code not in self.languages:
                self.fail(
                    at(path, code),
                    _("de taal %(language)s staat niet in languages.") % {"language": code},
                )
        texts: dict[str, str] = {}
        for code in self.languages:
            if code not in value:
                self.fail(
                    at(path, code),
                    _("de tekst in taal %(language)s ontbreekt.") % {"language": code},
                )
            texts[code] = self.string(value[code], at(path, code))
        return model.Text.of(texts)

    def unique(self, items: list[T], path: str, key: Callable[[T], str], field: str = "") -> None:
        seen: set[str] = set()
        for index, item in enumerate(items):
            value = key(item)
            if value in seen:
                where = at(path, index)
                self.fail(
                    at(where, field) if field else where,
                    _("%(value)s komt meer dan één keer voor.") % {"value": value},
                )
            seen.add(value)

    def flag(self, value: Any, path: str) -> bool:
        """An optional true/false field."""
        if not isinstance(value, bool):
            self.wrong_type(value, path, _("waar/onwaar"))
        return value

    def list_of(self, value: Any, path: str, parse: Callable[[Any, str], T]) -> list[T]:
        """A list whose items are each read by ``parse``."""
        return [parse(item, at(path, i)) for i, item in enumerate(self.array(value, path))]
