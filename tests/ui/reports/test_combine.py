"""The quickscan page of the inclusion report finds every completed scan, with or without team."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from pypdf import PdfReader
from sqlite_utils import Database

from quickscan import loader, store
from ui.reports import combine, making


def _submit(db: Database, role: str, team: str | None) -> None:
    questionnaire = loader.load_bundled()
    given = [
        store.GivenAnswer(q.id, questionnaire.value_at(q.id, i))
        for i, q in enumerate(questionnaire.questions_for(role))
    ]
    store.submit(db, questionnaire, role, None, team, given, actor="test")


def _roles(found: object) -> dict[str, str | None]:
    assert found is not None
    return {scan.role: scan.team for scan in found.roles}  # type: ignore[attr-defined]


def test_every_team_takes_every_completed_scan_also_those_without_team(db: Database) -> None:
    _submit(db, "klantmanager", "Team Noord")
    _submit(db, "manager", None)
    _submit(db, "beleidsmedewerker", None)
    store.start_response(db, loader.load_bundled(), "klantmanager", None, None, "test")
    assert _roles(combine.team_scans(db, None)) == {
        "klantmanager": "Team Noord",
        "manager": None,
        "beleidsmedewerker": None,
    }


def test_a_team_takes_its_own_scans_and_the_roles_it_lacks_from_scans_without_team(
    db: Database,
) -> None:
    _submit(db, "manager", None)
    _submit(db, "klantmanager", None)
    _submit(db, "klantmanager", "Team Noord")
    _submit(db, "manager", "Team Zuid")
    assert _roles(combine.team_scans(db, "Team Noord")) == {
        "klantmanager": "Team Noord",
        "manager": None,
    }
    assert _roles(combine.team_scans(db, "Team West")) == {"klantmanager": None, "manager": None}


def test_no_scan_at_all_says_so(db: Database) -> None:
    assert combine.team_scans(db, None) is None
    assert combine.team_scans(db, "Team Noord") is None


def test_the_municipality_report_shows_the_two_scans_without_team(
    db: Database, tmp_path: Path
) -> None:
    _submit(db, "klantmanager", None)
    _submit(db, "manager", None)
    request = making.Request(
        making.Kind.INCLUSION, start=dt.date(2025, 1, 1), end=dt.date(2025, 12, 31)
    )
    out = making.make(
        db, request, tmp_path / "r.pdf", making.Settings(municipality="Leiden"), actor="t"
    )
    text = " ".join(" ".join(p.extract_text().split()) for p in PdfReader(out).pages)
    assert "Er is nog geen afgeronde quickscan" not in text
    assert "Klantmanager (zonder team," in text and "Manager (zonder team," in text
