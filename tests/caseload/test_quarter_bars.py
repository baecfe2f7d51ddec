"""The bar per quarter of the treden at its end: every part carries its percentage, small ones
too, and no two percentages are drawn over each other."""

from __future__ import annotations

import datetime as dt

import pytest
from reportlab.graphics.shapes import Rect, String
from reportlab.pdfbase.pdfmetrics import stringWidth

from caseload import inclusion, inclusion_front, inclusion_trends, protection
from caseload import inclusion_cells as cells

#: Trede 1–6 and 'no measurement', in the chart's order.
ORDER = (1, 2, 3, 4, 5, 6, 0)


def _quarter(clients: tuple[int, ...]) -> inclusion_trends.Slice:
    counts = {cells.AT_END: sum(clients)}
    counts |= {cells.trede("end", n): count for n, count in zip(ORDER, clients, strict=True)}
    shown = protection.Published(dict(counts), 10, counts)
    period = inclusion.Period(dt.date(2026, 1, 1), dt.date(2026, 3, 31))
    return inclusion_trends.Slice(period, shown, None)


@pytest.mark.parametrize(
    "clients",
    [
        (400, 300, 200, 60, 20, 10, 10),  # 2% and 1% side by side at the end
        (900, 30, 20, 10, 20, 10, 10),  # five small parts in a row
        (950, 10, 10, 10, 10, 10, 0),
        (300, 250, 200, 150, 50, 50, 0),  # every part wide enough for its text
    ],
)
def test_every_part_has_its_percentage_and_none_overlap(clients: tuple[int, ...]) -> None:
    drawing = inclusion_front.trede_chart([_quarter(clients)])
    parts = [s for s in drawing.contents if isinstance(s, Rect) and s.width > 0 and s.y > 10]
    # The key's squares lie at the bottom; the parts of the bar above them.
    assert len(parts) == sum(1 for n in clients if n)
    texts = [s for s in drawing.contents if isinstance(s, String) and s.text.endswith("%")]
    total = sum(clients)
    expected = sorted(f"{round(100 * n / total)}%" for n in clients if n)
    assert sorted(s.text for s in texts) == expected

    def box(s: String) -> tuple[float, float, float, float]:
        width = stringWidth(s.text, s.fontName, s.fontSize)
        left = {"middle": s.x - width / 2, "start": s.x}[s.textAnchor]
        return left, s.y, left + width, s.y + s.fontSize * 0.8

    boxes = [box(s) for s in texts]
    for index, (left, bottom, right, top) in enumerate(boxes):
        for other in boxes[index + 1 :]:
            apart = right <= other[0] or other[2] <= left or top <= other[1] or other[3] <= bottom
            assert apart, (boxes[index], other)
