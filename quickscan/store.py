"""Storing scans and their answers: the only quickscan code that touches sqlite-utils.

Every write runs in its own ``db.atomic()`` together with its audit entry, so an answer is
committed the moment it is given and a draft survives a crash. "Weet niet" is stored as
``value`` NULL; a question without a row in ``quickscan_answers`` has no answer yet.
"""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from sqlite_utils import Database

from quickscan import loader, scoring, validation
from quickscan import questionnaire as model
from quickscan.errors import (
    IncompleteResponse,
    InvalidAnswer,
    QuestionnaireMismatch,
    ResponseClosed,
    UnknownResponse,
)
from resources import audit, changes
from resources.changes import Kind
from resources.i18n import _, ngettext

RESPONSES = "quickscan_responses"
ANSWERS = "quickscan_answers"
QUESTIONNAIRES = "quickscan_questionnaires"
DRAFT = "draft"
COMPLETE = "complete"
STATUSES = (DRAFT, COMPLETE)


@dataclass(frozen=True)
class Response:
    """One scan, filled in by one respondent in one role; a draft until completed."""

    id: int
    questionnaire_id: str
    questionnaire_version: str
    language: str
    role: str
    respondent: str | None
    team: str | None
    started_at: str
    completed_at: str | None
    status: str

    @property
    def is_complete(self) -> bool:
        """Whether the scan has been completed (and can no longer change)."""
        return self.status == COMPLETE


@dataclass(frozen=True)
class Answer:
    """A stored answer; ``value`` None is "weet niet"."""

    question_id: str
    value: int | None
    comment: str | None
    answered_at: str


@dataclass(frozen=True)
class GivenAnswer:
    """An answer to store with :func:`submit`."""

    question_id: str
    value: int | None
    comment: str | None = None


def _now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")


def _last_id(value: object) -> int:
    assert isinstance(value, int), value
    return value


def _object(response_id: int) -> str:
    return f"quickscan_response:{response_id}"


def _response(row: Mapping[str, Any]) -> Response:
    return Response(
        id=int(row["id"]),
        questionnaire_id=row["questionnaire_id"],
        questionnaire_version=row["questionnaire_version"],
        language=row["language"],
        role=row["role"],
        respondent=row["respondent"],
        team=row["team"],
        started_at=row["started_at"],
        completed_at=row["completed_at"],
        status=row["status"],
    )


# Questionnaire definitions -------------------------------------------------------------------


def _register(db: Database, questionnaire: model.Questionnaire, actor: str, origin: str) -> None:
    """Keep the definition of a questionnaire; refuse a changed file under an old version."""
    sha = hashlib.sha256(questionnaire.definition.encode("utf-8")).hexdigest()
    rows = list(
        db.query(
            f"select sha256 from {QUESTIONNAIRES} where id = ? and version = ?",
            [questionnaire.id, questionnaire.version],
        )
    )
    if rows:
        if rows[0]["sha256"] != sha:
            raise QuestionnaireMismatch(
                _(
                    "Vragenlijst %(id)s versie %(version)s is al gebruikt met een andere inhoud. "
                    "Geef de gewijzigde vragenlijst een nieuw versienummer."
                )
                % {"id": questionnaire.id, "version": questionnaire.version}
            )
        return
    db[QUESTIONNAIRES].insert(  # type: ignore[union-attr]
        {
            "id": questionnaire.id,
            "version": questionnaire.version,
            "sha256": sha,
            "definition": questionnaire.definition,
            "registered_at": _now(),
        }
    )
    audit.record(
        db,
        actor=actor,
        action="quickscan.questionnaire",
        obj=f"quickscan_questionnaire:{questionnaire.id}@{questionnaire.version}",
        origin=origin,
    )


@functools.lru_cache(maxsize=8)
def _parse_definition(sha: str, definition: str, name: str) -> model.Questionnaire:
    return loader.loads(definition, name)


def definition_text(db: Database, questionnaire_id: str, version: str) -> str | None:
    """The kept definition (JSON text) of a questionnaire version, or None."""
    rows = list(
        db.query(
            f"select definition from {QUESTIONNAIRES} where id = ? and version = ?",
            [questionnaire_id, version],
        )
    )
    return str(rows[0]["definition"]) if rows else None


def questionnaire_for(db: Database, response: Response) -> model.Questionnaire:
    """The exact questionnaire a scan was filled in with, as kept in the database."""
    rows = list(
        db.query(
            f"select sha256, definition from {QUESTIONNAIRES} where id = ? and version = ?",
            [response.questionnaire_id, response.questionnaire_version],
        )
    )
    if not rows:
        raise QuestionnaireMismatch(
            _("De vragenlijst %(id)s versie %(version)s van scan %(scan)d is niet gevonden.")
            % {
                "id": response.questionnaire_id,
                "version": response.questionnaire_version,
                "scan": response.id,
            }
        )
    name = f"{response.questionnaire_id} {response.questionnaire_version}"
    return _parse_definition(rows[0]["sha256"], rows[0]["definition"], name)


