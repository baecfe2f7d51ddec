"""The inclusion figures over time: per quarter for the last two years, and the previous period.

Each quarter (and the previous period of the same length) is counted as a report of its own
(:func:`caseload.inclusion.figures`) and protected the same way: every count rounded by its
cell key, small groups hidden. Because the same group of clients always gets the same key,
these figures add nothing to differencing that the separate reports would not give.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlite_utils import Database

from caseload import inclusion, inclusion_cells, protection

#: Quarters shown at most: two years.
QUARTERS = 8


@dataclass(frozen=True)
class Slice:
    """One stretch of time counted as its own report, as printed."""

    period: inclusion.Period
    shown: protection.Published
    #: The median days between contacts; None when there is none or its clients are hidden.
    median_days: float | None
    #: Whether the stretch ends before its quarter does (the last quarter, up to the period's end).
    partial: bool = False

    def value(self, part: str, base: str | None = None) -> float | None:
        """The printed count, or (with a base) the printed share of the base in percent."""
        return value(self.shown, part, base)


def value(shown: protection.Published, part: str, base: str | None = None) -> float | None:
    """A printed count, or (with a base) the printed share in percent; None when hidden, or
    when the share is not printed (:meth:`caseload.protection.Published.share`)."""
    if base is None:
        count = shown.value(part)
        return None if count is None else float(count)
    share = shown.share(part, base)
    return None if share is None else share * 100


@dataclass(frozen=True)
class Trends:
    """The previous period of the same length, and the quarters up to the period's end."""

    previous: Slice | None
    quarters: tuple[Slice, ...]


def quarter_start(day: dt.date) -> dt.date:
    """The first day of the quarter the day lies in."""
    return dt.date(day.year, 3 * ((day.month - 1) // 3) + 1, 1)


def quarters(
    end: dt.date, first: dt.date | None, count: int = QUARTERS
) -> list[tuple[dt.date, dt.date]]:
    """Up to ``count`` calendar quarters ending with the one that holds ``end`` (cut at ``end``),
    none that ends before ``first`` (the first day with data)."""
    found: list[tuple[dt.date, dt.date]] = []
    start = quarter_start(end)
    last = end
    while len(found) < count:
        if first is not None and last < first:
            break
        found.append((start, last))
        last = start - dt.timedelta(days=1)
        start = quarter_start(last)
    return list(reversed(found))


def previous_period(period: inclusion.Period) -> inclusion.Period:
    """The period of the same length just before this one, for the same team: as many whole
    months before a period of whole months (a quarter against the quarter before, 2025 against
    2024 also when 2024 had a 29 February), else as many days."""
    end = period.start - dt.timedelta(days=1)
    after_end = period.end + dt.timedelta(days=1)
    if period.start.day == 1 and after_end.day == 1:
        months = (after_end.year - period.start.year) * 12 + after_end.month - period.start.month
        index = period.start.year * 12 + period.start.month - 1 - months
        return inclusion.Period(dt.date(index // 12, index % 12 + 1, 1), end, period.team)
    return inclusion.Period(end - (period.end - period.start), end, period.team)


def first_day(db: Database, team: str | None) -> dt.date | None:
    """The day the first guidance (of the team) began; None without clients."""
    where = "WHERE team = ?" if team is not None else ""
    row = db.execute(
        f"SELECT min(coalesce(guidance_start, substr(created_at, 1, 10))) FROM clients {where}",
        [team] if team is not None else [],
    ).fetchone()
    return None if row is None or row[0] is None else dt.date.fromisoformat(row[0])


def count_slice(
    db: Database, period: inclusion.Period, minimum: int, contact_threshold_days: int
) -> Slice:
    """One stretch counted and protected as a report of its own."""
    figures = inclusion.figures(
        db, period, contact_threshold_days=contact_threshold_days, kinds=False
    )
    shown = inclusion_cells.published(figures, minimum)
    median = figures.contacts.median_days
    if not shown.shown(inclusion_cells.CONTACTED):
        median = None
    return Slice(period=period, shown=shown, median_days=median)


def trends(
    db: Database,
    period: inclusion.Period,
    *,
    minimum: int,
    contact_threshold_days: int = 14,
    cancelled: inclusion.CancelCheck | None = None,
    progress: inclusion.Progress | None = None,
) -> Trends:
    """The previous period and the quarters up to the end of the period, each protected."""
    first = first_day(db, period.team)
    spans = quarters(period.end, first)
    previous_span = previous_period(period)
    previous = None
    if first is not None and previous_span.end >= first:
        previous = count_slice(db, previous_span, minimum, contact_threshold_days)
    found = []
    for done, (start, end) in enumerate(spans):
        if progress is not None:
            progress(done, len(spans))
        if cancelled is not None and cancelled():
            raise inclusion.Cancelled()
        counted = count_slice(
            db, inclusion.Period(start, end, period.team), minimum, contact_threshold_days
        )
        partial = end < quarter_start(start + dt.timedelta(days=95)) - dt.timedelta(days=1)
        found.append(Slice(counted.period, counted.shown, counted.median_days, partial=partial))
    return Trends(previous=previous, quarters=tuple(found))


def quarter_label(piece: Slice) -> str:
    """'2026 K3', with a '*' when the quarter is cut at the period's end (the page says so)."""
    from resources.i18n import _

    start = piece.period.start
    label = _("%(year)d K%(n)d") % {"year": start.year, "n": (start.month - 1) // 3 + 1}
    return label + " *" if piece.partial else label
