"""Transfer files between two databases: every row intact, unreadable without the passphrase,
a damaged file refused with one sentence and nothing changed; ``trede transfer`` on the line."""

from __future__ import annotations

import datetime as dt
import hashlib
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlite_utils import Database

from app import database, handover, main
from caseload import clients, demo, model, transfer_file
from resources import audit

PASSPHRASE = "kaas-en-brood-42"
ACTOR = "km.test"
TODAY = dt.date(2026, 3, 16)
#: Columns that hold an id of another per-client table: compared by what they point at.
POINTERS = {
    "client_id": "clients",
    "barrier_id": "barriers",
    "outflow_id": "outflows",
    "planned_in_contact_id": "contacts",
    "held_in_contact_id": "contacts",
}


def _filled(path: Path) -> Database:
    """A database with demo clients, and appointments, outflows and follow-ups for the first."""
    db = database.open_database(path)
    demo.fill(db, 12, seed=7, today=TODAY)
    first = db.execute("SELECT id FROM clients ORDER BY reference LIMIT 1").fetchone()[0]
    contacts = [
        row[0] for row in db.execute("SELECT id FROM contacts WHERE client_id = ?", [first])
    ]
    with db.atomic():
        db["appointments"].insert(  # type: ignore[union-attr]
            {
                "client_id": first,
                "planned_on": "2026-03-20",
                "planned_time": "10:30",
                "kind": "gesprek_kantoor",
                "note": "Met tolk",
                "status": "gepland",
                "planned_in_contact_id": contacts[0],
                "held_in_contact_id": contacts[-1],
            }
        )
        outflow = (
            db["outflows"]
            .insert(  # type: ignore[union-attr]
                {
                    "client_id": first,
                    "closed_on": "2026-01-05",
                    "start_on": "2026-01-12",
                    "employer_sector": "zorg",
                    "hours_per_week": 24.5,
                    "contract_type": "tijdelijk",
                }
            )
            .last_pk
        )
        db["followups"].insert(  # type: ignore[union-attr]
            {
                "client_id": first,
                "outflow_id": outflow,
                "due_on": "2026-07-05",
                "still_working": None,
                "note": None,
            }
        )
    return db


def _file(db: Database, reference: str) -> dict[str, list[dict[str, Any]]]:
    """Every row of one client per table, ids replaced by what they point at (the klantnummer,
    or the place of the row it points to), so two databases can be compared field by field."""
    client_id = db.execute("SELECT id FROM clients WHERE reference = ?", [reference]).fetchone()[0]
    places: dict[str, dict[int, object]] = {"clients": {client_id: reference}}
    result: dict[str, list[dict[str, Any]]] = {}
    for table in transfer_file.TABLES:
        key = "id" if table == "clients" else "client_id"
        rows = [
            dict(row)
            for row in db.query(f"SELECT * FROM {table} WHERE {key} = ? ORDER BY id", [client_id])
        ]
        if table != "clients":
            places[table] = {row["id"]: place for place, row in enumerate(rows)}
        for row in rows:
            row.pop("id")
            for column, target in POINTERS.items():
                if row.get(column) is not None:
                    row[column] = places[target][row[column]]
        result[table] = rows
    return result


def _rows(db: Database) -> dict[str, list[tuple[Any, ...]]]:
    tables = [*transfer_file.TABLES, audit.TABLE]
    return {table: db.execute(f"SELECT * FROM {table} ORDER BY id").fetchall() for table in tables}


@pytest.fixture
def sender(tmp_path: Path) -> Iterator[Database]:
    db = _filled(tmp_path / "a.db")
    yield db
    db.close()


def _references(db: Database, n: int) -> list[str]:
    return [
        row[0]
        for row in db.execute("SELECT reference FROM clients ORDER BY reference LIMIT ?", [n])
    ]


def _ids(db: Database, references: list[str]) -> list[int]:
    return [clients.find(db, reference).id for reference in references]  # type: ignore[union-attr]


