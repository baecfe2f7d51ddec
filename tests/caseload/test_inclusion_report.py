"""The inclusion report as a reader sees it: numbers, hidden small groups, no people, same bytes."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from pathlib import Path

import pypdf
import pytest
from sqlite_utils import Database

from app import database
from caseload import clients, demo, inclusion, inclusion_report, journal, model, report_pdf

TODAY = dt.date(2026, 3, 16)
START, END = dt.date(2025, 1, 1), dt.date(2026, 3, 1)
ACTOR = "test"

#: Origin group, how many clients, and the origin fields they are stored with.
GROUPS = [
    ("geen", 30, {"born_in_nl": True, "migration_generation": "geen"}),
    (
        "migrant_buiten_europa",
        22,
        {"born_in_nl": False, "migration_generation": "migrant", "origin_continent": "afrika"},
    ),
    (
        "kind_buiten_europa",
        14,
        {
            "born_in_nl": True,
            "migration_generation": "kind_van_migrant",
            "origin_continent": "azie",
        },
    ),
    # The small group: fewer clients than the minimum of 10.
    (
        "migrant_europa",
        4,
        {"born_in_nl": False, "migration_generation": "migrant", "origin_continent": "europa"},
    ),
]
SMALL = 4
FIRST_NAMES = ["Zoë", "Mehmet", "Fatima", "Jan", "Anouk", "Kwame", "Yusuf", "Priya"]
SURNAMES = ["Öztürk", "Dijkstra", "El Amrani", "Mensah", "Vermeulen", "Kowalski", "Nguyen"]


def _text(path: Path) -> list[str]:
    return [page.extract_text() for page in pypdf.PdfReader(path).pages]


@pytest.fixture(scope="module")
def origin_db(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Database]:
    """70 clients in four origin groups, one of them with only 4 clients."""
    db = database.open_database(tmp_path_factory.mktemp("origin") / "origin.db")
    number = 0
    for _code, size, origin in GROUPS:
        for _index in range(size):
            number += 1
            client = clients.add(
                db,
                model.ClientDetails(
                    reference=f"R{number:05d}X",
                    first_name=FIRST_NAMES[number % len(FIRST_NAMES)],
                    surname=SURNAMES[number % len(SURNAMES)] + f"{number:02d}",
                    birth_date=dt.date(1970 + number % 30, 1 + number % 12, 1 + number % 27),
                    guidance_start=dt.date(2024, 6, 1) + dt.timedelta(days=number * 3),
                    klantmanager="Anouk Bakker",
                    team="Team Noord",
                    **origin,
                ),
                actor=ACTOR,
                today=TODAY,
            ).value
            journal.record_step(
                db, client.id, trede=2, measured_on=dt.date(2024, 12, 1), actor=ACTOR, today=TODAY
            )
            journal.record_step(
                db,
                client.id,
                trede=2 + number % 3,
                measured_on=dt.date(2025, 9, 1),
                actor=ACTOR,
                today=TODAY,
            )
            journal.add_contact(
                db, client.id, kind="kantoor", contact_on=dt.date(2026, 2, 20), actor=ACTOR,
                today=TODAY,
            )  # fmt: skip
            journal.add_barrier(
                db, client.id, kind="taal", severity=2, since=dt.date(2025, 2, 1), actor=ACTOR,
                today=TODAY,
            )  # fmt: skip
            if number % 4 == 0:
                clients.close(
                    db, client.id, on=dt.date(2025, 11, 1), reason="uitstroom_werk", actor=ACTOR,
                    today=TODAY,
                )  # fmt: skip
    yield db
    db.close()


@pytest.fixture(scope="module")
def origin_report(origin_db: Database, tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("report") / "inclusie.pdf"
    inclusion_report.write_inclusion_report(
        origin_db, path, start=START, end=END, team="Team Noord", municipality="Leiden",
        origin_enabled=True, today=TODAY,
    )  # fmt: skip
    return path


def _origin_page(path: Path) -> str:
    page = next(text for text in _text(path) if "Kerncijfers naar herkomst" in text)
    return " ".join(page.split())  # labels wrap inside their cells


def _row(page: str, label: str) -> str:
    """The text of one table row: from its label up to the next row's label."""
    labels = [
        "Geen migratieachtergrond",
        "Migrant uit Europa",
        "Migrant van buiten Europa",
        "Kind van migrant(en) uit",
        "Kind van migrant(en) van",
        "Herkomst niet",
        "Alle klanten",
        "Naar werk: deel",
    ]
    begin = page.index(label)
    following = [
        page.index(other) for other in labels if other != label and page.find(other) > begin
    ]
    return page[begin : min(following)]


