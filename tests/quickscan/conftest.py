"""Fixtures for the quickscan tests: a small, valid questionnaire definition to vary."""

from __future__ import annotations

import copy
import json
from typing import Any

import pytest

from quickscan import loader
from quickscan import questionnaire as model

ROLES = ("klantmanager", "beleidsmedewerker", "manager")


def _text(nl: str, en: str) -> dict[str, str]:
    return {"nl": nl, "en": en}


def _advice(theme: str, band: str) -> dict[str, Any]:
    return {
        "theme": theme,
        "band": band,
        "explanation": _text(f"Uitleg {theme} {band}.", f"Explanation {theme} {band}."),
        "actions": [
            {"text": _text("Doe dit.", "Do this."), "source": "VIA pilot 7"},
            {"text": _text("Doe dat.", "Do that."), "source": "Risbo 2023"},
        ],
    }


#: Theme t1: q1 (weight 1) and q2 (weight 3), every role. Theme t2: q3, q4, q5, every role.
#: Theme t3: q6 (klantmanager only) and q7 (managers only). Theme t4: q8, every role.
_QUESTIONS = [
    ("q1", "t1", list(ROLES), 1),
    ("q2", "t1", list(ROLES), 3),
    ("q3", "t2", list(ROLES), 1),
    ("q4", "t2", list(ROLES), 1),
    ("q5", "t2", list(ROLES), 1),
    ("q6", "t3", ["klantmanager"], 1),
    ("q7", "t3", ["beleidsmedewerker", "manager"], 1),
    ("q8", "t4", list(ROLES), 1),
]

MINI: dict[str, Any] = {
    "format": "trede-questionnaire/1",
    "id": "mini",
    "version": "1",
    "languages": ["nl", "en"],
    "title": _text("Mini", "Mini"),
    "description": _text("Een kleine lijst voor tests.", "A small list for tests."),
    "roles": [{"id": role, "label": _text(role.title(), role.title())} for role in ROLES],
    "scale": [
        {"value": 1, "label": _text("Nee / nooit", "No / never")},
        {"value": 2, "label": _text("Soms", "Sometimes")},
        {"value": 3, "label": _text("Vaak", "Often")},
        {"value": 4, "label": _text("Ja / altijd", "Yes / always")},
        {"value": None, "label": _text("Weet niet", "Don't know")},
    ],
    "themes": [
        {
            "id": t,
            "title": _text(f"Thema {t}", f"Theme {t}"),
            "explanation": _text("Uitleg.", "Why."),
        }
        for t in ("t1", "t2", "t3", "t4")
    ],
    "questions": [
        {
            "id": qid,
            "theme": theme,
            "text": _text(f"Stelling {qid}.", f"Statement {qid}."),
            "roles": roles,
            "weight": weight,
            "source": "VIA pilot 7",
        }
        for qid, theme, roles, weight in _QUESTIONS
    ],
    "bands": [
        {"id": "laag", "from": 0, "to": 50, "label": _text("Laag", "Low")},
        {"id": "midden", "from": 50, "to": 75, "label": _text("Midden", "Medium")},
        {"id": "hoog", "from": 75, "to": 100, "label": _text("Hoog", "High")},
    ],
    "advice": [_advice(t, b) for t in ("t1", "t2", "t3", "t4") for b in ("laag", "midden", "hoog")],
    "insufficient_view_threshold": 0.5,
    "insufficient_view_advice": {
        "explanation": _text("Te weinig zicht.", "Too little insight."),
        "actions": [
            {"text": _text("Vraag het na.", "Ask around."), "source": "Risbo 2023"},
            {"text": _text("Meet het.", "Measure it."), "source": "Risbo 2023"},
        ],
    },
}


@pytest.fixture
def definition() -> dict[str, Any]:
    """A fresh copy of the small, valid questionnaire definition, free to change."""
    return copy.deepcopy(MINI)


@pytest.fixture
def mini() -> model.Questionnaire:
    """The small questionnaire, loaded."""
    return loader.loads(json.dumps(MINI), "mini.json")


@pytest.fixture
def bundled() -> model.Questionnaire:
    """The questionnaire that ships with Trede."""
    return loader.load_bundled()
