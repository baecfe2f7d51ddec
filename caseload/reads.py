"""What the caseload's read functions need of a database: ``execute``, ``query`` and ``conn``.

A sqlite-utils ``Database`` has them; so has ``ConnectionReads`` over a bare DB-API connection
(sqlite3, or sqlcipher3 for an encrypted file). The window reads its first page through the
latter before sqlite-utils is loaded (``app.first_open``), with the very same functions and SQL
as every later read, over the connection that the ``Database`` later wraps.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any, Protocol


class Reads(Protocol):
    """A database that can be read: a sqlite-utils ``Database`` or ``ConnectionReads``."""

    @property
    def conn(self) -> Any:
        """The DB-API connection underneath."""

    def execute(self, sql: str, parameters: Any = ..., /) -> Any:
        """Run one statement; a cursor over its rows."""

    def query(self, sql: str, params: Any = ..., /) -> Iterable[dict[str, Any]]:
        """Run one query; each row as a dict of column name to value."""


class ConnectionReads:
    """``Reads`` over a bare DB-API connection, as sqlite-utils' ``Database`` reads it."""

    def __init__(self, connection: Any) -> None:
        self.conn = connection

    def execute(self, sql: str, parameters: Any = None, /) -> Any:
        """Run one statement on the connection (sqlite-utils' ``Database.execute``)."""
        if parameters is None:
            return self.conn.execute(sql)
        return self.conn.execute(sql, parameters)

    def query(self, sql: str, params: Any = None, /) -> Iterator[dict[str, Any]]:
        """Each row as a dict (sqlite-utils' ``Database.query``)."""
        cursor = self.execute(sql, params)
        keys = [column[0] for column in cursor.description]
        for row in cursor:
            yield dict(zip(keys, row, strict=True))
