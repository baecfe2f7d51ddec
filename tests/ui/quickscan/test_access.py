"""Every view of the quickscan is named for screen readers and reached by keyboard."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTableView, QTextBrowser

from quickscan import loader, store
from ui import changes
from ui.quickscan import page as quickscan_page

from ..shell.test_main_window import interactive_widgets, show_active, visible_label


def _submit(db, role: str, value: int) -> int:
    questionnaire = loader.load_bundled()
    given = [
        store.GivenAnswer(q.id, min(value, questionnaire.scale_values_for(q.id)[-1]))
        for q in questionnaire.questions_for(role)
    ]
    return store.submit(db, questionnaire, role, "Sam", "Team Noord", given, actor="test").value.id


def test_every_widget_of_every_view_is_named_after_its_label(qtbot, app_context) -> None:
    scan = _submit(app_context.db, "klantmanager", 2)
    _submit(app_context.db, "manager", 4)
    page = quickscan_page.create(app_context, changes.ChangeBus())
    qtbot.addWidget(page)
    page.setMinimumSize(1000, 700)
    show_active(qtbot, page)
    page.start.start_scan()
    views = {
        "start": page.show_start,
        "fill": lambda: page.open_draft(store.drafts(app_context.db)[0].id),
        "result": lambda: page.open_result(scan),
        "history": lambda: page.tabs.setCurrentWidget(page.history),
        "compare": lambda: page.tabs.setCurrentWidget(page.compare_scans),
        "roles": lambda: page.tabs.setCurrentWidget(page.compare_roles),
    }
    for name, show in views.items():
        show()
        widgets = interactive_widgets(page)
        for kind in (QTableView, QTextBrowser):
            widgets += [w for w in page.findChildren(kind) if w.isVisibleTo(page)]
        assert widgets, name
        for widget in widgets:
            assert widget.accessibleName(), f"{name}: {widget!r} has no accessible name"
            label = visible_label(widget, page)
            if label is not None:
                assert widget.accessibleName() == label, name


def test_the_tabs_have_their_own_keys(qtbot, app_context) -> None:
    page = quickscan_page.create(app_context, changes.ChangeBus())
    qtbot.addWidget(page)
    page.setMinimumSize(1000, 700)
    show_active(qtbot, page)
    for key, view in (
        (Qt.Key.Key_D, page.history),
        (Qt.Key.Key_V, page.compare_scans),
        (Qt.Key.Key_R, page.compare_roles),
        (Qt.Key.Key_S, page.scan),
    ):
        qtbot.keyClick(page, key, Qt.KeyboardModifier.AltModifier)
        assert page.tabs.currentWidget() is view
