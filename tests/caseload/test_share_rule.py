"""One rule for every percentage the inclusion report prints, wherever it appears.

A share is the true part over the true base, rounded to a whole percent; the counts beside it
are rounded. Over a printed base below three times the minimum every place says 'te weinig';
a hidden group makes the share 'verborgen' everywhere. The first page, the quarter table, the
tables and the bars all read it from the same counts, so they tell the same story.
"""

from __future__ import annotations

import datetime as dt

import pytest

from caseload import inclusion, inclusion_front, inclusion_story, inclusion_trends, protection
from caseload import inclusion_cells as cells
from caseload.inclusion_sections import ReportData

#: Cell keys that round a count up (0) or down (the largest key).
UP, DOWN = 0, protection.KEY_SPACE - 1
PERIOD = inclusion.Period(dt.date(2026, 1, 1), dt.date(2026, 3, 31))


def _published(part: int, base: int, part_key: int, base_key: int) -> protection.Published:
    """Still working after six months (part) of those asked (base), and the rest of the
    first page's counts large and plain."""
    counts = {
        cells.IN_PERIOD: 1000,
        cells.INFLOW: 300,
        cells.OUTFLOW: 200,
        cells.reason(cells.WORK_REASON): 100,
        cells.MEASURED: 500,
        cells.ROSE: 150,
        cells.AT_END: 800,
        cells.OVERDUE: 160,
        cells.FOLLOWED: base,
        cells.LASTING: part,
    }
    keys = {name: 0 for name in counts} | {cells.FOLLOWED: base_key, cells.LASTING: part_key}
    return protection.publish(counts, keys, 10)


def _report(shown: protection.Published) -> ReportData:
    figures = inclusion.InclusionFigures(
        period=PERIOD,
        total=inclusion.GroupFigures(*(0,) * 13),
        outflow_reasons=(),
        ladder_start=(0,) * 7,
        ladder_end=(0,) * 7,
        barriers=(),
        interventions=(),
        contacts=inclusion.ContactIntensity(None, 0, 14),
        quickscans=None,
        origin=None,
    )
    return ReportData(figures, shown, "Leiden", dt.date(2026, 4, 1), 10)


@pytest.mark.parametrize(
    ("part", "base", "part_key", "base_key", "share", "count_share"),
    [
        # 39 of 48 rounds to 40 of 40: the share is still the true 81%, not 100%.
        (39, 48, UP, DOWN, "81%", "40 (81%)"),
        (48, 52, DOWN, DOWN, "92%", "40 (92%)"),  # 40 of 50 printed: not 80%
        (30, 30, UP, UP, "100%", "30 (100%)"),
        (10, 20, UP, UP, "te weinig", "10 (te weinig)"),  # a base under 30
        (13, 27, DOWN, UP, "48%", "10 (48%)"),  # the rule is on the printed base: 30
        (5, 40, UP, UP, "verborgen", "verborgen"),  # the part is a small group
        (0, 40, UP, UP, "0%", "0 (0%)"),
        (0, 0, UP, UP, "–", "0"),
    ],
)
def test_a_share_reads_the_same_on_every_page(
    part: int, base: int, part_key: int, base_key: int, share: str, count_share: str
) -> None:
    shown = _published(part, base, part_key, base_key)
    data = _report(shown)
    assert data.share(cells.LASTING, cells.FOLLOWED) == share
    assert data.count_share(cells.LASTING, cells.FOLLOWED) == count_share
    bar = data.bar("Na zes maanden nog aan het werk", cells.LASTING, cells.FOLLOWED)
    assert bar.text == count_share
    assert bar.value == (float(share.rstrip("%")) if share.endswith("%") else 0.0)
    # The first page and the quarter table.
    trends = inclusion_trends.Trends(
        previous=None, quarters=(inclusion_trends.Slice(PERIOD, shown, None),)
    )
    told = inclusion_story.build(shown, trends, threshold_days=14)
    lasting = next(row for row in told.figures if row.measure.key == "lasting")
    assert lasting.now_text == share
    quarter = inclusion_front._share_text(trends.quarters[0], cells.LASTING, cells.FOLLOWED)
    assert quarter == share
