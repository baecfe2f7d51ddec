"""The shared look of every Trede PDF: shipped font, A4 pages, 'Pagina X van Y', charts.

PDF code never needs Qt, so reports are made the same way from the window, the command line and
the tests. Everything here is readable in black and white: bars carry their value as text.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from reportlab.graphics.shapes import Drawing, Line, Rect, String
from reportlab.lib import colors
from reportlab.lib.enums import TA_LEFT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle, StyleSheet1
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas as canvas_module
from reportlab.platypus import BaseDocTemplate, Frame, PageTemplate, Table, TableStyle

from resources import design, files, pdf_layout
from resources.bars import Bar
from resources.i18n import _

FONT = "TredeSans"
FONT_BOLD = "TredeSans-Bold"
PAGE_SIZE = A4
MARGIN = 20 * mm
#: The chart colours of the window's light palette (resources.design): a dark and a light
#: tone that also stay apart when printed in black and white.
BAR_FILL = colors.HexColor(design.PAPER.chart)
BAR_FILL_LIGHT = colors.HexColor(design.PAPER.chart_compare)
#: Text, thin rules between table rows, grid lines, and the fill of a table's header row.
TEXT = colors.HexColor(design.PAPER.text)
RULE = colors.HexColor(design.PAPER.border)
GRID = colors.HexColor(design.PAPER.grid)
HEADER_FILL = colors.HexColor(design.PAPER.panel)


def register_fonts() -> None:
    """Register the shipped TTF once, so every glyph (ë, é, €, –) prints the same everywhere."""
    if FONT in pdfmetrics.getRegisteredFontNames():
        return
    pdfmetrics.registerFont(TTFont(FONT, str(files.FONT_REGULAR)))
    pdfmetrics.registerFont(TTFont(FONT_BOLD, str(files.FONT_BOLD)))
    pdfmetrics.registerFontFamily(
        FONT, normal=FONT, bold=FONT_BOLD, italic=FONT, boldItalic=FONT_BOLD
    )


def styles() -> StyleSheet1:
    """Paragraph styles in the shipped font."""
    register_fonts()
    sheet = StyleSheet1()
    base = ParagraphStyle(
        "body", fontName=FONT, fontSize=design.PDF_BODY, leading=14, alignment=TA_LEFT
    )
    sheet.add(base)
    sheet.add(ParagraphStyle("small", parent=base, fontSize=design.PDF_SMALL, leading=10))
    sheet.add(
        ParagraphStyle(
            "title",
            parent=base,
            fontName=FONT_BOLD,
            fontSize=design.PDF_TITLE,
            leading=28,
            spaceAfter=12,
        )
    )
    sheet.add(
        ParagraphStyle(
            "h1",
            parent=base,
            fontName=FONT_BOLD,
            fontSize=15,
            leading=20,
            spaceBefore=10,
            spaceAfter=6,
            keepWithNext=1,  # a heading never ends a page alone
        )
    )
    sheet.add(
        ParagraphStyle(
            "h2",
            parent=base,
            fontName=FONT_BOLD,
            fontSize=12,
            leading=16,
            spaceBefore=8,
            spaceAfter=4,
            keepWithNext=1,  # a heading never ends a page alone
        )
    )
    sheet.add(ParagraphStyle("bullet", parent=base, leftIndent=12, bulletIndent=2))
    return sheet


@dataclass(frozen=True)
class PageFrame:
    """What every page shows at its top and bottom."""

    title: str
    #: E.g. the municipality and the period; printed on every page.
    subtitle: str
    #: E.g. "Vertrouwelijk"; printed on every page when set.
    marking: str = ""


def _numbered_canvas(frame: PageFrame) -> type[canvas_module.Canvas]:
    """A canvas that writes 'Pagina X van Y' once it knows how many pages there are."""

    class NumberedCanvas(canvas_module.Canvas):  # type: ignore[misc]
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            # Otherwise reportlab starts every page in Helvetica, which lacks some glyphs.
            kwargs["initialFontName"] = kwargs.get("initialFontName") or FONT
            super().__init__(*args, **kwargs)
            self._saved_pages: list[dict[str, Any]] = []

        def showPage(self) -> None:  # noqa: N802 - reportlab's name
            self._saved_pages.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            total = len(self._saved_pages)
            for state in self._saved_pages:
                self.__dict__.update(state)
                self._draw_frame(total)
                super().showPage()
            super().save()

        def _draw_frame(self, total: int) -> None:
            width, height = PAGE_SIZE
            self.saveState()
            self.setFont(FONT, 8)
            self.setFillColor(colors.black)
            self.drawString(MARGIN, height - 12 * mm, frame.title)
            self.drawRightString(width - MARGIN, height - 12 * mm, frame.subtitle)
            self.setStrokeColor(colors.grey)
            self.line(MARGIN, height - 13.5 * mm, width - MARGIN, height - 13.5 * mm)
            if frame.marking:
                self.setFont(FONT_BOLD, 8)
                self.drawString(MARGIN, 10 * mm, frame.marking)
                self.setFont(FONT, 8)
            page_text = _("Pagina %(page)d van %(total)d") % {
                "page": self._pageNumber,
                "total": total,
            }
            self.drawRightString(width - MARGIN, 10 * mm, page_text)
            self.restoreState()

    return NumberedCanvas


def build(path: str, frame: PageFrame, story: Sequence[Any], author: str = "Trede") -> None:
    """Write an A4 PDF with the frame on every page; fixed metadata so equal data gives equal text."""
    register_fonts()
    document = BaseDocTemplate(
        path,
        pagesize=PAGE_SIZE,
        leftMargin=MARGIN,
        rightMargin=MARGIN,
        topMargin=MARGIN,
        bottomMargin=MARGIN,
        title=frame.title,
        author=author,
        creator="Trede",
        invariant=1,
    )
    body = Frame(MARGIN, MARGIN, PAGE_SIZE[0] - 2 * MARGIN, PAGE_SIZE[1] - 2 * MARGIN, id="body")
    document.addPageTemplates([PageTemplate(id="page", frames=[body])])
    document.build(pdf_layout.keep_headings(story), canvasmaker=_numbered_canvas(frame))


def bar_chart(
    bars: Sequence[Bar], maximum: float, width: float = 160 * mm, label_width: float = 60 * mm
) -> Drawing:
    """A horizontal bar chart whose values are printed on the bars, readable without colour."""
    register_fonts()
    paired = any(bar.compare_value is not None for bar in bars)
    # A pair (now and earlier) sits close together; a clear gap separates one label from the next.
    pair_bar, pair_gap, label_gap = 3.8 * mm, 0.6 * mm, 3.2 * mm
    row = 2 * pair_bar + pair_gap + label_gap if paired else 6.5 * mm
    height = row * len(bars) + 4 * mm
    drawing = Drawing(width, height)
    drawing.initialFontName = FONT  # reportlab would otherwise switch to Helvetica first
    plot_width = width - label_width - 14 * mm
    scale = plot_width / maximum if maximum else 0
    for index, bar in enumerate(bars):
        top = height - (index + 1) * row
        label_y = (
            top + row - (label_gap / 2 + pair_bar + pair_gap / 2 if paired else row / 2) - 1 * mm
        )
        drawing.add(String(0, label_y, bar.label[:48], fontName=FONT, fontSize=8))
        length = max(0.0, bar.value) * scale
        bar_height = pair_bar if paired else row * 0.7
        y = top + row - bar_height - (label_gap / 2 if paired else 1 * mm)
        drawing.add(
            Rect(
                label_width,
                y,
                length,
                bar_height,
                fillColor=BAR_FILL,
                strokeColor=TEXT,
                strokeWidth=0.3,
            )
        )
        drawing.add(
            String(
                label_width + length + 1.5 * mm,
                y + bar_height / 2 - 1 * mm,
                bar.text,
                fontName=FONT_BOLD,
                fontSize=8,
            )
        )
        if bar.compare_value is not None:
            length2 = max(0.0, bar.compare_value) * scale
            y2 = y - bar_height - pair_gap
            drawing.add(
                Rect(
                    label_width,
                    y2,
                    length2,
                    bar_height,
                    fillColor=BAR_FILL_LIGHT,
                    strokeColor=TEXT,
                    strokeWidth=0.3,
                )
            )
            drawing.add(
                String(
                    label_width + length2 + 1.5 * mm,
                    y2 + bar_height / 2 - 1 * mm,
                    bar.compare_text,
                    fontName=FONT,
                    fontSize=7,
                )
            )
    drawing.add(
        Line(label_width, 0, label_width, height, strokeColor=colors.black, strokeWidth=0.5)
    )
    return drawing


def table(
    rows: Sequence[Sequence[Any]],
    widths: Sequence[float],
    *,
    header: bool = True,
    align_right: Sequence[int] = (),
    whole: Sequence[int] = (),
) -> Table:
    """A table with thin grey rules and a light header row that repeats on each page.

    No word is broken in the middle: a column too narrow for its widest word (in any language)
    takes room from the others, and the ``whole`` columns keep each cell on one line where
    there is room (:func:`resources.pdf_layout.fitted_widths`).
    """
    commands: list[tuple[Any, ...]] = [
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LINEBELOW", (0, 0), (-1, -1), 0.4, RULE),
        ("TOPPADDING", (0, 0), (-1, -1), 3),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
        ("LEFTPADDING", (0, 0), (-1, -1), 4),
        ("RIGHTPADDING", (0, 0), (-1, -1), 4),
    ]
    if header:
        commands += [
            ("BACKGROUND", (0, 0), (-1, 0), HEADER_FILL),
            ("LINEBELOW", (0, 0), (-1, 0), 0.8, colors.black),
        ]
    for column in align_right:
        commands.append(("ALIGN", (column, 0), (column, -1), "RIGHT"))
    result = Table(
        [list(row) for row in rows],
        colWidths=pdf_layout.fitted_widths(rows, widths, whole),
        repeatRows=1 if header else 0,
        hAlign="LEFT",
    )
    result.setStyle(TableStyle(commands))
    return result
