"""What combines the two domains for a report: the quickscan page of the inclusion report and
the quickscans in a team bundle.

``caseload`` does not import ``quickscan``: its inclusion report and bundles take the scans as
plain data (``inclusion.QuickscanRoles``, JSON for a bundle), made here from the quickscan
store. Qt-free, like :mod:`ui.reports.making`, so the command line uses it too.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from sqlite_utils import Database

from caseload import bundle, inclusion
from quickscan import comparison, loader, store
from quickscan import questionnaire as model
from resources import i18n


def _language(questionnaire: model.Questionnaire) -> str:
    language = i18n.current_language()
    return language if language in questionnaire.languages else questionnaire.languages[0]


def theme_rows(
    questionnaire: model.Questionnaire,
    sides: Sequence[comparison.Side],
    language: str,
) -> tuple[inclusion.ThemeRow, ...]:
    """The roles compared per theme on the questions all of them answered, largest gap first."""
    rows = []
    for compared in comparison.by_spread(comparison.compare(sides)):
        theme = questionnaire.theme(compared.theme)
        rows.append(
            inclusion.ThemeRow(
                theme=compared.theme,
                title=theme.title.get(language) if theme else compared.theme,
                scores=tuple(score for _role, score in compared.scores),
                spread=compared.spread,
                shared=compared.count,
            )
        )
    return tuple(rows)


def _roles(
    questionnaire: model.Questionnaire,
    sides: Mapping[str, comparison.Side],
    completed: Mapping[str, dt.date | None],
    teams: Mapping[str, str | None] | None = None,
) -> inclusion.QuickscanRoles:
    """The newest scan per role side by side, in the questionnaire's order of roles; every
    role scored on the questions all of them answered."""
    order = [role.id for role in questionnaire.roles]
    roles = sorted(sides, key=lambda role: order.index(role) if role in order else len(order))
    language = _language(questionnaire)
    scans = []
    for role in roles:
        definition = questionnaire.role(role)
        label = definition.label.get(language) if definition else role
        scans.append(
            inclusion.RoleScan(
                role=role,
                label=label,
                completed_on=completed[role],
                team=(teams or {}).get(role),
            )
        )
    ordered = [sides[role] for role in roles]
    themes = theme_rows(questionnaire, ordered, language) if len(ordered) >= 2 else ()
    return inclusion.QuickscanRoles(
        questionnaire=questionnaire.title.get(language), roles=tuple(scans), themes=themes
    )


def _newest_per_role(responses: Sequence[store.Response]) -> dict[str, store.Response]:
    """The newest scan of each role, of the questionnaire of the newest scan of all."""
    if not responses:
        return {}
    ordered = sorted(responses, key=lambda r: (r.completed_at or "", r.id), reverse=True)
    questionnaire_id = ordered[0].questionnaire_id
    latest: dict[str, store.Response] = {}
    for response in ordered:
        if response.questionnaire_id == questionnaire_id:
            latest.setdefault(response.role, response)
    return latest


def team_scans(db: Database, team: str | None) -> inclusion.QuickscanRoles | None:
    """The newest completed scan per role for a report of a team, or of every team (None).

    Every team (None) takes every completed scan, with or without a team. A team takes its
    own scans; a role the team has no scan of takes the newest scan without a team (a
    beleidsmedewerker or manager often fills it in for the whole municipality).
    """
    team = team.strip() if team and team.strip() else None
    complete = store.list_responses(db, status=store.COMPLETE)
    if team is None:
        latest = _newest_per_role(complete)
    else:
        latest = _newest_per_role([r for r in complete if r.team == team])
        if latest:
            questionnaire_id = next(iter(latest.values())).questionnaire_id
            untied = [
                r for r in complete if r.team is None and r.questionnaire_id == questionnaire_id
            ]
        else:
            untied = [r for r in complete if r.team is None]
        for role, response in _newest_per_role(untied).items():
            latest.setdefault(role, response)
    if not latest:
        return None
    newest = max(latest.values(), key=lambda r: (r.completed_at or "", r.id))
    questionnaire = store.questionnaire_for(db, newest)
    sides = {
        role: comparison.Side(
            role,
            store.questionnaire_for(db, response),
            role,
            {qid: answer.value for qid, answer in store.answers(db, response.id).items()},
        )
        for role, response in latest.items()
    }
    completed = {
        role: dt.datetime.fromisoformat(response.completed_at).date()
        if response.completed_at
        else None
        for role, response in latest.items()
    }
    teams = {role: response.team for role, response in latest.items()}
    return _roles(questionnaire, sides, completed, teams)


# -- team bundles -------------------------------------------------------------------------


def bundle_scans(db: Database, team: str | None) -> tuple[list[dict[str, Any]], dict[str, Any]]:
    """The completed scans of the team (all teams when None), without respondent or comment,
    and the definitions of their questionnaires by "id@version"."""
    responses = store.list_responses(db, team=team, status=store.COMPLETE)
    scans = []
    definitions: dict[str, Any] = {}
    for response in sorted(responses, key=lambda r: (r.completed_at or "", r.id)):
        values = store.answers(db, response.id)
        scans.append(
            {
                "questionnaire_id": response.questionnaire_id,
                "questionnaire_version": response.questionnaire_version,
                "role": response.role,
                "team": response.team,
                "completed_at": response.completed_at,
                "answers": {qid: answer.value for qid, answer in sorted(values.items())},
            }
        )
        key = f"{response.questionnaire_id}@{response.questionnaire_version}"
        if key not in definitions:
            text = store.definition_text(
                db, response.questionnaire_id, response.questionnaire_version
            )
            if text is not None:
                definitions[key] = json.loads(text)
    return scans, definitions


def bundled_scans(bundles: Sequence[bundle.Bundle]) -> inclusion.QuickscanRoles | None:
    """The newest completed scan per role over all bundles, as the report of one desk does."""
    definitions: dict[tuple[str, str], str] = {}
    for one in bundles:
        definitions.update(one.questionnaires)
    scans = [
        scan
        for one in bundles
        for scan in one.scans
        if (scan.questionnaire_id, scan.questionnaire_version) in definitions
    ]
    if not scans:
        return None
    newest = max(scans, key=lambda s: s.completed_at)
    latest: dict[str, bundle.ScanEntry] = {}
    for scan in sorted(scans, key=lambda s: s.completed_at, reverse=True):
        if scan.questionnaire_id == newest.questionnaire_id:
            latest.setdefault(scan.role, scan)
    key = (newest.questionnaire_id, newest.questionnaire_version)
    questionnaire = loader.loads(definitions[key], f"{key[0]} {key[1]}")
    sides = {}
    for role, scan in latest.items():
        own = loader.loads(
            definitions[(scan.questionnaire_id, scan.questionnaire_version)], scan.questionnaire_id
        )
        sides[role] = comparison.Side(role, own, role, scan.answers)
    completed: dict[str, dt.date | None] = {
        role: dt.datetime.fromisoformat(scan.completed_at).date() for role, scan in latest.items()
    }
    return _roles(questionnaire, sides, completed, {r: s.team for r, s in latest.items()})


def make_bundle(
    db: Database,
    period: inclusion.Period,
    *,
    base: int = 10,
    contact_threshold_days: int = 14,
    origin_enabled: bool = False,
    made_on: dt.date | None = None,
    actor: str,
) -> dict[str, Any]:
    """A team bundle with its quickscans, as JSON data, rounded to ``base``; the export is logged."""
    scans, definitions = bundle_scans(db, period.team)
    return bundle.make(
        db,
        period,
        base=base,
        contact_threshold_days=contact_threshold_days,
        origin_enabled=origin_enabled,
        made_on=made_on,
        scans=scans,
        questionnaires=definitions,
        actor=actor,
    )


def merge_bundles(
    bundles: Sequence[bundle.Bundle], start: dt.date, end: dt.date
) -> inclusion.InclusionFigures:
    """The figures of merged bundles, their quickscans side by side."""
    return bundle.merge(bundles, start, end, quickscans=bundled_scans(bundles))


def write_bundle_report(
    bundles: Sequence[bundle.Bundle],
    path: str | Path,
    *,
    start: dt.date,
    end: dt.date,
    municipality: str,
    min_group_size: int = 10,
    today: dt.date | None = None,
) -> inclusion.InclusionFigures:
    """The team inclusion report of merged bundles, with their quickscans."""
    return bundle.write_report(
        bundles,
        path,
        start=start,
        end=end,
        municipality=municipality,
        min_group_size=min_group_size,
        today=today,
        quickscans=bundled_scans(bundles),
    )
