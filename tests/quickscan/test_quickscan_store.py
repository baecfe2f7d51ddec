"""The quickscan store: answers saved at once, drafts that survive, typed errors, the audit log."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from sqlite_utils import Database

from app import database
from quickscan import loader, store
from quickscan import questionnaire as model
from quickscan.errors import (
    IncompleteResponse,
    InvalidAnswer,
    QuestionnaireMismatch,
    ResponseClosed,
    UnknownLanguage,
    UnknownQuestion,
    UnknownResponse,
    UnknownRole,
)
from resources import audit
from resources.errors import UserError

KM = "klantmanager"
ACTOR = "Zoë de Vries"
ROOT = Path(__file__).resolve().parents[2]


def _fill(db: Database, q: model.Questionnaire, response_id: int, value: int | None = 3) -> None:
    for question in q.questions_for(store.get_response(db, response_id).role):
        # Each question has its own scale; the yes/no ones end at 2.
        on_scale = None if value is None else min(value, q.scale_values_for(question.id)[-1])
        store.save_answer(db, response_id, question.id, on_scale, actor=ACTOR)


def test_a_new_scan_is_a_draft(db: Database, bundled: model.Questionnaire) -> None:
    response = store.start_response(db, bundled, KM, "Zoë", "Team Noord", ACTOR).value
    assert response.status == store.DRAFT and not response.is_complete
    assert (response.role, response.respondent, response.team) == (KM, "Zoë", "Team Noord")
    assert (response.questionnaire_id, response.questionnaire_version) == (
        bundled.id,
        bundled.version,
    )
    assert store.drafts(db) == [response]


def test_an_anonymous_scan_has_no_respondent(db: Database, bundled: model.Questionnaire) -> None:
    response = store.start_response(db, bundled, "manager", "  ", None, ACTOR, language="en").value
    assert (response.respondent, response.team, response.language) == (None, None, "en")


def test_answers_are_kept_and_can_be_changed(db: Database, bundled: model.Questionnaire) -> None:
    response = store.start_response(db, bundled, KM, None, "Noord", ACTOR).value
    store.save_answer(db, response.id, "visie-01", 2, "Nog geen visie op papier.", actor=ACTOR)
    store.save_answer(db, response.id, "visie-02", None, actor=ACTOR)
    store.save_answer(db, response.id, "visie-01", 4, "  ", actor=ACTOR)
    given = store.answers(db, response.id)
    assert {qid: (a.value, a.comment) for qid, a in given.items()} == {
        "visie-01": (4, None),
        "visie-02": (None, None),
    }


def test_weet_niet_is_stored_as_null(db: Database, bundled: model.Questionnaire) -> None:
    response = store.start_response(db, bundled, KM, None, None, ACTOR).value
    store.save_answer(db, response.id, "visie-02", None, actor=ACTOR)
    rows = list(db.query("select value from quickscan_answers where question_id = 'visie-02'"))
    assert rows == [{"value": None}]


def test_a_draft_is_visible_through_a_new_connection(tmp_path: Path) -> None:
    path = tmp_path / "trede.db"
    questionnaire = loader.load_bundled()
    first = database.open_database(path)
    response = store.start_response(first, questionnaire, KM, "Zoë", "Noord", ACTOR).value
    store.save_answer(first, response.id, "visie-01", 3, "Goed begin.", actor=ACTOR)
    store.save_answer(first, response.id, "bereik-01", None, actor=ACTOR)
    # The first connection stays open, as in a window that is still running.
    second = database.open_database(path)
    try:
        assert [d.id for d in store.drafts(second)] == [response.id]
        given = store.answers(second, response.id)
        assert (given["visie-01"].value, given["visie-01"].comment) == (3, "Goed begin.")
        assert given["bereik-01"].value is None
    finally:
        second.close()
        first.close()


KILLED_MID_SCAN = """
import os, signal, sys
from pathlib import Path
from app import database
from quickscan import loader, store
db = database.open_database(Path(sys.argv[1]))
q = loader.load_bundled()
response = store.start_response(db, q, "klantmanager", None, "Noord", "test").value
for question in q.questions_for("klantmanager")[:5]:
    store.save_answer(db, response.id, question.id, 2, actor="test")
