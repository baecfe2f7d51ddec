"""The quickscan advice report (PDF): cover, summary, advice per theme, comparisons, answers.

The report is written in the language of the scan, from the questionnaire the scan was filled
in with; the caller makes the caseload facts in that language too (``i18n.language_of``).
Equal data (and an equal ``today``) give a byte-identical file: nothing in it depends on the
clock, and the PDF itself is built in reportlab's invariant mode.
"""

from __future__ import annotations

import datetime as dt
import errno
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from quickscan import report_appendix, report_compare, report_roles, report_sections, store
from quickscan import report_layout as layout
from quickscan.errors import IncomparableResults, QuickscanError
from resources import files, i18n, pdf
from resources.errors import file_reason
from resources.i18n import _

#: The open sqlite-utils database. Only :mod:`quickscan.store` may touch it (a layers test
#: reads the imports), so the report names its type without importing sqlite-utils.
Database = Any


class DraftResponse(QuickscanError):
    """A report or comparison was asked for a scan that is not completed yet."""


class ReportNotWritten(QuickscanError):
    """The PDF cannot be written to the chosen place."""


def _scan(db: Database, response_id: int) -> layout.ScanData:
    """A completed scan with its questionnaire, answers and result; typed errors otherwise."""
    response = store.get_response(db, response_id)
    if not response.is_complete:
        raise DraftResponse(
            _("Scan %(id)d is nog niet afgerond; maak het rapport als de scan klaar is.")
            % {"id": response_id}
        )
    return layout.ScanData(
        response=response,
        questionnaire=store.questionnaire_for(db, response),
        answers=store.answers(db, response_id),
        result=store.result(db, response_id),
    )


def _earlier(db: Database, scan: layout.ScanData, compare_with: int) -> layout.ScanData:
    """The scan to compare with: another completed scan of the same questionnaire."""
    if compare_with == scan.response.id:
        raise IncomparableResults(
            _("Kies een andere scan om mee te vergelijken dan scan %(id)d zelf.")
            % {"id": compare_with}
        )
    earlier = _scan(db, compare_with)
    if earlier.response.questionnaire_id != scan.response.questionnaire_id:
        raise IncomparableResults(
            _(
                "Scan %(this)d en scan %(other)d horen bij verschillende vragenlijsten en zijn "
                "niet te vergelijken."
            )
            % {"this": scan.response.id, "other": compare_with}
        )
    return earlier


def _roles(db: Database, scan: layout.ScanData) -> dict[str, layout.ScanData]:
    """The newest completed scan of each role in the scan's team; this scan for its own role."""
    latest = store.latest_complete_per_role(db, scan.response.team, scan.response.questionnaire_id)
    latest[scan.response.role] = scan.response
    order = [role.id for role in scan.questionnaire.roles]
    ordered = sorted(latest, key=lambda role: order.index(role) if role in order else len(order))
    return {
        role: scan if latest[role].id == scan.response.id else _scan(db, latest[role].id)
        for role in ordered
    }


def _not_written(path: Path, error: OSError) -> ReportNotWritten:
    """One sentence in the user's language for the usual reasons, the system's words otherwise."""
    if error.errno == errno.ENOENT:
        message = _("Het rapport kan niet worden opgeslagen: de map %(folder)s bestaat niet.")
    elif error.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        message = _("Het rapport kan niet worden opgeslagen: u mag niet schrijven in %(folder)s.")
    elif error.errno == errno.ENOSPC:
        message = _("Het rapport kan niet worden opgeslagen: de schijf is vol.")
    else:
        message = _("Het rapport kan niet worden opgeslagen in %(path)s: %(reason)s")
    return ReportNotWritten(
        message % {"folder": path.parent, "path": path, "reason": file_reason(error)}
    )


def _write(path: Path, frame: pdf.PageFrame, story: Sequence[Any]) -> None:
    """Build the PDF next to its target and move it in place: no half file on failure."""
    try:
        with files.private_file(path) as temporary:
            pdf.build(str(temporary), frame, story)
    except OSError as error:
        raise _not_written(path, error) from error


def write_advice_report(
    db: Database,
    response_id: int,
    path: str | Path,
    *,
    municipality: str,
    compare_with: int | None = None,
    include_roles: bool = False,
    evidence: Mapping[str, Sequence[str]] | None = None,
    today: dt.date | None = None,
) -> None:
    """Write the advice report of a completed scan as a PDF; raise a typed error otherwise.

    ``compare_with`` adds the change per theme since another scan, ``include_roles`` the views
    of the other roles in the same team, and ``evidence`` (theme id to lines of text) the
    caseload facts per theme. ``today`` is only used when the scan has no date of its own.
    """
    target = Path(path)
    if target.is_dir():
        raise ReportNotWritten(
            _("%(path)s is een map; kies een bestandsnaam voor het rapport.") % {"path": target}
        )
    scan = _scan(db, response_id)
    earlier = _earlier(db, scan, compare_with) if compare_with is not None else None
    roles = _roles(db, scan) if include_roles else None
    fallback = today or dt.date.today()
    with i18n.language_of(scan.response.language):
        data = layout.ReportData(
            scan=scan,
            municipality=municipality.strip() or _("(gemeente niet ingesteld)"),
            language=scan.response.language,
            completed_on=layout.scan_date(scan.response, fallback),
            evidence={key: list(lines) for key, lines in (evidence or {}).items() if lines},
            earlier=earlier,
            roles=roles,
        )
        _write(target, _frame(data), _story(data))


def _story(data: layout.ReportData) -> list[Any]:
    """The pages in reading order: the optional comparisons come before the answers."""
    story = report_sections.front(data)
    if data.earlier is not None:
        story += report_compare.earlier_section(data)
    if data.roles is not None:
        story += report_roles.roles_section(data)
    story += report_appendix.appendix(data)
    return story


def _frame(data: layout.ReportData) -> pdf.PageFrame:
    """The title and subtitle on every page: municipality · team · date of the scan."""
    parts = [data.municipality]
    if data.scan.response.team:
        parts.append(data.scan.response.team)
    parts.append(i18n.date_text(data.completed_on))
    return pdf.PageFrame(title=_("Adviesrapport Quickscan Diversiteit"), subtitle=" · ".join(parts))
