"""The caseload read a window at a time shows exactly the rows the whole list of ids gave."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QPersistentModelIndex, Qt

from caseload import caseload_query, caseload_window, clients, demo, model
from ui.caseload import id_windows
from ui.caseload.columns import Column
from ui.caseload.table_model import CaseloadModel

TODAY = dt.date(2026, 3, 16)
FILTERS = [
    caseload_query.CaseloadFilter(),
    caseload_query.CaseloadFilter(status="active"),
    caseload_query.CaseloadFilter(status="closed"),
    caseload_query.CaseloadFilter(text="a"),
    caseload_query.CaseloadFilter(no_recent_contact_only=True),
    caseload_query.CaseloadFilter(trede=3, status="active"),
    caseload_query.CaseloadFilter(status="active", no_recent_contact_only=True),
    caseload_query.CaseloadFilter(status="active", overdue_actions_only=True),
    caseload_query.CaseloadFilter(status="closed", text="e"),
]


@pytest.fixture
def filled(db):
    """A database with 120 demo clients, some closed, and three never measured or contacted
    (empty values sort as the lowest)."""
    demo.fill(db, 120, seed=7, today=TODAY)
    for number in range(3):
        details = model.ClientDetails(reference=f"KL9{number:06d}", surname=f"Nieuw{number}")
        clients.add(db, details, actor="test")
    return db


@pytest.mark.parametrize("flt", FILTERS)
@pytest.mark.parametrize("column", list(caseload_query.SortColumn))
@pytest.mark.parametrize("descending", [False, True])
def test_windows_put_together_are_the_whole_list(filled, flt, column, descending) -> None:
    sort = caseload_query.Sort(column, descending)
    whole = caseload_query.ids(filled, flt, sort, today=TODAY)
    first = caseload_window.first(filled, flt, sort, 7, today=TODAY)
    assert first.ids == whole[:7]
    assert first.count == len(whole)
    assert first.flagged == caseload_query.counts(filled, flt, today=TODAY).flagged
    # Later windows read on their own, and read the way the first was (the count known).
    for count in (None, first.count):
        pieces = [
            caseload_window.window(filled, flt, sort, offset, 7, today=TODAY, count=count)
            for offset in range(0, len(whole) + 7, 7)
        ]
        assert [ident for piece in pieces for ident in piece] == whole
    places = [caseload_window.position(filled, flt, sort, ident, TODAY) for ident in whole]
    assert places == list(range(len(whole)))


def test_a_client_the_filter_leaves_out_has_no_position(filled) -> None:
    flt = caseload_query.CaseloadFilter(status="closed")
    active = caseload_query.ids(filled, caseload_query.CaseloadFilter(status="active"))[0]
    assert caseload_window.position(filled, flt, caseload_query.Sort(), active, TODAY) is None


def test_model_reads_windows_and_shows_the_same_rows(filled, monkeypatch) -> None:
    monkeypatch.setattr(id_windows, "WINDOW", 9)
    read: list[int] = []
    real = caseload_window.window

    def counting(db, flt, sort, offset, limit, today=None, count=None):
        read.append(offset)
        return real(db, flt, sort, offset, limit, today, count)

    monkeypatch.setattr(caseload_window, "window", counting)
    table = CaseloadModel(filled, lambda: 14, today=lambda: TODAY)
    table.set_filter(caseload_query.CaseloadFilter())
    whole = caseload_query.ids(filled, caseload_query.CaseloadFilter(), today=TODAY)
    assert table.rowCount() == len(whole)
    assert read == [0], "only the first window before anything is shown"
    last = len(whole) - 1
    assert table.index(last, Column.REFERENCE).data(Qt.ItemDataRole.UserRole) == whole[last]
    assert (last // 9) * 9 in read
    assert table.client_ids() == whole
    assert table.row_of(whole[57]) == 57


def test_sorting_a_large_filter_keeps_the_selected_client(filled, monkeypatch) -> None:
    monkeypatch.setattr(id_windows, "WINDOW", 5)
    monkeypatch.setattr(id_windows, "MAX_WINDOWS", 2)
    table = CaseloadModel(filled, lambda: 14, today=lambda: TODAY)
    table.set_filter(caseload_query.CaseloadFilter())
    chosen = table.client_id(100)
    kept = QPersistentModelIndex(table.index(100, Column.NAME))
    table.sort(Column.TREDE, Qt.SortOrder.DescendingOrder)
    assert kept.isValid() and table.client_id(kept.row()) == chosen
    assert table.client_ids() == caseload_query.ids(
        filled,
        caseload_query.CaseloadFilter(),
        caseload_query.Sort(caseload_query.SortColumn.TREDE, True),
        today=TODAY,
    )
