"""Every percentage in the inclusion report, recomputed from its own SQL count and named base.

The counts here are written from the definitions in docs/reports.md, not taken from
``caseload.inclusion``; each is protected by the stated rule (a group of 1–9 is 'verborgen',
every other count is rounded to a multiple of 10 by the sum of its clients' record keys), and
the percentage is the true count over the true base the caption names, rounded to a whole
percent; over a printed base under 30 it reads 'te weinig'.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Iterator, Sequence
from pathlib import Path

import pypdf
import pytest
from sqlite_utils import Database

from app import database
from caseload import demo, inclusion_report, ladder, protection, vocab
from resources import i18n

TODAY = dt.date(2026, 12, 4)
PERIODS = [
    (dt.date(2025, 1, 1), dt.date(2025, 12, 31)),
    (dt.date(2026, 1, 1), dt.date(2026, 3, 31)),
    (dt.date(2026, 1, 1), dt.date(2026, 11, 30)),
    (dt.date(2026, 11, 1), dt.date(2026, 11, 30)),
    (dt.date(2024, 7, 1), dt.date(2025, 6, 30)),
]
TEAMS = [None, "Team Noord"]
MINIMUM = 10
THRESHOLD = 14


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Database]:
    db = database.open_database(tmp_path_factory.mktemp("percentages") / "demo.db")
    demo.fill(db, 3000, seed=5, today=TODAY)
    yield db
    db.close()


class Truth:
    """Independent counts for one period and team: sets of client ids per figure."""

    def __init__(self, db: Database, start: dt.date, end: dt.date, team: str | None) -> None:
        self.db = db
        self.start, self.end = start.isoformat(), end.isoformat()
        self.team = team
        self.secret = bytes.fromhex(db.execute("SELECT secret FROM report_secret").fetchone()[0])
        rows = db.execute(
            """SELECT id, coalesce(guidance_start, substr(created_at, 1, 10)), closed_on,
                      coalesce(closing_reason, 'overig'), team FROM clients"""
        ).fetchall()
        self.in_period: set[int] = set()
        self.at_start: set[int] = set()
        self.at_end: set[int] = set()
        self.outflow: dict[int, str] = {}
        for client, began, closed, reason, client_team in rows:
            if team is not None and client_team != team:
                continue
            if began > self.end or (closed is not None and closed < self.start):
                continue
            self.in_period.add(client)
            if began < self.start:
                self.at_start.add(client)
            if closed is not None and closed <= self.end:
                self.outflow[client] = reason
            else:
                self.at_end.add(client)
        self.steps: dict[int, list[tuple[str, int, int]]] = {}
        for client, measured, step, trede in db.execute(
            "SELECT client_id, measured_on, id, trede FROM ladder_steps ORDER BY measured_on, id"
        ):
            if client in self.in_period:
                self.steps.setdefault(client, []).append((measured, step, trede))

    def ids(self, sql: str) -> set[int]:
        params = {"start": self.start, "end": self.end}
        return {row[0] for row in self.db.execute(sql, params)} & self.in_period

    def trede_on(self, client: int, day: str) -> int:
        before = [s for s in self.steps.get(client, []) if s[0] <= day]
        return before[-1][2] if before else 0

    def ladder(self, moment: str, number: int) -> set[int]:
        group, day = (self.at_start, self.start) if moment == "start" else (self.at_end, self.end)
        return {c for c in group if self.trede_on(c, day) == number}

    def movement(self) -> dict[str, set[int]]:
        found: dict[str, set[int]] = {
            "measured": set(),
            "rose": set(),
            "same": set(),
            "fell": set(),
        }
        for client in self.in_period:
            steps = self.steps.get(client, [])
            before = [s for s in steps if s[0] <= self.start]
            inside = [s for s in steps if self.start <= s[0] <= self.end]
            first = before[-1] if before else (inside[0] if inside else None)
            last = inside[-1] if inside else None
            if first is None or last is None or first[1] == last[1]:
                continue
            found["measured"].add(client)
            kind = "rose" if last[2] > first[2] else "fell" if last[2] < first[2] else "same"
            found[kind].add(client)
        return found

    def barrier(self, kind: str, solved: bool) -> set[int]:
        extra = "AND status = 'opgelost' AND resolved_on BETWEEN :start AND :end" if solved else ""
        return self.ids(
            f"""SELECT client_id FROM barriers WHERE kind = '{kind}'
            AND coalesce(since, '') <= :end AND (resolved_on IS NULL OR resolved_on >= :start)
            {extra}"""
        )

    def action(self, kind: str, finished: bool) -> set[int]:
        extra = "AND status = 'afgerond'" if finished else ""
        return self.ids(
            f"""SELECT client_id FROM actions WHERE intervention = '{kind}'
            AND start_on BETWEEN :start AND :end {extra}"""
        )

    def overdue(self) -> set[int]:
        cutoff = (dt.date.fromisoformat(self.end) - dt.timedelta(days=THRESHOLD)).isoformat()
        recent = self.ids(
            f"SELECT client_id FROM contacts WHERE contact_on BETWEEN '{cutoff}' AND :end"
        )
        return self.at_end - recent

    def printed(self, clients: set[int], within: set[int] | None = None) -> int | None:
        """The count as the stated rule prints it; hidden too when the group it lies within is."""
        if 0 < len(clients) < MINIMUM:
            return None
        if within is not None and self.printed(within) is None:
            return None
        key = sum(protection.record_key(self.secret, c) for c in clients) % 2**32
        return protection.rounded(len(clients), key, MINIMUM)


def _text(
    truth: Truth,
    part: set[int],
    base: set[int] | None,
    within: set[int] | None = None,
    withheld: bool = False,
) -> str:
    """'N (p%)', 'N (te weinig)', 'N', or 'verborgen', as the report prints a count and its
    share: the share is of the true counts, over a printed base of at least 30."""
    printed = truth.printed(part, within)
    if printed is None:
        return "verborgen"
    number = i18n.format_number(printed)
    printed_base = None if base is None else truth.printed(base)
    if base is None or printed_base is None or printed_base == 0:
        return number
    if printed_base < 3 * MINIMUM:
        return f"{number} (te weinig)"
    if withheld:  # beside a hidden part of the same whole
        return f"{number} (verborgen)"
    share = math.floor(100 * len(part) / len(base) + 0.5) / 100
    return f"{number} ({i18n.format_percent(share)})"


def withheld(truth: Truth, parts: dict[str, set[int]], base: set[int]) -> str | None:
    """Of parts that together make up the base, the one whose share is not printed: when one
    is hidden, the smallest printed part (ties: the first name), or the shares beside
    "verborgen" would give the hidden part away."""
    printed = {name: truth.printed(group, base) for name, group in parts.items()}
    if truth.printed(base) is None or None not in printed.values():
        return None
    shown = [name for name, value in printed.items() if value]
    return min(shown, key=lambda name: (printed[name], name)) if shown else None


def _whole(truth: Truth, parts: dict[str, set[int]], base: set[int]) -> dict[str, str]:
    """The texts of parts that together make up the base (see :func:`withheld`)."""
    withheld_name = withheld(truth, parts, base)
    return {
        name: _text(truth, group, base, base, withheld=name == withheld_name)
        for name, group in parts.items()
    }


def _values(lines: Sequence[str], label: str, after: int, how_many: int) -> tuple[list[str], int]:
    """The value lines that follow a label line (searching from ``after``)."""
    index = lines.index(label, after)
    values = []
    position = index + 1
    while len(values) < how_many:
        values.append(lines[position])
        position += 1
    return values, position


def _section(pages: list[str], heading: str) -> list[str]:
    """The lines from a heading on (sections flow over pages; a headed block never splits)."""
    lines = [line.strip() for page in pages for line in page.splitlines() if line.strip()]
    return lines[lines.index(heading) :]


@pytest.mark.parametrize("team", TEAMS, ids=["alle-teams", "team-noord"])
@pytest.mark.parametrize("period", PERIODS, ids=[f"{s}-{e}" for s, e in PERIODS])
def test_every_percentage_is_its_count_over_its_named_base(
    db: Database, tmp_path: Path, period: tuple[dt.date, dt.date], team: str | None
) -> None:
    start, end = period
    path = tmp_path / "inclusie.pdf"
    inclusion_report.write_inclusion_report(
        db, path, start=start, end=end, team=team, municipality="Leiden", today=TODAY
    )
    pages = [page.extract_text() for page in pypdf.PdfReader(path).pages]
    truth = Truth(db, start, end, team)
    checked = 0

    def check(lines: list[str], label: str, expected: list[str], after: int = 0) -> int:
        nonlocal checked
        found, position = _values(lines, label, after, len(expected))
        assert found == expected, label
        checked += len(expected)
        return position

    def check_chart(lines: list[str], rows: list[tuple[str, list[str]]], after: int = 0) -> int:
        """A chart's bars; a chart of only hidden groups is one sentence instead."""
        nonlocal checked
        values = [value for _label, values in rows for value in values]
        if any(value != "verborgen" and not value.endswith("(te weinig)") for value in values):
            for label, expected in rows:
                after = check(lines, label, expected, after)
            return after
        why = (
            f"Hier staan geen balken: elke groep is kleiner dan {MINIMUM} klanten."
            if all(value == "verborgen" for value in values)
            else f"Hier staan geen balken: een percentage over minder dan {3 * MINIMUM} "
            "klanten zegt te weinig."
        )
        sentence = next(index for index in range(after, len(lines)) if lines[index] == why)
        assert not {label for label, _values in rows} & set(lines[after:sentence])
        checked += sum(len(values) for _label, values in rows)
        return sentence + 1

    outflow = set(truth.outflow)
    lines = _section(pages, "Kerncijfers")
    by_reason = _whole(
        truth,
        {
            f"reason:{code}": {c for c, r in truth.outflow.items() if r == code}
            for code in vocab.CLOSING_REASONS.codes()
        },
        outflow,
    )
    check(lines, "Waarvan uitstroom naar werk", [by_reason["reason:uitstroom_werk"]])
    position = lines.index("Uitstroom naar reden")
    reasons = [
        (vocab.CLOSING_REASONS.label(code), [by_reason[f"reason:{code}"]])
        for code in vocab.CLOSING_REASONS.codes()
    ]
    check_chart(lines, reasons, position)

    lines = _section(pages, "De participatieladder")
    numbers = range(ladder.HIGHEST, -1, -1)
    at = {
        moment: _whole(
            truth,
            {f"ladder_{moment}:{n}": truth.ladder(moment, n) for n in numbers},
            truth.at_end if moment == "end" else truth.at_start,
        )
        for moment in ("end", "start")
    }
    treden = [
        (
            ladder.trede(number).title() if number else "Nog geen meting",
            [at["end"][f"ladder_end:{number}"], at["start"][f"ladder_start:{number}"]],
        )
        for number in numbers
    ]
    position = check_chart(lines, treden)
    movement = truth.movement()
    kinds = {"rose": "rose", "stayed": "same", "fell": "fell"}
    moves = _whole(
        truth, {name: movement[kind] for name, kind in kinds.items()}, movement["measured"]
    )
    moved = [
        (label, [moves[name]])
        for label, name in (
            ("Gestegen", "rose"),
            ("Gelijk gebleven", "stayed"),
            ("Gedaald", "fell"),
        )
    ]
    check_chart(lines, moved, position)

    lines = _section(pages, "Obstakels")
    kinds = []
    for kind in vocab.BARRIER_KINDS.codes():
        having = truth.barrier(kind, False)
        expected = [
            _text(truth, having, truth.in_period),
            _text(truth, truth.barrier(kind, True), truth.in_period, having),
        ]
        kinds.append((vocab.BARRIER_KINDS.label(kind), expected))
    check_chart(lines, kinds)

    lines = _section(pages, "Contact met klanten")
    overdue = truth.overdue()
    row = f"Klanten zonder contact in de laatste {THRESHOLD} dagen op {i18n.date_text(end)}"
    # A large group whose complement is small is printed (rounded), and so is its median.
    contacted = truth.ids(
        "SELECT client_id FROM contacts WHERE contact_on BETWEEN :start AND :end "
        "GROUP BY client_id HAVING count(*) >= 2"
    )
    check(
        lines, "Klanten met minstens twee contacten in de periode", [_text(truth, contacted, None)]
    )
    median = lines[lines.index("Mediaan aantal dagen tussen twee contacten") + 1]
    assert (median == "verborgen") == (0 < len(contacted) < MINIMUM), median
    # The table row wraps its label: the value follows the label's last words.
    joined = " ".join(lines)
    contact = _whole(
        truth,
        {"no_recent_contact": overdue, "recent_contact": truth.at_end - overdue},
        truth.at_end,
    )
    expected_overdue = contact["no_recent_contact"]
    assert f"{row} {expected_overdue} " in joined, row
    on_time = contact["recent_contact"]
    check_chart(
        lines,
        [
            (f"Contact in de laatste {THRESHOLD} dagen", [on_time]),
            (f"Langer dan {THRESHOLD} dagen geen contact", [expected_overdue]),
        ],
    )
    checked += 1

    lines = _section(pages, "Acties en interventies")
    actions = []
    for kind in vocab.INTERVENTIONS.codes():
        started = truth.action(kind, False)
        expected = [
            _text(truth, started, truth.in_period),
            _text(truth, truth.action(kind, True), truth.in_period, started),
        ]
        actions.append((vocab.INTERVENTIONS.label(kind), expected))
    check_chart(lines, actions)
    assert checked > 60