def test_the_small_origin_group_shows_no_figure(origin_report: Path) -> None:
    row = _row(_origin_page(origin_report), "Migrant uit Europa")
    assert re.findall(r"\d", row) == []
    assert row.count("verborgen") == 5


def test_the_small_group_cannot_be_worked_back_from_the_total(origin_report: Path) -> None:
    page = _origin_page(origin_report)
    total = int(_row(page, "Alle klanten").split()[2])  # 'Alle klanten 70 ...'
    assert total == sum(size for _code, size, _origin in GROUPS)
    shown = []
    for label in (
        "Geen migratieachtergrond",
        "Migrant van buiten Europa",
        "Kind van migrant(en) van",
    ):
        first = _row(page, label).replace(label, "").split()
        # Some rows wrap their label over two lines; the first cell follows the label text.
        cells = [word for word in first if word.isdigit() or word == "verborgen"]
        shown.append(cells[0])
    # Every printed count is a multiple of 10, so the total minus the shown counts is too.
    known = sum(int(cell) for cell in shown if cell != "verborgen")
    assert all(int(cell) % 10 == 0 for cell in shown if cell != "verborgen")
    assert total - known != SMALL and (total - known) % 10 == 0


def test_no_name_reference_or_birth_date_in_the_report(
    origin_db: Database, origin_report: Path
) -> None:
    text = "\n".join(_text(origin_report))
    for reference, _first, surname, birth in origin_db.execute(
        "SELECT reference, first_name, surname, birth_date FROM clients"
    ):
        assert reference not in text
        assert surname not in text
        assert birth not in text
    for first in FIRST_NAMES:
        assert first not in text
    assert "Anouk Bakker" not in text  # no klantmanager either


def test_every_page_shows_municipality_period_and_page_number(origin_report: Path) -> None:
    pages = _text(origin_report)
    for number, text in enumerate(pages, start=1):
        assert "Leiden · Team Noord · 1 jan 2025 t/m 1 mrt 2026" in text
        assert f"Pagina {number} van {len(pages)}" in text
    assert "Definities en werkwijze" in pages[-1]


def test_same_data_and_today_give_the_same_bytes(origin_db: Database, tmp_path: Path) -> None:
    paths = [tmp_path / "a.pdf", tmp_path / "b.pdf"]
    for path in paths:
        inclusion_report.write_inclusion_report(
            origin_db, path, start=START, end=END, municipality="Leiden", origin_enabled=True,
            today=TODAY,
        )  # fmt: skip
    assert paths[0].read_bytes() == paths[1].read_bytes()


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Database]:
    db = database.open_database(tmp_path_factory.mktemp("demo") / "demo.db")
    demo.fill(db, 200, seed=3, today=TODAY)
    yield db
    db.close()


def _markers(text: str) -> int:
    """How many counts print as hidden (the word in the explanations is quoted, ends a sentence
    or goes on with a word, on the same line or the next)."""
    return len(re.findall(r"(?<!')\bverborgen\b(?![.' ]|\n(?!verborgen)[a-z])", text))


def _number(value: int) -> str:
    return f"{value:,}".replace(",", ".")


def test_the_key_figures_in_the_text_are_the_counted_ones(
    demo_db: Database, tmp_path: Path
) -> None:
    path = tmp_path / "inclusie.pdf"
    start, end = dt.date(2025, 4, 1), dt.date(2026, 3, 31)
    inclusion_report.write_inclusion_report(
        demo_db, path, start=start, end=end, municipality="Leiden", min_group_size=1,
        today=TODAY,
    )  # fmt: skip
    total = inclusion.figures(demo_db, inclusion.Period(start, end)).total
    text = "\n".join(_text(path))
    for label, value in (
        ("In begeleiding bij het begin van de periode", total.at_start),
        ("Instroom: begeleiding begonnen in de periode", total.inflow),
        ("Klanten in begeleiding in de periode", total.in_period),
        ("Uitstroom: begeleiding afgesloten in de periode", total.outflow),
        ("In begeleiding aan het eind van de periode", total.at_end),
    ):
        assert re.search(re.escape(label) + r"\s+" + re.escape(_number(value)) + r"\b", text)
    assert f"Van de {_number(total.measured)} klanten met twee metingen" in text
    assert _markers(text) == 0


