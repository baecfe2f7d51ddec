"""The one entry point for every report: make the PDF, then write its audit-log line.

The window (on a worker thread), the command line and the benchmark all call :func:`make`;
none writes a report's log line itself. Qt-free (a test checks), so the command line can use
it without loading Qt. A report takes personal data out of the database, so a report whose log
line cannot be written is removed and refused: without a log line there is no report.
"""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from sqlite_utils import Database

from quickscan import store
from resources import audit, errors, i18n
from resources.errors import UserError
from resources.i18n import _

Progress = Callable[[int, int], None]
CancelCheck = Callable[[], bool]


class Kind(enum.Enum):
    """The three reports."""

    INCLUSION = "inclusion"
    CLIENT = "client"
    ADVICE = "advice"


@dataclass(frozen=True)
class Request:
    """One report: its kind and what it is about."""

    kind: Kind
    start: dt.date | None = None
    end: dt.date | None = None
    #: The team of an inclusion report; of an advice report the team whose caseload facts go
    #: with it (None: every team).
    team: str | None = None
    reference: str = ""
    response_id: int | None = None
    compare_with: int | None = None
    include_roles: bool = False
    with_facts: bool = True
    #: Advice report: the facts of the scan's own team when it has clients, else every team's.
    facts_of_scan_team: bool = False


@dataclass(frozen=True)
class Settings:
    """The settings a report needs (copied, so a worker thread can hold them)."""

    municipality: str
    min_group_size: int = 10
    contact_threshold_days: int = 14
    origin_enabled: bool = False


class Cancelled(Exception):
    """The user stopped the report; nothing was made."""


class NotLogged(UserError):
    """The report's audit-log line could not be written, so the report was removed."""


#: The log's action for each report; a step ("print", "save", "open") is added after a dot.
ACTIONS = {
    Kind.INCLUSION: "report.inclusion",
    Kind.CLIENT: "report.client",
    Kind.ADVICE: "report.quickscan",
}


def audit_object(db: Database, request: Request) -> str:
    """What a report is about, for the log: a team and period, a client's id, or a scan."""
    if request.kind is Kind.INCLUSION:
        return audit.inclusion_object(request.team, request.start, request.end)
    if request.kind is Kind.CLIENT:
        from caseload import clients

        found = clients.find(db, request.reference)
        return clients.obj(found.id) if found else "client:?"
    return f"quickscan:{request.response_id}"


def log(db: Database, request: Request, *, actor: str, step: str = "", origin: str = "app") -> None:
    """Write the report's log line (``step`` "" when made; "print", "save", "open" after).

    Raises ``NotLogged`` with the sentence for the user when the log cannot be written.
    """
    action = ACTIONS[request.kind] + (f".{step}" if step else "")
    try:
        audit.record_alone(
            db, actor=actor, action=action, obj=audit_object(db, request), origin=origin
        )
    except errors.DATABASE_ERRORS as error:
        raise NotLogged(
            _("Het rapport is niet gebruikt, omdat het logboek niet kon worden bijgewerkt. ")
            + errors.database_sentence(error)
        ) from error


def make(
    db: Database,
    request: Request,
    path: Path,
    settings: Settings,
    *,
    actor: str,
    origin: str = "app",
    today: dt.date | None = None,
    progress: Progress | None = None,
    cancelled: CancelCheck | None = None,
) -> Path:
    """Write the report to ``path`` and log it; the path.

    Raises the report's own ``UserError`` (nothing written), ``Cancelled`` when ``cancelled()``
    turned true, and ``NotLogged`` (the file removed) when the log line failed.
    """
    _write(db, request, path, settings, today, progress, cancelled or (lambda: False))
    try:
        log(db, request, actor=actor, origin=origin)
    except NotLogged:
        path.unlink(missing_ok=True)
        raise
    return path


def facts_for(db: Database, request: Request, settings: Settings) -> dict[str, list[str]]:
    """The caseload facts that go with an advice report, per theme."""
    if not request.with_facts:
        return {}
    from caseload import evidence  # here, not at the top: the window starts without it

    team = request.team
    language = i18n.current_language()
    if request.response_id is not None:
        response = store.get_response(db, request.response_id)
        language = response.language
        if request.facts_of_scan_team:
            team = evidence.scope_team(db, response.team)
    # The facts are sentences in the report: in the report's language, not the window's.
    with i18n.language_of(language):
        return evidence.for_themes(
            db,
            team=team,
            min_group_size=settings.min_group_size,
            contact_threshold_days=settings.contact_threshold_days,
        )


def _write(
    db: Database,
    request: Request,
    path: Path,
    settings: Settings,
    today: dt.date | None,
    progress: Progress | None,
    cancelled: CancelCheck,
) -> None:
    # The report writers pull in reportlab; importing them here keeps the window's start quick.
    from caseload import client_report, inclusion_report
    from quickscan import report as advice_report
    from ui.reports import combine

    try:
        if request.kind is Kind.INCLUSION:
            assert request.start is not None and request.end is not None
            inclusion_report.write_inclusion_report(
                db,
                path,
                start=request.start,
                end=request.end,
                team=request.team,
                municipality=settings.municipality,
                min_group_size=settings.min_group_size,
                contact_threshold_days=settings.contact_threshold_days,
                origin_enabled=settings.origin_enabled,
                quickscans=combine.team_scans(db, request.team),
                today=today,
                progress=progress,
                cancelled=cancelled,
            )
        elif request.kind is Kind.CLIENT:
            client_report.write_client_report(
                db,
                path,
                reference=request.reference,
                start=request.start,
                end=request.end,
                municipality=settings.municipality,
                today=today,
            )
        else:
            assert request.response_id is not None
            store.get_response(db, request.response_id)  # an unknown scan: its own message
            facts = facts_for(db, request, settings)
            if cancelled():
                raise Cancelled()
            advice_report.write_advice_report(
                db,
                request.response_id,
                path,
                municipality=settings.municipality,
                compare_with=request.compare_with,
                include_roles=request.include_roles,
                evidence=facts,
            )
    except inclusion_report.Cancelled:
        raise Cancelled() from None
