"""The caseload pages of the inclusion report: key figures, ladder, barriers, contact and
actions, the reading order (``all_sections``) and what every page uses (``ReportData``). Every
printed count is the protected one (:mod:`caseload.protection`); the cover is in
:mod:`caseload.inclusion_cover`, the pages after these are in :mod:`caseload.inclusion_appendix`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from reportlab.lib.styles import StyleSheet1
from reportlab.lib.units import mm
from reportlab.platypus import KeepTogether, PageBreak

from caseload import inclusion, inclusion_trends, ladder, protection, vocab
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
    shown: protection.Published
    municipality: str
    made_on: dt.date
    minimum: int
    #: The previous period and the quarters, each protected (None: not counted, as for bundles).
    trends: inclusion_trends.Trends | None = None
    #: For a report merged from team bundles: how many, and the multiple each rounded to.
    bundled: tuple[int, int] | None = None

    def count(self, key: str) -> str:
        """A count as printed, or 'verborgen'."""
        value = self.shown.value(key)
        return hidden_text() if value is None else i18n.format_number(value)

    def share(self, part: str, base: str) -> str:
        """part / base as a percentage, or why not (:func:`caseload.inclusion_cells.share_text`)."""
        return cells.share_text(self.shown, part, base)

    def count_share(self, part: str, base: str) -> str:
        """'1.234 (21%)', '20 (te weinig)' over too small a base, '20 (verborgen)' beside a
        hidden part of the same whole, or 'verborgen'."""
        if not self.shown.shown(part):
            return hidden_text()
        state = self.shown.share_state(part, base)
        if state is protection.ShareState.HIDDEN and self.shown.shown(base):
            return _("%(count)s (%(share)s)") % {"count": self.count(part), "share": hidden_text()}
        if state not in (protection.ShareState.SHOWN, protection.ShareState.TOO_FEW):
            return self.count(part)
        return _("%(count)s (%(share)s)") % {
            "count": self.count(part),
            "share": self.share(part, base),
        }

    def bar(
        self,
        label: str,
        part: str,
        base: str,
        compare: str | None = None,
        compare_base: str | None = None,
    ) -> Bar:
        """A bar whose length is the share of the base; hidden counts get no bar at all.

        The light ``compare`` bar is a share of ``compare_base`` (default: the same base), so
        the treden at the start are a share of the clients at the start.
        """
        share = self.shown.share(part, base)
        bar = Bar(label=label, value=(share or 0.0) * 100, text=self.count_share(part, base))
        if compare is None:
            return bar
        compare_base = compare_base or base
        compare_share = self.shown.share(compare, compare_base)
        return Bar(
            label=bar.label,
            value=bar.value,
            text=bar.text,
            compare_value=(compare_share or 0.0) * 100,
            compare_text=self.count_share(compare, compare_base),
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


def chart_block(data: ReportData, bars: Sequence[Bar], note: str, styles: StyleSheet1) -> list[Any]:
    """A bar chart and the note under it; when no bar in it has a percentage, one sentence that
    says why instead of a chart of bars that each read *verborgen* or *te weinig* (a small
    team's report)."""
    hidden, too_few = hidden_text(), cells.too_few_text()

    def bare(text: str) -> bool:
        return text in ("", hidden) or text.endswith(f"({too_few})")

    if bars and all(bare(bar.text) and bare(bar.compare_text) for bar in bars):
        if any(bar.text != hidden or bar.compare_text not in ("", hidden) for bar in bars):
            why = _(
                "Hier staan geen balken: een percentage over minder dan %(n)s klanten zegt te "
                "weinig."
            ) % {"n": i18n.format_number(protection.SHARE_BASE * data.minimum)}
        else:
            why = _("Hier staan geen balken: elke groep is kleiner dan %(n)s klanten.") % {
                "n": i18n.format_number(data.minimum)
            }
        return [rp.para(why, styles["body"])]
    return [chart(bars), rp.para(note, styles["note"])]


def all_sections(data: ReportData) -> list[Any]:
    """Every section in reading order, each kept on one page when it fits (no half-empty
    pages); a report with too few clients is the cover and one page that says why."""
    from caseload import inclusion_appendix, inclusion_front, inclusion_teams  # built on this
    from caseload.inclusion_cover import cover, too_few

    quickscans = inclusion_appendix.quickscans
    origin = inclusion_appendix.origin
    definitions = inclusion_appendix.definitions

    styles = rp.sheet()
    if data.shown.value(cells.IN_PERIOD) in (None, 0):
        story = [*cover(data, styles, figures=False), rp.gap(8), *too_few(data, styles)]
        if data.figures.quickscans is not None:  # the scans count no clients: still shown
            story += [rp.gap(8), KeepTogether(quickscans(data, styles))]
        return story
    front = inclusion_front.first_page(data, styles)
    if front:
        # The story first; what the report is and how to read it follows on the same page
        # when it fits, so no page stands half empty.
        story = [KeepTogether(front), rp.gap(6), *cover(data, styles, about=True)]
    else:
        story = [*cover(data, styles), PageBreak()]
    sections = [key_figures(data, styles)]
    if inclusion_teams.shown(data):
        sections.append(inclusion_teams.teams_section(data, styles))
    trends = inclusion_front.trends_section(data, styles)
    if trends:
        sections.append(trends)
    sections += [
        ladder_section(data, styles),
        barriers(data, styles),
        interventions(data, styles),
        contact(data, styles),
        quickscans(data, styles),
    ]
    if data.figures.origin is not None:
        sections.append(origin(data, styles))
    sections.append(definitions(data, styles))
    for index, section in enumerate(sections):
        if index:
            story.append(rp.gap(8))
        story += [KeepTogether(block) for block in _blocks(section)]
    return story


def _blocks(section: list[Any]) -> list[list[Any]]:
    """The section cut before each heading: a heading stays with its text and chart, and the
    next block may still fill the page (so no page holds one small chart)."""
    blocks: list[list[Any]] = []
    for flowable in section:
        style = getattr(getattr(flowable, "style", None), "name", "")
        if style in ("h1", "h2") or not blocks:
            blocks.append([])
        blocks[-1].append(flowable)
    return blocks


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
            _(
                "In begeleiding bij het begin + instroom = in begeleiding aan het eind + "
                "uitstroom. Door het afronden kan dat een beetje verschillen."
            ),
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
        *chart_block(
            data,
            reasons,
            _("Bij elke balk: het aantal klanten en het deel van de uitstroom."),
            styles,
        ),
    ]