def test_small_groups_in_a_demo_team_say_verborgen(demo_db: Database, tmp_path: Path) -> None:
    path = tmp_path / "team.pdf"
    inclusion_report.write_inclusion_report(
        demo_db, path, start=dt.date(2025, 4, 1), end=dt.date(2026, 3, 15),
        team="Team Noord", municipality="Leiden", today=TODAY,
    )  # fmt: skip
    text = "\n".join(_text(path))
    assert _markers(text) > 0


def test_a_start_after_the_end_is_refused_in_one_sentence(
    demo_db: Database, tmp_path: Path
) -> None:
    with pytest.raises(report_pdf.InvalidPeriod, match="ligt na de einddatum"):
        inclusion_report.write_inclusion_report(
            demo_db, tmp_path / "x.pdf", start=END, end=START, municipality="Leiden"
        )
    assert not (tmp_path / "x.pdf").exists()


def test_a_period_that_has_not_ended_is_counted_up_to_today(
    demo_db: Database, tmp_path: Path
) -> None:
    """The whole of 2026 asked on 16 March: the report is of 1 January up to today, with the
    same figures; counting up to 31 December called every client 'too long without contact'
    (the last contact lies more than 14 days before a day still to come)."""
    year, so_far = tmp_path / "year.json", tmp_path / "so-far.json"
    for path, end in ((year, dt.date(2026, 12, 31)), (so_far, TODAY)):
        inclusion_report.write_inclusion_report(
            demo_db, path, start=dt.date(2026, 1, 1), end=end, municipality="Leiden", today=TODAY
        )
    assert year.read_bytes() == so_far.read_bytes()
    pdf = tmp_path / "year.pdf"
    inclusion_report.write_inclusion_report(
        demo_db, pdf, start=dt.date(2026, 1, 1), end=dt.date(2026, 12, 31),
        municipality="Leiden", today=TODAY,
    )  # fmt: skip
    assert "1 jan 2026 t/m 16 mrt 2026" in _text(pdf)[0]
    with pytest.raises(report_pdf.InvalidPeriod, match="na vandaag"):
        inclusion_report.write_inclusion_report(
            demo_db, tmp_path / "later.pdf", start=dt.date(2026, 4, 1), end=dt.date(2026, 6, 30),
            municipality="Leiden", today=TODAY,
        )  # fmt: skip
    assert not (tmp_path / "later.pdf").exists()


def test_a_folder_as_target_is_refused(demo_db: Database, tmp_path: Path) -> None:
    with pytest.raises(report_pdf.ReportNotWritten, match="is een map"):
        inclusion_report.write_inclusion_report(
            demo_db, tmp_path, start=START, end=END, municipality="Leiden"
        )


def test_a_report_of_one_client_is_one_page_that_says_why(db: Database, tmp_path: Path) -> None:
    demo.fill(db, 1, seed=5, today=TODAY)
    path = tmp_path / "een.pdf"
    inclusion_report.write_inclusion_report(
        db, path, start=dt.date(2020, 1, 1), end=TODAY, municipality="Leiden", today=TODAY
    )
    pages = _text(path)
    assert len(pages) == 1
    text = " ".join(pages[0].split())
    assert "Te weinig klanten voor dit rapport" in text
    assert "minder dan 10 klanten in begeleiding" in text
    assert "Kerncijfers" not in text and "laatste pagina" not in text


def test_a_period_without_clients_says_there_is_nothing_to_count(
    demo_db: Database, tmp_path: Path
) -> None:
    path = tmp_path / "leeg.pdf"
    inclusion_report.write_inclusion_report(
        demo_db, path, start=dt.date(1990, 1, 1), end=dt.date(1990, 12, 31),
        team="Team Noord", municipality="Leiden", today=TODAY,
    )  # fmt: skip
    text = " ".join(" ".join(_text(path)).split())
    assert "geen enkele klant in begeleiding" in text
    assert "of maak het rapport voor alle teams samen" in text
