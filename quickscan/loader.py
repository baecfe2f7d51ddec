"""Read and validate a questionnaire file; every error names the file, the field and the reason."""

from __future__ import annotations

import functools
import json
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any, NoReturn, TypeVar

from quickscan import questionnaire as model
from quickscan.errors import QuestionnaireError
from resources.i18n import _

DATA_DIR = Path(__file__).resolve().parent / "data"
BUNDLED = DATA_DIR / "quickscan-diversiteit.json"
MIN_ACTIONS = 2
MAX_ACTIONS = 4
_IDENTIFIER = re.compile(r"^[a-z0-9][a-z0-9_.-]*$")
T = TypeVar("T")


def load(path: Path) -> model.Questionnaire:
    """Read a questionnaire file; raise :class:`QuestionnaireError` if anything is wrong."""
    name = str(path)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError as error:
        raise QuestionnaireError(name, "", _("het bestand bestaat niet.")) from error
    except UnicodeDecodeError as error:
        raise QuestionnaireError(name, "", _("het bestand is geen UTF-8-tekst.")) from error
    except OSError as error:
        reason = _("het bestand kan niet worden gelezen (%(reason)s).") % {"reason": error.strerror}
        raise QuestionnaireError(name, "", reason) from error
    return loads(text, name)


@functools.cache
def load_bundled() -> model.Questionnaire:
    """The questionnaire that ships with Trede (read once per process)."""
    return load(BUNDLED)


def loads(text: str, file: str) -> model.Questionnaire:
    """Parse a questionnaire from JSON text; ``file`` names it in error messages."""
    try:
        raw = json.loads(text)
    except json.JSONDecodeError as error:
        reason = _("dit is geen geldige JSON (regel %(line)d, kolom %(column)d).") % {
            "line": error.lineno,
            "column": error.colno,
        }
        raise QuestionnaireError(file, "", reason) from error
    except RecursionError:
        raise QuestionnaireError(file, "", _("de JSON is te diep genest.")) from None
    return _Reader(file).questionnaire(raw)


def _type_name(value: Any) -> str:
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


def _at(path: str, key: str | int) -> str:
    if isinstance(key, int):
        return f"{path}[{key}]"
    return f"{path}.{key}" if path else key


