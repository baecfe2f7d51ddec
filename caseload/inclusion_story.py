"""What the first page of the inclusion report says: key figures with their change against the
previous period, a trend line per figure, and the three things that stand out.

Made only from printed (protected) counts, so the page and the window's Overzicht show nothing
the rest of the report does not. The PDF draws it in :mod:`caseload.inclusion_front`, the window
in ``ui.overview``.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlite_utils import Database

from caseload import inclusion, inclusion_cells, inclusion_trends, protection, vocab
from caseload import inclusion_cells as cells
from resources import i18n
from resources.i18n import _, ngettext

#: A change smaller than this many percentage points is not called a change.
SHARE_POINTS = 3.0
#: A count must change by this fraction (and by two rounding steps) to be called a change.
COUNT_FRACTION = 0.1
#: A share is only called changed when both bases are at least this many times the minimum:
#: over fewer clients the rounding alone can move it by several points.
CHANGE_BASE = 5


@dataclass(frozen=True)
class Measure:
    """One key figure: a count (base None) or a share of a base, and its sentences."""

    key: str
    label: str
    part: str
    base: str | None
    #: Sentences for a rise and a fall: %(now)s and %(before)s are the printed values.
    up: str
    down: str


def measures(threshold_days: int) -> list[Measure]:
    """The key figures of the first page, in their order."""
    return [
        Measure(
            "in_period",
            _("Klanten in begeleiding"),
            cells.IN_PERIOD,
            None,
            _(
                "Er waren meer klanten in begeleiding: %(now)s, tegen %(before)s in de periode ervoor."
            ),
            _(
                "Er waren minder klanten in begeleiding: %(now)s, tegen %(before)s in de periode "
                "ervoor."
            ),
        ),
        Measure(
            "inflow",
            _("Nieuwe klanten (instroom)"),
            cells.INFLOW,
            None,
            _("Er kwamen meer nieuwe klanten: %(now)s, tegen %(before)s in de periode ervoor."),
            _("Er kwamen minder nieuwe klanten: %(now)s, tegen %(before)s in de periode ervoor."),
        ),
        Measure(
            "work",
            _("Naar werk, deel van de uitstroom"),
            cells.reason(cells.WORK_REASON),
            cells.OUTFLOW,
            _(
                "Van wie stopte, ging een groter deel naar werk: %(now)s, tegen %(before)s in de "
                "periode ervoor."
            ),
            _(
                "Van wie stopte, ging een kleiner deel naar werk: %(now)s, tegen %(before)s in de "
                "periode ervoor."
            ),
        ),
        Measure(
            "lasting",
            _("Na zes maanden nog aan het werk"),
            cells.LASTING,
            cells.FOLLOWED,
            _(
                "Meer klanten werkten na zes maanden nog: %(now)s, tegen %(before)s in de periode "
                "ervoor."
            ),
            _(
                "Minder klanten werkten na zes maanden nog: %(now)s, tegen %(before)s in de "
                "periode ervoor."
            ),
        ),
        Measure(
            "rose",
            _("Gestegen op de ladder"),
            cells.ROSE,
            cells.MEASURED,
            _(
                "Meer klanten gingen omhoog op de ladder: %(now)s, tegen %(before)s in de periode "
                "ervoor."
            ),
            _(
                "Minder klanten gingen omhoog op de ladder: %(now)s, tegen %(before)s in de "
                "periode ervoor."
            ),
        ),
        Measure(
            "overdue",
            ngettext(
                "Langer dan %(n)d dag geen contact",
                "Langer dan %(n)d dagen geen contact",
                threshold_days,
            )
            % {"n": threshold_days},
            cells.OVERDUE,
            cells.AT_END,
            _(
                "Meer klanten hadden te lang geen contact: %(now)s, tegen %(before)s in de "
                "periode ervoor."
            ),
            _(
                "Minder klanten hadden te lang geen contact: %(now)s, tegen %(before)s in de "
                "periode ervoor."
            ),
        ),
    ]


@dataclass(frozen=True)
class KeyFigure:
    """One row of the first page, as printed."""

    measure: Measure
    now: float | None
    before: float | None
    now_text: str
    before_text: str
    change_text: str
    #: The value per quarter (None: hidden or no base), for the trend line.
    series: tuple[float | None, ...]


@dataclass(frozen=True)
class Story:
    """The first page: key figures, the quarters they are drawn over, and what stands out."""

    figures: tuple[KeyFigure, ...]
    quarter_labels: tuple[str, ...]
    standouts: tuple[str, ...]
    #: Why there is no comparison (no data before the period), or "".
    no_previous: str = ""


def _value(shown: protection.Published, measure: Measure) -> float | None:
    return inclusion_trends.value(shown, measure.part, measure.base)


def _text(shown: protection.Published | None, measure: Measure, value: float | None) -> str:
    if shown is None:
        return "–"
    if measure.base is not None:
        return inclusion_cells.share_text(shown, measure.part, measure.base)
    if value is None:
        return _("verborgen") if not shown.shown(measure.part) else "–"
    return i18n.format_number(round(value))


def _change(measure: Measure, now: float | None, before: float | None) -> str:
    """The difference of the two figures as shown (whole numbers and whole percentages), so
    that 37% against 38% reads as one point down, as the reader subtracts them."""
    if now is None or before is None:
        return "–"
    difference = round(now) - round(before)
    sign = "+" if difference > 0 else "−" if difference < 0 else ""
    number = i18n.format_number(abs(difference))
    if measure.base is None:
        return f"{sign}{number}"
    return _("%(sign)s%(n)s %%-punt") % {"sign": sign, "n": number}


def _noticeable(measure: Measure, now: float, before: float, minimum: int) -> float:
    """How much a change stands out (0: not at all): points for shares, a fraction for counts."""
    if measure.base is not None:
        points = abs(now - before)
        return points / SHARE_POINTS if points >= SHARE_POINTS else 0.0
    if before == 0 or abs(now - before) < 2 * minimum:
        return 0.0
    fraction = abs(now - before) / before
    return fraction / COUNT_FRACTION if fraction >= COUNT_FRACTION else 0.0


def build(
    shown: protection.Published,
    trends: inclusion_trends.Trends,
    *,
    threshold_days: int,
    barriers: tuple[str, ...] = (),
) -> Story:
    """The first page from the printed counts of the period, the previous period and quarters."""
    previous = trends.previous.shown if trends.previous is not None else None
    rows = []
    ranked: list[tuple[float, str]] = []
    for measure in measures(threshold_days):
        now = _value(shown, measure)
        before = None if previous is None else _value(previous, measure)
        rows.append(
            KeyFigure(
                measure=measure,
                now=now,
                before=before,
                now_text=_text(shown, measure, now),
                before_text=_text(previous, measure, before),
                change_text=_change(measure, now, before),
                series=tuple(piece.value(measure.part, measure.base) for piece in trends.quarters),
            )
        )
        if now is not None and before is not None and previous is not None:
            size = _noticeable(measure, now, before, shown.minimum)
            if (
                measure.base is not None
                and min(shown.value(measure.base) or 0, previous.value(measure.base) or 0)
                < CHANGE_BASE * shown.minimum
            ):
                size = 0.0
            if size:
                sentence = measure.up if now > before else measure.down
                ranked.append(
                    (size, sentence % {"now": rows[-1].now_text, "before": rows[-1].before_text})
                )
    ranked += _levels(shown, barriers)
    ranked.sort(key=lambda pair: -pair[0])
    return Story(
        figures=tuple(rows),
        quarter_labels=tuple(inclusion_trends.quarter_label(q) for q in trends.quarters),
        standouts=tuple(sentence for _size, sentence in ranked[:3]),
        no_previous=""
        if previous is not None
        else _("Voor de periode ervoor zijn er geen gegevens. Er is dus geen vergelijking."),
    )


def _levels(shown: protection.Published, barriers: tuple[str, ...]) -> list[tuple[float, str]]:
    """Facts of the period itself, ranked below a clear change: lasting outflow, the most common
    barrier, and contact."""
    found: list[tuple[float, str]] = []
    lasting = inclusion_trends.value(shown, cells.LASTING, cells.FOLLOWED)
    if lasting is not None:
        found.append(
            (
                0.9,
                _(
                    "Van de klanten die werk vonden en na zes maanden zijn gevraagd, werkte "
                    "%(share)s nog."
                )
                % {"share": i18n.format_percent(lasting / 100)},
            )
        )
    top: tuple[float, str] | None = None
    for kind in barriers:
        share = inclusion_trends.value(shown, cells.barrier(kind), cells.IN_PERIOD)
        if share is not None and (top is None or share > top[0]):
            top = (share, kind)
    if top is not None and round(top[0]) >= 1:  # not a hidden group's neighbour at 0%
        found.append(
            (
                0.8,
                _("Het obstakel dat het meest voorkwam: %(kind)s, bij %(share)s van de klanten.")
                % {
                    "kind": vocab.BARRIER_KINDS.label(top[1]).lower(),
                    "share": i18n.format_percent(top[0] / 100),
                },
            )
        )
    overdue = inclusion_trends.value(shown, cells.OVERDUE, cells.AT_END)
    if overdue is not None:
        found.append(
            (
                0.7,
                _("Aan het eind van de periode had %(share)s van de klanten te lang geen contact.")
                % {"share": i18n.format_percent(overdue / 100)},
            )
        )
    return found


@dataclass(frozen=True)
class Overview:
    """The first page for the window: the period's printed counts, its trends and its story."""

    period: inclusion.Period
    shown: protection.Published
    trends: inclusion_trends.Trends
    story: Story

    @property
    def too_few(self) -> bool:
        """Whether the period has no clients, or too few to print any figure."""
        return self.shown.value(cells.IN_PERIOD) in (None, 0)


def overview(
    db: Database,
    period: inclusion.Period,
    *,
    minimum: int,
    contact_threshold_days: int = 14,
    cancelled: inclusion.CancelCheck | None = None,
) -> Overview:
    """Count and protect a period (optionally one team) as the report's first page does."""
    figures = inclusion.figures(
        db, period, contact_threshold_days=contact_threshold_days, cancelled=cancelled
    )
    shown = inclusion_cells.published(figures, minimum)
    trends = inclusion_trends.trends(
        db,
        period,
        minimum=minimum,
        contact_threshold_days=contact_threshold_days,
        cancelled=cancelled,
    )
    told = build(
        shown,
        trends,
        threshold_days=contact_threshold_days,
        barriers=tuple(kind.kind for kind in figures.barriers),
    )
    return Overview(period=period, shown=shown, trends=trends, story=told)
