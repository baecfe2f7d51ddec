"""Erasure and retention: nothing of an erased client stays in the tables or in the file."""

from __future__ import annotations

import datetime as dt
import unicodedata
from collections.abc import Callable
from pathlib import Path

import pytest
from sqlite_utils import Database

from caseload import clients, demo, erasure, errors, journal, model
from resources import audit

TODAY = dt.date(2026, 3, 16)  # as in conftest
ACTOR = "km.devries"
FIRST, SURNAME, REFERENCE = "Ülviyya", "Çelikkaya", "KL7788990"


def _folded(text: str) -> str:
    """The way the search index stores a word: lower case, no diacritics."""
    plain = unicodedata.normalize("NFKD", text)
    return "".join(c for c in plain if not unicodedata.combining(c)).casefold()


def _traces() -> list[bytes]:
    words = (FIRST, SURNAME, REFERENCE, "Zwerfkeiprijs")
    variants = {form for word in words for form in (word, word.casefold(), _folded(word))}
    encoded = set()
    for variant in variants:
        encoded.add(variant.encode("utf-8"))
        encoded.add(variant.encode("utf-16-le"))
    return sorted(encoded)


def _every_value(db: Database) -> str:
    """Every value in every table, the shadow tables of the search index included."""
    parts = []
    for (table,) in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'"):
        for row in db.execute(f"SELECT * FROM [{table}]"):
            for value in row:
                if isinstance(value, bytes):
                    parts.append(value.decode("utf-8", "replace"))
                elif value is not None:
                    parts.append(str(value))
    return "\n".join(parts)


def _file_bytes(path: Path) -> bytes:
    data = path.read_bytes()
    for suffix in ("-wal", "-journal"):
        extra = path.with_name(path.name + suffix)
        if extra.exists():
            data += extra.read_bytes()
    return data


def _full_client(db: Database, details: Callable[..., model.ClientDetails]) -> model.Client:
    client = clients.add(
        db,
        details(reference=REFERENCE, first_name=FIRST, initials="Ü.", surname=SURNAME),
        actor=ACTOR,
        today=TODAY,
    ).value
    journal.record_step(db, client.id, trede=2, note="Zwerfkeiprijs", actor=ACTOR, today=TODAY)
    barrier = journal.add_barrier(
        db, client.id, kind="taal", severity=3, note="Zwerfkeiprijs", actor=ACTOR, today=TODAY
    ).value
    assert barrier.id
    journal.add_contact(
        db,
        client.id,
        kind="huisbezoek",
        minutes=30,
        summary="Zwerfkeiprijs",
        actor=ACTOR,
        today=TODAY,
    )
    journal.add_action(db, client.id, intervention="taalcursus", goal="Zwerfkeiprijs", actor=ACTOR)
    return client


def test_erasure_leaves_no_trace_in_any_table_or_in_the_file(
    tmp_path: Path, db: Database, details: Callable[..., model.ClientDetails]
) -> None:
    demo.fill(db, 40, seed=3, today=TODAY)
    client = _full_client(db, details)
    erasure.flush(db)
    before = _file_bytes(tmp_path / "trede.db")
    assert any(trace in before for trace in _traces())  # the search below can see them

    erasure.erase(db, client.id, actor=ACTOR)

    text = _every_value(db)
    for word in (FIRST, SURNAME, REFERENCE, "Zwerfkeiprijs"):
        for form in {word, word.casefold(), _folded(word)}:
            assert form not in text and form not in text.casefold()
    db.execute("CREATE VIRTUAL TABLE temp.fts_terms USING fts5vocab(main, 'clients_fts', 'row')")
    vocabulary = {row[0] for row in db.execute("SELECT term FROM temp.fts_terms")}
    assert not {_folded(FIRST), _folded(SURNAME), REFERENCE.casefold()} & vocabulary
    raw = _file_bytes(tmp_path / "trede.db")
    assert [trace for trace in _traces() if trace in raw] == []
    # The log keeps that it happened, and nothing about whom.
    assert audit.entries(db)[0].action == "client.delete"
    assert audit.entries(db)[0].object == f"client:{client.id}"
    assert audit.broken_entries(db) == []
    assert clients.find(db, REFERENCE) is None


def _closed(
    add_client: Callable[..., model.Client], db: Database, reference: str, on: dt.date
) -> model.Client:
    client = add_client(reference=reference, guidance_start=dt.date(2010, 1, 1))
    return clients.close(db, client.id, on=on, reason="verhuisd", actor=ACTOR, today=TODAY).value


@pytest.mark.parametrize(
    ("closed_on", "years", "listed"),
    [
        (dt.date(2016, 3, 15), 10, True),  # more than ten years ago
        (dt.date(2016, 3, 16), 10, False),  # exactly ten years: kept one more day
        (dt.date(2016, 3, 17), 10, False),
        (dt.date(2020, 1, 1), 5, True),
        (dt.date(2026, 3, 15), 0, True),
    ],
)
def test_past_retention_lists_closed_files_older_than_the_period(
    db: Database,
    add_client: Callable[..., model.Client],
    closed_on: dt.date,
    years: int,
    listed: bool,
) -> None:
    client = _closed(add_client, db, "KL1", closed_on)
    add_client(reference="KL2", guidance_start=dt.date(2010, 1, 1))  # active: never listed
    found = erasure.past_retention(db, years, TODAY)
    assert [item.id for item in found] == ([client.id] if listed else [])
    if listed:
        assert found[0].keep_until == closed_on.replace(year=closed_on.year + years)


def test_erase_many_erases_only_the_listed_files(
    db: Database, add_client: Callable[..., model.Client]
) -> None:
    old = _closed(add_client, db, "KL1", dt.date(2014, 6, 1))
    older = _closed(add_client, db, "KL2", dt.date(2012, 6, 1))
    recent = _closed(add_client, db, "KL3", dt.date(2020, 6, 1))
    found = erasure.past_retention(db, 10, TODAY)
    assert [item.reference for item in found] == ["KL2", "KL1"]
    seen: list[tuple[int, int]] = []
    erased = erasure.erase_many(
        db, [item.id for item in found], actor=ACTOR, progress=lambda d, t: seen.append((d, t))
    ).value
    assert erased == 2 and seen == [(1, 2), (2, 2)]
    assert clients.find(db, "KL3") is not None and recent.id
    for gone in (old, older):
        with pytest.raises(errors.NotFound):
            clients.get(db, gone.id)
    assert erasure.past_retention(db, 10, TODAY) == []


def test_negative_retention_is_refused(db: Database) -> None:
    with pytest.raises(errors.InvalidValue):
        erasure.past_retention(db, -1, TODAY)
