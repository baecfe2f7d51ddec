"""Team bundles: the inclusion figures of one desk as an anonymous JSON file, and their merge.

A klantmanager exports a bundle; a manager merges several into one team inclusion report. A
bundle holds counts only, each rounded to a multiple of the minimum group size by its cell key
(:mod:`caseload.protection`), plus a rounded histogram behind the contact median, and the
team's completed quickscans without respondent or comments. It never holds a name, klantnummer,
date of birth or BSN, and no count of 1 up to the minimum - 1. Rounded counts still add up, so
the merged report is the sum of the bundles. The format is described in docs/bundles.md.
"""

from __future__ import annotations

import datetime as dt
import json
import uuid
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlite_utils import Database

from caseload import errors, inclusion, inclusion_cells, periods, protection
from resources import audit, files
from resources.errors import file_reason
from resources.i18n import _

FORMAT = "trede-team-bundle"
VERSION = 2
#: More clients than any municipality has: a larger count was not written by Trede.
MAX_COUNT = 10**8


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
    """A bundle as read: its protected figures (quickscans left out) and its quickscans."""

    id: str
    figures: inclusion.InclusionFigures
    #: Every count by its name in inclusion_cells, rounded to a multiple of ``base``.
    counts: dict[str, int]
    base: int
    teams: tuple[str, ...]
    scans: tuple[ScanEntry, ...]
    #: Questionnaire (id, version) to its definition (the bundled JSON text).
    questionnaires: dict[tuple[str, str], str]
    #: Which database the bundle was made from (see :func:`source_of`); None in bundles made
    #: before it was written.
    source: str | None = None


# -- making a bundle -------------------------------------------------------------------------


def _whole_days(contacts: inclusion.ContactIntensity, base: int) -> list[tuple[int, int]]:
    """The contact histogram in whole days, each bar rounded by its cell key."""
    days: dict[int, tuple[int, int]] = {}
    for (value, number), key in zip(contacts.histogram, contacts.histogram_keys, strict=True):
        day = int(value + 0.5)
        clients, summed = days.get(day, (0, 0))
        days[day] = (clients + number, (summed + key) % protection.KEY_SPACE)
    return [
        (day, protection.rounded(number, key, base)) for day, (number, key) in sorted(days.items())
    ]


def make(
    db: Database,
    period: inclusion.Period,
    *,
    base: int = 10,
    contact_threshold_days: int = 14,
    origin_enabled: bool = False,
    made_on: dt.date | None = None,
    scans: Sequence[Mapping[str, Any]] = (),
    questionnaires: Mapping[str, Any] | None = None,
    actor: str,
) -> dict[str, Any]:
    """The bundle of a period (and optionally one team), as JSON data; the export is logged.

    Every count is rounded to a multiple of ``base`` (the minimum group size) by its cell key
    (:mod:`caseload.protection`), small groups too, so that bundles add up and no bundle,
    sum or difference of bundles holds a count of 1 up to ``base - 1``. ``scans`` and
    ``questionnaires`` are the team's completed quickscans (without respondent or comment)
    and their definitions by "id@version", as plain data from the caller.
    An end after today counts up to today; ``InvalidPeriod`` for a start after the end or today.
    """
    made_on = made_on or dt.date.today()
    start, end = periods.until_today(period.start, period.end, made_on)
    period = inclusion.Period(start, end, period.team)
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
    counts = inclusion_cells.counts(figures)
    data = {
        "format": FORMAT,
        "version": VERSION,
        "id": bundle_id,
        "source": source_of(db),
        "made_on": made_on.isoformat(),
        "period": {
            "start": period.start.isoformat(),
            "end": period.end.isoformat(),
            "team": period.team,
        },
        "teams": teams,
        "contact_threshold_days": contact_threshold_days,
        "protection": {"method": protection.METHOD, "base": base},
        "origin": origin_enabled,
        "counts": protection.round_all(counts, figures.keys, base),
        "contact_days": [list(bar) for bar in _whole_days(figures.contacts, base)],
        "quickscan_questionnaires": dict(questionnaires or {}),
        "quickscans": [dict(scan) for scan in scans],
    }
    with db.atomic():
        audit.record(db, actor=actor, action="bundle.export", obj=f"bundle:{bundle_id}")
    return data


def source_of(db: Database) -> str:
    """A name for the database a bundle comes from that says nothing about it: two bundles
    of the same database (a re-export, or one team and all teams) count the same clients."""
    return protection.database_tag(db, "bundle-source")


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
            % {"path": target, "reason": file_reason(error)}
        ) from error


# -- reading a bundle ------------------------------------------------------------------------


def _count(value: Any) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise ValueError(value)
    return value


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


