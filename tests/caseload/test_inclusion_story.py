"""What the first page calls out, and the quarters it is drawn over."""

from __future__ import annotations

import datetime as dt

from caseload import inclusion, inclusion_story, inclusion_trends, protection
from caseload import inclusion_cells as cells


def _shown(**values: int | None) -> protection.Published:
    names = {
        cells.IN_PERIOD: 1000,
        cells.INFLOW: 300,
        cells.OUTFLOW: 200,
        cells.reason(cells.WORK_REASON): 60,
        cells.FOLLOWED: 0,
        cells.LASTING: 0,
        cells.MEASURED: 500,
        cells.ROSE: 150,
        cells.AT_END: 800,
        cells.OVERDUE: 160,
    }
    names.update({key.replace("__", ":"): value for key, value in values.items()})
    return protection.Published(names, 10)


def _slice(shown: protection.Published, start: dt.date, end: dt.date) -> inclusion_trends.Slice:
    return inclusion_trends.Slice(inclusion.Period(start, end), shown, None)


def test_quarters_end_with_the_one_cut_at_the_last_day_and_start_with_the_data() -> None:
    found = inclusion_trends.quarters(dt.date(2026, 11, 30), None)
    assert len(found) == 8
    assert found[0] == (dt.date(2025, 1, 1), dt.date(2025, 3, 31))
    assert found[-1] == (dt.date(2026, 10, 1), dt.date(2026, 11, 30))
    assert inclusion_trends.quarters(dt.date(2026, 11, 30), dt.date(2026, 5, 3)) == [
        (dt.date(2026, 4, 1), dt.date(2026, 6, 30)),
        (dt.date(2026, 7, 1), dt.date(2026, 9, 30)),
        (dt.date(2026, 10, 1), dt.date(2026, 11, 30)),
    ]
    previous = inclusion_trends.previous_period(
        inclusion.Period(dt.date(2026, 1, 1), dt.date(2026, 3, 31), "Noord")
    )
    assert previous == inclusion.Period(dt.date(2025, 10, 1), dt.date(2025, 12, 31), "Noord")
    whole_year = inclusion.Period(dt.date(2025, 1, 1), dt.date(2025, 12, 31))
    assert inclusion_trends.previous_period(whole_year) == inclusion.Period(
        dt.date(2024, 1, 1),
        dt.date(2024, 12, 31),  # 366 days: 2024 all the same
    )
    spring = inclusion.Period(dt.date(2026, 3, 1), dt.date(2026, 4, 30))
    assert inclusion_trends.previous_period(spring) == inclusion.Period(
        dt.date(2026, 1, 1), dt.date(2026, 2, 28)
    )
    so_far = inclusion.Period(dt.date(2026, 1, 1), dt.date(2026, 12, 5))  # not whole months
    assert inclusion_trends.previous_period(so_far) == inclusion.Period(
        dt.date(2025, 1, 27), dt.date(2025, 12, 31)
    )


def test_a_clear_change_is_called_out_and_a_small_one_is_not() -> None:
    now = _shown(reason__uitstroom_werk=80, rose=160)  # work 30% -> 40%; rose 30% -> 32%
    before = _shown()
    quarters = (_slice(before, dt.date(2026, 1, 1), dt.date(2026, 3, 31)),)
    trends = inclusion_trends.Trends(
        _slice(before, dt.date(2025, 1, 1), dt.date(2025, 12, 31)), quarters
    )
    story = inclusion_story.build(now, trends, threshold_days=14)
    assert story.standouts[0] == (
        "Van wie stopte, ging een groter deel naar werk: 40%, tegen 30% in de periode ervoor."
    )
    assert not any("ladder" in line for line in story.standouts), "2 points is no change"
    rows = {row.measure.key: row for row in story.figures}
    assert (rows["work"].now_text, rows["work"].before_text) == ("40%", "30%")
    assert rows["work"].change_text == "+10 %-punt"
    assert rows["lasting"].now_text == "–"  # nobody asked yet: no base


def test_the_change_is_the_difference_of_the_figures_shown() -> None:
    """37% against 38% is a change of one point, as a reader subtracts, even when the shares
    behind them (37.4% and 37.6%) differ by less than half a point."""
    now = _shown(measured=500, rose=187)  # 37.4%
    before = _shown(measured=500, rose=188)  # 37.6%
    trends = inclusion_trends.Trends(_slice(before, dt.date(2025, 1, 1), dt.date(2025, 12, 31)), ())
    rows = {
        row.measure.key: row
        for row in inclusion_story.build(now, trends, threshold_days=14).figures
    }
    assert (rows["rose"].now_text, rows["rose"].before_text) == ("37%", "38%")
    assert rows["rose"].change_text == "−1 %-punt"
    now = _shown(measured=500, rose=188)  # 37.6% against 37.4%: one point up, not zero
    trends = inclusion_trends.Trends(
        _slice(_shown(measured=500, rose=187), dt.date(2025, 1, 1), dt.date(2025, 12, 31)), ()
    )
    rows = {
        row.measure.key: row
        for row in inclusion_story.build(now, trends, threshold_days=14).figures
    }
    assert (rows["rose"].now_text, rows["rose"].before_text, rows["rose"].change_text) == (
        "38%",
        "37%",
        "+1 %-punt",
    )


def test_a_share_over_a_small_base_is_too_few_and_never_called_out() -> None:
    now = _shown(outflow=20, reason__uitstroom_werk=20)  # 100% of a rounded 20
    before = _shown(outflow=20, reason__uitstroom_werk=10)
    trends = inclusion_trends.Trends(_slice(before, dt.date(2025, 1, 1), dt.date(2025, 12, 31)), ())
    story = inclusion_story.build(now, trends, threshold_days=14)
    rows = {row.measure.key: row for row in story.figures}
    assert rows["work"].now_text == "te weinig"
    assert not any("naar werk" in line for line in story.standouts)


def test_a_hidden_figure_stays_hidden_on_the_first_page() -> None:
    now = _shown(inflow=None)
    story = inclusion_story.build(now, inclusion_trends.Trends(None, ()), threshold_days=14)
    rows = {row.measure.key: row for row in story.figures}
    assert rows["inflow"].now_text == "verborgen"
    assert rows["inflow"].before_text == "–" and rows["inflow"].change_text == "–"
    assert story.no_previous


def test_no_most_common_barrier_when_every_barrier_is_hidden_or_none() -> None:
    """Language hidden (1 to 9 clients), housing 0: nothing 'most common' to call out (it said
    'huisvesting, bij 0% van de klanten'); with language shown, language is called out."""
    kinds = ("taal", "huisvesting")
    hidden = _shown(
        **{
            cells.barrier("taal").replace(":", "__"): None,
            cells.barrier("huisvesting").replace(":", "__"): 0,
        }
    )
    story = inclusion_story.build(
        hidden, inclusion_trends.Trends(None, ()), threshold_days=14, barriers=kinds
    )
    assert not any("obstakel" in line for line in story.standouts)
    shown = _shown(
        **{
            cells.barrier("taal").replace(":", "__"): 120,
            cells.barrier("huisvesting").replace(":", "__"): 0,
        }
    )
    story = inclusion_story.build(
        shown, inclusion_trends.Trends(None, ()), threshold_days=14, barriers=kinds
    )
    assert any("meest voorkwam: taal, bij 12%" in line for line in story.standouts)
