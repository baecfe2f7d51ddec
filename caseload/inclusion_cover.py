"""The cover of the inclusion report (what it covers and how to read it, also as "Over dit
rapport" after the first page) and the one page of a report with too few clients."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from reportlab.lib.styles import StyleSheet1
from reportlab.lib.units import mm

from caseload import inclusion_cells as cells
from caseload import protection
from caseload import report_pdf as rp
from resources import i18n
from resources.i18n import _, ngettext

if TYPE_CHECKING:
    from caseload.inclusion_sections import ReportData


def too_few(data: ReportData, styles: StyleSheet1) -> list[Any]:
    """The one page of a report with no clients, or fewer than the smallest group."""
    if data.shown.value(cells.IN_PERIOD) == 0:
        reason = _("In deze periode was geen enkele klant in begeleiding. Er is niets te tellen.")
    else:
        reason = ngettext(
            "In deze periode waren minder dan %(n)d klant in begeleiding.",
            "In deze periode waren minder dan %(n)d klanten in begeleiding. Elk cijfer zou dan "
            "over een paar mensen gaan. Daarom staan er geen cijfers in dit rapport.",
            data.minimum,
        ) % {"n": data.minimum}
    return [
        rp.para(_("Te weinig klanten voor dit rapport"), styles["h1"]),
        rp.para(reason, styles["body"]),
        rp.para(
            _("Kies een langere periode, of maak het rapport voor alle teams samen.")
            if data.figures.period.team
            else _("Kies een langere periode."),
            styles["body"],
        ),
    ]


def cover(
    data: ReportData, styles: StyleSheet1, figures: bool = True, about: bool = False
) -> list[Any]:
    """Title, what the report covers, and how to read it (``figures`` False: no figures follow,
    so no word on reading them; ``about``: after the first page, under a heading instead of the
    title)."""
    period = data.figures.period
    rows = [
        (_("Gemeente"), data.municipality),
        (_("Team"), period.team or _("alle teams")),
        (_("Periode"), rp.period_text(period.start, period.end)),
        (_("Gemaakt op"), i18n.date_text(data.made_on)),
        (
            _("Kleinste groep"),
            ngettext(
                "Groepen kleiner dan %(n)d klant zijn verborgen.",
                "Groepen kleiner dan %(n)d klanten zijn verborgen.",
                data.minimum,
            )
            % {"n": data.minimum}
            + " "
            + ngettext(
                "De andere aantallen zijn precies.",
                "De andere aantallen zijn afgerond op een veelvoud van %(n)d.",
                data.minimum,
            )
            % {"n": data.minimum},
        ),
    ]
    if data.bundled is not None:
        rows[-1] = (_("Samengevoegd"), bundled_rounding(data))
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
        ngettext(
            "Alle andere aantallen zijn precies.",
            "Alle andere aantallen zijn afgerond op een veelvoud van %(n)d, ook in andere "
            "rapporten en bundels. Een verschil tussen twee rapporten (bijvoorbeeld twee "
            "perioden, of de gemeente min de andere teams) is dus ook een veelvoud van %(n)d, "
            "en nooit een kleine groep.",
            data.minimum,
        )
        % {"n": data.minimum},
        (
            _(
                "Door het afronden tellen de getallen soms niet precies op. Percentages zijn "
                "berekend uit de echte aantallen en afgerond op hele procenten. Bij minder dan "
                "%(n)d klanten staat er 'te weinig' in plaats van een percentage."
            )
            if data.bundled is None
            # A merged report has only the bundles' rounded counts to take a share of.
            else _(
                "Door het afronden tellen de getallen soms niet precies op. Percentages zijn "
                "berekend uit de samengevoegde aantallen en afgerond op hele procenten. Bij "
                "minder dan %(n)d klanten staat er 'te weinig' in plaats van een percentage."
            )
        )
        % {"n": protection.SHARE_BASE * data.minimum},
        _("Bij elke balk staat het getal. U kunt het rapport ook in zwart-wit lezen."),
        _("Wat elk cijfer precies betekent, staat op de laatste pagina: Definities en werkwijze."),
    ]
    if data.bundled is not None:
        reading[1:3] = [bundled_rounding(data)]
    if not figures:
        reading = reading[:1]
    if about:
        return [
            rp.para(_("Over dit rapport"), styles["h1"]),
            rp.table(table_rows, (45 * mm, rp.TEXT_WIDTH - 45 * mm), header=False),
            rp.para(_("Hoe leest u dit rapport?"), styles["h2"]),
            *(rp.para(line, styles["bullet"], bullet="•") for line in reading),
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


def bundled_rounding(data: ReportData) -> str:
    """How the counts of a report merged from team bundles came about: each bundle rounded
    every count, small groups too, so a 0 may stand for a few clients of a team."""
    assert data.bundled is not None
    count, base = data.bundled
    text = (
        ngettext(
            "Samengevoegd uit %(count)d teambundel.",
            "Samengevoegd uit %(count)d teambundels.",
            count,
        )
        % {"count": count}
        + " "
        + _(
            "Elke bundel rondt elk aantal af op een veelvoud van %(base)d, ook een groep van 1 tot "
            "%(below)d klanten (naar 0 of %(base)d). Elk getal hier is de som daarvan: een 0 kan "
            "dus ook een paar klanten zijn, en per team kan een getal tot %(below)d afwijken."
        )
        % {"base": base, "below": base - 1}
    )
    if data.minimum > base:
        text += " " + ngettext(
            "Een som kleiner dan %(n)d klant is verborgen.",
            "Een som kleiner dan %(n)d klanten (maar niet 0) is verborgen.",
            data.minimum,
        ) % {"n": data.minimum}
    return text
