"""The client progress report: the client's own history in plain words, confidential on each page."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

import pypdf
import pytest
from sqlite_utils import Database

from caseload import client_report, clients, journal, model, report_pdf

TODAY = dt.date(2026, 3, 16)
ACTOR = "km.devries"


def _pages(path: Path) -> list[str]:
    """The text of each page with line breaks as spaces (table cells wrap)."""
    return [" ".join(page.extract_text().split()) for page in pypdf.PdfReader(path).pages]


@pytest.fixture
def client(db: Database, add_client: Callable[..., model.Client]) -> model.Client:
    """Zoë de Vries: three measurements, two barriers, two actions and many contacts."""
    zoe = add_client(guidance_start=dt.date(2025, 1, 6))
    for day, trede in (("2025-01-10", 2), ("2025-06-02", 3), ("2025-12-01", 4)):
        journal.record_step(
            db, zoe.id, trede=trede, measured_on=dt.date.fromisoformat(day), actor=ACTOR,
            today=TODAY,
        )  # fmt: skip
    language = journal.add_barrier(
        db, zoe.id, kind="taal", severity=3, since=dt.date(2025, 1, 10), actor=ACTOR, today=TODAY
    ).value
    journal.update_barrier(
        db, model.Barrier(**{**language.__dict__, "status": "opgelost"}),
        on=dt.date(2025, 11, 20), actor=ACTOR, today=TODAY,
    )  # fmt: skip
    journal.add_barrier(
        db, zoe.id, kind="zorgtaken", severity=2, status="in_aanpak", since=dt.date(2025, 3, 1),
        actor=ACTOR, today=TODAY,
    )  # fmt: skip
    journal.add_action(
        db, zoe.id, intervention="taalcursus", goal="Taalniveau A2 halen", status="afgerond",
        start_on=dt.date(2025, 2, 1), due_on=dt.date(2025, 10, 1), result="Examen gehaald",
        actor=ACTOR,
    )  # fmt: skip
    journal.add_action(
        db, zoe.id, intervention="vrijwilligerswerk", goal="Twee ochtenden per week meedoen",
        status="lopend", start_on=dt.date(2025, 12, 1), due_on=dt.date(2026, 6, 1), actor=ACTOR,
    )  # fmt: skip
    for month in range(1, 13):
        journal.add_contact(
            db, zoe.id, kind="kantoor", contact_on=dt.date(2025, month, 15),
            summary=f"Gesprek in maand {month}", actor=ACTOR, today=TODAY,
        )  # fmt: skip
    return zoe


def test_the_report_shows_history_barriers_plan_and_contacts(
    db: Database, client: model.Client, tmp_path: Path
) -> None:
    path = tmp_path / "verslag.pdf"
    client_report.write_client_report(
        db, path, reference="KL0000001", municipality="Leiden", today=TODAY
    )
    pages = _pages(path)
    text = "\n".join(pages)
    for page in pages:
        assert "Vertrouwelijk" in page
        assert "Leiden · 6 januari 2025 t/m 16 maart 2026" in page
    assert "Zoë de Vries" in text and "KL0000001" in text
    assert "Waar staat u nu?" in text
    assert "U staat op trede 4 van 6: Onbetaald werk." in text
    # The report speaks to the client, also where it explains the trede.
    assert "U doet onbetaald werk waarin anderen op u rekenen" in " ".join(text.split())
    assert "De klant" not in text
    assert "Sinds 10 januari 2025 bent u 2 treden gestegen." in text
    for line in ("2. Sociale contacten buiten de deur", "3. Deelname aan georganiseerde"):
        assert line in text
    assert "Wat houdt u tegen?" in text
    assert "Opgelost op 20 november 2025" in text
    assert "Zorgtaken" in text and "In aanpak, sinds 1 maart 2025" in text
    assert "Wat gaan we doen?" in text
    assert "Taalcursus" in text and "Afgerond: Examen gehaald" in text
    assert "Vrijwilligerswerk" in text and "Loopt" in text
    assert "In deze periode hadden we 12 keer contact." in text
    assert "Gesprek in maand 7" in text


def test_a_period_limits_the_contacts_and_the_history(
    db: Database, client: model.Client, tmp_path: Path
) -> None:
    path = tmp_path / "verslag.pdf"
    client_report.write_client_report(
        db, path, reference="KL0000001", start=dt.date(2025, 7, 1), end=dt.date(2025, 9, 30),
        municipality="Leiden", today=TODAY,
    )  # fmt: skip
    text = "\n".join(_pages(path))
    assert "In deze periode hadden we 3 keer contact." in text
    assert "Gesprek in maand 6" not in text and "Gesprek in maand 10" not in text
    # The measurement before the period is the starting point; the later one is not shown.
    assert "U staat op trede 3 van 6" in text
    assert "2 juni 2025" in text and "1 december 2025" not in text


def test_same_data_and_today_give_the_same_bytes(
    db: Database, client: model.Client, tmp_path: Path
) -> None:
    paths = [tmp_path / "a.pdf", tmp_path / "b.pdf"]
    for path in paths:
        client_report.write_client_report(
            db, path, reference="KL0000001", municipality="Leiden", today=TODAY
        )
    assert paths[0].read_bytes() == paths[1].read_bytes()


def test_a_client_without_records_gets_a_short_report(
    db: Database, add_client: Callable[..., model.Client], tmp_path: Path
) -> None:
    add_client(reference="KL0000002")
    path = tmp_path / "leeg.pdf"
    client_report.write_client_report(
        db, path, reference="KL0000002", municipality="Leiden", today=TODAY
    )
    text = "\n".join(_pages(path))
    assert "Er is nog niet gemeten op welke trede" in text
    assert "In deze periode is geen obstakel genoteerd." in text
    assert "In deze periode was er geen contact." in text


def test_an_unknown_reference_is_one_sentence(db: Database, tmp_path: Path) -> None:
    with pytest.raises(client_report.UnknownReference) as raised:
        client_report.write_client_report(
            db, tmp_path / "x.pdf", reference="KL404", municipality="Leiden"
        )
    assert raised.value.message == "Er is geen klant met klantnummer KL404."
    assert not (tmp_path / "x.pdf").exists()


def test_a_start_after_the_end_is_refused(
    db: Database, client: model.Client, tmp_path: Path
) -> None:
    with pytest.raises(report_pdf.InvalidPeriod):
        client_report.write_client_report(
            db, tmp_path / "x.pdf", reference="KL0000001", start=dt.date(2026, 1, 1),
            end=dt.date(2025, 1, 1), municipality="Leiden",
        )  # fmt: skip
    assert clients.find(db, "KL0000001") is not None
