"""The counts behind the caseload facts of the advice report, in a few SQL aggregates.

One pass over the active clients with at most one index lookup per question, over the summary columns and the
indexes the caseload view uses already: a few hundred milliseconds at 100,000 clients.
"""

from __future__ import annotations

import datetime as dt
import statistics
from dataclasses import dataclass
from typing import Any

from sqlite_utils import Database

from caseload import protection, vocab

_OPEN_BARRIER = ", ".join(f"'{status}'" for status in vocab.OPEN_BARRIER_STATUSES)
_OPEN_ACTION = ", ".join(f"'{status}'" for status in vocab.OPEN_ACTION_STATUSES)
#: Actions that bring a client in touch with an employer.
EMPLOYER_ACTIONS = ("jobcoach", "warme_overdracht", "leerwerktraject", "werkervaringsplaats")
#: Contacts where client and klantmanager really talk (not a letter or a phone call).
PERSONAL_CONTACTS = ("kantoor", "huisbezoek", "wandelgesprek", "video")
#: The window of "the last half year", in months, for contacts per month.
HALF_YEAR_MONTHS = 6.0
#: A barrier this severe (or worse) needs an action in the plan.
SEVERE = 3
_EMPLOYER = ", ".join(f"'{code}'" for code in EMPLOYER_ACTIONS)
_PERSONAL = ", ".join(f"'{code}'" for code in PERSONAL_CONTACTS)
_BEGAN = "coalesce(c.guidance_start, substr(c.created_at, 1, 10))"

# One pass over the active clients: the summary columns the stores keep, and per client at
# most one index lookup per question. The cheap tests come first (open barriers, trede), so most
# clients need few lookups. MATERIALIZED keeps SQLite from copying each lookup into every sum
# that uses it. The contact counts come back as one list for the median.
_CLIENTS_SQL = f"""
WITH facts AS MATERIALIZED (
    SELECT
        c.last_contact_on IS NULL OR c.last_contact_on < :contact_cutoff AS stale,
        c.last_contact_on IS NULL AS never_contacted,
        coalesce(c.klantmanager, '') = '' AS no_klantmanager,
        c.current_trede_on IS NULL OR c.current_trede_on < :half_year AS not_measured,
        c.current_trede IS NULL AS never_measured,
        coalesce(c.language_speaking, c.language_listening, c.language_reading,
                 c.language_writing) IS NULL AS no_language_level,
        c.open_actions = 0 AS no_plan,
        coalesce(c.next_due_on < :today, 0) AS overdue,
        coalesce(c.current_trede IN (1, 2), 0) AS trede_low,
        coalesce(c.current_trede IN (4, 5), 0) AS trede_high,
        {_BEGAN} < :three_years AS long_guidance,
        NOT EXISTS (SELECT 1 FROM barriers b WHERE b.client_id = c.id) AS no_barrier,
        -- bit 1: an open language barrier, bit 2: an open severe barrier
        CASE WHEN c.open_barriers > 0 THEN (
            SELECT max(b.kind = 'taal') + 2 * max(b.severity >= {SEVERE}) FROM barriers b
            WHERE b.client_id = c.id AND b.status IN ({_OPEN_BARRIER})
        ) ELSE 0 END AS barrier_bits,
        -- bit 1: a language course, bit 2: an action towards an employer (planned or running)
        CASE WHEN c.open_actions > 0 THEN (
            SELECT max(a.intervention = 'taalcursus') + 2 * max(a.intervention IN ({_EMPLOYER}))
            FROM actions a WHERE a.client_id = c.id AND a.status IN ({_OPEN_ACTION})
        ) ELSE 0 END AS action_bits,
        -- twice the contacts in the last half year, plus 1 when one of them was personal
        (SELECT 2 * count(*) + coalesce(max(k.kind IN ({_PERSONAL})), 0) FROM contacts k
         WHERE k.client_id = c.id AND k.contact_on > :half_year AND k.contact_on <= :today
        ) AS contact_code,
        {_BEGAN} <= :half_year AS settled,
        c.current_trede AS now,
        CASE WHEN c.current_trede_on > :year_ago THEN (
            SELECT s.trede FROM ladder_steps s WHERE s.client_id = c.id
            AND s.measured_on <= :year_ago ORDER BY s.measured_on DESC, s.id DESC LIMIT 1
        ) END AS before,
        {protection.RECORD_KEY_SQL}(c.id) AS rkey
    FROM clients c WHERE c.status = 'active' {{team}}
)
SELECT {{sums}}, group_concat(CASE WHEN settled THEN contact_code / 2 END)
FROM facts
"""
#: Each count over the active clients and the condition a client meets to be in it.
_CLIENTS_CONDITIONS = (
    ("active", "1"),
    ("stale", "stale"),
    ("never_contacted", "never_contacted"),
    ("no_klantmanager", "no_klantmanager"),
    ("not_measured", "not_measured"),
    ("never_measured", "never_measured"),
    ("no_language_level", "no_language_level"),
    ("no_plan", "no_plan"),
    ("overdue", "overdue"),
    ("trede_low", "trede_low"),
    ("trede_high", "trede_high"),
    ("long_guidance", "long_guidance"),
    ("no_barrier", "no_barrier"),
    ("language", "barrier_bits & 1"),
    ("language_no_course", "barrier_bits & 1 AND NOT action_bits & 1"),
    ("severe", "barrier_bits & 2 > 0"),
    ("severe_no_action", "barrier_bits & 2 AND no_plan"),
    ("high_no_employer", "trede_high AND NOT action_bits & 2"),
    ("no_personal", "contact_code % 2 = 0"),
    ("measured", "before IS NOT NULL"),
    ("rose", "now > before"),
    ("same", "now = before"),
    ("fell", "now < before"),
)
# Per count: how many clients, and the sum of their record keys (caseload.protection).
_CLIENTS_SQL = _CLIENTS_SQL.replace(
    "{sums}",
    ", ".join(
        f"sum(CASE WHEN {condition} THEN 1 ELSE 0 END), "
        f"sum(CASE WHEN {condition} THEN rkey ELSE 0 END)"
        for _key, condition in _CLIENTS_CONDITIONS
    ),
)

