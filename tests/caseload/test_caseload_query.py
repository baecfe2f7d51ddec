"""The caseload overview in SQL: search without diacritics, every filter, every sort, counts."""

from __future__ import annotations

import dataclasses
import datetime as dt
import unicodedata
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlite_utils import Database

from app import database
from caseload import caseload_query as cq
from caseload import clients, journal, model, schema

TODAY = dt.date(2026, 3, 16)  # as in conftest
ACTOR = "km.devries"

#: reference, first name, prefix, surname, klantmanager, team, trede, days since contact,
#: barriers (kind, status), actions (status, due in days from today), closed
# fmt: off
PEOPLE: list[tuple[Any, ...]] = [
    ("KL0000010", "Zoë", "de", "Vries", "Anouk", "Team Noord", 2, 3, [("taal", "open")],
     [("lopend", -5)], False),
    ("KL0000003", "Zoe", "", "Bakker", "Bram", "Team Noord", 2, 20, [("taal", "opgelost")],
     [("afgerond", -30)], False),
    ("KL0000007", "Ömer", "", "Öztürk", "Anouk", "Team Zuid", 4, None,
     [("gezondheid", "in_aanpak"), ("schulden", "open")], [], False),
    ("KL0000001", "José", "", "Pérez", "Bram", "Team Zuid", None, 14, [],
     [("gepland", 10), ("lopend", 30)], False),
    ("KL0000005", "Fatima", "el", "Amrani", "Anouk", "Team Noord", 3, 15, [("taal", "in_aanpak")],
     [("lopend", -1)], False),
    ("KL0000002", "Noël", "van der", "Berg", "Chris", "Team Oost", 6, 40, [], [], True),
    ("KL0000009", "Agnieszka", "", "Nowak", "Chris", "Team Oost", 3, 0, [("zorgtaken", "open")],
     [("gepland", -3)], False),
    ("KL0000004", "Yonas", "", "Haile", "Anouk", "Team Oost", 1, 3, [("taal", "open"),
     ("sociaal_netwerk", "open"), ("zelfredzaamheid", "open")], [("lopend", 100)], False),
]
# fmt: on


def build(db: Database) -> dict[str, model.Client]:
    """The people above, stored through the stores; by reference."""
    stored = {}
    for (
        ref,
        first,
        prefix,
        surname,
        manager,
        team,
        trede,
        days,
        barriers,
        actions,
        closed,
    ) in PEOPLE:
        details = model.ClientDetails(
            reference=ref,
            first_name=first,
            initials=first[0] + ".",
            surname_prefix=prefix,
            surname=surname,
            klantmanager=manager,
            team=team,
        )
        client = clients.add(db, details, actor=ACTOR, today=TODAY).value
        if trede is not None:
            journal.record_step(db, client.id, trede=trede, actor=ACTOR, today=TODAY)
        if days is not None:
            journal.add_contact(
                db,
                client.id,
                kind="kantoor",
                contact_on=TODAY - dt.timedelta(days=days),
                actor=ACTOR,
                today=TODAY,
            )
        for kind, status in barriers:
            journal.add_barrier(
                db, client.id, kind=kind, severity=2, status=status, actor=ACTOR, today=TODAY
            )
        for status, due in actions:
            journal.add_action(
                db,
                client.id,
                intervention="taalcursus",
                status=status,
                due_on=TODAY + dt.timedelta(days=due),
                actor=ACTOR,
            )
        if closed:
            clients.close(
                db, client.id, on=TODAY, reason="uitstroom_werk", actor=ACTOR, today=TODAY
            )
        stored[ref] = clients.get(db, client.id)
    return stored


@pytest.fixture(scope="module")
def shared(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Database, dict[str, Any]]]:
    """One database with the people above for the tests that only read (built once: fast)."""
    db = database.open_database(tmp_path_factory.mktemp("caseload") / "trede.db")
    yield db, build(db)
    db.close()


@pytest.fixture
def db(shared: tuple[Database, dict[str, model.Client]]) -> Database:
    """The shared database (overrides the fresh one: these tests do not write)."""
    return shared[0]


@pytest.fixture
def caseload(shared: tuple[Database, dict[str, model.Client]]) -> dict[str, model.Client]:
    """The stored people by reference."""
    return shared[1]


def refs(db: Database, caseload: dict[str, model.Client], **filters: Any) -> set[str]:
    by_id = {client.id: ref for ref, client in caseload.items()}
    found = cq.ids(db, cq.CaseloadFilter(**filters), today=TODAY)
    return {by_id[ident] for ident in found}


