"""Team bundles: the inclusion figures of one desk as an anonymous JSON file, and their merge.

A klantmanager exports a bundle; a manager merges several into one team inclusion report. A
bundle holds counts only (the figures of :mod:`caseload.inclusion` before small groups are
hidden, plus the histogram behind the contact median) and the team's completed quickscans
without respondent or comments. It never holds a name, klantnummer, date of birth or BSN;
small groups are hidden in the merged report, never in the bundle, so that sums stay right.
The format is described in docs/bundles.md.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import uuid
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlite_utils import Database

from caseload import errors, inclusion
from resources import audit, files
from resources.i18n import _

FORMAT = "trede-team-bundle"
VERSION = 1


class BundleRejected(errors.CaseloadError):
    """A bundle cannot be read or does not fit the others; the message says why."""

    def __init__(self, message: str) -> None:
        super().__init__(message, "bundle")


@dataclass(frozen=True)
class ScanEntry:
    """One completed quickscan in a bundle: role, team, date and the answer values only."""

    questionnaire_id: str
    questionnaire_version: str
    role: str
    team: str | None
    completed_at: str
    answers: dict[str, int | None]


@dataclass(frozen=True)
class Bundle:
    """A bundle as read: its figures (quickscans left out) and its quickscans."""

    id: str
    figures: inclusion.InclusionFigures
    teams: tuple[str, ...]
    scans: tuple[ScanEntry, ...]
    #: Questionnaire (id, version) to its definition (the bundled JSON text).
    questionnaires: dict[tuple[str, str], str]


# -- making a bundle -------------------------------------------------------------------------


def _group(group: inclusion.GroupFigures) -> dict[str, int]:
    return dataclasses.asdict(group)


def make(
    db: Database,
    period: inclusion.Period,
    *,
    contact_threshold_days: int = 14,
    origin_enabled: bool = False,
    made_on: dt.date | None = None,
    scans: Sequence[Mapping[str, Any]] = (),
    questionnaires: Mapping[str, Any] | None = None,
    actor: str,
) -> dict[str, Any]:
    """The bundle of a period (and optionally one team), as JSON data; the export is logged.

    ``scans`` and ``questionnaires`` are the team's completed quickscans (without respondent or
    comment) and their definitions by "id@version", as plain data from the caller.
    """
    figures = inclusion.figures(
        db,
        period,
        contact_threshold_days=contact_threshold_days,
        origin_enabled=origin_enabled,
    )
    if period.team is not None:
        teams = [period.team]
    else:
        teams = [
            row[0]
            for row in db.execute(
                "SELECT DISTINCT team FROM clients WHERE team IS NOT NULL AND team != '' "
                "ORDER BY team"
            )
        ]
    bundle_id = str(uuid.uuid4())
    data = {
        "format": FORMAT,
        "version": VERSION,
        "id": bundle_id,
        "made_on": (made_on or dt.date.today()).isoformat(),
        "period": {
            "start": period.start.isoformat(),
            "end": period.end.isoformat(),
            "team": period.team,
        },
        "teams": teams,
        "contact_threshold_days": contact_threshold_days,
        "total": _group(figures.total),
        "outflow_reasons": dict(figures.outflow_reasons),
        "ladder_start": list(figures.ladder_start),
        "ladder_end": list(figures.ladder_end),
        "barriers": {
            k.kind: {"clients": k.clients, "solved": k.finished} for k in figures.barriers
        },
        "interventions": {
            k.kind: {"clients": k.clients, "finished": k.finished} for k in figures.interventions
        },
        "contact_days": [[days, number] for days, number in figures.contacts.histogram],
        "origin": None
        if figures.origin is None
        else {code: _group(group) for code, group in figures.origin},
        "quickscan_questionnaires": dict(questionnaires or {}),
        "quickscans": [dict(scan) for scan in scans],
    }
    with db.atomic():
        audit.record(db, actor=actor, action="bundle.export", obj=f"bundle:{bundle_id}")
    return data


def write(path: str | Path, data: dict[str, Any]) -> None:
    """Write the bundle next to its target and move it in place: no half file on failure."""
    target = Path(path)
    try:
        with files.private_file(target) as temporary:
            temporary.write_text(
                json.dumps(data, ensure_ascii=False, indent=2, sort_keys=True) + "\n",
                encoding="utf-8",
            )
    except OSError as error:
        raise BundleRejected(
            _("De bundel kan niet worden opgeslagen in %(path)s: %(reason)s")
            % {"path": target, "reason": error.strerror or error}
        ) from error


# -- reading a bundle ------------------------------------------------------------------------


def _count(value: Any) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise ValueError(value)
    return value


def _read_group(data: Any) -> inclusion.GroupFigures:
    names = inclusion.GroupFigures.__dataclass_fields__
    return inclusion.GroupFigures(**{name: _count(data[name]) for name in names})


def _kinds(data: Any, finished: str) -> tuple[inclusion.KindCount, ...]:
    return tuple(
        inclusion.KindCount(str(kind), _count(value["clients"]), _count(value[finished]))
        for kind, value in data.items()
    )


def _scan(data: Any) -> ScanEntry:
    answers = {str(k): (None if v is None else int(v)) for k, v in data["answers"].items()}
    return ScanEntry(
        questionnaire_id=str(data["questionnaire_id"]),
        questionnaire_version=str(data["questionnaire_version"]),
        role=str(data["role"]),
        team=None if data["team"] is None else str(data["team"]),
        completed_at=str(data["completed_at"]),
        answers=answers,
    )


def parse(data: Any, name: str) -> Bundle:
    """A bundle from its JSON data; BundleRejected with one sentence when it does not hold."""
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise BundleRejected(_("%(file)s is geen Trede-bundel.") % {"file": name})
    if data.get("version") != VERSION:
        raise BundleRejected(
            _("%(file)s heeft een bundelversie die deze Trede niet kent.") % {"file": name}
        )
    try:
        period = inclusion.Period(
            dt.date.fromisoformat(data["period"]["start"]),
            dt.date.fromisoformat(data["period"]["end"]),
            data["period"]["team"],
        )
        ladder_start = tuple(_count(n) for n in data["ladder_start"])
        ladder_end = tuple(_count(n) for n in data["ladder_end"])
        histogram = tuple((float(days), _count(number)) for days, number in data["contact_days"])
        threshold = _count(data["contact_threshold_days"])
        origin = data["origin"]
        figures = inclusion.InclusionFigures(
            period=period,
            total=_read_group(data["total"]),
            outflow_reasons=tuple(
                (str(code), _count(n)) for code, n in data["outflow_reasons"].items()
            ),
            ladder_start=ladder_start,
            ladder_end=ladder_end,
            barriers=_kinds(data["barriers"], "solved"),
            interventions=_kinds(data["interventions"], "finished"),
            contacts=inclusion.ContactIntensity(
                median_days=inclusion.median(histogram, sum(n for _d, n in histogram)),
                clients=sum(n for _d, n in histogram),
                threshold_days=threshold,
                histogram=histogram,
            ),
            quickscans=None,
            origin=None
            if origin is None
            else tuple((str(code), _read_group(group)) for code, group in origin.items()),
        )
        scans = tuple(_scan(scan) for scan in data["quickscans"])
        questionnaires = {
            tuple(key.rsplit("@", 1)): json.dumps(definition)
            for key, definition in data["quickscan_questionnaires"].items()
        }
        teams = tuple(str(team) for team in data["teams"])
        bundle_id = str(data["id"])
    except (KeyError, TypeError, ValueError, AttributeError) as error:
        raise BundleRejected(
            _("%(file)s is beschadigd of onvolledig: er is niets ingelezen.") % {"file": name}
        ) from error
    if len(ladder_start) != len(ladder_end) or any(len(k) != 2 for k in questionnaires):
        raise BundleRejected(
            _("%(file)s is beschadigd of onvolledig: er is niets ingelezen.") % {"file": name}
        )
    return Bundle(
        id=bundle_id,
        figures=figures,
        teams=teams,
        scans=scans,
        questionnaires={(k[0], k[1]): v for k, v in questionnaires.items()},
    )


def read(path: str | Path) -> Bundle:
    """Read one bundle file."""
    source = Path(path)
    try:
        data = json.loads(source.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError, RecursionError) as error:
        # RecursionError: JSON nested thousands deep, which no bundle is.
        raise BundleRejected(
            _("%(file)s kan niet worden gelezen als bundel.") % {"file": source.name}
        ) from error
    return parse(data, source.name)


# -- merging ---------------------------------------------------------------------------------


def _sum_groups(groups: Sequence[inclusion.GroupFigures]) -> inclusion.GroupFigures:
    names = inclusion.GroupFigures.__dataclass_fields__
    return inclusion.GroupFigures(
        **{name: sum(getattr(group, name) for group in groups) for name in names}
    )


def _sum_pairs(parts: Sequence[Sequence[tuple[str, int]]]) -> dict[str, int]:
    total: dict[str, int] = {}
    for pairs in parts:
        for code, number in pairs:
            total[code] = total.get(code, 0) + number
    return total


def _sum_kinds(parts: Sequence[Sequence[inclusion.KindCount]]) -> tuple[inclusion.KindCount, ...]:
    order: list[str] = []
    clients: dict[str, int] = {}
    finished: dict[str, int] = {}
    for kinds in parts:
        for kind in kinds:
            if kind.kind not in clients:
                order.append(kind.kind)
            clients[kind.kind] = clients.get(kind.kind, 0) + kind.clients
            finished[kind.kind] = finished.get(kind.kind, 0) + kind.finished
    return tuple(inclusion.KindCount(kind, clients[kind], finished[kind]) for kind in order)


def merge(
    bundles: Sequence[Bundle],
    start: dt.date,
    end: dt.date,
    quickscans: inclusion.QuickscanRoles | None = None,
) -> inclusion.InclusionFigures:
    """One set of figures from bundles of the same period: every count is the sum of theirs;
    ``quickscans`` are their scans side by side, made by the caller from ``Bundle.scans``.

    Refused when there is no bundle, when a bundle covers another period or another contact
    threshold, or when the same bundle is given twice (its clients would count double).
    """
    if not bundles:
        raise BundleRejected(_("Kies minstens één bundel."))
    seen: set[str] = set()
    for bundle in bundles:
        period = bundle.figures.period
        if (period.start, period.end) != (start, end):
            raise BundleRejected(
                _(
                    "Een bundel gaat over %(start)s tot en met %(end)s, niet over de gekozen "
                    "periode. Vraag een bundel over dezelfde periode."
                )
                % {"start": period.start.isoformat(), "end": period.end.isoformat()}
            )
        if bundle.id in seen:
            raise BundleRejected(_("Dezelfde bundel is twee keer gekozen."))
        seen.add(bundle.id)
    thresholds = {bundle.figures.contacts.threshold_days for bundle in bundles}
    if len(thresholds) > 1:
        raise BundleRejected(_("De bundels gebruiken een andere grens voor ‘geen recent contact’."))
    parts = [bundle.figures for bundle in bundles]
    teams = sorted({team for bundle in bundles for team in bundle.teams})
    histogram: dict[float, int] = {}
    for figures in parts:
        for days, number in figures.contacts.histogram:
            histogram[days] = histogram.get(days, 0) + number
    ordered = sorted(histogram.items())
    clients = sum(histogram.values())
    width = max(len(f.ladder_start) for f in parts)
    origin = None
    if all(f.origin is not None for f in parts):
        groups: dict[str, list[inclusion.GroupFigures]] = {}
        for figures in parts:
            for code, group in figures.origin or ():
                groups.setdefault(code, []).append(group)
        origin = tuple((code, _sum_groups(found)) for code, found in groups.items())
    return inclusion.InclusionFigures(
        period=inclusion.Period(start, end, ", ".join(teams) or None),
        total=_sum_groups([f.total for f in parts]),
        outflow_reasons=tuple(_sum_pairs([f.outflow_reasons for f in parts]).items()),
        ladder_start=tuple(
            sum(f.ladder_start[i] for f in parts if i < len(f.ladder_start)) for i in range(width)
        ),
        ladder_end=tuple(
            sum(f.ladder_end[i] for f in parts if i < len(f.ladder_end)) for i in range(width)
        ),
        barriers=_sum_kinds([f.barriers for f in parts]),
        interventions=_sum_kinds([f.interventions for f in parts]),
        contacts=inclusion.ContactIntensity(
            median_days=inclusion.median(ordered, clients),
            clients=clients,
            threshold_days=thresholds.pop(),
            histogram=tuple(ordered),
        ),
        quickscans=quickscans,
        origin=origin,
    )


def write_report(
    bundles: Sequence[Bundle],
    path: str | Path,
    *,
    start: dt.date,
    end: dt.date,
    municipality: str,
    min_group_size: int = 10,
    today: dt.date | None = None,
    quickscans: inclusion.QuickscanRoles | None = None,
) -> inclusion.InclusionFigures:
    """Write the team inclusion report of merged bundles; small groups hidden after the merge."""
    from caseload import inclusion_cells, inclusion_report, inclusion_sections, report_pdf

    target = Path(path)
    report_pdf.check_target(target)
    figures = merge(bundles, start, end, quickscans)
    data = inclusion_sections.ReportData(
        figures=figures,
        shown=inclusion_cells.suppressed(figures, min_group_size),
        municipality=municipality.strip() or _("(gemeente niet ingesteld)"),
        made_on=today or dt.date.today(),
        minimum=min_group_size,
    )
    report_pdf.write(target, inclusion_report.frame(data), inclusion_report.story(data))
    return figures
