"""What a reader of any Trede PDF would notice: a heading alone at the foot of a page, or a word
in a table broken in the middle ('Differ-ence' in a column sized for 'Verschil')."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader
from reportlab.lib.units import mm
from reportlab.platypus import KeepTogether, Paragraph, Spacer

from resources import pdf

SHEET = pdf.styles()
ROWS = [["Woord", "Wat betekent het?"]] + [[f"term {n}", f"uitleg {n}"] for n in range(12)]


def _pages(tmp_path: Path, story: list[Any]) -> list[str]:
    target = tmp_path / "layout.pdf"
    pdf.build(str(target), pdf.PageFrame("Verslag", "Leiden"), story)
    return [page.extract_text() for page in PdfReader(target).pages]


def _page_of(pages: list[str], text: str) -> int:
    return next(number for number, page in enumerate(pages) if text in page)


def _headed(kind: str, rows: list[list[str]]) -> list[Any]:
    """A heading and what it heads, in the shapes the reports use."""
    heading = Paragraph("Woordenlijst", SHEET["h1"])
    table = pdf.table(rows, [50 * mm, 100 * mm])
    lead = Paragraph("Deze woorden staan in het verslag.", SHEET["body"])
    shapes = {
        "heading, lead-in, table": [heading, lead, table],
        "heading, gap, table": [heading, Spacer(1, 2 * mm), table],
        "heading, kept block": [heading, KeepTogether([lead, table])],
        "heading, gap, lead-in, gap, table": [
            heading,
            Spacer(1, 2 * mm),
            lead,
            Spacer(1, 2 * mm),
            table,
        ],
    }
    return shapes[kind]


@pytest.mark.parametrize(
    "kind",
    [
        "heading, lead-in, table",
        "heading, gap, table",
        "heading, kept block",
        "heading, gap, lead-in, gap, table",
    ],
)
@pytest.mark.parametrize("filled_mm", range(200, 252, 3))
def test_a_heading_never_ends_a_page(tmp_path: Path, kind: str, filled_mm: int) -> None:
    pages = _pages(tmp_path, [Spacer(1, filled_mm * mm), *_headed(kind, ROWS)])
    assert _page_of(pages, "Woordenlijst") == _page_of(pages, "term 0")


def test_a_long_table_starts_under_its_heading_where_there_is_room(tmp_path: Path) -> None:
    rows = [ROWS[0]] + [[f"term {n}", f"uitleg {n}"] for n in range(80)]
    pages = _pages(tmp_path, [Spacer(1, 60 * mm), *_headed("heading, lead-in, table", rows)])
    # Kept whole, heading and table would leave the first page empty below the gap.
    assert _page_of(pages, "Woordenlijst") == _page_of(pages, "term 0") == 0


@pytest.mark.parametrize("header", ["Verschil", "Difference", "Werkgeversservice", "Belemmeringen"])
def test_no_word_in_a_table_is_broken(tmp_path: Path, header: str) -> None:
    style = SHEET["body"]
    head = [Paragraph(text, style) for text in ("Thema", "Eerder", "Nu", header, "In woorden")]
    widths = [46 * mm, 18 * mm, 18 * mm, 14 * mm, 60 * mm]
    table = pdf.table([head, ["Visie", "20", "66,7", "+46,7", "46,7 punten hoger"]], widths)
    assert sum(table._colWidths) == pytest.approx(sum(widths))
    words = " ".join(_pages(tmp_path, [table])[0].split())
    assert f" {header} " in words


def test_a_whole_column_keeps_a_long_name_on_one_line(tmp_path: Path) -> None:
    style = SHEET["body"]
    rows = [
        [Paragraph(text, style) for text in ("Team", "In de periode", "Gestegen")],
        [Paragraph(text, style) for text in ("Team Werkgeversservice", "170", "50 van 130")],
    ]
    widths = [38 * mm, 40 * mm, 90 * mm]
    text = _pages(tmp_path, [pdf.table(rows, widths, whole=(0,))])[0]
    assert any(line.startswith("Team Werkgeversservice") for line in text.splitlines())