def names(db: Database, text: str) -> list[str]:
    found = cq.ids(db, cq.CaseloadFilter(text=text), today=TODAY)
    return [row.name for row in cq.rows(db, found, today=TODAY)]


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("zoe", ["Zoe Bakker", "Zoë de Vries"]),
        ("Zoë", ["Zoe Bakker", "Zoë de Vries"]),
        ("ZO", ["Zoe Bakker", "Zoë de Vries"]),
        ("zoe de v", ["Zoë de Vries"]),
        ("omer ozt", ["Ömer Öztürk"]),
        ("Öztürk", ["Ömer Öztürk"]),
        ("jose", ["José Pérez"]),
        ("perez jo", ["José Pérez"]),
        ("noel", ["Noël van der Berg"]),
        ("KL0000009", ["Agnieszka Nowak"]),
        (
            "kl00000",
            [
                "Fatima el Amrani",
                "Zoe Bakker",
                "Noël van der Berg",
                "Yonas Haile",
                "Agnieszka Nowak",
                "Ömer Öztürk",
                "José Pérez",
                "Zoë de Vries",
            ],
        ),
        ("kl0000001", ["José Pérez"]),
        ("0009", ["Agnieszka Nowak"]),  # the end of a klantnummer, inside the word
        ("010", ["Zoë de Vries"]),
        ("000001", ["José Pérez", "Zoë de Vries"]),  # KL0000001 and KL0000010
        ("99", []),  # two digits are too few to look inside klantnummers
        ("vries zoe", ["Zoë de Vries"]),
        ("xavier", []),
    ],
)
def test_search_as_you_type_ignores_diacritics_and_case(
    db: Database, caseload: dict[str, model.Client], typed: str, expected: list[str]
) -> None:
    assert names(db, typed) == expected


@pytest.mark.parametrize("typed", ["", "  ", "-", '"', "*", "'s"])
def test_search_with_no_words_does_not_narrow_nor_fail(
    db: Database, caseload: dict[str, model.Client], typed: str
) -> None:
    found = names(db, typed)
    assert len(found) == (len(PEOPLE) if typed != "'s" else 0)


@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        (
            {"status": "active"},
            {
                "KL0000010",
                "KL0000003",
                "KL0000007",
                "KL0000001",
                "KL0000005",
                "KL0000009",
                "KL0000004",
            },
        ),
        ({"status": "closed"}, {"KL0000002"}),
        ({"trede": 2}, {"KL0000010", "KL0000003"}),
        ({"trede": 5}, set()),
        ({"barrier_kind": "taal"}, {"KL0000010", "KL0000005", "KL0000004"}),  # solved not
        ({"barrier_kind": "schulden"}, {"KL0000007"}),
        ({"overdue_actions_only": True}, {"KL0000010", "KL0000005", "KL0000009"}),
        ({"no_recent_contact_only": True}, {"KL0000003", "KL0000007", "KL0000005"}),
        (
            {"no_recent_contact_only": True, "contact_threshold_days": 2},
            {"KL0000010", "KL0000003", "KL0000007", "KL0000001", "KL0000005", "KL0000004"},
        ),
        ({"klantmanager": "Anouk"}, {"KL0000010", "KL0000007", "KL0000005", "KL0000004"}),
        ({"team": "Team Oost"}, {"KL0000002", "KL0000009", "KL0000004"}),
        ({"team": "Team Oost", "status": "active", "barrier_kind": "taal"}, {"KL0000004"}),
        ({"text": "zoe", "trede": 2, "klantmanager": "Bram"}, {"KL0000003"}),
    ],
)
def test_each_filter(
    db: Database, caseload: dict[str, model.Client], filters: dict[str, Any], expected: set[str]
) -> None:
    assert refs(db, caseload, **filters) == expected
    shown = cq.counts(db, cq.CaseloadFilter(**filters), today=TODAY).shown
    assert shown == len(expected)


def _python_order(
    rows: list[cq.CaseloadRow], stored: dict[int, model.Client], column: cq.SortColumn
) -> list[int]:
    """The ascending order the UI promises, computed in Python."""
    if column is cq.SortColumn.DAYS_SINCE_CONTACT:
        # fewest days first = newest contact first; never contacted last; ties by id reversed
        ordered = sorted(
            rows, key=lambda r: (stored[r.id].last_contact_on or dt.date.min, r.id), reverse=True
        )
        return [row.id for row in ordered]
    keys: dict[cq.SortColumn, Callable[[cq.CaseloadRow], Any]] = {
        cq.SortColumn.REFERENCE: lambda r: r.reference,
        cq.SortColumn.NAME: lambda r: stored[r.id].surname.casefold(),
        cq.SortColumn.TREDE: lambda r: -1 if r.trede is None else r.trede,
        cq.SortColumn.OPEN_BARRIERS: lambda r: r.open_barriers,
        cq.SortColumn.OPEN_ACTIONS: lambda r: r.open_actions,
        cq.SortColumn.KLANTMANAGER: lambda r: r.klantmanager,
        cq.SortColumn.STATUS: lambda r: r.status,
    }
    return [row.id for row in sorted(rows, key=lambda r: (keys[column](r), r.id))]


def _fold(text: str) -> str:
    return "".join(
        c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c)
    ).casefold()


