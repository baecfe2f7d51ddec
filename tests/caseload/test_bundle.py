"""Team bundles: three desks merge into one report whose totals are their sums; no personal data.

The bundles are made and merged through ``ui.reports.combine``, which adds the quickscans.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import re
from pathlib import Path

import pypdf
import pytest
from sqlite_utils import Database

from app import database
from caseload import bundle, demo, inclusion, inclusion_cells, protection
from quickscan import loader
from quickscan import store as quickscan_store
from ui.reports import combine

TODAY = dt.date(2026, 3, 16)
START, END = dt.date(2025, 1, 1), dt.date(2025, 12, 31)
ACTOR = "km.test"


def _scan(db: Database, role: str, value: int, team: str | None, respondent: str) -> None:
    questionnaire = loader.load_bundled()
    given = [
        quickscan_store.GivenAnswer(
            q.id,
            min(value, questionnaire.scale_values_for(q.id)[-1]),
            comment=f"Opmerking van {respondent}",
        )
        for q in questionnaire.questions_for(role)
    ]
    quickscan_store.submit(db, questionnaire, role, respondent, team, given, actor=ACTOR)


@pytest.fixture(scope="module")
def desks(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    """Three demo databases, each a klantmanager's desk, one with two quickscans."""
    paths = []
    for seed in (1, 2, 3):
        path = tmp_path_factory.mktemp(f"desk{seed}") / "trede.db"
        db = database.open_database(path)
        demo.fill(db, 150, seed=seed, today=TODAY)
        if seed == 2:
            _scan(db, "klantmanager", 2, None, "Xandria Quellenburg")
            _scan(db, "manager", 4, None, "Xandria Quellenburg")
        db.close()
        paths.append(path)
    return paths


def _figures(path: Path) -> inclusion.InclusionFigures:
    db = database.open_database(path)
    try:
        return inclusion.figures(db, inclusion.Period(START, END))
    finally:
        db.close()


def _bundle(path: Path, out: Path) -> Path:
    db = database.open_database(path)
    try:
        data = combine.make_bundle(db, inclusion.Period(START, END), made_on=TODAY, actor=ACTOR)
    finally:
        db.close()
    bundle.write(out, data)
    return out


