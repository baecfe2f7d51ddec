"""The inclusion report's figures as data: JSON and Excel hold the same protected figures."""

from __future__ import annotations

import datetime as dt
import json
import math
from pathlib import Path

import openpyxl
import pytest
from sqlite_utils import Database

from app import main
from caseload import demo, inclusion, inclusion_cells, inclusion_report
from resources import audit

TODAY = dt.date(2026, 3, 16)
START, END = dt.date(2025, 1, 1), dt.date(2025, 12, 31)


def _write(db: Database, path: Path, team: str | None = None) -> None:
    inclusion_report.write_inclusion_report(
        db, path, start=START, end=END, team=team, municipality="Leiden", today=TODAY
    )


def test_the_json_holds_every_count_protected_and_every_share_of_the_true_counts(
    db: Database, tmp_path: Path
) -> None:
    demo.fill(db, 400, seed=5, today=TODAY)
    _write(db, tmp_path / "r.json")
    data = json.loads((tmp_path / "r.json").read_text("utf-8"))
    assert (data["format"], data["version"]) == ("trede-inclusion-figures", 1)
    assert data["period"] == {"start": "2025-01-01", "end": "2025-12-31", "team": None}
    assert data["protection"]["minimum"] == 10
    figures = inclusion.figures(db, inclusion.Period(START, END))
    truth = inclusion_cells.counts(figures)
    assert set(data["counts"]) == set(truth)
    for name, value in data["counts"].items():
        if 0 < truth[name] < 10:
            assert value is None, name
        elif value is not None:
            assert value % 10 == 0 and abs(value - truth[name]) < 10, name
    assert any(value is None for value in data["counts"].values())
    printed = data["counts"]
    # In a whole with a hidden part, the smallest printed part's share is withheld as well.
    withheld = set()
    for base, parts in inclusion_cells.wholes(figures):
        if printed[base] is not None and any(printed[p] is None for p in parts):
            shown = [p for p in parts if printed[p]]
            withheld |= {(min(shown, key=lambda p: (printed[p], p)), base)} if shown else set()
    assert withheld
    for share in data["shares"]:
        part, base = printed[share["part"]], printed[share["base"]]
        # The true share in whole percents, only over a printed base of 30 or more.
        true = truth[share["part"]] / truth[share["base"]] if truth[share["base"]] else 0
        expected = (
            None
            if part is None or not base or base < 30 or (share["part"], share["base"]) in withheld
            else math.floor(100 * true + 0.5) / 100
        )
        assert share["share"] == expected, share
    assert any(share["share"] is not None for share in data["shares"])


def test_excel_holds_the_same_figures_as_json(db: Database, tmp_path: Path) -> None:
    demo.fill(db, 400, seed=5, today=TODAY)
    _write(db, tmp_path / "r.json", "Team Noord")
    _write(db, tmp_path / "r.xlsx", "Team Noord")
    data = json.loads((tmp_path / "r.json").read_text("utf-8"))
    workbook = openpyxl.load_workbook(tmp_path / "r.xlsx")
    counts = {
        row[0]: row[2] for row in workbook["Aantallen"].iter_rows(min_row=2, values_only=True)
    }
    assert counts == {k: "verborgen" if v is None else v for k, v in data["counts"].items()}
    shares = [row[2] for row in workbook["Percentages"].iter_rows(min_row=2, values_only=True)]
    printed = data["counts"]

    def why(share: dict[str, str]) -> str:
        part, base = printed[share["part"]], printed[share["base"]]
        if part is None or base is None:
            return "verborgen"
        # A base of 0, under 30, or a share withheld beside a hidden part of the same whole.
        return "–" if base == 0 else "te weinig" if base < 30 else "verborgen"

    assert shares == [why(s) if s["share"] is None else s["share"] for s in data["shares"]]
    about = dict(workbook["Over dit bestand"].iter_rows(values_only=True))
    assert about["Team"] == "Team Noord" and about["Kleinste groep"] == 10


def test_a_team_or_municipality_named_like_a_formula_stays_text_in_excel(
    db: Database, tmp_path: Path
) -> None:
    """Excel would run "=1+2" (or a HYPERLINK to anywhere) written as a formula cell."""
    demo.fill(db, 400, seed=5, today=TODAY)
    db.execute("UPDATE clients SET team = '=1+2' WHERE team = 'Team Noord'")
    inclusion_report.write_inclusion_report(
        db, tmp_path / "r.xlsx", start=START, end=END, team=None,
        municipality='=HYPERLINK("http://x","y")', today=TODAY,
    )  # fmt: skip
    workbook = openpyxl.load_workbook(tmp_path / "r.xlsx")
    cells = [cell for sheet in workbook for row in sheet.iter_rows() for cell in row]
    assert [cell.value for cell in cells if cell.data_type == "f"] == []
    texts = {cell.value for cell in cells if isinstance(cell.value, str)}
    assert "=1+2: Naar werk" in texts
    assert '=HYPERLINK("http://x","y")' in texts


@pytest.mark.parametrize("suffix", [".json", ".xlsx"])
def test_the_command_writes_the_data_and_logs_it_as_the_report(
    db: Database, tmp_path: Path, suffix: str, capsys: pytest.CaptureFixture[str]
) -> None:
    demo.fill(db, 50, seed=5, today=TODAY)
    path = Path(db.conn.execute("PRAGMA database_list").fetchone()[2])
    out = tmp_path / f"cijfers{suffix}"
    code = main.main(
        ["report", "inclusion", "--db", str(path), "--from", "2025-01-01", "--to",
         "2025-12-31", "--out", str(out)]
    )  # fmt: skip
    assert code == 0 and capsys.readouterr().out.strip() == str(out)
    assert out.stat().st_size > 0
    entry = audit.entries(db, 1)[0]
    assert (entry.action, entry.origin) == ("report.inclusion", "cli")
