"""The progress report of one client (PDF), written for the client in plain Dutch; confidential.

Over a period (default: the whole guidance) it says where the client stands on the
participatieladder, what goes well, what we work on together, the contacts the klantmanager
chose to share, and a word list for every term it uses. A closed file says when and why the
guidance ended. Equal data and an equal ``today`` give a byte-identical file.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from reportlab.graphics.shapes import Circle, Drawing, Line, PolyLine, String
from reportlab.lib import colors
from reportlab.lib.styles import StyleSheet1
from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, KeepTogether
from sqlite_utils import Database

from caseload import client_file, clients, errors, ladder, model, periods, vocab
from caseload import client_report_sections as sections
from caseload import report_pdf as rp
from resources import i18n, pdf
from resources.i18n import _, ngettext


class UnknownReference(errors.CaseloadError):
    """There is no client with this klantnummer."""

    def __init__(self, reference: str) -> None:
        super().__init__(
            _("Er is geen klant met klantnummer %(reference)s.") % {"reference": reference},
            "reference",
        )


@dataclass(frozen=True)
class ClientReportData:
    """One client's file, cut to a period."""

    file: model.ClientFile
    start: dt.date
    end: dt.date
    municipality: str
    made_on: dt.date

    def in_period(self, day: dt.date | None) -> bool:
        """Whether a day lies within the period."""
        return day is not None and self.start <= day <= self.end


def write_client_report(
    db: Database,
    path: str | Path,
    *,
    reference: str,
    start: dt.date | None = None,
    end: dt.date | None = None,
    municipality: str,
    today: dt.date | None = None,
) -> None:
    """Write the progress report of the client with this klantnummer as a PDF."""
    target = Path(path)
    rp.check_target(target)
    client = clients.find(db, reference)
    if client is None:
        raise UnknownReference(reference.strip())
    file = client_file.load(db, client.id)
    made_on = today or dt.date.today()
    first, last = default_period(file, made_on)
    start, end = periods.until_today(start or first, end or last, made_on)
    data = ClientReportData(
        file=file,
        start=start,
        end=end,
        municipality=municipality.strip() or _("(gemeente niet ingesteld)"),
        made_on=made_on,
    )
    frame = pdf.PageFrame(
        title=_("Voortgangsverslag"),
        subtitle=f"{data.municipality} · {rp.period_text(start, end)}",
        marking=_("Vertrouwelijk"),
    )
    rp.write(target, frame, story(data))


def default_period(file: model.ClientFile, today: dt.date) -> tuple[dt.date, dt.date]:
    """The whole guidance: from its start (or the first record) to its end (or today)."""
    client = file.client
    days = [entry.on for entry in file.timeline]
    first = client.guidance_start or (min(days) if days else today)
    last = client.closed_on or today
    return min(first, last), last


def story(data: ClientReportData) -> list[Any]:
    """The pages in reading order, ending with the word list of the terms used before it."""
    styles = rp.sheet()
    body = [
        *opening(data, styles),
        *where_now(data, styles),
        CondPageBreak(60 * mm),
        *sections.going_well(data, styles),
        CondPageBreak(60 * mm),
        *sections.working_on(data, styles),
        CondPageBreak(50 * mm),
        *sections.contacts(data, styles),
    ]
    return body + sections.word_list(sections.texts(body), styles)


def opening(data: ClientReportData, styles: StyleSheet1) -> list[Any]:
    """Who and what this report is about; for a closed file, when and why guidance ended."""
    client = data.file.client
    rows = [
        (_("Naam"), client.display_name() or client.reference),
        (_("Klantnummer"), client.reference),
        (_("Klantmanager"), client.klantmanager or "–"),
        (_("Periode"), rp.period_text(data.start, data.end)),
        (_("Gemaakt op"), i18n.date_text(data.made_on)),
    ]
    cells = [(rp.para(k, styles["cell_bold"]), rp.para(v, styles["cell"])) for k, v in rows]
    story = [
        rp.para(_("Voortgangsverslag"), styles["title"]),
        rp.para(
            _(
                "Dit verslag is voor u. Het laat zien hoe het gaat met uw begeleiding naar werk. "
                "Klopt er iets niet? Zeg het tegen uw klantmanager. Achterin staat een "
                "woordenlijst."
            ),
            styles["lead"],
        ),
        rp.table(cells, (40 * mm, rp.TEXT_WIDTH - 40 * mm), header=False),
        rp.gap(4),
    ]
    if not client.is_active:
        story += [
            rp.para(_("Uw begeleiding is afgerond"), styles["h1"]),
            rp.para(closed_text(client), styles["big"]),
            rp.para(
                _("Dank u voor de samenwerking. Heeft u later vragen? Neem dan contact op."),
                styles["body"],
            ),
        ]
    return story


def closed_text(client: model.Client) -> str:
    """'Uw begeleiding is afgesloten op 3 maart 2026. De reden: …' for a closed file."""
    reason = (
        vocab.CLOSING_REASONS.label(client.closing_reason)
        if client.closing_reason
        else _("niet opgegeven")
    )
    if client.closed_on is None:
        return _("Uw begeleiding is afgesloten. De reden: %(reason)s.") % {"reason": reason}
    return _("Uw begeleiding is afgesloten op %(date)s. De reden: %(reason)s.") % {
        "date": i18n.date_text(client.closed_on),
        "reason": reason,
    }


