"""A date typed by keyboard into a date field is the date that was typed, or a clear refusal.

Qt's date field reads a typed date part by part and changes an impossible day on the way (31
typed in November becomes 30 before the month is typed); a separator made it leave the field.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import pytest
from PySide6.QtCore import QLocale, Qt
from PySide6.QtWidgets import QLineEdit, QVBoxLayout, QWidget

from ui.client.fields import DateField

from ..shell.test_main_window import show_active

pytestmark = pytest.mark.qt_log_ignore(
    "does not support propagateSizeHints", "does not support raise", "does not support grabbing"
)


@pytest.fixture
def form(qtbot) -> Iterator[tuple[DateField, QLineEdit]]:
    """A date field with a text field after it, as in the contact form."""
    widget = QWidget()
    layout = QVBoxLayout(widget)
    field = DateField(dt.date(2026, 11, 5))
    after = QLineEdit()
    layout.addWidget(field)
    layout.addWidget(after)
    qtbot.addWidget(widget)
    show_active(qtbot, widget)
    field.setFocus()
    qtbot.waitUntil(field.hasFocus)
    yield field, after
    widget.close()


@pytest.mark.parametrize(
    ("keys", "expected"),
    [
        ("31122025", dt.date(2025, 12, 31)),  # was 30-12-2025: 31 typed in November
        ("29022028", dt.date(2028, 2, 29)),  # was 28-02-2028
        ("31012026", dt.date(2026, 1, 31)),
        ("3-11-2026", dt.date(2026, 11, 3)),  # the '-' left the field
        ("03-11-2026", dt.date(2026, 11, 3)),
        ("3/1/2027", dt.date(2027, 1, 3)),
        ("15.6.2026", dt.date(2026, 6, 15)),
    ],
)
def test_a_typed_date_is_the_date_typed(qtbot, form, keys: str, expected: dt.date) -> None:
    field, after = form
    qtbot.keyClick(field, "a", modifier=Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(field, keys)
    assert field.hasFocus(), "typing a date keeps the keyboard in the field"
    assert field.value() == expected
    assert after.text() == ""


@pytest.mark.parametrize("keys", ["31112026", "31-11-2026", "29-2-2027"])
def test_a_day_that_does_not_exist_is_refused_and_changes_nothing(qtbot, form, keys) -> None:
    field, _after = form
    qtbot.keyClick(field, "a", modifier=Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(field, keys)
    assert field.value() == dt.date(2026, 11, 5)
    shown = keys if "-" in keys else "31-11-2026"
    assert field.problem == f"{shown} bestaat niet. De datum is niet veranderd."


def test_a_date_typed_in_part_is_read_when_the_field_is_left(qtbot, form) -> None:
    field, after = form
    qtbot.keyClick(field, "a", modifier=Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(field, "31-12")
    qtbot.keyClick(field, "\t")
    qtbot.waitUntil(after.hasFocus)
    assert field.value() == dt.date(2026, 12, 31)


@pytest.mark.parametrize(
    ("keys", "expected"),
    [("1 Jan 2027", dt.date(2027, 1, 1)), ("31 Dec 2025", dt.date(2025, 12, 31))],
)
def test_an_english_date_is_read_with_its_month_name(qtbot, form, keys, expected) -> None:
    """The English window shows '5 Nov 2026': the month is typed by its name."""
    field, _after = form
    field.setLocale(QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom))
    field.setDisplayFormat("d MMM yyyy")
    qtbot.keyClick(field, "a", modifier=Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(field, keys)
    assert field.hasFocus()
    assert field.value() == expected
    assert field.problem == ""


def test_typing_holds_while_the_form_reads_the_date_on_each_change(qtbot, form) -> None:
    """The report form reads both dates on every change of either (its period choice follows
    them): that must not end the typing after the first digit (31122026 became 03-12-2026)."""
    field, _after = form
    seen: list[dt.date | None] = []
    field.dateChanged.connect(lambda _date: seen.append(field.value()))
    qtbot.keyClick(field, "a", modifier=Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(field, "31122025")
    assert field.value() == dt.date(2025, 12, 31)
    assert seen[-1] == dt.date(2025, 12, 31)
