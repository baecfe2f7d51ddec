"""The caseload table model: Qt's model rules, lazy pages, one-row refresh, and the texts shown."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QPersistentModelIndex, Qt

from caseload import caseload_query, clients, demo, journal, model
from resources import i18n
from ui.caseload import columns, table_model
from ui.caseload.columns import Column
from ui.caseload.table_model import ROW_ROLE, CaseloadModel
from ui.client.timeline import TimelineModel


@pytest.fixture
def filled(db):
    """A database with 30 demo clients."""
    demo.fill(db, 30, seed=5)
    return db


def _model(db, flt: caseload_query.CaseloadFilter | None = None) -> CaseloadModel:
    table = CaseloadModel(db, lambda: 14)
    table.set_filter(flt or caseload_query.CaseloadFilter())
    return table


def test_model_passes_qt_model_checks_with_data(qtmodeltester, filled) -> None:
    table = _model(filled)
    assert table.rowCount() == 30
    qtmodeltester.check(table, force_py=True)


def test_model_passes_qt_model_checks_while_sorting_and_filtering(qtmodeltester, filled) -> None:
    table = _model(filled)
    qtmodeltester.check(table)
    table.sort(Column.DAYS_SINCE_CONTACT, Qt.SortOrder.DescendingOrder)
    table.set_filter(caseload_query.CaseloadFilter(status="active", trede=2))
    table.refresh_clients(tuple(table.client_ids()[:3]))
    table.set_filter(caseload_query.CaseloadFilter())


def test_empty_model_passes_qt_model_checks(qtmodeltester, db) -> None:
    qtmodeltester.check(_model(db), force_py=True)


def test_timeline_model_passes_qt_model_checks(qtmodeltester, filled) -> None:
    from caseload import client_file

    timeline = TimelineModel()
    timeline.set_file(client_file.load(filled, 1))
    assert timeline.rowCount() > 0
    qtmodeltester.check(timeline, force_py=True)


def test_rows_are_fetched_a_page_at_a_time(filled, monkeypatch) -> None:
    monkeypatch.setattr(table_model, "PAGE_SIZE", 8)
    table = _model(filled)
    asked: list[int] = []
    real_rows = caseload_query.rows

    def counting_rows(db, ids, *args, **kwargs):
        asked.append(len(ids))
        return real_rows(db, ids, *args, **kwargs)

    monkeypatch.setattr(caseload_query, "rows", counting_rows)
    for row in range(8):
        table.index(row, Column.NAME).data()
    assert asked == [8], "one fetch for the first page"
    table.index(29, Column.NAME).data()
    assert asked == [8, 6], "the last page holds the remaining six"


def test_sort_keeps_the_selected_client_selected(filled) -> None:
    table = _model(filled)
    chosen = table.client_ids()[4]
    kept = QPersistentModelIndex(table.index(4, Column.NAME))
    table.sort(Column.TREDE, Qt.SortOrder.DescendingOrder)
    assert table.client_ids() == caseload_query.ids(
        filled,
        caseload_query.CaseloadFilter(),
        caseload_query.Sort(caseload_query.SortColumn.TREDE, True),
    )
    assert kept.isValid() and table.client_id(kept.row()) == chosen


def test_one_client_is_refreshed_without_a_reset(qtbot, filled) -> None:
    table = _model(filled)
    client_id = table.client_ids()[0]
    assert table.index(0, Column.NAME).data()  # the page is in memory now
    journal.record_step(filled, client_id, trede=6, actor="test")
    with (
        qtbot.assertNotEmitted(table.modelReset),
        qtbot.waitSignal(table.dataChanged) as changed,
    ):
        table.refresh_clients((client_id,))
    assert changed.args[0].row() == 0
    assert table.index(0, Column.TREDE).data() == "6"


def test_texts_for_never_contacted_and_closed_clients(db) -> None:
    added = clients.add(db, model.ClientDetails(reference="A1", first_name="Zoë"), actor="t").value
    clients.close(db, added.id, on=dt.date.today(), reason="verhuisd", actor="t")
    table = _model(db)
    assert table.index(0, Column.DAYS_SINCE_CONTACT).data() == "nooit"
    assert table.index(0, Column.STATUS).data() == "Afgesloten: Verhuisd"
    # A narrow column gives its text in full as the tooltip.
    status_tip = table.index(0, Column.STATUS).data(Qt.ItemDataRole.ToolTipRole)
    assert status_tip == "Afgesloten: Verhuisd"
    assert table.index(0, Column.TREDE).data() == ""
    assert table.index(0, 0).data(Qt.ItemDataRole.UserRole) == added.id
    row = table.index(0, 0).data(ROW_ROLE)
    assert not row.needs_attention, "a closed case asks no attention"


def test_overdue_action_is_marked_in_its_column(db) -> None:
    added = clients.add(db, model.ClientDetails(reference="A1", first_name="Ali"), actor="t").value
    journal.add_contact(db, added.id, kind="kantoor", actor="t")
    last_week = dt.date.today() - dt.timedelta(days=7)
    journal.add_action(
        db,
        added.id,
        intervention="jobcoach",
        start_on=last_week - dt.timedelta(days=30),
        due_on=last_week,
        actor="t",
    )
    table = _model(db)
    actions = table.index(0, Column.OPEN_ACTIONS)
    assert actions.data() == "1"
    assert actions.data(Qt.ItemDataRole.DecorationRole) is not None
    assert table.index(0, Column.DAYS_SINCE_CONTACT).data(Qt.ItemDataRole.DecorationRole) is None
    assert "over de einddatum" in actions.data(Qt.ItemDataRole.ToolTipRole)


def test_header_titles_and_sort_labels(db) -> None:
    table = _model(db)
    titles = [
        table.headerData(column, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole)
        for column in Column
    ]
    assert titles == [
        "Klantnummer",
        "Naam",
        "Trede",
        "Dagen sinds contact",
        "Open obstakels",
        "Open acties",
        "Klantmanager",
        "Status",
    ]


def test_number_columns_are_aligned_right_in_the_header_and_the_rows(filled) -> None:
    table = _model(filled)
    right = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
    numbers = [Column.TREDE, Column.DAYS_SINCE_CONTACT, Column.OPEN_BARRIERS, Column.OPEN_ACTIONS]
    wrap = Qt.TextFlag.TextWordWrap
    for column in Column:
        expected = right if column in numbers else None
        header = Qt.Orientation.Horizontal
        # The header's titles also wrap at a space onto two lines.
        titled = (expected or Qt.AlignmentFlag.AlignCenter) | wrap
        assert table.headerData(column, header, Qt.ItemDataRole.TextAlignmentRole) == titled
        assert table.index(0, column).data(Qt.ItemDataRole.TextAlignmentRole) == expected


def test_a_filter_with_the_same_clients_keeps_the_rows_without_a_reset(qtbot, filled) -> None:
    table = _model(filled, caseload_query.CaseloadFilter(status="active"))
    shown = table.client_ids()
    with qtbot.assertNotEmitted(table.modelReset):
        # Also active only: the same clients in the same order, nothing written since.
        table.set_filter(caseload_query.CaseloadFilter(status="active", contact_threshold_days=14))
    assert table.client_ids() == shown
    assert table.current_filter.contact_threshold_days == 14


def test_a_write_makes_the_same_filter_read_the_rows_again(qtbot, filled) -> None:
    table = _model(filled)
    client_id = table.client_ids()[0]
    assert table.index(0, Column.TREDE).data()  # the page is in memory now
    journal.record_step(filled, client_id, trede=6, actor="test")
    with qtbot.waitSignal(table.modelReset):
        table.set_filter(table.current_filter)
    assert table.index(table.row_of(client_id), Column.TREDE).data() == "6"


def test_counts_follow_new_clients_and_stay_after_sorting(filled) -> None:
    table = _model(filled)
    first = table.counts()
    assert first == caseload_query.counts(filled, caseload_query.CaseloadFilter())
    table.sort(Column.OPEN_ACTIONS, Qt.SortOrder.DescendingOrder)
    assert table.counts() == first, "another order, the same clients and flags"
    clients.add(filled, model.ClientDetails(reference="NEW1", first_name="Ida"), actor="t")
    table.set_filter(caseload_query.CaseloadFilter())
    assert table.counts().total == first.total + 1
    assert table.counts() == caseload_query.counts(filled, caseload_query.CaseloadFilter())


def test_texts_follow_the_language(db) -> None:
    from resources import i18n

    clients.add(db, model.ClientDetails(reference="A1", first_name="Zoë"), actor="t")
    long_ago = clients.add(
        db, model.ClientDetails(reference="A2", first_name="Ali"), actor="t"
    ).value
    journal.add_contact(
        db,
        long_ago.id,
        kind="kantoor",
        contact_on=dt.date.today() - dt.timedelta(days=1500),
        actor="t",
    )
    table = _model(db)
    row = table.row_of(long_ago.id)
    assert table.index(row, Column.DAYS_SINCE_CONTACT).data() == "1.500"
    assert table.index(1 - row, Column.DAYS_SINCE_CONTACT).data() == "nooit"
    with i18n.language("en"):
        table.set_filter(table.current_filter)
        assert table.index(row, Column.DAYS_SINCE_CONTACT).data() == "1,500"
        assert table.index(1 - row, Column.DAYS_SINCE_CONTACT).data() == "never"


def test_the_flagged_count_follows_an_edit_of_one_client(filled) -> None:
    table = _model(filled, caseload_query.CaseloadFilter(status="active"))
    before = table.counts()
    lines = [table.index(row, 0).data(ROW_ROLE) for row in range(table.rowCount())]
    # Flagged for lack of contact alone: a contact today clears the flag.
    client_id = next(
        line.id for line in lines if line.no_recent_contact and not line.overdue_actions
    )
    journal.add_contact(filled, client_id, kind="huisbezoek", actor="test")
    table.refresh_clients((client_id,))
    after = table.counts()
    assert after.flagged == before.flagged - 1
    assert after == caseload_query.counts(filled, table.current_filter)


def test_every_cell_shows_its_columns_text_and_marker(filled) -> None:
    table = _model(filled)
    numbers = i18n.format_number
    for number in range(table.rowCount()):
        row = table.index(number, 0).data(ROW_ROLE)
        wanted = {
            Column.REFERENCE: row.reference,
            Column.NAME: row.name,
            Column.TREDE: "" if row.trede is None else str(row.trede),
            Column.DAYS_SINCE_CONTACT: columns.days_text(row.days_since_contact),
            Column.OPEN_BARRIERS: numbers(row.open_barriers),
            Column.OPEN_ACTIONS: numbers(row.open_actions),
            Column.KLANTMANAGER: row.klantmanager,
            Column.STATUS: columns.status_text(row.status, row.closing_reason, row.transferred),
        }
        marked = {
            Column.DAYS_SINCE_CONTACT: row.no_recent_contact,
            Column.OPEN_ACTIONS: row.overdue_actions,
        }
        for column in Column:
            index = table.index(number, column)
            assert index.data() == wanted[column]
            icon = index.data(Qt.ItemDataRole.DecorationRole)
            assert (icon is not None) == bool(marked.get(column, False))
