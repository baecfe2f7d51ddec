"""What the Rapporten page asks for, the quick period choices, and writing the chosen PDF.

Nothing here touches a widget: :func:`write` runs on the worker thread with its own connection.
"""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from sqlite_utils import Database

from quickscan import store
from resources import audit, errors
from resources.i18n import N_, _
from ui import jobs
from ui.context import SettingsView


class Kind(enum.Enum):
    """The three reports."""

    INCLUSION = "inclusion"
    CLIENT = "client"
    ADVICE = "advice"


@dataclass(frozen=True)
class Request:
    """One report as chosen on the page."""

    kind: Kind
    start: dt.date | None = None
    end: dt.date | None = None
    team: str | None = None
    reference: str = ""
    response_id: int | None = None
    compare_with: int | None = None
    include_roles: bool = False
    with_facts: bool = True


@dataclass(frozen=True)
class Settings:
    """The settings a report needs, copied on the GUI thread before the job starts."""

    municipality: str
    min_group_size: int
    contact_threshold_days: int
    origin_enabled: bool

    @classmethod
    def of(cls, settings: SettingsView) -> Settings:
        """A copy of what a report needs from the window's settings."""
        return cls(
            municipality=settings.municipality,
            min_group_size=settings.min_group_size,
            contact_threshold_days=settings.contact_threshold_days,
            origin_enabled=settings.origin_enabled,
        )


# -- quick choices for the period -------------------------------------------------------------

#: (id, label) of the quick choices, in the order of the list; "eigen" is any other period.
PERIODS = (
    ("dit_jaar", N_("Dit jaar")),
    ("vorig_jaar", N_("Vorig jaar")),
    ("laatste_12", N_("Laatste 12 maanden")),
    ("dit_kwartaal", N_("Dit kwartaal")),
    ("vorig_kwartaal", N_("Vorig kwartaal")),
    ("eigen", N_("Eigen keuze")),
)


def _quarter_start(day: dt.date) -> dt.date:
    return dt.date(day.year, 3 * ((day.month - 1) // 3) + 1, 1)


def period(choice: str, today: dt.date) -> tuple[dt.date, dt.date] | None:
    """First and last day of a quick choice (None for "eigen keuze")."""
    if choice == "dit_jaar":
        return dt.date(today.year, 1, 1), today
    if choice == "vorig_jaar":
        return dt.date(today.year - 1, 1, 1), dt.date(today.year - 1, 12, 31)
    if choice == "laatste_12":
        try:
            start = today.replace(year=today.year - 1)
        except ValueError:  # 29 February
            start = today.replace(year=today.year - 1, day=28)
        return start + dt.timedelta(days=1), today
    if choice == "dit_kwartaal":
        return _quarter_start(today), today
    if choice == "vorig_kwartaal":
        end = _quarter_start(today) - dt.timedelta(days=1)
        return _quarter_start(end), end
    return None


def matching_period(start: dt.date, end: dt.date, today: dt.date) -> str:
    """The quick choice that gives exactly this period, else "eigen"."""
    for choice, _label in PERIODS:
        if period(choice, today) == (start, end):
            return choice
    return "eigen"


# -- writing ----------------------------------------------------------------------------------


def file_name(request: Request) -> str:
    """A name for the PDF that says what is in it."""
    if request.kind is Kind.INCLUSION and request.start and request.end:
        return _("inclusierapport-%(start)s-%(end)s.pdf") % {
            "start": request.start.isoformat(),
            "end": request.end.isoformat(),
        }
    if request.kind is Kind.CLIENT:
        safe = "".join(ch for ch in request.reference if ch.isalnum() or ch in "-_") or "klant"
        return _("voortgangsverslag-%(reference)s.pdf") % {"reference": safe}
    return _("adviesrapport-scan-%(id)d.pdf") % {"id": request.response_id or 0}


def facts_for(db: Database, request: Request, settings: Settings) -> dict[str, list[str]]:
    """The caseload facts for an advice report: of the chosen team, or of all teams."""
    if not request.with_facts:
        return {}
    from caseload import evidence  # here, not at the top: the window starts without it

    return evidence.for_themes(
        db,
        team=request.team,
        min_group_size=settings.min_group_size,
        contact_threshold_days=settings.contact_threshold_days,
    )


def write(
    db: Database,
    request: Request,
    path: Path,
    settings: Settings,
    progress: Callable[[int, int], None],
    cancelled: Callable[[], bool],
) -> Path:
    """Write the chosen report to ``path``; raise jobs.Cancelled when the user stopped it."""
    # The report writers pull in reportlab; importing them here keeps the window's start quick.
    from caseload import client_report, inclusion_report
    from quickscan import report as advice_report

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
            )
        else:
            assert request.response_id is not None
            store.get_response(db, request.response_id)  # an unknown scan: its own message
            facts = facts_for(db, request, settings)
            if cancelled():
                raise jobs.Cancelled()
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
        raise jobs.Cancelled() from None
    return path


# -- the audit log ----------------------------------------------------------------------------

#: The log's action for each report, the same as the command line writes.
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


def log(db: Database, request: Request, *, actor: str, step: str = "") -> str | None:
    """Write one line in the audit log for a report made (``step`` "") or printed, saved, opened.

    A report takes personal data out of the database, so the window logs it before it shows,
    prints, saves or opens one. Returns None when logged, else the sentence that says why the
    report must not be used.
    """
    action = ACTIONS[request.kind] + (f".{step}" if step else "")
    try:
        audit.record_alone(db, actor=actor, action=action, obj=audit_object(db, request))
    except errors.DATABASE_ERRORS as error:
        return _(
            "Het rapport is niet gebruikt, omdat het logboek niet kon worden bijgewerkt. "
        ) + errors.database_sentence(error)
    return None
