"""The caseload looks the same after reopening the window (filters, sort, column widths, the
client view's splitter), and its columns fit the names in them."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import QHeaderView, QWidget

from caseload import demo, handover, people
from resources import i18n
from ui.caseload import remembered, widths
from ui.caseload.columns import Column
from ui.caseload.page import CaseloadPage
from ui.shell import main_window

from ..keyboard import type_text
from ..shell.test_main_window import show_active
from ..text_size import twice_the_text_size

pytestmark = pytest.mark.qt_log_ignore("does not support propagateSizeHints")

LONG_NAME = "Anne-Marie van der Hoeven-Brouwershaven"


def _open(qtbot, context) -> tuple[main_window.MainWindow, CaseloadPage]:
    window = main_window.MainWindow(context)
    qtbot.addWidget(window)
    show_active(qtbot, window)
    # With a caseload the window opens on Vandaag; Ctrl+2 is the caseload.
    qtbot.keyClick(window, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    page = window.pages.widget(main_window.Page.CASELOAD)
    assert isinstance(page, CaseloadPage) and page.isVisible()
    return window, page


def test_filters_sort_and_widths_survive_reopening_the_window(qtbot, app_context) -> None:
    demo.fill(app_context.db, 25, seed=4)
    window, page = _open(qtbot, app_context)
    header = page.table.horizontalHeader()
    # The user drags the Klantnummer column wider, sorts on Trede (twice: descending) and
    # filters on one team by typing its name into the list.
    header.resizeSection(Column.REFERENCE, 180)
    # "Sorteren op": Trede (aflopend), chosen with the arrow keys.
    sort = page.filters.sort
    while sort.currentData() != int(Column.TREDE) * 2 + 1:
        qtbot.keyClick(sort, Qt.Key.Key_Down)
    assert header.sortIndicatorSection() == Column.TREDE
    assert header.sortIndicatorOrder() == Qt.SortOrder.DescendingOrder
    team = people.teams(app_context.db)[1]
    page.filters.team.setFocus()
    type_text(page.filters.team, team)
    qtbot.waitUntil(lambda: page.filters.team.currentText() == team)
    page.open_client(page.model.client_id(0))
    splitter = page.client_view.splitter
    sizes = splitter.sizes()
    splitter.moveSplitter(sizes[0] - 60, 1)
    moved = splitter.sizes()
    first_size = window.size()
    assert moved != sizes
    window.close()

    window, page = _open(qtbot, app_context)
    header = page.table.horizontalHeader()
    assert header.sectionSize(Column.REFERENCE) == 180
    assert header.sortIndicatorSection() == Column.TREDE
    assert header.sortIndicatorOrder() == Qt.SortOrder.DescendingOrder
    assert page.model.current_sort.descending
    assert page.filters.team.currentText() == team
    assert page.model.current_filter.team == team
    shown = [page.model.index(row, Column.TREDE).data() for row in range(page.model.rowCount())]
    numbers = [int(text) for text in shown if text]
    assert numbers == sorted(numbers, reverse=True)
    page.open_client(page.model.client_id(0))
    window.resize(first_size)
    qtbot.waitUntil(lambda: sum(page.client_view.splitter.sizes()) == sum(moved))
    again = page.client_view.splitter.sizes()
    assert abs(again[0] / sum(again) - moved[0] / sum(moved)) < 0.02


def test_klantmanager_names_are_not_cut_off_and_status_is_not_too_wide(qtbot, app_context) -> None:
    demo.fill(app_context.db, 10, seed=4)
    first = app_context.db.execute("SELECT id FROM clients ORDER BY id LIMIT 1").fetchone()[0]
    handover.reassign(app_context.db, [first], klantmanager=LONG_NAME, actor="t")
    window, page = _open(qtbot, app_context)
    window.resize(1400, 700)
    metrics = _bold_metrics(page)
    header = page.table.horizontalHeader()
    assert header.sectionSize(Column.KLANTMANAGER) >= metrics.horizontalAdvance(LONG_NAME)
    # Status fits what the chosen status can show: under "Actief" no closing reason takes the
    # names' room; a rare long closing reason is in the tooltip.
    active = metrics.horizontalAdvance("Actief · overgedragen")
    usual = metrics.horizontalAdvance("Afgesloten: Uitstroom naar werk")
    assert page.filters.status.currentText() == "Actief"
    assert active <= header.sectionSize(Column.STATUS) < usual
    # The name column takes what is left.
    qtbot.waitUntil(lambda: page.table.viewport().width() > 1000)
    used = sum(header.sectionSize(column) for column in Column)
    assert used >= page.table.viewport().width() - 2
    assert header.sectionSize(Column.NAME) > metrics.horizontalAdvance("Zeynep van Leeuwen")
    # Status "Alle", chosen with the arrow keys: the closed files' reasons fit.
    page.filters.status.setFocus()
    while page.filters.status.currentData() is not None:
        qtbot.keyClick(page.filters.status, Qt.Key.Key_Up)
    qtbot.waitUntil(lambda: header.sectionSize(Column.STATUS) >= usual)
    assert header.sectionSize(Column.STATUS) <= usual + 8 * metrics.averageCharWidth()


def _bold_metrics(widget: QWidget) -> QFontMetrics:
    """The metrics of the bold font the caseload's flagged rows use (their texts are widest)."""
    bold = QFont(widget.font())
    bold.setBold(True)
    return QFontMetrics(bold)