def test_a_transfer_file_carries_every_row_of_the_chosen_clients(
    sender: Database, tmp_path: Path
) -> None:
    chosen = _references(sender, 3)
    before = {reference: _file(sender, reference) for reference in chosen}
    assert before[chosen[0]]["appointments"] and before[chosen[0]]["followups"]
    assert all(before[reference]["contacts"] for reference in chosen)
    target = tmp_path / "overdracht.trede"
    exported = handover.export_file(
        sender, _ids(sender, chosen), target, PASSPHRASE, actor=ACTOR, to="Piet", today=TODAY
    )
    assert sorted(exported.references) == chosen

    receiver = database.open_database(tmp_path / "b.db")
    try:
        # The colleague has clients of their own: the new ones get other ids.
        for number in range(1, 30):
            clients.add(
                receiver,
                model.ClientDetails(reference=f"EIGEN{number}", surname="Bos"),
                actor=ACTOR,
                today=TODAY,
            )
        imported = handover.import_file(receiver, target, PASSPHRASE, actor="km.ontvanger").value
        assert sorted(imported.client_ids) == chosen
        for reference in chosen:
            after = _file(receiver, reference)
            for table in transfer_file.TABLES:
                assert after[table] == before[reference][table], (reference, table)
        # Audited on the receiving side, one line per client, ids only.
        lines = receiver.execute(
            f"SELECT object FROM {audit.TABLE} WHERE action = 'client.transfer_import'"
        ).fetchall()
        assert sorted(obj for (obj,) in lines) == sorted(
            f"client:{i}" for i in imported.client_ids.values()
        )
        # The search finds the new clients.
        name = receiver.execute(
            "SELECT surname FROM clients WHERE reference = ?", [chosen[0]]
        ).fetchone()[0]
        assert (
            receiver.execute(
                "SELECT count(*) FROM clients_fts WHERE clients_fts MATCH ?", [f'"{name}"']
            ).fetchone()[0]
            >= 1
        )
        assert database.check(receiver).ok
    finally:
        receiver.close()

    # The sender's copies are marked, audited, and still there until erased.
    for client_id in _ids(sender, chosen):
        client_row = sender.execute(
            "SELECT transferred_on, transferred_to FROM clients WHERE id = ?", [client_id]
        ).fetchone()
        assert client_row == ("2026-03-16", "Piet")
    marked = sender.execute(
        f"SELECT count(*) FROM {audit.TABLE} WHERE action = 'client.transfer_export'"
    ).fetchone()[0]
    assert marked == 3
    others = sender.execute(
        "SELECT count(*) FROM clients WHERE transferred_on IS NOT NULL"
    ).fetchone()[0]
    assert others == 3


def test_the_file_cannot_be_read_without_its_passphrase(sender: Database, tmp_path: Path) -> None:
    chosen = _references(sender, 2)
    client = clients.find(sender, chosen[0])
    assert client is not None
    target = tmp_path / "overdracht.trede"
    handover.export_file(sender, _ids(sender, chosen), target, PASSPHRASE, actor=ACTOR, today=TODAY)
    raw = target.read_bytes()
    for word in (client.surname, client.reference, "transfer_info", "SQLite format 3"):
        assert word.encode("utf-8") not in raw
    receiver_path = tmp_path / "b.db"
    receiver = database.open_database(receiver_path)
    try:
        before = _rows(receiver)
        with pytest.raises(handover.TransferProblem, match="wachtwoord klopt niet"):
            handover.import_file(receiver, target, "kaas-en-brood-43", actor=ACTOR)
        assert _rows(receiver) == before
    finally:
        receiver.close()


