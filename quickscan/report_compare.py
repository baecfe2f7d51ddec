"""The advice report's comparisons: with an earlier scan, and between the roles of one team."""

from __future__ import annotations

from typing import Any

from reportlab.lib.styles import StyleSheet1
from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, KeepTogether, PageBreak

from quickscan import report_layout as layout
from quickscan import scoring
from resources import i18n, pdf
from resources.bars import Bar
from resources.i18n import _, ngettext

#: How many themes get their own roles chart, and how many shared questions are listed.
ROLE_CHARTS = 3
QUESTION_ROWS = 8


def _signed(change: float) -> str:
    """A change in points with its sign: '+12,5', '-3', '0'."""
    text = i18n.format_number(abs(change))
    if change > 0:
        return "+" + text
    if change < 0:
        return "\u2212" + text
    return text


def _in_words(data: layout.ReportData, change: scoring.ThemeChange) -> str:
    """One theme's change in plain words."""
    if change.before is None and change.after is None:
        return _("niet te vergelijken: beide keren onvoldoende zicht")
    if change.before is None:
        return _("eerder onvoldoende zicht, nu wel een score")
    if change.after is None:
        return _("eerder wel een score, nu onvoldoende zicht")
    points = change.change or 0.0
    if points > 0:
        words = _("%(points)s punten hoger") % {"points": i18n.format_number(points)}
    elif points < 0:
        words = _("%(points)s punten lager") % {"points": i18n.format_number(-points)}
    else:
        words = _("gelijk gebleven")
    if change.band_before != change.band_after:
        words += ", " + _("van %(before)s naar %(after)s") % {
            "before": data.band_label(change.band_before),
            "after": data.band_label(change.band_after),
        }
    return words


def _scan_line(data: layout.ReportData, scan: layout.ScanData) -> str:
    """'scan 3 of 12 March 2026 (Klantmanager, anoniem)'."""
    response = scan.response
    return _("scan %(id)d van %(date)s (%(role)s, %(who)s)") % {
        "id": response.id,
        "date": i18n.format_date(layout.scan_date(response, data.completed_on), "long"),
        "role": data.role_label(response.role),
        "who": response.respondent or _("anoniem"),
    }


def earlier_section(data: layout.ReportData) -> list[Any]:
    """The change per theme since the earlier scan: chart, table and the main moves in words."""
    assert data.earlier is not None
    sheet = layout.sheet()
    now, before = data.scan, data.earlier
    changes = scoring.compare(before.result, now.result)
    story: list[Any] = [
        PageBreak(),
        layout.para(_("Vergelijking met een eerdere scan"), sheet["h1"]),
        layout.para(
            _("Deze scan: %(now)s. Eerdere scan: %(before)s.")
            % {"now": _scan_line(data, now), "before": _scan_line(data, before)},
            sheet["body"],
        ),
    ]
    if before.response.role != now.response.role:
        story.append(
            layout.para(
                _(
                    "Let op: de scans zijn door verschillende rollen ingevuld. Een verschil kan "
                    "dus ook komen doordat de rollen het werk anders zien."
                ),
                sheet["body"],
            )
        )
    if now.result.overall is not None and before.result.overall is not None:
        overall = scoring.ThemeChange(
            "", before.result.overall, now.result.overall,
            before.result.overall_band, now.result.overall_band,
        )  # fmt: skip
        story.append(
            layout.para(
                _("Totaalscore: van %(before)s naar %(now)s (%(words)s).")
                % {
                    "before": layout.score_text(before.result.overall),
                    "now": layout.score_text(now.result.overall),
                    "words": _in_words(data, overall),
                },
                sheet["lead"],
            )
        )
    story += _moves(data, changes, sheet)
    bars = [
        Bar(
            label=data.theme_title(change.theme),
            value=change.after or 0.0,
            text=layout.score_text(change.after),
            compare_value=change.before or 0.0,
            compare_text=_("eerder: %(score)s") % {"score": layout.score_text(change.before)},
        )
        for change in changes
    ]
    story += [
        CondPageBreak(90 * mm),
        layout.para(_("Score per thema, nu en eerder"), sheet["h2"]),
        pdf.bar_chart(bars, maximum=100, width=layout.TEXT_WIDTH - 10 * mm, label_width=62 * mm),
        layout.para(
            _("Donkere balk: deze scan. Lichte balk: de eerdere scan (nummer %(id)d).")
            % {"id": before.response.id},
            sheet["note"],
        ),
    ]
    rows: list[list[Any]] = [
        [layout.para(text, sheet["cell_head"]) for text in
         (_("Thema"), _("Eerder"), _("Nu"), _("Verschil"), _("In woorden"))]
    ]  # fmt: skip
    for change in changes:
        difference = "" if change.change is None else _signed(change.change)
        rows.append(
            [
                layout.para(data.theme_title(change.theme), sheet["cell"]),
                layout.para(layout.score_cell(change.before), sheet["cell"]),
                layout.para(layout.score_cell(change.after), sheet["cell"]),
                layout.para(difference, sheet["cell"]),
                layout.para(_in_words(data, change), sheet["cell"]),
            ]
        )
    story.append(layout.table(rows, (55 * mm, 22 * mm, 22 * mm, 19 * mm, 52 * mm)))
    return story


