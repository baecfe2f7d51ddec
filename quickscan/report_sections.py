"""The advice report's front pages: cover, summary, priorities and the advice per theme."""

from __future__ import annotations

from typing import Any

from reportlab.lib.styles import StyleSheet1
from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, KeepTogether, PageBreak, Spacer

from quickscan import loader, scoring
from quickscan import questionnaire as model
from quickscan import report_layout as layout
from resources import i18n, pdf
from resources.bars import Bar
from resources.i18n import _, ngettext

#: A checkbox to tick in a meeting; the shipped font has it.
CHECKBOX = "\u2610"


def front(data: layout.ReportData) -> list[Any]:
    """Cover, summary, priorities and the advice per theme."""
    sheet = layout.sheet()
    return [
        *cover(data, sheet),
        PageBreak(),
        *summary(data, sheet),
        *priorities(data, sheet),
        PageBreak(),
        *themes(data, sheet),
    ]


def _is_bundled(data: layout.ReportData) -> bool:
    return data.questionnaire.id == loader.load_bundled().id


def cover(data: layout.ReportData, sheet: StyleSheet1) -> list[Any]:
    """Title, who and when, the questionnaire, and how to read the report."""
    response = data.scan.response
    questionnaire = data.questionnaire
    rows = [
        (_("Gemeente"), data.municipality),
        (_("Team"), response.team or _("geen team")),
        (_("Rol"), data.role_label(response.role)),
        (_("Ingevuld door"), response.respondent or _("anoniem")),
        (_("Afgerond op"), i18n.date_text(data.completed_on)),
        (
            _("Vragenlijst"),
            _("%(title)s (%(id)s, versie %(version)s)")
            % {
                "title": data.text(questionnaire.title),
                "id": questionnaire.id,
                "version": questionnaire.version,
            },
        ),
        (_("Scan"), _("nummer %(id)d") % {"id": response.id}),
    ]
    if _is_bundled(data):
        origin = _(
            "Deze vragenlijst is van Trede zelf. Hij is gemaakt op basis van openbare bronnen uit "
            "het programma Verdere Integratie op de Arbeidsmarkt (VIA). Het is niet de officiële "
            "Quickscan Diversiteit van het Verwey-Jonker Instituut."
        )
    else:
        origin = _("Deze vragenlijst is niet die van Trede zelf, maar een eigen vragenlijst.")
    bands = ", ".join(
        _("%(band)s %(start)s–%(end)s")
        % {
            "band": data.text(band.label),
            "start": i18n.format_number(band.start),
            "end": i18n.format_number(band.end),
        }
        for band in questionnaire.bands
    )
    reading = [
        _(
            "Elk thema krijgt een score van 0 tot 100. Hoe hoger de score, hoe inclusiever de "
            "begeleiding naar werk volgens de invuller."
        ),
        _("De niveaus zijn: %(bands)s.") % {"bands": bands},
        _(
            "'Weet niet' telt niet mee in de score. Is bij een thema meer dan "
            "%(share)s van de vragen met 'weet niet' beantwoord, dan staat er 'onvoldoende "
            "zicht'. Dat is zelf een uitkomst."
        )
        % {"share": i18n.format_percent(questionnaire.insufficient_view_threshold)},
        _("De thema's met de laagste score zijn de prioriteiten."),
    ]
    return [
        Spacer(1, 30 * mm),
        layout.para(_("Adviesrapport Quickscan Diversiteit"), sheet["title"]),
        layout.para(data.municipality, sheet["lead"]),
        Spacer(1, 8 * mm),
        layout.key_values(rows, sheet),
        Spacer(1, 6 * mm),
        layout.para(origin, sheet["body"]),
        Spacer(1, 10 * mm),
        layout.para(_("Hoe leest u dit rapport?"), sheet["h2"]),
        *(layout.para(line, sheet["bullet"], bullet="•") for line in reading),
    ]


def _unknown_count(theme: scoring.ThemeScore) -> int:
    """The questions of a theme without a view: 'weet niet' or no answer at all."""
    return theme.unknown + theme.unanswered


