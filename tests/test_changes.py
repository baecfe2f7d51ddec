"""Every domain write says what it changed: walked in the source, then checked by calling it."""

from __future__ import annotations

import ast
import datetime as dt
import importlib
import inspect
import typing
from pathlib import Path

import pytest
from sqlite_utils import Database

from caseload import clients, demo, erasure, journal, model
from caseload.reads import Reads
from quickscan import loader, store
from resources import changes
from resources.changes import Changed, Changes, Kind

ROOT = Path(__file__).resolve().parent.parent
DOMAINS = ("caseload", "quickscan")
TODAY = dt.date(2026, 3, 16)
ACTOR = "test"

#: Writes that add only their audit line (a file made, a file looked at): no data changes.
AUDIT_ONLY = {
    "caseload.access.export_client",
    "caseload.bundle.make",
    "caseload.clients.record_view",
    "caseload.csv_export.export_clients",
    "caseload.csv_rejected.write",
}
#: Writes made while a file opens, before any view exists: there is no one to tell.
WHILE_OPENING = {"caseload.schema.finish_migrations"}


def _functions(package: str) -> dict[str, tuple[str, str]]:
    """Every top-level function of a domain package: qualified name -> (module, source)."""
    found = {}
    for path in sorted((ROOT / package).glob("*.py")):
        module = f"{package}.{path.stem}"
        source = path.read_text(encoding="utf-8")
        for node in ast.parse(source).body:
            if isinstance(node, ast.FunctionDef):
                found[f"{module}.{node.name}"] = (
                    module,
                    ast.get_source_segment(source, node) or "",
                )
    return found


def writes(package: str) -> set[str]:
    """The functions that open a transaction, or call one that does (in the same package)."""
    functions = _functions(package)
    found = {name for name, (_module, source) in functions.items() if ".atomic()" in source}
    while True:
        more = set()
        for name, (module, source) in functions.items():
            body = source.split("\n", 1)[-1]  # not the def line itself
            for write in found - {name}:
                write_module, function = write.rsplit(".", 1)
                short = write_module.rsplit(".", 1)[-1]
                called = f"{short}.{function}(" in body or (
                    write_module == module and f"{function}(" in body
                )
                if called:
                    more.add(name)
        if more <= found:
            return found
        found |= more


def _returns_changes(qualified: str) -> bool:
    module_name, function = qualified.rsplit(".", 1)
    # The domain names its database types for the type checker only (its modules load before
    # sqlite-utils does, see app.first_open): they are given here.
    hints = typing.get_type_hints(
        getattr(importlib.import_module(module_name), function),
        localns={"Database": Database, "Reads": Reads},
    )
    answer = hints.get("return")
    return answer is Changes or typing.get_origin(answer) is Changed


@pytest.mark.parametrize("package", DOMAINS)
def test_every_public_domain_write_returns_its_changes(package: str) -> None:
    public = {name for name in writes(package) if not name.rsplit(".", 1)[1].startswith("_")}
    assert len(public) >= 10 if package == "caseload" else len(public) >= 5
    silent = sorted(
        name for name in public - AUDIT_ONLY - WHILE_OPENING if not _returns_changes(name)
    )
    assert silent == []


def test_the_walk_finds_writes_through_another_write() -> None:
    # erase() opens no transaction itself; it deletes through clients.delete.
    assert "caseload.erasure.erase" in writes("caseload")
    assert "caseload.clients.get" not in writes("caseload")


def test_audit_only_writes_are_still_writes() -> None:
    assert writes("caseload") >= AUDIT_ONLY, "the list names functions that exist and write"


# -- what the changes say, per write --------------------------------------------------------


def _client(db: Database, reference: str = "K-1") -> model.Client:
    details = model.ClientDetails(reference=reference, first_name="Zoë", surname="Jansen")
    return clients.add(db, details, actor=ACTOR, today=TODAY).value