def ladder_section(data: ReportData, styles: StyleSheet1) -> list[Any]:
    """The treden at the start and at the end, and who rose, stayed or fell."""
    labels = [(n, ladder.trede(n).title()) for n in range(ladder.HIGHEST, 0, -1)]
    bars = [
        data.bar(
            label,
            cells.trede("end", number),
            cells.AT_END,
            compare=cells.trede("start", number),
            compare_base=cells.AT_START,
        )
        for number, label in [*labels, (0, _("Nog geen meting"))]
    ]
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
        *chart_block(
            data,
            bars,
            _(
                "Bij elke balk: het aantal klanten en het deel van alle klanten op dat moment. "
                "Donker: eind van de periode. Licht: begin van de periode."
            ),
            styles,
        ),
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
        *chart_block(
            data,
            movement,
            _("Bij elke balk: het aantal klanten en het deel van wie twee metingen heeft."),
            styles,
        ),
    ]


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
        *chart_block(
            data,
            bars,
            _("Bij elke balk: het aantal klanten en het deel van alle %(n)s klanten in de periode.")
            % {"n": data.count(cells.IN_PERIOD)},
            styles,
        ),
    ]


def contact(data: ReportData, styles: StyleSheet1) -> list[Any]:
    """Median days between contacts, and who has had no contact for too long."""
    intensity = data.figures.contacts
    end = i18n.date_text(data.figures.period.end)
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
        *chart_block(
            data,
            bars,
            _("Bij elke balk: het aantal klanten en het deel van de klanten aan het eind."),
            styles,
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
        *chart_block(
            data,
            bars,
            _("Bij elke balk: het aantal klanten en het deel van alle %(n)s klanten in de periode.")
            % {"n": data.count(cells.IN_PERIOD)},
            styles,
        ),
    ]


def of(data: ReportData, part: str, base: str) -> str:
    """'12 van 30 (40%)', or 'verborgen'."""
    if not (data.shown.shown(part) and data.shown.shown(base)):
        return hidden_text()
    if data.shown.value(base) == 0:
        return "–"
    return _("%(part)s van %(base)s (%(share)s)") % {
        "part": data.count(part),
        "base": data.count(base),
        "share": data.share(part, base),
    }
