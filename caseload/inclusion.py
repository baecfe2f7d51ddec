"""The figures of the inclusion report: SQL aggregates over a period (and team), as dataclasses.

Every count here is of *clients* (not of rows), so that the small-group rule of
:mod:`caseload.protection` protects people. The definitions are in docs/reports.md; in short:

- A client's guidance starts on ``guidance_start`` (else the day the client was entered).
- *In the period*: started on or before the last day and not closed before the first day.
- *At the start*: started before the first day (and not closed before it). *Inflow*: started
  within the period. *Outflow*: closed within the period. *At the end*: in the period and not
  closed on or before the last day. So at the start + inflow = at the end + outflow.
- *Trede on a day*: the newest ladder measurement on or before that day.
- *Lasting outflow*: of the clients who left for work in the period, the ones whose six-month
  follow-up is answered (*followed*), and of those the ones still working (*lasting*).
- *Movement*: from the newest measurement on or before the first day (else the first one in the
  period) to the newest one in the period, for clients with two such measurements.

The per-client facts are gathered once in a temporary table with index lookups; everything
else is a GROUP BY over it, so a report over 100,000 clients takes seconds.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence

from sqlite_utils import Database

from caseload import inclusion_cells as cells
from caseload import inclusion_model as model
from caseload import ladder, protection, vocab
from resources.i18n import N_

# The dataclasses live in inclusion_model; callers name them through this module.
Cancelled = model.Cancelled
Period = model.Period
GroupFigures = model.GroupFigures
KindCount = model.KindCount
ContactIntensity = model.ContactIntensity
RoleScan = model.RoleScan
ThemeRow = model.ThemeRow
QuickscanRoles = model.QuickscanRoles
InclusionFigures = model.InclusionFigures

#: The one origin breakdown of the report. One partition only: two overlapping breakdowns of
#: the same clients (born in NL, and continent) would let a reader subtract one from the other.
ORIGIN_GROUPS = vocab.Vocabulary(
    "origin_group",
    (
        vocab.Term("geen", N_("Geen migratieachtergrond")),
        vocab.Term("migrant_europa", N_("Migrant uit Europa")),
        vocab.Term("migrant_buiten_europa", N_("Migrant van buiten Europa")),
        vocab.Term("kind_europa", N_("Kind van migrant(en) uit Europa")),
        vocab.Term("kind_buiten_europa", N_("Kind van migrant(en) van buiten Europa")),
        vocab.Term("onbekend", N_("Herkomst niet (volledig) vastgelegd")),
    ),
)

_EUROPE = ", ".join(f"'{code}'" for code in vocab.EUROPEAN_CONTINENTS)
_ORIGIN_SQL = f"""
CASE
    WHEN migration_generation = 'geen' THEN 'geen'
    WHEN origin_continent IS NULL THEN 'onbekend'
    WHEN migration_generation = 'migrant' OR (migration_generation IS NULL AND born_in_nl = 0)
        THEN CASE WHEN origin_continent IN ({_EUROPE}) THEN 'migrant_europa'
                  ELSE 'migrant_buiten_europa' END
    WHEN migration_generation = 'kind_van_migrant'
        THEN CASE WHEN origin_continent IN ({_EUROPE}) THEN 'kind_europa'
                  ELSE 'kind_buiten_europa' END
    ELSE 'onbekend'
END"""

#: The temporary table of per-client facts; one per connection.
_FACTS = "temp.inclusion_facts"

Progress = Callable[[int, int], None]
CancelCheck = Callable[[], bool]


def _facts_sql(team: str | None) -> str:
    """The per-client facts: flags, tredes and the last contact, one row per client in the period."""
    team_filter = "AND team = :team" if team is not None else ""
    return f"""