def _damaged(name: str) -> BundleRejected:
    return BundleRejected(
        _("%(file)s is beschadigd of onvolledig: er is niets ingelezen.") % {"file": name}
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
        base = _count(data["protection"]["base"])
        counts = {str(cell): _count(number) for cell, number in data["counts"].items()}
        histogram = tuple((float(_count(d)), _count(n)) for d, n in data["contact_days"])
        threshold = _count(data["contact_threshold_days"])
        origin = bool(data["origin"])
        figures = inclusion_cells.from_counts(
            counts, period, _contacts(histogram, counts, threshold), with_origin=origin, base=base
        )
        scans = tuple(_scan(scan) for scan in data["quickscans"])
        questionnaires = {
            tuple(key.rsplit("@", 1)): json.dumps(definition)
            for key, definition in data["quickscan_questionnaires"].items()
        }
        teams = tuple(str(team) for team in data["teams"])
        bundle_id = str(data["id"])
        source = data.get("source")
        if source is not None and not isinstance(source, str):
            raise TypeError(source)
    except (KeyError, TypeError, ValueError, AttributeError) as error:
        raise _damaged(name) from error
    if base < 1 or any(len(k) != 2 for k in questionnaires):
        raise _damaged(name)
    if any(number % base or number > MAX_COUNT for number in counts.values()):
        # Every count of a bundle Trede made is a multiple of its base: one that is not was
        # changed by hand and would print a small group exactly.
        raise _damaged(name)
    return Bundle(
        id=bundle_id,
        source=source,
        figures=figures,
        counts=counts,
        base=base,
        teams=teams,
        scans=scans,
        questionnaires={(k[0], k[1]): v for k, v in questionnaires.items()},
    )


def _contacts(
    histogram: Sequence[tuple[float, int]], counts: Mapping[str, int], threshold: int
) -> inclusion.ContactIntensity:
    """The contact figures of a bundle (or a merge): the median from the rounded histogram."""
    return inclusion.ContactIntensity(
        median_days=inclusion.median(histogram, sum(n for _d, n in histogram)),
        clients=counts.get(inclusion_cells.CONTACTED, 0),
        threshold_days=threshold,
        histogram=tuple(histogram),
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
    _refuse_overlap(bundles)
    thresholds = {bundle.figures.contacts.threshold_days for bundle in bundles}
    if len(thresholds) > 1:
        raise BundleRejected(_("De bundels gebruiken een andere grens voor ‘geen recent contact’."))
    bases = {bundle.base for bundle in bundles}
    if len(bases) > 1:
        raise BundleRejected(
            _(
                "De bundels zijn op verschillende getallen afgerond. Vraag bundels met dezelfde "
                "kleinste groep."
            )
        )
    counts: dict[str, int] = {}
    for bundle in bundles:
        for cell, number in bundle.counts.items():
            counts[cell] = counts.get(cell, 0) + number
    histogram: dict[float, int] = {}
    for bundle in bundles:
        for days, number in bundle.figures.contacts.histogram:
            histogram[days] = histogram.get(days, 0) + number
    teams = sorted({team for bundle in bundles for team in bundle.teams})
    return inclusion_cells.from_counts(
        counts,
        inclusion.Period(start, end, ", ".join(teams) or None),
        _contacts(sorted(histogram.items()), counts, thresholds.pop()),
        with_origin=all(bundle.figures.origin is not None for bundle in bundles),
        base=bases.pop(),
        quickscans=quickscans,
    )


def _refuse_overlap(bundles: Sequence[Bundle]) -> None:
    """Two bundles of one database count the same clients, unless each is of another team."""
    for index, bundle in enumerate(bundles):
        for other in bundles[:index]:
            if bundle.source is None or bundle.source != other.source:
                continue
            team, other_team = bundle.figures.period.team, other.figures.period.team
            if team is None or other_team is None or team == other_team:
                raise BundleRejected(
                    _(
                        "Twee bundels komen uit dezelfde caseload en tellen dezelfde klanten "
                        "(%(first)s en %(second)s): samen zou elke klant twee keer tellen. "
                        "Kies er één, of per team één bundel."
                    )
                    % {
                        "first": other_team or _("alle teams"),
                        "second": team or _("alle teams"),
                    }
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
    from caseload import inclusion_report, inclusion_sections, report_pdf

    target = Path(path)
    report_pdf.check_target(target)
    figures = merge(bundles, start, end, quickscans)
    data = inclusion_sections.ReportData(
        figures=figures,
        shown=inclusion_cells.published(figures, min_group_size),
        municipality=municipality.strip() or _("(gemeente niet ingesteld)"),
        made_on=today or dt.date.today(),
        minimum=min_group_size,
        bundled=(len(bundles), bundles[0].base),
    )
    report_pdf.write(target, inclusion_report.frame(data), inclusion_report.story(data))
    return figures
