"""The client view at a 200 % system font on a laptop screen: the forms go under the timeline
instead of being cut off at the window's edge."""

from __future__ import annotations

import contextlib

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication, QLabel

from caseload import demo, journal
from ui.shell import main_window

from ..keyboard import press, type_keys
from ..shell.test_main_window import show_active
from ..text_size import twice_the_text_size

pytestmark = pytest.mark.qt_log_ignore("does not support propagateSizeHints")


@pytest.fixture
def big_font(qapp):  # noqa: ANN001, ANN201 - pytest-qt's application
    """The system font at twice its size, as a user with 200 % text has it."""
    with twice_the_text_size():
        yield


def _client_view(qtbot, app_context, prepare=None):  # noqa: ANN001, ANN202 - fixtures, view
    demo.fill(app_context.db, 5, seed=3)
    if prepare is not None:
        prepare(app_context.db)
    window = main_window.MainWindow(app_context)
    qtbot.addWidget(window)
    window.resize(1366, 720)
    show_active(qtbot, window)
    press(qtbot, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    page = window.pages.widget(main_window.Page.CASELOAD)
    reference = app_context.db.execute("SELECT min(reference) FROM clients").fetchone()[0]
    press(qtbot, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    type_keys(qtbot, reference)
    qtbot.waitUntil(lambda: page.model.rowCount() == 1)
    press(qtbot, Qt.Key.Key_Return)  # to the list
    press(qtbot, Qt.Key.Key_Return)  # open the client
    qtbot.waitUntil(lambda: page.client_view.isVisible())
    return page.client_view


def _labels_cut_off(view) -> list[str]:  # noqa: ANN001 - the client view
    """Visible labels of the shown form whose text runs past the view's right edge."""
    edge = view.mapToGlobal(QPoint(view.width(), 0)).x()
    form = view.tabs.currentWidget()
    return [
        label.text()
        for label in form.findChildren(QLabel)
        if label.isVisible()
        and label.text()
        and label.mapToGlobal(QPoint(label.width(), 0)).x() > edge
    ]


def test_forms_beside_the_timeline_at_a_normal_font(qtbot, app_context) -> None:
    view = _client_view(qtbot, app_context)
    assert view.splitter.orientation() == Qt.Orientation.Horizontal
    assert _labels_cut_off(view) == []


def test_forms_under_the_timeline_at_200_percent(qtbot, app_context, big_font) -> None:
    view = _client_view(qtbot, app_context)
    qtbot.waitUntil(lambda: view.splitter.orientation() == Qt.Orientation.Vertical)
    assert _labels_cut_off(view) == []
    assert QApplication.focusWidget() is not None


def test_the_closing_form_with_job_details_fits_the_default_window(qtbot, app_context) -> None:
    """Choosing "Uitstroom naar werk" shows the job's fields; a long sector name does not push
    the form past the window's edge (no sideways scrolling, no label cut off)."""
    view = _client_view(qtbot, app_context)
    view.window().resize(1100, 720)
    press(qtbot, Qt.Key.Key_S, Qt.KeyboardModifier.AltModifier)  # Afsluiten
    form = view.close_form
    qtbot.waitUntil(lambda: QApplication.focusWidget() is form.reason)
    press(qtbot, Qt.Key.Key_Down)  # Uitstroom naar werk
    qtbot.waitUntil(form.sector.isVisible)
    QApplication.processEvents()  # the layout settles in the next event-loop turn
    assert not form.horizontalScrollBar().isVisible()
    assert _labels_cut_off(view) == []
    edge = form.viewport().mapToGlobal(QPoint(form.viewport().width(), 0)).x()
    assert form.sector.mapToGlobal(QPoint(form.sector.width(), 0)).x() <= edge


@pytest.mark.parametrize("font", ["normal", "200 %"])
def test_a_long_barrier_chosen_does_not_push_the_form_sideways(
    qtbot, app_context, font: str
) -> None:
    """Choosing a barrier ("Klein sociaal netwerk — ernst 4 (Zeer ernstig), opgelost, sinds …")
    kept the form wider than its panel: it scrolled sideways in the default window."""

    def longest_barrier(db) -> None:  # noqa: ANN001 - the database
        first = db.execute("SELECT id FROM clients ORDER BY reference LIMIT 1").fetchone()[0]
        kind, severity, status = "zelfredzaamheid", 4, "in_aanpak"
        journal.add_barrier(db, first, kind=kind, severity=severity, status=status, actor="t")

    with twice_the_text_size() if font == "200 %" else contextlib.nullcontext():
        view = _client_view(qtbot, app_context, longest_barrier)
        view.window().resize(1100, 720)
        press(qtbot, Qt.Key.Key_O, Qt.KeyboardModifier.AltModifier)  # Obstakel
        form = view.barrier_form
        qtbot.waitUntil(lambda: QApplication.focusWidget() is form.which)
        assert form.which.count() > 1, "the demo client has barriers to choose"
        press(qtbot, Qt.Key.Key_End)  # the last barrier
        longest = max((form.which.itemText(index) for index in range(form.which.count())), key=len)
        QApplication.processEvents()  # the layout settles in the next event-loop turn
        assert not form.horizontalScrollBar().isVisible()
        assert form.which.minimumSizeHint().width() <= form.status.minimumSizeHint().width()
        edge = form.viewport().mapToGlobal(QPoint(form.viewport().width(), 0)).x()
        assert form.which.mapToGlobal(QPoint(form.which.width(), 0)).x() <= edge
        # The open list still shows each barrier whole.
        metrics = form.which.view().fontMetrics()
        assert form.which.view().minimumWidth() >= metrics.horizontalAdvance(longest)
