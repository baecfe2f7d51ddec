"""Every Trede PDF: A4, the shipped font with every glyph, 'Pagina X van Y' and the frame on every page."""

from __future__ import annotations

from pathlib import Path

from pypdf import PdfReader
from reportlab.platypus import PageBreak, Paragraph

from resources import i18n, pdf
from resources.bars import Bar


def make(tmp_path: Path, pages: int = 2) -> Path:
    sheet = pdf.styles()
    story = []
    for number in range(pages):
        story.append(
            Paragraph(f"Zoë, Ömer en José – één € per week (deel {number + 1})", sheet["body"])
        )
        story.append(
            pdf.bar_chart(
                [Bar("Taal", 40, "40"), Bar("Gezondheid", 0, "verborgen", 12, "12")],
                maximum=100,
            )
        )
        if number < pages - 1:
            story.append(PageBreak())
    target = tmp_path / "test.pdf"
    pdf.build(
        str(target), pdf.PageFrame("Inclusierapport", "Leiden · 2026", "Vertrouwelijk"), story
    )
    return target


def test_every_page_has_the_frame_and_its_number(tmp_path: Path) -> None:
    reader = PdfReader(make(tmp_path, pages=3))
    assert len(reader.pages) == 3
    for number, page in enumerate(reader.pages, start=1):
        text = page.extract_text()
        assert f"Pagina {number} van 3" in text
        assert "Leiden · 2026" in text
        assert "Vertrouwelijk" in text
        assert round(float(page.mediabox.width)) == 595  # A4
    assert "Zoë, Ömer en José – één €" in reader.pages[0].extract_text()


def test_text_uses_the_shipped_font(tmp_path: Path) -> None:
    reader = PdfReader(make(tmp_path, pages=1))
    fonts = reader.pages[0]["/Resources"]["/Font"]
    names = {str(fonts[key].get_object()["/BaseFont"]) for key in fonts}
    assert names and all("Helvetica" not in name for name in names)


def test_page_numbers_follow_the_language(tmp_path: Path) -> None:
    with i18n.language("en"):
        reader = PdfReader(make(tmp_path, pages=2))
    assert "Page 2 of 2" in reader.pages[1].extract_text()


def test_same_data_gives_the_same_file(tmp_path: Path) -> None:
    first = make(tmp_path).read_bytes()
    second = make(tmp_path).read_bytes()
    assert first == second
