"""Every count the inclusion report prints, with the lines between them, and what to hide.

One :class:`suppression.Table` holds the whole report, so a count that is printed in two places
is hidden in both, and a hidden count cannot be worked back through another table.
"""

from __future__ import annotations

from caseload import inclusion, suppression

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


#: The figures shown per origin group: key suffix and the total-level key they add up to.
ORIGIN_FIGURES = (
    (IN_PERIOD, IN_PERIOD),
    (AT_END, AT_END),
    ("work", reason(WORK_REASON)),
    (MEASURED, MEASURED),
    (ROSE, ROSE),
    (OVERDUE, OVERDUE),
)


def _origin_values(group: inclusion.GroupFigures) -> dict[str, int]:
    return {
        IN_PERIOD: group.in_period,
        AT_END: group.at_end,
        "work": group.outflow_to_work,
        MEASURED: group.measured,
        ROSE: group.rose,
        OVERDUE: group.no_recent_contact,
    }


def table(figures: inclusion.InclusionFigures) -> suppression.Table:
    """All counts of the report and how they hang together."""
    t = suppression.Table()
    total = figures.total
    t.count(IN_PERIOD, total.in_period)
    t.count(AT_START, total.at_start)
    t.count(INFLOW, total.inflow)
    t.count(OUTFLOW, total.outflow)
    t.count(AT_END, total.at_end)
    # at the start + inflow = in the period = at the end + outflow
    t.breakdown(IN_PERIOD, [AT_START, INFLOW])
    t.breakdown(IN_PERIOD, [AT_END, OUTFLOW])
    reasons = [t.count(reason(code), number) for code, number in figures.outflow_reasons]
    t.breakdown(OUTFLOW, reasons)
    for moment, counts, base in (
        ("start", figures.ladder_start, AT_START),
        ("end", figures.ladder_end, AT_END),
    ):
        cells = [t.count(trede(moment, number), count) for number, count in enumerate(counts)]
        t.breakdown(base, cells)
    t.count(MEASURED, total.measured)
    t.count(ROSE, total.rose)
    t.count(STAYED, total.stayed)
    t.count(FELL, total.fell)
    t.inside(MEASURED, IN_PERIOD)
    t.breakdown(MEASURED, [ROSE, STAYED, FELL])
    t.count(OVERDUE, total.no_recent_contact)
    t.count(ON_TIME, total.at_end - total.no_recent_contact)
    t.breakdown(AT_END, [OVERDUE, ON_TIME])
    t.count(CONTACTED, figures.contacts.clients)
    t.inside(CONTACTED, IN_PERIOD)
    for kind in figures.barriers:
        t.count(barrier(kind.kind), kind.clients)
        t.count(barrier(kind.kind, solved=True), kind.finished)
        t.inside(barrier(kind.kind), IN_PERIOD)
        t.inside(barrier(kind.kind, solved=True), barrier(kind.kind))
    for kind in figures.interventions:
        t.count(action(kind.kind), kind.clients)
        t.count(action(kind.kind, finished=True), kind.finished)
        t.inside(action(kind.kind), IN_PERIOD)
        t.inside(action(kind.kind, finished=True), action(kind.kind))
    if figures.origin is not None:
        _origin(t, figures.origin)
    return t


def _origin(t: suppression.Table, groups: tuple[tuple[str, inclusion.GroupFigures], ...]) -> None:
    """Each origin figure adds up over the groups to the total; within a group they nest."""
    for code, group in groups:
        for figure, number in _origin_values(group).items():
            t.count(origin(code, figure), number)
        t.inside(origin(code, "work"), origin(code, IN_PERIOD))
        t.inside(origin(code, MEASURED), origin(code, IN_PERIOD))
        t.inside(origin(code, ROSE), origin(code, MEASURED))
        t.inside(origin(code, AT_END), origin(code, IN_PERIOD))
        t.inside(origin(code, OVERDUE), origin(code, AT_END))
    for figure, total_key in ORIGIN_FIGURES:
        t.breakdown(total_key, [origin(code, figure) for code, _group in groups])


def suppressed(figures: inclusion.InclusionFigures, minimum: int) -> suppression.Result:
    """Which counts the report may print."""
    return table(figures).suppress(minimum)