def _viewport_width(qtbot, window, table, wanted: int) -> None:
    """Resize the window until the table's viewport is exactly ``wanted`` pixels wide."""
    window.resize(window.width() + wanted - table.viewport().width(), window.height())
    qtbot.waitUntil(lambda: table.viewport().width() == wanted)


def _open_wide(qtbot, context) -> tuple[main_window.MainWindow, CaseloadPage]:
    """The caseload in a window wide enough that no column has to give way to the names."""
    window, page = _open(qtbot, context)
    window.resize(1600, window.height())
    qtbot.waitUntil(lambda: page.table.viewport().width() > 1200)
    return window, page


def test_a_wider_klantmanager_since_last_time_is_not_cut_off(qtbot, app_context) -> None:
    # The widest name is measured once and kept in window.ini; a new name is measured again.
    demo.fill(app_context.db, 10, seed=4)
    window, page = _open_wide(qtbot, app_context)
    header = page.table.horizontalHeader()
    before = header.sectionSize(Column.KLANTMANAGER)
    window.close()
    window, page = _open_wide(qtbot, app_context)
    header = page.table.horizontalHeader()
    assert header.sectionSize(Column.KLANTMANAGER) == before, "the same names, the same width"
    window.close()
    first = app_context.db.execute("SELECT id FROM clients ORDER BY id LIMIT 1").fetchone()[0]
    handover.reassign(app_context.db, [first], klantmanager=LONG_NAME, actor="t")
    window, page = _open_wide(qtbot, app_context)
    wide = _bold_metrics(page).horizontalAdvance(LONG_NAME)
    header = page.table.horizontalHeader()
    # The names are read once the rows have been painted: then the column widens.
    qtbot.waitUntil(lambda: wide <= header.sectionSize(Column.KLANTMANAGER))
    assert before < wide
    assert LONG_NAME in [
        page.filters.klantmanager.itemText(index)
        for index in range(page.filters.klantmanager.count())
    ]


def test_a_sort_is_written_a_moment_later_while_the_window_stays_open(qtbot, app_context) -> None:
    demo.fill(app_context.db, 12, seed=6)
    _window, page = _open(qtbot, app_context)
    header = page.table.horizontalHeader()
    kept = remembered._settings(app_context).value(f"{remembered.GROUP}/header")
    x = header.sectionViewportPosition(Column.TREDE) + header.sectionSize(Column.TREDE) // 2
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, 5))
    assert header.sortIndicatorSection() == Column.TREDE

    def written() -> bool:
        state = remembered._settings(app_context).value(f"{remembered.GROUP}/header")
        return state is not None and state != kept

    qtbot.waitUntil(written, timeout=5000)
    fresh = QHeaderView(Qt.Orientation.Horizontal)
    fresh.setModel(page.model)
    assert remembered.restore_header(app_context, fresh)
    assert fresh.sortIndicatorSection() == Column.TREDE


