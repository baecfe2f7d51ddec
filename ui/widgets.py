"""Small building blocks shared by the pages: titles, explanations, forms."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFormLayout, QLabel, QScrollArea, QSpinBox, QVBoxLayout, QWidget

from ui import design, metrics


def title(text: str) -> QLabel:
    """A page title in a larger, bold font, announced as a heading by screen readers."""
    label = design.make_heading(QLabel(text), metrics.TITLE_POINT_SIZE_DELTA)
    label.setAccessibleName(text)
    return label


def heading(text: str) -> QLabel:
    """A section title: a little larger and bold, announced as a heading."""
    return design.make_heading(QLabel(text))


def paragraph(text: str) -> QLabel:
    """A wrapped paragraph of plain text that can be selected by keyboard and copied."""
    label = QLabel(text)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
    return label


def labelled_rows(form: QFormLayout, rows: list[tuple[str, QWidget]]) -> None:
    """Add each field under its label; the label is the field's buddy (its Alt key and name)."""
    for text, field in rows:
        label = QLabel(text)
        label.setBuddy(field)
        form.addRow(label, field)


def hidden_message() -> QLabel:
    """A wrapped line for a refusal, hidden until there is something to say."""
    message = QLabel()
    message.setWordWrap(True)
    message.hide()
    return message


def page_layout(page: QWidget) -> QVBoxLayout:
    """The standard layout of a page: margins, spacing, content at the top."""
    layout = QVBoxLayout(page)
    layout.setContentsMargins(metrics.MARGIN, metrics.MARGIN, metrics.MARGIN, metrics.MARGIN)
    layout.setSpacing(metrics.SPACING)
    layout.setAlignment(Qt.AlignmentFlag.AlignTop)
    return layout


def scrolled(outer: QWidget) -> QWidget:
    """Fill ``outer`` with a scroll area and return the widget to build the page in: with a
    large system font or on a small screen the page scrolls instead of squeezing its fields."""
    area = QScrollArea()
    area.setWidgetResizable(True)
    area.setFrameShape(QScrollArea.Shape.NoFrame)
    area.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the fields inside take the Tab stops
    inner = QWidget()
    area.setWidget(inner)
    box = QVBoxLayout(outer)
    box.setContentsMargins(0, 0, 0, 0)
    box.addWidget(area)
    return inner


def counted_spin(value: int, minimum: int, maximum: int, unit: Callable[[int], str]) -> QSpinBox:
    """A number box whose unit follows the number ("1 minuut", "5 minuten"); ``unit`` gives
    the suffix for a number, through ngettext."""
    spin = QSpinBox()
    spin.setRange(minimum, maximum)
    spin.valueChanged.connect(lambda number: spin.setSuffix(unit(number)))
    spin.setValue(value)
    spin.setSuffix(unit(spin.value()))
    return spin


def fit_wrapped_text(dialog: QWidget) -> None:
    """Make a shown dialog tall enough for its wrapped text at the width it got. Qt sizes a new
    window from its widest wish and then narrows it to the screen without growing its height,
    so with large text a wrapped warning lost its first and last lines."""
    layout = dialog.layout()
    if layout is None or not layout.hasHeightForWidth():
        return
    needed = layout.totalHeightForWidth(dialog.width())
    if needed > dialog.height():
        dialog.resize(dialog.width(), needed)
