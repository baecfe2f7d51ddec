"""``widgets.fit_table``: a small table in a scrolled page shows whole, whatever its titles."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QTableWidget, QTableWidgetItem

from ui import widgets

pytestmark = pytest.mark.qt_log_ignore("does not support propagateSizeHints")


def test_a_table_with_a_column_without_title_shows_every_row_and_column(qtbot) -> None:
    table = QTableWidget(3, 2)
    qtbot.addWidget(table)
    table.setHorizontalHeaderLabels(["", "Na 6 maanden nog aan het werk"])
    for row in range(3):
        for column in range(2):
            table.setItem(row, column, QTableWidgetItem(f"{row},{column}"))
    table.resize(600, 100)
    with qtbot.waitExposed(table):
        table.show()
    widgets.fit_table(table)  # an empty title broke the search for the best line break
    rows = sum(table.rowHeight(row) for row in range(3))
    assert table.height() >= rows + table.horizontalHeader().height()
    qtbot.waitUntil(
        lambda: table.rowViewportPosition(2) + table.rowHeight(2) <= table.viewport().height()
    )
    # Beside the row numbers: the columns share what is left, no sideways scrolling.
    assert not table.horizontalScrollBar().isVisible()
