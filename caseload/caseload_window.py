"""The caseload a window at a time: the first ids of a filter with its count, further windows
by OFFSET, and the position of one client — so that work grows with what is shown, not with
the number of clients in the file.

Every query uses the same WHERE and ORDER BY as ``caseload_query.ids``, so the windows put
together give exactly its list.
"""

from __future__ import annotations

import datetime as dt
import weakref
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from caseload import caseload_query, schema_names
from caseload.caseload_query import CaseloadFilter, Sort, SortColumn

if TYPE_CHECKING:
    from caseload.reads import Reads


@dataclass(frozen=True)
class Window:
    """The first ids of a filter in order, how many match, and how many need attention."""

    ids: list[int]
    count: int
    flagged: int

    @property
    def complete(self) -> bool:
        """Whether ``ids`` holds every matching client."""
        return len(self.ids) == self.count


#: From this many windows' worth of matches on, the first window is read by walking the sort
#: index and keeping the ids in the filter's set (about ``limit × total / count`` index entries),
#: not by looking up and sorting every match (``count`` rows).
WALK_FROM = 4
#: A filter on the clients' columns whose matches are a large share of the clients (``count²``
#: at least this many times ``limit`` × the clients of its status) walks the sort index and
#: looks up each client: about ``limit × clients / count`` rows, each of which costs about what
#: this many ids put into a set cost (measured at 100,000 and 500,000 clients).
WALK_ROWS = 6


def first(
    db: Reads, flt: CaseloadFilter, sort: Sort, limit: int, today: dt.date | None = None
) -> Window:
    """The first ``limit`` ids of a filter, its count and its flagged count.

    Without a narrowing filter the sort index gives the first ids at once and the counts read
    index entries only (``caseload_query.flagged``). A narrowing filter (a search, a trede, a
    team) is counted first, from the entries of its index (which hold the attention columns);
    then its first ids come from its own matches sorted when few match, or from the sort index,
    kept when in the filter's set, when many do.
    """
    today = dt.date.today() if today is None else today
    where, params = caseload_query.where_clause(flt, today)
    if not caseload_query.narrows(flt):
        # Only a status (or none): counted once per version of the data (see _status_total).
        ids = window(db, flt, sort, 0, limit, today)
        count = len(ids) if len(ids) < limit else _status_total(db, flt.status)
        return Window(ids, count, caseload_query.flagged(db, flt, today))
    kept = caseload_query.matches(flt, where)
    if _searches_by_name(db, flt, sort):
        return _searched_by_name(db, flt, sort, limit, kept, params)
    if caseload_query.implies_flagged(flt):
        sql = caseload_query.count_sql(flt, where)
        count = flagged = int(db.execute(sql, params).fetchone()[0])
    else:
        sql = f"SELECT count(*), coalesce(sum({caseload_query.FLAGGED}), 0) {kept}"
        found = db.execute(sql, params).fetchone()
        count, flagged = int(found[0]), int(found[1])
    return Window(_ids(db, flt, sort, (0, limit), count, today), count, flagged)


#: A search within a status that holds less than this share of the file (the active files of
#: ten years of a large city) reads its hits once (``_searched_by_name``): most hits are then of
#: other statuses, and reading them twice (to count, then for the first window) costs more than
#: counting and sorting the status's own in Python.
SEARCH_ONCE_FROM = 4


def _searches_by_name(db: Reads, flt: CaseloadFilter, sort: Sort) -> bool:
    """Whether a words-only search within a status that holds a small share of the file is
    shown in name order (``schema_names.SEARCH_INDEX`` holds the sort name)."""
    words_only = caseload_query.searched_ids(flt) == caseload_query.SEARCHED
    if not (words_only and flt.status is not None and sort.column is SortColumn.NAME):
        return False
    return _status_total(db, None) >= SEARCH_ONCE_FROM * _status_total(db, flt.status)