def _moves(
    data: layout.ReportData, changes: tuple[scoring.ThemeChange, ...], sheet: StyleSheet1
) -> list[Any]:
    """How many themes went up, down or stayed, and the biggest rise and fall."""
    known = [c for c in changes if c.change is not None]
    up = [c for c in known if (c.change or 0) > 0]
    down = [c for c in known if (c.change or 0) < 0]
    same = len(known) - len(up) - len(down)
    lines = [
        ngettext("%(n)d thema scoort hoger.", "%(n)d thema's scoren hoger.", len(up))
        % {"n": len(up)},
        ngettext("%(n)d thema scoort lager.", "%(n)d thema's scoren lager.", len(down))
        % {"n": len(down)},
        ngettext("%(n)d thema is gelijk gebleven.", "%(n)d thema's zijn gelijk gebleven.", same)
        % {"n": same},
    ]
    missing = len(changes) - len(known)
    if missing:
        lines.append(
            ngettext(
                "%(n)d thema is niet te vergelijken door onvoldoende zicht.",
                "%(n)d thema's zijn niet te vergelijken door onvoldoende zicht.",
                missing,
            )
            % {"n": missing}
        )
    if up:
        best = max(up, key=lambda c: c.change or 0)
        lines.append(
            _("De grootste stijging: %(title)s (%(change)s punten).")
            % {"title": data.theme_title(best.theme), "change": _signed(best.change or 0)}
        )
    if down:
        worst = min(down, key=lambda c: c.change or 0)
        lines.append(
            _("De grootste daling: %(title)s (%(change)s punten).")
            % {"title": data.theme_title(worst.theme), "change": _signed(worst.change or 0)}
        )
    return [layout.para(line, sheet["bullet"], bullet="•") for line in lines]


def _role_score(result: scoring.ScanResult, theme_id: str) -> str:
    theme = result.theme(theme_id)
    if theme is None:
        return _("niet gevraagd")
    return layout.score_text(theme.score)


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
        [layout.para(data.role_label(role), sheet["cell"]), layout.para(_scan_line(data, scan), sheet["cell"])]
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
    spreads = scoring.compare_roles({role: scan.result for role, scan in data.roles.items()})
    story += _spread_words(data, spreads, sheet)
    story += _spread_table(data, spreads, sheet)
    story += _spread_charts(data, spreads, sheet)
    story += _question_differences(data, sheet)
    return story


def _spread_words(
    data: layout.ReportData, spreads: tuple[scoring.RoleSpread, ...], sheet: StyleSheet1
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
        "%(low)s geeft %(low_score)s (%(spread)s punten verschil)."
    ) % {
        "title": data.theme_title(top.theme),
        "high": data.role_label(top.highest),
        "high_score": layout.score_text(scores[top.highest]),
        "low": data.role_label(top.lowest),
        "low_score": layout.score_text(scores[top.lowest]),
        "spread": i18n.format_number(top.spread or 0),
    }
    return [layout.para(text, sheet["lead"])]


def _spread_table(
    data: layout.ReportData, spreads: tuple[scoring.RoleSpread, ...], sheet: StyleSheet1
) -> list[Any]:
    assert data.roles is not None
    roles = list(data.roles)
    header = [_("Thema"), *(data.role_label(role) for role in roles), _("Verschil")]
    rows: list[list[Any]] = [[layout.para(text, sheet["cell_head"]) for text in header]]
    for spread in spreads:
        rows.append(
            [
                layout.para(data.theme_title(spread.theme), sheet["cell"]),
                *(
                    layout.para(_role_score(data.roles[role].result, spread.theme), sheet["cell"])
                    for role in roles
                ),
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
    data: layout.ReportData, spreads: tuple[scoring.RoleSpread, ...], sheet: StyleSheet1
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
