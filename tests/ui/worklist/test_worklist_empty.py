"""Vandaag's empty states say what to do next: nothing due today, and "mijn caseload" without
the user's name set in Instellingen."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from caseload import clients, journal, model
from ui.shell import main_window
from ui.worklist.page import WorklistPage

from ..keyboard import press
from ..shell.test_main_window import show_active

pytestmark = pytest.mark.qt_log_ignore("does not support propagateSizeHints")


def _open(qtbot, app_context) -> WorklistPage:  # noqa: ANN001 - fixtures
    """The window, on Vandaag by Ctrl+1 (an empty database opens on the caseload)."""
    window = main_window.MainWindow(app_context)
    qtbot.addWidget(window)
    show_active(qtbot, window)
    press(qtbot, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
    page = window.pages.widget(main_window.Page.WORKLIST)
    assert isinstance(page, WorklistPage)
    qtbot.waitUntil(lambda: window.pages.currentWidget() is page)
    return page


def test_nothing_due_says_so_and_points_to_the_caseload(qtbot, app_context) -> None:
    """A seen client without appointments: the page says there is nothing to do today and
    where to go; Alt+M (everyone) keeps a message that names the next step."""
    added = clients.add(
        app_context.db,
        model.ClientDetails(reference="T-1", first_name="Ada", klantmanager="Zoë de Vries"),
        actor="test",
    ).value
    journal.add_contact(app_context.db, added.id, kind="kantoor", actor="test")
    page = _open(qtbot, app_context)
    assert page.hint.isVisible()
    assert "Niets te doen vandaag" in page.hint.text()
    assert "Zoë de Vries" in page.hint.text()
    assert "Caseload (Ctrl+2)" in page.hint.text()
    press(qtbot, Qt.Key.Key_M, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: not page.mine.isChecked())  # a mnemonic clicks a moment later
    assert "Niets te doen vandaag" in page.hint.text()
    assert "Zoë de Vries" not in page.hint.text()


def test_mine_with_a_name_no_client_has_explains_where_to_set_it(qtbot, app_context) -> None:
    """The name in Instellingen is not how the clients' klantmanager is written: the page says
    that "mijn caseload" goes by that name and where to set it; Alt+M shows everyone."""
    added = clients.add(
        app_context.db,
        model.ClientDetails(reference="T-1", first_name="Ada", klantmanager="Z. de Vries"),
        actor="test",
    ).value
    journal.add_contact(app_context.db, added.id, kind="kantoor", actor="test")
    page = _open(qtbot, app_context)
    assert page.hint.isVisible()
    assert "Zoë de Vries" in page.hint.text()
    assert "Instellingen (Ctrl+5)" in page.hint.text()
    press(qtbot, Qt.Key.Key_M, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: not page.mine.isChecked())  # a mnemonic clicks a moment later
    assert "Instellingen" not in page.hint.text()
    assert "Niets te doen vandaag" in page.hint.text()


def test_no_clients_at_all_points_to_import_and_new_client(qtbot, app_context) -> None:
    """An empty database: the page says how to get clients in."""
    page = _open(qtbot, app_context)
    assert page.hint.isVisible()
    assert "Nog geen klanten" in page.hint.text()
    assert "Caseload (Ctrl+2)" in page.hint.text()


def test_lines_due_show_no_empty_message(qtbot, app_context) -> None:
    """A client never contacted is due for contact: the list has a line and no hint."""
    clients.add(
        app_context.db,
        model.ClientDetails(reference="T-2", first_name="Bo", klantmanager="Zoë de Vries"),
        actor="test",
    )
    page = _open(qtbot, app_context)
    assert page.current is not None and any(page.current.counts.values())
    assert not page.hint.isVisible()


def test_section_headings_and_nothing_lines_are_read_across_the_columns(qtbot, app_context) -> None:
    """A heading such as "Afspraken deze week (0)" is not cut off at the date column, also
    after a second fill (the headings are kept and only their lines replaced)."""
    added = clients.add(
        app_context.db,
        model.ClientDetails(reference="T-1", first_name="Ada", klantmanager="Zoë de Vries"),
        actor="test",
    ).value
    page = _open(qtbot, app_context)
    journal.add_contact(app_context.db, added.id, kind="kantoor", actor="test")
    page.reload()  # the list after a change, as the ChangeBus asks for it
    tree = page.tree
    for index in range(tree.topLevelItemCount()):
        heading = tree.topLevelItem(index)
        assert heading.isFirstColumnSpanned(), heading.text(0)
        for child in range(heading.childCount()):
            line = heading.child(child)
            if line.text(1) == "":  # "Niets" or "en nog …": one text across the row
                assert line.isFirstColumnSpanned(), line.text(0)
