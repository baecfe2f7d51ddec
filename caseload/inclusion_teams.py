"""The page of the inclusion report that puts the teams side by side, with the municipality.

Every team's counts are protected like every other count (:mod:`caseload.protection`), each
by its own cell key, so the teams' printed counts add up to the municipality's printed count
only within the rounding: at most (number of teams + 1) × (minimum − 1) apart.
"""

from __future__ import annotations

from typing import Any

from reportlab.lib.styles import StyleSheet1
from reportlab.lib.units import mm

from caseload import inclusion_cells as cells
from caseload import inclusion_sections as sections
from caseload import report_pdf as rp
from resources.i18n import _


def team_label(name: str) -> str:
    """A team's name, or 'Zonder team' for the clients without one."""
    return name or _("Zonder team")


def shown(data: sections.ReportData) -> bool:
    """Whether the report has teams to compare: a report of every team with two or more."""
    return len(data.figures.teams or ()) > 1


def teams_section(data: sections.ReportData, styles: StyleSheet1) -> list[Any]:
    """One row per team and one for the whole municipality, and the risers per team."""
    header = [
        _("Team"),
        _("In de periode"),
        _("Aan het eind"),
        _("Naar werk"),
        _("Gestegen"),
        _("Te lang geen contact"),
    ]
    rows: list[list[str]] = [header]
    for name, _group in data.figures.teams or ():
        rows.append(
            [
                team_label(name),
                data.count(cells.team(name, cells.IN_PERIOD)),
                data.count(cells.team(name, cells.AT_END)),
                data.count_share(cells.team(name, "work"), cells.team(name, cells.IN_PERIOD)),
                sections.of(data, cells.team(name, cells.ROSE), cells.team(name, cells.MEASURED)),
                data.count_share(cells.team(name, cells.OVERDUE), cells.team(name, cells.AT_END)),
            ]
        )
    rows.append(
        [
            _("Hele gemeente"),
            data.count(cells.IN_PERIOD),
            data.count(cells.AT_END),
            data.count_share(cells.reason(cells.WORK_REASON), cells.IN_PERIOD),
            sections.of(data, cells.ROSE, cells.MEASURED),
            data.count_share(cells.OVERDUE, cells.AT_END),
        ]
    )
    widths = [38 * mm, 20 * mm, 20 * mm, 22 * mm, 42 * mm]
    widths.append(rp.TEXT_WIDTH - sum(widths))
    risers = [
        data.bar(
            team_label(name),
            cells.team(name, cells.ROSE),
            cells.team(name, cells.MEASURED),
        )
        for name, _group in data.figures.teams or ()
    ]
    risers.append(data.bar(_("Hele gemeente"), cells.ROSE, cells.MEASURED))
    return [
        rp.para(_("Teams naast elkaar"), styles["h1"]),
        rp.para(
            _(
                "Elk team met zijn eigen cijfers, en de hele gemeente. Elk getal is apart "
                "afgerond; daardoor is de som van de teams soms iets anders dan het getal van de "
                "hele gemeente."
            ),
            styles["body"],
        ),
        rp.gap(2),
        # A team's name on one line: 'Team Werkgeversservice' is one name.
        rp.text_table(rows, widths, styles, align_right=(1, 2, 3, 4, 5), whole=(0,)),
        rp.para(
            _(
                "Naar werk: deel van de klanten in de periode. Gestegen: van wie twee metingen "
                "heeft. Te lang geen contact: deel van de klanten aan het eind."
            ),
            styles["note"],
        ),
        rp.para(_("Gestegen op de ladder, per team"), styles["h2"]),
        sections.chart(risers),
        rp.para(
            _("Bij elke balk: het aantal klanten en het deel van wie twee metingen heeft."),
            styles["note"],
        ),
    ]