os.kill(os.getpid(), signal.SIGKILL)
"""


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")
def test_a_killed_process_loses_no_answer(tmp_path: Path) -> None:
    path = tmp_path / "trede.db"
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    process = subprocess.run(
        [sys.executable, "-c", KILLED_MID_SCAN, str(path)], env=env, cwd=ROOT, timeout=60
    )
    assert process.returncode != 0
    db = database.open_database(path)
    try:
        (draft,) = store.drafts(db)
        assert len(store.answers(db, draft.id)) == 5
        assert len(store.unanswered(db, draft.id)) == 40 - 5
    finally:
        db.close()


@pytest.mark.parametrize(
    ("question", "value", "error", "words"),
    [
        ("visie-99", 3, UnknownQuestion, "visie-99 bestaat niet"),
        ("visie-04", 2, UnknownQuestion, "hoort niet bij de rol klantmanager"),
        ("visie-01", 5, InvalidAnswer, "5 op vraag visie-01 staat niet op de schaal"),
        ("visie-01", 0, InvalidAnswer, "staat niet op de schaal"),
        ("visie-01", True, InvalidAnswer, "staat niet op de schaal"),
        ("visie-01", "3", InvalidAnswer, "staat niet op de schaal"),
        ("visie-01", 2.5, InvalidAnswer, "staat niet op de schaal"),
    ],
)
def test_a_wrong_answer_is_refused_and_nothing_is_stored(
    db: Database,
    bundled: model.Questionnaire,
    question: str,
    value: object,
    error: type[UserError],
    words: str,
) -> None:
    response = store.start_response(db, bundled, KM, None, None, ACTOR).value
    with pytest.raises(error, match=words):
        store.save_answer(db, response.id, question, value, actor=ACTOR)  # type: ignore[arg-type]
    assert store.answers(db, response.id) == {}


def test_a_comment_must_not_be_endless(db: Database, bundled: model.Questionnaire) -> None:
    response = store.start_response(db, bundled, KM, None, None, ACTOR).value
    with pytest.raises(InvalidAnswer, match="te lang"):
        store.save_answer(db, response.id, "visie-01", 3, "x" * 2001, actor=ACTOR)


def test_unknown_role_language_and_scan_are_refused(
    db: Database, bundled: model.Questionnaire
) -> None:
    with pytest.raises(UnknownRole, match="wethouder bestaat niet. Kies uit: klantmanager"):
        store.start_response(db, bundled, "wethouder", None, None, ACTOR)
    with pytest.raises(UnknownLanguage, match="taal de"):
        store.start_response(db, bundled, KM, None, None, ACTOR, language="de")
    with pytest.raises(UnknownResponse, match="geen scan met nummer 42"):
        store.save_answer(db, 42, "visie-01", 3, actor=ACTOR)
    assert store.list_responses(db) == []


def test_completing_needs_every_answer(db: Database, bundled: model.Questionnaire) -> None:
    response = store.start_response(db, bundled, KM, None, None, ACTOR).value
    store.save_answer(db, response.id, "visie-01", 3, actor=ACTOR)
    with pytest.raises(IncompleteResponse, match="Nog 39 vragen hebben geen antwoord"):
        store.complete_response(db, response.id, actor=ACTOR)
    _fill(db, bundled, response.id, value=None)
    done = store.complete_response(db, response.id, actor=ACTOR).value
    assert done.is_complete and done.completed_at is not None
    assert store.drafts(db) == []


def test_a_complete_scan_cannot_change(db: Database, bundled: model.Questionnaire) -> None:
    response = store.start_response(db, bundled, "manager", None, None, ACTOR).value
    _fill(db, bundled, response.id)
    store.complete_response(db, response.id, actor=ACTOR)
    with pytest.raises(ResponseClosed):
        store.save_answer(db, response.id, "visie-01", 1, actor=ACTOR)
    with pytest.raises(ResponseClosed):
        store.complete_response(db, response.id, actor=ACTOR)
    assert store.answers(db, response.id)["visie-01"].value == 3


def test_lists_filter_by_team_and_status(db: Database, bundled: model.Questionnaire) -> None:
    north = store.start_response(db, bundled, KM, None, "Noord", ACTOR).value
    south = store.start_response(db, bundled, KM, None, "Zuid", ACTOR).value
    _fill(db, bundled, south.id)
    store.complete_response(db, south.id, actor=ACTOR)
    assert [r.id for r in store.list_responses(db)] == [south.id, north.id]
    assert [r.id for r in store.list_responses(db, team="Noord")] == [north.id]
    assert [r.id for r in store.list_responses(db, status=store.COMPLETE)] == [south.id]
    assert store.drafts(db, team="Zuid") == []


def test_latest_complete_scan_per_role(db: Database, bundled: model.Questionnaire) -> None:
    ids = {}
    for name, role, team in [
        ("old", KM, "Noord"),
        ("new", KM, "Noord"),
        ("manager", "manager", "Noord"),
        ("other team", "manager", "Zuid"),
        ("draft", "beleidsmedewerker", "Noord"),
    ]:
        response = store.start_response(db, bundled, role, None, team, ACTOR).value
        _fill(db, bundled, response.id)
        if name != "draft":
            store.complete_response(db, response.id, actor=ACTOR)
        ids[name] = response.id
    latest = store.latest_complete_per_role(db, "Noord")
    assert {role: r.id for role, r in latest.items()} == {KM: ids["new"], "manager": ids["manager"]}
    assert store.latest_complete_per_role(db, None) == {}


def test_delete_removes_the_scan_and_its_answers(
    db: Database, bundled: model.Questionnaire
) -> None:
    response = store.start_response(db, bundled, KM, None, None, ACTOR).value
    store.save_answer(db, response.id, "visie-01", 3, actor=ACTOR)
    store.delete_response(db, response.id, actor=ACTOR)
    assert store.list_responses(db) == []
    assert db["quickscan_answers"].count == 0
    with pytest.raises(UnknownResponse):
        store.get_response(db, response.id)


def test_the_audit_log_records_every_write_without_content(
    db: Database, bundled: model.Questionnaire
) -> None:
    response = store.start_response(db, bundled, KM, "Anouk Bakker", "Team Oost", ACTOR).value
    store.save_answer(db, response.id, "visie-01", 4, "Geheime opmerking", actor=ACTOR)
    _fill(db, bundled, response.id)
    store.complete_response(db, response.id, actor=ACTOR)
    store.delete_response(db, response.id, actor=ACTOR)
    entries = list(reversed(audit.entries(db, limit=1000)))
    actions = [e.action for e in entries]
    assert actions[:3] == ["quickscan.questionnaire", "quickscan.start", "quickscan.answer"]
    assert actions[-2:] == ["quickscan.complete", "quickscan.delete"]
    assert actions.count("quickscan.answer") == 1 + 40
    obj = f"quickscan_response:{response.id}"
    assert all(e.object == obj for e in entries[1:])
    assert {e.actor for e in entries} == {ACTOR}
    logged = json.dumps([e.__dict__ for e in entries], ensure_ascii=False)
    for content in ("Geheime", "visie-01", "Anouk", "Team Oost"):
        assert content not in logged
    assert audit.broken_entries(db) == []


def test_a_failed_write_leaves_no_audit_entry(db: Database, bundled: model.Questionnaire) -> None:
    response = store.start_response(db, bundled, KM, None, None, ACTOR).value
    before = len(audit.entries(db))
    with pytest.raises(InvalidAnswer):
        store.save_answer(db, response.id, "visie-01", 9, actor=ACTOR)
    assert len(audit.entries(db)) == before


def test_each_scan_keeps_the_questionnaire_it_was_filled_in_with(
    db: Database, mini: model.Questionnaire, definition: dict[str, object]
) -> None:
    response = store.start_response(db, mini, KM, None, None, ACTOR).value
    assert store.questionnaire_for(db, response) == mini
    store.save_answer(db, response.id, "q1", 4, actor=ACTOR)
    result = store.result(db, response.id)
    assert result.questionnaire_id == "mini" and result.insufficient_view == ("t2", "t3", "t4")
    # A changed file under the same version would make old scans unreadable: refused.
    definition["title"] = {"nl": "Andere titel", "en": "Other title"}
    changed = loader.loads(json.dumps(definition), "mini.json")
    with pytest.raises(QuestionnaireMismatch, match="nieuw versienummer"):
        store.start_response(db, changed, KM, None, None, ACTOR)
    definition["version"] = "2"
    newer = loader.loads(json.dumps(definition), "mini.json")
    assert store.start_response(db, newer, KM, None, None, ACTOR).value.questionnaire_version == "2"


def test_submit_stores_a_complete_scan_in_one_go(
    db: Database, bundled: model.Questionnaire
) -> None:
    given = [
        store.GivenAnswer(
            q.id, None if i % 7 == 0 else bundled.value_at(q.id, i), "Opmerking" if i == 1 else None
        )
        for i, q in enumerate(bundled.questions_for("beleidsmedewerker"))
    ]
    response = store.submit(
        db, bundled, "beleidsmedewerker", None, "Noord", given, actor=ACTOR, language="en"
    ).value
    assert response.is_complete and response.language == "en"
    assert len(store.answers(db, response.id)) == 40
    assert store.result(db, response.id).overall is not None
    assert audit.entries(db, limit=1)[0].action == "quickscan.submit"


@pytest.mark.parametrize(
    ("change", "error"),
    [
        (lambda given: given[:-1], IncompleteResponse),
        (lambda given: [*given, given[0]], InvalidAnswer),
        (lambda given: [*given[:-1], store.GivenAnswer("visie-99", 1)], UnknownQuestion),
        (lambda given: [*given[:-1], store.GivenAnswer(given[-1].question_id, 7)], InvalidAnswer),
    ],
)
def test_a_wrong_submission_stores_nothing(
    db: Database, bundled: model.Questionnaire, change: object, error: type[UserError]
) -> None:
    given = [store.GivenAnswer(q.id, 2) for q in bundled.questions_for("manager")]
    with pytest.raises(error):
        store.submit(db, bundled, "manager", None, None, change(given), actor=ACTOR)  # type: ignore[operator]
    assert store.list_responses(db) == []
    assert db["quickscan_answers"].count == 0
    assert audit.entries(db) == []
