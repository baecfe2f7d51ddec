"""Synthetic demo caseload: plausible, deterministic for a seed, and fast enough for 100,000 clients.

Rows are generated in memory and written many to a statement in one transaction
(:mod:`caseload.demo_write`); the summary columns are then computed with the same SQL the stores
use (``summary.refresh_all``), so a demo database has exactly the shape that the stores
produce. No BSN is ever filled in.
"""

from __future__ import annotations

import bisect
import contextlib
import datetime as dt
import itertools
import random
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from sqlite_utils import Database

from caseload import closing, demo_names, demo_outflows, demo_write, schema, summary
from resources import audit, changes
from resources.changes import Kind
from resources.errors import DATABASE_ERRORS, UserError
from resources.i18n import _

#: Clients generated and written per batch; progress and cancel are checked between batches.
BATCH = 2000
MAX_CLIENTS = 1_000_000
MAX_YEARS = 30

Progress = Callable[[int, int], None]
CancelCheck = Callable[[], bool]


class Cancelled(Exception):
    """The user stopped the demo; nothing was stored."""


class DemoRefused(UserError):
    """The demo cannot be made in this database or with this number."""


@dataclass(frozen=True)
class DemoSummary:
    """What was made."""

    clients: int
    ladder_steps: int
    barriers: int
    contacts: int
    actions: int


class _Chooser:
    """A weighted choice that costs one random number and one bisect."""

    def __init__(self, weighted: Sequence[tuple[Any, float]]) -> None:
        self.values = [value for value, _weight in weighted]
        self.cumulative = list(itertools.accumulate(weight for _value, weight in weighted))

    def __call__(self, rng: random.Random) -> Any:
        point = rng.random() * self.cumulative[-1]
        return self.values[bisect.bisect_right(self.cumulative, point)]


_START_TREDE = _Chooser([(1, 12), (2, 33), (3, 30), (4, 15), (5, 7), (6, 3)])
_CLOSING = _Chooser(
    [
        ("uitstroom_werk", 35),
        ("opleiding", 10),
        ("zorg", 9),
        ("verhuisd", 14),
        ("andere_instantie", 14),
        ("geen_uitkering", 8),
        ("overleden", 2),
        ("overig", 8),
    ]
)
_CONTACT_KIND = _Chooser(
    [
        ("kantoor", 35),
        ("telefonisch", 30),
        ("huisbezoek", 12),
        ("video", 8),
        ("wandelgesprek", 6),
        ("werkgever", 4),
        ("netwerkpartner", 3),
        ("schriftelijk", 2),
    ]
)
_MINUTES = {
    "kantoor": (30, 60),
    "telefonisch": (5, 20),
    "huisbezoek": (45, 90),
    "video": (20, 45),
    "wandelgesprek": (30, 60),
    "werkgever": (30, 60),
    "netwerkpartner": (15, 45),
    "schriftelijk": (5, 15),
}
#: Barrier kinds with how often they occur (the five from the VIA pilots lead).
_BARRIER_KINDS = [
    ("taal", 50),
    ("gezondheid", 40),
    ("zelfredzaamheid", 35),
    ("zorgtaken", 30),
    ("sociaal_netwerk", 30),
    ("schulden", 22),
    ("digitale_vaardigheden", 18),
    ("huisvesting", 12),
    ("erkenning_diplomas", 8),
    ("vervoer", 8),
    ("overig", 4),
]
_INTERVENTION = _Chooser(
    [
        ("taalcursus", 20),
        ("vrijwilligerswerk", 14),
        ("leerwerktraject", 9),
        ("werkervaringsplaats", 8),
        ("jobcoach", 6),
        ("warme_overdracht", 7),
        ("sollicitatietraining", 7),
        ("opleiding", 5),
        ("schuldhulp", 7),
        ("zorg", 6),
        ("kinderopvang", 4),
        ("sociale_activering", 8),
        ("digitale_vaardigheden", 5),
        ("overig", 2),
    ]
)
_LANGUAGE = _Chooser(
    [(None, 40), ("alfa", 6), ("A1", 12), ("A2", 16), ("B1", 16), ("B2", 7), ("C1", 3)]
)


class _Dates:
    """ISO text of day numbers, cached: formatting millions of dates is the slow part."""

    def __init__(self) -> None:
        self.cache: dict[int, str] = {}

    def __call__(self, ordinal: int) -> str:
        text = self.cache.get(ordinal)
        if text is None:
            text = self.cache[ordinal] = dt.date.fromordinal(ordinal).isoformat()
        return text


