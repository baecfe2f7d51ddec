"""What a screen reader hears: every Tab stop on every page and in every dialog has a name, and
every group of radio buttons is labelled by its question."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel, QRadioButton, QWidget

from caseload import clients, demo, model
from quickscan import loader, store
from resources import i18n
from ui.accessibility import plain
from ui.shell import main_window

from .test_main_window import show_active
from .test_mnemonics import _dialogs, tab_states

pytestmark = pytest.mark.qt_log_ignore("does not support propagateSizeHints")

#: More stops than any page has; a cycle that does not close by then is a trap.
MAX_STOPS = 400


@pytest.fixture(params=["nl", "en"])
def language(request) -> Iterator[str]:
    i18n.set_language(request.param)
    yield request.param
    i18n.set_language("nl")


def _name(widget: QWidget) -> str:
    interface = QAccessible.queryAccessibleInterface(widget)
    return "" if interface is None else interface.text(QAccessible.Text.Name).strip()


def _where(widget: QWidget) -> str:
    parent = widget.parentWidget()
    return f"{type(widget).__name__} in {type(parent).__name__ if parent else '-'}"


def tab_cycle(qtbot, root: QWidget) -> list[QWidget]:
    """Press Tab from the first stop in ``root`` until the focus comes back: every stop."""
    start = QApplication.focusWidget()
    if start is None or not root.isAncestorOf(start):
        root.focusNextChild()
        start = QApplication.focusWidget()
    assert start is not None
    stops = [start]
    for _ in range(MAX_STOPS):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        now = QApplication.focusWidget()
        if now is None or now is start:
            break
        stops.append(now)
    return stops


def unnamed_stops(qtbot, root: QWidget, where: str) -> list[str]:
    return [
        f"{where}: {_where(stop)}"
        for stop in tab_cycle(qtbot, root)
        if root.window().isAncestorOf(stop) and not _name(stop)
    ]


def unlabelled_radio_groups(root: QWidget, where: str) -> list[str]:
    """Radio buttons whose group has no label relation (a group box or a buddy label)."""
    found = []
    for radio in root.findChildren(QRadioButton):
        if not radio.isVisibleTo(root):
            continue
        relation = QAccessible.RelationFlag.Label
        own = QAccessible.queryAccessibleInterface(radio).relations(relation)
        group = radio.parentWidget()
        labels = QAccessible.queryAccessibleInterface(group).relations(relation) if group else []
        if not own and not labels:
            found.append(f"{where}: {radio.text()}")
    return found


def names_unlike_labels(root: QWidget, where: str) -> list[str]:
    """Buttons and labelled fields whose accessible name is not what the eye reads: a speech
    user says what is shown ("click Opslaan") and must find it by that name."""
    found = []
    for button in root.findChildren(QAbstractButton):
        shown = button.isVisibleTo(root) and button.text()
        if shown and _name(button) != plain(button.text()):
            found.append(f"{where}: {_where(button)} {button.text()!r} is {_name(button)!r}")
    for label in root.findChildren(QLabel):
        buddy = label.buddy()
        shown = label.isVisibleTo(root) and buddy is not None and buddy.isVisibleTo(root)
        # A choice box's name on the AT-SPI bus is its current choice (Qt on Linux); its
        # label comes from the label relation, so its own accessible name is what counts.
        if shown and (buddy.accessibleName() or _name(buddy)) != plain(label.text()):
            found.append(f"{where}: {_where(buddy)} {label.text()!r} is {buddy.accessibleName()!r}")
    return found


def _check(qtbot, root: QWidget, where: str) -> list[str]:
    found = unnamed_stops(qtbot, root, where) + unlabelled_radio_groups(root, where)
    found += names_unlike_labels(root, where)
    for tab in tab_states(root):
        found += unnamed_stops(qtbot, root, f"{where}, tab {tab}")
        found += unlabelled_radio_groups(root, f"{where}, tab {tab}")
        found += names_unlike_labels(root, f"{where}, tab {tab}")
    return found


def test_every_page_and_view(qtbot, app_context, language: str) -> None:
    app_context.update_settings(bsn_enabled=True, language=language)
    added = clients.add(app_context.db, model.ClientDetails(reference="A-1"), actor="t").value
    questionnaire = loader.load_bundled()
    draft = store.start_response(app_context.db, questionnaire, "manager", None, None, "t").value
    window = main_window.MainWindow(app_context)
    qtbot.addWidget(window)
    show_active(qtbot, window)
    found: list[str] = []
    for index in range(window.pages.count()):
        window.show_page(index)
        found += _check(qtbot, window.centralWidget(), f"{language}, page {index + 1}")
    window.show_page(main_window.Page.CASELOAD)
    window.pages.currentWidget().open_client(added.id)
    found += _check(qtbot, window.centralWidget(), f"{language}, client view")
    window.show_page(main_window.Page.QUICKSCAN)
    window.pages.currentWidget().open_draft(draft.id)
    found += _check(qtbot, window.centralWidget(), f"{language}, quickscan")
    assert "\n".join(found) == ""


def test_vandaag_and_overzicht_with_their_lines_and_figures(
    qtbot, app_context, language: str
) -> None:
    """The two newer pages filled: Vandaag with everyone's lines (Alt+M), Overzicht after
    Tonen with its figures, sparklines and quarter table."""
    app_context.update_settings(language=language)
    demo.fill(app_context.db, 120, seed=5, today=dt.date(2026, 12, 4))
    window = main_window.MainWindow(app_context)
    qtbot.addWidget(window)
    show_active(qtbot, window)
    window.show_page(main_window.Page.WORKLIST)
    page = window.pages.currentWidget()
    page.mine.setFocus()
    qtbot.keyClick(page.mine, Qt.Key.Key_M, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: not page.mine.isChecked())
    assert page.tree.topLevelItemCount() > 0
    found = _check(qtbot, window.centralWidget(), f"{language}, Vandaag, iedereen")
    window.show_page(main_window.Page.OVERVIEW)
    overview = window.pages.currentWidget()
    qtbot.mouseClick(overview.show_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: overview.result is not None, timeout=30_000)
    found += _check(qtbot, window.centralWidget(), f"{language}, Overzicht with figures")
    assert "\n".join(found) == ""


def test_every_dialog(qtbot, app_context, language: str) -> None:
    owner = QWidget()
    qtbot.addWidget(owner)
    found: list[str] = []
    for name, make in _dialogs(app_context, owner).items():
        dialog = make()
        qtbot.addWidget(dialog)
        show_active(qtbot, dialog)
        found += _check(qtbot, dialog, f"{language}, {name}")
        dialog.close()
    assert "\n".join(found) == ""


def test_tab_reaches_the_questions_before_the_theme_buttons(qtbot, app_context) -> None:
    questionnaire = loader.load_bundled()
    draft = store.start_response(app_context.db, questionnaire, "manager", None, None, "t").value
    window = main_window.MainWindow(app_context)
    qtbot.addWidget(window)
    show_active(qtbot, window)
    window.show_page(main_window.Page.QUICKSCAN)
    page = window.pages.currentWidget()
    page.open_draft(draft.id)
    stops = tab_cycle(qtbot, page.fill)
    texts = [stop.text() if hasattr(stop, "text") else "" for stop in stops]
    first_answer = next(i for i, stop in enumerate(stops) if isinstance(stop, QRadioButton))
    next_theme = next(i for i, text in enumerate(texts) if text.replace("&", "") == "Volgend thema")
    assert first_answer < next_theme


def test_page_titles_are_headings(qtbot, app_context) -> None:
    window = main_window.MainWindow(app_context)
    qtbot.addWidget(window)
    show_active(qtbot, window)
    window.show_page(main_window.Page.QUICKSCAN)
    headings = [
        label
        for label in window.pages.currentWidget().findChildren(QLabel)
        if label.isVisible()
        and QAccessible.queryAccessibleInterface(label).role() == QAccessible.Role.Heading
    ]
    assert headings and all(_name(label) for label in headings)
