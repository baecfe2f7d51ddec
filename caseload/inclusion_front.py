"""The first page of the inclusion report (key figures, change, trend lines, what stands out) and
the page of trends per quarter. Every figure is a printed (protected) one; the words come from
:mod:`caseload.inclusion_story`, which the window's Overzicht uses too.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from reportlab.graphics.shapes import Circle, Drawing, Line, PolyLine, Rect, String
from reportlab.lib import colors
from reportlab.lib.styles import StyleSheet1
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth

from caseload import inclusion_cells as cells
from caseload import inclusion_sections as sections
from caseload import inclusion_story, inclusion_trends, ladder, protection
from caseload import report_pdf as rp
from resources import i18n, pdf
from resources.i18n import _, ngettext

SPARK_WIDTH = 30 * mm
SPARK_HEIGHT = 8 * mm
#: Trede 1 (lightest) to 6 (darkest), then 'no measurement' (white): greys that stay apart in
#: black and white, each segment with its percentage written on it.
TREDE_GREYS = (0.93, 0.8, 0.66, 0.52, 0.38, 0.22)


def story(data: sections.ReportData) -> inclusion_story.Story | None:
    """The first page's content, or None without trends."""
    if data.trends is None:
        return None
    return inclusion_story.build(
        data.shown,
        data.trends,
        threshold_days=data.figures.contacts.threshold_days,
        barriers=tuple(kind.kind for kind in data.figures.barriers),
    )


def sparkline(series: Sequence[float | None]) -> Drawing:
    """A small trend line over the quarters; a hidden quarter breaks the line, the last point
    is a dot."""
    pdf.register_fonts()
    drawing = Drawing(SPARK_WIDTH, SPARK_HEIGHT)
    values = [value for value in series if value is not None]
    if len(series) < 2 or not values:
        return drawing
    low, high = min(values), max(values)
    span = (high - low) or 1.0
    step = (SPARK_WIDTH - 3 * mm) / (len(series) - 1)

    def point(index: int, value: float) -> tuple[float, float]:
        middle = 0.5 if high == low else (value - low) / span
        return 1.5 * mm + index * step, 1.5 * mm + middle * (SPARK_HEIGHT - 3 * mm)

    run: list[float] = []
    last: tuple[float, float] | None = None
    for index, value in enumerate([*series, None]):
        if value is None:
            if len(run) >= 4:
                drawing.add(PolyLine(run, strokeColor=colors.black, strokeWidth=0.8))
            run = []
            continue
        last = point(index, value)
        run += list(last)
    if last is not None:
        drawing.add(Circle(last[0], last[1], 0.8 * mm, fillColor=colors.black, strokeWidth=0))
    return drawing


def first_page(data: sections.ReportData, styles: StyleSheet1) -> list[Any]:
    """Key figures against the previous period with a trend line each, and what stands out."""
    told = story(data)
    if told is None:
        return []
    period = data.figures.period
    previous = data.trends.previous if data.trends is not None else None
    before = (
        rp.period_text(previous.period.start, previous.period.end)
        if previous is not None
        else _("geen gegevens")
    )
    labels = told.quarter_labels
    span = (
        _("Per kwartaal sinds %(first)s") % {"first": labels[0]} if len(labels) > 1 else _("Trend")
    )
    header = [_("Cijfer"), _("Deze periode"), _("Periode ervoor"), _("Verschil"), span]
    rows: list[list[Any]] = [[rp.para(text, styles["cell_bold"]) for text in header]]
    for row in told.figures:
        rows.append(
            [
                rp.para(row.measure.label, styles["cell"]),
                rp.para(row.now_text, styles["cell_bold"]),
                rp.para(row.before_text, styles["cell"]),
                rp.para(row.change_text, styles["cell"]),
                sparkline(row.series),
            ]
        )
    widths = [62 * mm, 24 * mm, 24 * mm, 26 * mm]
    widths.append(rp.TEXT_WIDTH - sum(widths))
    standouts = told.standouts or (_("In deze periode valt niets op."),)
    return [
        rp.para(_("Inclusierapport"), styles["title"]),
        rp.para(
            _("%(team)s · %(period)s")
            % {
                "team": period.team or _("alle teams"),
                "period": rp.period_text(period.start, period.end),
            },
            styles["lead"],
        ),
        rp.para(_("Wat valt op?"), styles["h2"]),
        *(rp.para(line, styles["bullet"], bullet="•") for line in standouts),
        rp.para(_("De cijfers in het kort"), styles["h2"]),
        rp.table(rows, widths, align_right=(1, 2, 3)),
        rp.para(
            _(
                "Periode ervoor: %(before)s, even lang. Verschil: in aantallen, of bij een "
                "percentage in procentpunten. De lijn loopt per kwartaal; de punt is het laatste "
                "kwartaal. Een onderbroken lijn: in dat kwartaal was het getal verborgen."
            )
            % {"before": before},
            styles["note"],
        ),
        *([rp.para(told.no_previous, styles["note"])] if told.no_previous else []),
        rp.para(
            ngettext(
                "Alle aantallen zijn precies.",
                "Alle aantallen zijn afgerond op een veelvoud van %(n)d en groepen kleiner dan "
                "%(n)d klanten zijn verborgen, ook in de vergelijking en de trend. Meer daarover "
                "op de volgende pagina.",
                data.minimum,
            )
            % {"n": data.minimum},
            styles["note"],
        ),
    ]


