"""Read and validate a questionnaire file; every error names the file, the field and the reason.

Two formats are read: ``trede-questionnaire/1`` (one scale, free-text sources) so that old scans
stay readable, and ``trede-questionnaire/2`` (sources with document, year and section; a scale
per item type; reversed items; actions that name their roles). See docs/questionnaire-format.md.
"""

from __future__ import annotations

import functools
import json
from pathlib import Path
from typing import Any

from quickscan import questionnaire as model
from quickscan.errors import QuestionnaireError
from quickscan.json_reader import JsonReader, at
from resources.errors import file_reason
from resources.i18n import _

DATA_DIR = Path(__file__).resolve().parent / "data"
BUNDLED = DATA_DIR / "quickscan-diversiteit.json"
MIN_ACTIONS = 2
MAX_ACTIONS = 4
#: A source's year must be a plausible publication year.
FIRST_YEAR, LAST_YEAR = 1900, 2100
_SYNTHESIS = frozenset({"synthesis"})


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
        reason = _("het bestand kan niet worden gelezen (%(reason)s).") % {
            "reason": file_reason(error)
        }
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


class _Reader(JsonReader):
    """Walks the raw JSON, building dataclasses and stopping at the first problem."""

    def __init__(self, file: str) -> None:
        super().__init__(file)
        self.version = 2
        self.sources: dict[str, model.Source] = {}
        self.role_ids: set[str] = set()
        self.scale_ids: set[str] = set()

    # The parts of a questionnaire ---------------------------------------------------------

    def questionnaire(self, raw: Any) -> model.Questionnaire:
        # The format decides which fields belong, so it is read before the rest.
        if not isinstance(raw, dict):
            self.wrong_type(raw, "", _("een object"))
        if "format" not in raw:
            self.fail("format", _("dit veld ontbreekt."))
        fmt = self.string(raw["format"], "format")
        if fmt not in model.FORMATS:
            self.fail(
                "format",
                _("het formaat %(found)s wordt niet ondersteund; verwacht %(expected)s.")
                % {"found": fmt, "expected": model.FORMAT},
            )
        self.version = 1 if fmt == model.FORMAT_1 else 2
        top = {"format", "id", "version", "languages", "title", "description", "roles"}
        top |= {"themes", "questions", "bands", "advice", "insufficient_view_threshold"}
        top |= {"scale"} if self.version == 1 else {"scales", "sources"}
        optional = {"insufficient_view_advice"} | ({"changes"} if self.version == 2 else set())
        root = self.obj(raw, "", top, frozenset(optional))
        self.languages = self.language_list(root["languages"])
        if self.version == 2:
            sources = self.list_of(root["sources"], "sources", self.source)
            self.unique(sources, "sources", lambda s: s.id, "id")
            self.sources = {source.id: source for source in sources}
        roles = self.list_of(root["roles"], "roles", self.role)
        self.unique(roles, "roles", lambda r: r.id, "id")
        self.role_ids = {role.id for role in roles}
        if self.version == 1:
            scales = [
                model.Scale(model.DEFAULT_SCALE, "extent", self.scale(root["scale"], "scale"))
            ]
        else:
            scales = self.list_of(root["scales"], "scales", self.named_scale)
            self.unique(scales, "scales", lambda s: s.id, "id")
        self.scale_ids = {scale.id for scale in scales}
        themes = self.list_of(root["themes"], "themes", self.theme)
        self.unique(themes, "themes", lambda t: t.id, "id")
        role_ids = {role.id for role in roles}
        theme_ids = {theme.id for theme in themes}
        questions = [
            self.question(item, at("questions", i), role_ids, theme_ids)
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
            scales=tuple(scales),
            themes=tuple(themes),
            questions=tuple(questions),
            bands=tuple(bands),
            advice=tuple(advice),
            insufficient_view_threshold=threshold,
            insufficient_view_advice=general,
            sources=tuple(self.sources.values()),
            changes=self.text(root["changes"], "changes") if "changes" in root else None,
            format=fmt,
            definition=json.dumps(raw, ensure_ascii=False, sort_keys=True, separators=(",", ":")),
        )

    def language_list(self, value: Any) -> tuple[str, ...]:
        items = self.array(value, "languages")
        codes = [self.identifier(item, at("languages", i)) for i, item in enumerate(items)]
        self.unique(codes, "languages", lambda code: code)
        return tuple(codes)

    def role(self, value: Any, path: str) -> model.Role:
        item = self.obj(value, path, {"id", "label"})
        return model.Role(
            id=self.identifier(item["id"], at(path, "id")),
            label=self.text(item["label"], at(path, "label")),
        )

    def source(self, value: Any, path: str) -> model.Source:
        item = self.obj(value, path, {"id", "document", "publisher", "year"})
        year = self.number(item["year"], at(path, "year"))
        if year != int(year) or not FIRST_YEAR <= year <= LAST_YEAR:
            self.fail(at(path, "year"), _("geef het jaar van het document, bijvoorbeeld 2021."))
        return model.Source(
            id=self.identifier(item["id"], at(path, "id")),
            document=self.string(item["document"], at(path, "document")),
            publisher=self.string(item["publisher"], at(path, "publisher")),
            year=int(year),
        )

    def citations(self, value: Any, path: str) -> tuple[model.Citation, ...]:
        """Format 2: a list of {"source": id, "section": "pilot 7 …"}; each names its place."""
        cited: list[model.Citation] = []
        for i, raw in enumerate(self.array(value, path)):
            item_path = at(path, i)
            item = self.obj(raw, item_path, {"source", "section"})
            source_id = self.identifier(item["source"], at(item_path, "source"))
            if source_id not in self.sources:
                self.fail(
                    at(item_path, "source"),
                    _("de bron %(id)s staat niet in sources.") % {"id": source_id},
                )
            source = self.sources[source_id]
            section = self.string(item["section"], at(item_path, "section"))
            cited.append(model.Citation(source.document, source.publisher, source.year, section))
        return tuple(cited)

    def sourced(self, item: dict[str, Any], path: str) -> dict[str, Any]:
        """The source fields of a question or action: free text (format 1) or citations."""
        if self.version == 1:
            return {"source": self.string(item["source"], at(path, "source"))}
        citations = self.citations(item["sources"], at(path, "sources"))
        synthesis = self.flag(item.get("synthesis", False), at(path, "synthesis"))
        return {"source": model.cite(citations), "citations": citations, "synthesis": synthesis}

    def role_list(self, value: Any, path: str) -> tuple[str, ...]:
        chosen: list[str] = []
        for i, raw_role in enumerate(self.array(value, path)):
            role_path = at(path, i)
            role = self.identifier(raw_role, role_path)
            if role not in self.role_ids:
                self.fail(role_path, _("de rol %(id)s bestaat niet.") % {"id": role})
            chosen.append(role)
        self.unique(chosen, path, lambda r: r)
        return tuple(chosen)

    def named_scale(self, value: Any, path: str) -> model.Scale:
        item = self.obj(value, path, {"id", "kind", "options"})
        kind = self.identifier(item["kind"], at(path, "kind"))
        if kind not in model.SCALE_KINDS:
            self.fail(
                at(path, "kind"),
                _("kies uit %(kinds)s.") % {"kinds": ", ".join(model.SCALE_KINDS)},
            )
        return model.Scale(
            id=self.identifier(item["id"], at(path, "id")),
            kind=kind,
            options=self.scale(item["options"], at(path, "options")),
        )

    def scale(self, value: Any, where: str) -> tuple[model.ScaleOption, ...]:
        options: list[model.ScaleOption] = []
        for i, raw in enumerate(self.array(value, where, minimum=3)):
            path = at(where, i)
            item = self.obj(raw, path, {"value", "label"})
            number = item["value"]
            if number is not None and (isinstance(number, bool) or not isinstance(number, int)):
                self.wrong_type(number, at(path, "value"), _("een geheel getal of null"))
            options.append(model.ScaleOption(number, self.text(item["label"], at(path, "label"))))
        self.unique(options, where, lambda o: str(o.value), "value")
        if not any(option.is_unknown for option in options):
            self.fail(where, _("de schaal mist het antwoord 'weet niet' (value null)."))
        return tuple(options)

    def theme(self, value: Any, path: str) -> model.Theme:
        item = self.obj(value, path, {"id", "title", "explanation"})
        return model.Theme(
            id=self.identifier(item["id"], at(path, "id")),
            title=self.text(item["title"], at(path, "title")),
            explanation=self.text(item["explanation"], at(path, "explanation")),
        )

    def question(self, value: Any, path: str, roles: set[str], themes: set[str]) -> model.Question:
        keys = {"id", "theme", "text", "roles", "weight"}
        keys |= {"source"} if self.version == 1 else {"sources", "scale"}
        optional = frozenset() if self.version == 1 else frozenset({"reversed", "synthesis"})
        item = self.obj(value, path, keys, optional)
        theme = self.identifier(item["theme"], at(path, "theme"))
        if theme not in themes:
            self.fail(at(path, "theme"), _("het thema %(id)s bestaat niet.") % {"id": theme})
        asked_of = self.role_list(item["roles"], at(path, "roles"))
        scale = model.DEFAULT_SCALE
        if self.version == 2:
            scale = self.identifier(item["scale"], at(path, "scale"))
            if scale not in self.scale_ids:
                self.fail(at(path, "scale"), _("de schaal %(id)s bestaat niet.") % {"id": scale})
        weight = self.number(item["weight"], at(path, "weight"))
        if weight <= 0:
            self.fail(at(path, "weight"), _("het gewicht moet groter dan 0 zijn."))
        return model.Question(
            id=self.identifier(item["id"], at(path, "id")),
            theme=theme,
            text=self.text(item["text"], at(path, "text")),
            roles=asked_of,
            weight=weight,
            scale=scale,
            reversed=self.flag(item.get("reversed", False), at(path, "reversed")),
            **self.sourced(item, path),
        )

    def everything_asked(
        self, roles: list[model.Role], themes: list[model.Theme], questions: list[model.Question]
    ) -> None:
        for i, role in enumerate(roles):
            if not any(role.id in q.roles for q in questions):
                reason = _("voor de rol %(id)s zijn er geen vragen.") % {"id": role.id}
                self.fail(at(at("roles", i), "id"), reason)
        for i, theme in enumerate(themes):
            if not any(q.theme == theme.id for q in questions):
                reason = _("het thema %(id)s heeft geen vragen.") % {"id": theme.id}
                self.fail(at(at("themes", i), "id"), reason)

    def bands(self, value: Any) -> list[model.Band]:
        bands: list[model.Band] = []
        for i, raw in enumerate(self.array(value, "bands")):
            path = at("bands", i)
            item = self.obj(raw, path, {"id", "from", "to", "label"})
            start = self.number(item["from"], at(path, "from"))
            end = self.number(item["to"], at(path, "to"))
            if start >= end:
                self.fail(at(path, "to"), _("het einde moet groter zijn dan het begin."))
            expected = bands[-1].end if bands else 0.0
            if start != expected:
                self.fail(
                    at(path, "from"),
                    _("de banden moeten 0 tot 100 aaneengesloten dekken; verwacht %(expected)g.")
                    % {"expected": expected},
                )
            band_id = self.identifier(item["id"], at(path, "id"))
            label = self.text(item["label"], at(path, "label"))
            bands.append(model.Band(band_id, start, end, label))
        if bands[-1].end != 100:
            self.fail(
                at(at("bands", len(bands) - 1), "to"),
                _("de laatste band moet bij 100 eindigen."),
            )
        self.unique(bands, "bands", lambda b: b.id, "id")
        return bands

    def advice_body(self, value: Any, path: str, theme: str = "", band: str = "") -> model.Advice:
        keys = {"explanation", "actions"} | ({"theme", "band"} if theme else set())
        item = self.obj(value, path, keys)
        actions = self.array(item["actions"], at(path, "actions"), minimum=MIN_ACTIONS)
        if len(actions) > MAX_ACTIONS:
            self.fail(
                at(path, "actions"),
                _("geef hoogstens %(n)d acties per advies.") % {"n": MAX_ACTIONS},
            )
        parsed = []
        for i, raw in enumerate(actions):
            action_path = at(at(path, "actions"), i)
            if self.version == 1:
                action = self.obj(raw, action_path, {"text", "source"})
                roles: tuple[str, ...] = ()
            else:
                action = self.obj(raw, action_path, {"text", "sources", "roles"}, _SYNTHESIS)
                roles = self.role_list(action["roles"], at(action_path, "roles"))
            parsed.append(
                model.Action(
                    text=self.text(action["text"], at(action_path, "text")),
                    roles=roles,
                    **self.sourced(action, action_path),
                )
            )
        return model.Advice(
            theme=theme,
            band=band,
            explanation=self.text(item["explanation"], at(path, "explanation")),
            actions=tuple(parsed),
        )

    def advice(self, value: Any, themes: set[str], bands: list[str]) -> list[model.Advice]:
        result: list[model.Advice] = []
        seen: set[tuple[str, str]] = set()
        for i, raw in enumerate(self.array(value, "advice")):
            path = at("advice", i)
            item = self.obj(raw, path, {"theme", "band", "explanation", "actions"})
            theme = self.identifier(item["theme"], at(path, "theme"))
            if theme not in themes:
                self.fail(at(path, "theme"), _("het thema %(id)s bestaat niet.") % {"id": theme})
            band = self.identifier(item["band"], at(path, "band"))
            if band not in bands:
                self.fail(at(path, "band"), _("de band %(id)s bestaat niet.") % {"id": band})
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
