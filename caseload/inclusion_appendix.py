"""The pages after the caseload figures in the inclusion report: the team's quickscans side by
side, the key figures by origin (only when origin is switched on), and the definitions.
"""

from __future__ import annotations

from typing import Any

from reportlab.lib.styles import StyleSheet1
from reportlab.lib.units import mm

from caseload import inclusion
from caseload import inclusion_cells as cells
from caseload import inclusion_cover as cover
from caseload import report_pdf as rp
from caseload.inclusion_sections import ReportData, of
from resources import i18n
from resources.i18n import _, ngettext


def quickscans(data: ReportData, styles: StyleSheet1) -> list[Any]:
    """The team's newest scans per role side by side, largest differences first."""
    story: list[Any] = [rp.para(_("Quickscan Diversiteit per rol"), styles["h1"])]
    scans = data.figures.quickscans
    if scans is None:
        story.append(
            rp.para(
                (
                    _("Er is nog geen afgeronde quickscan van dit team of zonder team.")
                    if data.figures.period.team
                    else _("Er is nog geen afgeronde quickscan.")
                )
                + " "
                + _(
                    "Laat een klantmanager, een beleidsmedewerker en een manager de scan "
                    "invullen. Dan ziet u hier waar zij verschillend over denken."
                ),
                styles["body"],
            )
        )
        return story
    roles = ", ".join(
        _("%(role)s (%(team)s, %(date)s)")
        % {
            "role": scan.label,
            "team": scan.team or _("zonder team"),
            "date": i18n.date_text(scan.completed_on) if scan.completed_on else "?",
        }
        for scan in scans.roles
    )
    story += [
        rp.para(
            _(
                "De nieuwste afgeronde scan per rol: %(roles)s. Score van 0 tot 100 per thema. "
                "De thema's met het grootste verschil tussen de rollen staan bovenaan."
            )
            % {"roles": roles},
            styles["body"],
        ),
        rp.gap(2),
    ]
    role_width = 34 * mm if len(scans.roles) <= 3 else 26 * mm
    spread_width = 20 * mm
    widths = [rp.TEXT_WIDTH - role_width * len(scans.roles) - spread_width]
    widths += [role_width] * len(scans.roles) + [spread_width]
    rows: list[list[str]] = [[_("Thema"), *(scan.label for scan in scans.roles), _("Verschil")]]
    for theme in scans.themes:
        shared = ngettext("%(n)d gedeelde vraag", "%(n)d gedeelde vragen", theme.shared) % {
            "n": theme.shared
        }
        rows.append(
            [
                f"{theme.title} ({shared})",
                *(_score(score) for score in theme.scores),
                "–" if theme.spread is None else i18n.format_number(theme.spread),
            ]
        )
    numbers = tuple(range(1, len(scans.roles) + 2))
    story.append(
        rp.text_table(rows, widths, styles, align_right=numbers, header_style="cell_head_small")
    )
    story.append(
        rp.para(
            _(
                "Elke rol telt alleen de vragen die alle rollen hebben beantwoord; het aantal "
                "staat bij het thema. Verschil: de hoogste min de laagste score. "
                "'Onvoldoende zicht': te weinig gedeelde vragen voor een score. "
                "Vragenlijst: %(title)s."
            )
            % {"title": scans.questionnaire},
            styles["note"],
        )
    )
    return story


def _score(score: float | None) -> str:
    return _("onvoldoende zicht") if score is None else i18n.format_number(score)


def origin(data: ReportData, styles: StyleSheet1) -> list[Any]:
    """The key figures per origin group, only in aggregate."""
    groups = data.figures.origin or ()
    rows: list[list[str]] = [
        [
            _("Herkomst"),
            _("In de periode"),
            _("Aan het eind"),
            _("Naar werk"),
            _("Gestegen"),
            _("Te lang geen contact"),
        ]
    ]
    keys = [(inclusion.ORIGIN_GROUPS.label(code), code) for code, _group in groups]
    for label, code in keys:
        rows.append(
            [
                label,
                data.count(cells.origin(code, cells.IN_PERIOD)),
                data.count(cells.origin(code, cells.AT_END)),
                data.count_share(cells.origin(code, "work"), cells.origin(code, cells.IN_PERIOD)),
                of(data, cells.origin(code, cells.ROSE), cells.origin(code, cells.MEASURED)),
                data.count_share(
                    cells.origin(code, cells.OVERDUE), cells.origin(code, cells.AT_END)
                ),
            ]
        )
    rows.append(
        [
            _("Alle klanten"),
            data.count(cells.IN_PERIOD),
            data.count(cells.AT_END),
            data.count_share(cells.reason(cells.WORK_REASON), cells.IN_PERIOD),
            of(data, cells.ROSE, cells.MEASURED),
            data.count_share(cells.OVERDUE, cells.AT_END),
        ]
    )
    widths = [42 * mm, 21 * mm, 21 * mm, 25 * mm, 35 * mm]
    widths.append(rp.TEXT_WIDTH - sum(widths))
    return [
        rp.para(_("Kerncijfers naar herkomst"), styles["h1"]),
        rp.para(
            _(
                "De gemeente heeft een wettelijk doel vastgelegd om herkomst te registreren. "
                "Herkomst staat hier alleen in groepen, nooit per klant, en is nooit een "
                "risicosignaal. De indeling volgt het CBS: migrant (zelf in het buitenland "
                "geboren) of kind van migrant(en), en het werelddeel van herkomst."
            ),
            styles["body"],
        ),
        rp.gap(2),
        rp.text_table(rows, widths, styles, align_right=(1, 2, 3, 4, 5)),
        rp.para(
            _(
                "Naar werk: deel van de klanten in de periode. Gestegen: van wie twee metingen "
                "heeft. Te lang geen contact: deel van de klanten aan het eind. 'Verborgen': "
                "een te kleine groep, of een deel van een te kleine groep."
            ),
            styles["note"],
        ),
    ]


