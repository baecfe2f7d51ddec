"""The Logboek speaks words, not codes: every action Trede writes has a description."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from resources import audit_words, i18n

ROOT = Path(__file__).resolve().parents[2]
PACKAGES = ("app", "ui", "quickscan", "caseload", "resources")


def _written_actions() -> set[str]:
    """Every literal action code passed to the audit log anywhere in the program."""
    found: set[str] = set()
    for package in PACKAGES:
        for module in (ROOT / package).rglob("*.py"):
            text = module.read_text(encoding="utf-8")
            found |= set(re.findall(r'action="([a-z_]+\.[a-z_.]+)"', text))
    return found


def test_every_action_written_has_words() -> None:
    written = _written_actions()
    assert len(written) > 20, "the scan finds the log calls"
    missing = sorted(code for code in written if audit_words.action(code) == code)
    assert missing == []


@pytest.mark.parametrize(
    ("code", "dutch", "english"),
    [
        ("client.add", "Klant toegevoegd", "Client added"),
        ("report.quickscan", "Adviesrapport gemaakt", "Advice report made"),
        ("report.inclusion.save", "Inclusierapport opgeslagen", "Inclusion report saved"),
        ("report.client.print", "Voortgangsverslag afgedrukt", "Progress report printed"),
        ("something.new", "something.new", "something.new"),
    ],
)
def test_actions_in_both_languages(code: str, dutch: str, english: str) -> None:
    assert audit_words.action(code) == dutch
    with i18n.language("en"):
        assert audit_words.action(code) == english


@pytest.mark.parametrize(
    ("obj", "dutch"),
    [
        ("client:12", "klant 12"),
        ("client:12/contact:5", "klant 12, contact 5"),
        ("client:3/ladder_step:9", "klant 3, meting 9"),
        ("quickscan_response:2", "quickscan 2"),
        ("clients:1", "1 klant"),
        ("clients:40", "40 klanten"),
        (
            "team:Team Noord:2025-01-01..2025-12-31",
            "team Team Noord, 1 jan 2025 tot en met 31 dec 2025",
        ),
        ("team:*:2025-01-01..2025-03-31", "alle teams, 1 jan 2025 tot en met 31 mrt 2025"),
        ("odd:thing", "odd:thing"),
    ],
)
def test_objects_in_words(obj: str, dutch: str) -> None:
    assert audit_words.object_words(obj) == dutch
