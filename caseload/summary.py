"""The denormalised summary columns on ``clients``, and the name key used for sorting.

The caseload view filters and sorts 100,000 clients on their current trede, last contact, open
barriers and actions. Aggregating millions of child rows for every keystroke is too slow, so
the stores call :func:`refresh` inside the same transaction as each change, and the demo data
calls it once for everyone. Both use the same SQL, so the two can never disagree.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable

from sqlite_utils import Database

from caseload import vocab

_OPEN_BARRIER = ", ".join(f"'{status}'" for status in vocab.OPEN_BARRIER_STATUSES)
_OPEN_ACTION = ", ".join(f"'{status}'" for status in vocab.OPEN_ACTION_STATUSES)

_SET_SUMMARY = f"""
UPDATE clients SET
    current_trede = (
        SELECT trede FROM ladder_steps s WHERE s.client_id = clients.id
        ORDER BY s.measured_on DESC, s.id DESC LIMIT 1),
    current_trede_on = (SELECT max(measured_on) FROM ladder_steps s WHERE s.client_id = clients.id),
    last_contact_on = (SELECT max(contact_on) FROM contacts c WHERE c.client_id = clients.id),
    open_barriers = (
        SELECT count(*) FROM barriers b
        WHERE b.client_id = clients.id AND b.status IN ({_OPEN_BARRIER})),
    open_actions = (
        SELECT count(*) FROM actions a
        WHERE a.client_id = clients.id AND a.status IN ({_OPEN_ACTION})),
    next_due_on = (
        SELECT min(due_on) FROM actions a
        WHERE a.client_id = clients.id AND a.status IN ({_OPEN_ACTION}))
"""


def refresh(db: Database, client_id: int) -> None:
    """Recompute one client's summary; call it inside the transaction of the change."""
    db.execute(_SET_SUMMARY + " WHERE id = ?", [client_id])


def refresh_all(db: Database) -> None:
    """Recompute every client's summary (after bulk loading)."""
    db.execute(_SET_SUMMARY)


def refresh_many(db: Database, client_ids: Iterable[int]) -> None:
    """Recompute the summary of several clients."""
    db.conn.executemany(_SET_SUMMARY + " WHERE id = ?", [(ident,) for ident in client_ids])


def fold(text: str) -> str:
    """Text without diacritics and case, so that 'Öztürk' sorts with 'Ozturk'."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(char for char in decomposed if not unicodedata.combining(char)).casefold()


def sort_name(first_name: str, initials: str, surname: str) -> str:
    """The name column's sort key: surname without prefix (as Dutch lists do), then given name."""
    given = first_name or initials
    return fold(f"{surname.strip()}\x1f{given.strip()}")