# Writing -------------------------------------------------------------------------------------


def _changed(db: Database, response_id: int) -> changes.Changed[Response]:
    return changes.Changed(get_response(db, response_id), changes.of(Kind.QUICKSCAN, response_id))


def start_response(
    db: Database,
    questionnaire: model.Questionnaire,
    role: str,
    respondent: str | None,
    team: str | None,
    actor: str,
    *,
    language: str = "nl",
    origin: str = "app",
) -> changes.Changed[Response]:
    """Start a draft scan for a role; the respondent may be None (anonymous)."""
    validation.check_role(questionnaire, role)
    validation.check_language(questionnaire, language)
    respondent = validation.clean_respondent(respondent)
    team = validation.clean_team(team)
    with db.atomic():
        _register(db, questionnaire, actor, origin)
        table = db[RESPONSES].insert(  # type: ignore[union-attr]
            {
                "questionnaire_id": questionnaire.id,
                "questionnaire_version": questionnaire.version,
                "language": language,
                "role": role,
                "respondent": respondent,
                "team": team,
                "started_at": _now(),
                "completed_at": None,
                "status": DRAFT,
            }
        )
        response_id = _last_id(table.last_pk)
        audit.record(
            db, actor=actor, action="quickscan.start", obj=_object(response_id), origin=origin
        )
    return _changed(db, response_id)


def save_answer(
    db: Database,
    response_id: int,
    question_id: str,
    value: int | None,
    comment: str | None = None,
    *,
    actor: str,
    origin: str = "app",
) -> changes.Changed[Answer]:
    """Store (or change) one answer of a draft at once; None is "weet niet"."""
    # Check and write in one transaction, so a scan completed meanwhile cannot change.
    with db.atomic():
        response = get_response(db, response_id)
        if response.is_complete:
            raise ResponseClosed(
                _("Scan %(id)d is al afgerond en kan niet meer veranderen.") % {"id": response_id}
            )
        questionnaire = questionnaire_for(db, response)
        validation.check_answer(questionnaire, response.role, question_id, value)
        clean = validation.clean_comment(question_id, comment)
        answer = Answer(question_id, value, clean, _now())
        db[ANSWERS].upsert(  # type: ignore[union-attr]
            {
                "response_id": response_id,
                "question_id": answer.question_id,
                "value": answer.value,
                "comment": answer.comment,
                "answered_at": answer.answered_at,
            },
            pk=("response_id", "question_id"),
        )
        audit.record(
            db, actor=actor, action="quickscan.answer", obj=_object(response_id), origin=origin
        )
    return changes.Changed(answer, changes.of(Kind.QUICKSCAN, response_id))


def unanswered(db: Database, response_id: int) -> tuple[str, ...]:
    """The ids of the questions of this scan's role that have no answer yet, in order."""
    response = get_response(db, response_id)
    given = answers(db, response_id)
    questions = questionnaire_for(db, response).questions_for(response.role)
    return tuple(q.id for q in questions if q.id not in given)


def complete_response(
    db: Database, response_id: int, *, actor: str, origin: str = "app"
) -> changes.Changed[Response]:
    """Mark a draft complete; every question needs an answer ("weet niet" counts)."""
    with db.atomic():
        response = get_response(db, response_id)
        if response.is_complete:
            raise ResponseClosed(_("Scan %(id)d is al afgerond.") % {"id": response_id})
        missing = unanswered(db, response_id)
        if missing:
            raise IncompleteResponse(
                ngettext(
                    "Nog %(n)d vraag heeft geen antwoord. Kies 'weet niet' als u het niet weet.",
                    "Nog %(n)d vragen hebben geen antwoord. Kies 'weet niet' als u het niet weet.",
                    len(missing),
                )
                % {"n": len(missing)}
            )
        db[RESPONSES].update(response_id, {"status": COMPLETE, "completed_at": _now()})  # type: ignore[union-attr]
        audit.record(
            db, actor=actor, action="quickscan.complete", obj=_object(response_id), origin=origin
        )
    return _changed(db, response_id)


