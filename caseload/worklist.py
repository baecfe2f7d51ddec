"""The worklist "Vandaag": what a klantmanager has to do today, from the plan of each client.

Sections: today's appointments, the rest of the week, what is overdue (missed appointments,
actions past due, measurements due), follow-ups "werkt de klant nog?", and clients whose
contact frequency is exceeded. Each query starts from an index on the date or status it asks
about (or on the klantmanager for *mijn caseload*), so opening it never reads every client.

The rule for "overdue" is one for all: a day that lies before today. An appointment today, an
action due today or a contact due today is not late yet.

Without the model's classes (``records`` loads them): Vandaag is painted before they are loaded.
"""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from caseload import appointments, people, vocab
from resources.i18n import N_

if TYPE_CHECKING:
    from caseload.reads import Reads

#: The rest of this week: tomorrow and the five days after it.
WEEK_DAYS = 6
#: At most this many rows per section are listed (the count says how many there are).
SECTION_LIMIT = 500
_OPEN_ACTION = ", ".join(f"'{status}'" for status in vocab.OPEN_ACTION_STATUSES)


class Section(enum.Enum):
    """A part of the worklist (the value is its heading)."""

    TODAY = N_("Afspraken vandaag")
    WEEK = N_("Afspraken deze week")
    OVERDUE = N_("Te laat")
    FOLLOWUP = N_("Werkt de klant nog?")
    CONTACT = N_("Te lang geen contact")


class ItemKind(enum.Enum):
    """What a line is about; it decides which form opens for it."""

    APPOINTMENT = "appointment"
    MISSED_APPOINTMENT = "missed_appointment"
    ACTION = "action"
    MEASUREMENT = "measurement"
    FOLLOWUP = "followup"
    CONTACT = "contact"


@dataclass(frozen=True)
class Item:
    """One line of the worklist."""

    kind: ItemKind
    client_id: int
    reference: str
    name: str
    klantmanager: str
    on: dt.date  # the appointment's day, the due day, the last contact (or the start)
    detail: str  # a code: the contact kind, the intervention; '' for the others
    item_id: int | None = None  # appointment, action or follow-up id
    time: str = ""


@dataclass(frozen=True)
class Worklist:
    """The sections with their lines (at most ``SECTION_LIMIT`` each) and their full counts."""

    today: dt.date
    sections: dict[Section, list[Item]] = field(default_factory=dict)
    counts: dict[Section, int] = field(default_factory=dict)

    def to_do(self) -> int:
        """What the navigation counts: everything due today or earlier (not the coming days)."""
        return sum(n for section, n in self.counts.items() if section is not Section.WEEK)


@dataclass(frozen=True)
class Scope:
    """Whose clients: one klantmanager's (``mijn caseload``) or everyone's (None)."""

    klantmanager: str | None
    default_contact_days: int


_CLIENT_COLUMNS = (
    "c.id AS client_id, c.reference, c.initials, c.first_name, c.surname_prefix, c.surname, "
    "c.klantmanager"
)


def _name(row: Mapping[str, Any]) -> str:
    return people.display_name(
        row["first_name"] or "",
        row["initials"] or "",
        row["surname_prefix"] or "",
        row["surname"] or "",
    )


def _item(kind: ItemKind, row: Mapping[str, Any], on: str, detail: str = "") -> Item:
    return Item(
        kind=kind,
        client_id=row["client_id"],
        reference=row["reference"],
        name=_name(row),
        klantmanager=row["klantmanager"] or "",
        on=dt.date.fromisoformat(on),
        detail=detail or "",
        item_id=row.get("item_id"),
        time=row.get("planned_time") or "",
    )


def _mine(scope: Scope) -> str:
    return "" if scope.klantmanager is None else " AND c.klantmanager = :km"