def _contact(db: Database, client_id: int) -> Changed[model.Contact]:
    return journal.add_contact(db, client_id, kind="kantoor", actor=ACTOR, today=TODAY)


def test_client_writes_name_the_client(db: Database) -> None:
    added = clients.add(db, model.ClientDetails(reference="K-9"), actor=ACTOR, today=TODAY)
    ident = added.value.id
    assert added.changes == changes.clients([ident])
    closed = clients.close(db, ident, on=TODAY, reason="verhuisd", actor=ACTOR, today=TODAY)
    assert closed.changes.clients == {ident} and closed.changes.touches(Kind.CLIENT)
    assert clients.reopen(db, ident, actor=ACTOR).changes.clients == {ident}
    assert clients.delete(db, ident, actor=ACTOR).ids(Kind.CLIENT) == {ident}


@pytest.mark.parametrize(
    ("write", "kind"),
    [
        (_contact, Kind.CONTACT),
        (lambda db, c: journal.record_step(db, c, trede=3, actor=ACTOR, today=TODAY), Kind.LADDER),
        (
            lambda db, c: journal.add_barrier(
                db, c, kind="taal", severity=2, actor=ACTOR, today=TODAY
            ),
            Kind.BARRIER,
        ),
        (
            lambda db, c: journal.add_action(db, c, intervention="taalcursus", actor=ACTOR),
            Kind.ACTION,
        ),
    ],
)
def test_journal_writes_name_the_row_and_its_client(db: Database, write, kind: Kind) -> None:
    client = _client(db)
    answer = write(db, client.id)
    assert answer.changes.ids(kind) == {answer.value.id}
    assert answer.changes.clients == {client.id}, "the caseload row shows the new summary"
    assert answer.changes.touches(Kind.CLIENT)
    assert not answer.changes.touches(Kind.QUICKSCAN)


def test_deleting_a_contact_names_it(db: Database) -> None:
    client = _client(db)
    contact = _contact(db, client.id).value
    removed = journal.delete_contact(db, contact.id, actor=ACTOR)
    assert removed.ids(Kind.CONTACT) == {contact.id} and removed.clients == {client.id}


def test_erasing_names_every_client(db: Database) -> None:
    ids = [_client(db, f"K-{n}").id for n in range(3)]
    assert erasure.erase(db, ids[0], actor=ACTOR).clients == {ids[0]}
    assert erasure.erase_many(db, ids[1:], actor=ACTOR).changes.clients == set(ids[1:])


def test_demo_data_changes_every_caseload_kind_without_listing_rows(db: Database) -> None:
    made = demo.fill(db, 3, today=TODAY)
    assert made.changes.touches(Kind.CLIENT, Kind.CONTACT)
    assert made.changes.clients == frozenset(), "too many to list: the views reload"


def test_quickscan_writes_name_the_scan(db: Database) -> None:
    questionnaire = loader.load_bundled()
    started = store.start_response(db, questionnaire, "manager", None, None, ACTOR)
    ident = started.value.id
    assert started.changes == changes.of(Kind.QUICKSCAN, ident)
    first = questionnaire.questions_for("manager")[0].id
    answered = store.save_answer(db, ident, first, 2, actor=ACTOR)
    assert answered.changes.ids(Kind.QUICKSCAN) == {ident}
    assert store.delete_response(db, ident, actor=ACTOR).ids(Kind.QUICKSCAN) == {ident}
    assert not answered.changes.touches(Kind.CLIENT)


def test_a_replaced_database_touches_every_kind() -> None:
    assert all(changes.DATABASE.touches(kind) for kind in Kind)
    assert not changes.SETTINGS.touches(Kind.CLIENT)
    assert not changes.NOTHING


def test_signatures_are_readable_by_inspect() -> None:
    # The walk resolves annotations at run time; a string that names nothing would hide a write.
    assert inspect.signature(journal.add_contact).return_annotation
