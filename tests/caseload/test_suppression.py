"""Small-group suppression: the rule table, working back through lines, and a reader who knows the rule."""

from __future__ import annotations

import itertools

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from caseload import suppression

HIDDEN = None


def line(cells: list[int], minimum: int = 10) -> tuple[list[int | None], int | None]:
    """Suppress one row of counts with its total; what a reader sees (None = hidden)."""
    table = suppression.Table()
    keys = [table.count(f"c{index}", value) for index, value in enumerate(cells)]
    table.count("total", sum(cells))
    table.breakdown("total", keys)
    result = table.suppress(minimum)
    return [result.value(key) for key in keys], result.value("total")


@pytest.mark.parametrize(
    ("cells", "minimum", "shown", "total"),
    [
        # Nothing small: everything shows.
        ([40, 25, 12], 10, [40, 25, 12], 77),
        # A 0 describes no one and shows.
        ([40, 0, 12], 10, [40, 0, 12], 52),
        # One small cell: it goes, and the next smallest with it (else total minus the rest).
        ([40, 25, 3], 10, [40, HIDDEN, HIDDEN], 68),
        # Two small cells that together are still small: a third goes too.
        ([40, 25, 3, 2], 10, [40, HIDDEN, HIDDEN, HIDDEN], 70),
        # Two small cells that together reach the minimum: no third needed.
        ([40, 25, 6, 5], 10, [40, 25, HIDDEN, HIDDEN], 76),
        # Equal candidates go together, so the place of the hidden one tells nothing.
        ([15, 15, 9], 10, [HIDDEN, HIDDEN, HIDDEN], 39),
        # A total that is itself small takes the whole row, zeros included.
        ([4, 0, 3], 10, [HIDDEN, HIDDEN, HIDDEN], HIDDEN),
        # A total equal to a single small group is hidden with it.
        ([0, 7, 0], 10, [HIDDEN, HIDDEN, HIDDEN], HIDDEN),
        # Two small parts at the very top of the small range would both be known (9 + 9 = 18).
        ([30, 9, 9], 10, [HIDDEN, HIDDEN, HIDDEN], 48),
        # The minimum is a setting.
        ([40, 25, 3], 3, [40, 25, 3], 68),
        ([40, 25, 3], 5, [40, HIDDEN, HIDDEN], 68),
    ],
)
def test_rule_table(
    cells: list[int], minimum: int, shown: list[int | None], total: int | None
) -> None:
    assert line(cells, minimum) == (shown, total)


def test_a_complement_that_is_a_small_group_hides_the_part() -> None:
    # 95 of 100 clients have a language barrier: '5 without' is a small group a reader can
    # compute from the two printed numbers, so the 95 is hidden.
    table = suppression.Table()
    table.count("clients", 100)
    table.count("language", 95)
    table.inside("language", "clients")
    result = table.suppress(10)
    assert result.value("clients") == 100
    assert result.value("language") is None
    assert result.share("language", "clients") is None


def test_a_share_needs_both_numbers() -> None:
    table = suppression.Table()
    table.count("clients", 100)
    table.count("work", 40)
    table.inside("work", "clients")
    result = table.suppress(10)
    assert result.share("work", "clients") == pytest.approx(0.4)


def test_linked_lines_cannot_be_combined_to_work_back() -> None:
    # at start + inflow = in period = at end + outflow. With a small inflow, hiding the start
    # alone in that line would not be enough if the end and outflow pinned the period total.
    table = suppression.Table()
    for key, value in (("period", 60), ("start", 55), ("inflow", 5), ("end", 40), ("out", 20)):
        table.count(key, value)
    table.breakdown("period", ["start", "inflow"])
    table.breakdown("period", ["end", "out"])
    result = table.suppress(10)
    assert {"inflow", "start"} <= result.hidden
    unknown = sorted(result.hidden)
    assert not suppression.determined(unknown, table.lines) & set(unknown)


def test_determined_finds_what_follows_from_the_lines() -> None:
    lines = [
        suppression.Line("t", ("a", "b")),
        suppression.Line("b", ("c", "d")),
    ]
    # Known: t and d. Then a + b = t and b = c + d: nothing single is known...
    assert suppression.determined(["a", "b", "c"], lines) == set()
    # ...but with c known too, b and then a follow.
    assert suppression.determined(["a", "b"], lines) == {"a", "b"}


def _reader_candidates(
    shown: list[int | None], total: int | None, minimum: int, bound: int
) -> dict[int, set[int]]:
    """Every value each hidden cell can have for a reader who knows the rule and sees the row."""
    hidden = [index for index, value in enumerate(shown) if value is None]
    known = sum(value for value in shown if value is not None)
    seen: dict[int, set[int]] = {index: set() for index in hidden}
    for values in itertools.product(range(bound + 1), repeat=len(hidden)):
        if total is not None and known + sum(values) != total:
            continue
        candidate = [0 if value is None else value for value in shown]
        for index, value in zip(hidden, values, strict=True):
            candidate[index] = value
        if line(candidate, minimum) == (shown, total):
            for index, value in zip(hidden, values, strict=True):
                seen[index].add(value)
    return seen


@settings(max_examples=150, deadline=None)
@given(
    cells=st.lists(st.one_of(st.just(0), st.integers(1, 24)), min_size=2, max_size=3),
    minimum=st.sampled_from([3, 5, 10]),
)
def test_a_reader_who_knows_the_rule_cannot_pin_a_hidden_count(
    cells: list[int], minimum: int
) -> None:
    shown, total = line(cells, minimum)
    candidates = _reader_candidates(shown, total, minimum, bound=max(sum(cells), minimum))
    for index, values in candidates.items():
        assert len(values) >= 2, (cells, minimum, index, values)
