"""The advice report's comparison of the roles of one team, on the questions all roles answered."""

from __future__ import annotations

from typing import Any

from reportlab.lib.styles import StyleSheet1
from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, KeepTogether, PageBreak

from quickscan import comparison, scoring
from quickscan import report_layout as layout
from quickscan.report_compare import scan_line, shared_text, side
from resources import i18n, pdf
from resources.bars import Bar
from resources.i18n import _

#: How many themes get their own roles chart, and how many shared questions are listed.
ROLE_CHARTS = 3
QUESTION_ROWS = 8


def role_spreads(data: layout.ReportData) -> tuple[comparison.SharedTheme, ...]:
    """The roles compared per theme on the questions every role answered, largest gap first."""
    assert data.roles is not None
    sides = [side(role, scan) for role, scan in data.roles.items()]
    return comparison.by_spread(comparison.compare(sides))


def _role_score(spread: comparison.SharedTheme, role: str) -> str:
    if not spread.enough:
        return "–"
    return layout.score_text(spread.score(role))


def roles_section(data: layout.ReportData) -> list[Any]:
    """The latest scan of each role in the team side by side, largest difference first."""
    assert data.roles is not None
    sheet = layout.sheet()
    team = data.scan.response.team
    if team:
        which = _("Per rol de nieuwste afgeronde scan van %(team)s.") % {"team": team}
    else:
        which = _("Per rol de nieuwste afgeronde scan zonder team.")
    intro = _(
        "Voor de rol van dit rapport staat deze scan erin. Zo ziet u waar de rollen het werk "
        "anders zien."
    )
    story: list[Any] = [
        PageBreak(),
        layout.para(_("De rollen naast elkaar"), sheet["h1"]),
        layout.para(which + " " + intro, sheet["body"]),
    ]
    scans = [
        [layout.para(text, sheet["cell_head"]) for text in (_("Rol"), _("Scan"))]
    ] + [
        [layout.para(data.role_label(role), sheet["cell"]), layout.para(scan_line(data, scan), sheet["cell"])]
        for role, scan in data.roles.items()
    ]  # fmt: skip
    story.append(layout.table(scans, (45 * mm, layout.TEXT_WIDTH - 45 * mm)))
    if len(data.roles) < 2:
        story.append(
            layout.para(
                _(
                    "Er is nog geen afgeronde scan van een andere rol in dit team. Vraag ook een "
                    "andere rol om de scan in te vullen; dan ziet u hier de verschillen."
                ),
                sheet["body"],
            )
        )
        return story
    spreads = role_spreads(data)
    story.append(
        layout.para(
            _(
                "Elke rol telt hier alleen de vragen die alle rollen hebben beantwoord. Zo "
                "vergelijkt u hetzelfde. Per thema staat op hoeveel vragen dat rust."
            ),
            sheet["body"],
        )
    )
    story += _spread_words(data, spreads, sheet)
    story += _spread_table(data, spreads, sheet)
    story += _spread_charts(data, spreads, sheet)
    story += _question_differences(data, sheet)
    return story


def _spread_words(
    data: layout.ReportData, spreads: tuple[comparison.SharedTheme, ...], sheet: StyleSheet1
) -> list[Any]:
    """The largest difference, in one plain sentence."""
    top = spreads[0] if spreads and spreads[0].spread is not None else None
    if top is None or top.highest is None or top.lowest is None:
        return [
            layout.para(_("Er zijn te weinig scores om de rollen te vergelijken."), sheet["body"])
        ]
    scores = dict(top.scores)
    text = _(
        "Het grootste verschil zit bij %(title)s: %(high)s geeft %(high_score)s, "
        "%(low)s geeft %(low_score)s (%(spread)s punten verschil, op %(n)d dezelfde vragen)."
    ) % {
        "n": top.count,
        "title": data.theme_title(top.theme),
        "high": data.role_label(top.highest),
        "high_score": layout.score_text(scores[top.highest]),
        "low": data.role_label(top.lowest),
        "low_score": layout.score_text(scores[top.lowest]),
        "spread": i18n.format_number(top.spread or 0),
    }
    return [layout.para(text, sheet["lead"])]