def summary(data: layout.ReportData, sheet: StyleSheet1) -> list[Any]:
    """Overall score, the chart of the theme scores, the priorities and the lack of view."""
    result = data.scan.result
    if result.overall is None:
        overall = _("Totaalscore: niet te berekenen, want bij elk thema is er onvoldoende zicht.")
    else:
        overall = _("Totaalscore: %(score)s van 100 · niveau %(band)s") % {
            "score": layout.score_text(result.overall),
            "band": data.band_label(result.overall_band),
        }
    bars = [
        Bar(
            label=data.theme_title(theme.theme),
            value=theme.score or 0.0,
            text=layout.score_text(theme.score),
        )
        for theme in result.themes
    ]
    rows: list[list[Any]] = [
        [
            layout.para(_("Thema"), sheet["cell_head"]),
            layout.para(_("Score"), sheet["cell_head"]),
            layout.para(_("Niveau"), sheet["cell_head"]),
            layout.para(_("'Weet niet'"), sheet["cell_head"]),
        ]
    ]
    for theme in result.themes:
        rows.append(
            [
                layout.para(data.theme_title(theme.theme), sheet["cell"]),
                layout.para(layout.score_cell(theme.score), sheet["cell"]),
                layout.para(data.band_label(theme.band), sheet["cell"]),
                layout.para(
                    _("%(n)d van %(total)d")
                    % {"n": _unknown_count(theme), "total": theme.questions},
                    sheet["cell"],
                ),
            ]
        )
    story: list[Any] = [
        layout.para(_("Samenvatting"), sheet["h1"]),
        layout.para(overall, sheet["lead"]),
        layout.para(_("Score per thema"), sheet["h2"]),
        pdf.bar_chart(bars, maximum=100, width=layout.TEXT_WIDTH - 10 * mm, label_width=62 * mm),
        layout.para(
            _(
                "Bij elke balk staat de score (0 tot 100). Bij 'onvoldoende zicht' is er geen score."
            ),
            sheet["note"],
        ),
        layout.table(rows, (78 * mm, 22 * mm, 40 * mm, 30 * mm)),
        *_priority_list(data, sheet),
        *_view_finding(data, sheet),
    ]
    return story


def _priority_list(data: layout.ReportData, sheet: StyleSheet1) -> list[Any]:
    result = data.scan.result
    story: list[Any] = [CondPageBreak(40 * mm), layout.para(_("Prioriteiten"), sheet["h2"])]
    if not result.priorities:
        story.append(
            layout.para(
                _("Er zijn geen prioriteiten: geen enkel thema heeft een score."), sheet["body"]
            )
        )
        return story
    story.append(layout.para(_("Deze thema's hebben de laagste score. Begin hier."), sheet["body"]))
    for number, theme_id in enumerate(result.priorities, start=1):
        theme = result.theme(theme_id)
        assert theme is not None
        line = _("%(title)s: %(score)s · %(band)s") % {
            "title": data.theme_title(theme_id),
            "score": layout.score_text(theme.score),
            "band": data.band_label(theme.band),
        }
        story.append(layout.para(line, sheet["numbered"], bullet=f"{number}."))
    return story


def _view_finding(data: layout.ReportData, sheet: StyleSheet1) -> list[Any]:
    """Many 'weet niet' answers are a finding of their own: say where and how many."""
    result = data.scan.result
    total = sum(theme.questions for theme in result.themes)
    unknown = sum(theme.unknown for theme in result.themes)
    story: list[Any] = [CondPageBreak(35 * mm), layout.para(_("Zicht op de thema's"), sheet["h2"])]
    story.append(
        layout.para(
            ngettext(
                "De invuller koos bij %(n)d van de %(total)d vragen 'weet niet'.",
                "De invuller koos bij %(n)d van de %(total)d vragen 'weet niet'.",
                unknown,
            )
            % {"n": unknown, "total": total},
            sheet["body"],
        )
    )
    if not result.insufficient_view:
        story.append(
            layout.para(
                _("Bij elk thema was er genoeg zicht om een score te geven."), sheet["body"]
            )
        )
        return story
    story.append(
        layout.para(
            ngettext(
                "Bij %(n)d thema is er onvoldoende zicht. Dat is zelf een uitkomst: wie dit "
                "thema moet beoordelen, weet te weinig van wat er gebeurt.",
                "Bij %(n)d thema's is er onvoldoende zicht. Dat is zelf een uitkomst: wie deze "
                "thema's moet beoordelen, weet te weinig van wat er gebeurt.",
                len(result.insufficient_view),
            )
            % {"n": len(result.insufficient_view)},
            sheet["body"],
        )
    )
    for theme_id in result.insufficient_view:
        theme = result.theme(theme_id)
        assert theme is not None
        line = _("%(title)s: bij %(n)d van de %(total)d vragen 'weet niet' of geen antwoord") % {
            "title": data.theme_title(theme_id),
            "n": _unknown_count(theme),
            "total": theme.questions,
        }
        story.append(layout.para(line, sheet["bullet"], bullet="•"))
    return story


def priorities(data: layout.ReportData, sheet: StyleSheet1) -> list[Any]:
    """What to start with: the actions of the priority themes, to tick off in a meeting."""
    result = data.scan.result
    if not result.priorities:
        return []
    story: list[Any] = [
        PageBreak(),
        layout.para(_("Aan de slag met de prioriteiten"), sheet["h1"]),
        layout.para(
            _(
                "Bespreek deze acties in het team. Spreek af wie wat doet en wanneer. Doe de "
                "scan na een half jaar opnieuw en vergelijk de uitkomst. De uitleg en de bron "
                "van elke actie staan bij het thema."
            ),
            sheet["body"],
        ),
    ]
    for number, theme_id in enumerate(result.priorities, start=1):
        theme = result.theme(theme_id)
        assert theme is not None
        heading = _("Prioriteit %(n)d: %(title)s") % {
            "n": number,
            "title": data.theme_title(theme_id),
        }
        block: list[Any] = [
            layout.para(heading, sheet["h2"]),
            layout.para(
                _("Score %(score)s van 100 · %(band)s")
                % {"score": layout.score_text(theme.score), "band": data.band_label(theme.band)},
                sheet["body"],
            ),
        ]
        # The reader's own actions; the colleagues' ones are listed at the theme.
        actions: tuple[model.Action, ...] = ()
        if theme.advice is not None:
            actions = data.questionnaire.actions_for(theme.advice, data.scan.response.role)[0]
        block += [
            layout.para(data.text(action.text), sheet["action"], bullet=CHECKBOX)
            for action in actions
        ]
        story.append(KeepTogether(block))
    return story