def test_widths_kept_at_a_smaller_text_size_do_not_cut_off_the_klantnummers(
    qtbot, app_context
) -> None:
    """A user who sets the system's text size to 200 % after a day at 100 %: the widths kept
    in window.ini were made for the smaller text and would cut every klantnummer and number
    title off, so they are fitted again. At the same text size a width the user chose stays."""
    demo.fill(app_context.db, 12, seed=4)
    window, page = _open(qtbot, app_context)
    header = page.table.horizontalHeader()
    header.resizeSection(Column.OPEN_ACTIONS, header.sectionSize(Column.OPEN_ACTIONS) + 30)
    chosen = header.sectionSize(Column.OPEN_ACTIONS)
    window.close()
    window, page = _open(qtbot, app_context)
    assert page.table.horizontalHeader().sectionSize(Column.OPEN_ACTIONS) == chosen
    window.close()

    with twice_the_text_size():
        _window, page = _open(qtbot, app_context)
        metrics = _bold_metrics(page.table)
        header = page.table.horizontalHeader()
        references = [
            page.model.index(row, Column.REFERENCE).data() for row in range(page.model.rowCount())
        ]
        widest = max(metrics.horizontalAdvance(text) for text in references)
        assert header.sectionSize(Column.REFERENCE) > widest
        title = str(page.model.headerData(Column.OPEN_ACTIONS, Qt.Orientation.Horizontal))
        longest_word = max(metrics.horizontalAdvance(word) for word in title.split())
        assert header.sectionSize(Column.OPEN_ACTIONS) > longest_word


def test_at_a_large_text_size_the_names_keep_their_room_and_the_table_scrolls(
    qtbot, app_context
) -> None:
    """Text at 200 % in a laptop-sized window: the other columns need more than the table's
    width, so the table scrolls sideways; the name column keeps room for a usual name instead
    of shrinking to a few letters."""
    demo.fill(app_context.db, 12, seed=4)
    with twice_the_text_size():
        window, page = _open(qtbot, app_context)
        window.resize(1366, 720)
        header = page.table.horizontalHeader()
        qtbot.waitUntil(lambda: page.table.horizontalScrollBar().maximum() > 0)
        metrics = QFontMetrics(page.table.font())
        assert header.sectionSize(Column.NAME) >= metrics.horizontalAdvance("Amal Aït Said")
        # Wider again: no sideways scrolling, and the names take all the room that is left.
        window.resize(3000, 720)
        qtbot.waitUntil(lambda: page.table.horizontalScrollBar().maximum() == 0)
        used = sum(header.sectionSize(column) for column in Column)
        assert used >= page.table.viewport().width() - 2


@pytest.mark.parametrize("language", ["nl", "en"])
def test_every_klantnummer_fits_whole_in_both_languages(qtbot, app_context, language) -> None:
    """'Client number' wraps onto two short lines, so in English the column was only as wide
    as nine average letters and every klantnummer ended in '…'."""
    demo.fill(app_context.db, 12, seed=4)
    app_context.update_settings(language=language)
    i18n.set_language(language)
    try:
        _window, page = _open(qtbot, app_context)
        metrics = _bold_metrics(page.table)
        header = page.table.horizontalHeader()
        references = [
            page.model.index(row, Column.REFERENCE).data() for row in range(page.model.rowCount())
        ]
        longest = max(metrics.horizontalAdvance(text) for text in [*references, "KL00001234"])
        assert header.sectionSize(Column.REFERENCE) > longest + metrics.averageCharWidth()
    finally:
        i18n.set_language("nl")


