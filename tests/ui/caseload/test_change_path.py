"""What a search or filter change shows, now that the counts follow the rows' paint and the
header reads its titles from Qt's own model: the same counts, titles and pixels as before."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication, QWidget

from caseload import caseload_query, demo
from ui import design
from ui.caseload.columns import Column
from ui.caseload.page import CaseloadPage
from ui.shell import main_window

from ..keyboard import press, type_keys
from ..paints import AllPaints, Paints
from ..shell.test_main_window import show_active

_ROLES = (
    Qt.ItemDataRole.DisplayRole,
    Qt.ItemDataRole.ToolTipRole,
    Qt.ItemDataRole.TextAlignmentRole,
)


def _caseload(qtbot, app_context, clients: int = 60) -> tuple[main_window.MainWindow, CaseloadPage]:
    demo.fill(app_context.db, clients, seed=7)
    window = main_window.MainWindow(app_context)
    qtbot.addWidget(window)
    window.resize(1000, 600)  # fewer rows than the filters keep: the table scrolls
    show_active(qtbot, window)
    qtbot.keyClick(window, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    page = window.pages.currentWidget()
    assert isinstance(page, CaseloadPage)
    return window, page


def _counts_text(db, flt: caseload_query.CaseloadFilter) -> str:
    counts = caseload_query.counts(db, flt)
    return f"{counts.shown} van {counts.total} klanten"


def test_the_counts_follow_each_search_typed_into_the_field(qtbot, app_context) -> None:
    window, page = _caseload(qtbot, app_context)
    db = app_context.db
    press(qtbot, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert QApplication.focusWidget() is page.filters.search
    surname = page.model.index(0, Column.NAME).data().split()[-1]
    for typed in (surname[:1], surname[1:]):
        type_keys(qtbot, typed)
        flt = caseload_query.CaseloadFilter(status="active", text=page.filters.search.text())
        wanted = caseload_query.ids(db, flt, caseload_query.Sort())
        qtbot.waitUntil(lambda wanted=wanted: page.model.client_ids() == wanted)
        text = _counts_text(db, flt)
        qtbot.waitUntil(lambda text=text: window.statusBar().currentMessage().startswith(text))
        assert page.counts_message().startswith(text)
    # Nothing found: the line that says so, with the counts.
    type_keys(qtbot, "qqq")
    nothing = caseload_query.CaseloadFilter(status="active", text=page.filters.search.text())
    qtbot.waitUntil(lambda: window.statusBar().currentMessage().startswith("0 van "))
    assert page.counts_message().startswith(_counts_text(db, nothing))
    assert page.empty_label.isVisible()
    assert page.empty_label.text().startswith("Geen klanten gevonden")


def test_a_filter_chosen_by_keyboard_updates_the_counts(qtbot, app_context) -> None:
    window, page = _caseload(qtbot, app_context)
    press(qtbot, Qt.Key.Key_U, Qt.KeyboardModifier.AltModifier)
    assert QApplication.focusWidget() is page.filters.status
    press(qtbot, Qt.Key.Key_Up)  # from "Actief" to the status above it
    chosen = page.filters.status.currentData()
    assert chosen != "active"
    text = _counts_text(app_context.db, caseload_query.CaseloadFilter(status=chosen))
    qtbot.waitUntil(lambda: window.statusBar().currentMessage().startswith(text))


def test_the_header_shows_the_models_titles_and_is_not_painted_again_by_a_search(
    qtbot, app_context
) -> None:
    _window, page = _caseload(qtbot, app_context)
    header = page.table.horizontalHeader()
    horizontal = Qt.Orientation.Horizontal
    for column in Column:
        for role in _ROLES:
            shown = header.model().headerData(column, horizontal, role)
            wanted = page.model.headerData(column, horizontal, role)
            if role == Qt.ItemDataRole.TextAlignmentRole:
                assert Qt.AlignmentFlag(int(shown)) == Qt.AlignmentFlag(int(wanted))
            else:
                assert shown == wanted
    # The scroll bar stays, so the table keeps its width (a narrower one lays out its header
    # anew, as it should).
    page.table.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
    press(qtbot, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    qtbot.wait(100)  # the paints the move of the focus asked for
    paints, rows = Paints(), Paints()
    header.viewport().installEventFilter(paints)
    page.table.viewport().installEventFilter(rows)
    shown = page.model.client_ids()
    type_keys(qtbot, "e")
    qtbot.waitUntil(lambda: page.model.current_filter.text == "e")
    qtbot.wait(20)  # the rows' paint, and any other that was asked for
    header.viewport().removeEventFilter(paints)
    page.table.viewport().removeEventFilter(rows)
    assert page.model.client_ids() != shown
    assert rows.count > 0, "the new rows were painted"
    assert paints.count == 0
    # A sort paints the header's new sort arrow.
    before = header.grab().toImage()
    page.table.sortByColumn(Column.REFERENCE, Qt.SortOrder.DescendingOrder)
    assert header.grab().toImage() != before


def _on_screen(window: main_window.MainWindow, widget: QWidget) -> QImage:
    """What the screen shows of a widget (the window's painted pixels, not a fresh grab)."""
    QApplication.processEvents()
    top = widget.mapTo(window, QPoint(0, 0))
    shown = window.screen().grabWindow(window.winId()).toImage()
    return shown.copy(QRect(top, widget.size()))


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_rows_fill_their_own_background_with_the_same_pixels(
    qtbot, app_context, scheme
) -> None:
    application = QApplication.instance()
    assert isinstance(application, QApplication)
    design.install(application, scheme)  # the style sheet styles the table again
    try:
        window, page = _caseload(qtbot, app_context)
        viewport = page.table.viewport()
        assert viewport.autoFillBackground()
        for search in ("", "qqq"):  # rows, and none (the background alone)
            page.filters.search.setText(search)
            page.filters.search_now()
            page.focus_table()  # a selected row and the focus ring too
            window.repaint()
            ours = _on_screen(window, page.table)
            viewport.setAutoFillBackground(False)  # the window, page and table behind
            window.repaint()
            assert _on_screen(window, page.table) == ours
            viewport.setAutoFillBackground(True)
        painted = AllPaints()
        application.installEventFilter(painted)
        viewport.repaint()
        application.removeEventFilter(painted)
        assert painted.painted == [viewport], "the rows alone, not the widgets behind them"
    finally:
        design.install(application, "light")


def test_a_search_in_a_narrow_table_paints_nothing_behind_its_sideways_scroll_bar(
    qtbot, app_context
) -> None:
    """Qt raises the scroll bars above the rows whenever it lays out new ones, which paints the
    sideways bar again: the bar paints itself, not the window, page and table behind it."""
    window, page = _caseload(qtbot, app_context, clients=600)
    window.resize(640, 480)
    sideways = page.table.horizontalScrollBar()
    qtbot.waitUntil(sideways.isVisible)
    # A surname whose second letter keeps fewer clients, but more than the table shows.
    shown_by = {
        typed: caseload_query.counts(
            app_context.db, caseload_query.CaseloadFilter(status="active", text=typed)
        ).shown
        for row in range(page.model.rowCount())
        for surname in [page.model.index(row, Column.NAME).data().split()[-1].casefold()]
        for typed in (surname[:1], surname[:2])
    }
    first, second = next(
        (surname[:1], surname[:2])
        for surname in {typed for typed in shown_by if len(typed) == 2}
        if 8 < shown_by[surname[:2]] < shown_by[surname[:1]]
    )
    press(qtbot, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    type_keys(qtbot, first)
    qtbot.waitUntil(lambda: page.model.current_filter.text == first)
    qtbot.wait(300)  # the field's clear button has faded in
    application = QApplication.instance()
    painted = AllPaints()
    application.installEventFilter(painted)
    shown = page.model.client_ids()
    type_keys(qtbot, second[1:])
    qtbot.waitUntil(lambda: page.model.current_filter.text == second)
    qtbot.wait(20)  # the rows' paint, and any other that was asked for
    application.removeEventFilter(painted)
    assert page.model.client_ids() != shown
    assert sideways.isVisible()
    painted_widgets = [widget for widget, _area in painted.areas]
    assert page.table.viewport() in painted_widgets, "the new rows were painted"
    assert sideways in painted_widgets
    table = QRect(page.table.mapTo(window, QPoint(0, 0)), page.table.size())
    behind = [
        (widget, area)
        for widget, area in painted.areas
        if area.intersects(table) and widget in {window, window.pages, page, page.table}
    ]
    assert behind == []
    assert sideways.parentWidget() not in painted_widgets


def test_the_columns_keep_their_place_while_a_search_leaves_few_clients(qtbot, app_context) -> None:
    """Typing a search that leaves fewer clients than fit: the scroll bar stays (disabled), so
    the columns do not jump sideways under the user's eyes, and back when the search is cleared."""
    _window, page = _caseload(qtbot, app_context)
    header = page.table.horizontalHeader()
    bar = page.table.verticalScrollBar()
    assert bar.isVisible() and bar.maximum() > 0  # more clients than fit
    before = [header.sectionViewportPosition(column) for column in Column]
    width = page.table.viewport().width()
    press(qtbot, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    surname = page.model.index(0, Column.NAME).data().split()[-1]
    type_keys(qtbot, surname)
    qtbot.waitUntil(lambda: page.model.current_filter.text == surname)
    assert page.model.rowCount() < page.table.viewport().height() // page.table.rowHeight(0)
    assert bar.isVisible() and bar.maximum() == 0  # the bar stays, with nothing to scroll
    assert page.table.viewport().width() == width
    assert [header.sectionViewportPosition(column) for column in Column] == before
