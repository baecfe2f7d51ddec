"""A stream of real store writes for the crash test, each announced and acknowledged on stdout.

Run ``python tests/app/crash_writer.py`` (with TREDE_PASSPHRASE set for an encrypted file). It is a
small fork server: the imports are paid once, then every ``run ROUND SEED PATH`` line on stdin
forks one writer on that file, prints ``pid N``, and after the writer is gone ``exit STATUS``. The test kills
the writer with SIGKILL; starting a fresh interpreter for each of hundreds of kills would cost
more than all the writing. The parent never opens the database, so no connection crosses a fork.

The writer opens the database the way the app does, prints ``opened``, then writes for ever. Before
each store call it prints ``will {json}`` and after the call returned ``done {json}``: the table,
the row's key and the values written, with a token unique to this write in a text field. A write
that is ``done`` was acknowledged and must survive the kill; the one ``will`` without a ``done``
may or may not be there, but not in part.
"""

from __future__ import annotations

import dataclasses
import json
import os
import random
import sys
import traceback
from collections.abc import Callable
from pathlib import Path
from typing import Any

from sqlite_utils import Database

from app import database
from caseload import client_file, clients, journal, model, vocab
from quickscan import loader
from quickscan import store as quickscan_store

ACTOR = "crash-test"


def say(line: str) -> None:
    """One line on stdout in one system call: it is in the pipe, whole, when this returns."""
    os.write(1, (line + "\n").encode("utf-8"))


