"""Layout rules every Trede PDF keeps, whatever its language: a word in a table is never broken
in the middle, and a heading never ends a page.

Columns are given in millimetres for Dutch; English words are often longer ("Difference" for
"Verschil") and a long team name can be one word. :func:`fitted_widths` moves room from
columns that have it to columns that need it. :func:`keep_headings` binds every heading to its
lead-in and the start of what it heads, also across a gap or a block that is kept together
(reportlab's ``keepWithNext`` stops at both).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import CondPageBreak, Flowable, KeepTogether, Paragraph, Spacer, Table
from reportlab.platypus.doctemplate import ActionFlowable
from reportlab.platypus.flowables import UseUpSpace

#: Left plus right padding of a table cell (resources.pdf.table).
CELL_PADDING = 8.0
#: reportlab measures the content of a kept block with this much height available.
_MEASURING = 0xFFFFFF
#: Room a heading needs below it for what it heads when that can be split (a table's header
#: and first rows, a paragraph's first lines), in points.
LEAD_ROOM = 60.0


def _text_widths(cell: Any) -> tuple[float, float]:
    """The widest word and the whole text of a cell, in points (0 for a drawing)."""
    if isinstance(cell, Paragraph):
        text, font, size = cell.getPlainText(), cell.style.fontName, cell.style.fontSize
    elif isinstance(cell, str):
        text, font, size = cell, "Helvetica", 10
    else:
        return 0.0, 0.0
    words = text.split()
    if not words:
        return 0.0, 0.0
    widest = max(stringWidth(word, font, size) for word in words)
    return widest + 1, stringWidth(" ".join(words), font, size) + 1


def fitted_widths(
    rows: Sequence[Sequence[Any]], widths: Sequence[float], whole: Sequence[int] = ()
) -> list[float]:
    """The column widths, changed so that every word fits in its column, and the cells of the
    ``whole`` columns on one line where the other columns have room to spare; the table keeps
    its width. A column gives up only what it does not need for its own widest word."""
    columns = len(widths)
    word_need = [CELL_PADDING] * columns
    line_need = [CELL_PADDING] * columns
    for row in rows:
        for column, cell in enumerate(row[:columns]):
            word, line = _text_widths(cell)
            word_need[column] = max(word_need[column], word + CELL_PADDING)
            line_need[column] = max(line_need[column], line + CELL_PADDING)
    fitted = list(widths)
    whole_need = [line_need[c] if c in whole else word_need[c] for c in range(columns)]
    for needs, floors in ((word_need, word_need), (whole_need, whole_need)):
        for column in range(columns):
            short = needs[column] - fitted[column]
            if short <= 0:
                continue
            spare = {
                other: fitted[other] - floors[other]
                for other in range(columns)
                if other != column and fitted[other] > floors[other]
            }
            total = sum(spare.values())
            if total <= 0:
                continue
            taken = min(short, total)
            for other, room in spare.items():
                fitted[other] -= taken * room / total
            fitted[column] += taken
    return fitted


def _is_heading(flowable: Any) -> bool:
    return isinstance(flowable, Paragraph) and bool(flowable.getKeepWithNext())


class _HeadingBlock(KeepTogether):  # type: ignore[misc]
    """A heading with its lead-in and what it heads: it moves to the next page unless the
    heading, the lead-in and the start of what follows fit (not all of a long table)."""

    #: The height KeepTogether compares with the room left on the page (reportlab's name).
    _H: float

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        width, height = super().wrap(available_width, available_height)
        whole = self._H
        *before, last = self._content
        sizes = [f.wrapOn(self.canv, available_width, available_height)[1] for f in before]
        spaces = [f.getSpaceBefore() + f.getSpaceAfter() for f in before]
        last_height = last.wrapOn(self.canv, available_width, available_height)[1]
        if isinstance(last, KeepTogether):
            last_height = last._H  # reportlab reports a kept block as too high, to split it
        elif isinstance(last, Table | Paragraph):  # splits: only its start must fit
            last_height = min(last_height, LEAD_ROOM)
        # KeepTogether moves its content to the next page when this height does not fit.
        self._H = sum(sizes) + sum(spaces) + last.getSpaceBefore() + last_height
        if available_height >= _MEASURING:  # measured inside a kept block: the real height
            return width, whole
        return width, height


def keep_headings(story: Sequence[Any]) -> list[Any]:
    """The story with every heading bound to the paragraphs and gaps after it and the first
    table, drawing or kept block (inside kept blocks too), so that no heading ends a page."""
    flowables = [_within(flowable) for flowable in story]
    result: list[Any] = []
    index = 0
    while index < len(flowables):
        if not _is_heading(flowables[index]):
            result.append(flowables[index])
            index += 1
            continue
        end = index
        # Headings, their lead-in paragraphs and gaps, up to what they head.
        while end + 1 < len(flowables) and (
            _is_gap(flowables[end + 1])
            or (isinstance(flowables[end + 1], Paragraph) and _is_lead(flowables, end + 1))
        ):
            end += 1
        if end + 1 < len(flowables) and _is_content(flowables[end + 1]):
            end += 1
        result.append(_HeadingBlock(flowables[index : end + 1]))
        index = end + 1
    return result


def _is_gap(flowable: Any) -> bool:
    """White space (not a conditional page break, which is a kind of space to reportlab)."""
    return isinstance(flowable, Spacer) and not isinstance(flowable, CondPageBreak)


def _is_content(flowable: Any) -> bool:
    """Something a heading can head: not a page break or another action."""
    return isinstance(flowable, Flowable) and not isinstance(
        flowable, CondPageBreak | UseUpSpace | ActionFlowable
    )


def _is_lead(flowables: Sequence[Any], index: int) -> bool:
    """Whether a paragraph after a heading is a lead-in: a heading itself, or followed (after
    gaps and at most one more paragraph) by something that is not prose."""
    if _is_heading(flowables[index]):
        return True
    for after in flowables[index + 1 : index + 4]:
        if _is_gap(after):
            continue
        if isinstance(after, Paragraph):
            if _is_heading(after):
                return False
            continue
        return True
    return False


def _within(flowable: Any) -> Any:
    """A kept block whose headings hold on to what they head when it is split (a block taller
    than a page): its lead-ins are marked to keep with the next flowable, as headings are.

    (A block inside a kept block cannot be placed once the outer one is split, so the inner
    headings use reportlab's own ``keepWithNext``, which only needs the chain to be unbroken.)
    """
    if type(flowable) is not KeepTogether:
        return flowable
    content = flowable._content  # reportlab keeps the flowables here
    for index, inner in enumerate(content[:-1]):
        if not _is_heading(inner):
            continue
        after = index + 1
        while after < len(content) - 1 and (
            _is_gap(content[after])
            or (isinstance(content[after], Paragraph) and _is_lead(content, after))
        ):
            content[after].keepWithNext = 1
            after += 1
    return flowable
