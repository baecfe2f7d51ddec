"""The caseload overview as SQL: filter, search and sort ids; fetch the rows of one page.

The table model in the UI reads the ids of the current filter a window at a time
(``caseload_window``, same WHERE and ORDER BY as ``ids``) and fetches the display data of the
visible page (``rows``); the export reads every row of a filter in one ordered pass
(``in_order``). Everything runs on the summary columns of
``clients`` and their indexes, and on the FTS5 index for search, so it stays fast at 100,000
clients with millions of contacts.

Ordering rules: empty values (no trede yet) sort as the lowest, "days since contact" of a
client never contacted counts as endless, ties are broken by id, and descending is always the
exact reverse of ascending.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import enum
import json
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, NamedTuple

from caseload import people, schema_names
from resources.i18n import N_

if TYPE_CHECKING:
    from caseload.reads import Reads

DEFAULT_CONTACT_THRESHOLD_DAYS = 14


class SortColumn(enum.Enum):
    """The columns of the caseload view; each can be sorted on (the value is its label)."""

    REFERENCE = N_("Klantnummer")
    NAME = N_("Naam")
    TREDE = N_("Trede")
    DAYS_SINCE_CONTACT = N_("Dagen sinds contact")
    OPEN_BARRIERS = N_("Open obstakels")
    OPEN_ACTIONS = N_("Open acties")
    KLANTMANAGER = N_("Klantmanager")
    STATUS = N_("Status")


#: ORDER BY per column for ascending order (descending flips every direction).
_ORDER: dict[SortColumn, tuple[tuple[str, bool], ...]] = {
    SortColumn.REFERENCE: (("reference", False), ("id", False)),
    SortColumn.NAME: (("sort_name", False), ("id", False)),
    SortColumn.TREDE: (("current_trede", False), ("id", False)),
    # Fewest days first is the newest contact first; never contacted (NULL) comes last.
    SortColumn.DAYS_SINCE_CONTACT: (("last_contact_on", True), ("id", True)),
    SortColumn.OPEN_BARRIERS: (("open_barriers", False), ("id", False)),
    SortColumn.OPEN_ACTIONS: (("open_actions", False), ("id", False)),
    SortColumn.KLANTMANAGER: (("klantmanager", False), ("id", False)),
    SortColumn.STATUS: (("status", False), ("id", False)),
}


@dataclass(frozen=True)
class Sort:
    """A column and a direction."""

    column: SortColumn = SortColumn.NAME
    descending: bool = False

    def terms(self) -> tuple[tuple[str, bool], ...]:
        """The ORDER BY terms as (column, descending), the last one always ``id``."""
        return tuple(
            (column, reverse != self.descending) for column, reverse in _ORDER[self.column]
        )

    def order_by(self, use_sort_index: bool = True) -> str:
        """The ORDER BY clause (without the keywords).

        With ``use_sort_index`` False the first term is written as ``+column``, which keeps
        SQLite from walking the sort index and looking up every client: with a narrowing
        filter it is much faster to find the few matches by their own index and sort those.
        """
        parts = []
        for position, (column, reverse) in enumerate(_ORDER[self.column]):
            descending = reverse != self.descending
            prefix = "+" if position == 0 and not use_sort_index else ""
            parts.append(f"{prefix}{column} {'DESC' if descending else 'ASC'}")
        return ", ".join(parts)


@dataclass(frozen=True)
class CaseloadFilter:
    """What the klantmanager narrowed the caseload to; empty fields do not filter."""

    text: str = ""
    status: str | None = None  # "active", "closed" or None for both
    trede: int | None = None
    barrier_kind: str | None = None  # clients with an unresolved barrier of this kind
    #: Active clients whose plan is late: a missed appointment, an action past its due date or
    #: a measurement overdue (``clients.plan_due_on`` before today).
    overdue_actions_only: bool = False
    #: Active clients without contact for longer than their own contact frequency, or the
    #: default frequency (``contact_threshold_days``, from the settings) when they have none.
    no_recent_contact_only: bool = False
    contact_threshold_days: int = DEFAULT_CONTACT_THRESHOLD_DAYS
    klantmanager: str | None = None
    team: str | None = None


class CaseloadRow(NamedTuple):
    """What one line of the caseload view shows (a named tuple: a page makes 200 of them, and a
    frozen dataclass sets each of its 18 fields through ``object.__setattr__``)."""

    id: int
    reference: str
    name: str
    trede: int | None
    days_since_contact: int | None  # None: never contacted
    open_barriers: int
    open_actions: int
    klantmanager: str
    team: str
    status: str
    closing_reason: str | None
    no_recent_contact: bool  # active and no contact within its contact frequency (or never)
    overdue_actions: bool  # active and the plan is late (appointment, action or measurement)
    contact_every_days: int | None = None  # the client's own frequency (None: the default)
    next_appointment_on: dt.date | None = None  # a missed one when it lies before today
    next_due_on: dt.date | None = None  # the earliest open action's due day
    measurement_due_on: dt.date | None = None
    #: Handed to a colleague in a transfer file (the copy here can be erased).
    transferred: bool = False

    @property
    def needs_attention(self) -> bool:
        """Whether the row is flagged."""
        return self.no_recent_contact or self.overdue_actions


@dataclass(frozen=True)
class CaseloadCounts:
    """The numbers for the status bar."""

    total: int  # every client in the database
    shown: int  # clients that match the filter
    flagged: int  # of those, active clients that need attention


_WORD = re.compile(r"[^\W_]+")


def match_query(text: str) -> str | None:
    """The FTS5 query for search-as-you-type: every word, as a prefix (None for no words)."""
    words = _WORD.findall(text)
    if not words:
        return None
    return " ".join(f'"{word}"*' for word in words)


_DIGITS = re.compile(r"\d{3,}")


def reference_digits(text: str) -> str | None:
    """Three or more digits alone: also looked for inside klantnummers (None otherwise)."""
    typed = text.strip()
    return typed if _DIGITS.fullmatch(typed) else None


def _contact_cutoff(today: dt.date, threshold_days: int) -> str:
    return (today - dt.timedelta(days=threshold_days)).isoformat()


#: Contact frequency exceeded: the client's own (``contact_due_on``, set only for a client with
#: its own frequency), else the default: ``default_contact_on`` is the last contact ('' for
#: never) of a client without an own frequency, so it lies before the cutoff exactly when the
#: default frequency is exceeded (see ``summary``).
_NO_RECENT_CONTACT = "(contact_due_on < :today OR default_contact_on < :cutoff)"
#: The plan is late: the earliest of appointment, action due day and measurement is past.
_OVERDUE = "(plan_due_on < :today)"


#: The ids the words of a search find, straight from the search index.
SEARCHED = f"SELECT rowid FROM {schema_names.FTS_TABLE} WHERE {schema_names.FTS_TABLE} MATCH :query"


def searched_ids(flt: CaseloadFilter) -> str | None:
    """The SELECT of the ids a filter that only searches keeps, whatever their status, straight
    from the search index (with ``where_clause``'s parameters); None for any other filter."""
    if match_query(flt.text) is None:
        return None
    if narrows(dataclasses.replace(flt, text="")):
        return None
    if reference_digits(flt.text) is None:
        return SEARCHED
    return f"{SEARCHED} UNION SELECT id FROM clients WHERE reference LIKE :reference"


def matches(flt: CaseloadFilter, where: str) -> str:
    """FROM and WHERE of the clients a filter keeps (``where`` is its ``where_clause``).

    A filter that only searches by words starts from the search index and joins each id it
    finds to the client's entry in ``schema_names.SEARCH_INDEX``: the same clients as ``id IN
    (...)``, without first collecting the ids (a search's ids include every closed file) and
    without reading the clients' rows.
    """
    searched = searched_ids(flt)
    if searched != SEARCHED:
        return f"FROM clients WHERE {where}"
    status = " AND clients.status = :status" if flt.status else ""
    return (
        f"FROM {schema_names.FTS_TABLE} CROSS JOIN clients INDEXED BY {schema_names.SEARCH_INDEX} "
        f"ON clients.id = {schema_names.FTS_TABLE}.rowid "
        f"WHERE {schema_names.FTS_TABLE} MATCH :query{status}"
    )


def where_clause(flt: CaseloadFilter, today: dt.date) -> tuple[str, dict[str, Any]]:
    """The WHERE clause and its parameters for a filter."""
    clauses: list[str] = []
    params: dict[str, Any] = {
        "today": today.isoformat(),
        "cutoff": _contact_cutoff(today, flt.contact_threshold_days),
    }
    query = match_query(flt.text)
    if query is not None:
        words = f"id IN ({SEARCHED})"
        digits = reference_digits(flt.text)
        if digits is None:
            clauses.append(words)
        else:
            # "0512" also finds KL0000512: the end of a klantnummer, as people read it out.
            clauses.append(f"({words} OR reference LIKE :reference)")
            params["reference"] = f"%{digits}%"
        params["query"] = query
    if flt.status:
        clauses.append("status = :status")
        params["status"] = flt.status
    if flt.trede is not None:
        clauses.append("current_trede = :trede")
        params["trede"] = flt.trede
    if flt.barrier_kind:
        # The summary column lists the kinds of the client's open barriers between commas:
        # the barriers of every closed file are never read. "> ','" (true of every list) skips
        # the index entries of the clients without an open barrier.
        clauses.append("open_barrier_kinds > ',' AND instr(open_barrier_kinds, :kind) > 0")
        params["kind"] = f",{flt.barrier_kind},"
    if flt.overdue_actions_only:
        clauses.append(f"status = 'active' AND {_OVERDUE}")
    if flt.no_recent_contact_only:
        # Both columns are in the attention index: counted from its entries alone.
        clauses.append(f"status = 'active' AND {_NO_RECENT_CONTACT}")
    if flt.klantmanager:
        clauses.append("klantmanager = :klantmanager")
        params["klantmanager"] = flt.klantmanager
    if flt.team:
        clauses.append("team = :team")
        params["team"] = flt.team
    return (" AND ".join(clauses) or "1"), params


def narrows(flt: CaseloadFilter) -> bool:
    """Whether the filter keeps a minority of clients (anything more than a status)."""
    return bool(
        match_query(flt.text)
        or flt.trede is not None
        or flt.barrier_kind
        or flt.overdue_actions_only
        or flt.no_recent_contact_only
        or flt.klantmanager
        or flt.team
    )


def ids(
    db: Reads,
    flt: CaseloadFilter,
    sort: Sort = Sort(),
    today: dt.date | None = None,
) -> list[int]:
    """The ids of every client that matches the filter, in the order of ``sort``: the whole
    list at once, the order the windows of ``caseload_window`` and the export follow."""
    sql, params = _ordered("id", flt, sort, dt.date.today() if today is None else today)
    return [row[0] for row in db.execute(sql, params).fetchall()]


def _ordered(
    columns: str, flt: CaseloadFilter, sort: Sort, today: dt.date
) -> tuple[str, dict[str, Any]]:
    """The SELECT of ``columns`` of every client the filter keeps, in the order of ``sort``."""
    where, params = where_clause(flt, today)
    order = sort.order_by(not narrows(flt))
    return f"SELECT {columns} FROM clients WHERE {where} ORDER BY {order}", params


def matching(
    db: Reads, flt: CaseloadFilter, client_ids: Iterable[int], today: dt.date | None = None
) -> set[int]:
    """Which of these clients the filter still shows (after an edit, a closing, a reopening)."""
    wanted = sorted(set(client_ids))
    if not wanted:
        return set()
    where, params = where_clause(flt, dt.date.today() if today is None else today)
    marks = ", ".join(f":id{index}" for index in range(len(wanted)))
    params.update({f"id{index}": ident for index, ident in enumerate(wanted)})
    sql = f"SELECT id FROM clients WHERE ({where}) AND id IN ({marks})"
    return {row[0] for row in db.execute(sql, params).fetchall()}


def _date(value: str | None) -> dt.date | None:
    return None if value is None else dt.date.fromisoformat(value)


def _days(last: str | None, today: dt.date) -> int | None:
    return None if last is None else (today - dt.date.fromisoformat(last)).days


#: The columns a :class:`CaseloadRow` is made of, in the order :func:`_row` takes them.
_ROW_COLUMNS = (
    "id, reference, initials, first_name, surname_prefix, surname, current_trede, "
    "last_contact_on, open_barriers, open_actions, klantmanager, team, status, "
    "closing_reason, next_due_on, contact_every_days, contact_due_on, plan_due_on, "
    "next_appointment_on, measurement_due_on, transferred_on"
)
_ROW_WIDTH = _ROW_COLUMNS.count(",") + 1


def _row(values: Sequence[Any], today: dt.date, today_text: str, cutoff: str) -> CaseloadRow:
    """One client's line from the values of :data:`_ROW_COLUMNS` (plain tuples, the day as text
    once: this runs for every row the table shows and the export writes)."""
    (
        ident,
        reference,
        initials,
        first_name,
        surname_prefix,
        surname,
        trede,
        last,
        open_barriers,
        open_actions,
        klantmanager,
        team,
        status,
        closing_reason,
        next_due_on,
        contact_every_days,
        contact_due_on,
        plan_due_on,
        next_appointment_on,
        measurement_due_on,
        transferred_on,
    ) = values[:_ROW_WIDTH]
    active = status == "active"
    return CaseloadRow(
        id=ident,
        reference=reference,
        name=people.display_name(
            first_name or "", initials or "", surname_prefix or "", surname or ""
        ),
        trede=trede,
        days_since_contact=_days(last, today),
        open_barriers=open_barriers,
        open_actions=open_actions,
        klantmanager=klantmanager or "",
        team=team or "",
        status=status,
        closing_reason=closing_reason,
        transferred=bool(transferred_on),
        no_recent_contact=active
        and (
            (contact_due_on or "9999") < today_text
            if contact_every_days is not None
            else (last is None or last < cutoff)
        ),
        overdue_actions=active and plan_due_on is not None and plan_due_on < today_text,
        contact_every_days=contact_every_days,
        next_appointment_on=_date(next_appointment_on),
        next_due_on=_date(next_due_on),
        measurement_due_on=_date(measurement_due_on),
    )


def rows(
    db: Reads,
    client_ids: list[int],
    today: dt.date | None = None,
    contact_threshold_days: int = DEFAULT_CONTACT_THRESHOLD_DAYS,
) -> list[CaseloadRow]:
    """The display data of these clients, in the same order (ids that are gone are left out)."""
    today = dt.date.today() if today is None else today
    cutoff = _contact_cutoff(today, contact_threshold_days)
    today_text = today.isoformat()
    sql = f"SELECT {_ROW_COLUMNS} FROM clients WHERE id IN (SELECT value FROM json_each(:ids))"
    found = {
        values[0]: _row(values, today, today_text, cutoff)
        for values in db.execute(sql, {"ids": json.dumps(client_ids)}).fetchall()
    }
    return [found[ident] for ident in client_ids if ident in found]


def in_order(
    db: Reads,
    flt: CaseloadFilter,
    sort: Sort = Sort(),
    today: dt.date | None = None,
    *,
    also: Sequence[str] = (),
    page: int = 1000,
) -> Iterator[list[tuple[CaseloadRow, tuple[Any, ...]]]]:
    """Every client the filter keeps, in the order of ``sort``, as pages of rows, each with the
    values of the SQL expressions in ``also``.

    One query read as it goes (the export of a ten-year file): no list of ids first and no
    look-up of each page by id, and every row from the same moment of the database.
    """
    today = dt.date.today() if today is None else today
    cutoff = _contact_cutoff(today, flt.contact_threshold_days)
    today_text = today.isoformat()
    extra = "".join(f", {expression}" for expression in also)
    cursor = db.execute(*_ordered(_ROW_COLUMNS + extra, flt, sort, today))
    while found := cursor.fetchmany(page):
        yield [(_row(values, today, today_text, cutoff), values[_ROW_WIDTH:]) for values in found]


#: Needs attention: active, and the plan or the contact frequency late. ``attention_on`` is the
#: earliest of ``plan_due_on`` and ``contact_due_on``, so this is ``_NO_RECENT_CONTACT OR
#: _OVERDUE`` in two columns, which the attention index and the filters' indexes hold: a
#: count reads index entries, not the rows of the clients.
FLAGGED = "status = 'active' AND (attention_on < :today OR default_contact_on < :cutoff)"


#: The same count as index ranges that never overlap: the plan or the own frequency late, and
#: (not so) the default frequency late. Each range reads only the entries it counts.
_FLAGGED_COUNT = (
    "SELECT (SELECT count(*) FROM clients WHERE status = 'active' AND attention_on < :today) "
    "+ (SELECT count(*) FROM clients WHERE status = 'active' AND default_contact_on < :cutoff "
    "AND NOT coalesce(attention_on < :today, 0))"
)
#: "Te lang geen contact" alone, counted as two index ranges that never overlap: a client with
#: its own frequency has a ``contact_due_on`` and no ``default_contact_on``, any other the reverse.
_NO_RECENT_COUNT = (
    "SELECT (SELECT count(*) FROM clients WHERE status = 'active' AND contact_due_on < :today) "
    "+ (SELECT count(*) FROM clients WHERE status = 'active' AND default_contact_on < :cutoff)"
)


def count_sql(flt: CaseloadFilter, where: str) -> str:
    """The SQL that counts the clients a filter keeps (``where`` is its ``where_clause``)."""
    alone = dataclasses.replace(flt, no_recent_contact_only=False)
    if flt.no_recent_contact_only and flt.status in (None, "active") and not narrows(alone):
        return _NO_RECENT_COUNT
    return f"SELECT count(*) {matches(flt, where)}"


def count(db: Reads, flt: CaseloadFilter, today: dt.date | None = None) -> int:
    """How many clients the filter keeps."""
    where, params = where_clause(flt, dt.date.today() if today is None else today)
    return int(db.execute(count_sql(flt, where), params).fetchone()[0])


def implies_flagged(flt: CaseloadFilter) -> bool:
    """Whether every client the filter keeps needs attention (its flagged count is its count)."""
    return flt.overdue_actions_only or flt.no_recent_contact_only


def flagged(db: Reads, flt: CaseloadFilter, today: dt.date | None = None) -> int:
    """How many clients of the filter need attention (without counting anything else)."""
    where, params = where_clause(flt, dt.date.today() if today is None else today)
    if narrows(flt):
        sql = f"SELECT coalesce(sum({FLAGGED}), 0) FROM clients WHERE {where}"
    elif flt.status not in (None, "active"):
        # Only an active client is ever flagged: no closed file needs looking at (a 10-year
        # file holds hundreds of thousands).
        return 0
    else:
        # Every flagged client is active: "Alle" and "Actief" both count the flagged clients'
        # index entries alone (not every active client looked up).
        sql = _FLAGGED_COUNT
    return int(db.execute(sql, params).fetchone()[0])


def data_version(db: Reads) -> tuple[int, int]:
    """A value that changes whenever this connection or any other one writes to the database.

    Rows modified by this connection, and SQLite's ``data_version`` for commits by others:
    while it stays the same, whatever was read from the database is still true.
    """
    version = db.execute("PRAGMA data_version").fetchone()[0]
    return (db.conn.total_changes, int(version))


def total(db: Reads) -> int:
    """Every client in the database."""
    return int(db.execute("SELECT count(*) FROM clients").fetchone()[0])


def counts(db: Reads, flt: CaseloadFilter, today: dt.date | None = None) -> CaseloadCounts:
    """Total, shown and flagged clients for the status bar."""
    where, params = where_clause(flt, dt.date.today() if today is None else today)
    sql = f"SELECT count(*), coalesce(sum({FLAGGED}), 0) FROM clients WHERE {where}"
    shown, flagged = db.execute(sql, params).fetchone()
    return CaseloadCounts(total=total(db), shown=int(shown), flagged=int(flagged))