def _params(scope: Scope, today: dt.date) -> dict[str, Any]:
    return {
        "km": scope.klantmanager,
        "today": today.isoformat(),
        "week_end": (today + dt.timedelta(days=WEEK_DAYS)).isoformat(),
        "cutoff": (today - dt.timedelta(days=scope.default_contact_days)).isoformat(),
    }


def _appointments_sql(scope: Scope, when: str) -> str:
    # For one klantmanager, CROSS JOIN keeps SQLite on the klantmanager's clients and each
    # client's (client_id, planned_on) index: by (status, planned_on) it would read the week's
    # appointments of all 100,000 clients to keep a few dozen.
    tables = (
        "appointments p JOIN clients c ON c.id = p.client_id"
        if scope.klantmanager is None
        else "clients c CROSS JOIN appointments p ON c.id = p.client_id"
    )
    return (
        f"SELECT p.id AS item_id, p.planned_on, p.planned_time, p.kind, {_CLIENT_COLUMNS} "
        f"FROM {tables} "
        f"WHERE p.status = '{appointments.PLANNED}' AND {when} AND c.status = 'active'"
        f"{_mine(scope)}"
    )


def _followup_tables(scope: Scope) -> str:
    # Follow-ups belong to files closed with outflow to work, so in a file of many years nearly
    # every unanswered one is someone else's: for one klantmanager, CROSS JOIN starts from the
    # klantmanager's clients (klantmanager, id) and each one's follow-ups (client_id).
    if scope.klantmanager is None:
        return "followups f JOIN clients c ON c.id = f.client_id"
    return "clients c CROSS JOIN followups f ON c.id = f.client_id"


_EARLIEST_ACTION = (
    "SELECT a.{column} FROM actions a WHERE a.client_id = c.id "
    f"AND a.status IN ({_OPEN_ACTION}) AND a.due_on = c.next_due_on ORDER BY a.id LIMIT 1"
)
#: Contact frequency exceeded, as two disjoint index ranges of ids (for everyone's clients): the
#: own frequency's due day, and the last contact ('' for never) of a client on the default
#: frequency (``default_contact_on``, see ``caseload.summary``). Written as an OR, SQLite reads
#: every active client.
_CONTACT_LATE_IDS = (
    "SELECT id FROM clients WHERE status = 'active' AND contact_due_on < :today "
    "UNION ALL SELECT id FROM clients WHERE status = 'active' AND default_contact_on < :cutoff"
)


def _count_sql(kind: ItemKind, sql: str, scope: Scope) -> str:
    """How to count a query's lines: from its index alone where the query allows."""
    if scope.klantmanager is None and kind is ItemKind.CONTACT:
        return f"SELECT count(*) FROM ({_CONTACT_LATE_IDS})"
    if kind is ItemKind.ACTION:
        # The clients alone, by the index on (status, next_due_on): no action is looked up.
        return "SELECT count(*) FROM clients c " + sql.split(" FROM clients c ", 1)[1]
    return f"SELECT count(*) FROM ({sql})"


