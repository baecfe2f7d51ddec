"""Caseload facts next to the quickscan advice: per theme, anonymous, small groups left out.

A team that scores itself on "bereik" or "belemmeringen" can hold that score against what its
own caseload shows: how many active clients have not been seen for weeks, how many with a
language barrier follow no language course. Each fact is one plain sentence about a group a
team can act on. The figures are SQL aggregates over the summary columns and the indexes the
caseload view uses already, so they stay fast at 100,000 clients.

Small groups follow the rule of the reports (:mod:`caseload.protection`): a group of 1 up to
``min_group_size - 1`` is left out, with what lies within it; every other count is rounded to a
multiple of ``min_group_size`` by its cell key, so that no sum or difference of counts, from
this report or another, gives a small group exactly. A share is of the true counts, rounded
to a whole percent, and only over a printed base of ``protection.SHARE_BASE`` times the minimum.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from dataclasses import dataclass

from sqlite_utils import Database

from caseload import evidence_figures, protection, vocab
from resources import i18n
from resources.i18n import _, ngettext

#: The themes of the bundled questionnaire, in its order.
THEMES = (
    "visie",
    "bereik",
    "kennismaken",
    "belemmeringen",
    "maatwerk",
    "werk",
    "vakmanschap",
    "sturing",
)


@dataclass(frozen=True)
class _Fact:
    """One sentence about a part of a base, under one theme."""

    theme: str
    part: str
    base: str
    sentence: Callable[[int], str]
    #: Whether "0 clients" is worth saying (good news on a main question) or only noise.
    show_zero: bool = True


def _facts() -> list[_Fact]:
    """The sentences, in the order they appear under each theme."""
    return [
        _Fact("visie", "trede_low", "active", lambda n: ngettext(
            "%(part)s van de %(base)s actieve klanten (%(share)s) staat op trede 1 of 2. Voor "
            "hen is meedoen een doel op zich, naast betaald werk.",
            "%(part)s van de %(base)s actieve klanten (%(share)s) staan op trede 1 of 2. Voor "
            "hen is meedoen een doel op zich, naast betaald werk.", n)),
        _Fact("visie", "long_guidance", "active", lambda n: ngettext(
            "%(part)s actieve klant (%(share)s) krijgt al langer dan drie jaar begeleiding.",
            "%(part)s actieve klanten (%(share)s) krijgen al langer dan drie jaar begeleiding.",
            n), show_zero=False),
        _Fact("bereik", "stale", "active", lambda n: ngettext(
            "%(part)s van de %(base)s actieve klanten (%(share)s) had langer dan %(days)d dagen "
            "geen contact.",
            "%(part)s van de %(base)s actieve klanten (%(share)s) hadden langer dan %(days)d "
            "dagen geen contact.", n)),
        _Fact("bereik", "never_contacted", "stale", lambda n: ngettext(
            "%(part)s van hen heeft nog nooit een contactmoment gehad.",
            "%(part)s van hen hebben nog nooit een contactmoment gehad.", n), show_zero=False),
        _Fact("bereik", "no_klantmanager", "active", lambda n: ngettext(
            "%(part)s actieve klant (%(share)s) heeft geen klantmanager.",
            "%(part)s actieve klanten (%(share)s) hebben geen klantmanager.", n), show_zero=False),
        _Fact("kennismaken", "not_measured", "active", lambda n: ngettext(
            "%(part)s van de %(base)s actieve klanten (%(share)s) is in het laatste halfjaar niet "
            "op de participatieladder gemeten.",
            "%(part)s van de %(base)s actieve klanten (%(share)s) zijn in het laatste halfjaar "
            "niet op de participatieladder gemeten.", n)),
        _Fact("kennismaken", "never_measured", "not_measured", lambda n: ngettext(
            "%(part)s van hen heeft nog nooit een meting gehad.",
            "%(part)s van hen hebben nog nooit een meting gehad.", n), show_zero=False),
        _Fact("kennismaken", "no_barrier", "active", lambda n: ngettext(
            "Bij %(part)s actieve klant (%(share)s) staat geen enkel obstakel genoteerd. Is de "
            "hele situatie in beeld?",
            "Bij %(part)s actieve klanten (%(share)s) staat geen enkel obstakel genoteerd. Is de "
            "hele situatie in beeld?", n)),
        _Fact("kennismaken", "no_language_level", "active", lambda n: ngettext(
            "Bij %(part)s actieve klant (%(share)s) is het taalniveau niet vastgelegd.",
            "Bij %(part)s actieve klanten (%(share)s) is het taalniveau niet vastgelegd.", n),
            show_zero=False),
        _Fact("belemmeringen", "language_no_course", "language", lambda n: ngettext(
            "%(part)s van de %(base)s klanten met een taalobstakel (%(share)s) volgt geen "
            "taalcursus en heeft er ook geen gepland.",
            "%(part)s van de %(base)s klanten met een taalobstakel (%(share)s) volgen geen "
            "taalcursus en hebben er ook geen gepland.", n)),
        _Fact("belemmeringen", "severe_no_action", "severe", lambda n: ngettext(
            "%(part)s van de %(base)s klanten met een ernstig obstakel (%(share)s) heeft geen "
            "lopende of geplande actie in het plan van aanpak.",
            "%(part)s van de %(base)s klanten met een ernstig obstakel (%(share)s) hebben geen "
            "lopende of geplande actie in het plan van aanpak.", n)),
        _Fact("maatwerk", "no_plan", "active", lambda n: ngettext(
            "%(part)s van de %(base)s actieve klanten (%(share)s) heeft geen lopende of geplande "
            "actie in het plan van aanpak.",
            "%(part)s van de %(base)s actieve klanten (%(share)s) hebben geen lopende of geplande "
            "actie in het plan van aanpak.", n)),
        _Fact("werk", "work", "in_year", lambda n: ngettext(
            "In het laatste jaar vond %(part)s klant werk: %(share)s van de %(base)s klanten die "
            "in die tijd begeleiding kregen.",
            "In het laatste jaar vonden %(part)s klanten werk: %(share)s van de %(base)s klanten "
            "die in die tijd begeleiding kregen.", n)),
        _Fact("werk", "high_no_employer", "trede_high", lambda n: ngettext(
            "%(part)s van de %(base)s klanten op trede 4 of 5 (%(share)s) heeft geen lopende of "
            "geplande actie richting een werkgever (jobcoach, warme overdracht, leerwerktraject "
            "of werkervaringsplaats).",
            "%(part)s van de %(base)s klanten op trede 4 of 5 (%(share)s) hebben geen lopende of "
            "geplande actie richting een werkgever (jobcoach, warme overdracht, leerwerktraject "
            "of werkervaringsplaats).", n)),
        _Fact("vakmanschap", "no_personal", "active", lambda n: ngettext(
            "%(part)s van de %(base)s actieve klanten (%(share)s) had in het laatste halfjaar "
            "geen persoonlijk gesprek (op kantoor, thuis, tijdens een wandeling of via video).",
            "%(part)s van de %(base)s actieve klanten (%(share)s) hadden in het laatste halfjaar "
            "geen persoonlijk gesprek (op kantoor, thuis, tijdens een wandeling of via video).",
            n)),
        _Fact("sturing", "overdue", "active", lambda n: ngettext(
            "%(part)s actieve klant (%(share)s) heeft een actie waarvan de einddatum voorbij is.",
            "%(part)s actieve klanten (%(share)s) hebben een actie waarvan de einddatum voorbij "
            "is.", n), show_zero=False),
    ]  # fmt: skip


class _Lines:
    """The sentences per theme, and which themes lost a sentence to a small group."""

    def __init__(self, shown: protection.Published, minimum: int) -> None:
        self.shown = shown
        self.minimum = minimum
        self.by_theme: dict[str, list[str]] = {}
        self.hidden: set[str] = set()

    def add(self, theme: str, line: str) -> None:
        self.by_theme.setdefault(theme, []).append(line)

    def share(
        self,
        theme: str,
        part: str,
        base: str,
        text: str,
        show_zero: bool = True,
        extra: Mapping[str, object] | None = None,
    ) -> None:
        """Add a sentence about part of base, or note that it had to stay out."""
        printed_part, printed_base = self.shown.value(part), self.shown.value(base)
        if printed_base == 0 or (printed_part == 0 and not show_zero):
            return  # nothing to say, and no one is hidden
        state = self.shown.share_state(part, base)
        # A sentence without a percentage only needs its groups shown, one with a percentage
        # also a base big enough for it (as everywhere a share is printed).
        if state is protection.ShareState.HIDDEN or (
            state is protection.ShareState.TOO_FEW and "%(share)s" in text
        ):
            self.hidden.add(theme)
            return
        fraction = self.shown.share(part, base)
        self.add(
            theme,
            text
            % {
                **(extra or {}),
                "part": i18n.format_number(printed_part or 0),
                "base": i18n.format_number(printed_base or 0),
                "share": "" if fraction is None else i18n.format_percent(fraction),
            },
        )

    def median(self, theme: str, value: tuple[float, int] | None, text: str) -> None:
        """Add a sentence with a median, when its group is big enough to show."""
        if value is None:
            return
        median, group = value
        if group < self.minimum:
            self.hidden.add(theme)
            return
        self.add(theme, text % {"value": i18n.format_number(round(median, 1))})


def _movement(lines: _Lines) -> None:
    shown = lines.shown
    if shown.value("measured") == 0:
        return
    rose, fell = shown.share("rose", "measured"), shown.share("fell", "measured")
    if rose is None or fell is None:
        lines.hidden.add("sturing")
        return
    lines.add(
        "sturing",
        _(
            "Van de %(base)s klanten die een jaar geleden al gemeten waren en daarna opnieuw, "
            "stegen er %(rose)s (%(rose_share)s) minstens één trede op de ladder en daalden er "
            "%(fell)s (%(fell_share)s)."
        )
        % {
            "base": i18n.format_number(shown.value("measured") or 0),
            "rose": i18n.format_number(shown.value("rose") or 0),
            "rose_share": i18n.format_percent(rose),
            "fell": i18n.format_number(shown.value("fell") or 0),
            "fell_share": i18n.format_percent(fell),
        },
    )


def _source(team: str | None, today: dt.date) -> str:
    if team:
        return _("Bron: de caseload van %(team)s in Trede, op %(date)s.") % {
            "team": team,
            "date": i18n.date_text(today),
        }
    return _("Bron: de caseload van alle teams in Trede, op %(date)s.") % {
        "date": i18n.date_text(today)
    }


def for_themes(
    db: Database,
    *,
    team: str | None = None,
    today: dt.date | None = None,
    min_group_size: int = 10,
    contact_threshold_days: int = 14,
) -> dict[str, list[str]]:
    """Anonymous caseload facts per quickscan theme; empty when there are no active clients.

    ``team`` None means the whole caseload. A fact about a group of 1 up to
    ``min_group_size - 1`` clients (or with such a rest) is left out; the theme then says so.
    """
    team = team.strip() if team and team.strip() else None
    scope = evidence_figures.Scope(team, today or dt.date.today(), contact_threshold_days)
    figures = evidence_figures.figures(db, scope)
    if figures.counts["active"] == 0:
        return {}
    shown = evidence_figures.table(figures, min_group_size)
    lines = _Lines(shown, min_group_size)
    days = {"days": contact_threshold_days}
    for fact in _facts():
        text = fact.sentence(shown.value(fact.part) or 0)
        lines.share(fact.theme, fact.part, fact.base, text, fact.show_zero, days)
    lines.median(
        "bereik",
        figures.days_to_first_contact,
        _(
            "Nieuwe klanten van het laatste jaar hadden hun eerste gesprek %(value)s dagen na de start (mediaan)."
        ),
    )
    for kind in figures.kinds:
        old = shown.value(f"old:{kind}") or 0
        text = ngettext(
            "%(kind)s: bij %(part)s van de %(base)s klanten met dit obstakel (%(share)s) staat "
            "het al langer dan een jaar open.",
            "%(kind)s: bij %(part)s van de %(base)s klanten met dit obstakel (%(share)s) staat "
            "het al langer dan een jaar open.",
            old,
        )
        label = {"kind": vocab.BARRIER_KINDS.label(kind)}
        lines.share("belemmeringen", f"old:{kind}", f"open:{kind}", text, False, label)
    lines.median(
        "maatwerk",
        figures.contacts_per_month,
        _(
            "Klanten die een halfjaar of langer begeleiding krijgen, hadden in het laatste "
            "halfjaar %(value)s contactmomenten per maand (mediaan)."
        ),
    )
    if figures.caseload_per_manager is not None and figures.caseload_per_manager[1] >= 2:
        median, managers = figures.caseload_per_manager
        lines.add(
            "maatwerk",
            ngettext(
                "Een klantmanager heeft %(value)s actieve klanten (mediaan van %(n)d "
                "klantmanager).",
                "Een klantmanager heeft %(value)s actieve klanten (mediaan van %(n)d "
                "klantmanagers).",
                managers,
            )
            % {"value": i18n.format_number(round(median, 1)), "n": managers},
        )
    _movement(lines)
    return _assemble(lines, team, scope.today)


def _assemble(lines: _Lines, team: str | None, today: dt.date) -> dict[str, list[str]]:
    """Per theme its sentences, a note when some stayed out, and where the figures come from."""
    result: dict[str, list[str]] = {}
    for theme in THEMES:
        theme_lines = list(lines.by_theme.get(theme, []))
        if theme in lines.hidden:
            theme_lines.append(
                _("Sommige cijfers staan er niet: de groep is te klein om te tonen.")
                if theme_lines
                else _("Te weinig klanten om cijfers te tonen.")
            )
        if theme_lines:
            result[theme] = [*theme_lines, _source(team, today)]
    return result


def scope_team(db: Database, team: str | None) -> str | None:
    """The team whose caseload goes with a scan: its own when it has clients, else all teams."""
    if not team or not team.strip():
        return None
    rows = db.execute("SELECT 1 FROM clients WHERE team = ? LIMIT 1", [team.strip()]).fetchall()
    return team.strip() if rows else None
