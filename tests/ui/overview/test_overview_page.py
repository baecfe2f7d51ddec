"""The Overzicht page by keyboard: choose a team and a period, Tonen, and read the same first
page as the inclusion report's PDF."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pypdf
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel

from caseload import demo, inclusion_report
from tests.ui.keyboard import press
from tests.ui.shell.test_main_window import show_active
from ui.overview.page import OverviewPage
from ui.shell import main_window

pytestmark = pytest.mark.qt_log_ignore("does not support propagateSizeHints")


def _labels(page: OverviewPage) -> list[str]:
    """The texts of the key figures grid, row by row."""
    grid = page.grid
    found = []
    for row in range(1, grid.rowCount()):
        for column in range(4):
            item = grid.itemAtPosition(row, column)
            widget = item.widget() if item is not None else None
            if isinstance(widget, QLabel):
                found.append(widget.text())
    return found


def test_the_overview_shows_the_reports_first_page(qtbot, app_context, tmp_path: Path) -> None:
    demo.fill(app_context.db, 400, seed=5, today=dt.date.today())
    window = main_window.MainWindow(app_context)
    qtbot.addWidget(window)
    show_active(qtbot, window)
    qtbot.keyClick(window, Qt.Key.Key_6, Qt.KeyboardModifier.ControlModifier)
    page = window.pages.currentWidget()
    assert isinstance(page, OverviewPage)
    assert window.current_page() == main_window.Page.OVERVIEW

    qtbot.keyClick(window, Qt.Key.Key_T, Qt.KeyboardModifier.AltModifier)
    assert QApplication.focusWidget() is page.team
    press(qtbot, Qt.Key.Key_Down)  # the first team after "Alle teams"
    team = page.team.currentData()
    assert team
    qtbot.keyClick(window, Qt.Key.Key_P, Qt.KeyboardModifier.AltModifier)
    assert QApplication.focusWidget() is page.period
    press(qtbot, Qt.Key.Key_Down)  # "Vorig jaar"
    qtbot.keyClick(window, Qt.Key.Key_O, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: page.result is not None and page.quarters.isVisible())

    period = page.chosen_period()
    assert period.team == team
    assert period.start == dt.date(dt.date.today().year - 1, 1, 1)
    path = tmp_path / "inclusie.pdf"
    inclusion_report.write_inclusion_report(
        app_context.db,
        path,
        start=period.start,
        end=period.end,
        team=team,
        municipality=app_context.settings.municipality,
        min_group_size=app_context.settings.min_group_size,
        contact_threshold_days=app_context.settings.contact_threshold_days,
    )
    first = [line.strip() for line in pypdf.PdfReader(path).pages[0].extract_text().splitlines()]
    table = first[first.index("De cijfers in het kort") + 1 :]
    shown = _labels(page)
    assert len(shown) == 6 * 4
    for index in range(0, len(shown), 4):
        label, now, before, change = shown[index : index + 4]
        position = table.index(label)
        assert table[position + 1 : position + 4] == [now, before, change], label
    for line in page.standouts.text().splitlines():
        assert line.removeprefix("• ") in " ".join(first)
    assert page.quarters.rowCount() == 8
    assert all(line.accessibleName().endswith("per kwartaal") for line in page.sparklines)
    assert all(line.accessibleDescription() for line in page.sparklines)
    # The names a screen reader speaks are the visible labels.
    assert page.team.accessibleName() == "Team"
    assert page.show_button.accessibleName() == "Tonen"


def test_too_few_clients_says_why_instead_of_figures(qtbot, app_context) -> None:
    demo.fill(app_context.db, 3, seed=5, today=dt.date.today())
    window = main_window.MainWindow(app_context)
    qtbot.addWidget(window)
    show_active(qtbot, window)
    qtbot.keyClick(window, Qt.Key.Key_6, Qt.KeyboardModifier.ControlModifier)
    page = window.pages.currentWidget()
    assert isinstance(page, OverviewPage)
    qtbot.mouseClick(page.show_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.result is not None)
    assert "minder dan 10 klanten" in page.status.text()
    assert page.status.isVisible() and not page.quarters.isVisible()


def _hidden_parts(page: OverviewPage) -> tuple[int, int]:
    """Rows and columns of the quarterly table that a user has to scroll the table itself for."""
    table = page.quarters
    shown_rows = sum(
        1
        for row in range(table.rowCount())
        if table.rowViewportPosition(row) + table.rowHeight(row) <= table.viewport().height()
    )
    shown_columns = sum(
        1
        for column in range(table.columnCount())
        if table.columnViewportPosition(column) + table.columnWidth(column)
        <= table.viewport().width()
    )
    return table.rowCount() - shown_rows, table.columnCount() - shown_columns


@pytest.mark.parametrize("width", [1100, 860])
def test_the_quarters_show_whole_without_scrolling_the_table(
    qtbot, app_context, width: int
) -> None:
    """Before, the table scrolled inside the scrolling page: five of its eight quarters and a
    cut-off last column ('Te lang geen co') in the default window."""
    demo.fill(app_context.db, 400, seed=5, today=dt.date.today())
    window = main_window.MainWindow(app_context)
    qtbot.addWidget(window)
    show_active(qtbot, window)
    window.resize(width, 720)
    qtbot.keyClick(window, Qt.Key.Key_6, Qt.KeyboardModifier.ControlModifier)
    page = window.pages.currentWidget()
    assert isinstance(page, OverviewPage)
    qtbot.keyClick(window, Qt.Key.Key_O, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: page.result is not None and page.quarters.isVisible())
    qtbot.waitUntil(lambda: _hidden_parts(page) == (0, 0))
    header = page.quarters.horizontalHeader()
    for column in range(page.quarters.columnCount()):
        title = page.quarters.horizontalHeaderItem(column).text()
        # Every word of a title fits its column, on one or two lines.
        widest = max(header.fontMetrics().horizontalAdvance(word) for word in title.split())
        assert widest < page.quarters.columnWidth(column), title