def definitions(data: ReportData, styles: StyleSheet1) -> list[Any]:
    """How each figure is counted, the protection rule and the data source."""
    threshold = data.figures.contacts.threshold_days
    items = [
        (
            _("Klant in de periode"),
            _(
                "De begeleiding begon op of voor de laatste dag en was niet afgesloten voor de "
                "eerste dag. De start is de startdatum van de begeleiding (of de dag van "
                "invoeren als die er niet is)."
            ),
        ),
        (
            _("Begin en eind"),
            _(
                "In begeleiding bij het begin: begonnen voor de eerste dag. Instroom: begonnen "
                "in de periode. Uitstroom: afgesloten in de periode. In begeleiding aan het "
                "eind: niet afgesloten op of voor de laatste dag."
            ),
        ),
        (
            _("Trede"),
            _(
                "De nieuwste meting op de participatieladder op of voor die dag. Zonder meting "
                "telt de klant als 'nog geen meting'."
            ),
        ),
        (
            _("Gestegen, gelijk, gedaald"),
            _(
                "Van de meting op of voor de eerste dag (of anders de eerste meting in de "
                "periode) naar de laatste meting in de periode. Alleen klanten met twee "
                "verschillende metingen tellen mee."
            ),
        ),
        (
            _("Obstakels"),
            _(
                "Klanten met een obstakel dat begon op of voor de laatste dag en niet was "
                "opgelost voor de eerste dag. Opgelost: de datum van oplossen ligt in de periode."
            ),
        ),
        (
            _("Contact"),
            ngettext(
                "Per klant met minstens twee contacten in de periode: dagen van het eerste tot "
                "het laatste contact, gedeeld door het aantal tussenpozen; daarvan de mediaan. "
                "Te lang geen contact: op de laatste dag meer dan %(n)d dag sinds het laatste "
                "contact, of nog nooit contact.",
                "Per klant met minstens twee contacten in de periode: dagen van het eerste tot "
                "het laatste contact, gedeeld door het aantal tussenpozen; daarvan de mediaan. "
                "Te lang geen contact: op de laatste dag meer dan %(n)d dagen sinds het laatste "
                "contact, of nog nooit contact.",
                threshold,
            )
            % {"n": threshold},
        ),
        (
            _("Acties"),
            _(
                "Klanten bij wie een actie van die soort begon in de periode. Afgerond: die "
                "actie heeft nu de status afgerond."
            ),
        ),
        (
            _("Kleine groepen"),
            ngettext(
                "Een groep van minder dan %(n)d klant (maar niet 0) is verborgen en alles "
                "binnen die groep ook. Een 0 wordt getoond. Alle andere aantallen zijn precies.",
                "Een groep van minder dan %(n)d klanten (maar niet 0) is verborgen en alles "
                "binnen die groep ook. Een 0 wordt getoond. Alle andere aantallen zijn afgerond "
                "op een veelvoud van %(n)d, met de celsleutelmethode van de statistiekbureaus van "
                "Australië, het Verenigd Koninkrijk en Duitsland: elke klant heeft een vast "
                "geheim getal; dezelfde groep klanten wordt daardoor altijd op dezelfde "
                "manier afgerond, in elk rapport en elke bundel. Een som of verschil van getallen "
                "uit rapporten is daarom altijd een veelvoud van %(n)d: een kleine groep is zo "
                "niet precies uit te rekenen. Wel kan een schatting dichtbij komen.",
                data.minimum,
            )
            % {"n": data.minimum}
            if data.bundled is None
            else cover.bundled_rounding(data),
        ),
    ]
    if data.shown.withheld:  # a count with '(verborgen)' beside it is in this report
        items.append(
            (
                _("Percentage verborgen"),
                _(
                    "Is een deel van een geheel verborgen (bijvoorbeeld Gedaald naast Gestegen "
                    "en Gelijk gebleven), dan staat bij het kleinste andere deel het aantal met "
                    "‘(verborgen)’ in plaats van het percentage: anders zou 100% min de andere "
                    "percentages het verborgen deel laten zien."
                ),
            )
        )
    items += [
        (
            _("Bron"),
            _(
                "De caseload in Trede van %(municipality)s, zoals die was op %(date)s. "
                "Percentages zijn afgerond op hele procenten."
            )
            % {
                "municipality": data.municipality,
                "date": i18n.date_text(data.made_on),
            },
        ),
    ]
    story: list[Any] = [rp.para(_("Definities en werkwijze"), styles["h1"])]
    for label, text in items:
        story.append(rp.bold_lead(label + ":", text, styles["body"]))
        story.append(rp.gap(1.5))
    return story
