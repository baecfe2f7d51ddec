"""Layout helpers shared by the caseload reports: styles, paragraphs, tables, safe writing."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib.styles import ParagraphStyle, StyleSheet1
from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, Spacer, Table

from caseload.errors import CaseloadError
from caseload.periods import InvalidPeriod as InvalidPeriod
from resources import files, i18n, pdf
from resources.errors import file_reason
from resources.i18n import _

#: Usable width of an A4 page between the margins.
TEXT_WIDTH = pdf.PAGE_SIZE[0] - 2 * pdf.MARGIN


class ReportNotWritten(CaseloadError):
    """The PDF cannot be written to the chosen place."""


def sheet() -> StyleSheet1:
    """The shared PDF styles plus the few the caseload reports add."""
    styles = pdf.styles()
    body = styles["body"]
    for name in ("body", "bullet"):
        styles[name].bulletFontName = pdf.FONT
    styles.add(ParagraphStyle("cell", parent=body, fontSize=9, leading=11.5))
    styles.add(ParagraphStyle("cell_bold", parent=styles["cell"], fontName=pdf.FONT_BOLD))
    styles.add(ParagraphStyle("cell_head_small", parent=styles["cell_bold"], fontSize=7.5))
    styles.add(ParagraphStyle("lead", parent=body, fontSize=12, leading=17, spaceAfter=6))
    styles.add(ParagraphStyle("note", parent=styles["small"], spaceBefore=2, spaceAfter=8))
    styles.add(ParagraphStyle("big", parent=body, fontSize=13, leading=18, spaceAfter=4))
    return styles


def para(text: str, style: ParagraphStyle, bullet: str | None = None) -> Paragraph:
    """A paragraph of plain text: markup characters in data are shown as typed."""
    return Paragraph(escape(text), style, bulletText=bullet)


def bold_lead(label: str, text: str, style: ParagraphStyle) -> Paragraph:
    """'Label: text' with the label in bold."""
    return Paragraph(f'<font name="{pdf.FONT_BOLD}">{escape(label)}</font> {escape(text)}', style)


table = pdf.table  # the shared look of every Trede table


def text_table(
    rows: Sequence[Sequence[str]],
    widths: Sequence[float],
    styles: StyleSheet1,
    *,
    header: bool = True,
    align_right: Sequence[int] = (),
    header_style: str = "cell_bold",
    whole: Sequence[int] = (),
) -> Table:
    """A table of plain texts; the header row in bold, right-aligned columns for numbers, the
    ``whole`` columns on one line where the others have room (:func:`resources.pdf.table`)."""
    cells = []
    for index, row in enumerate(rows):
        base = header_style if header and index == 0 else "cell"
        line = []
        for column, text in enumerate(row):
            style = styles[base]
            if column in align_right:
                style = ParagraphStyle(f"{base}_right", parent=style, alignment=2)
            line.append(para(text, style))
        cells.append(line)
    return table(cells, widths, header=header, whole=whole)


def period_text(start: dt.date, end: dt.date) -> str:
    """'1 januari 2026 t/m 31 maart 2026' in the active language."""
    return _("%(start)s t/m %(end)s") % {
        "start": i18n.date_text(start),
        "end": i18n.date_text(end),
    }


def check_target(path: Path) -> None:
    """Refuse a folder as the report's file name before any work is done."""
    if path.is_dir():
        raise ReportNotWritten(
            _("%(path)s is een map; kies een bestandsnaam voor het rapport.") % {"path": path}
        )


def write(path: Path, frame: pdf.PageFrame, story: Sequence[Any]) -> None:
    """Build the PDF next to its target and move it in place: no half file on failure."""
    check_target(path)
    try:
        with files.private_file(path) as temporary:
            pdf.build(str(temporary), frame, story)
    except OSError as error:
        raise ReportNotWritten(
            _("Het rapport kan niet worden opgeslagen in %(path)s: %(reason)s")
            % {"path": path, "reason": file_reason(error)}
        ) from error


def gap(height_mm: float) -> Spacer:
    """Vertical white space."""
    return Spacer(1, height_mm * mm)
