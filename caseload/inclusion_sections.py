"""The caseload pages of the inclusion report: cover, key figures, ladder, barriers, contact and
actions, and what every page uses (``ReportData``). Every printed count goes through the
suppression result; the pages after these are in :mod:`caseload.inclusion_appendix`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from reportlab.lib.styles import StyleSheet1
from reportlab.lib.units import mm
from reportlab.platypus import KeepTogether

from caseload import inclusion, ladder, suppression, vocab
from caseload import inclusion_cells as cells
from caseload import report_pdf as rp
from resources import i18n, pdf
from resources.bars import Bar
from resources.i18n import _, ngettext

CHART_WIDTH = rp.TEXT_WIDTH
LABEL_WIDTH = 72 * mm


@dataclass(frozen=True)
class ReportData:
    """What the report is made from: the figures and which of them may be printed."""

    figures: inclusion.InclusionFigures
    shown: suppression.Result
    municipality: str
    made_on: dt.date
    minimum: int

    def count(self, key: str) -> str:
        """A count as printed, or 'verborgen'."""
        value = self.shown.value(key)
        return hidden_text() if value is None else i18n.format_number(value)

    def share(self, part: str, base: str) -> str:
        """part / base as a percentage; 'verborgen' when either is hidden, '–' for a base of 0."""
        if self.shown.shown(part) and self.shown.shown(base) and self.shown.counts[base] == 0:
            return "–"
        value = self.shown.share(part, base)
        return hidden_text() if value is None else i18n.format_percent(value)

    def count_share(self, part: str, base: str) -> str:
        """'1.234 (21%)', or 'verborgen'."""
        if not self.shown.shown(part):
            return hidden_text()
        share = self.shown.share(part, base)
        if share is None:
            return self.count(part)
        return _("%(count)s (%(share)s)") % {
            "count": self.count(part),
            "share": i18n.format_percent(share),
        }

    def bar(self, label: str, part: str, base: str, compare: str | None = None) -> Bar:
        """A bar whose length is the share of the base; hidden counts get no bar at all."""
        share = self.shown.share(part, base)
        bar = Bar(label=label, value=(share or 0.0) * 100, text=self.count_share(part, base))
        if compare is None:
            return bar
        compare_share = self.shown.share(compare, base)
        return Bar(
            label=bar.label,
            value=bar.value,
            text=bar.text,
            compare_value=(compare_share or 0.0) * 100,
            compare_text=self.count_share(compare, base),
        )


def hidden_text() -> str:
    """What a hidden count prints as."""
    return _("verborgen")


def chart(bars: Sequence[Bar]) -> Any:
    """A bar chart of percentages (0–100) in the report's width."""
    top = max((max(bar.value, bar.compare_value or 0.0) for bar in bars), default=0.0)
    # Room for the text at the end of the longest bar.
    return pdf.bar_chart(
        bars, maximum=max(top * 1.25, 10.0), width=CHART_WIDTH, label_width=LABEL_WIDTH
    )


def cover(data: ReportData, styles: StyleSheet1) -> list[Any]:
    """Title, what the report covers, and how to read it."""
    period = data.figures.period
    rows = [
        (_("Gemeente"), data.municipality),
        (_("Team"), period.team or _("alle teams")),
        (_("Periode"), rp.period_text(period.start, period.end)),
        (_("Gemaakt op"), i18n.format_date(data.made_on, "long")),
        (
            _("Kleinste groep"),
            ngettext(
                "Groepen kleiner dan %(n)d klant zijn verborgen.",
                "Groepen kleiner dan %(n)d klanten zijn verborgen.",
                data.minimum,
            )
            % {"n": data.minimum},
        ),
    ]
    table_rows = [
        (rp.para(key, styles["cell_bold"]), rp.para(value, styles["cell"])) for key, value in rows
    ]
    reading = [
        _(
            "Dit rapport telt klanten. Er staat geen naam, klantnummer, geboortedatum of BSN "
            "in, en geen gegevens over één klant."
        ),
        ngettext(
            "Is een groep kleiner dan %(n)d klant, dan staat er 'verborgen' in plaats van een "
            "getal, en is er geen balk.",
            "Is een groep kleiner dan %(n)d klanten, dan staat er 'verborgen' in plaats van een "
            "getal, en is er geen balk.",
            data.minimum,
        )
        % {"n": data.minimum},
        _(
            "Soms is ook een groter getal verborgen. Dan kunt u een klein getal niet uitrekenen "
            "door een totaal min de andere getallen te nemen."
        ),
        _("Bij elke balk staat het getal. U kunt het rapport ook in zwart-wit lezen."),
        _("Wat elk cijfer precies betekent, staat op de laatste pagina: Definities en werkwijze."),
    ]
    return [
        rp.gap(30),
        rp.para(_("Inclusierapport"), styles["title"]),
        rp.para(
            _("Begeleiding naar werk: de caseload in cijfers, zonder personen"), styles["lead"]
        ),
        rp.gap(8),
        rp.table(table_rows, (45 * mm, rp.TEXT_WIDTH - 45 * mm), header=False),
        rp.gap(10),
        rp.para(_("Hoe leest u dit rapport?"), styles["h2"]),
        *(rp.para(line, styles["bullet"], bullet="•") for line in reading),
    ]


