"""The caseload a window at a time: the first ids of a filter with its count, further windows
by OFFSET, and the position of one client — so that work grows with what is shown, not with
the number of clients in the file.

Every query uses the same WHERE and ORDER BY as ``caseload_query.ids``, so the windows put
together give exactly its list.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlite_utils import Database

from caseload import caseload_query
from caseload.caseload_query import CaseloadFilter, Sort


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


def first(
    db: Database, flt: CaseloadFilter, sort: Sort, limit: int, today: dt.date | None = None
) -> Window:
    """The first ``limit`` ids of a filter, its count and its flagged count.

    A narrowing filter (a search, a trede, a team) usually keeps fewer clients than a window:
    one query gives the ids with their flag, and only when more match is the rest counted.
    Without one, the sort index gives the first ids at once and the counts read index entries
    only (``caseload_query.flagged``), never the rows of every client.
    """
    today = dt.date.today() if today is None else today
    where, params = caseload_query.where_clause(flt, today)
    narrows = caseload_query.narrows(flt)
    if narrows:
        sql = (
            f"SELECT id, {caseload_query.FLAGGED} FROM clients WHERE {where} "
            f"ORDER BY {sort.order_by(False)} LIMIT {int(limit) + 1}"
        )
        found = db.execute(sql, params).fetchall()
        if len(found) <= limit:
            return Window([row[0] for row in found], len(found), sum(1 for row in found if row[1]))
        ids = [row[0] for row in found[:limit]]
        sql = f"SELECT count(*), coalesce(sum({caseload_query.FLAGGED}), 0) FROM clients WHERE {where}"
        count, flagged = db.execute(sql, params).fetchone()
        return Window(ids, int(count), int(flagged))
    ids = window(db, flt, sort, 0, limit, today)
    if len(ids) < limit:
        count = len(ids)
    else:
        count = int(db.execute(f"SELECT count(*) FROM clients WHERE {where}", params).fetchone()[0])
    return Window(ids, count, caseload_query.flagged(db, flt, today))


def window(
    db: Database,
    flt: CaseloadFilter,
    sort: Sort,
    offset: int,
    limit: int,
    today: dt.date | None = None,
) -> list[int]:
    """The ids at positions ``offset`` to ``offset + limit`` of the filter's order."""
    where, params = caseload_query.where_clause(flt, dt.date.today() if today is None else today)
    order = sort.order_by(not caseload_query.narrows(flt))
    sql = (
        f"SELECT id FROM clients WHERE {where} ORDER BY {order} "
        f"LIMIT {int(limit)} OFFSET {int(offset)}"
    )
    return [row[0] for row in db.execute(sql, params).fetchall()]


def position(
    db: Database,
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