_KINDS_SQL = f"""
WITH per AS (
    SELECT b.kind, b.client_id, max(b.since < :year_ago) AS old
    FROM barriers b JOIN clients c ON c.id = b.client_id
    WHERE b.status IN ({_OPEN_BARRIER}) AND c.status = 'active' {{team}}
    GROUP BY b.kind, b.client_id
)
SELECT kind, count(*), sum(old), sum({protection.RECORD_KEY_SQL}(client_id)),
       sum(CASE WHEN old THEN {protection.RECORD_KEY_SQL}(client_id) ELSE 0 END)
FROM per GROUP BY kind
"""

_OUTFLOW_SQL = f"""
SELECT count(*), sum({protection.RECORD_KEY_SQL}(c.id)),
    sum(c.closing_reason = 'uitstroom_werk' AND c.closed_on >= :year_ago
        AND c.closed_on <= :today),
    sum(CASE WHEN c.closing_reason = 'uitstroom_werk' AND c.closed_on >= :year_ago
        AND c.closed_on <= :today THEN {protection.RECORD_KEY_SQL}(c.id) ELSE 0 END)
FROM clients c
WHERE {_BEGAN} <= :today AND (c.closed_on IS NULL OR c.closed_on >= :year_ago) {{team}}
"""

_FIRST_CONTACT_SQL = f"""
SELECT days, count(*) FROM (
    SELECT julianday((SELECT min(k.contact_on) FROM contacts k WHERE k.client_id = c.id
                      AND k.contact_on >= {_BEGAN})) - julianday({_BEGAN}) AS days
    FROM clients c WHERE c.status = 'active' AND {_BEGAN} >= :year_ago {{team}}
) WHERE days IS NOT NULL GROUP BY days
"""

_CASELOADS_SQL = """
SELECT count(*) FROM clients c
WHERE c.status = 'active' AND coalesce(c.klantmanager, '') != '' {team}
GROUP BY c.klantmanager
"""


@dataclass(frozen=True)
class Scope:
    """Whose caseload, on which day, and the SQL parameters that follow from it."""

    team: str | None
    today: dt.date
    contact_threshold_days: int

    def sql(self, template: str) -> str:
        """The query with the team filter when there is a team."""
        return template.format(team="AND c.team = :team" if self.team else "")

    def params(self) -> dict[str, Any]:
        """The named parameters of every query."""
        today = self.today
        return {
            "team": self.team,
            "today": today.isoformat(),
            "contact_cutoff": (today - dt.timedelta(days=self.contact_threshold_days)).isoformat(),
            "half_year": (today - dt.timedelta(days=182)).isoformat(),
            "year_ago": (today - dt.timedelta(days=365)).isoformat(),
            "three_years": (today - dt.timedelta(days=3 * 365)).isoformat(),
        }


