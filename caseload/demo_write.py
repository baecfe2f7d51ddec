"""Writing the demo's rows: many rows per INSERT statement, in the order of the indexes kept.

A statement that writes many rows keeps its cursors open from one row to the next, so the
index cursor of a row that sorts after the previous one stays on the last page and the row is
appended without a search from the root. The demo writes each table in client order (and each
client's contacts and measurements by day), so the indexes in ``IN_WRITE_ORDER`` are kept
while writing at a cost that grows with the rows alone; the others are dropped and built at
the end, where SQLite has to sort every row (which grows faster than the rows).
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from typing import Any

from sqlite_utils import Database

#: The columns written per table, in the order of the generator's tuples.
COLUMNS: dict[str, tuple[str, ...]] = {
    "clients": (
        "id",
        "reference",
        "initials",
        "first_name",
        "surname_prefix",
        "surname",
        "birth_date",
        "guidance_start",
        "klantmanager",
        "team",
        "status",
        "closed_on",
        "closing_reason",
        "language_speaking",
        "language_listening",
        "sort_name",
        "created_at",
        "updated_at",
    ),
    "ladder_steps": ("client_id", "measured_on", "trede", "note", "measured_by"),
    "barriers": (
        "id",
        "client_id",
        "kind",
        "severity",
        "status",
        "since",
        "resolved_on",
        "note",
    ),
    "barrier_events": ("barrier_id", "client_id", "happened_on", "change", "severity", "status"),
    "contacts": ("client_id", "contact_on", "kind", "minutes", "summary", "share_with_client"),
    "actions": ("client_id", "goal", "intervention", "start_on", "due_on", "status", "result"),
    "appointments": ("client_id", "planned_on", "planned_time", "kind", "note", "status"),
}
#: The planning columns of active clients: an update of rows already written.
PLANS = "UPDATE clients SET contact_every_days = ?, planned_measurement_on = ? WHERE id = ?"

#: Indexes whose order the rows are written in (client by client, ids ascending, each client's
#: contacts, measurements and appointments by day, its barriers' events barrier by barrier; the
#: reference is "KL" and the id in seven digits): kept while writing, each row appended. Not
#: those that start with the client but are not in order within a client (actions by status,
#: barrier events by day): their pages split half full, and reading them back (the summary)
#: then cost more than sorting them once at the end.
IN_WRITE_ORDER: frozenset[tuple[str, tuple[str, ...]]] = frozenset(
    {
        ("clients", ("reference",)),
        ("ladder_steps", ("client_id", "measured_on")),
        ("barriers", ("client_id",)),
        ("barrier_events", ("barrier_id",)),
        ("contacts", ("client_id", "contact_on")),
        ("appointments", ("client_id", "planned_on")),
    }
)

#: At most this many parameters in one statement (the limit of SQLite builds before 3.32).
MAX_PARAMETERS = 999


def _statement(table: str, rows: int) -> str:
    columns = COLUMNS[table]
    one = "(" + ", ".join("?" * len(columns)) + ")"
    return f"INSERT INTO {table} ({', '.join(columns)}) VALUES " + ", ".join([one] * rows)


def write(db: Database, table: str, rows: Sequence[tuple[Any, ...]]) -> None:
    """Write these rows (or, for ``plans``, these updates) in their order."""
    if table == "plans":
        db.conn.executemany(PLANS, rows)
        return
    per = MAX_PARAMETERS // len(COLUMNS[table])
    whole = len(rows) - len(rows) % per
    if whole:
        flat = list(itertools.chain.from_iterable(rows[:whole]))
        step = per * len(COLUMNS[table])
        db.conn.executemany(
            _statement(table, per),
            (flat[start : start + step] for start in range(0, len(flat), step)),
        )
    if whole < len(rows):
        rest = rows[whole:]
        db.conn.execute(_statement(table, len(rest)), list(itertools.chain.from_iterable(rest)))


#: Bytes of the search index FTS5 gathers in memory before it writes them as a segment (its own
#: default is 1 MB). Filled at once, the search index of half a million clients is then written
#: in a few segments instead of hundreds that are merged level by level (which grows faster
#: than the clients); the setting is removed again afterwards, so later writes use the default.
SEARCH_HASH_BYTES = 64 * 1024 * 1024


def fill_search_index(db: Database, table: str) -> None:
    """Fill the FTS5 search index ``table`` from every client at once."""
    db.execute(f"INSERT INTO {table}({table}, rank) VALUES ('hashsize', {SEARCH_HASH_BYTES})")
    db.execute(f"INSERT INTO {table}({table}) VALUES ('rebuild')")
    db.execute(f"DELETE FROM {table}_config WHERE k = 'hashsize'")