def _share_text(piece: inclusion_trends.Slice, part: str, base: str) -> str:
    return cells.share_text(piece.shown, part, base)


def _count_text(piece: inclusion_trends.Slice, part: str) -> str:
    value = piece.shown.value(part)
    return _("verborgen") if value is None else i18n.format_number(value)


def trends_section(data: sections.ReportData, styles: StyleSheet1) -> list[Any]:
    """Per quarter: caseload, outflow to work, lasting outflow, contact, the ladder."""
    if data.trends is None or not data.trends.quarters:
        return []
    quarters = data.trends.quarters
    outcome_rows = [
        [
            _("Kwartaal"),
            _("In begeleiding"),
            _("Naar werk"),
            _("Deel van de uitstroom"),
            _("Na 6 maanden nog aan het werk"),
            _("Mediaan dagen tussen contacten"),
            _("Te lang geen contact"),
        ]
    ]
    movement_rows = [
        [_("Kwartaal"), _("Met twee metingen"), _("Gestegen"), _("Gelijk"), _("Gedaald")]
    ]
    for piece in quarters:
        label = inclusion_trends.quarter_label(piece)
        median = (
            "–" if piece.median_days is None else i18n.format_number(round(piece.median_days, 1))
        )
        if piece.median_days is None and not piece.shown.shown(cells.CONTACTED):
            median = _("verborgen")
        outcome_rows.append(
            [
                label,
                _count_text(piece, cells.IN_PERIOD),
                _count_text(piece, cells.reason(cells.WORK_REASON)),
                _share_text(piece, cells.reason(cells.WORK_REASON), cells.OUTFLOW),
                _share_text(piece, cells.LASTING, cells.FOLLOWED),
                median,
                _share_text(piece, cells.OVERDUE, cells.AT_END),
            ]
        )
        movement_rows.append(
            [
                label,
                _count_text(piece, cells.MEASURED),
                *(
                    _share_text(piece, part, cells.MEASURED)
                    for part in (cells.ROSE, cells.STAYED, cells.FELL)
                ),
            ]
        )
    tail: list[Any] = [rp.para(_("Trede aan het eind van elk kwartaal"), styles["h2"])]
    if any(_drawable(piece) for piece in quarters):
        tail += [
            trede_chart(quarters),
            rp.para(
                _(
                    "Elke balk is 100% van de klanten aan het eind van het kwartaal. Op elk deel "
                    "staat het percentage, bij een smal deel erboven of eronder. Licht: lage trede, "
                    "donker: hoge trede, wit: nog geen meting. Een kwartaal met een verborgen trede of te weinig klanten "
                    "heeft geen balk."
                ),
                styles["note"],
            ),
        ]
    else:
        tail.append(
            rp.para(
                _("Er waren per kwartaal te weinig klanten om de treden te laten zien."),
                styles["body"],
            )
        )
    widths = [30 * mm, 24 * mm, 20 * mm, 22 * mm, 25 * mm, 25 * mm]
    widths.append(rp.TEXT_WIDTH - sum(widths))
    movement_widths = [36 * mm, 35 * mm, 30 * mm, 30 * mm]
    movement_widths.append(rp.TEXT_WIDTH - sum(movement_widths))
    return [
        rp.para(_("Ontwikkeling per kwartaal"), styles["h1"]),
        rp.para(
            _(
                "Elk kwartaal is geteld als een rapport op zich, en op dezelfde manier "
                "beschermd. Een kwartaal met * loopt tot het eind van de periode: %(end)s."
            )
            % {"end": i18n.date_text(data.figures.period.end)},
            styles["body"],
        ),
        rp.text_table(
            outcome_rows,
            widths,
            styles,
            align_right=(1, 2, 3, 4, 5, 6),
            header_style="cell_head_small",
        ),
        rp.para(
            _(
                "Deel van de uitstroom: van wie in het kwartaal stopte. Na 6 maanden nog aan het "
                "werk: van wie werk vond en een half jaar later is gevraagd; – betekent: nog "
                "niemand om te vragen. Te lang geen contact: deel van de klanten aan het eind van "
                "het kwartaal. Te weinig: minder dan %(n)d klanten; dan zegt een percentage te "
                "weinig."
            )
            % {"n": protection.SHARE_BASE * data.minimum},
            styles["note"],
        ),
        rp.para(_("Gestegen, gelijk gebleven of gedaald, per kwartaal"), styles["h2"]),
        rp.text_table(movement_rows, movement_widths, styles, align_right=(1, 2, 3, 4)),
        rp.para(_("Deel van de klanten met twee metingen in het kwartaal."), styles["note"]),
        *tail,
    ]


