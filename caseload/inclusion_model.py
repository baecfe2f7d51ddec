"""The data of the inclusion report: the period asked for and the figures counted for it.

Plain frozen dataclasses, made by :mod:`caseload.inclusion` from the database and by
:mod:`caseload.bundle` from merged bundles; :mod:`caseload.inclusion` names them too.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field


class Cancelled(Exception):
    """The user stopped the report."""


@dataclass(frozen=True)
class Period:
    """The first and last day (both included) and optionally one team."""

    start: dt.date
    end: dt.date
    team: str | None = None


@dataclass(frozen=True)
class GroupFigures:
    """The key figures of one group of clients (all clients, or one origin group)."""

    in_period: int
    at_start: int
    inflow: int
    outflow: int
    at_end: int
    outflow_to_work: int
    #: Clients with two measurements (see the module docstring) and how they moved.
    measured: int
    rose: int
    stayed: int
    fell: int
    #: Clients at the end without a contact within the threshold (or never).
    no_recent_contact: int
    #: Of the outflow to work: clients whose six-month follow-up is answered, and of those the
    #: ones still working (the lasting outflow).
    work_followed: int = 0
    work_lasting: int = 0


@dataclass(frozen=True)
class KindCount:
    """How many clients had a barrier or an intervention of one kind, and how many finished it."""

    kind: str
    clients: int
    #: Barriers: solved in the period. Interventions: finished (status afgerond).
    finished: int


@dataclass(frozen=True)
class ContactIntensity:
    """How often clients were seen in the period."""

    #: Median over clients of their average days between contacts in the period (None: none).
    median_days: float | None
    #: Clients with at least two contacts in the period: the ones the median is taken over.
    clients: int
    threshold_days: int
    #: (average days rounded to 0.1, number of clients), by days: what the median is taken
    #: from, so that team bundles can be merged into one median (see caseload.bundle).
    histogram: tuple[tuple[float, int], ...] = ()
    #: The cell key of each histogram bar (see caseload.protection); empty after a merge.
    histogram_keys: tuple[int, ...] = ()


@dataclass(frozen=True)
class RoleScan:
    """The newest completed quickscan of one role in the team."""

    role: str
    label: str
    completed_on: dt.date | None
    #: The team the scan was filled in for (None: without a team, for the whole municipality).
    team: str | None = None


@dataclass(frozen=True)
class ThemeRow:
    """One theme with each role's score (None: insufficient view), largest difference first."""

    theme: str
    title: str
    #: Each role's score on the questions every role answered (None: too few of those).
    scores: tuple[float | None, ...]
    spread: float | None
    #: How many questions every role answered in this theme: what the scores rest on.
    shared: int = 0


@dataclass(frozen=True)
class QuickscanRoles:
    """The team's newest quickscans side by side."""

    questionnaire: str
    roles: tuple[RoleScan, ...]
    themes: tuple[ThemeRow, ...]


@dataclass(frozen=True)
class InclusionFigures:
    """Everything the inclusion report shows, before small groups are hidden."""

    period: Period
    total: GroupFigures
    #: Closing reason code to number of clients, in vocabulary order (unknown codes last).
    outflow_reasons: tuple[tuple[str, int], ...]
    #: Number of clients per trede 1–6 at the start and at the end; index 0 = no measurement.
    ladder_start: tuple[int, ...]
    ladder_end: tuple[int, ...]
    barriers: tuple[KindCount, ...]
    interventions: tuple[KindCount, ...]
    contacts: ContactIntensity
    quickscans: QuickscanRoles | None
    #: Origin group code to its key figures; None when origin is switched off.
    origin: tuple[tuple[str, GroupFigures], ...] | None
    #: Team name ("" for clients without a team) to its key figures, by name; None for a
    #: report of one team.
    teams: tuple[tuple[str, GroupFigures], ...] | None = None
    #: The cell key (caseload.protection) of every count, by its name in inclusion_cells;
    #: empty for figures merged from bundles, which are protected already.
    keys: dict[str, int] = field(default_factory=dict)
    #: 0: true counts. Otherwise every count is rounded already, to a multiple of this (figures
    #: merged from bundles): a report hides the small ones but rounds nothing again.
    rounded_to: int = 0
