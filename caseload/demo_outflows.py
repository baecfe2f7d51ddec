"""The demo's outflow to work: the job and the six-month follow-up of each client who left for it.

Kept apart from :mod:`caseload.demo` (which calls :func:`fill` after the clients are written) with
its own random stream, so the rest of a seed's demo stays the same.
"""

from __future__ import annotations

import bisect
import datetime as dt
import itertools
import random
from collections.abc import Sequence
from typing import Any

from sqlite_utils import Database


class Chooser:
    """A weighted choice that costs one random number and one bisect."""

    def __init__(self, weighted: Sequence[tuple[Any, float]]) -> None:
        self.values = [value for value, _weight in weighted]
        self.cumulative = list(itertools.accumulate(weight for _value, weight in weighted))

    def __call__(self, rng: random.Random) -> Any:
        point = rng.random() * self.cumulative[-1]
        return self.values[bisect.bisect_right(self.cumulative, point)]


# Main sections of SBI 2008 (caseload.vocab.EMPLOYER_SECTORS): care, cleaning (N), logistics,
# hospitality, retail, building, government, industry.
_SECTORS = Chooser(
    [
        ("Q", 20),
        ("N", 15),
        ("H", 18),
        ("I", 12),
        ("G", 14),
        ("F", 8),
        ("O", 5),
        ("C", 8),
    ]
)
_CONTRACTS = Chooser([("tijdelijk", 50), ("vast", 15), ("uitzend", 25), ("oproep", 10)])
#: Days from outflow to the follow-up question "werkt de klant nog?".
FOLLOWUP_DAYS = 182


def fill(db: Database, seed: int, today: dt.date) -> int:
    """The job and the six-month follow-up of every client who left for work.

    Its own random stream (from the seed), so the rest of a seed's demo stays as it was. About
    seven in ten of the answered follow-ups still work; some due ones are not answered yet.
    """
    rng = random.Random(f"outflows:{seed}")
    rows = db.execute(
        "SELECT id, closed_on FROM clients WHERE closing_reason = 'uitstroom_werk' "
        "AND closed_on IS NOT NULL ORDER BY id"
    ).fetchall()
    made = 0
    for client_id, closed_on in rows:
        closed = dt.date.fromisoformat(closed_on)
        start = closed + dt.timedelta(days=rng.randint(0, 14))
        cursor = db.conn.execute(
            "INSERT INTO outflows (client_id, closed_on, start_on, employer_sector, "
            "hours_per_week, contract_type) VALUES (?, ?, ?, ?, ?, ?)",
            (
                client_id,
                closed_on,
                start.isoformat(),
                _SECTORS(rng),
                float(rng.choice((12, 16, 20, 24, 28, 32, 36, 38))),
                _CONTRACTS(rng),
            ),
        )
        due = closed + dt.timedelta(days=FOLLOWUP_DAYS)
        answered, still = None, None
        if due <= today and rng.random() < 0.85:
            answered = min(today, due + dt.timedelta(days=rng.randint(0, 21)))
            still = int(rng.random() < 0.7)
        db.conn.execute(
            "INSERT INTO followups (client_id, outflow_id, due_on, answered_on, still_working) "
            "VALUES (?, ?, ?, ?, ?)",
            (
                client_id,
                cursor.lastrowid,
                due.isoformat(),
                None if answered is None else answered.isoformat(),
                still,
            ),
        )
        made += 1
    return made