def _drawable(piece: inclusion_trends.Slice) -> bool:
    """Whether a quarter's treden can be drawn: every part shown over a large enough base."""
    return all(
        piece.value(cells.trede("end", n), cells.AT_END) is not None
        for n in range(ladder.HIGHEST + 1)
    )


def _beside_bar(
    text: str, centre: float, y: float, bar_top: float, ends: dict[bool, float]
) -> String:
    """A percentage above (True) or below (False) the bar, under its part where the side has
    room, else just after the text already there; ``ends`` holds where each side's text ends."""
    width, gap = stringWidth(text, pdf.FONT, 6), 0.8 * mm
    left = centre - width / 2
    free = [side for side in (True, False) if left >= ends[side] + gap]
    side = free[0] if free else min(ends, key=lambda s: ends[s])
    left = max(left, ends[side] + gap)
    ends[side] = left + width
    return String(
        left, y + bar_top + 0.6 * mm if side else y + 0.3 * mm, text, fontName=pdf.FONT, fontSize=6
    )


def trede_chart(quarters: Sequence[inclusion_trends.Slice]) -> Drawing:
    """One bar per quarter split by trede at the end, each part with its percentage, and a key.

    A part too narrow for its percentage has it just above or below the bar (see
    :func:`_beside_bar`).
    """
    pdf.register_fonts()
    label_width, row, key_height = 34 * mm, 10 * mm, 10 * mm
    bar_bottom, bar_height = 2.6 * mm, 4.8 * mm
    width = rp.TEXT_WIDTH
    height = row * len(quarters) + key_height
    drawing = Drawing(width, height)
    drawing.initialFontName = pdf.FONT
    plot = width - label_width - 2 * mm
    fills = [colors.Color(g, g, g) for g in TREDE_GREYS] + [colors.white]
    order = [*range(1, ladder.HIGHEST + 1), 0]
    for index, piece in enumerate(quarters):
        y = height - (index + 1) * row
        middle = y + bar_bottom + bar_height / 2 - 1 * mm
        drawing.add(
            String(0, middle, inclusion_trends.quarter_label(piece), fontName=pdf.FONT, fontSize=8)
        )
        found = [piece.value(cells.trede("end", n), cells.AT_END) for n in order]
        if any(share is None for share in found):
            states = {piece.shown.share_state(cells.trede("end", n), cells.AT_END) for n in order}
            why = (
                _("verborgen")
                if protection.ShareState.HIDDEN in states
                else "–"
                if protection.ShareState.NO_BASE in states
                else cells.too_few_text()
            )
            drawing.add(String(label_width, middle, why, fontName=pdf.FONT, fontSize=8))
            continue
        shares = [(share or 0.0) / 100 for share in found]
        total = sum(shares) or 1.0
        x = label_width
        # Where the last text put above and below the bar ends (parts too narrow for theirs).
        ends = {True: 0.0, False: 0.0}
        for fill, share in zip(fills, shares, strict=True):
            length = plot * share / total
            if length <= 0:
                continue
            drawing.add(
                Rect(
                    x,
                    y + bar_bottom,
                    length,
                    bar_height,
                    fillColor=fill,
                    strokeColor=colors.black,
                    strokeWidth=0.3,
                )
            )
            text = i18n.format_percent(share)
            if stringWidth(text, pdf.FONT_BOLD, 7) + 1 * mm <= length:
                dark = fill.red < 0.5
                drawing.add(
                    String(
                        x + length / 2,
                        middle,
                        text,
                        fontName=pdf.FONT_BOLD,
                        fontSize=7,
                        textAnchor="middle",
                        fillColor=colors.white if dark else colors.black,
                    )
                )
            else:
                drawing.add(_beside_bar(text, x + length / 2, y, bar_bottom + bar_height, ends))
            x += length
    names = [str(n) for n in range(1, ladder.HIGHEST + 1)] + [_("geen meting")]
    x = label_width
    drawing.add(String(0, 2 * mm, _("Trede:"), fontName=pdf.FONT, fontSize=8))
    for fill, name in zip(fills, names, strict=True):
        drawing.add(
            Rect(
                x,
                1.5 * mm,
                4 * mm,
                3.5 * mm,
                fillColor=fill,
                strokeColor=colors.black,
                strokeWidth=0.3,
            )
        )
        drawing.add(String(x + 5 * mm, 2 * mm, name, fontName=pdf.FONT, fontSize=8))
        x += 12 * mm if len(name) < 3 else 28 * mm
    drawing.add(
        Line(
            label_width,
            key_height - 1 * mm,
            label_width,
            height,
            strokeColor=colors.black,
            strokeWidth=0.5,
        )
    )
    return drawing
