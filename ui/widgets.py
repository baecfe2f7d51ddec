"""Small building blocks shared by the pages: titles, explanations, forms."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QFontMetrics, QResizeEvent
from PySide6.QtWidgets import (
    QFormLayout,
    QLabel,
    QScrollArea,
    QSpinBox,
    QTableWidget,
    QVBoxLayout,
    QWidget,
)

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


def _two_lines(text: str, metrics: QFontMetrics) -> int:
    """The width of a title broken at the space that makes its longest line shortest."""
    words = text.split()
    return (
        min(
            max(
                metrics.horizontalAdvance(" ".join(words[:cut])),
                metrics.horizontalAdvance(" ".join(words[cut:])),
            )
            for cut in range(1, len(words) + 1)
        )
        if words
        else 0
    )  # a column without a title


def fit_table(table: QTableWidget) -> None:
    """A small table inside a scrolled page, shown whole: as tall as its rows (the page
    scrolls, not the table: a table that scrolls inside a scrolling page hid rows), and where
    the columns with their whole titles are wider than the table, titles wrap onto two lines
    over columns whose cells are narrower. Fitted again when the table's width changes."""
    if table.findChild(_FitOnResize) is None:
        table.installEventFilter(_FitOnResize(table))
    header = table.horizontalHeader()
    metrics = QFontMetrics(header.font())
    margin = 2 * header.style().pixelMetric(header.style().PixelMetric.PM_HeaderMargin) + 8
    titles = []
    for column in range(table.columnCount()):
        item = table.horizontalHeaderItem(column)
        titles.append(item.text() if item is not None else "")
        if item is not None:
            item.setTextAlignment(Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap)
    cells = [table.sizeHintForColumn(column) for column in range(table.columnCount())]
    whole = [
        max(c, metrics.horizontalAdvance(t) + margin) for c, t in zip(cells, titles, strict=True)
    ]
    rows_header = table.verticalHeader()
    room = table.width() - 2 * table.frameWidth()
    room -= rows_header.sizeHint().width() if rows_header.isVisible() else 0
    wrap = sum(whole) > room
    widths = (
        [max(c, _two_lines(t, metrics) + margin) for c, t in zip(cells, titles, strict=True)]
        if wrap
        else whole
    )
    # The room left over is shared out: the table fills its width, no empty box beside it.
    spare = max(0, room - sum(widths))
    for column, width in enumerate(widths):
        share = spare // len(widths) + (spare % len(widths) if column == len(widths) - 1 else 0)
        table.setColumnWidth(column, width + share)
    title_height = (2 if wrap else 1) * metrics.lineSpacing() + margin
    header.setFixedHeight(title_height)
    table.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    rows = sum(table.rowHeight(row) for row in range(table.rowCount()))
    below = table.horizontalScrollBar().sizeHint().height() if sum(widths) > room else 0
    table.setFixedHeight(title_height + rows + below + 2 * table.frameWidth())


class _FitOnResize(QObject):
    """Fits its table again when the window makes it wider or narrower."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if (
            isinstance(watched, QTableWidget)
            and isinstance(event, QResizeEvent)
            and event.size().width() != event.oldSize().width()
        ):
            fit_table(watched)
        return False