@dataclass(frozen=True)
class Figures:
    """Every count (with its cell key) and the medians, with the groups they rest on."""

    counts: dict[str, int]
    #: The cell key of each count (caseload.protection).
    keys: dict[str, int]
    kinds: tuple[str, ...]
    contacts_per_month: tuple[float, int] | None
    days_to_first_contact: tuple[float, int] | None
    caseload_per_manager: tuple[float, int] | None


def _median(values: list[float]) -> tuple[float, int] | None:
    """The median with the number of clients it rests on; None without any."""
    return (statistics.median(values), len(values)) if values else None


def _histogram(db: Database, scope: Scope, template: str) -> list[float]:
    """The values of a (value, number of clients) histogram made in SQL."""
    rows = db.execute(scope.sql(template), scope.params()).fetchall()
    return [float(value) for value, count in rows for _n in range(int(count))]


def figures(db: Database, scope: Scope) -> Figures:
    """Every count and median of one scope."""
    protection.register(db)
    space = protection.KEY_SPACE
    *numbers, recent = db.execute(scope.sql(_CLIENTS_SQL), scope.params()).fetchone()
    names = [key for key, _condition in _CLIENTS_CONDITIONS]
    counts = {key: int(n or 0) for key, n in zip(names, numbers[0::2], strict=True)}
    keys = {key: int(k or 0) % space for key, k in zip(names, numbers[1::2], strict=True)}
    row = db.execute(scope.sql(_OUTFLOW_SQL), scope.params()).fetchone()
    for index, key in enumerate(("in_year", "work")):
        counts[key] = int(row[2 * index] or 0)
        keys[key] = int(row[2 * index + 1] or 0) % space
    per_month = [int(n) / HALF_YEAR_MONTHS for n in recent.split(",")] if recent else []
    kinds = []
    for kind, open_count, old, open_key, old_key in db.execute(
        scope.sql(_KINDS_SQL), scope.params()
    ).fetchall():
        kinds.append(kind)
        counts[f"open:{kind}"] = int(open_count)
        counts[f"old:{kind}"] = int(old)
        keys[f"open:{kind}"] = int(open_key) % space
        keys[f"old:{kind}"] = int(old_key) % space
    order = {code: index for index, code in enumerate(vocab.BARRIER_KINDS.codes())}
    managers = [
        float(n) for (n,) in db.execute(scope.sql(_CASELOADS_SQL), scope.params()).fetchall()
    ]
    return Figures(
        counts=counts,
        keys=keys,
        kinds=tuple(sorted(kinds, key=lambda code: order.get(code, len(order)))),
        contacts_per_month=_median(per_month),
        days_to_first_contact=_median(_histogram(db, scope, _FIRST_CONTACT_SQL)),
        caseload_per_manager=_median(managers),
    )


def table(figures: Figures, minimum: int) -> protection.Published:
    """The counts as printed: small groups hidden (with what lies within them), the rest
    rounded by cell key, as in the inclusion report (see docs/reports.md)."""
    inside = [
        *(
            (part, "active")
            for part in (
                "stale",
                "no_klantmanager",
                "not_measured",
                "no_language_level",
                "no_plan",
                "overdue",
                "trede_low",
                "trede_high",
                "long_guidance",
                "no_barrier",
                "language",
                "severe",
                "no_personal",
                "measured",
            )
        ),
        ("never_contacted", "stale"),
        ("never_measured", "not_measured"),
        ("language_no_course", "language"),
        ("severe_no_action", "severe"),
        ("high_no_employer", "trede_high"),
        ("work", "in_year"),
        ("rose", "measured"),
        ("same", "measured"),
        ("fell", "measured"),
        *((f"old:{kind}", f"open:{kind}") for kind in figures.kinds),
        *((f"open:{kind}", "active") for kind in figures.kinds),
    ]
    shown = protection.publish(figures.counts, figures.keys, minimum)
    return protection.hide_within(shown, [(base, part) for part, base in inside])