def key_figures(data: ReportData, styles: StyleSheet1) -> list[Any]:
    """Caseload size, inflow and outflow, and the outflow per reason."""
    rows = [
        (_("Cijfer"), _("Aantal klanten")),
        (_("In begeleiding bij het begin van de periode"), data.count(cells.AT_START)),
        (_("Instroom: begeleiding begonnen in de periode"), data.count(cells.INFLOW)),
        (_("Klanten in begeleiding in de periode"), data.count(cells.IN_PERIOD)),
        (_("Uitstroom: begeleiding afgesloten in de periode"), data.count(cells.OUTFLOW)),
        (
            _("Waarvan uitstroom naar werk"),
            data.count_share(cells.reason(cells.WORK_REASON), cells.OUTFLOW),
        ),
        (_("In begeleiding aan het eind van de periode"), data.count(cells.AT_END)),
    ]
    reasons = [
        data.bar(vocab.CLOSING_REASONS.label(code), cells.reason(code), cells.OUTFLOW)
        for code, _number in data.figures.outflow_reasons
    ]
    return [
        rp.para(_("Kerncijfers"), styles["h1"]),
        rp.text_table(rows, (120 * mm, rp.TEXT_WIDTH - 120 * mm), styles, align_right=(1,)),
        rp.para(
            _("In begeleiding bij het begin + instroom = in begeleiding aan het eind + uitstroom."),
            styles["note"],
        ),
        rp.para(_("Uitstroom naar reden"), styles["h2"]),
        rp.para(
            _(
                "Waarom de begeleiding in de periode stopte. Elke balk is een deel van de uitstroom."
            ),
            styles["body"],
        ),
        rp.gap(2),
        chart(reasons),
        rp.para(
            _("Bij elke balk: het aantal klanten en het deel van de uitstroom."), styles["note"]
        ),
    ]


def ladder_section(data: ReportData, styles: StyleSheet1) -> list[Any]:
    """The treden at the start and at the end, and who rose, stayed or fell."""
    bars = []
    for number in range(ladder.HIGHEST, 0, -1):
        bars.append(
            data.bar(
                ladder.trede(number).title(),
                cells.trede("end", number),
                cells.AT_END,
                compare=cells.trede("start", number),
            )
        )
    bars.append(
        _ladder_bar(data, _("Nog geen meting"), cells.trede("end", 0), cells.trede("start", 0))
    )
    movement = [
        data.bar(ladder.Movement.ROSE.text(), cells.ROSE, cells.MEASURED),
        data.bar(ladder.Movement.STAYED.text(), cells.STAYED, cells.MEASURED),
        data.bar(ladder.Movement.FELL.text(), cells.FELL, cells.MEASURED),
    ]
    return [
        rp.para(_("De participatieladder"), styles["h1"]),
        rp.para(
            _(
                "Op welke trede stonden de klanten? De donkere balk is het eind van de periode "
                "(%(end)s klanten), de lichte balk het begin (%(start)s klanten)."
            )
            % {"end": data.count(cells.AT_END), "start": data.count(cells.AT_START)},
            styles["body"],
        ),
        rp.gap(2),
        chart(bars),
        rp.para(
            _(
                "Bij elke balk: het aantal klanten en het deel van alle klanten op dat moment. "
                "Donker: eind van de periode. Licht: begin van de periode."
            ),
            styles["note"],
        ),
        KeepTogether(
            [
                rp.para(_("Gestegen, gelijk gebleven of gedaald"), styles["h2"]),
                rp.para(
                    _(
                        "Van de %(n)s klanten met twee metingen in de periode: hoe ging het "
                        "tussen de eerste en de laatste meting? Eén trede omhoog is voor "
                        "intensieve begeleiding een goed doel."
                    )
                    % {"n": data.count(cells.MEASURED)},
                    styles["body"],
                ),
                rp.gap(2),
                chart(movement),
                rp.para(
                    _("Bij elke balk: het aantal klanten en het deel van wie twee metingen heeft."),
                    styles["note"],
                ),
            ]
        ),
    ]


