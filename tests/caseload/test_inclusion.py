"""The inclusion figures match an independent count in plain SQL, for several periods and a team."""

from __future__ import annotations

import datetime as dt
import statistics
from pathlib import Path
from typing import Any

import pytest
from sqlite_utils import Database

from app import database
from caseload import demo, inclusion, vocab

TODAY = dt.date(2026, 3, 16)
PERIODS = [
    (dt.date(2025, 1, 1), dt.date(2025, 12, 31), None),
    (dt.date(2025, 7, 1), dt.date(2026, 3, 16), None),
    (dt.date(2025, 7, 1), dt.date(2026, 3, 16), "Team Noord"),
    (dt.date(2024, 3, 1), dt.date(2024, 8, 31), "Team Oost"),
    (dt.date(2025, 6, 15), dt.date(2025, 6, 15), None),
]


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory: pytest.TempPathFactory) -> Database:
    db = database.open_database(tmp_path_factory.mktemp("inclusion") / "demo.db")
    demo.fill(db, 200, seed=11, today=TODAY)
    return db


def _params(start: dt.date, end: dt.date, team: str | None) -> dict[str, Any]:
    return {
        "start": start.isoformat(),
        "end": end.isoformat(),
        "team": team,
        "cutoff": (end - dt.timedelta(days=14)).isoformat(),
    }


#: Clients of the team (or all) whose guidance overlaps the period, written out plainly.
SCOPE = "(:team IS NULL OR team = :team) AND guidance_start <= :end AND (closed_on IS NULL OR closed_on >= :start)"


def _one(db: Database, sql: str, params: dict[str, Any]) -> int:
    return int(db.execute(sql, params).fetchone()[0] or 0)


def _newest_step(on: str) -> str:
    """Each client's newest step on or before a day, by ranking (not as the module does)."""
    return f"""(SELECT client_id, trede FROM (
        SELECT client_id, trede, row_number() OVER (
            PARTITION BY client_id ORDER BY measured_on DESC, id DESC) AS rank
        FROM ladder_steps WHERE measured_on <= {on}) WHERE rank = 1)"""


def _distribution(db: Database, params: dict[str, Any], when: str, on: str) -> tuple[int, ...]:
    rows = db.execute(
        f"""SELECT coalesce(n.trede, 0), count(*) FROM clients c
        LEFT JOIN {_newest_step(on)} n ON n.client_id = c.id
        WHERE {SCOPE} AND {when} GROUP BY 1""",
        params,
    ).fetchall()
    counts = [0] * 7
    for trede, number in rows:
        counts[trede] = number
    return tuple(counts)


def _movement(db: Database, params: dict[str, Any]) -> tuple[int, int, int, int]:
    rows = db.execute(
        f"""WITH steps AS (
            SELECT s.client_id, s.id, s.trede,
                   s.measured_on <= :start AS before,
                   s.measured_on BETWEEN :start AND :end AS inside,
                   row_number() OVER (PARTITION BY s.client_id, s.measured_on <= :start
                                      ORDER BY s.measured_on DESC, s.id DESC) AS newest,
                   row_number() OVER (PARTITION BY s.client_id,
                                      s.measured_on BETWEEN :start AND :end
                                      ORDER BY s.measured_on, s.id) AS oldest
            FROM ladder_steps s JOIN clients c ON c.id = s.client_id WHERE {SCOPE}
        ), pairs AS (
            SELECT c.id,
                coalesce((SELECT id FROM steps WHERE client_id = c.id AND before AND newest = 1),
                         (SELECT id FROM steps WHERE client_id = c.id AND inside AND oldest = 1))
                    AS from_id,
                (SELECT id FROM steps WHERE client_id = c.id AND inside
                 ORDER BY oldest DESC LIMIT 1) AS to_id
            FROM clients c WHERE {SCOPE}
        )
        SELECT a.trede, b.trede FROM pairs
        JOIN ladder_steps a ON a.id = pairs.from_id JOIN ladder_steps b ON b.id = pairs.to_id
        WHERE pairs.from_id != pairs.to_id""",
        params,
    ).fetchall()
    rose = sum(1 for before, after in rows if after > before)
    fell = sum(1 for before, after in rows if after < before)
    return len(rows), rose, len(rows) - rose - fell, fell


def _kinds(db: Database, sql: str, params: dict[str, Any]) -> dict[str, tuple[int, int]]:
    return {kind: (n, done) for kind, n, done in db.execute(sql, params).fetchall()}


def _median_gap(db: Database, params: dict[str, Any]) -> float | None:
    rows = db.execute(
        f"""SELECT k.client_id, min(k.contact_on), max(k.contact_on), count(*)
        FROM contacts k JOIN clients c ON c.id = k.client_id
        WHERE {SCOPE} AND k.contact_on BETWEEN :start AND :end
        GROUP BY k.client_id HAVING count(*) >= 2""",
        params,
    ).fetchall()
    averages = [
        (dt.date.fromisoformat(last) - dt.date.fromisoformat(first)).days / (n - 1)
        for _client, first, last, n in rows
    ]
    return statistics.median(averages) if averages else None


