"""The denormalised summary columns on ``clients``, and the name key used for sorting.

The caseload view filters and sorts 100,000 clients on their current trede, last contact, open
barriers and actions. Aggregating millions of child rows for every keystroke is too slow, so
the stores call :func:`refresh` inside the same transaction as each change, and the demo data
calls it once for everyone. Both use the same SQL, so the two can never disagree.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable
from typing import TYPE_CHECKING

from caseload import vocab

if TYPE_CHECKING:
    from sqlite_utils import Database

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
        WHERE a.client_id = clients.id AND a.status IN ({_OPEN_ACTION})),
    -- "+p.status": by the client's own index, not by the worklist's (status, planned_on).
    next_appointment_on = (
        SELECT min(planned_on) FROM appointments p
        WHERE p.client_id = clients.id AND +p.status = 'gepland'),
    -- The kinds of the open barriers, in order, between commas (",schulden,taal,"): the barrier
    -- filter reads one client column instead of every open barrier of every closed file.
    open_barrier_kinds = (
        SELECT ',' || group_concat(kind, ',') || ',' FROM (
            SELECT DISTINCT kind FROM barriers b
            WHERE b.client_id = clients.id AND b.status IN ({_OPEN_BARRIER}) ORDER BY kind))
"""

#: The day a measurement falls due when none is planned: six months after the last one (the
#: ladder guidance asks at least twice a year); never measured, from the start of guidance.
MEASUREMENT_MONTHS = 6

#: The planning columns, from the columns above; a second statement, because an UPDATE reads
#: the old values of the row in every SET expression.
_SET_PLAN = f"""
UPDATE clients SET
    measurement_due_on = coalesce(
        planned_measurement_on,
        date(current_trede_on, '+{MEASUREMENT_MONTHS} months'),
        guidance_start,
        substr(created_at, 1, 10)),
    contact_due_on = CASE WHEN contact_every_days IS NULL THEN NULL ELSE date(
        coalesce(last_contact_on, guidance_start, substr(created_at, 1, 10)),
        '+' || contact_every_days || ' days') END
"""
#: After the line above: the earliest of the three plan dates (min() of SQLite is NULL as soon
#: as one argument is, hence the far-away stand-in). ``attention_on`` and ``default_contact_on``
#: hold the attention flag in two columns that do not depend on the settings: a client needs
#: attention when ``attention_on`` (the plan's date or the own contact frequency's, whichever
#: comes first) lies before today, or when ``default_contact_on`` (the last contact, '' for
#: never, only for a client on the default frequency) lies before the default's cutoff — so a
#: changed default contact frequency needs no write. See ``caseload_query.FLAGGED``.
_SET_PLAN_DUE = """
UPDATE clients SET plan_due_on = nullif(min(
    coalesce(next_appointment_on, '9999-12-31'),
    coalesce(next_due_on, '9999-12-31'),
    coalesce(measurement_due_on, '9999-12-31')), '9999-12-31'),
    attention_on = nullif(min(
    coalesce(next_appointment_on, '9999-12-31'),
    coalesce(next_due_on, '9999-12-31'),
    coalesce(measurement_due_on, '9999-12-31'),
    coalesce(contact_due_on, '9999-12-31')), '9999-12-31'),
    default_contact_on = CASE WHEN contact_every_days IS NULL
        THEN coalesce(last_contact_on, '') END
"""


def refresh(db: Database, client_id: int) -> None:
    """Recompute one client's summary; call it inside the transaction of the change."""
    for statement in (_SET_SUMMARY, _SET_PLAN, _SET_PLAN_DUE):
        db.execute(statement + " WHERE id = ?", [client_id])


def refresh_all(db: Database) -> None:
    """Recompute every client's summary (after bulk loading)."""
    for statement in (_SET_SUMMARY, _SET_PLAN, _SET_PLAN_DUE):
        db.execute(statement)


def refresh_many(db: Database, client_ids: Iterable[int]) -> None:
    """Recompute the summary of several clients."""
    wanted = [(ident,) for ident in client_ids]
    for statement in (_SET_SUMMARY, _SET_PLAN, _SET_PLAN_DUE):
        db.conn.executemany(statement + " WHERE id = ?", wanted)


def fold(text: str) -> str:
    """Text without diacritics and case, so that 'Öztürk' sorts with 'Ozturk'."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(char for char in decomposed if not unicodedata.combining(char)).casefold()


def sort_name(first_name: str, initials: str, surname: str) -> str:
    """The name column's sort key: surname without prefix (as Dutch lists do), then given name."""
    given = first_name or initials
    return fold(f"{surname.strip()}\x1f{given.strip()}")