def _damaged_versions(good: bytes, folder: Path) -> dict[str, Path]:
    page = 4096
    versions = {
        "empty": b"",
        "cut in a page": good[: len(good) // 2 + 100],
        "cut at a page": good[: (len(good) // page - 1) * page],
        "one bit flipped": good[: page * 2 + 50]
        + bytes([good[page * 2 + 50] ^ 1])
        + good[page * 2 + 51 :],
        "text": b"Dit is geen overdrachtsbestand.\n" * 200,
    }
    paths = {}
    for name, content in versions.items():
        path = folder / (name.replace(" ", "-") + ".trede")
        path.write_bytes(content)
        paths[name] = path
    return paths


def test_a_damaged_or_foreign_file_is_refused_and_changes_nothing(
    sender: Database, tmp_path: Path
) -> None:
    target = tmp_path / "overdracht.trede"
    handover.export_file(
        sender, _ids(sender, _references(sender, 4)), target, PASSPHRASE, actor=ACTOR, today=TODAY
    )
    receiver_path = tmp_path / "b.db"
    receiver = database.open_database(receiver_path)
    try:
        receiver.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        before_rows = _rows(receiver)
        before_bytes = hashlib.sha256(receiver_path.read_bytes()).hexdigest()
        candidates = _damaged_versions(target.read_bytes(), tmp_path)
        candidates["a plain database"] = tmp_path / "a.db"
        for name, path in candidates.items():
            with pytest.raises(handover.TransferProblem) as refused:
                handover.import_file(receiver, path, PASSPHRASE, actor=ACTOR)
            message = refused.value.message
            assert "\n" not in message and message.endswith("Er is niets veranderd."), name
        receiver.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        assert _rows(receiver) == before_rows
        assert hashlib.sha256(receiver_path.read_bytes()).hexdigest() == before_bytes
    finally:
        receiver.close()


def test_a_klantnummer_the_receiver_has_refuses_the_whole_file(
    sender: Database, tmp_path: Path
) -> None:
    chosen = _references(sender, 2)
    target = tmp_path / "overdracht.trede"
    handover.export_file(sender, _ids(sender, chosen), target, PASSPHRASE, actor=ACTOR, today=TODAY)
    receiver = database.open_database(tmp_path / "b.db")
    try:
        handover.import_file(receiver, target, PASSPHRASE, actor=ACTOR)
        before = _rows(receiver)
        with pytest.raises(transfer_file.TransferRefused, match=chosen[0]):
            handover.import_file(receiver, target, PASSPHRASE, actor=ACTOR)
        assert _rows(receiver) == before
    finally:
        receiver.close()


def test_a_short_passphrase_is_refused_before_anything_is_written(
    sender: Database, tmp_path: Path
) -> None:
    target = tmp_path / "overdracht.trede"
    with pytest.raises(handover.TransferProblem, match="minstens 10 tekens"):
        handover.export_file(
            sender, _ids(sender, _references(sender, 1)), target, "kort", actor=ACTOR
        )
    assert not target.exists()
    assert (
        sender.execute("SELECT count(*) FROM clients WHERE transferred_on IS NOT NULL").fetchone()[
            0
        ]
        == 0
    )


# -- the command line ---------------------------------------------------------------------------


def _run(capsys: pytest.CaptureFixture[str], *arguments: str) -> tuple[int, str, str]:
    try:
        code = main.main(list(arguments))
    except SystemExit as exit_:
        code = int(exit_.code or 0)
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_transfer_export_and_import_on_the_command_line(
    sender: Database,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    chosen = _references(sender, 2)
    before = {reference: _file(sender, reference) for reference in chosen}
    sender.close()
    monkeypatch.setenv(handover.PASSPHRASE_ENV, PASSPHRASE)
    a, b, out = tmp_path / "a.db", tmp_path / "b.db", tmp_path / "F.trede"
    code, printed, err = _run(
        capsys,
        "transfer",
        "export",
        "--db",
        str(a),
        "--clients",
        ",".join(chosen),
        "--out",
        str(out),
    )
    assert (code, err) == (0, "")
    assert "2 klantdossiers" in printed
    code, printed, err = _run(capsys, "transfer", "import", "--db", str(b), str(out))
    assert (code, err) == (0, "")
    received = database.open_database(b)
    try:
        for reference in chosen:
            assert _file(received, reference) == before[reference]
    finally:
        received.close()

    monkeypatch.setenv(handover.PASSPHRASE_ENV, "verkeerd-wachtwoord")
    code, printed, err = _run(
        capsys, "transfer", "import", "--db", str(tmp_path / "c.db"), str(out)
    )
    assert code == 1 and printed == ""
    assert err.strip().count("\n") == 0 and "Traceback" not in err
    assert not (tmp_path / "c.db").exists()


@pytest.mark.parametrize(
    ("arguments", "expected"),
    [
        (
            ["transfer", "export", "--clients", "GEEN", "--out", "{tmp}/x.trede"],
            "geen klant met klantnummer GEEN",
        ),
        (["transfer", "export", "--clients", "{ref}", "--out", "{db}"], "de database zelf"),
        (["transfer", "import", "{tmp}/nergens.trede"], "bestaat niet"),
    ],
)
def test_bad_input_gets_one_sentence(
    sender: Database,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    arguments: list[str],
    expected: str,
) -> None:
    reference = _references(sender, 1)[0]
    sender.close()
    monkeypatch.setenv(handover.PASSPHRASE_ENV, PASSPHRASE)
    db = tmp_path / "a.db"
    filled = [part.format(tmp=tmp_path, ref=reference, db=db) for part in arguments]
    code, printed, err = _run(capsys, *filled, "--db", str(db))
    assert code == 1, err
    assert expected in err and err.strip().count("\n") == 0


def test_the_passphrase_is_asked_twice_on_a_terminal_and_never_echoed(tmp_path: Path) -> None:
    """Without the variable and without a terminal the command refuses (exit 1, one sentence)."""
    db = _filled(tmp_path / "a.db")
    reference = _references(db, 1)[0]
    db.close()
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "app",
            "transfer",
            "export",
            "--db",
            str(tmp_path / "a.db"),
            "--clients",
            reference,
            "--out",
            str(tmp_path / "F.trede"),
        ],
        capture_output=True,
        text=True,
        stdin=subprocess.DEVNULL,
        env={**__import__("os").environ, handover.PASSPHRASE_ENV: ""},
        check=False,
    )
    assert result.returncode == 1
    assert "TREDE_TRANSFER_PASSPHRASE" in result.stderr and "Traceback" not in result.stderr
    assert not (tmp_path / "F.trede").exists()
