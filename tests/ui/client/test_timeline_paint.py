"""The timeline paints each cell from its row at once and looks exactly as before: the same
pixels as Qt's own delegate asking the model for every role, an overdue action bold with its
marker, in light and dark."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication, QStyledItemDelegate, QTableView

from caseload import clients, journal, model
from ui import changes, design
from ui.client.view import ClientView
from ui.table_model import RowsDelegate

from ..keyboard import press

pytestmark = pytest.mark.qt_log_ignore("does not support propagateSizeHints")


@pytest.fixture
def view(qtbot, app_context) -> ClientView:
    """The client view on a client with contacts, a trede and an overdue action."""
    db = app_context.db
    added = clients.add(db, model.ClientDetails(reference="V-1"), actor="t").value
    today = dt.date.today()
    for days in range(3, 60, 4):
        journal.add_contact(
            db,
            added.id,
            contact_on=today - dt.timedelta(days=days),
            kind="kantoor",
            minutes=days,
            summary=f"Gesprek {days}\nmet een tweede regel",
            actor="t",
        )
    journal.add_action(
        db,
        added.id,
        intervention="taalcursus",
        start_on=today - dt.timedelta(days=40),
        due_on=today - dt.timedelta(days=30),
        actor="t",
    )
    client_view = ClientView(app_context, changes.ChangeBus())
    qtbot.addWidget(client_view)
    client_view.resize(1100, 800)
    client_view.show()
    qtbot.waitExposed(client_view)
    client_view.open_client(added.id)
    return client_view


def _painted(table: QTableView) -> QImage:
    table.viewport().repaint()
    return table.viewport().grab().toImage()


def _as_qt_paints_it(table: QTableView) -> QImage:
    ours = table.itemDelegate()
    table.setItemDelegate(QStyledItemDelegate(table))
    try:
        return _painted(table)
    finally:
        table.setItemDelegate(ours)


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_timeline_looks_as_qt_paints_it_from_the_model(qtbot, view, scheme) -> None:
    application = QApplication.instance()
    assert isinstance(application, QApplication)
    design.install(application, scheme)
    try:
        table = view.timeline
        assert isinstance(table.itemDelegate(), RowsDelegate)
        timeline = view.timeline_model
        bold = [
            row
            for row in range(timeline.rowCount())
            if timeline.index(row, 2).data(Qt.ItemDataRole.FontRole) is not None
        ]
        assert bold and len(bold) < timeline.rowCount(), "an overdue action among the rest"
        assert _painted(table) == _as_qt_paints_it(table)
        # The overdue action selected from the keyboard: its marker in the selected colours.
        table.setFocus()
        press(qtbot, Qt.Key.Key_Home, Qt.KeyboardModifier.ControlModifier)
        for _step in range(bold[0]):
            press(qtbot, Qt.Key.Key_Down)
        assert table.currentIndex().row() == bold[0]
        assert _painted(table) == _as_qt_paints_it(table)
        press(qtbot, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
        assert table.currentIndex().row() == timeline.rowCount() - 1
        assert _painted(table) == _as_qt_paints_it(table)
    finally:
        design.install(application, "light")


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_timeline_looks_as_the_windows_own_style_paints_it(qtbot, view, scheme) -> None:
    """The timeline draws its cells with Qt's Fusion, not through Trede's style's Python hooks:
    the same pixels, the overdue action's marker as large as Trede's style makes small icons."""
    application = QApplication.instance()
    assert isinstance(application, QApplication)
    design.install(application, scheme)
    try:
        table = view.timeline
        assert table.style() is not application.style()
        ours = _painted(table)
        table.setStyle(None)  # the window's style, and the icon size it chooses
        table.setIconSize(QSize())
        assert _painted(table) == ours
    finally:
        design.install(application, "light")