def _searched_by_name(
    db: Reads, flt: CaseloadFilter, sort: Sort, limit: int, kept: str, params: dict[str, Any]
) -> Window:
    """A search's clients of one status read once, by index entries alone: counted, flagged and
    sorted in Python (the name key sorts as SQLite compares text: by code point), instead of
    reading the search index twice, once to count and once for the first window."""
    sql = f"SELECT clients.sort_name, clients.id, {caseload_query.FLAGGED} {kept}"
    found = db.execute(sql, params).fetchall()
    flagged = sum(1 for row in found if row[2])
    found.sort(key=lambda row: (row[0], row[1]), reverse=sort.descending)
    return Window([row[1] for row in found[:limit]], len(found), flagged)


def _ids(
    db: Reads,
    flt: CaseloadFilter,
    sort: Sort,
    window: tuple[int, int],
    count: int,
    today: dt.date,
) -> list[int]:
    """A window (offset, limit) of the ids of a narrowing filter that keeps ``count`` clients,
    read the cheapest way. A later window is read as the first: a walk passes the ids before
    it too (so the walk that looks up each client counts the offset with the limit).

    - Few matches: their ids from the filter's index entries, then each one looked up and
      sorted.
    - Many, in name order within a status: the walk index (``schema_names.WALK_INDEX``) walked in
      order, keeping the entries that match (about ``limit × clients / count``), no row read.
    - Many (at least ``WALK_FROM`` windows), a filter on the clients' columns that keeps a
      large share of the clients (``count²`` at least ``WALK_ROWS × limit × clients of the status``):
      the sort index walked in order, each client looked up until the window is full (about
      ``limit × clients / count`` of them).
    - Otherwise: the sort index walked in order by its entries alone, each id kept when it is
      in the filter's set of ids (``+id`` keeps SQLite from looking up and sorting the set
      instead). A search's set comes from the search index alone (the walk checks the status).
    """
    offset, limit = window
    where, params = caseload_query.where_clause(flt, today)
    rows = f"LIMIT {int(limit)} OFFSET {int(offset)}"
    if count < WALK_FROM * limit:
        # The matches' ids first (from index entries: a search's ids include closed files),
        # then only those rows looked up and sorted.
        kept = caseload_query.matches(flt, where)
        sql = (
            f"SELECT id FROM clients WHERE id IN (SELECT clients.id {kept}) "
            f"ORDER BY {sort.order_by(False)} {rows}"
        )
        return [row[0] for row in db.execute(sql, params).fetchall()]
    status = ""
    if flt.status:
        status = "status = :status AND "
    members = caseload_query.searched_ids(flt)
    if members is None:
        if _walks_by_name(flt, sort):
            sql = (
                f"SELECT id FROM clients INDEXED BY {schema_names.WALK_INDEX} WHERE {where} "
                f"ORDER BY {sort.order_by()} {rows}"
            )
            return [row[0] for row in db.execute(sql, params).fetchall()]
        if count * count >= WALK_ROWS * (offset + limit) * _status_total(db, flt.status):
            sql = f"SELECT id FROM clients WHERE {where} ORDER BY {sort.order_by()} {rows}"
            return [row[0] for row in db.execute(sql, params).fetchall()]
        members = f"SELECT id FROM clients WHERE {where}"
    sql = (
        f"SELECT id FROM clients WHERE {status}+id IN ({members}) ORDER BY {sort.order_by()} {rows}"
    )
    return [row[0] for row in db.execute(sql, params).fetchall()]


def _in_filter_order(flt: CaseloadFilter, sort: Sort) -> bool:
    """Whether the index of the filter holds the order of the sort (a trede sorted by trede, one
    status sorted by status): SQLite reads any window from it straight away."""
    if sort.column is SortColumn.STATUS:
        return flt.status is not None
    return sort.column is SortColumn.TREDE and flt.trede is not None


