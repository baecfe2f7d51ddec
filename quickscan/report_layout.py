"""Building blocks of the advice report: the data it is made from, and small layout helpers.

Everything here runs inside ``i18n.language(scan language)``, so ``_()`` and the babel
formatters already speak the language of the scan; questionnaire texts are picked with
:attr:`ReportData.language`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle, StyleSheet1
from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, Table

from quickscan import questionnaire as model
from quickscan import scoring, store
from resources import i18n, pdf
from resources.i18n import _

#: Usable width of an A4 page between the margins of :mod:`resources.pdf`.
TEXT_WIDTH = pdf.PAGE_SIZE[0] - 2 * pdf.MARGIN
#: Thin black lines and one light grey: tables stay readable when printed in black and white.


@dataclass(frozen=True)
class ScanData:
    """One stored scan with everything the report needs of it."""

    response: store.Response
    questionnaire: model.Questionnaire
    answers: Mapping[str, store.Answer]
    result: scoring.ScanResult


@dataclass(frozen=True)
class ReportData:
    """Everything one advice report is made from, gathered before any page is laid out."""

    scan: ScanData
    municipality: str
    #: The language of the questionnaire texts (the scan's language).
    language: str
    completed_on: dt.date
    #: Caseload facts per theme id (issue 5); empty when there are none.
    evidence: Mapping[str, Sequence[str]]
    earlier: ScanData | None = None
    #: The scans compared per role (this scan for its own role), in questionnaire role order.
    roles: Mapping[str, ScanData] | None = None

    @property
    def questionnaire(self) -> model.Questionnaire:
        """The questionnaire of the scan the report is about."""
        return self.scan.questionnaire

    def text(self, value: model.Text) -> str:
        """A questionnaire text in the language of the report."""
        return value.get(self.language)

    def theme_title(self, theme_id: str) -> str:
        """The title of a theme, or its id if the questionnaire does not know it."""
        theme = self.questionnaire.theme(theme_id)
        return self.text(theme.title) if theme else theme_id

    def role_label(self, role_id: str) -> str:
        """The label of a role, or its id if the questionnaire does not know it."""
        role = self.questionnaire.role(role_id)
        return self.text(role.label) if role else role_id

    def band_label(self, band_id: str | None) -> str:
        """The label of a band; 'onvoldoende zicht' when there is none."""
        band = self.questionnaire.band(band_id) if band_id else None
        return self.text(band.label) if band else insufficient_view()

    def answer_label(self, answer: store.Answer | None) -> str:
        """What was answered, as the respondent saw it; 'geen antwoord' when nothing was."""
        if answer is None:
            return _("geen antwoord")
        option = self.questionnaire.scale_option(answer.value, answer.question_id)
        if option is None:
            return str(answer.value)
        return self.text(option.label)


def insufficient_view() -> str:
    """The finding for a theme where most answers are 'weet niet'."""
    return _("onvoldoende zicht")


def score_text(score: float | None) -> str:
    """A score as printed: '62,5' in Dutch, or 'onvoldoende zicht' when there is none."""
    return insufficient_view() if score is None else i18n.format_number(score)


def score_cell(score: float | None) -> str:
    """A score in a narrow table column: a dash when there is none (the row says why)."""
    return "\u2013" if score is None else i18n.format_number(score)


def scan_date(response: store.Response, fallback: dt.date) -> dt.date:
    """The local date a scan was completed (else started); ``fallback`` when neither is known."""
    stamp = response.completed_at or response.started_at
    if not stamp:
        return fallback
    moment = dt.datetime.fromisoformat(stamp)
    if moment.tzinfo is not None:
        moment = moment.astimezone()
    return moment.date()


def para(text: str, style: ParagraphStyle, bullet: str | None = None) -> Paragraph:
    """A paragraph of plain text: markup characters in names and comments are shown as typed."""
    return Paragraph(escape(text), style, bulletText=bullet)


def rich(markup: str, style: ParagraphStyle, bullet: str | None = None) -> Paragraph:
    """A paragraph whose caller escaped every piece of user or data text itself."""
    return Paragraph(markup, style, bulletText=bullet)


def bold(text: str) -> str:
    """Escaped text in the bold face, to use inside :func:`rich`."""
    return f'<font name="{pdf.FONT_BOLD}">{escape(text)}</font>'


def extra_styles(sheet: StyleSheet1) -> StyleSheet1:
    """The report's own styles on top of the shared ones."""
    body = sheet["body"]
    # reportlab draws bullets in Helvetica unless told otherwise; it lacks the checkbox glyph.
    for name in ("body", "bullet"):
        sheet[name].bulletFontName = pdf.FONT
    sheet.add(ParagraphStyle("cell", parent=body, fontSize=9, leading=11.5))
    sheet.add(ParagraphStyle("cell_bold", parent=sheet["cell"], fontName=pdf.FONT_BOLD))
    sheet.add(ParagraphStyle("cell_head", parent=sheet["cell_bold"], fontSize=8, leading=10))
    sheet.add(ParagraphStyle("cell_small", parent=sheet["cell"], fontSize=7.5, leading=9.5))
    sheet.add(
        ParagraphStyle("h3", parent=body, fontName=pdf.FONT_BOLD, spaceBefore=6, keepWithNext=1)
    )
    sheet.add(ParagraphStyle("action", parent=body, leftIndent=14, bulletIndent=3, spaceBefore=3))
    sheet.add(ParagraphStyle("numbered", parent=sheet["bullet"], leftIndent=16))
    sheet.add(ParagraphStyle("source", parent=sheet["small"], leftIndent=14))
    sheet.add(
        ParagraphStyle("lead", parent=body, fontSize=12, leading=17, spaceBefore=6, spaceAfter=6)
    )
    sheet.add(ParagraphStyle("note", parent=sheet["small"], spaceBefore=2, spaceAfter=6))
    sheet.add(
        ParagraphStyle(
            "boxed",
            parent=body,
            borderWidth=0.6,
            borderColor=colors.black,
            borderPadding=6,
            spaceBefore=10,
            spaceAfter=10,
        )  # fmt: skip
    )
    return sheet


table = pdf.table  # the shared look of every Trede table


def key_values(rows: Sequence[tuple[str, str]], sheet: StyleSheet1) -> Table:
    """Two columns of label and value, as on the cover."""
    cells = [(para(key, sheet["cell_bold"]), para(value, sheet["cell"])) for key, value in rows]
    return table(cells, (45 * mm, TEXT_WIDTH - 45 * mm), header=False)


def sheet() -> StyleSheet1:
    """The shared PDF styles plus the report's own."""
    return extra_styles(pdf.styles())