def steps_for(data: ClientReportData) -> list[model.LadderStep]:
    """The measurements in the period, with the last one before it as the starting point."""
    steps = sorted(data.file.ladder_steps, key=lambda s: (s.measured_on, s.id))
    before = [s for s in steps if s.measured_on < data.start]
    inside = [s for s in steps if data.in_period(s.measured_on)]
    return ([before[-1]] if before else []) + inside


def where_now(data: ClientReportData, styles: StyleSheet1) -> list[Any]:
    """The trede at the end of the period, the movement, and the history chart."""
    story: list[Any] = [rp.para(_("Waar staat u nu"), styles["h1"])]
    steps = steps_for(data)
    if not steps:
        story.append(
            rp.para(
                _("Er is nog niet gemeten op welke trede van de ladder u staat."), styles["body"]
            )
        )
        return story
    now = ladder.trede(steps[-1].trede)
    story.append(
        rp.para(
            _("Op de participatieladder staat u nu op trede %(number)d van 6.")
            % {"number": now.number},
            styles["big"],
        )
    )
    story.append(rp.para(now.explanation_to_client(), styles["body"]))
    expected = steps[-1].expected_trede
    if expected is not None and expected > now.number:
        story.append(
            rp.para(
                _(
                    "We verwachten samen dat u binnen een jaar trede %(number)d kunt halen: %(name)s."
                )
                % {"number": expected, "name": _(ladder.trede(expected).client_name)},
                styles["body"],
            )
        )
    if len(steps) >= 2:
        change = steps[-1].trede - steps[0].trede
        if change > 0:
            text = ngettext(
                "Sinds %(date)s bent u %(n)d trede gestegen. Goed gedaan!",
                "Sinds %(date)s bent u %(n)d treden gestegen. Goed gedaan!",
                change,
            )
        elif change < 0:
            text = ngettext(
                "Sinds %(date)s staat u %(n)d trede lager. We kijken samen hoe dat komt.",
                "Sinds %(date)s staat u %(n)d treden lager. We kijken samen hoe dat komt.",
                -change,
            )
        else:
            text = _("Sinds %(date)s staat u op dezelfde trede.")
        story.append(
            rp.para(
                text % {"date": i18n.date_text(steps[0].measured_on), "n": abs(change)},
                styles["body"],
            )
        )
    story += [
        rp.gap(2),
        rp.para(
            _("De participatieladder heeft 6 treden. Trede 6 is betaald werk."), styles["body"]
        ),
        rp.gap(2),
        trede_chart(steps, data.start, data.end),
        rp.para(_("Elke stip is een meting. Het getal bij de stip is de trede."), styles["note"]),
    ]
    rows = [(_("Datum"), _("Trede"))]
    rows += [
        (i18n.date_text(step.measured_on), ladder.trede(step.trede).client_title())
        for step in steps
    ]
    story.append(
        KeepTogether(
            [
                rp.para(_("Uw metingen"), styles["h2"]),
                rp.text_table(rows, (45 * mm, rp.TEXT_WIDTH - 45 * mm), styles),
            ]
        )
    )
    return story


def trede_chart(steps: list[model.LadderStep], start: dt.date, end: dt.date) -> Drawing:
    """The trede over time as a step line on the six treden, each measurement with its number."""
    pdf.register_fonts()
    width, height = rp.TEXT_WIDTH, 62 * mm
    left, right, bottom, top = 68 * mm, 8 * mm, 10 * mm, 6 * mm
    drawing = Drawing(width, height)
    drawing.initialFontName = pdf.FONT
    row = (height - bottom - top) / (ladder.HIGHEST - 1)
    first = min(start, steps[0].measured_on)
    span = max((end - first).days, 1)

    def x(day: dt.date) -> float:
        return float(left + (width - left - right) * (day - first).days / span)

    def y(number: int) -> float:
        return float(bottom + (number - ladder.LOWEST) * row)

    for trede in ladder.TREDEN:
        drawing.add(
            Line(
                left,
                y(trede.number),
                width - right,
                y(trede.number),
                strokeColor=pdf.GRID,
                strokeWidth=0.4,
            )  # fmt: skip
        )
        drawing.add(
            String(
                0,
                y(trede.number) - 1 * mm,
                trede.client_title()[:48],
                fontName=pdf.FONT,
                fontSize=7,
            )
        )
    points: list[float] = []
    for index, step in enumerate(steps):
        points += [x(step.measured_on), y(step.trede)]
        following = steps[index + 1].measured_on if index + 1 < len(steps) else end
        points += [x(following), y(step.trede)]
    drawing.add(PolyLine(points, strokeColor=pdf.BAR_FILL, strokeWidth=1.2))
    for step in steps:
        drawing.add(
            Circle(
                x(step.measured_on),
                y(step.trede),
                1.4 * mm,
                fillColor=colors.white,
                strokeColor=pdf.BAR_FILL,
                strokeWidth=0.8,
            )  # fmt: skip
        )
        drawing.add(
            String(
                x(step.measured_on) - 0.9 * mm,
                y(step.trede) - 1.1 * mm,
                str(step.trede),
                fontName=pdf.FONT_BOLD,
                fontSize=7,
            )  # fmt: skip
        )
    drawing.add(Line(left, bottom - 3 * mm, width - right, bottom - 3 * mm, strokeWidth=0.5))
    for day, anchor in ((first, "start"), (end, "end")):
        drawing.add(
            String(
                x(day),
                0,
                i18n.date_text(day),
                fontName=pdf.FONT,
                fontSize=7,
                textAnchor=anchor,
            )  # fmt: skip
        )
    return drawing
