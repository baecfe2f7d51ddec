"""Any bytes given as a CSV end in a clean import or a clean refusal that changes nothing."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st
from sqlite_utils import Database

from app import database
from caseload import csv_import
from resources.errors import UserError

TODAY = dt.date(2026, 3, 16)  # as in conftest

HEADERS = [
    "Klantnummer",
    "Klantnr",
    "BSN",
    "Voorletters",
    "Voornaam",
    "Tussenvoegsel",
    "Achternaam",
    "Naam",
    "Geboortedatum",
    "Trede",
    "Startdatum",
    "Klantmanager",
    "Team",
    "Opmerking",
    "",
]
PLAIN_CELLS = st.sampled_from(["K1", "K2", "K3", "K4", "Jansen", "Zoë", "1-1-1980", "3", ""])
CELLS = st.one_of(
    PLAIN_CELLS,
    PLAIN_CELLS,
    st.sampled_from(
        ["K1", "K2", "K3", "K1 ", "31-02-2026", "1-1-1980", "2026-01-31", "3", "7", "111222333", ""]
    ),
    st.text(alphabet=st.characters(codec="utf-8"), max_size=12),
    st.text(alphabet=";,\t\"\r\n '=", max_size=6),
)


@st.composite
def csv_like(draw: st.DrawFn) -> bytes:
    """Text that looks like an export: known headers, odd cells, any delimiter and encoding."""
    delimiter = draw(st.sampled_from([";", ",", "\t", "|"]))
    headers = draw(st.lists(st.sampled_from(HEADERS), min_size=1, max_size=6))
    if draw(st.booleans()):
        headers.insert(0, "Klantnummer")
    lines = [delimiter.join(headers)]
    for cells in draw(st.lists(st.lists(CELLS, max_size=8), max_size=8)):
        lines.append(delimiter.join(cells))
    text = draw(st.sampled_from(["\n", "\r\n", "\r"])).join(lines)
    encoding = draw(st.sampled_from(["utf-8", "utf-8-sig", "cp1252", "utf-16"]))
    return text.encode(encoding, errors="replace")


@pytest.fixture
def shared_db(tmp_path: Path) -> Iterator[Database]:
    """One database for all examples of a property (opening one per example is slow)."""
    connection = database.open_database(tmp_path / "property.db")
    csv_import.import_clients(connection, b"Klantnummer;Achternaam\nK1;Jansen\n", actor="t")
    yield connection
    connection.close()


@settings(
    max_examples=300,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    data=st.one_of(st.binary(max_size=400), csv_like()),
    update=st.booleans(),
    valid_only=st.booleans(),
    bsn_enabled=st.booleans(),
)
def test_any_bytes_end_in_an_import_or_a_refusal_that_changes_nothing(
    shared_db: Database, data: bytes, update: bool, valid_only: bool, bsn_enabled: bool
) -> None:
    before = list(shared_db.conn.iterdump())
    try:
        result = csv_import.import_clients(
            shared_db,
            data,
            on_existing="update" if update else "skip",
            valid_only=valid_only,
            bsn_enabled=bsn_enabled,
            actor="t",
            today=TODAY,
        ).value
    except UserError as refusal:
        event("refused")
        assert refusal.message.strip()
        assert list(shared_db.conn.iterdump()) == before
        return
    event("imported" if result.added + result.updated else "read, nothing to store")
    accounted = result.added + result.updated + result.unchanged + result.skipped
    assert accounted + len(result.rejected) == result.read
    assert all(row.reason.strip() for row in result.rejected)
    assert not shared_db.conn.in_transaction
    if result.added + result.updated == 0:
        assert list(shared_db.conn.iterdump()) == before
    else:
        assert database.check(shared_db).ok


@given(
    st.lists(
        st.one_of(
            st.sampled_from(["van", "de", "der", "el", "Van", "ben", "'t"]),
            st.text(alphabet="abcdeëöABZ-'", min_size=1, max_size=8),
        ),
        min_size=1,
        max_size=6,
    )
)
def test_a_whole_name_split_into_parts_reads_back_as_written(words: list[str]) -> None:
    from caseload import people

    written = " ".join(words)
    first, prefix, surname = people.split_name(written)
    assert surname, "every client keeps a surname"
    assert people.display_name(first, "", prefix, surname) == written