class _Generator:
    """Makes the rows of one client after another, from one seeded random stream."""

    def __init__(
        self, seed: int, today: dt.date, clients: int, first_id: int, years: int | None = None
    ) -> None:
        self.rng = random.Random(seed)
        self.years = years
        self.today = today.toordinal()
        self.iso = _Dates()
        self.stamp = f"{today.isoformat()}T08:00:00+00:00"
        self.next_id = first_id
        self.barrier_id = 0
        self.managers = self._managers(max(len(demo_names.TEAMS), clients // 80))
        self.rows: dict[str, list[tuple[Any, ...]]] = {}
        # The plan (appointments, frequencies, planned measurements) draws from its own stream,
        # so the rest of the demo stays the same for a seed.
        self.plan_rng = random.Random(seed * 7919 + 1)

    def _managers(self, count: int) -> list[tuple[str, str]]:
        rng = random.Random(self.rng.random())
        result = []
        for index in range(count):
            first = rng.choice(demo_names.FIRST_NAMES)
            prefix, surname = rng.choice(demo_names.SURNAMES)
            name = " ".join(part for part in (first, prefix, surname) if part)
            result.append((name, demo_names.TEAMS[index % len(demo_names.TEAMS)]))
        return result

    def batch(self, count: int) -> dict[str, list[tuple[Any, ...]]]:
        """The rows of the next ``count`` clients, per table."""
        self.rows = {
            name: []
            for name in (
                "clients",
                "ladder_steps",
                "barriers",
                "barrier_events",
                "contacts",
                "actions",
                "appointments",
                "plans",
            )
        }
        for _index in range(count):
            self._client(self.next_id)
            self.next_id += 1
        return self.rows

    def _client(self, ident: int) -> None:
        rng, iso = self.rng, self.iso
        first = rng.choice(demo_names.FIRST_NAMES)
        prefix, surname = rng.choice(demo_names.SURNAMES)
        manager, team = self.managers[rng.randrange(len(self.managers))]
        if self.years is None:
            start = self.today - rng.randint(45, 1100)
            birth = self.today - rng.randint(19 * 365, 64 * 365)
            closed = rng.random() < 0.15 and start < self.today - 120
            end = rng.randint(start + 90, self.today - 1) if closed else self.today
        else:
            # Years of retention: files started any day of the period and lasted half a year to
            # three years, so most of them have long been closed.
            start = self.today - rng.randint(45, max(46, self.years * 365))
            birth = self.today - rng.randint(19 * 365, 64 * 365)
            length = rng.randint(180, 1100)
            closed = start + length < self.today
            end = start + length if closed else self.today
        reason = _CLOSING(rng) if closed else None
        level = _LANGUAGE(rng)
        self.rows["clients"].append(
            (
                ident,
                f"KL{ident:07d}",
                first[0] + ".",
                first,
                prefix,
                surname,
                iso(birth),
                iso(start),
                manager,
                team,
                "closed" if closed else "active",
                iso(end) if closed else None,
                reason,
                level,
                level,
                summary.sort_name(first, first[0] + ".", surname),
                self.stamp,
                self.stamp,
            )
        )
        trede = self._ladder(ident, start, end, reason)
        self._barriers(ident, start, end, trede)
        self._contacts(ident, start, end)
        self._actions(ident, start, end)
        if not closed:
            self._plan(ident)

    def _plan(self, ident: int) -> None:
        """The next appointment (a few missed), and for some clients their own contact
        frequency or a planned measurement."""
        rng, iso = self.plan_rng, self.iso
        if rng.random() < 0.85:
            day = self.today - rng.randint(1, 10) if rng.random() < 0.05 else self.today
            if day == self.today:
                day += rng.randint(0, 27)
            kind = _CONTACT_KIND(rng)
            time = f"{rng.randint(9, 16):02d}:{rng.choice((0, 15, 30, 45)):02d}"
            self.rows["appointments"].append((ident, iso(day), time, kind, "", "gepland"))
        every = rng.choice((7, 28, 42)) if rng.random() < 0.15 else None
        measure = iso(self.today + rng.randint(-20, 90)) if rng.random() < 0.1 else None
        if every is not None or measure is not None:
            self.rows["plans"].append((every, measure, ident))

    def _ladder(self, ident: int, start: int, end: int, reason: str | None) -> int:
        rng = self.rng
        trede, day = int(_START_TREDE(rng)), start
        while day <= end:
            self.rows["ladder_steps"].append((ident, self.iso(day), trede, "", "klantmanager"))
            day += rng.randint(100, 140)
            roll = rng.random()
            if roll < 0.22 and trede < 6:
                trede += 1
            elif roll > 0.9 and trede > 1:
                trede -= 1
        if reason == "uitstroom_werk" and trede < 5:
            trede = rng.choice((5, 6))
            self.rows["ladder_steps"].append((ident, self.iso(end), trede, "", "klantmanager"))
        return trede

    def _barriers(self, ident: int, start: int, end: int, trede: int) -> None:
        rng, iso = self.rng, self.iso
        count = max(0, min(5, round(rng.gauss(4.2 - trede * 0.55, 1.0))))
        kinds = [kind for kind, weight in _BARRIER_KINDS if rng.random() * 100 < weight]
        for kind in kinds[:count]:
            self.barrier_id += 1
            since = min(end, start + rng.randint(0, 60))
            severity = rng.randint(1, 4)
            events = [(since, "opened", "open")]
            roll = rng.random()
            if roll < 0.75 and since + 20 < end:
                worked_on = rng.randint(since + 1, min(end, since + 120))
                events.append((worked_on, "status", "in_aanpak"))
                if roll < 0.4 and worked_on + 10 < end:
                    events.append((rng.randint(worked_on + 1, end), "status", "opgelost"))
            status = events[-1][2]
            resolved = iso(events[-1][0]) if status == "opgelost" else None
            self.rows["barriers"].append(
                (self.barrier_id, ident, kind, severity, status, iso(since), resolved, "")
            )
            for day, change, state in events:
                self.rows["barrier_events"].append(
                    (self.barrier_id, ident, iso(day), change, severity, state)
                )

    def _contacts(self, ident: int, start: int, end: int) -> None:
        rng, iso, rows = self.rng, self.iso, self.rows["contacts"]
        day = start
        summaries = demo_names.CONTACT_SUMMARIES
        while day <= end:
            kind = _CONTACT_KIND(rng)
            low, high = _MINUTES[kind]
            text = summaries[rng.randrange(len(summaries))] if rng.random() < 0.4 else ""
            # About half of the summaries are shared with the client; decided without the random
            # generator, so the rest of the demo stays the same for a seed.
            shared = int(bool(text) and day % 2 == 0)
            rows.append((ident, iso(day), kind, rng.randint(low, high), text, shared))
            day += rng.randint(7, 44)

    def _actions(self, ident: int, start: int, end: int) -> None:
        rng, iso = self.rng, self.iso
        for _index in range(rng.randint(1, 4)):
            intervention = _INTERVENTION(rng)
            begin = rng.randint(start, max(start, end - 10))
            due = begin + rng.randint(60, 240)
            if due < self.today or end < self.today:
                roll = rng.random()
                status = "afgerond" if roll < 0.75 else "gestopt" if roll < 0.9 else "lopend"
            else:
                status = "lopend" if rng.random() < 0.7 else "gepland"
            result = rng.choice(demo_names.RESULTS) if status == "afgerond" else ""
            self.rows["actions"].append(
                (
                    ident,
                    demo_names.GOALS[intervention],
                    intervention,
                    iso(begin),
                    iso(due),
                    status,
                    result,
                )
            )


#: The tables the generator fills besides ``clients`` (``plans`` updates clients).
_CHILD_TABLES = [table for table in demo_write.COLUMNS if table != "clients"]
_TABLES = [*demo_write.COLUMNS, "plans"]


@contextlib.contextmanager
def _rollback_journal(db: Database) -> Iterator[None]:
    """The demo's one transaction with a rollback journal instead of the write-ahead log.

    In WAL mode every page the transaction writes goes to the log, and every page it reads
    back is looked up in the log's index, which grows with the log: reading and indexing half
    a million clients then cost more per row than a hundred thousand. A rollback journal keeps
    only the few pages that existed before (the file holds no clients yet), and the new pages go
    straight into the file. Back to WAL afterwards; when the mode cannot change (another connection
    has the file open), the demo runs in WAL as before.
    """
    switched = False
    if db.execute("PRAGMA journal_mode").fetchone()[0] == "wal":
        with contextlib.suppress(*DATABASE_ERRORS):
            switched = db.execute("PRAGMA journal_mode = DELETE").fetchone()[0] == "delete"
    try:
        yield
    finally:
        if switched:
            db.execute("PRAGMA journal_mode = WAL")


@contextlib.contextmanager
def _parents_not_looked_up(db: Database) -> Iterator[None]:
    """The demo's transaction without SQLite's foreign key checks, which are on again after.

    Every row the demo writes names a client (and an event its barrier) that the demo wrote
    itself, before it, in the same transaction. With the checks on, SQLite looks up the client
    of each of the 17 million rows of half a million clients, one search from the root of a
    tree that deepens as the file grows: 4.2 of 72 seconds at 500,000 clients, and a cost that
    grows faster than the rows. ``check`` (``PRAGMA foreign_key_check``) finds any row without
    its client, as for every file. Within a caller's transaction SQLite cannot switch the
    checks off, and checks as usual.
    """
    checked = db.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    if checked:
        db.execute("PRAGMA foreign_keys = OFF")
    try:
        yield
    finally:
        if checked:
            db.execute("PRAGMA foreign_keys = ON")


def _drop_search_trigger(db: Database) -> str:
    """Drop the trigger that adds each new client to the search index; the statement that
    makes it again (the index is then rebuilt from all clients at once)."""
    name = "clients_fts_insert"
    (sql,) = db.execute(
        "SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = ?", [name]
    ).fetchone()
    db.execute(f"DROP TRIGGER [{name}]")
    return str(sql)


def fill(
    db: Database,
    clients: int,
    seed: int = 1,
    today: dt.date | None = None,
    *,
    progress: Progress | None = None,
    cancelled: CancelCheck | None = None,
    actor: str = "demo",
    years: int | None = None,
) -> changes.Changed[DemoSummary]:
    """Fill an empty database with ``clients`` synthetic clients; the same seed gives the same data.

    Without ``years`` the files started in the last three years and few are closed; with it
    they are spread over that many years of retention and most are closed.

    Raises ``Cancelled`` (and stores nothing) when ``cancelled()`` turns true, and ``DemoRefused``
    for a database that already holds clients or an impossible number.
    """
    if clients < 0 or clients > MAX_CLIENTS:
        raise DemoRefused(
            _("Het aantal klanten moet tussen 0 en %(max)d liggen.") % {"max": MAX_CLIENTS}
        )
    if db.execute("SELECT 1 FROM clients LIMIT 1").fetchall():
        raise DemoRefused(
            _("Deze database bevat al klanten. Maak demogegevens in een nieuw bestand.")
        )
    today = dt.date.today() if today is None else today
    if years is not None and not 1 <= years <= MAX_YEARS:
        raise DemoRefused(
            _("Het aantal jaren moet tussen 1 en %(max)d liggen.") % {"max": MAX_YEARS}
        )
    generator = _Generator(seed, today, clients, first_id=1, years=years)
    totals = dict.fromkeys(_TABLES, 0)
    done = 0
    with _rollback_journal(db), _parents_not_looked_up(db), db.atomic():
        # Indexes the rows are not written in the order of (and the search index) are built
        # once from the rows at the end instead of row by row; those they are written in the
        # order of are appended to while writing, which spares sorting every row at the end
        # (what grew faster than the rows). Rolled back with everything else when cancelled.
        kept = demo_write.IN_WRITE_ORDER
        child_indexes = schema.drop_indexes(db, [*_CHILD_TABLES, "outflows", "followups"], kept)
        client_indexes = schema.drop_indexes(db, ["clients"], kept)
        search_trigger = _drop_search_trigger(db)
        while done < clients:
            if cancelled is not None and cancelled():
                raise Cancelled()
            count = min(BATCH, clients - done)
            for table, rows in generator.batch(count).items():
                demo_write.write(db, table, rows)
                totals[table] += len(rows)
            done += count
            if progress is not None:
                progress(done, clients)
        demo_outflows.fill(db, seed, today)
        for statement in child_indexes:
            db.execute(statement)
        summary.refresh_all(db)
        # Before the clients' indexes: the closed files are then read (and their closings
        # written) in the order of the clients, not in the order of the status index.
        closing.backfill(db)  # each closed demo file gets its closing in the timeline
        for statement in client_indexes:
            db.execute(statement)
        demo_write.fill_search_index(db, schema.FTS_TABLE)
        db.execute(search_trigger)
        audit.record(db, actor=actor, action="demo.fill", obj=f"clients:{clients}")
        schema.write_statistics(db)
    made = DemoSummary(
        clients=totals["clients"],
        ladder_steps=totals["ladder_steps"],
        barriers=totals["barriers"],
        contacts=totals["contacts"],
        actions=totals["actions"],
    )
    kinds = (Kind.CLIENT, Kind.LADDER, Kind.BARRIER, Kind.CONTACT, Kind.ACTION, Kind.APPOINTMENT)
    return changes.Changed(made, changes.many(*kinds))
