"""Every count the inclusion report prints, by name, and how the report protects them.

The names are shared by the PDF, the data export (JSON) and team bundles. The counts are
printed as :mod:`caseload.protection` publishes them; :func:`within` says which count lies
within which, so that what lies within a hidden group is hidden too.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING

from caseload import protection
from resources import i18n
from resources.i18n import _

if TYPE_CHECKING:
    from caseload import inclusion

#: Keys of the caseload counts.
IN_PERIOD, AT_START, INFLOW, OUTFLOW, AT_END = (
    "in_period",
    "at_start",
    "inflow",
    "outflow",
    "at_end",
)
MEASURED, ROSE, STAYED, FELL = "measured", "rose", "stayed", "fell"
OVERDUE, ON_TIME, CONTACTED = "no_recent_contact", "recent_contact", "contact_clients"
WORK_REASON = "uitstroom_werk"
#: Outflow to work with an answered six-month follow-up, and of those still working.
FOLLOWED, LASTING = "work_followed", "work_lasting"


def share_text(shown: protection.Published, part: str, base: str) -> str:
    """A share as every page prints it: '81%'; 'verborgen' when a group is hidden; '–' for a
    base of 0; 'te weinig' over a base too small for a percentage."""
    state = shown.share_state(part, base)
    if state is protection.ShareState.HIDDEN:
        return _("verborgen")
    if state is protection.ShareState.NO_BASE:
        return "–"
    if state is protection.ShareState.TOO_FEW:
        return too_few_text()
    return i18n.format_percent(shown.share(part, base) or 0.0)


def too_few_text() -> str:
    """What a share over too small a base prints as."""
    return _("te weinig")


def reason(code: str) -> str:
    """The key of the outflow with one closing reason."""
    return f"reason:{code}"


def trede(moment: str, number: int) -> str:
    """The key of the clients on a trede (0: no measurement) at 'start' or 'end'."""
    return f"ladder_{moment}:{number}"


def barrier(kind: str, solved: bool = False) -> str:
    """The key of the clients with a barrier of this kind (or with one solved in the period)."""
    return f"barrier_{'solved' if solved else 'open'}:{kind}"


def action(kind: str, finished: bool = False) -> str:
    """The key of the clients with an intervention started in the period (or finished)."""
    return f"action_{'finished' if finished else 'started'}:{kind}"


def origin(group: str, figure: str) -> str:
    """The key of one figure of one origin group."""
    return f"origin:{group}:{figure}"


def team(name: str, figure: str) -> str:
    """The key of one figure of one team ("" for the clients without a team)."""
    return f"team:{name}:{figure}"


#: The figures shown per origin group: key suffix and the total-level key they add up to.
ORIGIN_FIGURES = (
    (IN_PERIOD, IN_PERIOD),
    (AT_END, AT_END),
    ("work", reason(WORK_REASON)),
    (MEASURED, MEASURED),
    (ROSE, ROSE),
    (OVERDUE, OVERDUE),
    (FOLLOWED, FOLLOWED),
    (LASTING, LASTING),
)


def _origin_values(group: inclusion.GroupFigures) -> dict[str, int]:
    return {
        IN_PERIOD: group.in_period,
        AT_END: group.at_end,
        "work": group.outflow_to_work,
        MEASURED: group.measured,
        ROSE: group.rose,
        OVERDUE: group.no_recent_contact,
        FOLLOWED: group.work_followed,
        LASTING: group.work_lasting,
    }


def counts(figures: inclusion.InclusionFigures) -> dict[str, int]:
    """Every count the report prints, by name."""
    total = figures.total
    found = {
        IN_PERIOD: total.in_period,
        AT_START: total.at_start,
        INFLOW: total.inflow,
        OUTFLOW: total.outflow,
        AT_END: total.at_end,
        MEASURED: total.measured,
        ROSE: total.rose,
        STAYED: total.stayed,
        FELL: total.fell,
        OVERDUE: total.no_recent_contact,
        ON_TIME: total.at_end - total.no_recent_contact,
        CONTACTED: figures.contacts.clients,
        FOLLOWED: total.work_followed,
        LASTING: total.work_lasting,
    }
    found.update({reason(code): number for code, number in figures.outflow_reasons})
    for moment, values in (("start", figures.ladder_start), ("end", figures.ladder_end)):
        found.update({trede(moment, number): count for number, count in enumerate(values)})
    for kind in figures.barriers:
        found[barrier(kind.kind)] = kind.clients
        found[barrier(kind.kind, solved=True)] = kind.finished
    for kind in figures.interventions:
        found[action(kind.kind)] = kind.clients
        found[action(kind.kind, finished=True)] = kind.finished
    for code, group in figures.origin or ():
        for figure, number in _origin_values(group).items():
            found[origin(code, figure)] = number
    for name, group in figures.teams or ():
        for figure, number in _origin_values(group).items():
            found[team(name, figure)] = number
    return found


def from_counts(
    found: Mapping[str, int],
    period: inclusion.Period,
    contacts: inclusion.ContactIntensity,
    *,
    with_origin: bool,
    base: int,
    quickscans: inclusion.QuickscanRoles | None = None,
) -> inclusion.InclusionFigures:
    """Figures from counts by name (rounded to ``base``, as in a bundle): :func:`counts` undone."""
    from caseload import inclusion, ladder, vocab  # inclusion imports this module for names

    def group(name: Callable[[str], str]) -> inclusion.GroupFigures:
        return inclusion.GroupFigures(
            in_period=found.get(name(IN_PERIOD), 0),
            at_start=found.get(name(AT_START), 0),
            inflow=found.get(name(INFLOW), 0),
            outflow=found.get(name(OUTFLOW), 0),
            at_end=found.get(name(AT_END), 0),
            outflow_to_work=found.get(name("work"), 0),
            measured=found.get(name(MEASURED), 0),
            rose=found.get(name(ROSE), 0),
            stayed=found.get(name(STAYED), 0),
            fell=found.get(name(FELL), 0),
            no_recent_contact=found.get(name(OVERDUE), 0),
            work_followed=found.get(name(FOLLOWED), 0),
            work_lasting=found.get(name(LASTING), 0),
        )

    def kinds(
        name: Callable[[str, bool], str], words: vocab.Vocabulary
    ) -> tuple[inclusion.KindCount, ...]:
        prefix = name("", False)
        codes = [cell[len(prefix) :] for cell in found if cell.startswith(prefix)]
        ordered = [c for c in words.codes() if c in codes] + sorted(set(codes) - set(words.codes()))
        return tuple(
            inclusion.KindCount(code, found[name(code, False)], found.get(name(code, True), 0))
            for code in ordered
        )

    teams = sorted({c[len("team:") :].rsplit(":", 1)[0] for c in found if c.startswith("team:")})
    reasons = [c[len(reason("")) :] for c in found if c.startswith(reason(""))]
    reason_order = [c for c in vocab.CLOSING_REASONS.codes() if c in reasons]
    reason_order += sorted(set(reasons) - set(reason_order))
    total = group(lambda cell: reason(WORK_REASON) if cell == "work" else cell)
    return inclusion.InclusionFigures(
        period=period,
        total=total,
        outflow_reasons=tuple((code, found[reason(code)]) for code in reason_order),
        ladder_start=tuple(found.get(trede("start", n), 0) for n in range(ladder.HIGHEST + 1)),
        ladder_end=tuple(found.get(trede("end", n), 0) for n in range(ladder.HIGHEST + 1)),
        barriers=kinds(barrier, vocab.BARRIER_KINDS),
        interventions=kinds(action, vocab.INTERVENTIONS),
        contacts=contacts,
        quickscans=quickscans,
        origin=tuple(
            (code, group(functools.partial(origin, code)))
            for code in inclusion.ORIGIN_GROUPS.codes()
        )
        if with_origin
        else None,
        teams=tuple((name, group(functools.partial(team, name))) for name in teams)
        if teams
        else None,
        rounded_to=base,
    )


def within(figures: inclusion.InclusionFigures) -> list[tuple[str, str]]:
    """(base, part) for every count that counts some of the clients of another."""
    pairs = [(IN_PERIOD, cell) for cell in (AT_START, INFLOW, AT_END, OUTFLOW, MEASURED)]
    pairs += [(IN_PERIOD, CONTACTED), (AT_END, OVERDUE), (AT_END, ON_TIME)]
    pairs += [(MEASURED, cell) for cell in (ROSE, STAYED, FELL)]
    pairs += [(reason(WORK_REASON), FOLLOWED), (FOLLOWED, LASTING)]
    pairs += [(OUTFLOW, reason(code)) for code, _number in figures.outflow_reasons]
    for moment, values, base in (
        ("start", figures.ladder_start, AT_START),
        ("end", figures.ladder_end, AT_END),
    ):
        pairs += [(base, trede(moment, number)) for number in range(len(values))]
    for kind in figures.barriers:
        pairs += [(IN_PERIOD, barrier(kind.kind))]
        pairs += [(barrier(kind.kind), barrier(kind.kind, solved=True))]
    for kind in figures.interventions:
        pairs += [(IN_PERIOD, action(kind.kind))]
        pairs += [(action(kind.kind), action(kind.kind, finished=True))]
    groups: list[tuple[Callable[[str, str], str], str]]
    groups = [(origin, code) for code, _group in figures.origin or ()]
    groups += [(team, name) for name, _group in figures.teams or ()]
    for cell_of, code in groups:
        group = cell_of(code, IN_PERIOD)
        pairs += [(IN_PERIOD, group)]
        pairs += [(group, cell_of(code, cell)) for cell in (AT_END, "work", MEASURED)]
        pairs += [(cell_of(code, MEASURED), cell_of(code, ROSE))]
        pairs += [(cell_of(code, AT_END), cell_of(code, OVERDUE))]
        pairs += [(cell_of(code, "work"), cell_of(code, FOLLOWED))]
        pairs += [(cell_of(code, FOLLOWED), cell_of(code, LASTING))]
    return pairs


def wholes(figures: inclusion.InclusionFigures) -> list[tuple[str, list[str]]]:
    """(base, parts) for every set of counts that together make up another: when one of them
    is hidden, none of their shares is printed (``protection.withhold_shares``)."""
    found = [
        (MEASURED, [ROSE, STAYED, FELL]),
        (AT_END, [OVERDUE, ON_TIME]),
        (OUTFLOW, [reason(code) for code, _number in figures.outflow_reasons]),
    ]
    for moment, values, base in (
        ("start", figures.ladder_start, AT_START),
        ("end", figures.ladder_end, AT_END),
    ):
        found += [(base, [trede(moment, number) for number in range(len(values))])]
    if figures.origin:
        found += [(IN_PERIOD, [origin(code, IN_PERIOD) for code, _group in figures.origin])]
    if figures.teams:
        found += [(IN_PERIOD, [team(name, IN_PERIOD) for name, _group in figures.teams])]
    return found


def published(figures: inclusion.InclusionFigures, minimum: int) -> protection.Published:
    """The counts as the report prints them: small groups hidden, the rest rounded by cell key.

    A count within a hidden group is hidden too, a 0 included: "0 of the hidden group had no
    contact" would tell something about each of its few clients.
    """
    if figures.rounded_to:
        found = counts(figures)
        # Merged bundles: each part is rounded on its own, so the rest may come out below 0.
        found[ON_TIME] = max(found[ON_TIME], 0)
        shown = protection.Published(
            {cell: None if protection.is_small(n, minimum) else n for cell, n in found.items()},
            minimum,
        )
    else:
        shown = protection.publish(counts(figures), figures.keys, minimum)
    shown = protection.hide_within(shown, within(figures))
    return protection.withhold_shares(shown, wholes(figures))
