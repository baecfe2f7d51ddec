"""Teams side by side: each team's figures, and totals that match the municipality's.

Every printed count is rounded on its own (caseload.protection), so the teams add up to the
municipality within the stated rule: each printed count lies less than the minimum from the
true one, and a hidden one is 1 to minimum - 1.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator
from pathlib import Path

import pypdf
import pytest
from sqlite_utils import Database

from app import database
from caseload import demo, inclusion_cells, inclusion_report, people

TODAY = dt.date(2026, 12, 4)
PERIODS = [
    (dt.date(2025, 1, 1), dt.date(2025, 12, 31)),
    (dt.date(2026, 1, 1), dt.date(2026, 11, 30)),
]
MINIMUM = 10
FIGURES = [
    (inclusion_cells.IN_PERIOD, inclusion_cells.IN_PERIOD),
    (inclusion_cells.AT_END, inclusion_cells.AT_END),
    ("work", inclusion_cells.reason(inclusion_cells.WORK_REASON)),
    (inclusion_cells.MEASURED, inclusion_cells.MEASURED),
    (inclusion_cells.ROSE, inclusion_cells.ROSE),
    (inclusion_cells.OVERDUE, inclusion_cells.OVERDUE),
    (inclusion_cells.FOLLOWED, inclusion_cells.FOLLOWED),
    (inclusion_cells.LASTING, inclusion_cells.LASTING),
]


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Database]:
    db = database.open_database(tmp_path_factory.mktemp("teams") / "demo.db")
    demo.fill(db, 3000, seed=5, today=TODAY)
    yield db
    db.close()


def _counts(db: Database, path: Path, period: tuple[dt.date, dt.date], team: str | None = None):
    inclusion_report.write_inclusion_report(
        db, path, start=period[0], end=period[1], team=team, municipality="Leiden", today=TODAY
    )
    return json.loads(path.read_text("utf-8"))["counts"]


@pytest.mark.parametrize("period", PERIODS, ids=[str(p[1]) for p in PERIODS])
def test_the_teams_add_up_to_the_municipality_within_the_rounding(
    db: Database, tmp_path: Path, period: tuple[dt.date, dt.date]
) -> None:
    counts = _counts(db, tmp_path / "all.json", period)
    teams = people.teams(db)
    checked = 0
    for team_figure, total_figure in FIGURES:
        total = counts[total_figure]
        if total is None:
            continue
        low = high = 0
        for team in teams:
            value = counts[inclusion_cells.team(team, team_figure)]
            low += 1 if value is None else max(value - (MINIMUM - 1), 0)
            high += MINIMUM - 1 if value is None else value + MINIMUM - 1
        # The true total lies in both ranges: the municipality's and the teams' summed.
        assert low <= total + MINIMUM - 1 and total - (MINIMUM - 1) <= high, total_figure
        checked += 1
    assert checked >= 5


def test_a_team_row_is_the_teams_own_report(db: Database, tmp_path: Path) -> None:
    period = PERIODS[0]
    counts = _counts(db, tmp_path / "all.json", period)
    for team in people.teams(db)[:3]:
        own = _counts(db, tmp_path / f"{team}.json", period, team)
        for team_figure, total_figure in FIGURES:
            # The same clients have the same cell key: the same printed number.
            assert counts[inclusion_cells.team(team, team_figure)] == own[total_figure]


def test_the_pdf_shows_every_team_and_the_municipality(db: Database, tmp_path: Path) -> None:
    path = tmp_path / "all.pdf"
    inclusion_report.write_inclusion_report(
        db, path, start=PERIODS[0][0], end=PERIODS[0][1], municipality="Leiden", today=TODAY
    )
    pages = [" ".join(page.extract_text().split()) for page in pypdf.PdfReader(path).pages]
    page = next(text for text in pages if "Teams naast elkaar" in text)
    counts = _counts(db, tmp_path / "all.json", PERIODS[0])
    for team in people.teams(db):
        in_period = counts[inclusion_cells.team(team, inclusion_cells.IN_PERIOD)]
        assert f"{team} {in_period:,}".replace(",", ".") in page
    assert f"Hele gemeente {counts['in_period']:,}".replace(",", ".") in page


def test_a_one_team_report_has_no_team_page(db: Database, tmp_path: Path) -> None:
    path = tmp_path / "noord.pdf"
    inclusion_report.write_inclusion_report(
        db, path, start=PERIODS[0][0], end=PERIODS[0][1], team="Team Noord",
        municipality="Leiden", today=TODAY,
    )  # fmt: skip
    text = "".join(page.extract_text() for page in pypdf.PdfReader(path).pages)
    assert "Teams naast elkaar" not in text


def test_every_team_name_stands_on_one_line_of_its_row(db: Database, tmp_path: Path) -> None:
    path = tmp_path / "all.pdf"
    inclusion_report.write_inclusion_report(
        db, path, start=PERIODS[0][0], end=PERIODS[0][1], municipality="Leiden", today=TODAY
    )
    page = next(
        page.extract_text()
        for page in pypdf.PdfReader(path).pages
        if "Teams naast elkaar" in page.extract_text()
    )
    # The table, not the chart under it (whose labels are one line each anyway).
    lines = page[: page.index("Hele gemeente")].splitlines()
    assert "Team Werkgeversservice" in people.teams(db)
    for team in people.teams(db):
        assert team in (line.strip() for line in lines), team  # a wrapped name is two lines
