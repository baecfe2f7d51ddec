"""The inclusion report (PDF) for managers: the caseload of a period in figures, without people.

No name, klantnummer, date of birth or BSN is ever read for it. Every count of fewer clients
than the minimum is hidden; every other count is rounded by its cell key
(:mod:`caseload.protection`). Equal data and an equal ``today`` give a byte-identical file.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from sqlite_utils import Database

from caseload import (
    inclusion,
    inclusion_cells,
    inclusion_export,
    inclusion_sections,
    inclusion_trends,
    periods,
    report_pdf,
)
from caseload.inclusion_sections import ReportData
from resources import pdf
from resources.i18n import _

Progress = inclusion.Progress
CancelCheck = inclusion.CancelCheck
Cancelled = inclusion.Cancelled


def write_inclusion_report(
    db: Database,
    path: str | Path,
    *,
    start: dt.date,
    end: dt.date,
    team: str | None = None,
    municipality: str,
    min_group_size: int = 10,
    contact_threshold_days: int = 14,
    origin_enabled: bool = False,
    quickscans: inclusion.QuickscanRoles | None = None,
    today: dt.date | None = None,
    progress: Progress | None = None,
    cancelled: CancelCheck | None = None,
) -> None:
    """Write the inclusion report of a period (optionally one team) as a PDF, or its figures
    as data when the path ends in .json or .xlsx; ``quickscans`` (the team's scans side by
    side, made by the caller) fills its quickscan page.

    An end after today counts up to today. Raises ``InvalidPeriod`` when the start lies after
    the end or after today, ``ReportNotWritten`` when the file cannot be written, and
    ``Cancelled`` when ``cancelled()`` turns true.
    """
    target = Path(path)
    report_pdf.check_target(target)
    start, end = periods.until_today(start, end, today or dt.date.today())
    team = team.strip() if team and team.strip() else None
    figures = inclusion.figures(
        db,
        inclusion.Period(start, end, team),
        contact_threshold_days=contact_threshold_days,
        origin_enabled=origin_enabled,
        quickscans=quickscans,
        # The period is the first third of the work, the previous period and the quarters the rest.
        progress=None if progress is None else (lambda done, total: progress(done, 3 * total)),
        cancelled=cancelled,
    )
    data = ReportData(
        figures=figures,
        shown=inclusion_cells.published(figures, min_group_size),
        municipality=municipality.strip() or _("(gemeente niet ingesteld)"),
        made_on=today or dt.date.today(),
        minimum=min_group_size,
        trends=inclusion_trends.trends(
            db,
            figures.period,
            minimum=min_group_size,
            contact_threshold_days=contact_threshold_days,
            cancelled=cancelled,
            progress=None
            if progress is None
            else (lambda done, total: progress(total + 2 * done, 3 * total + 1)),
        ),
    )
    if cancelled is not None and cancelled():
        raise Cancelled()
    if target.suffix.lower() in (".json", ".xlsx"):
        content = inclusion_export.data(
            figures,
            data.shown,
            municipality=data.municipality,
            made_on=data.made_on,
            trends=data.trends,
        )
        inclusion_export.write(target, content)
    else:
        report_pdf.write(target, frame(data), story(data))
    if progress is not None:
        progress(1, 1)


def frame(data: ReportData) -> pdf.PageFrame:
    """Title, and municipality · team · period on every page."""
    parts = [data.municipality]
    parts.append(data.figures.period.team or _("alle teams"))
    parts.append(report_pdf.period_text(data.figures.period.start, data.figures.period.end))
    return pdf.PageFrame(title=_("Inclusierapport"), subtitle=" · ".join(parts))


def story(data: ReportData) -> list[Any]:
    """The pages in reading order (see :func:`caseload.inclusion_sections.all_sections`)."""
    return inclusion_sections.all_sections(data)