CREATE TEMP TABLE inclusion_facts AS
WITH c AS (
    SELECT id, closed_on, closing_reason, coalesce(team, '') AS team,
           coalesce(guidance_start, substr(created_at, 1, 10)) AS began,
           {_ORIGIN_SQL} AS origin
    FROM clients
    WHERE coalesce(guidance_start, substr(created_at, 1, 10)) <= :end
      AND (closed_on IS NULL OR closed_on >= :start) {team_filter}
), ids AS (
    SELECT c.*,
        (SELECT s.id FROM ladder_steps s WHERE s.client_id = c.id AND s.measured_on <= :start
         ORDER BY s.measured_on DESC, s.id DESC LIMIT 1) AS before_id,
        (SELECT s.id FROM ladder_steps s WHERE s.client_id = c.id
         AND s.measured_on BETWEEN :start AND :end
         ORDER BY s.measured_on, s.id LIMIT 1) AS first_id,
        (SELECT s.id FROM ladder_steps s WHERE s.client_id = c.id
         AND s.measured_on BETWEEN :start AND :end
         ORDER BY s.measured_on DESC, s.id DESC LIMIT 1) AS last_id,
        (SELECT max(k.contact_on) FROM contacts k WHERE k.client_id = c.id
         AND k.contact_on <= :end) AS last_contact,
        CASE WHEN c.closing_reason = 'uitstroom_werk' AND c.closed_on <= :end THEN
            (SELECT u.still_working FROM outflows o JOIN followups u ON u.outflow_id = o.id
             WHERE o.client_id = c.id AND u.client_id = c.id
               AND o.closed_on BETWEEN :start AND :end AND u.still_working IS NOT NULL
             ORDER BY o.closed_on DESC, u.answered_on DESC, u.id DESC LIMIT 1)
        END AS still_working
    FROM c
)
SELECT ids.id, ids.origin, ids.team, ids.closing_reason,
    {protection.RECORD_KEY_SQL}(ids.id) AS rkey,
    ids.began < :start AS at_start,
    ids.began >= :start AS inflow,
    coalesce(ids.closed_on <= :end, 0) AS outflow,
    NOT coalesce(ids.closed_on <= :end, 0) AS at_end,
    (SELECT trede FROM ladder_steps WHERE id = ids.before_id) AS trede_start,
    (SELECT trede FROM ladder_steps WHERE id = coalesce(ids.last_id, ids.before_id)) AS trede_end,
    (SELECT trede FROM ladder_steps WHERE id = coalesce(ids.before_id, ids.first_id)) AS trede_from,
    CASE WHEN coalesce(ids.before_id, ids.first_id) != ids.last_id
         THEN (SELECT trede FROM ladder_steps WHERE id = ids.last_id) END AS trede_to,
    ids.last_contact IS NULL OR ids.last_contact < :cutoff AS contact_overdue,
    ids.still_working