@pytest.fixture(scope="module")
def bundle_files(desks: list[Path], tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    folder = tmp_path_factory.mktemp("bundles")
    return [_bundle(path, folder / f"bundle{n}.json") for n, path in enumerate(desks)]


def _rounded(figures: inclusion.InclusionFigures) -> dict[str, int]:
    """What the desk's bundle should say: every count rounded to 10 by its own cell key."""
    return protection.round_all(inclusion_cells.counts(figures), figures.keys, 10)


def test_merged_totals_are_the_sums_of_the_desks_rounded_counts(
    desks: list[Path], bundle_files: list[Path]
) -> None:
    parts = [_figures(path) for path in desks]
    bundles = [bundle.read(f) for f in bundle_files]
    merged = combine.merge_bundles(bundles, START, END)
    merged_counts = inclusion_cells.counts(merged)
    true_sum = {
        cell: sum(inclusion_cells.counts(p).get(cell, 0) for p in parts) for cell in merged_counts
    }
    expected = {
        cell: sum(_rounded(p).get(cell, 0) for p in parts)
        for cell in merged_counts
        if cell != inclusion_cells.ON_TIME  # derived in the merge: at the end - overdue
    }
    assert {c: n for c, n in merged_counts.items() if c in expected} == expected
    for cell, number in merged_counts.items():
        assert number % 10 == 0, cell
        # Each desk's count moved less than 10: the merged one lies within 3 x 9 of the truth.
        assert abs(number - true_sum[cell]) <= 3 * 9, cell
    assert merged.total.in_period > 300
    assert merged.quickscans is not None
    assert [role.role for role in merged.quickscans.roles] == ["klantmanager", "manager"]


def test_a_bundle_holds_no_count_of_one_to_nine(bundle_files: list[Path]) -> None:
    for file in bundle_files:
        data = json.loads(file.read_text(encoding="utf-8"))
        numbers = list(data["counts"].values()) + [n for _days, n in data["contact_days"]]
        assert numbers and all(n % 10 == 0 for n in numbers), file.name


def test_merged_median_is_near_the_median_over_all_clients(
    desks: list[Path], bundle_files: list[Path]
) -> None:
    merged = bundle.merge([bundle.read(f) for f in bundle_files], START, END)
    values = sorted(
        days
        for path in desks
        for days, number in _figures(path).contacts.histogram
        for _ in range(number)
    )
    middle = len(values) // 2
    expected = values[middle] if len(values) % 2 else (values[middle - 1] + values[middle]) / 2
    # Whole days, and bars rounded to tens: the median moves a little, not much.
    assert merged.contacts.median_days is not None
    assert abs(merged.contacts.median_days - expected) <= 3


def _personal_values(path: Path) -> set[str]:
    db = database.open_database(path)
    try:
        # Prefixes such as 'van' are words of the questionnaire too; the surname itself counts.
        values: set[str] = set()
        for row in db.execute(
            "SELECT reference, initials, first_name, surname, birth_date, bsn, "
            "klantmanager FROM clients"
        ):
            values.update(str(v) for v in row if v)
        values.update(
            str(row[0])
            for row in db.execute("SELECT respondent FROM quickscan_responses")
            if row[0]
        )
        return values
    finally:
        db.close()


def test_a_bundle_holds_no_name_reference_birth_date_or_bsn(
    desks: list[Path], bundle_files: list[Path]
) -> None:
    for path, file in zip(desks, bundle_files, strict=True):
        text = file.read_text(encoding="utf-8")
        found = [
            value
            for value in _personal_values(path)
            if len(value) > 2 and re.search(rf"(?<!\w){re.escape(value)}(?!\w)", text)
        ]
        assert found == [], file.name
    assert "Quellenburg" not in bundle_files[1].read_text(encoding="utf-8")
    assert "Opmerking" not in bundle_files[1].read_text(encoding="utf-8")


def test_the_merged_report_hides_what_is_below_the_minimum(
    bundle_files: list[Path], tmp_path: Path
) -> None:
    bundles = [bundle.read(f) for f in bundle_files]
    merged = bundle.merge(bundles, START, END)
    shown = inclusion_cells.published(merged, 20)
    tens = [cell for cell, n in inclusion_cells.counts(merged).items() if n == 10]
    assert tens, "the test needs a count of 10"
    assert all(not shown.shown(cell) for cell in tens)
    out = tmp_path / "team.pdf"
    combine.write_bundle_report(
        bundles, out, start=START, end=END, municipality="Leiden", min_group_size=20, today=TODAY
    )
    text = "\n".join(page.extract_text() for page in pypdf.PdfReader(out).pages)
    assert "Inclusierapport" in text and "verborgen" in text


def test_the_merged_report_says_its_zeros_may_be_a_few_clients(
    bundle_files: list[Path], tmp_path: Path
) -> None:
    """Each bundle rounds a small group to 0 or 10, so a merged 0 may be a few clients: the
    report says so where it explains its numbers, instead of 'a group under 10 is hidden and a
    0 is a real 0' (which holds for a report made from the caseload itself)."""
    bundles = [bundle.read(f) for f in bundle_files]
    out = tmp_path / "team.pdf"
    combine.write_bundle_report(
        bundles, out, start=START, end=END, municipality="Leiden", today=TODAY
    )
    text = " ".join("\n".join(page.extract_text() for page in pypdf.PdfReader(out).pages).split())
    assert f"Samengevoegd uit {len(bundles)} teambundels." in text
    assert "een 0 kan dus ook een paar klanten zijn" in text
    assert "Een 0 wordt getoond" not in text
    assert "dan staat er 'verborgen'" not in text


def test_merge_refuses_another_period_and_the_same_bundle_twice(bundle_files: list[Path]) -> None:
    one = bundle.read(bundle_files[0])
    with pytest.raises(bundle.BundleRejected, match="periode"):
        bundle.merge([one], START, dt.date(2025, 6, 30))
    with pytest.raises(bundle.BundleRejected, match="twee keer"):
        bundle.merge([one, one], START, END)
    with pytest.raises(bundle.BundleRejected, match="afgerond"):
        bundle.merge([one, dataclasses.replace(bundle.read(bundle_files[1]), base=5)], START, END)
    late = dataclasses.replace(
        bundle.read(bundle_files[1]),
        figures=dataclasses.replace(
            one.figures,
            contacts=dataclasses.replace(one.figures.contacts, threshold_days=30),
        ),
    )
    with pytest.raises(bundle.BundleRejected, match="grens"):
        bundle.merge([one, late], START, END)


@pytest.mark.parametrize("count", [263, 3, 10**30])
def test_a_bundle_changed_by_hand_is_refused(
    bundle_files: list[Path], tmp_path: Path, count: int
) -> None:
    """Trede writes every count as a multiple of the base; 263 or 3 would print a group
    exactly, and 10**30 is no count (it stopped the report with an unexpected error)."""
    data = json.loads(bundle_files[0].read_text(encoding="utf-8"))
    data["counts"]["in_period"] = count
    path = tmp_path / "aangepast.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(bundle.BundleRejected) as refusal:
        bundle.read(path)
    assert refusal.value.message.startswith("aangepast.json is beschadigd")


@pytest.mark.parametrize(
    "content", ["", "{}", '{"format": "trede-team-bundle", "version": 2}', "[1, 2]", "\xff"]
)
def test_a_broken_bundle_is_refused_in_one_sentence(tmp_path: Path, content: str) -> None:
    path = tmp_path / "kapot.json"
    path.write_text(content, encoding="latin-1")
    with pytest.raises(bundle.BundleRejected) as refusal:
        bundle.read(path)
    assert "kapot.json" in refusal.value.message


def test_export_is_logged(desks: list[Path], tmp_path: Path) -> None:
    _bundle(desks[0], tmp_path / "b.json")
    db = database.open_database(desks[0])
    try:
        entry = db.execute("SELECT action, object FROM audit_log ORDER BY id DESC").fetchone()
    finally:
        db.close()
    data = json.loads((tmp_path / "b.json").read_text(encoding="utf-8"))
    assert entry == ("bundle.export", f"bundle:{data['id']}")


def test_the_roles_are_compared_on_shared_questions_on_one_desk_and_merged(
    desks: list[Path], bundle_files: list[Path]
) -> None:
    db = database.open_database(desks[1])
    try:
        own = combine.team_scans(db, None)
    finally:
        db.close()
    merged = combine.merge_bundles([bundle.read(p) for p in bundle_files], START, END).quickscans
    assert own is not None and merged is not None
    for roles in (own, merged):
        assert [row.theme for row in roles.themes] == [row.theme for row in own.themes]
        # Every theme of the bundled questionnaire has three questions for every role.
        assert all(row.shared >= 3 for row in roles.themes)
        assert all(row.spread is not None for row in roles.themes)
