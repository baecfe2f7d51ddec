"""ChangeBus.perform: one broadcast per change, a refusal shown and nothing broadcast."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

from caseload import clients, model
from resources.changes import Changes, Kind
from resources.errors import UserError
from ui.changes import ChangeBus


def test_a_change_is_broadcast_once_with_what_changed(qtbot, db) -> None:
    bus, parent = ChangeBus(), QWidget()
    qtbot.addWidget(parent)
    heard: list[Changes] = []
    bus.changed.connect(heard.append)
    added = bus.perform(
        lambda: clients.add(db, model.ClientDetails(reference="K-1"), actor="t"), parent
    )
    assert added is not None
    assert heard == [added.changes] and heard[0].clients == {added.value.id}
    assert QGuiApplication.overrideCursor() is None


def test_a_refusal_goes_to_the_form_and_nothing_is_broadcast(qtbot, db) -> None:
    bus, parent = ChangeBus(), QWidget()
    qtbot.addWidget(parent)
    heard: list[Changes] = []
    shown: list[str] = []
    bus.changed.connect(heard.append)
    refused = bus.perform(
        lambda: clients.add(db, model.ClientDetails(reference=" "), actor="t"),
        parent,
        lambda error: shown.append(error.message),
    )
    assert refused is None and heard == [] and len(shown) == 1
    assert db["clients"].count == 0


def test_the_cursor_is_not_left_busy_when_something_unexpected_fails(qtbot) -> None:
    bus, parent = ChangeBus(), QWidget()
    qtbot.addWidget(parent)

    def broken() -> Changes:
        raise RuntimeError("kapot")

    with pytest.raises(RuntimeError):
        bus.perform(broken, parent)
    assert QGuiApplication.overrideCursor() is None


def test_a_user_error_is_a_refusal_whatever_raised_it(qtbot) -> None:
    bus, parent = ChangeBus(), QWidget()
    qtbot.addWidget(parent)
    shown: list[str] = []

    def refuse() -> Changes:
        raise UserError("Dat kan niet.")

    assert bus.perform(refuse, parent, lambda error: shown.append(error.message)) is None
    assert shown == ["Dat kan niet."]
    assert not Changes(frozenset({Kind.SETTINGS})).touches(Kind.CLIENT)
