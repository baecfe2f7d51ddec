"""No half-empty page: every page of a department report and of a 40-client team report but
the last is at least half full (measured from where the lowest text on the page stands)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pypdfium2 as pdfium  # type: ignore[import-untyped]
import pytest
from sqlite_utils import Database

from app import database
from caseload import demo, inclusion_report

TODAY = dt.date(2026, 12, 4)
MM = 72 / 25.4
#: The page margin of every Trede PDF: the running head and the page number lie outside it.
MARGIN = 20 * MM


def fills(path: Path) -> list[float]:
    """Per page: how far down the body the lowest text reaches (0 empty, 1 full)."""
    document = pdfium.PdfDocument(str(path))
    found = []
    for page in document:
        _width, height = page.get_size()
        text = page.get_textpage()
        lowest = height - MARGIN
        for index in range(text.count_chars()):
            _left, bottom, _right, top = text.get_charbox(index)
            if bottom > MARGIN and top < height - MARGIN + 2:
                lowest = min(lowest, bottom)
        found.append((height - MARGIN - lowest) / (height - 2 * MARGIN))
    document.close()
    return found


def _report(db: Database, path: Path, team: str | None) -> Path:
    """The inclusion report of the year to 30 November 2026, for one team or all."""
    inclusion_report.write_inclusion_report(
        db,
        path,
        start=dt.date(2025, 12, 1),
        end=dt.date(2026, 11, 30),
        team=team,
        municipality="Leiden",
        today=TODAY,
    )
    return path


@pytest.mark.parametrize(("clients", "team_size"), [(3000, None), (330, 40)])
def test_no_page_but_the_last_is_half_empty(
    tmp_path: Path, clients: int, team_size: int | None
) -> None:
    db = database.open_database(tmp_path / "demo.db")
    demo.fill(db, clients, seed=5, today=TODAY)
    team = None
    if team_size is not None:
        sizes = db.execute("SELECT team, count(*) FROM clients GROUP BY team").fetchall()
        team, size = min(sizes, key=lambda row: abs(row[1] - team_size))
        assert size == team_size
    path = _report(db, tmp_path / "inclusie.pdf", team)
    db.close()
    pages = fills(path)
    assert len(pages) >= 5
    assert [round(fill, 2) for fill in pages[:-1] if fill < 0.5] == []


def test_a_chart_of_only_hidden_groups_is_one_sentence(tmp_path: Path) -> None:
    """In a 40-client team every outflow reason is a group of fewer than ten: the report says
    so in one sentence instead of a chart whose every bar reads 'verborgen'. The department
    report keeps its chart of reasons."""
    import pypdf

    db = database.open_database(tmp_path / "demo.db")
    demo.fill(db, 330, seed=5, today=TODAY)
    sizes = db.execute("SELECT team, count(*) FROM clients GROUP BY team").fetchall()
    team = min(sizes, key=lambda row: abs(row[1] - 40))[0]
    texts = {}
    for name, chosen in (("team", team), ("all", None)):
        pages = pypdf.PdfReader(_report(db, tmp_path / f"{name}.pdf", chosen)).pages
        texts[name] = " ".join(" ".join(page.extract_text().split()) for page in pages)
    db.close()
    sentence = "Hier staan geen balken: elke groep is kleiner dan 10 klanten."
    reason = "Naar een andere instantie"  # a bar of the outflow chart only
    assert sentence in texts["team"]
    assert reason not in texts["team"]
    assert sentence not in texts["all"]
    assert reason in texts["all"]
