"""The ids of the caseload's current filter, read from SQL a window at a time as the view
scrolls, so a filter of 400,000 clients costs what its visible rows cost."""

from __future__ import annotations

import datetime as dt
from collections import OrderedDict
from typing import TYPE_CHECKING

from caseload import caseload_window
from caseload.caseload_query import CaseloadFilter, Sort

if TYPE_CHECKING:
    from caseload.reads import Reads

#: Ids read in one go: several pages of rows; a filter that keeps fewer is held whole.
WINDOW = 1000
#: Windows kept in memory; older ones are read again when scrolled back to.
MAX_WINDOWS = 50


class IdWindows:
    """A read-only sequence of the ids of one filter and sort, fetched per window."""

    def __init__(
        self,
        db: Reads,
        flt: CaseloadFilter,
        sort: Sort,
        today: dt.date,
        first: caseload_window.Window | None = None,
    ) -> None:
        self._db = db
        self._filter = flt
        self._sort = sort
        self._today = today
        if first is None:
            first = caseload_window.first(db, flt, sort, WINDOW, today)
        self.count = first.count
        self.flagged = first.flagged
        self._windows: OrderedDict[int, list[int]] = OrderedDict({0: first.ids})
        #: Positions found by SQL for clients outside the windows in memory.
        self._positions: dict[int, int | None] = {}

    @classmethod
    def empty(cls, db: Reads) -> IdWindows:
        """No ids (before the first filter is applied)."""
        return cls(db, CaseloadFilter(), Sort(), dt.date.today(), caseload_window.Window([], 0, 0))

    @property
    def complete(self) -> list[int] | None:
        """Every id, when they fit in the first window (None otherwise)."""
        return self._windows[0] if self.count <= WINDOW and 0 in self._windows else None

    def __len__(self) -> int:
        return self.count

    def _window(self, number: int) -> list[int]:
        ids = self._windows.get(number)
        if ids is None:
            ids = caseload_window.window(
                self._db, self._filter, self._sort, number * WINDOW, WINDOW, self._today, self.count
            )
            self._windows[number] = ids
            while len(self._windows) > MAX_WINDOWS:
                self._windows.popitem(last=False)
        else:
            self._windows.move_to_end(number)
        return ids

    def __getitem__(self, row: int) -> int:
        if not 0 <= row < self.count:
            raise IndexError(row)
        ids = self._window(row // WINDOW)
        return ids[row % WINDOW]

    def slice(self, start: int, stop: int) -> list[int]:
        """The ids from ``start`` up to ``stop`` (clipped to the count)."""
        stop = min(stop, self.count)
        found: list[int] = []
        row = max(0, start)
        while row < stop:
            number, offset = divmod(row, WINDOW)
            ids = self._window(number)
            found.extend(ids[offset : offset + stop - row])
            row = (number + 1) * WINDOW
        return found

    def index(self, client_id: int) -> int:
        """The row of a client (ValueError when the filter does not show it)."""
        for number, ids in self._windows.items():
            try:
                return number * WINDOW + ids.index(client_id)
            except ValueError:
                continue
        if self.complete is not None:
            raise ValueError(client_id)
        if client_id not in self._positions:
            self._positions[client_id] = caseload_window.position(
                self._db, self._filter, self._sort, client_id, self._today
            )
        found = self._positions[client_id]
        if found is None:
            raise ValueError(client_id)
        return found

    def all(self) -> list[int]:
        """Every id in order (reads them all: for a few callers that need the whole list)."""
        return self.slice(0, self.count)
