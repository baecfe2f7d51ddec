"""The inclusion report's figures as data (JSON or Excel), for managers who go on in a sheet.

The same counts as the PDF, protected the same way (:mod:`caseload.protection`): a small group
is ``null``, every other count is rounded to a multiple of the minimum group size by its cell
key, and every share is the true one rounded to a whole percent, ``null`` where the PDF prints
no percentage. The schema is in docs/reports.md.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

from caseload import inclusion, inclusion_cells, inclusion_trends, protection, report_pdf
from resources import files
from resources.errors import file_reason
from resources.i18n import _

FORMAT = "trede-inclusion-figures"
VERSION = 1


def shares(figures: inclusion.InclusionFigures) -> list[tuple[str, str]]:
    """(part, base) of every percentage the PDF prints, each over the base its text names."""
    c = inclusion_cells
    pairs = [(c.reason(code), c.OUTFLOW) for code, _number in figures.outflow_reasons]
    for moment, values, base in (
        ("end", figures.ladder_end, c.AT_END),
        ("start", figures.ladder_start, c.AT_START),
    ):
        pairs += [(c.trede(moment, number), base) for number in range(len(values))]
    pairs += [(part, c.MEASURED) for part in (c.ROSE, c.STAYED, c.FELL)]
    pairs += [(c.LASTING, c.FOLLOWED)]
    for kind in figures.barriers:
        pairs += [(c.barrier(kind.kind), c.IN_PERIOD)]
        pairs += [(c.barrier(kind.kind, solved=True), c.IN_PERIOD)]
    pairs += [(c.ON_TIME, c.AT_END), (c.OVERDUE, c.AT_END)]
    for kind in figures.interventions:
        pairs += [(c.action(kind.kind), c.IN_PERIOD)]
        pairs += [(c.action(kind.kind, finished=True), c.IN_PERIOD)]
    if figures.origin is not None:
        for code, _group in figures.origin:
            pairs += [(c.origin(code, "work"), c.origin(code, c.IN_PERIOD))]
            pairs += [(c.origin(code, c.ROSE), c.origin(code, c.MEASURED))]
            pairs += [(c.origin(code, c.OVERDUE), c.origin(code, c.AT_END))]
    if figures.teams is not None:
        for name, _group in figures.teams:
            pairs += [(c.team(name, "work"), c.team(name, c.IN_PERIOD))]
            pairs += [(c.team(name, c.ROSE), c.team(name, c.MEASURED))]
            pairs += [(c.team(name, c.OVERDUE), c.team(name, c.AT_END))]
    if figures.origin is not None or figures.teams is not None:
        pairs += [(c.reason(c.WORK_REASON), c.IN_PERIOD)]
    return pairs


def data(
    figures: inclusion.InclusionFigures,
    shown: protection.Published,
    *,
    municipality: str,
    made_on: dt.date,
    trends: inclusion_trends.Trends | None = None,
) -> dict[str, Any]:
    """The export as JSON data; with ``trends``, also the previous period and each quarter."""
    median = figures.contacts.median_days
    if median is not None and not shown.shown(inclusion_cells.CONTACTED):
        median = None
    content = {
        "format": FORMAT,
        "version": VERSION,
        "municipality": municipality,
        "period": {
            "start": figures.period.start.isoformat(),
            "end": figures.period.end.isoformat(),
            "team": figures.period.team,
        },
        "made_on": made_on.isoformat(),
        "protection": {
            "method": protection.METHOD,
            "minimum": shown.minimum,
            "rounded_to": figures.rounded_to or shown.minimum,
        },
        "contact_threshold_days": figures.contacts.threshold_days,
        "contact_median_days": None if median is None else round(median, 1),
        "counts": dict(sorted(shown.values.items())),
        "shares": [
            {"part": part, "base": base, "share": _share(shown, part, base)}
            for part, base in shares(figures)
        ],
    }
    if trends is not None:
        content["previous"] = None if trends.previous is None else _slice(trends.previous)
        content["quarters"] = [_slice(piece) for piece in trends.quarters]
    return content


def _slice(piece: inclusion_trends.Slice) -> dict[str, Any]:
    """One stretch of the trends: its dates and its counts, protected like the period's."""
    return {
        "start": piece.period.start.isoformat(),
        "end": piece.period.end.isoformat(),
        "partial": piece.partial,
        "contact_median_days": None if piece.median_days is None else round(piece.median_days, 1),
        "counts": dict(sorted(piece.shown.values.items())),
    }


def _share(shown: protection.Published, part: str, base: str) -> float | None:
    value = shown.share(part, base)
    return None if value is None else round(value, 4)


def write(path: Path, content: dict[str, Any]) -> None:
    """Write the export as JSON, or as Excel when the path ends in .xlsx, next to its target,
    then move it in place: no half file on failure."""
    from caseload import inclusion_xlsx

    try:
        with files.private_file(path) as temporary:
            if path.suffix.lower() == ".xlsx":
                inclusion_xlsx.write(temporary, content)
            else:
                temporary.write_text(
                    json.dumps(content, ensure_ascii=False, indent=2) + "\n", encoding="utf-8"
                )
    except OSError as error:
        raise report_pdf.ReportNotWritten(
            _("Het rapport kan niet worden opgeslagen in %(path)s: %(reason)s")
            % {"path": path, "reason": file_reason(error)}
        ) from error