@pytest.mark.parametrize("column", list(cq.SortColumn))
@pytest.mark.parametrize("descending", [False, True])
@pytest.mark.parametrize("narrowing", [False, True])
def test_sorting_on_every_column_both_ways(
    db: Database,
    caseload: dict[str, model.Client],
    column: cq.SortColumn,
    descending: bool,
    narrowing: bool,
) -> None:
    flt = cq.CaseloadFilter(text="kl" if narrowing else "")  # the same clients, other plan
    found = cq.ids(db, flt, cq.Sort(column, descending), today=TODAY)
    rows = cq.rows(db, sorted(found), today=TODAY)
    stored = {client.id: client for client in caseload.values()}
    if column is cq.SortColumn.NAME:
        stored = {
            ident: dataclasses.replace(client, surname=_fold(client.surname))
            for ident, client in stored.items()
        }
    expected = _python_order(rows, stored, column)
    assert found == (expected[::-1] if descending else expected)


def test_name_sort_ignores_prefix_and_diacritics(
    db: Database, caseload: dict[str, model.Client]
) -> None:
    found = cq.ids(db, cq.CaseloadFilter(), cq.Sort(cq.SortColumn.NAME), today=TODAY)
    assert [row.name for row in cq.rows(db, found, today=TODAY)] == [
        "Fatima el Amrani",
        "Zoe Bakker",
        "Noël van der Berg",
        "Yonas Haile",
        "Agnieszka Nowak",
        "Ömer Öztürk",
        "José Pérez",
        "Zoë de Vries",
    ]


def test_rows_show_what_the_caseload_needs_in_the_order_asked(
    db: Database, caseload: dict[str, model.Client]
) -> None:
    wanted = [caseload["KL0000007"].id, 999, caseload["KL0000010"].id, caseload["KL0000002"].id]
    omer, zoe, noel = cq.rows(db, wanted, today=TODAY)  # the unknown id is left out
    assert (
        omer.name,
        omer.trede,
        omer.days_since_contact,
        omer.open_barriers,
        omer.open_actions,
    ) == ("Ömer Öztürk", 4, None, 2, 0)
    assert omer.no_recent_contact and not omer.overdue_actions and omer.needs_attention
    assert (zoe.days_since_contact, zoe.open_actions, zoe.overdue_actions) == (3, 1, True)
    assert not zoe.no_recent_contact
    assert (noel.status, noel.closing_reason, noel.needs_attention) == (
        "closed",
        "uitstroom_werk",
        False,
    )


def test_counts_for_the_status_bar(db: Database, caseload: dict[str, model.Client]) -> None:
    assert cq.counts(db, cq.CaseloadFilter(), today=TODAY) == cq.CaseloadCounts(8, 8, 5)
    assert cq.counts(db, cq.CaseloadFilter(team="Team Noord"), today=TODAY) == (
        cq.CaseloadCounts(8, 3, 3)
    )


def test_caseload_follows_each_change_at_once(tmp_path: Path) -> None:
    db = database.open_database(tmp_path / "trede.db")
    caseload = build(db)
    haile = caseload["KL0000004"]
    journal.record_step(db, haile.id, trede=2, actor=ACTOR, today=TODAY)
    assert "KL0000004" in refs(db, caseload, trede=2)
    journal.add_contact(db, caseload["KL0000007"].id, kind="huisbezoek", actor=ACTOR, today=TODAY)
    assert "KL0000007" not in refs(db, caseload, no_recent_contact_only=True)
    clients.close(db, haile.id, on=TODAY, reason="verhuisd", actor=ACTOR, today=TODAY)
    assert "KL0000004" in refs(db, caseload, status="closed")
    assert "KL0000004" not in refs(db, caseload, barrier_kind="taal", status="active")
    db.close()


def test_data_version_changes_with_every_write_from_any_connection(tmp_path: Path) -> None:
    db = database.open_database(tmp_path / "trede.db")
    caseload = build(db)
    before = cq.data_version(db)
    cq.rows(db, [client.id for client in caseload.values()], TODAY)
    assert cq.data_version(db) == before, "reading changes nothing"
    journal.add_contact(db, caseload["KL0000007"].id, kind="huisbezoek", actor=ACTOR, today=TODAY)
    mine = cq.data_version(db)
    assert mine != before
    other = database.open_database(tmp_path / "trede.db")
    clients.add(other, model.ClientDetails(reference="KL0000099", first_name="Ida"), actor=ACTOR)
    other.close()
    assert cq.data_version(db) != mine, "a commit by another connection (a worker) counts too"
    db.close()


def test_indexes_no_query_uses_are_gone(db: Database) -> None:
    names = {row[0] for row in db.execute("SELECT name FROM sqlite_master WHERE type = 'index'")}
    assert names.isdisjoint(schema.UNUSED_INDEXES)
    assert "idx_clients_status_klantmanager_id" in names, "the klantmanager filter's index stays"


@pytest.mark.parametrize(
    "filters",
    [{}, {"status": "active"}, {"status": "closed"}, {"team": "Team Noord"}, {"trede": 2}],
)
def test_flagged_count_is_the_flagged_clients_of_the_filter(
    db: Database, caseload: dict[str, model.Client], filters: dict[str, Any]
) -> None:
    flt = cq.CaseloadFilter(**filters)
    shown = cq.rows(db, cq.ids(db, flt, today=TODAY), today=TODAY)
    flagged = sum(1 for row in shown if row.needs_attention)
    assert cq.flagged(db, flt, today=TODAY) == flagged
    assert cq.counts(db, flt, today=TODAY).flagged == flagged