FROM ids
"""


#: Each key figure of a group and the condition a client meets to count in it.
_GROUP_CONDITIONS = (
    ("in_period", "1"),
    ("at_start", "at_start"),
    ("inflow", "inflow"),
    ("outflow", "outflow"),
    ("at_end", "at_end"),
    ("outflow_to_work", "outflow AND closing_reason = 'uitstroom_werk'"),
    ("measured", "trede_to IS NOT NULL"),
    ("rose", "trede_to > trede_from"),
    ("stayed", "trede_to = trede_from"),
    ("fell", "trede_to < trede_from"),
    ("no_recent_contact", "at_end AND contact_overdue"),
    (
        "work_followed",
        "outflow AND closing_reason = 'uitstroom_werk' AND still_working IS NOT NULL",
    ),
    ("work_lasting", "outflow AND closing_reason = 'uitstroom_werk' AND still_working = 1"),
)
#: The name of each key figure's count in the report (inclusion_cells).
GROUP_CELLS = {
    "in_period": cells.IN_PERIOD,
    "at_start": cells.AT_START,
    "inflow": cells.INFLOW,
    "outflow": cells.OUTFLOW,
    "at_end": cells.AT_END,
    "outflow_to_work": "work",
    "measured": cells.MEASURED,
    "rose": cells.ROSE,
    "stayed": cells.STAYED,
    "fell": cells.FELL,
    "no_recent_contact": cells.OVERDUE,
    "work_followed": cells.FOLLOWED,
    "work_lasting": cells.LASTING,
}

# Per group (origin or team): each key figure's count and the sum of its record keys.
_GROUP_SQL = (
    "SELECT {column}, "
    + ", ".join(
        f"sum(CASE WHEN {condition} THEN 1 ELSE 0 END), "
        f"sum(CASE WHEN {condition} THEN rkey ELSE 0 END)"
        for _name, condition in _GROUP_CONDITIONS
    )
    + f" FROM {_FACTS} GROUP BY 1 ORDER BY 1"
)

#: Per group: field name to the sum of its clients' record keys.
GroupKeys = dict[str, int]


def _groups(
    db: Database, column: str = "origin"
) -> tuple[dict[str, GroupFigures], dict[str, GroupKeys]]:
    figures, keys = {}, {}
    for row in db.execute(_GROUP_SQL.format(column=column)).fetchall():
        origin, *numbers = row
        counts = [int(number or 0) for number in numbers[0::2]]
        figures[origin] = GroupFigures(*counts)
        keys[origin] = {
            name: int(key or 0) % protection.KEY_SPACE
            for (name, _condition), key in zip(_GROUP_CONDITIONS, numbers[1::2], strict=True)
        }
    return figures, keys


def _sum(groups: dict[str, GroupFigures]) -> GroupFigures:
    names = GroupFigures.__dataclass_fields__
    return GroupFigures(
        **{name: sum(getattr(group, name) for group in groups.values()) for name in names}
    )


def _ladder(
    db: Database, flag: str, column: str, moment: str, keys: dict[str, int]
) -> tuple[int, ...]:
    counts = [0] * (ladder.HIGHEST + 1)
    for trede, number, key in db.execute(
        f"SELECT {column}, count(*), sum(rkey) FROM {_FACTS} WHERE {flag} GROUP BY {column}"
    ).fetchall():
        counts[int(trede or 0)] = int(number)
        keys[cells.trede(moment, int(trede or 0))] = int(key) % protection.KEY_SPACE
    return tuple(counts)


def _ordered(rows: list[tuple[str, int, int]], vocabulary: vocab.Vocabulary) -> list[KindCount]:
    """Every kind of the word list in its own order (0 when absent), unknown codes last.

    The order never depends on the counts: a hidden count's place between shown ones would
    tell how big it is.
    """
    known = {kind: KindCount(kind, int(n), int(done)) for kind, n, done in rows}
    ordered = [known.pop(code, KindCount(code, 0, 0)) for code in vocabulary.codes()]
    return ordered + [known[code] for code in sorted(known)]


def _reasons(db: Database, keys: dict[str, int]) -> tuple[tuple[str, int], ...]:
    rows = db.execute(
        f"SELECT coalesce(closing_reason, 'overig'), count(*), sum(rkey) FROM {_FACTS} "
        "WHERE outflow GROUP BY 1"
    ).fetchall()
    found = {reason: int(number) for reason, number, _key in rows}
    keys.update({cells.reason(reason): int(key) % protection.KEY_SPACE for reason, _n, key in rows})
    ordered = [(code, found.pop(code, 0)) for code in vocab.CLOSING_REASONS.codes()]
    return tuple(ordered + sorted(found.items()))


def _kinds(
    db: Database,
    per_client: str,
    period: Period,
    vocabulary: vocab.Vocabulary,
    name: Callable[[str, bool], str],
    keys: dict[str, int],
) -> tuple[KindCount, ...]:
    """Clients per kind (and finished), from a query of (kind, client_id, finished) rows."""
    rows = db.execute(
        f"""WITH per AS ({per_client})
        SELECT per.kind, count(*), sum(per.finished), sum(f.rkey),
               sum(CASE WHEN per.finished THEN f.rkey ELSE 0 END)
        FROM per JOIN {_FACTS} f ON f.id = per.client_id GROUP BY per.kind""",
        {"start": period.start.isoformat(), "end": period.end.isoformat()},
    ).fetchall()
    for kind, _n, _done, key, done_key in rows:
        keys[name(kind, False)] = int(key) % protection.KEY_SPACE
        keys[name(kind, True)] = int(done_key) % protection.KEY_SPACE
    return tuple(_ordered([(kind, n, done) for kind, n, done, _k, _d in rows], vocabulary))


def _barriers(db: Database, period: Period, keys: dict[str, int]) -> tuple[KindCount, ...]:
    per_client = f"""SELECT b.kind, b.client_id,
            max(b.status = 'opgelost' AND b.resolved_on BETWEEN :start AND :end) AS finished
        FROM barriers b JOIN {_FACTS} f ON f.id = b.client_id
        WHERE coalesce(b.since, '') <= :end AND (b.resolved_on IS NULL OR b.resolved_on >= :start)
        GROUP BY b.kind, b.client_id"""
    return _kinds(db, per_client, period, vocab.BARRIER_KINDS, cells.barrier, keys)


def _interventions(db: Database, period: Period, keys: dict[str, int]) -> tuple[KindCount, ...]:
    per_client = f"""SELECT a.intervention AS kind, a.client_id,
            max(a.status = 'afgerond') AS finished
        FROM actions a JOIN {_FACTS} f ON f.id = a.client_id
        WHERE a.start_on BETWEEN :start AND :end
        GROUP BY a.intervention, a.client_id"""
    return _kinds(db, per_client, period, vocab.INTERVENTIONS, cells.action, keys)


def _contact_intensity(
    db: Database, period: Period, threshold_days: int, keys: dict[str, int]
) -> ContactIntensity:
    """Per client the average days between contacts; the median over clients from a histogram."""
    rows = db.execute(
        f"""WITH per_client AS (
            SELECT (julianday(max(k.contact_on)) - julianday(min(k.contact_on)))
                   / (count(*) - 1) AS days, f.rkey AS rkey
            FROM {_FACTS} f JOIN contacts k
                 ON k.client_id = f.id AND k.contact_on BETWEEN :start AND :end
            GROUP BY f.id HAVING count(*) >= 2
        )
        SELECT round(days, 1), count(*), sum(rkey) FROM per_client GROUP BY 1 ORDER BY 1""",
        {"start": period.start.isoformat(), "end": period.end.isoformat()},
    ).fetchall()
    histogram = [(float(days), int(number)) for days, number, _key in rows]
    histogram_keys = [int(key) % protection.KEY_SPACE for _days, _number, key in rows]
    clients = sum(number for _days, number in histogram)
    keys[cells.CONTACTED] = sum(histogram_keys) % protection.KEY_SPACE
    return ContactIntensity(
        median_days=median(histogram, clients),
        clients=clients,
        threshold_days=threshold_days,
        histogram=tuple(histogram),
        histogram_keys=tuple(histogram_keys),
    )


def median(histogram: Sequence[tuple[float, int]], total: int) -> float | None:
    """The median of values given as (value, how often), sorted by value."""
    if total == 0:
        return None
    wanted = [(total - 1) // 2, total // 2]
    found: list[float] = []
    seen = 0
    for value, number in histogram:
        while wanted and wanted[0] < seen + number:
            found.append(value)
            wanted.pop(0)
        seen += number
    return (found[0] + found[1]) / 2


def figures(
    db: Database,
    period: Period,
    *,
    contact_threshold_days: int = 14,
    origin_enabled: bool = False,
    quickscans: QuickscanRoles | None = None,
    progress: Progress | None = None,
    cancelled: CancelCheck | None = None,
    kinds: bool = True,
) -> InclusionFigures:
    """Count everything the inclusion report shows, for a period and optionally one team
    (``kinds`` False: no barriers and interventions, as the trends need none).

    ``quickscans`` is the team's newest scans side by side, made by the caller from the
    quickscan store (this domain does not read it).
    """
    if period.start > period.end:
        raise ValueError("start after end")
    cutoff = period.end - dt.timedelta(days=contact_threshold_days)
    parameters = {
        "start": period.start.isoformat(),
        "end": period.end.isoformat(),
        "cutoff": cutoff.isoformat(),
        "team": period.team,
    }
    steps = 8

    def advance(done: int) -> None:
        if progress is not None:
            progress(done, steps)
        if cancelled is not None and cancelled():
            raise Cancelled()

    db.execute(f"DROP TABLE IF EXISTS {_FACTS}")
    protection.register(db)
    keys: dict[str, int] = {}
    advance(0)
    try:
        db.execute(_facts_sql(period.team), parameters)
        # The per-kind counts join back on the client: without an index that is quadratic.
        db.execute("CREATE UNIQUE INDEX temp.inclusion_facts_id ON inclusion_facts (id)")
        advance(1)
        groups, group_keys = _groups(db)
        teams, team_keys = _groups(db, "team") if period.team is None else ({}, {})
        advance(2)
        ladder_start = _ladder(db, "at_start", "trede_start", "start", keys)
        ladder_end = _ladder(db, "at_end", "trede_end", "end", keys)
        reasons = _reasons(db, keys)
        advance(3)
        barriers = _barriers(db, period, keys) if kinds else ()
        advance(4)
        interventions = _interventions(db, period, keys) if kinds else ()
        advance(5)
        contacts = _contact_intensity(db, period, contact_threshold_days, keys)
        advance(7)
    finally:
        db.execute(f"DROP TABLE IF EXISTS {_FACTS}")
    empty = GroupFigures(*([0] * len(GroupFigures.__dataclass_fields__)))
    _group_cell_keys(keys, group_keys, origin_enabled)
    for team, found in team_keys.items():
        keys.update({cells.team(team, GROUP_CELLS[name]): key for name, key in found.items()})
    origin = None
    if origin_enabled:
        origin = tuple((code, groups.get(code, empty)) for code in ORIGIN_GROUPS.codes())
    advance(steps)
    return InclusionFigures(
        period=period,
        total=_sum(groups) if groups else empty,
        outflow_reasons=reasons,
        ladder_start=ladder_start,
        ladder_end=ladder_end,
        barriers=barriers,
        interventions=interventions,
        contacts=contacts,
        quickscans=quickscans,
        origin=origin,
        teams=None if period.team is not None else tuple(teams.items()),
        keys=keys,
    )


def _group_cell_keys(
    keys: dict[str, int], group_keys: dict[str, GroupKeys], origin_enabled: bool
) -> None:
    """The cell keys of the key figures: of all clients, and per origin group when shown."""
    space = protection.KEY_SPACE
    for name, cell in GROUP_CELLS.items():
        if cell != "work":
            keys[cell] = sum(group.get(name, 0) for group in group_keys.values()) % space
    keys[cells.ON_TIME] = (keys[cells.AT_END] - keys[cells.OVERDUE]) % space
    if not origin_enabled:
        return
    for code in ORIGIN_GROUPS.codes():
        group = group_keys.get(code, {})
        for name, cell in GROUP_CELLS.items():
            keys[cells.origin(code, cell)] = group.get(name, 0)
