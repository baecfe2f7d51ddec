"""The caseload table paints each cell from its row at once, and looks exactly as before: the
same pixels as Qt's own delegate reading every role from the model, in light and dark."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication, QStyledItemDelegate, QStyleOptionViewItem

from caseload import clients, demo, model
from ui import design
from ui.caseload.columns import Column
from ui.caseload.delegate import CaseloadDelegate
from ui.caseload.page import CaseloadPage
from ui.caseload.table_model import ROW_ROLE
from ui.shell import main_window

from ..keyboard import press


@pytest.fixture
def page(qtbot, app_context) -> CaseloadPage:
    """The caseload of 40 demo clients and one with a line break in her name, in a window."""
    return _caseload(qtbot, app_context)


def _caseload(qtbot, app_context) -> CaseloadPage:
    demo.fill(app_context.db, 40, seed=3)
    clients.add(
        app_context.db,
        model.ClientDetails(reference="T-0002", first_name="Anna\nMarie", surname="Aalbers"),
        actor="test",
    )
    window = main_window.MainWindow(app_context)
    qtbot.addWidget(window)
    window.resize(1100, 700)
    window.show()
    window.show_page(main_window.Page.CASELOAD)
    qtbot.waitExposed(window)
    shown = window.pages.widget(main_window.Page.CASELOAD)
    assert isinstance(shown, CaseloadPage)
    shown.filters.status.setCurrentIndex(0)  # every client: open and closed
    return shown


def _painted(page: CaseloadPage) -> QImage:
    viewport = page.table.viewport()
    viewport.repaint()
    return viewport.grab().toImage()


def _as_qt_paints_it(page: CaseloadPage) -> QImage:
    """The table painted by Qt's own delegate, which asks the model for every role."""
    ours = page.table.itemDelegate()
    page.table.setItemDelegate(QStyledItemDelegate(page.table))
    try:
        return _painted(page)
    finally:
        page.table.setItemDelegate(ours)


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_rows_look_as_qt_paints_them_from_the_model(qtbot, page, scheme) -> None:
    application = QApplication.instance()
    assert isinstance(application, QApplication)
    design.install(application, scheme)
    try:
        assert isinstance(page.table.itemDelegate(), CaseloadDelegate)
        shown = [page.model.index(row, 0).data(ROW_ROLE) for row in range(page.model.rowCount())]
        flagged = [row for row, line in enumerate(shown) if line.needs_attention]
        assert flagged and len(flagged) < len(shown), "bold and plain rows, markers among them"
        # The current row selected (its marker drawn in the selected colours), from the keyboard.
        page.focus_table()
        for _step in range(flagged[0]):
            press(qtbot, Qt.Key.Key_Down)
        assert page.table.currentIndex().row() == flagged[0]
        assert _painted(page) == _as_qt_paints_it(page)
        # Further down (rows fetched by scrolling), and at the end (Ctrl+End).
        press(qtbot, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
        assert page.table.currentIndex().row() == page.model.rowCount() - 1
        assert _painted(page) == _as_qt_paints_it(page)
    finally:
        design.install(application, "light")


def test_each_cell_gets_the_models_text_font_alignment_and_marker(page) -> None:
    delegate = page.table.itemDelegate()
    assert isinstance(delegate, CaseloadDelegate)
    plain = QStyledItemDelegate()
    has_icon = QStyleOptionViewItem.ViewItemFeature.HasDecoration
    for row in range(page.model.rowCount()):
        for column in Column:
            index = page.model.index(row, column)
            ours, qts = QStyleOptionViewItem(), QStyleOptionViewItem()
            ours.font = qts.font = page.table.font()
            if row % 2:  # as the view starts every other row, with alternating colours
                ours.features = qts.features = QStyleOptionViewItem.ViewItemFeature.Alternate
            delegate.initStyleOption(ours, index)
            plain.initStyleOption(qts, index)
            assert ours.text == qts.text
            assert ours.font.bold() == qts.font.bold()
            assert ours.displayAlignment == qts.displayAlignment
            assert bool(ours.features & has_icon) == bool(qts.features & has_icon)
            assert ours.features == qts.features


def test_bold_rows_follow_a_larger_font(page) -> None:
    assert _painted(page) == _as_qt_paints_it(page)  # the bold font made for the first size
    larger = page.table.font()
    larger.setPointSizeF(larger.pointSizeF() * 1.5)
    page.table.setFont(larger)
    page.table.verticalHeader().setDefaultSectionSize(page.table.fontMetrics().height() + 8)
    assert _painted(page) == _as_qt_paints_it(page)


@pytest.mark.parametrize(("scheme", "font_scale"), [("light", 1.0), ("dark", 1.0), ("light", 1.5)])
def test_the_table_looks_as_the_windows_own_style_paints_it(
    qtbot, app_context, scheme, font_scale
) -> None:
    """The table draws its cells with Qt's Fusion, not through Trede's style's Python hooks:
    the same pixels (cells, markers as large as Trede's style makes small icons at that font,
    the focus ring)."""
    application = QApplication.instance()
    assert isinstance(application, QApplication)
    before = application.font()
    larger = application.font()
    larger.setPointSizeF(larger.pointSizeF() * font_scale)
    application.setFont(larger)
    design.install(application, scheme)
    try:
        page = _caseload(qtbot, app_context)
        assert page.table.style() is not application.style()
        page.window().activateWindow()
        qtbot.waitUntil(page.window().isActiveWindow)
        page.focus_table()
        press(qtbot, Qt.Key.Key_Down)
        page.table.viewport().repaint()
        ours = page.table.grab().toImage()
        page.filters.search.setFocus()
        page.table.setStyle(None)  # the window's style, and the icon size it chooses
        page.table.setIconSize(QSize())
        page.focus_table()
        page.table.viewport().repaint()
        assert page.table.grab().toImage() == ours
    finally:
        application.setFont(before)
        design.install(application, "light")
