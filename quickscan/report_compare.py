"""The advice report's comparison with an earlier scan, on the questions answered both times."""

from __future__ import annotations

from typing import Any

from reportlab.lib.styles import StyleSheet1
from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, PageBreak

from quickscan import comparison, scoring
from quickscan import report_layout as layout
from resources import i18n, pdf
from resources.bars import Bar
from resources.i18n import _, ngettext


def _signed(change: float) -> str:
    """A change in points with its sign: '+12,5', '-3', '0'."""
    text = i18n.format_number(abs(change))
    if change > 0:
        return "+" + text
    if change < 0:
        return "\u2212" + text
    return text


def side(key: str, scan: layout.ScanData) -> comparison.Side:
    """A scan as one side of a comparison."""
    answers = {qid: answer.value for qid, answer in scan.answers.items()}
    return comparison.Side(key, scan.questionnaire, scan.response.role, answers)


def shared_changes(data: layout.ReportData) -> tuple[comparison.SharedTheme, ...]:
    """The earlier scan and this one, compared per theme on the questions both answered."""
    assert data.earlier is not None
    return comparison.compare([side("before", data.earlier), side("after", data.scan)])


def _as_change(
    data: layout.ReportData, theme: str, before: float | None, after: float | None
) -> scoring.ThemeChange:
    """Two scores as a change with bands (the bands of this scan's questionnaire)."""

    def band(score: float | None) -> str | None:
        return None if score is None else data.questionnaire.band_for(score).id

    return scoring.ThemeChange(theme, before, after, band(before), band(after))


def shared_text(count: int) -> str:
    """'2 vragen' or 'te weinig gedeelde vragen (1)': what a compared theme rests on."""
    if count < comparison.MIN_SHARED:
        return _("te weinig gedeelde vragen (%(n)d)") % {"n": count}
    return ngettext("%(n)d vraag", "%(n)d vragen", count) % {"n": count}


def _in_words(data: layout.ReportData, change: scoring.ThemeChange) -> str:
    """One theme's change in plain words."""
    if change.before is None and change.after is None:
        return _("niet te vergelijken: te weinig vragen die beide keren zijn beantwoord")
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


def scan_line(data: layout.ReportData, scan: layout.ScanData) -> str:
    """'scan 3 of 12 March 2026 (Klantmanager, anoniem)'."""
    response = scan.response
    return _("scan %(id)d van %(date)s (%(role)s, %(who)s)") % {
        "id": response.id,
        "date": i18n.date_text(layout.scan_date(response, data.completed_on)),
        "role": data.role_label(response.role),
        "who": response.respondent or _("anoniem"),
    }


def earlier_section(data: layout.ReportData) -> list[Any]:
    """The change per theme since the earlier scan: chart, table and the main moves in words."""
    assert data.earlier is not None
    sheet = layout.sheet()
    now, before = data.scan, data.earlier
    shared = shared_changes(data)
    changes = tuple(
        _as_change(data, theme.theme, theme.score("before"), theme.score("after"))
        for theme in shared
    )
    counts = {theme.theme: theme.count for theme in shared}
    story: list[Any] = [
        PageBreak(),
        layout.para(_("Vergelijking met een eerdere scan"), sheet["h1"]),
        layout.para(
            _("Deze scan: %(now)s. Eerdere scan: %(before)s.")
            % {"now": scan_line(data, now), "before": scan_line(data, before)},
            sheet["body"],
        ),
        layout.para(
            _(
                "We vergelijken alleen de vragen die beide keren zijn beantwoord, met dezelfde "
                "tekst. Per thema staat op hoeveel vragen de vergelijking rust."
            ),
            sheet["body"],
        ),
    ]
    if before.response.questionnaire_version != now.response.questionnaire_version:
        story.append(
            layout.para(
                _("Let op: de scans gebruiken versie %(before)s en %(now)s van de vragenlijst.")
                % {
                    "before": before.response.questionnaire_version,
                    "now": now.response.questionnaire_version,
                },
                sheet["body"],
            )
        )
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
    compared = [c for c in changes if c.before is not None and c.after is not None]
    if compared:
        # The total over the compared themes only, each on its shared questions.
        total_before = round(sum(c.before or 0.0 for c in compared) / len(compared), 1)
        total_after = round(sum(c.after or 0.0 for c in compared) / len(compared), 1)
        overall = _as_change(data, "", total_before, total_after)
        story.append(
            layout.para(
                _("Totaal van de vergeleken thema's: van %(before)s naar %(now)s (%(words)s).")
                % {
                    "before": layout.score_text(total_before),
                    "now": layout.score_text(total_after),
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
         (_("Thema"), _("Vragen"), _("Eerder"), _("Nu"), _("Verschil"), _("In woorden"))]
    ]  # fmt: skip
    for change in changes:
        difference = "" if change.change is None else _signed(change.change)
        rows.append(
            [
                layout.para(data.theme_title(change.theme), sheet["cell"]),
                layout.para(shared_text(counts[change.theme]), sheet["cell"]),
                layout.para(layout.score_cell(change.before), sheet["cell"]),
                layout.para(layout.score_cell(change.after), sheet["cell"]),
                layout.para(difference, sheet["cell"]),
                layout.para(_in_words(data, change), sheet["cell"]),
            ]
        )
    story.append(layout.table(rows, (46 * mm, 24 * mm, 18 * mm, 18 * mm, 18 * mm, 46 * mm)))
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
                "%(n)d thema is niet te vergelijken: te weinig gedeelde vragen.",
                "%(n)d thema's zijn niet te vergelijken: te weinig gedeelde vragen.",
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