def _actions(
    data: layout.ReportData,
    sheet: StyleSheet1,
    title: str,
    actions: tuple[model.Action, ...],
    with_roles: bool = False,
) -> list[Any]:
    """A heading and the actions under it, each with its source; the roles for colleagues."""
    # The heading goes inside the first action's block: reportlab's keepWithNext does not
    # join a paragraph to a following KeepTogether, so it could end a page alone.
    heading: list[Any] = [layout.para(title, sheet["h3"])]
    story: list[Any] = []
    for action in actions:
        text = data.text(action.text)
        if with_roles:
            roles = ", ".join(data.role_label(role) for role in action.roles)
            text = _("%(action)s (voor: %(roles)s)") % {"action": text, "roles": roles}
        story.append(
            KeepTogether(
                [
                    *heading,
                    layout.para(text, sheet["action"], bullet="•"),
                    layout.para(action.source_line(), sheet["source"]),
                ]
            )
        )
        heading = []
    return story


def themes(data: layout.ReportData, sheet: StyleSheet1) -> list[Any]:
    """Every theme: score and band (or the lack of view), its explanation, advice and sources."""
    result = data.scan.result
    story: list[Any] = [layout.para(_("Advies per thema"), sheet["h1"])]
    count = len(result.themes)
    for number, theme in enumerate(result.themes, start=1):
        story.append(CondPageBreak(60 * mm))
        story += _theme(data, sheet, theme, number, count)
    return story


def _theme(
    data: layout.ReportData,
    sheet: StyleSheet1,
    theme: scoring.ThemeScore,
    number: int,
    count: int,
) -> list[Any]:
    result = data.scan.result
    definition = data.questionnaire.theme(theme.theme)
    heading = _("Thema %(n)d van %(count)d: %(title)s") % {
        "n": number,
        "count": count,
        "title": data.theme_title(theme.theme),
    }
    if theme.score is None:
        verdict = _(
            "Onvoldoende zicht: bij %(n)d van de %(total)d vragen 'weet niet' of geen antwoord."
        ) % {
            "n": _unknown_count(theme),
            "total": theme.questions,
        }
    else:
        verdict = _("Score %(score)s van 100 · niveau %(band)s") % {
            "score": layout.score_text(theme.score),
            "band": data.band_label(theme.band),
        }
        if theme.theme in result.priorities:
            verdict += " · " + _("prioriteit %(n)d") % {
                "n": result.priorities.index(theme.theme) + 1
            }
    counts = ngettext(
        "%(total)d vraag; 'weet niet': %(unknown)d.",
        "%(total)d vragen; 'weet niet': %(unknown)d.",
        theme.questions,
    ) % {"total": theme.questions, "unknown": theme.unknown}
    head: list[Any] = [
        layout.para(heading, sheet["h2"]),
        layout.rich(layout.bold(verdict), sheet["body"]),
        layout.para(counts, sheet["small"]),
        Spacer(1, 2 * mm),
    ]
    if definition is not None:
        head.append(layout.para(data.text(definition.explanation), sheet["body"]))
    story: list[Any] = []
    if theme.advice is not None:
        head += [
            layout.para(_("Advies"), sheet["h3"]),
            layout.para(data.text(theme.advice.explanation), sheet["body"]),
        ]
        story.append(KeepTogether(head))
        # The heading goes inside the first action's block: reportlab's keepWithNext does not
        # join a paragraph to a following KeepTogether, so it could end a page alone.
        own, others = data.questionnaire.actions_for(theme.advice, data.scan.response.role)
        story += _actions(data, sheet, _("Wat u kunt doen"), own)
        if not own:
            story.append(
                layout.para(
                    _("Bij dit thema is er geen actie voor uw rol. Lees de acties voor collega's."),
                    sheet["body"],
                )
            )
        story += _actions(data, sheet, _("Voor collega's"), others, with_roles=True)
    else:
        story.append(KeepTogether(head))
    lines = data.evidence.get(theme.theme, ())
    if lines:
        story.append(
            KeepTogether(
                [
                    layout.para(_("Wat de caseload laat zien"), sheet["h3"]),
                    *(layout.para(line, sheet["action"], bullet="–") for line in lines),
                ]
            )
        )
    story.append(Spacer(1, 4 * mm))
    return story