def _walks_by_name(flt: CaseloadFilter, sort: Sort) -> bool:
    """Whether the walk index holds the order and every column the filter reads."""
    return (
        sort.column is SortColumn.NAME
        and flt.status is not None
        and not flt.text
        and not flt.klantmanager
    )


#: Per database: the number of clients per status, and the data version it was counted at: the
#: count of a status alone (and the choice of plan above) is read again only after a write, by
#: this connection or any other (``caseload_query.data_version``), so it is always exact.
_TOTALS: weakref.WeakKeyDictionary[Reads, tuple[tuple[int, int], dict[str | None, int]]] = (
    weakref.WeakKeyDictionary()
)


def _status_total(db: Reads, status: str | None) -> int:
    """How many clients have this status (None: all), counted again after any write."""
    version = caseload_query.data_version(db)
    known = _TOTALS.get(db)
    if known is None or known[0] != version:
        known = (version, {})
        _TOTALS[db] = known
    totals = known[1]
    if status not in totals:
        if status is None:
            # No WHERE at all: SQLite then counts the entries of its b-tree pages (a
            # "WHERE 1" would walk every entry of an index).
            totals[status] = caseload_query.total(db)
        else:
            found = db.execute("SELECT count(*) FROM clients WHERE status = ?", [status])
            totals[status] = int(found.fetchone()[0])
    return totals[status]


def window(
    db: Reads,
    flt: CaseloadFilter,
    sort: Sort,
    offset: int,
    limit: int,
    today: dt.date | None = None,
    count: int | None = None,
) -> list[int]:
    """The ids at positions ``offset`` to ``offset + limit`` of the filter's order.

    ``count``: how many clients the filter keeps, when known (the first window counted them). A
    narrowing filter's later windows are then read the way its first one was, not by sorting
    every match for each window (80 ms a window for "te lang geen contact" at 500,000 clients).
    """
    today = dt.date.today() if today is None else today
    if (
        count is not None
        and caseload_query.narrows(flt)
        and not _in_filter_order(flt, sort)
        and not _searches_by_name(db, flt, sort)
    ):
        return _ids(db, flt, sort, (offset, limit), count, today)
    where, params = caseload_query.where_clause(flt, today)
    order = sort.order_by(not caseload_query.narrows(flt))
    sql = (
        f"SELECT id FROM clients WHERE {where} ORDER BY {order} "
        f"LIMIT {int(limit)} OFFSET {int(offset)}"
    )
    return [row[0] for row in db.execute(sql, params).fetchall()]


def position(
    db: Reads,
    flt: CaseloadFilter,
    sort: Sort,
    client_id: int,
    today: dt.date | None = None,
) -> int | None:
    """The position of a client in the filter's order, or None when the filter leaves it out.

    SQLite counts the clients that come before it in the sort order (index entries only for
    the sorts the indexes serve); no ids come into Python.
    """
    today = dt.date.today() if today is None else today
    where, params = caseload_query.where_clause(flt, today)
    (column, descending), (_id, id_descending) = sort.terms()
    sql = f"SELECT [{column}] FROM clients WHERE id = :client_id AND ({where})"
    row = db.execute(sql, {**params, "client_id": client_id}).fetchone()
    if row is None:
        return None
    value = row[0]
    if value is None:
        earlier = f"[{column}] IS NOT NULL" if descending else "0"
        same = f"[{column}] IS NULL"
    else:
        earlier = (
            f"[{column}] > :value" if descending else f"([{column}] IS NULL OR [{column}] < :value)"
        )
        same = f"[{column}] = :value"
    sign = ">" if id_descending else "<"
    sql = (
        f"SELECT count(*) FROM clients WHERE ({where}) "
        f"AND ({earlier} OR ({same} AND id {sign} :client_id))"
    )
    counted = db.execute(sql, {**params, "client_id": client_id, "value": value}).fetchone()
    return int(counted[0])