def submit(
    db: Database,
    questionnaire: model.Questionnaire,
    role: str,
    respondent: str | None,
    team: str | None,
    given: Sequence[GivenAnswer],
    *,
    actor: str,
    language: str = "nl",
    origin: str = "app",
) -> changes.Changed[Response]:
    """Store a whole, complete scan in one transaction, after checking every answer first."""
    validation.check_role(questionnaire, role)
    validation.check_language(questionnaire, language)
    respondent = validation.clean_respondent(respondent)
    team = validation.clean_team(team)
    seen: set[str] = set()
    cleaned: list[GivenAnswer] = []
    for item in given:
        validation.check_answer(questionnaire, role, item.question_id, item.value)
        if item.question_id in seen:
            raise InvalidAnswer(
                _("Vraag %(id)s is meer dan één keer beantwoord.") % {"id": item.question_id}
            )
        seen.add(item.question_id)
        comment = validation.clean_comment(item.question_id, item.comment)
        cleaned.append(GivenAnswer(item.question_id, item.value, comment))
    missing = [q.id for q in questionnaire.questions_for(role) if q.id not in seen]
    if missing:
        raise IncompleteResponse(_("Vraag %(id)s heeft geen antwoord.") % {"id": missing[0]})
    now = _now()
    with db.atomic():
        _register(db, questionnaire, actor, origin)
        table = db[RESPONSES].insert(  # type: ignore[union-attr]
            {
                "questionnaire_id": questionnaire.id,
                "questionnaire_version": questionnaire.version,
                "language": language,
                "role": role,
                "respondent": respondent,
                "team": team,
                "started_at": now,
                "completed_at": now,
                "status": COMPLETE,
            }
        )
        response_id = _last_id(table.last_pk)
        db[ANSWERS].insert_all(  # type: ignore[union-attr]
            {
                "response_id": response_id,
                "question_id": item.question_id,
                "value": item.value,
                "comment": item.comment,
                "answered_at": now,
            }
            for item in cleaned
        )
        audit.record(
            db, actor=actor, action="quickscan.submit", obj=_object(response_id), origin=origin
        )
    return _changed(db, response_id)


def delete_response(
    db: Database, response_id: int, *, actor: str, origin: str = "app"
) -> changes.Changes:
    """Delete a scan and all its answers."""
    with db.atomic():
        get_response(db, response_id)
        db.execute(f"delete from {ANSWERS} where response_id = ?", [response_id])
        db.execute(f"delete from {RESPONSES} where id = ?", [response_id])
        audit.record(
            db, actor=actor, action="quickscan.delete", obj=_object(response_id), origin=origin
        )
    return changes.of(Kind.QUICKSCAN, response_id)


# Reading -------------------------------------------------------------------------------------


def get_response(db: Database, response_id: int) -> Response:
    """One scan; raise :class:`UnknownResponse` if there is none with this id."""
    rows = list(db.query(f"select * from {RESPONSES} where id = ?", [response_id]))
    if not rows:
        raise UnknownResponse(_("Er is geen scan met nummer %(id)s.") % {"id": response_id})
    return _response(rows[0])


def list_responses(
    db: Database, team: str | None = None, status: str | None = None
) -> list[Response]:
    """Scans, newest first, optionally of one team and/or with one status."""
    where, params = [], []
    if team is not None:
        where.append("team = ?")
        params.append(team)
    if status is not None:
        where.append("status = ?")
        params.append(status)
    clause = ("where " + " and ".join(where)) if where else ""
    sql = (
        f"select * from {RESPONSES} {clause} "
        "order by coalesce(completed_at, started_at) desc, id desc"
    )
    return [_response(row) for row in db.query(sql, params)]


def drafts(db: Database, team: str | None = None) -> list[Response]:
    """The scans that are not completed yet, newest first, to resume."""
    return list_responses(db, team=team, status=DRAFT)


def latest_complete_per_role(
    db: Database, team: str | None, questionnaire_id: str | None = None
) -> dict[str, Response]:
    """The newest completed scan of each role in a team (None: scans without a team)."""
    latest: dict[str, Response] = {}
    sql = (
        f"select * from {RESPONSES} where status = ? and team is ? "
        "order by completed_at desc, id desc"
    )
    for row in db.query(sql, [COMPLETE, team]):
        response = _response(row)
        if questionnaire_id is not None and response.questionnaire_id != questionnaire_id:
            continue
        latest.setdefault(response.role, response)
    return latest


def answers(db: Database, response_id: int) -> dict[str, Answer]:
    """The stored answers of a scan by question id ("weet niet" has value None)."""
    rows = db.query(
        f"select * from {ANSWERS} where response_id = ? order by answered_at, question_id",
        [response_id],
    )
    return {
        row["question_id"]: Answer(
            question_id=row["question_id"],
            value=row["value"],
            comment=row["comment"],
            answered_at=row["answered_at"],
        )
        for row in rows
    }


def result(db: Database, response_id: int) -> scoring.ScanResult:
    """Score a stored scan with the questionnaire it was filled in with."""
    response = get_response(db, response_id)
    values = {qid: answer.value for qid, answer in answers(db, response_id).items()}
    return scoring.score(questionnaire_for(db, response), response.role, values)