def _ladder_bar(data: ReportData, label: str, end_key: str, start_key: str) -> Bar:
    bar = data.bar(label, end_key, cells.AT_END)
    start = data.bar(label, start_key, cells.AT_START)
    return Bar(
        label=label,
        value=bar.value,
        text=bar.text,
        compare_value=start.value,
        compare_text=start.text,
    )


def barriers(data: ReportData, styles: StyleSheet1) -> list[Any]:
    """How many clients had each barrier, and how many saw one solved."""
    bars = [
        data.bar(
            vocab.BARRIER_KINDS.label(kind.kind),
            cells.barrier(kind.kind),
            cells.IN_PERIOD,
            compare=cells.barrier(kind.kind, solved=True),
        )
        for kind in data.figures.barriers
    ]
    return [
        rp.para(_("Obstakels"), styles["h1"]),
        rp.para(
            _(
                "Hoeveel klanten hadden een obstakel dat in de periode speelde? Een klant kan "
                "meer obstakels hebben. De donkere balk telt de klanten met het obstakel, de "
                "lichte balk de klanten bij wie het in de periode is opgelost."
            ),
            styles["body"],
        ),
        rp.gap(2),
        chart(bars),
        rp.para(
            _("Bij elke balk: het aantal klanten en het deel van alle %(n)s klanten in de periode.")
            % {"n": data.count(cells.IN_PERIOD)},
            styles["note"],
        ),
    ]


def contact(data: ReportData, styles: StyleSheet1) -> list[Any]:
    """Median days between contacts, and who has had no contact for too long."""
    intensity = data.figures.contacts
    end = i18n.format_date(data.figures.period.end, "long")
    if data.shown.shown(cells.CONTACTED) and intensity.median_days is not None:
        median = ngettext("%(days)s dag", "%(days)s dagen", round(intensity.median_days)) % {
            "days": i18n.format_number(round(intensity.median_days, 1))
        }
    else:
        median = hidden_text() if intensity.clients else "–"
    threshold = intensity.threshold_days
    bars = [
        data.bar(
            ngettext(
                "Contact in de laatste %(n)d dag",
                "Contact in de laatste %(n)d dagen",
                threshold,
            )
            % {"n": threshold},
            cells.ON_TIME,
            cells.AT_END,
        ),
        data.bar(
            ngettext(
                "Langer dan %(n)d dag geen contact",
                "Langer dan %(n)d dagen geen contact",
                threshold,
            )
            % {"n": threshold},
            cells.OVERDUE,
            cells.AT_END,
        ),
    ]
    rows = [
        (_("Cijfer"), _("Waarde")),
        (_("Mediaan aantal dagen tussen twee contacten"), median),
        (_("Klanten met minstens twee contacten in de periode"), data.count(cells.CONTACTED)),
        (
            _("Klanten zonder contact in de laatste %(n)d dagen op %(end)s")
            % {"n": threshold, "end": end},
            data.count_share(cells.OVERDUE, cells.AT_END),
        ),
    ]
    return [
        rp.para(_("Contact met klanten"), styles["h1"]),
        rp.text_table(rows, (120 * mm, rp.TEXT_WIDTH - 120 * mm), styles, align_right=(1,)),
        rp.para(
            _(
                "Per klant: het gemiddelde aantal dagen tussen de contacten in de periode. De "
                "mediaan is het middelste getal van alle klanten: de helft ziet u vaker, de "
                "helft minder vaak."
            ),
            styles["note"],
        ),
        rp.para(_("Contact op %(end)s") % {"end": end}, styles["h2"]),
        chart(bars),
        rp.para(
            _("Bij elke balk: het aantal klanten en het deel van de klanten aan het eind."),
            styles["note"],
        ),
    ]


def interventions(data: ReportData, styles: StyleSheet1) -> list[Any]:
    """Which interventions started in the period, and for how many they are finished."""
    bars = [
        data.bar(
            vocab.INTERVENTIONS.label(kind.kind),
            cells.action(kind.kind),
            cells.IN_PERIOD,
            compare=cells.action(kind.kind, finished=True),
        )
        for kind in data.figures.interventions
    ]
    return [
        rp.para(_("Acties en interventies"), styles["h1"]),
        rp.para(
            _(
                "Bij hoeveel klanten begon een actie in de periode? De donkere balk telt de "
                "klanten bij wie de actie begon, de lichte balk de klanten bij wie die actie nu "
                "is afgerond."
            ),
            styles["body"],
        ),
        rp.gap(2),
        chart(bars),
        rp.para(
            _("Bij elke balk: het aantal klanten en het deel van alle %(n)s klanten in de periode.")
            % {"n": data.count(cells.IN_PERIOD)},
            styles["note"],
        ),
    ]
