"""The client progress report: the client's own history in plain words, confidential on each page."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

import pypdf
import pytest
from sqlite_utils import Database

from caseload import (
    client_file,
    client_report,
    client_report_sections,
    client_words,
    clients,
    journal,
    model,
    report_pdf,
)
from resources import i18n, plain_language

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
            summary=f"Gesprek in maand {month}", share_with_client=True, actor=ACTOR, today=TODAY,
        )  # fmt: skip
    journal.add_contact(
        db, zoe.id, kind="huisbezoek", contact_on=dt.date(2025, 8, 20),
        summary="Klant was niet thuis, buren zeggen dat zij vaak weg is.", actor=ACTOR,
        today=TODAY,
    )  # fmt: skip
    return zoe


def test_the_report_speaks_to_the_client_with_respect(
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
        assert "Leiden · 6 jan 2025 t/m 16 mrt 2026" in page
    assert "Zoë de Vries" in text and "KL0000001" in text
    headings = ("Waar staat u nu", "Wat gaat goed", "Waar we samen aan werken", "Woordenlijst")
    positions = [text.index(heading) for heading in headings]
    assert positions == sorted(positions)
    assert "Op de participatieladder staat u nu op trede 4 van 6." in text
    # The report speaks to the client, also where it explains the trede.
    assert "U doet elke week onbetaald werk waarin anderen op u rekenen" in " ".join(text.split())
    assert "De klant" not in text
    assert "Sinds 10 jan 2025 bent u 2 treden gestegen." in text
    for line in ("2. Contact buiten de deur", "3. Meedoen aan activiteiten"):
        assert line in text
    for blunt in ("Geïsoleerd", "Wat houdt u tegen", "Obstakel"):
        assert blunt not in text
    assert "Opgelost op 20 nov 2025: Taal." in text
    assert "Afgerond: Taalcursus. Resultaat: Examen gehaald" in text
    assert "Zorgtaken" in text and "1 mrt 2025" in text
    assert "Uw plan van aanpak" in text and "Vrijwilligerswerk" in text and "Loopt" in text
    assert "In deze periode hadden we 13 keer contact." in text
    assert "Gesprek in maand 7" in text


def test_an_unshared_contact_note_never_reaches_the_client(
    db: Database, client: model.Client, tmp_path: Path
) -> None:
    path = tmp_path / "verslag.pdf"
    client_report.write_client_report(
        db, path, reference="KL0000001", municipality="Leiden", today=TODAY
    )
    text = " ".join(_pages(path))
    assert "niet thuis" not in text and "buren" not in text
    assert "Gesprek in maand 8" in text  # the shared one of the same month is there


def test_a_new_contact_is_internal_unless_marked_to_share(
    db: Database, client: model.Client
) -> None:
    contact = journal.add_contact(db, client.id, kind="telefonisch", actor=ACTOR, today=TODAY)
    assert contact.value.share_with_client is False


def test_a_closed_file_says_when_and_why_guidance_ended(
    db: Database, client: model.Client, tmp_path: Path
) -> None:
    clients.close(db, client.id, on=dt.date(2026, 2, 27), reason="uitstroom_werk", actor=ACTOR)
    path = tmp_path / "verslag.pdf"
    client_report.write_client_report(
        db, path, reference="KL0000001", municipality="Leiden", today=TODAY
    )
    text = " ".join(_pages(path))
    assert "Uw begeleiding is afgerond" in text
    assert "Uw begeleiding is afgesloten op 27 feb 2026. De reden: Uitstroom naar werk." in text
    # The word list explains the reason's jargon too.
    words = text[text.index("Woordenlijst") :]
    assert "Uitstroom naar werk" in words
    # What was still open is told as it was when guidance stopped, not as work still shared.
    assert "We pakken het samen aan" not in text
    assert "Waar we samen aan werken" not in text and "Waar we aan werkten" in text
    assert (
        "Dit maakte werk of meedoen moeilijker toen uw begeleiding stopte op 27 feb 2026." in text
    )
    assert "Wat nog open stond in uw plan" in text


def test_the_word_list_explains_every_listed_term_the_report_uses(
    db: Database, client: model.Client, tmp_path: Path
) -> None:
    journal.add_barrier(db, client.id, kind="zelfredzaamheid", severity=2, actor=ACTOR, today=TODAY)
    journal.record_step(
        db, client.id, trede=5, measured_on=dt.date(2026, 3, 1), actor=ACTOR, today=TODAY
    )
    journal.add_action(
        db, client.id, intervention="jobcoach", goal="Loonkostensubsidie aanvragen", actor=ACTOR
    )
    path = tmp_path / "verslag.pdf"
    client_report.write_client_report(
        db, path, reference="KL0000001", municipality="Leiden", today=TODAY
    )
    text = " ".join(_pages(path))
    body, words = text.split("Woordenlijst", 1)
    for word in client_words.WORDS:
        if any(pattern.casefold() in body.casefold() for pattern in word.patterns()):
            assert word.term in words, word.term
    for term in (
        "Zelfredzaamheid",
        "Loonkostensubsidie",
        "Jobcoach",
        "Participatieladder",
        "Trede",
    ):
        assert term in words, term
    assert "Zelfredzaamheid: hoe goed u zelf uw zaken regelt" not in words  # a table, not prose
    assert "Hoe goed u zelf uw zaken regelt" in words


@pytest.mark.parametrize("language", ["nl", "en"])
def test_the_client_report_averages_at_most_15_words_a_sentence(
    db: Database, client: model.Client, language: str
) -> None:
    clients.close(db, client.id, on=dt.date(2026, 2, 27), reason="verhuisd", actor=ACTOR)
    journal.add_barrier(db, client.id, kind="zelfredzaamheid", severity=2, actor=ACTOR, today=TODAY)
    file = client_file.load(db, client.id)
    data = client_report.ClientReportData(
        file=file,
        start=dt.date(2025, 1, 6),
        end=dt.date(2026, 3, 16),
        municipality="Leiden",
        made_on=TODAY,
    )
    with i18n.language(language):
        texts = client_report_sections.texts(client_report.story(data))
    # Sentences, not labels: every text that ends like a sentence, the word list included.
    prose = [text for text in texts if text.rstrip().endswith((".", "?", "!"))]
    assert len(prose) >= 15
    assert any("Woordenlijst" in text or "Word list" in text for text in texts)
    assert plain_language.average_sentence_length(prose) <= plain_language.MAX_AVERAGE_WORDS


def test_a_period_limits_the_contacts_and_the_history(
    db: Database, client: model.Client, tmp_path: Path
) -> None:
    path = tmp_path / "verslag.pdf"
    client_report.write_client_report(
        db, path, reference="KL0000001", start=dt.date(2025, 7, 1), end=dt.date(2025, 9, 30),
        municipality="Leiden", today=TODAY,
    )  # fmt: skip
    text = "\n".join(_pages(path))
    assert "In deze periode hadden we 4 keer contact." in text
    assert "Gesprek in maand 6" not in text and "Gesprek in maand 10" not in text
    # The measurement before the period is the starting point; the later one is not shown.
    assert "staat u nu op trede 3 van 6" in text
    assert "2 jun 2025" in text and "1 dec 2025" not in text


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
    assert "Er staan nu geen open punten in uw plan." in text
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


def test_a_period_beyond_today_ends_today_and_one_still_to_come_is_refused(
    db: Database, client: model.Client, tmp_path: Path
) -> None:
    path = tmp_path / "verslag.pdf"
    client_report.write_client_report(
        db, path, reference="KL0000001", start=dt.date(2026, 1, 1), end=dt.date(2026, 12, 31),
        municipality="Leiden", today=TODAY,
    )  # fmt: skip
    assert "1 jan 2026 t/m 16 mrt 2026" in _pages(path)[0]
    with pytest.raises(report_pdf.InvalidPeriod, match="na vandaag"):
        client_report.write_client_report(
            db, tmp_path / "later.pdf", reference="KL0000001", start=dt.date(2026, 6, 1),
            end=dt.date(2026, 12, 31), municipality="Leiden", today=TODAY,
        )  # fmt: skip
    assert not (tmp_path / "later.pdf").exists()
