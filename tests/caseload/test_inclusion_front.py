"""The first page and the trends per quarter, recomputed from independent SQL counts.

Every figure on the first page (this period, the previous period of the same length:
whole months for a period of whole months) and in
the quarter table is checked against counts written from the definitions in docs/reports.md
(:class:`Truth` of the percentage test), protected by the stated rule, for five periods and a
team. A share is of the true counts, printed only over a printed base of at least three times
the minimum.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Iterator
from pathlib import Path

import pypdf
import pytest
from sqlite_utils import Database

from app import database
from caseload import demo, inclusion_report, inclusion_trends, vocab
from resources import i18n
from tests.caseload.test_inclusion_percentages import (
    MINIMUM,
    PERIODS,
    TEAMS,
    TODAY,
    Truth,
    withheld,
)

SHARE_BASE = 3 * MINIMUM


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Database]:
    db = database.open_database(tmp_path_factory.mktemp("front") / "demo.db")
    demo.fill(db, 3000, seed=5, today=TODAY)
    yield db
    db.close()


def _count(value: int | None) -> str:
    return "verborgen" if value is None else i18n.format_number(value)


def _share(
    part: int | None, base: int | None, clients: set[int], of: set[int], held: bool = False
) -> str:
    """A share as printed: over the printed counts (hidden, 0, too few), of the true ones;
    'verborgen' too when another part of the same whole is hidden and this one is withheld."""
    if part is None or base is None:
        return "verborgen"
    if base == 0:
        return "–"
    if base < SHARE_BASE:
        return "te weinig"
    if held:
        return "verborgen"
    return i18n.format_percent(math.floor(100 * len(clients) / len(of) + 0.5) / 100)


class Figures:
    """The first page's figures of one stretch, from independent counts, as printed."""

    def __init__(self, db: Database, start: dt.date, end: dt.date, team: str | None) -> None:
        truth = Truth(db, start, end, team)
        p = truth.printed
        in_period = p(truth.in_period)
        outflow = set(truth.outflow)
        work = {c for c, r in truth.outflow.items() if r == "uitstroom_werk"}
        answers = dict(
            db.execute(
                """SELECT o.client_id, u.still_working FROM outflows o
                JOIN followups u ON u.outflow_id = o.id
                WHERE o.closed_on BETWEEN ? AND ? AND u.still_working IS NOT NULL""",
                [start.isoformat(), end.isoformat()],
            ).fetchall()
        )
        followed = {c for c in work if c in answers}
        lasting = {c for c in followed if answers[c] == 1}
        work_p = p(work, outflow)
        followed_p = None if work_p is None else p(followed)
        lasting_p = None if followed_p is None else p(lasting)
        movement = truth.movement()
        measured = p(movement["measured"], truth.in_period)
        at_end = p(truth.at_end)
        overdue = truth.overdue()
        self.in_period = _count(in_period)
        self.inflow = _count(p(truth.in_period - truth.at_start, truth.in_period))
        reasons = {
            f"reason:{code}": {c for c, r in truth.outflow.items() if r == code}
            for code in vocab.CLOSING_REASONS.codes()
        }
        held = withheld(truth, reasons, outflow) == "reason:uitstroom_werk"
        self.work = _share(work_p, p(outflow), work, outflow, held)
        self.work_count = _count(work_p)
        self.lasting = _share(lasting_p, followed_p, lasting, followed)
        moves = {name: movement[name] for name in ("rose", "fell")}
        moves["stayed"] = movement["same"]
        self.rose = _share(
            p(movement["rose"], movement["measured"]),
            measured,
            movement["rose"],
            movement["measured"],
            withheld(truth, moves, movement["measured"]) == "rose",
        )
        contact = {"no_recent_contact": overdue, "recent_contact": truth.at_end - overdue}
        self.overdue = _share(
            p(overdue, truth.at_end),
            at_end,
            overdue,
            truth.at_end,
            withheld(truth, contact, truth.at_end) == "no_recent_contact",
        )
        self.measured = _count(measured)


def _before_start(start: dt.date, end: dt.date) -> dt.date:
    """The start of the previous period of the same length: as many whole months back for a
    period of whole months (a quarter, a year), else as many days back."""
    if start.day == 1 and (end + dt.timedelta(days=1)).day == 1:
        months = (end.year - start.year) * 12 + end.month - start.month + 1
        year, month = divmod(start.year * 12 + start.month - 1 - months, 12)
        return dt.date(year, month + 1, 1)
    return start - dt.timedelta(days=1) - (end - start)


def _after(lines: list[str], label: str, count: int, start: int = 0) -> list[str]:
    index = lines.index(label, start)
    return lines[index + 1 : index + 1 + count]


@pytest.mark.parametrize("team", TEAMS, ids=["alle-teams", "team-noord"])
@pytest.mark.parametrize("period", PERIODS, ids=[f"{s}-{e}" for s, e in PERIODS])
def test_the_first_page_and_the_quarters_are_counts_over_their_named_bases(
    db: Database, tmp_path: Path, period: tuple[dt.date, dt.date], team: str | None
) -> None:
    start, end = period
    path = tmp_path / "inclusie.pdf"
    inclusion_report.write_inclusion_report(
        db, path, start=start, end=end, team=team, municipality="Leiden", today=TODAY
    )
    pages = [page.extract_text() for page in pypdf.PdfReader(path).pages]
    first = [line.strip() for line in pages[0].splitlines() if line.strip()]
    assert "Wat valt op?" in first
    now = Figures(db, start, end, team)
    before_end = start - dt.timedelta(days=1)
    before = Figures(db, _before_start(start, end), before_end, team)
    for label, attribute in (
        ("Klanten in begeleiding", "in_period"),
        ("Nieuwe klanten (instroom)", "inflow"),
        ("Naar werk, deel van de uitstroom", "work"),
        ("Na zes maanden nog aan het werk", "lasting"),
        ("Gestegen op de ladder", "rose"),
        ("Langer dan 14 dagen geen contact", "overdue"),
    ):
        expected = [getattr(now, attribute), getattr(before, attribute)]
        assert _after(first, label, 2) == expected, label
    # Every sentence of what stands out quotes printed figures only.
    for line in first[first.index("Wat valt op?") + 1 : first.index("De cijfers in het kort")]:
        assert line.startswith("•")

    lines = [line.strip() for page in pages for line in page.splitlines() if line.strip()]
    table = lines.index("Ontwikkeling per kwartaal")
    movement = lines.index("Gestegen, gelijk gebleven of gedaald, per kwartaal")
    quarters = inclusion_trends.quarters(end, inclusion_trends.first_day(db, team))
    assert quarters[-1][1] == end
    checked = 0
    for q_start, q_end in quarters:
        quarter = Figures(db, q_start, q_end, team)
        label = f"{q_start.year} K{(q_start.month - 1) // 3 + 1}"
        row = next(i for i in range(table, movement) if lines[i].startswith(label))
        values = lines[row + 1 : row + 7]
        assert values[:4] == [
            quarter.in_period,
            quarter.work_count,
            quarter.work,
            quarter.lasting,
        ], label
        assert values[5] == quarter.overdue, label
        row = next(i for i in range(movement, len(lines)) if lines[i].startswith(label))
        assert lines[row + 1 : row + 3] == [quarter.measured, quarter.rose], label
        checked += 1
    assert checked == len(quarters) >= 4