#: Per section and kind: the rows (SELECT) and the sort order. Counted with the same FROM/WHERE.
def _queries(scope: Scope) -> list[tuple[Section, ItemKind, str, str, str, str]]:
    mine = _mine(scope)
    if scope.klantmanager is None:
        contact_late = f"c.id IN ({_CONTACT_LATE_IDS})"
    else:
        contact_late = "(c.contact_due_on < :today OR c.default_contact_on < :cutoff)"
    return [
        # (section, kind, sql, date column, detail column, order)
        (
            Section.TODAY,
            ItemKind.APPOINTMENT,
            _appointments_sql(scope, "p.planned_on = :today"),
            "planned_on",
            "kind",
            "p.planned_time, c.sort_name, p.id",
        ),
        (
            Section.WEEK,
            ItemKind.APPOINTMENT,
            _appointments_sql(scope, "p.planned_on > :today AND p.planned_on <= :week_end"),
            "planned_on",
            "kind",
            "p.planned_on, p.planned_time, c.sort_name, p.id",
        ),
        (
            Section.OVERDUE,
            ItemKind.MISSED_APPOINTMENT,
            _appointments_sql(scope, "p.planned_on < :today"),
            "planned_on",
            "kind",
            "p.planned_on, p.id",
        ),
        (
            Section.OVERDUE,
            ItemKind.ACTION,
            # One line per client, for the earliest open action (the summary column next_due_on
            # and its index give the clients in order; only the lines shown look up their action).
            f"SELECT ({_EARLIEST_ACTION.format(column='id')}) AS item_id, "
            f"({_EARLIEST_ACTION.format(column='intervention')}) AS intervention, "
            f"c.next_due_on AS due_on, {_CLIENT_COLUMNS} FROM clients c "
            f"WHERE c.status = 'active' AND c.next_due_on < :today{mine}",
            "due_on",
            "intervention",
            "c.next_due_on, c.id",
        ),
        (
            Section.OVERDUE,
            ItemKind.MEASUREMENT,
            f"SELECT c.measurement_due_on, {_CLIENT_COLUMNS} FROM clients c "
            f"WHERE c.status = 'active' AND c.measurement_due_on < :today{mine}",
            "measurement_due_on",
            "",
            "c.measurement_due_on, c.id",
        ),
        (
            Section.FOLLOWUP,
            ItemKind.FOLLOWUP,
            f"SELECT f.id AS item_id, f.due_on, {_CLIENT_COLUMNS} FROM {_followup_tables(scope)} "
            f"WHERE f.answered_on IS NULL AND f.due_on <= :today{mine}",
            "due_on",
            "",
            "f.due_on, f.id",
        ),
        (
            Section.CONTACT,
            ItemKind.CONTACT,
            "SELECT coalesce(c.last_contact_on, c.guidance_start, substr(c.created_at, 1, 10)) "
            f"AS since, {_CLIENT_COLUMNS} FROM clients c "
            f"WHERE c.status = 'active' AND {contact_late}{mine}",
            "since",
            "",
            "since, c.id",
        ),
    ]


def load(
    db: Reads, scope: Scope, today: dt.date | None = None, limit: int = SECTION_LIMIT
) -> Worklist:
    """The worklist of a klantmanager (or of everyone) on a day."""
    today = dt.date.today() if today is None else today
    params = _params(scope, today) | {"limit": limit}
    sections: dict[Section, list[Item]] = {section: [] for section in Section}
    counts: dict[Section, int] = dict.fromkeys(Section, 0)
    for section, kind, sql, on, detail, order in _queries(scope):
        counted = _count_sql(kind, sql, scope)
        counts[section] += int(db.execute(counted, params).fetchone()[0])
        room = limit - len(sections[section])
        if room <= 0:
            continue
        rows = db.query(f"{sql} ORDER BY {order} LIMIT :room", params | {"room": room})
        sections[section].extend(
            _item(kind, row, row[on], row[detail] if detail else "") for row in rows
        )
    return Worklist(today=today, sections=sections, counts=counts)


def count(db: Reads, scope: Scope, today: dt.date | None = None) -> int:
    """How many lines are due today or earlier (the number in the navigation)."""
    today = dt.date.today() if today is None else today
    params = _params(scope, today)
    return sum(
        int(db.execute(_count_sql(kind, sql, scope), params).fetchone()[0])
        for section, kind, sql, _on, _detail, _order in _queries(scope)
        if section is not Section.WEEK
    )


def query_plans(db: Reads, scope: Scope, today: dt.date) -> list[str]:
    """SQLite's plan for every worklist query (for the test that no query reads every client)."""
    params = _params(scope, today)
    plans = []
    for _section, kind, sql, _on, _detail, order in _queries(scope):
        for statement in (f"{sql} ORDER BY {order}", _count_sql(kind, sql, scope)):
            rows = db.execute(f"EXPLAIN QUERY PLAN {statement}", params).fetchall()
            plans.append("\n".join(str(row[-1]) for row in rows))
    return plans