@pytest.mark.parametrize(("start", "end", "team"), PERIODS)
def test_figures_match_an_independent_count(
    demo_db: Database, start: dt.date, end: dt.date, team: str | None
) -> None:
    db, params = demo_db, _params(start, end, team)
    figures = inclusion.figures(db, inclusion.Period(start, end, team))
    total = figures.total

    assert total.in_period == _one(db, f"SELECT count(*) FROM clients WHERE {SCOPE}", params)
    assert total.at_start == _one(
        db, f"SELECT count(*) FROM clients WHERE {SCOPE} AND guidance_start < :start", params
    )
    assert total.inflow == _one(
        db,
        "SELECT count(*) FROM clients WHERE (:team IS NULL OR team = :team) "
        "AND guidance_start BETWEEN :start AND :end",
        params,
    )
    assert total.outflow == _one(
        db,
        "SELECT count(*) FROM clients WHERE (:team IS NULL OR team = :team) "
        "AND closed_on BETWEEN :start AND :end",
        params,
    )
    assert total.at_end == _one(
        db,
        "SELECT count(*) FROM clients WHERE (:team IS NULL OR team = :team) "
        "AND guidance_start <= :end AND (closed_on IS NULL OR closed_on > :end)",
        params,
    )
    reasons = dict(
        db.execute(
            "SELECT closing_reason, count(*) FROM clients WHERE (:team IS NULL OR team = :team) "
            "AND closed_on BETWEEN :start AND :end GROUP BY closing_reason",
            params,
        ).fetchall()
    )
    assert dict(figures.outflow_reasons) == {
        code: reasons.get(code, 0) for code in vocab.CLOSING_REASONS.codes()
    }
    assert total.outflow_to_work == reasons.get("uitstroom_werk", 0)

    assert figures.ladder_start == _distribution(db, params, "guidance_start < :start", ":start")
    assert figures.ladder_end == _distribution(
        db, params, "(closed_on IS NULL OR closed_on > :end)", ":end"
    )
    assert (total.measured, total.rose, total.stayed, total.fell) == _movement(db, params)

    barriers = _kinds(
        db,
        f"""SELECT b.kind, count(DISTINCT b.client_id), count(DISTINCT CASE
                WHEN b.resolved_on BETWEEN :start AND :end THEN b.client_id END)
            FROM barriers b JOIN clients c ON c.id = b.client_id
            WHERE {SCOPE} AND b.since <= :end AND (b.resolved_on IS NULL OR b.resolved_on >= :start)
            GROUP BY b.kind""",
        params,
    )
    assert {k.kind: (k.clients, k.finished) for k in figures.barriers if k.clients} == barriers
    actions = _kinds(
        db,
        f"""SELECT a.intervention, count(DISTINCT a.client_id), count(DISTINCT CASE
                WHEN a.status = 'afgerond' THEN a.client_id END)
            FROM actions a JOIN clients c ON c.id = a.client_id
            WHERE {SCOPE} AND a.start_on BETWEEN :start AND :end GROUP BY a.intervention""",
        params,
    )
    assert {k.kind: (k.clients, k.finished) for k in figures.interventions if k.clients} == actions

    assert total.no_recent_contact == _one(
        db,
        f"""SELECT count(*) FROM clients c WHERE {SCOPE} AND (closed_on IS NULL OR closed_on > :end)
        AND coalesce((SELECT max(contact_on) FROM contacts WHERE client_id = c.id
                      AND contact_on <= :end), '') < :cutoff""",
        params,
    )
    expected_median = _median_gap(db, params)
    if expected_median is None:
        assert figures.contacts.median_days is None
    else:
        # The module rounds each client's average to a tenth of a day before the median.
        assert figures.contacts.median_days == pytest.approx(expected_median, abs=0.06)


def test_the_figures_add_up(demo_db: Database) -> None:
    figures = inclusion.figures(demo_db, inclusion.Period(dt.date(2025, 1, 1), TODAY))
    total = figures.total
    assert total.at_start + total.inflow == total.in_period == total.at_end + total.outflow
    assert sum(figures.ladder_start) == total.at_start
    assert sum(figures.ladder_end) == total.at_end
    assert sum(number for _code, number in figures.outflow_reasons) == total.outflow
    assert total.rose + total.stayed + total.fell == total.measured
    # Enough data for the test above to mean something.
    assert total.inflow and total.outflow and total.rose and total.fell


def test_a_team_without_clients_gives_zeros(demo_db: Database) -> None:
    figures = inclusion.figures(demo_db, inclusion.Period(dt.date(2025, 1, 1), TODAY, "Geen"))
    assert figures.total.in_period == 0 and figures.contacts.median_days is None


def test_origin_groups_partition_the_clients(demo_db: Database, tmp_path: Path) -> None:
    figures = inclusion.figures(
        demo_db, inclusion.Period(dt.date(2025, 1, 1), TODAY), origin_enabled=True
    )
    assert figures.origin is not None
    assert [code for code, _group in figures.origin] == list(inclusion.ORIGIN_GROUPS.codes())
    # Demo clients have no origin recorded: all of them are in the last group.
    assert dict(figures.origin)["onbekend"] == figures.total


def test_the_figures_can_be_cancelled_and_leave_nothing_behind(demo_db: Database) -> None:
    calls: list[int] = []

    def cancelled() -> bool:
        return len(calls) >= 2

    with pytest.raises(inclusion.Cancelled):
        inclusion.figures(
            demo_db,
            inclusion.Period(dt.date(2025, 1, 1), TODAY),
            progress=lambda done, total: calls.append(done),
            cancelled=cancelled,
        )
    assert not demo_db.execute(
        "SELECT 1 FROM temp.sqlite_master WHERE name = 'inclusion_facts'"
    ).fetchall()
