"""Differencing attacks on the figures a manager can export: none gives a small group exactly.

On the demo caseload of 3,000 clients (seed 5), a reader takes the JSON output of
``trede report inclusion`` and the team bundles of ``trede bundle export`` and subtracts:
a period minus a shorter one (Jan–Nov minus Jan–Oct), the whole municipality minus the other
teams, and bundles minus bundles or reports. Wherever the true difference is a group of 1 to 9
clients, the reader's answer must not be that number.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator, Mapping
from dataclasses import dataclass

import pytest

from app import database, main
from caseload import demo, inclusion, inclusion_cells, people

TODAY = dt.date(2026, 12, 4)
#: (longer, shorter): the same first day, the longer one a month more.
PERIOD_PAIRS = [
    ((dt.date(2026, 1, 1), dt.date(2026, 11, 30)), (dt.date(2026, 1, 1), dt.date(2026, 10, 31))),
    ((dt.date(2026, 1, 1), dt.date(2026, 10, 31)), (dt.date(2026, 1, 1), dt.date(2026, 9, 30))),
    ((dt.date(2025, 1, 1), dt.date(2025, 12, 31)), (dt.date(2025, 1, 1), dt.date(2025, 11, 30))),
]
WHOLE_PERIODS = [(dt.date(2025, 1, 1), dt.date(2025, 12, 31)), PERIOD_PAIRS[0][0]]
BUNDLE_PERIOD = WHOLE_PERIODS[0]

Counts = Mapping[str, int | None]


@dataclass(frozen=True)
class Released:
    """What a reader has (published counts) and the truth behind it, per scope and period."""

    teams: list[str]
    reports: dict[tuple[str | None, tuple[dt.date, dt.date]], Counts]
    bundles: dict[str | None, Counts]
    truth: dict[tuple[str | None, tuple[dt.date, dt.date]], Mapping[str, int]]
    #: Every stretch a report's JSON also holds (previous period, quarters) and the report's
    #: own period, with its counts, per scope and (start, end).
    slices: dict[tuple[str | None, tuple[dt.date, dt.date]], Counts]


def _run(*arguments: str) -> None:
    assert main.main(list(arguments)) == 0


@pytest.fixture(scope="module")
def released(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Released]:
    folder = tmp_path_factory.mktemp("differencing")
    db_path = folder / "demo.db"
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("TREDE_CONFIG_DIR", str(folder / "config"))
        db = database.open_database(db_path)
        demo.fill(db, 3000, seed=5, today=TODAY)
        teams = people.teams(db)
        periods = {period for pair in PERIOD_PAIRS for period in pair} | set(WHOLE_PERIODS)
        reports: dict[tuple[str | None, tuple[dt.date, dt.date]], Counts] = {}
        slices: dict[tuple[str | None, tuple[dt.date, dt.date]], Counts] = {}
        truth = {}
        for scope in [None, *teams]:
            for start, end in sorted(periods):
                out = folder / f"r-{scope}-{start}-{end}.json"
                team = ["--team", scope] if scope else []
                _run("report", "inclusion", "--db", str(db_path), "--from", start.isoformat(),
                     "--to", end.isoformat(), "--out", str(out), "--today", TODAY.isoformat(),
                     *team)  # fmt: skip
                content = json.loads(out.read_text("utf-8"))
                reports[scope, (start, end)] = content["counts"]
                slices[scope, (start, end)] = content["counts"]
                for piece in [content["previous"], *content["quarters"]]:
                    span = (
                        dt.date.fromisoformat(piece["start"]),
                        dt.date.fromisoformat(piece["end"]),
                    )
                    slices[scope, span] = piece["counts"]
        for scope, span in slices:
            if (scope, span) not in truth:
                figures = inclusion.figures(db, inclusion.Period(*span, scope))
                truth[scope, span] = inclusion_cells.counts(figures)
        bundles: dict[str | None, Counts] = {}
        for scope in [None, *teams]:
            out = folder / f"b-{scope}.json"
            team = ["--team", scope] if scope else []
            _run("bundle", "export", "--db", str(db_path), "--from",
                 BUNDLE_PERIOD[0].isoformat(), "--to", BUNDLE_PERIOD[1].isoformat(),
                 "--out", str(out), "--today", TODAY.isoformat(), *team)  # fmt: skip
            bundles[scope] = json.loads(out.read_text("utf-8"))["counts"]
        db.close()
    yield Released(teams, reports, bundles, truth, slices)


def _attack(
    minuend: Counts, subtrahends: list[Counts], truth: Mapping[str, int]
) -> tuple[int, int]:
    """(targets, recovered): differences whose truth is 1–9, and how many come out exactly."""
    targets = recovered = 0
    for cell, true_value in truth.items():
        if not 1 <= true_value <= 9:
            continue
        values = [minuend.get(cell), *(part.get(cell) for part in subtrahends)]
        if any(value is None for value in values):
            continue  # a hidden count gives the reader nothing to subtract
        targets += 1
        first, *rest = values
        assert first is not None
        if first - sum(value or 0 for value in rest) == true_value:
            recovered += 1
    return targets, recovered


def _difference(a: Mapping[str, int], *others: Mapping[str, int]) -> dict[str, int]:
    return {cell: a[cell] - sum(other.get(cell, 0) for other in others) for cell in a}


def _unrounded(truth: Mapping[str, int]) -> dict[str, int | None]:
    """The old way: small counts hidden, every other count exact."""
    return {cell: None if 0 < n < 10 else n for cell, n in truth.items()}


def test_period_minus_period_recovers_no_small_group(released: Released) -> None:
    targets = recovered = old = 0
    for scope in [None, *released.teams]:
        for longer, shorter in PERIOD_PAIRS:
            truth = _difference(released.truth[scope, longer], released.truth[scope, shorter])
            found = _attack(
                released.reports[scope, longer], [released.reports[scope, shorter]], truth
            )
            targets += found[0]
            recovered += found[1]
            old += _attack(
                _unrounded(released.truth[scope, longer]),
                [_unrounded(released.truth[scope, shorter])],
                truth,
            )[1]
    print(
        f"period minus period: {targets} small targets, {recovered} recovered, exact figures {old}"
    )
    assert targets > 50, "the attack must have small groups to aim at"
    assert old > 10, "exact figures would give small groups away"
    assert recovered == 0


def test_the_whole_minus_the_other_teams_recovers_no_small_group(released: Released) -> None:
    targets = recovered = old = 0
    for period in WHOLE_PERIODS:
        whole = released.reports[None, period]
        for team in released.teams:
            others = [released.reports[t, period] for t in released.teams if t != team]
            truth = _difference(
                released.truth[None, period],
                *(released.truth[t, period] for t in released.teams if t != team),
            )
            found = _attack(whole, others, truth)
            targets += found[0]
            recovered += found[1]
            old += _attack(
                _unrounded(released.truth[None, period]),
                [_unrounded(released.truth[t, period]) for t in released.teams if t != team],
                truth,
            )[1]
    print(f"whole minus teams: {targets} small targets, {recovered} recovered, exact figures {old}")
    assert targets > 10
    assert old > 0
    assert recovered == 0


def test_bundles_hold_no_small_group_and_give_none_by_differencing(released: Released) -> None:
    period = BUNDLE_PERIOD
    exposed = [
        (scope, cell)
        for scope, counts in released.bundles.items()
        for cell, value in counts.items()
        if value is not None and 1 <= value <= 9
    ]
    assert exposed == []
    targets = recovered = 0
    for team in released.teams:
        others = [t for t in released.teams if t != team]
        truth = _difference(
            released.truth[None, period], *(released.truth[t, period] for t in others)
        )
        # bundle of the whole minus the other teams' bundles, and minus their reports
        for subtrahends in (
            [released.bundles[t] for t in others],
            [released.reports[t, period] for t in others],
        ):
            found = _attack(released.bundles[None], subtrahends, truth)
            targets += found[0]
            recovered += found[1]
        # a team's bundle against its own report: the small cells the report hides
        own = released.truth[team, period]
        hidden = {
            cell: n for cell, n in own.items() if released.reports[team, period][cell] is None
        }
        found = _attack(released.bundles[team], [], hidden)
        targets += found[0]
        recovered += found[1]
    print(f"bundles: {targets} small targets, {recovered} recovered")
    assert targets > 50
    assert recovered == 0


def test_quarters_and_the_previous_period_recover_no_small_group(released: Released) -> None:
    """The first page and the trends add stretches of time to each JSON; any two that share a
    first or a last day (a quarter cut at the period's end against a whole one, the previous
    period against last year's report) differ by no small group exactly."""
    shown = [value for counts in released.slices.values() for value in counts.values()]
    assert all(value is None or value % 10 == 0 for value in shown)
    targets = recovered = 0
    for (scope, longer), counts in released.slices.items():
        for (other_scope, shorter), other in released.slices.items():
            inside = longer[0] <= shorter[0] and shorter[1] <= longer[1]
            if other_scope != scope or shorter == longer or not inside:
                continue
            if shorter[0] != longer[0] and shorter[1] != longer[1]:
                continue
            truth = _difference(released.truth[scope, longer], released.truth[scope, shorter])
            found = _attack(counts, [other], truth)
            targets += found[0]
            recovered += found[1]
    print(f"quarters and previous periods: {targets} small targets, {recovered} recovered")
    assert targets > 100
    assert recovered == 0