def _spread_table(
    data: layout.ReportData, spreads: tuple[comparison.SharedTheme, ...], sheet: StyleSheet1
) -> list[Any]:
    assert data.roles is not None
    roles = list(data.roles)
    header = [_("Thema"), *(data.role_label(role) for role in roles), _("Verschil")]
    rows: list[list[Any]] = [[layout.para(text, sheet["cell_head"]) for text in header]]
    for spread in spreads:
        rows.append(
            [
                [
                    layout.para(data.theme_title(spread.theme), sheet["cell"]),
                    layout.para(shared_text(spread.count), sheet["cell_small"]),
                ],
                *(layout.para(_role_score(spread, role), sheet["cell"]) for role in roles),
                layout.para(
                    "" if spread.spread is None else i18n.format_number(spread.spread),
                    sheet["cell_bold"],
                ),
            ]
        )
    first, last = 48 * mm, 16 * mm
    each = (layout.TEXT_WIDTH - first - last) / len(roles)
    return [
        layout.para(_("Score per thema en per rol, grootste verschil eerst"), sheet["h2"]),
        layout.table(rows, (first, *([each] * len(roles)), last)),
    ]


def _spread_charts(
    data: layout.ReportData, spreads: tuple[comparison.SharedTheme, ...], sheet: StyleSheet1
) -> list[Any]:
    """A small chart per theme where the roles differ most: one bar per role."""
    shown = [s for s in spreads if s.spread][:ROLE_CHARTS]
    if not shown:
        return []
    story: list[Any] = [
        CondPageBreak(60 * mm),
        layout.para(_("Waar de rollen het meest verschillen"), sheet["h2"]),
    ]
    for spread in shown:
        bars = [
            Bar(data.role_label(role), score or 0.0, layout.score_text(score))
            for role, score in spread.scores
        ]
        story.append(
            KeepTogether(
                [
                    layout.para(data.theme_title(spread.theme), sheet["h3"]),
                    pdf.bar_chart(
                        bars, maximum=100, width=layout.TEXT_WIDTH - 10 * mm, label_width=62 * mm
                    ),
                ]
            )
        )
    return story


def _question_differences(data: layout.ReportData, sheet: StyleSheet1) -> list[Any]:
    """The shared questions the roles answered most differently."""
    assert data.roles is not None
    roles = list(data.roles)
    values = {
        role: {qid: answer.value for qid, answer in scan.answers.items()}
        for role, scan in data.roles.items()
    }
    spreads = [
        s
        for s in scoring.compare_answers(data.questionnaire, values)
        if s.spread and data.questionnaire.question(s.question) is not None
    ][:QUESTION_ROWS]
    story: list[Any] = [
        CondPageBreak(50 * mm),
        layout.para(_("Vragen waarover de rollen het meest verschillen"), sheet["h2"]),
    ]
    if not spreads:
        story.append(
            layout.para(
                _("Op de vragen voor alle rollen gaven de rollen dezelfde antwoorden."),
                sheet["body"],
            )
        )
        return story
    header = [_("Vraag"), *(data.role_label(role) for role in roles)]
    rows: list[list[Any]] = [[layout.para(text, sheet["cell_head"]) for text in header]]
    for spread in spreads:
        question = data.questionnaire.question(spread.question)
        assert question is not None
        rows.append(
            [
                [
                    layout.para(data.text(question.text), sheet["cell"]),
                    layout.para(data.theme_title(question.theme), sheet["cell_small"]),
                ],
                *(
                    layout.para(
                        data.answer_label(data.roles[role].answers.get(spread.question)),
                        sheet["cell"],
                    )
                    for role in roles
                ),
            ]
        )
    first = 64 * mm
    each = (layout.TEXT_WIDTH - first) / len(roles)
    story.append(layout.table(rows, (first, *([each] * len(roles)))))
    return story