def test_closed_files_in_a_narrow_table_need_no_sideways_scroll_bar(qtbot, app_context) -> None:
    """With the filter Afgesloten the Status column wants room for "Afgesloten: Uitstroom naar
    werk". In a table too narrow for that and the names' least width, Status gives way down to
    "Afgesloten" (the reason is cut, with its tooltip) instead of pushing itself past the
    table's right edge behind a sideways scroll bar; with room again it gets its full width, and
    a width the user dragged is kept."""
    demo.fill(app_context.db, 40, seed=4)
    window, page = _open(qtbot, app_context)
    page.filters.status.setFocus()
    type_text(page.filters.status, "Afgesloten")
    qtbot.waitUntil(lambda: page.filters.status.currentData() == "closed")
    table, header = page.table, page.table.horizontalHeader()
    metrics = _bold_metrics(table)
    full = metrics.horizontalAdvance("Afgesloten: Uitstroom naar werk")
    plain = metrics.horizontalAdvance("Afgesloten")
    narrowest = widths.NARROWEST_NAME * table.fontMetrics().averageCharWidth()
    others = sum(header.sectionSize(c) for c in Column if c not in (Column.NAME, Column.STATUS))

    _viewport_width(qtbot, window, table, others + narrowest + plain + (full - plain) // 2)
    qtbot.waitUntil(lambda: header.sectionSize(Column.STATUS) < full)
    assert table.horizontalScrollBar().maximum() == 0
    assert header.sectionSize(Column.STATUS) > plain
    assert header.sectionSize(Column.NAME) >= narrowest
    _viewport_width(qtbot, window, table, others + narrowest + full + 200)
    qtbot.waitUntil(lambda: header.sectionSize(Column.STATUS) > full)
    assert table.horizontalScrollBar().maximum() == 0
    assert header.sectionSize(Column.NAME) >= narrowest + 200 - metrics.averageCharWidth() * 3

    # The user drags Status wider; a smaller window does not take that back while it fits.
    dragged = header.sectionSize(Column.STATUS) + 60
    header.resizeSection(Column.STATUS, dragged)
    _viewport_width(qtbot, window, table, table.viewport().width() - 30)
    assert header.sectionSize(Column.STATUS) == dragged
    window.close()


def test_in_a_narrow_table_klantmanager_gives_way_to_the_client_names(qtbot, app_context) -> None:
    """A long klantmanager name made that column so wide that the client names, the column a
    klantmanager reads first, got a few letters. In a narrow table Klantmanager gives way (its
    names whole in the tooltip) while the client names keep a comfortable width; with room again
    it is as wide as its longest name."""
    demo.fill(app_context.db, 20, seed=4)
    first = app_context.db.execute(
        "SELECT id FROM clients WHERE status = 'active' ORDER BY id LIMIT 1"
    ).fetchone()[0]
    handover.reassign(app_context.db, [first], klantmanager=LONG_NAME, actor="t")
    window, page = _open(qtbot, app_context)
    table, header = page.table, page.table.horizontalHeader()
    long_name = _bold_metrics(table).horizontalAdvance(LONG_NAME)
    average = table.fontMetrics().averageCharWidth()
    comfortable = widths.COMFORTABLE_NAME * average
    giving = (Column.NAME, Column.KLANTMANAGER)
    fixed = sum(header.sectionSize(c) for c in Column if c not in giving)

    _viewport_width(qtbot, window, table, fixed + comfortable + long_name // 2 + 40)
    qtbot.waitUntil(lambda: header.sectionSize(Column.KLANTMANAGER) < long_name)
    assert header.sectionSize(Column.NAME) >= comfortable
    assert header.sectionSize(Column.KLANTMANAGER) >= widths.NARROW_KLANTMANAGER * average
    assert table.horizontalScrollBar().maximum() == 0
    row = page.model.row_of(first)
    assert row is not None
    tooltip = page.model.index(row, Column.KLANTMANAGER).data(Qt.ItemDataRole.ToolTipRole)
    assert LONG_NAME in tooltip
    _viewport_width(qtbot, window, table, fixed + comfortable + long_name + 100)
    qtbot.waitUntil(lambda: header.sectionSize(Column.KLANTMANAGER) > long_name)
    assert header.sectionSize(Column.NAME) >= comfortable
    window.close()
