"""The Rapporten page's quick period choices, file names, and the report as a window job.

Making a report and logging it is :func:`ui.reports.making.make`; here it is wrapped as a
``jobs`` job that opens its own connection on the worker thread.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

from sqlite_utils import Database

from resources.i18n import N_, _
from ui import jobs
from ui.context import SettingsView
from ui.reports import making
from ui.reports.making import Kind, Request


def settings_of(settings: SettingsView) -> making.Settings:
    """A copy of what a report needs from the window's settings (the job runs on a thread)."""
    return making.Settings(
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


# -- the PDF ----------------------------------------------------------------------------------


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


def job(
    connect: Callable[[], Database],
    request: Request,
    path: Path,
    settings: making.Settings,
    actor: str,
) -> jobs.Job:
    """A job that makes the report (and its log line) on its own connection; the path."""

    def work(
        db: Database, progress: Callable[[int, int], None], cancelled: Callable[[], bool]
    ) -> Path:
        return making.make(
            db, request, path, settings, actor=actor, progress=progress, cancelled=cancelled
        )

    return jobs.on_own_connection(connect, work, making.Cancelled)