class _Reader:
    """Walks the raw JSON, building dataclasses and stopping at the first problem."""

    def __init__(self, file: str) -> None:
        self.file = file
        self.languages: tuple[str, ...] = ()

    def fail(self, path: str, reason: str) -> NoReturn:
        raise QuestionnaireError(self.file, path, reason)

    def wrong_type(self, value: Any, path: str, expected: str) -> NoReturn:
        self.fail(
            path,
            _("verwacht %(expected)s, maar vond %(found)s.")
            % {"expected": expected, "found": _type_name(value)},
        )

    # Basic shapes -------------------------------------------------------------------------

    def obj(
        self, value: Any, path: str, keys: set[str], optional: frozenset[str] = frozenset()
    ) -> dict[str, Any]:
        if not isinstance(value, dict):
            self.wrong_type(value, path, _("een object"))
        for key in keys:
            if key not in value:
                self.fail(_at(path, key), _("dit veld ontbreekt."))
        for key in value:
            if key not in keys and key not in optional and not key.startswith("_"):
                self.fail(_at(path, key), _("dit veld is onbekend."))
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
                    _at(path, code),
                    _("de taal %(language)s staat niet in languages.") % {"language": code},
                )
        texts: dict[str, str] = {}
        for code in self.languages:
            if code not in value:
                self.fail(
                    _at(path, code),
                    _("de tekst in taal %(language)s ontbreekt.") % {"language": code},
                )
            texts[code] = self.string(value[code], _at(path, code))
        return model.Text.of(texts)

    def unique(self, items: list[T], path: str, key: Callable[[T], str], field: str = "") -> None:
        seen: set[str] = set()
        for index, item in enumerate(items):
            value = key(item)
            if value in seen:
                where = _at(path, index)
                self.fail(
                    _at(where, field) if field else where,
                    _("%(value)s komt meer dan één keer voor.") % {"value": value},
                )
            seen.add(value)

    # The parts of a questionnaire ---------------------------------------------------------

    def questionnaire(self, raw: Any) -> model.Questionnaire:
        top = {"format", "id", "version", "languages", "title", "description", "roles", "scale"}
        top |= {"themes", "questions", "bands", "advice", "insufficient_view_threshold"}
        root = self.obj(raw, "", top, frozenset({"insufficient_view_advice"}))
        fmt = self.string(root["format"], "format")
        if fmt != model.FORMAT:
            self.fail(
                "format",
                _("het formaat %(found)s wordt niet ondersteund; verwacht %(expected)s.")
                % {"found": fmt, "expected": model.FORMAT},
            )
        self.languages = self.language_list(root["languages"])
        roles = self.list_of(root["roles"], "roles", self.role)
        self.unique(roles, "roles", lambda r: r.id, "id")
        scale = self.scale(root["scale"])
        themes = self.list_of(root["themes"], "themes", self.theme)
        self.unique(themes, "themes", lambda t: t.id, "id")
        role_ids = {role.id for role in roles}
        theme_ids = {theme.id for theme in themes}
        questions = [
            self.question(item, _at("questions", i), role_ids, theme_ids)
            for i, item in enumerate(self.array(root["questions"], "questions"))
        ]
        self.unique(questions, "questions", lambda q: q.id, "id")
        self.everything_asked(roles, themes, questions)
        bands = self.bands(root["bands"])
        advice = self.advice(root["advice"], theme_ids, [band.id for band in bands])
        self.advice_complete(advice, themes, bands)
        threshold = self.number(root["insufficient_view_threshold"], "insufficient_view_threshold")
        if not 0 < threshold < 1:
            self.fail(
                "insufficient_view_threshold",
                _("de drempel moet tussen 0 en 1 liggen, bijvoorbeeld 0.5."),
            )
        general = None
        if "insufficient_view_advice" in root:
            general = self.advice_body(root["insufficient_view_advice"], "insufficient_view_advice")
        return model.Questionnaire(
            id=self.identifier(root["id"], "id"),
            version=self.string(root["version"], "version"),
            languages=self.languages,
            title=self.text(root["title"], "title"),
            description=self.text(root["description"], "description"),
            roles=tuple(roles),
            scale=scale,
            themes=tuple(themes),
            questions=tuple(questions),
            bands=tuple(bands),
            advice=tuple(advice),
            insufficient_view_threshold=threshold,
            insufficient_view_advice=general,
            definition=json.dumps(raw, ensure_ascii=False, sort_keys=True, separators=(",", ":")),
        )

    def list_of(self, value: Any, path: str, parse: Callable[[Any, str], T]) -> list[T]:
        return [parse(item, _at(path, i)) for i, item in enumerate(self.array(value, path))]

    def language_list(self, value: Any) -> tuple[str, ...]:
        items = self.array(value, "languages")
        codes = [self.identifier(item, _at("languages", i)) for i, item in enumerate(items)]
        self.unique(codes, "languages", lambda code: code)
        return tuple(codes)

    def role(self, value: Any, path: str) -> model.Role:
        item = self.obj(value, path, {"id", "label"})
        return model.Role(
            id=self.identifier(item["id"], _at(path, "id")),
            label=self.text(item["label"], _at(path, "label")),
        )

    def scale(self, value: Any) -> tuple[model.ScaleOption, ...]:
        options: list[model.ScaleOption] = []
        for i, raw in enumerate(self.array(value, "scale", minimum=3)):
            path = _at("scale", i)
            item = self.obj(raw, path, {"value", "label"})
            number = item["value"]
            if number is not None and (isinstance(number, bool) or not isinstance(number, int)):
                self.wrong_type(number, _at(path, "value"), _("een geheel getal of null"))
            options.append(model.ScaleOption(number, self.text(item["label"], _at(path, "label"))))
        self.unique(options, "scale", lambda o: str(o.value), "value")
        if not any(option.is_unknown for option in options):
            self.fail("scale", _("de schaal mist het antwoord 'weet niet' (value null)."))
        return tuple(options)

    def theme(self, value: Any, path: str) -> model.Theme:
        item = self.obj(value, path, {"id", "title", "explanation"})
        return model.Theme(
            id=self.identifier(item["id"], _at(path, "id")),
            title=self.text(item["title"], _at(path, "title")),
            explanation=self.text(item["explanation"], _at(path, "explanation")),
        )

    def question(self, value: Any, path: str, roles: set[str], themes: set[str]) -> model.Question:
        item = self.obj(value, path, {"id", "theme", "text", "roles", "weight", "source"})
        theme = self.identifier(item["theme"], _at(path, "theme"))
        if theme not in themes:
            self.fail(_at(path, "theme"), _("het thema %(id)s bestaat niet.") % {"id": theme})
        asked_of: list[str] = []
        for i, raw_role in enumerate(self.array(item["roles"], _at(path, "roles"))):
            role_path = _at(_at(path, "roles"), i)
            role = self.identifier(raw_role, role_path)
            if role not in roles:
                self.fail(role_path, _("de rol %(id)s bestaat niet.") % {"id": role})
            asked_of.append(role)
        self.unique(asked_of, _at(path, "roles"), lambda r: r)
        weight = self.number(item["weight"], _at(path, "weight"))
        if weight <= 0:
            self.fail(_at(path, "weight"), _("het gewicht moet groter dan 0 zijn."))
        return model.Question(
            id=self.identifier(item["id"], _at(path, "id")),
            theme=theme,
            text=self.text(item["text"], _at(path, "text")),
            roles=tuple(asked_of),
            weight=weight,
            source=self.string(item["source"], _at(path, "source")),
        )

    def everything_asked(
        self, roles: list[model.Role], themes: list[model.Theme], questions: list[model.Question]
    ) -> None:
        for i, role in enumerate(roles):
            if not any(role.id in q.roles for q in questions):
                reason = _("voor de rol %(id)s zijn er geen vragen.") % {"id": role.id}
                self.fail(_at(_at("roles", i), "id"), reason)
        for i, theme in enumerate(themes):
            if not any(q.theme == theme.id for q in questions):
                reason = _("het thema %(id)s heeft geen vragen.") % {"id": theme.id}
                self.fail(_at(_at("themes", i), "id"), reason)

    def bands(self, value: Any) -> list[model.Band]:
        bands: list[model.Band] = []
        for i, raw in enumerate(self.array(value, "bands")):
            path = _at("bands", i)
            item = self.obj(raw, path, {"id", "from", "to", "label"})
            start = self.number(item["from"], _at(path, "from"))
            end = self.number(item["to"], _at(path, "to"))
            if start >= end:
                self.fail(_at(path, "to"), _("het einde moet groter zijn dan het begin."))
            expected = bands[-1].end if bands else 0.0
            if start != expected:
                self.fail(
                    _at(path, "from"),
                    _("de banden moeten 0 tot 100 aaneengesloten dekken; verwacht %(expected)g.")
                    % {"expected": expected},
                )
            band_id = self.identifier(item["id"], _at(path, "id"))
            label = self.text(item["label"], _at(path, "label"))
            bands.append(model.Band(band_id, start, end, label))
        if bands[-1].end != 100:
            self.fail(
                _at(_at("bands", len(bands) - 1), "to"),
                _("de laatste band moet bij 100 eindigen."),
            )
        self.unique(bands, "bands", lambda b: b.id, "id")
        return bands

    def advice_body(self, value: Any, path: str, theme: str = "", band: str = "") -> model.Advice:
        keys = {"explanation", "actions"} | ({"theme", "band"} if theme else set())
        item = self.obj(value, path, keys)
        actions = self.array(item["actions"], _at(path, "actions"), minimum=MIN_ACTIONS)
        if len(actions) > MAX_ACTIONS:
            self.fail(
                _at(path, "actions"),
                _("geef hoogstens %(n)d acties per advies.") % {"n": MAX_ACTIONS},
            )
        parsed = []
        for i, raw in enumerate(actions):
            action_path = _at(_at(path, "actions"), i)
            action = self.obj(raw, action_path, {"text", "source"})
            parsed.append(
                model.Action(
                    text=self.text(action["text"], _at(action_path, "text")),
                    source=self.string(action["source"], _at(action_path, "source")),
                )
            )
        return model.Advice(
            theme=theme,
            band=band,
            explanation=self.text(item["explanation"], _at(path, "explanation")),
            actions=tuple(parsed),
        )

    def advice(self, value: Any, themes: set[str], bands: list[str]) -> list[model.Advice]:
        result: list[model.Advice] = []
        seen: set[tuple[str, str]] = set()
        for i, raw in enumerate(self.array(value, "advice")):
            path = _at("advice", i)
            item = self.obj(raw, path, {"theme", "band", "explanation", "actions"})
            theme = self.identifier(item["theme"], _at(path, "theme"))
            if theme not in themes:
                self.fail(_at(path, "theme"), _("het thema %(id)s bestaat niet.") % {"id": theme})
            band = self.identifier(item["band"], _at(path, "band"))
            if band not in bands:
                self.fail(_at(path, "band"), _("de band %(id)s bestaat niet.") % {"id": band})
            if (theme, band) in seen:
                self.fail(
                    path,
                    _("er is al advies voor thema %(theme)s in band %(band)s.")
                    % {"theme": theme, "band": band},
                )
            seen.add((theme, band))
            result.append(self.advice_body(item, path, theme, band))
        return result

    def advice_complete(
        self, advice: list[model.Advice], themes: list[model.Theme], bands: list[model.Band]
    ) -> None:
        given = {(a.theme, a.band) for a in advice}
        for theme in themes:
            for band in bands:
                if (theme.id, band.id) not in given:
                    self.fail(
                        "advice",
                        _("er is geen advies voor thema %(theme)s in band %(band)s.")
                        % {"theme": theme.id, "band": band.id},
                    )
