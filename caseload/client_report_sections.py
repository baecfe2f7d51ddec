"""The sections of the client's progress report after 'Waar staat u nu', and its word list."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from reportlab.graphics.shapes import Drawing, String
from reportlab.lib.styles import StyleSheet1
from reportlab.lib.units import mm
from reportlab.platypus import KeepTogether, Paragraph, Table

from caseload import client_words, model, vocab
from caseload import report_pdf as rp
from resources import i18n
from resources.i18n import _, ngettext

if TYPE_CHECKING:  # only for the type: client_report imports this module
    from caseload.client_report import ClientReportData


def _barriers_in_period(data: ClientReportData) -> list[model.Barrier]:
    """Barriers that played in the period: begun by its end, not solved before its start."""
    return [
        barrier
        for barrier in data.file.barriers
        if (barrier.since is None or barrier.since <= data.end)
        and (barrier.resolved_on is None or barrier.resolved_on >= data.start)
    ]


def _actions_in_period(data: ClientReportData) -> list[model.Action]:
    """Actions that began by the end of the period and were open or due within it."""
    return [
        action
        for action in data.file.actions
        if (action.start_on is None or action.start_on <= data.end)
        and (action.is_open or action.due_on is None or action.due_on >= data.start)
    ]


def _date(day: dt.date | None) -> str:
    return i18n.date_text(day) if day is not None else ""


def going_well(data: ClientReportData, styles: StyleSheet1) -> list[Any]:
    """What went well: solved barriers and finished actions, with their results."""
    story: list[Any] = [rp.para(_("Wat gaat goed"), styles["h1"])]
    solved = [b for b in _barriers_in_period(data) if not b.is_open]
    finished = [a for a in _actions_in_period(data) if a.status == "afgerond"]
    if not solved and not finished:
        story.append(
            rp.para(
                _("We kijken samen wat goed gaat. Dat schrijven we de volgende keer hier op."),
                styles["body"],
            )
        )
        return story
    for barrier in solved:
        text = _("Opgelost: %(kind)s.") % {"kind": vocab.BARRIER_KINDS.label(barrier.kind)}
        if barrier.resolved_on is not None:
            text = _("Opgelost op %(date)s: %(kind)s.") % {
                "date": _date(barrier.resolved_on),
                "kind": vocab.BARRIER_KINDS.label(barrier.kind),
            }
        story.append(rp.para(text, styles["body"], bullet="•"))
    for action in finished:
        text = _("Afgerond: %(action)s.") % {
            "action": vocab.INTERVENTIONS.label(action.intervention)
        }
        if action.result:
            text = _("Afgerond: %(action)s. Resultaat: %(result)s") % {
                "action": vocab.INTERVENTIONS.label(action.intervention),
                "result": action.result,
            }
        story.append(rp.para(text, styles["body"], bullet="•"))
    return story


def working_on(data: ClientReportData, styles: StyleSheet1) -> list[Any]:
    """What we work on together: what makes things harder now, and the open plan. For a closed
    file, what was still open when the guidance stopped: nothing is worked on together any
    more."""
    client = data.file.client
    stopped = None if client.is_active else client.closed_on
    heading = _("Waar we samen aan werken") if stopped is None else _("Waar we aan werkten")
    story: list[Any] = [rp.para(heading, styles["h1"])]
    open_barriers = [b for b in _barriers_in_period(data) if b.is_open]
    open_actions = [a for a in _actions_in_period(data) if a.is_open]
    if not open_barriers and not open_actions:
        nothing = (
            _("Er staan nu geen open punten in uw plan.")
            if stopped is None
            else _("Toen uw begeleiding stopte op %(date)s, stond er niets meer open.")
            % {"date": _date(stopped)}
        )
        story.append(rp.para(nothing, styles["body"]))
        return story
    if open_barriers:
        hard = (
            _("Wat het nu moeilijker maakt") if stopped is None else _("Wat het moeilijker maakte")
        )
        rows = [(hard, _("Hoe zwaar"), _("Sinds"))]
        rows += [
            (
                vocab.BARRIER_KINDS.label(barrier.kind),
                vocab.BARRIER_SEVERITIES.label(str(barrier.severity)),
                _date(barrier.since) or "–",
            )
            for barrier in open_barriers
        ]
        sentence = (
            _("Dit maakt werk of meedoen nu moeilijker. We pakken het samen aan.")
            if stopped is None
            else _("Dit maakte werk of meedoen moeilijker toen uw begeleiding stopte op %(date)s.")
            % {"date": _date(stopped)}
        )
        story += [
            rp.para(sentence, styles["body"]),
            rp.text_table(rows, (70 * mm, 30 * mm, rp.TEXT_WIDTH - 100 * mm), styles),
            rp.gap(3),
        ]
    if open_actions:
        plan = [(_("Afspraak"), _("Doel"), _("Wanneer"), _("Hoe staat het"))]
        for action in open_actions:
            when = " – ".join(
                i18n.date_text(day) for day in (action.start_on, action.due_on) if day
            )
            plan.append(
                (
                    vocab.INTERVENTIONS.label(action.intervention),
                    action.goal,
                    when,
                    vocab.ACTION_STATUSES.label(action.status),
                )
            )
        story.append(
            KeepTogether(
                [
                    rp.para(
                        _("Uw plan van aanpak")
                        if stopped is None
                        else _("Wat nog open stond in uw plan"),
                        styles["h2"],
                    ),
                    rp.text_table(
                        plan, (36 * mm, 56 * mm, 44 * mm, rp.TEXT_WIDTH - 136 * mm), styles
                    ),
                ]
            )
        )
    return story


def shared_contacts(data: ClientReportData) -> list[model.Contact]:
    """The contacts in the period that the klantmanager marked 'delen met de klant'."""
    return [c for c in data.file.contacts if data.in_period(c.contact_on) and c.share_with_client]


def contacts(data: ClientReportData, styles: StyleSheet1) -> list[Any]:
    """The contacts in the period; a summary only where it was marked to share with the client."""
    in_period = [c for c in data.file.contacts if data.in_period(c.contact_on)]
    story: list[Any] = [rp.para(_("Onze gesprekken"), styles["h1"])]
    if not in_period:
        story.append(rp.para(_("In deze periode was er geen contact."), styles["body"]))
        return story
    story.append(
        rp.para(
            ngettext(
                "In deze periode hadden we %(n)d keer contact.",
                "In deze periode hadden we %(n)d keer contact.",
                len(in_period),
            )
            % {"n": len(in_period)},
            styles["body"],
        )
    )
    shared = shared_contacts(data)
    if not shared:
        return story
    story.append(rp.para(_("Hieronder staan de gesprekken die we met u delen."), styles["body"]))
    rows = [(_("Datum"), _("Soort contact"), _("Waarover"))]
    rows += [
        (
            i18n.date_text(contact.contact_on),
            vocab.CONTACT_KINDS.label(contact.kind),
            contact.summary or "–",
        )
        for contact in shared
    ]
    story.append(rp.text_table(rows, (28 * mm, 45 * mm, rp.TEXT_WIDTH - 73 * mm), styles))
    return story


def texts(story: Iterable[Any]) -> list[str]:
    """Every text in a story: paragraphs, table cells and chart labels, in order."""
    found: list[str] = []
    for item in story:
        if isinstance(item, Paragraph):
            found.append(item.getPlainText())
        elif isinstance(item, Table):
            for row in item._cellvalues:  # reportlab keeps the cells only here
                found += texts(row)
        elif isinstance(item, KeepTogether):
            found += texts(item._content)  # reportlab keeps its flowables here
        elif isinstance(item, Drawing):
            found += [shape.text for shape in item.contents if isinstance(shape, String)]
        elif isinstance(item, list | tuple):
            found += texts(item)
    return found


def word_list(used_texts: list[str], styles: StyleSheet1) -> list[Any]:
    """'Woordenlijst': every listed term that the report uses, with a short explanation."""
    words = client_words.used(used_texts)
    if not words:
        return []
    rows = [(_("Woord"), _("Wat betekent het?"))]
    rows += [(_(word.term), _(word.explanation)) for word in words]
    return [
        rp.para(_("Woordenlijst"), styles["h1"]),
        rp.para(
            _("Deze woorden staan in het verslag. Hier leest u wat ze betekenen."), styles["body"]
        ),
        rp.text_table(rows, (50 * mm, rp.TEXT_WIDTH - 50 * mm), styles),
    ]