class Writer:
    """Real store writes on an open database, chosen at random, each announced and acknowledged."""

    def __init__(self, db: Database, rng: random.Random, round_number: int) -> None:
        self.db = db
        self.rng = rng
        self.round = round_number
        self.count = 0
        self.client_ids = [row[0] for row in db.execute("SELECT id FROM clients")]
        self.questionnaire = loader.load_bundled()
        #: Each kind of write, with how often it comes up.
        self.kinds: dict[Callable[[str], None], int] = {
            self.client_add: 3,
            self.client_update: 3,
            self.step: 3,
            self.contact: 3,
            self.barrier_add: 2,
            self.barrier_update: 1,
            self.action_add: 2,
            self.action_update: 1,
            self.scan_start: 1,
            self.scan_answer: 2,
        }

    def token(self) -> str:
        """A value no other write of any round stores."""
        self.count += 1
        return f"r{self.round}w{self.count}"

    def write(
        self, action: str, table: str, key: Any, values: dict[str, Any], call: Callable[[], Any]
    ) -> Any:
        """Announce a write, make it through ``call``, acknowledge it with the key it got."""
        say("will " + json.dumps({"action": action, "table": table, "key": key, "values": values}))
        key_after = call()
        say(
            "done "
            + json.dumps({"action": action, "table": table, "key": key_after, "values": values})
        )
        return key_after

    def one(self) -> None:
        """Make one write of a random kind (a new client while there is none)."""
        kind = self.rng.choices(list(self.kinds), weights=list(self.kinds.values()))[0]
        if not self.client_ids:
            kind = self.client_add
        kind(self.token())

    def some_client(self) -> int:
        """The id of a client in the file, made in any round."""
        return self.rng.choice(self.client_ids)

    def client_add(self, token: str) -> None:
        """A new client: the token is the klantnummer and the surname."""
        details = model.ClientDetails(
            reference=token,
            first_name="Zoë",
            surname=token,
            team="Team Noord",
            klantmanager="Anouk",
        )
        values = {"reference": token, "surname": token}
        client_id = self.write(
            "client.add",
            "clients",
            None,
            values,
            lambda: clients.add(self.db, details, actor=ACTOR).value.id,
        )
        self.client_ids.append(client_id)

    def client_update(self, token: str) -> None:
        """A client's details saved again, with the token as the new surname."""
        client = clients.get(self.db, self.some_client())
        fields = {f.name: getattr(client, f.name) for f in dataclasses.fields(model.ClientDetails)}
        details = dataclasses.replace(model.ClientDetails(**fields), surname=token)
        self.write(
            "client.update",
            "clients",
            client.id,
            {"surname": token},
            lambda: clients.update(self.db, client.id, details, actor=ACTOR).value.id,
        )

    def step(self, token: str) -> None:
        """A trede measured, with the token as its note."""
        client_id, trede = self.some_client(), self.rng.randint(1, 6)
        self.write(
            "ladder.record",
            "ladder_steps",
            None,
            {"note": token, "trede": trede},
            lambda: (
                journal.record_step(
                    self.db, client_id, trede=trede, note=token, actor=ACTOR
                ).value.id
            ),
        )

    def contact(self, token: str) -> None:
        """A contact moment, with the token as its summary."""
        client_id, kind = self.some_client(), self.rng.choice(vocab.CONTACT_KINDS.codes())
        minutes = self.rng.randint(5, 90)
        self.write(
            "contact.add",
            "contacts",
            None,
            {"summary": token, "minutes": minutes},
            lambda: (
                journal.add_contact(
                    self.db, client_id, kind=kind, minutes=minutes, summary=token, actor=ACTOR
                ).value.id
            ),
        )

    def barrier_add(self, token: str) -> None:
        """A barrier, with the token as its note."""
        client_id, kind = self.some_client(), self.rng.choice(vocab.BARRIER_KINDS.codes())
        severity = self.rng.randint(vocab.SEVERITY_MIN, vocab.SEVERITY_MAX)
        self.write(
            "barrier.add",
            "barriers",
            None,
            {"note": token, "severity": severity},
            lambda: (
                journal.add_barrier(
                    self.db, client_id, kind=kind, severity=severity, note=token, actor=ACTOR
                ).value.id
            ),
        )

    def barrier_update(self, token: str) -> None:
        """A client's barrier with a new severity, status and note (a new one if there is none)."""
        barriers = client_file.load(self.db, self.some_client()).barriers
        if not barriers:
            self.barrier_add(token)
            return
        severity = self.rng.randint(vocab.SEVERITY_MIN, vocab.SEVERITY_MAX)
        status = self.rng.choice(vocab.BARRIER_STATUSES.codes())
        changed = dataclasses.replace(
            self.rng.choice(barriers), severity=severity, status=status, note=token
        )
        self.write(
            "barrier.update",
            "barriers",
            changed.id,
            {"note": token, "severity": severity},
            lambda: journal.update_barrier(self.db, changed, actor=ACTOR).value.id,
        )

    def action_add(self, token: str) -> None:
        """A step of the plan of action, with the token as its goal."""
        client_id = self.some_client()
        intervention = self.rng.choice(vocab.INTERVENTIONS.codes())
        self.write(
            "action.add",
            "actions",
            None,
            {"goal": token, "status": "gepland"},
            lambda: (
                journal.add_action(
                    self.db, client_id, intervention=intervention, goal=token, actor=ACTOR
                ).value.id
            ),
        )

    def action_update(self, token: str) -> None:
        """A client's action with a new status and goal (a new one if there is none)."""
        actions = client_file.load(self.db, self.some_client()).actions
        if not actions:
            self.action_add(token)
            return
        status = self.rng.choice(vocab.ACTION_STATUSES.codes())
        changed = dataclasses.replace(self.rng.choice(actions), status=status, goal=token)
        self.write(
            "action.update",
            "actions",
            changed.id,
            {"goal": token, "status": status},
            lambda: journal.update_action(self.db, changed, actor=ACTOR).value.id,
        )

    def scan_start(self, token: str) -> None:
        """A quickscan started, with the token as the respondent."""
        role = self.rng.choice(self.questionnaire.roles).id
        self.write(
            "quickscan.start",
            "quickscan_responses",
            None,
            {"respondent": token},
            lambda: (
                quickscan_store.start_response(
                    self.db, self.questionnaire, role, token, "Team Noord", ACTOR
                ).value.id
            ),
        )

    def scan_answer(self, token: str) -> None:
        """An answer in a draft scan, given or changed, with the token as its comment."""
        drafts = quickscan_store.drafts(self.db)
        if not drafts:
            self.scan_start(token)
            return
        draft = self.rng.choice(drafts)
        question = self.rng.choice(self.questionnaire.questions_for(draft.role)).id
        value = self.rng.choice([*self.questionnaire.scale_values_for(question), None])
        key = [draft.id, question]

        def answer() -> list[Any]:
            quickscan_store.save_answer(self.db, draft.id, question, value, token, actor=ACTOR)
            return key

        self.write(
            "quickscan.answer", "quickscan_answers", key, {"value": value, "comment": token}, answer
        )


def write_for_ever(path: Path, round_number: int, seed: int) -> None:
    """Open the database as the app does and write until killed."""
    db = database.open_database(path, os.environ.get(database.PASSPHRASE_ENV) or None)
    writer = Writer(db, random.Random(seed), round_number)
    say("opened")
    while True:
        writer.one()


def serve() -> None:
    """Fork one writer per ``run ROUND SEED PATH`` line; say its pid and, once gone, its status."""
    for line in sys.stdin:
        _word, round_number, seed, path = line.rstrip("\n").split(" ", 3)
        go_read, go_write = os.pipe()
        pid = os.fork()
        if pid == 0:
            os.close(go_write)
            os.read(go_read, 1)  # only after the parent said "pid": the test reads that first
            try:
                write_for_ever(Path(path), int(round_number), int(seed))
            except BaseException:
                traceback.print_exc()
            finally:
                os._exit(1)
        os.close(go_read)
        say(f"pid {pid}")
        os.write(go_write, b"g")
        os.close(go_write)
        _pid, status = os.waitpid(pid, 0)
        say(f"exit {status}")


if __name__ == "__main__":
    serve()
