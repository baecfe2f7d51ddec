"""Erasure of client files: one client on request, or every file past the retention period."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from caseload import clients, errors, model, records
from resources import changes
from resources.i18n import _

if TYPE_CHECKING:
    from sqlite_utils import Database

#: Called after each erased file with (done, total); for a progress bar.
Progress = Callable[[int, int], None]


@dataclass(frozen=True)
class PastRetention:
    """A closed client file whose retention period is over (only what the list shows)."""

    id: int
    reference: str
    name: str
    closed_on: dt.date
    closing_reason: str | None
    keep_until: dt.date


def keep_until(closed_on: dt.date, years: int) -> dt.date:
    """The last day a file closed on this date is kept (29 February falls back to the 28th)."""
    try:
        return closed_on.replace(year=closed_on.year + years)
    except ValueError:
        return closed_on.replace(year=closed_on.year + years, day=28)


def retention_cutoff(years: int, today: dt.date) -> dt.date:
    """Files closed before this date are past their retention period on ``today``."""
    try:
        return today.replace(year=today.year - years)
    except ValueError:  # today is 29 February
        return today.replace(year=today.year - years, day=28)


def past_retention(db: Database, years: int, today: dt.date) -> list[PastRetention]:
    """Closed files whose closing date is more than ``years`` years before ``today``, oldest first."""
    if years < 0:
        raise errors.InvalidValue("retention_years", _("dat kan niet minder dan 0 jaar zijn."))
    cutoff = retention_cutoff(years, today).isoformat()
    rows = db.query(
        "SELECT * FROM clients WHERE status = 'closed' AND closed_on IS NOT NULL "
        "AND closed_on < ? ORDER BY closed_on, id",
        [cutoff],
    )
    found = []
    for row in rows:
        client: model.Client = records.client(row)
        assert client.closed_on is not None  # the query asks for it
        found.append(
            PastRetention(
                id=client.id,
                reference=client.reference,
                name=client.display_name(),
                closed_on=client.closed_on,
                closing_reason=client.closing_reason,
                keep_until=keep_until(client.closed_on, years),
            )
        )
    return found


def flush(db: Database) -> None:
    """Write the write-ahead log into the file and empty it, so no copy of erased rows stays.

    Free pages are zeroed already (``PRAGMA secure_delete``); the log would otherwise keep the
    old pages until the next checkpoint.
    """
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchall()


def erase(db: Database, client_id: int, *, actor: str) -> changes.Changes:
    """Erase one client and every row about them; cannot be undone. The log keeps only the fact."""
    changed = clients.delete(db, client_id, actor=actor)
    flush(db)
    return changed


def erase_many(
    db: Database, client_ids: list[int], *, actor: str, progress: Progress | None = None
) -> changes.Changed[int]:
    """Erase these clients one by one (each in its own transaction); say how many."""
    for done, client_id in enumerate(client_ids, start=1):
        clients.delete(db, client_id, actor=actor)
        if progress is not None:
            progress(done, len(client_ids))
    flush(db)
    return changes.Changed(len(client_ids), changes.clients(client_ids))
