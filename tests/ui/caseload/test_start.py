"""The window opened on the caseload: its rows are painted first, the counts follow a moment
later without moving anything, and every key works from the first paint on."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QEvent, QObject, QRect, Qt
from PySide6.QtWidgets import QApplication, QWidget

from caseload import caseload_query, demo, people
from ui.caseload.page import CaseloadPage
from ui.shell import main_window, page_stack
from ui.shell.main_window import Page

from ..keyboard import press, type_text
from ..shell.test_main_window import show_active

pytestmark = pytest.mark.qt_log_ignore(
    "does not support propagateSizeHints", "does not support raise", "does not support grabbing"
)


@pytest.fixture
def caseload_start(app_context, monkeypatch):
    """A demo caseload, and a window that opens on the caseload (as the benchmark's start)."""
    demo.fill(app_context.db, 80, seed=5)
    monkeypatch.setattr(main_window.MainWindow, "start_page", lambda _self: Page.CASELOAD)
    return app_context


class FirstPaint(QObject):
    """Notes where the page's parts are when the table's rows are painted for the first time."""

    def __init__(self, page: CaseloadPage) -> None:
        super().__init__(page)
        self.page = page
        self.places: dict[str, QRect] | None = None
        self.message: str | None = None
        page.table.viewport().installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        """At the first paint: where each part is, and what the status bar says."""
        if event.type() == QEvent.Type.Paint and self.places is None:
            self.places = places(self.page)
            self.message = self.page.window().statusBar().currentMessage()  # type: ignore[attr-defined]
        return False


def places(page: CaseloadPage) -> dict[str, QRect]:
    """Where the table, the filters and the line above the table are, in the window."""
    parts: dict[str, QWidget] = {
        "table": page.table,
        "filters": page.filters,
        "klantmanager": page.filters.klantmanager,
        "empty line": page.empty_label,
    }
    window = page.window()
    return {
        name: QRect(widget.mapTo(window, widget.rect().topLeft()), widget.size())
        if widget.isVisible()
        else QRect()
        for name, widget in parts.items()
    }


def test_the_counts_follow_the_first_paint_and_nothing_moves(qtbot, caseload_start) -> None:
    window = main_window.MainWindow(caseload_start)
    qtbot.addWidget(window)
    page = window.pages.currentWidget()
    assert isinstance(page, CaseloadPage)
    first = FirstPaint(page)
    show_active(qtbot, window)
    qtbot.waitUntil(lambda: first.places is not None)

    wanted = caseload_query.counts(
        caseload_start.db, caseload_query.CaseloadFilter(status="active")
    )
    total = caseload_query.total(caseload_start.db)
    text = f"{wanted.shown} van {total} klanten"
    assert first.message is not None and text not in first.message, "counted after the rows"
    qtbot.waitUntil(lambda: window.statusBar().currentMessage().startswith(text))
    assert (
        window.statusBar()
        .currentMessage()
        .endswith(
            f"{wanted.flagged} vragen aandacht" if wanted.flagged != 1 else "1 vraagt aandacht"
        )
    )
    assert page.model.rowCount() == wanted.shown
    assert places(page) == first.places, "the counts only fill in: nothing moved"


def test_keys_work_before_the_counts_have_come(qtbot, caseload_start, monkeypatch) -> None:
    # The turn after the first paint has not come (a key pressed right away).
    monkeypatch.setattr(CaseloadPage, "_counts_after_paint", lambda _self: None)
    db = caseload_start.db
    window = main_window.MainWindow(caseload_start)
    qtbot.addWidget(window)
    show_active(qtbot, window)
    page = window.caseload_page
    assert window.current_page() == Page.CASELOAD

    # Alt+K, then the first letters of a klantmanager's name: only their clients are listed.
    names = people.klantmanagers(db)
    combo = page.filters.klantmanager
    assert [combo.itemText(i) for i in range(1, combo.count())] == names, "every name, at once"
    chosen = names[len(names) // 2]
    press(qtbot, Qt.Key.Key_K, Qt.KeyboardModifier.AltModifier)
    assert QApplication.focusWidget() is page.filters.klantmanager
    type_text(QApplication.focusWidget(), chosen)
    assert page.filters.klantmanager.currentText() == chosen
    theirs = caseload_query.CaseloadFilter(status="active", klantmanager=chosen)
    assert page.model.client_ids() == caseload_query.ids(db, theirs, caseload_query.Sort())
    shown = f"{caseload_query.counts(db, theirs).shown} van "
    # A filter's counts follow its rows' paint by one event-loop turn.
    qtbot.waitUntil(lambda: window.statusBar().currentMessage().startswith(shown))

    # Ctrl+F: the search field, and typing searches (within the chosen klantmanager).
    press(qtbot, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert QApplication.focusWidget() is page.filters.search
    reference = db.execute(
        "SELECT reference FROM clients WHERE klantmanager = ? AND status = 'active' LIMIT 1",
        [chosen],
    ).fetchone()[0]
    type_text(QApplication.focusWidget(), reference)
    found = caseload_query.CaseloadFilter(status="active", klantmanager=chosen, text=reference)
    qtbot.waitUntil(
        lambda: page.model.client_ids() == caseload_query.ids(db, found, caseload_query.Sort())
    )
    assert page.model.rowCount() >= 1


def test_an_empty_caseload_says_why_at_once(qtbot, app_context) -> None:
    window = main_window.MainWindow(app_context)
    qtbot.addWidget(window)
    page = window.pages.currentWidget()
    assert isinstance(page, CaseloadPage), "a file without clients opens on the caseload"
    first = FirstPaint(page)
    show_active(qtbot, window)
    qtbot.waitUntil(lambda: first.places is not None)
    assert first.places is not None and not first.places["empty line"].isNull()
    assert page.empty_label.text().startswith("Nog geen klanten")


def test_the_caseload_made_after_the_first_paint_shows_its_counts_when_shown(
    qtbot, app_context
) -> None:
    demo.fill(app_context.db, 80, seed=5)
    window = main_window.MainWindow(app_context)
    qtbot.addWidget(window)
    show_active(qtbot, window)
    assert window.current_page() == Page.WORKLIST
    qtbot.waitUntil(lambda: not window.pages.waiting())  # the caseload made out of sight
    qtbot.keyClick(window, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    wanted = caseload_query.counts(app_context.db, caseload_query.CaseloadFilter(status="active"))
    total = caseload_query.total(app_context.db)
    assert window.statusBar().currentMessage().startswith(f"{wanted.shown} van {total} klanten")


def _start_without_the_names_turn(qtbot, context, monkeypatch) -> main_window.MainWindow:
    """A window on the caseload whose turn after the rows' first paint never reads the
    klantmanagers' names (a key or a click came first)."""
    real = page_stack.after_first_paint

    def without_names(widget: QWidget, then) -> None:  # noqa: ANN001 - a callback
        if getattr(then, "__name__", "") != "_people_now":
            real(widget, then)

    monkeypatch.setattr(page_stack, "after_first_paint", without_names)
    window = main_window.MainWindow(context)
    qtbot.addWidget(window)
    show_active(qtbot, window)
    return window


def test_at_a_later_start_the_klantmanagers_come_after_the_rows_or_when_used(
    qtbot, caseload_start, monkeypatch
) -> None:
    db = caseload_start.db
    names = people.klantmanagers(db)
    # The first start reads every name before the rows (and keeps the widest in window.ini).
    first = main_window.MainWindow(caseload_start)
    qtbot.addWidget(first)
    show_active(qtbot, first)
    combo = first.caseload_page.filters.klantmanager
    assert [combo.itemText(i) for i in range(1, combo.count())] == names
    first.close()

    # The next start paints the rows without them ...
    window = _start_without_the_names_turn(qtbot, caseload_start, monkeypatch)
    page = window.caseload_page
    combo = page.filters.klantmanager
    assert page.model.rowCount() > 0
    assert combo.count() == 1, "the names follow the rows"
    # ... and Alt+K, right away, finds every name: typed, it filters the list.
    chosen = names[len(names) // 2]
    press(qtbot, Qt.Key.Key_K, Qt.KeyboardModifier.AltModifier)
    assert QApplication.focusWidget() is combo
    assert [combo.itemText(i) for i in range(1, combo.count())] == names
    type_text(combo, chosen)
    theirs = caseload_query.CaseloadFilter(status="active", klantmanager=chosen)
    qtbot.waitUntil(
        lambda: page.model.client_ids() == caseload_query.ids(db, theirs, caseload_query.Sort())
    )
    window.close()


def test_a_click_on_the_klantmanager_list_before_the_names_came_shows_them_all(
    qtbot, caseload_start, monkeypatch
) -> None:
    names = people.klantmanagers(caseload_start.db)
    first = main_window.MainWindow(caseload_start)
    qtbot.addWidget(first)
    show_active(qtbot, first)
    first.close()
    window = _start_without_the_names_turn(qtbot, caseload_start, monkeypatch)
    combo = window.caseload_page.filters.klantmanager
    assert combo.count() == 1
    qtbot.mouseClick(combo, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: combo.view().isVisible())
    assert [combo.itemText(i) for i in range(1, combo.count())] == names
    press(qtbot, Qt.Key.Key_Escape)
    window.close()


def test_without_a_key_the_klantmanagers_follow_the_rows_first_paint(qtbot, caseload_start) -> None:
    names = people.klantmanagers(caseload_start.db)
    first = main_window.MainWindow(caseload_start)
    qtbot.addWidget(first)
    show_active(qtbot, first)
    first.close()
    window = main_window.MainWindow(caseload_start)
    qtbot.addWidget(window)
    show_active(qtbot, window)
    combo = window.caseload_page.filters.klantmanager
    qtbot.waitUntil(lambda: combo.count() == len(names) + 1)
    assert [combo.itemText(i) for i in range(1, combo.count())] == names
