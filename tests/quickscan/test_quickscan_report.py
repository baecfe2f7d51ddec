"""The advice report (PDF), read back with pypdf as a reader would see it."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from pypdf import PdfReader
from sqlite_utils import Database

from quickscan import comparison, loader, report, source_sections, store
from quickscan import questionnaire as model
from quickscan.errors import IncomparableResults, UnknownResponse
from resources import i18n

TODAY = dt.date(2026, 3, 1)
COMMENTS = {
    "visie-02": "Dit verschilt per klantmanager.",
    "vak-01": "Geen budget <voor> training & ook geen tijd, zegt Zoë.",
}


def _given(
    questionnaire: model.Questionnaire,
    role: str,
    *,
    shift: int = 0,
    unknown_theme: str | None = None,
    comments: dict[str, str] | None = None,
) -> list[store.GivenAnswer]:
    """Varied answers: every fifth 'weet niet', one theme all 'weet niet', some comments."""
    given = []
    for index, question in enumerate(questionnaire.questions_for(role)):
        value: int | None = questionnaire.value_at(question.id, index + shift)
        if question.theme == unknown_theme or index % 5 == 4:
            value = None
        comment = (comments or {}).get(question.id)
        given.append(store.GivenAnswer(question.id, value, comment))
    return given


def _submit(
    db: Database,
    role: str,
    *,
    respondent: str | None = "Fatima el Amrani",
    language: str = "nl",
    questionnaire: model.Questionnaire | None = None,
    **answers: object,
) -> int:
    questionnaire = questionnaire or loader.load_bundled()
    response = store.submit(
        db,
        questionnaire,
        role,
        respondent,
        "Team Noord",
        _given(questionnaire, role, **answers),  # type: ignore[arg-type]
        actor="test",
        language=language,
    ).value
    return response.id


@pytest.fixture
def scans(db: Database) -> dict[str, int]:
    """An earlier and a current klantmanager scan, and one scan of each other role."""
    return {
        "earlier": _submit(db, "klantmanager", shift=2),
        "manager": _submit(db, "manager", respondent=None, shift=3),
        "beleid": _submit(db, "beleidsmedewerker", shift=1),
        "now": _submit(db, "klantmanager", unknown_theme="sturing", comments=COMMENTS),
    }


def _write(
    db: Database, response_id: int, tmp_path: Path, name: str = "rapport.pdf", **kw: object
) -> Path:
    target = tmp_path / name
    report.write_advice_report(
        db,
        response_id,
        target,
        municipality="Gemeente Leiden",
        today=TODAY,
        **kw,  # type: ignore[arg-type]
    )
    return target


def _pages(path: Path) -> list[str]:
    """The text of each page, with line breaks and runs of spaces made single spaces."""
    return [" ".join(page.extract_text().split()) for page in PdfReader(path).pages]


def _text(path: Path) -> str:
    return " ".join(_pages(path))


def test_the_cover_says_for_whom_and_with_which_questionnaire(
    db: Database, scans: dict[str, int], tmp_path: Path
) -> None:
    cover = _pages(_write(db, scans["now"], tmp_path))[0]
    for expected in (
        "Adviesrapport Quickscan Diversiteit",
        "Gemeente Leiden",
        "Team Noord",
        "Klantmanager",
        "Fatima el Amrani",
        "trede-quickscan-diversiteit, versie 2.0",
        "Verdere Integratie op de Arbeidsmarkt (VIA)",
    ):
        assert expected in cover


def test_an_anonymous_scan_says_anoniem(
    db: Database, scans: dict[str, int], tmp_path: Path
) -> None:
    cover = _pages(_write(db, scans["manager"], tmp_path))[0]
    assert "anoniem" in cover and "Fatima" not in cover


def test_the_summary_shows_every_theme_score_on_the_chart_and_the_lack_of_view(
    db: Database, scans: dict[str, int], tmp_path: Path
) -> None:
    summary = _pages(_write(db, scans["now"], tmp_path))[1]
    result = store.result(db, scans["now"])
    assert (
        "Samenvatting" in summary
        and "Totaalscore: " + i18n.format_number(result.overall or 0) in summary
    )
    for theme in result.themes:
        if theme.score is not None:
            assert i18n.format_number(theme.score) in summary
    # Theme "sturing" is all 'weet niet': no score, a finding that says how many.
    assert result.insufficient_view == ("sturing",)
    assert "onvoldoende zicht" in summary
    assert "Sturing, ruimte en leren: bij 4 van de 4 vragen 'weet niet'" in summary


def test_every_theme_has_its_advice_actions_and_sources(
    db: Database, scans: dict[str, int], tmp_path: Path
) -> None:
    text = _text(_write(db, scans["now"], tmp_path))
    result = store.result(db, scans["now"])
    questionnaire = loader.load_bundled()
    assert len(result.themes) == 8
    for theme in result.themes:
        definition = questionnaire.theme(theme.theme)
        assert definition is not None and definition.title.get("nl") in text
        assert theme.advice is not None
        assert " ".join(theme.advice.explanation.get("nl").split()) in text
        for action in theme.advice.actions:
            assert " ".join(action.text.get("nl").split()) in text
            assert "Bron: " + " ".join(action.source.split()) in text


def test_the_priorities_are_the_lowest_themes(
    db: Database, scans: dict[str, int], tmp_path: Path
) -> None:
    text = _text(_write(db, scans["now"], tmp_path))
    questionnaire = loader.load_bundled()
    priorities = store.result(db, scans["now"]).priorities
    assert len(priorities) == 3
    for number, theme_id in enumerate(priorities, start=1):
        theme = questionnaire.theme(theme_id)
        assert theme is not None
        assert f"Prioriteit {number}: {theme.title.get('nl')}" in text


def test_the_appendix_holds_every_question_answer_and_comment(
    db: Database, scans: dict[str, int], tmp_path: Path
) -> None:
    pages = _pages(_write(db, scans["now"], tmp_path))
    start = next(i for i, page in enumerate(pages) if "Bijlage: alle vragen en antwoorden" in page)
    appendix = " ".join(pages[start:])
    questionnaire = loader.load_bundled()
    for question in questionnaire.questions_for("klantmanager"):
        assert " ".join(question.text.get("nl").split()) in appendix
    # Markup characters in a comment are printed as typed, not taken as markup.
    for comment in COMMENTS.values():
        assert "Opmerking: " + comment in appendix
    assert appendix.count("Weet niet") >= 4


def test_every_page_has_its_number_and_the_subtitle(
    db: Database, scans: dict[str, int], tmp_path: Path
) -> None:
    pages = _pages(
        _write(db, scans["now"], tmp_path, compare_with=scans["earlier"], include_roles=True)
    )
    assert len(pages) > 5
    for number, page in enumerate(pages, start=1):
        assert f"Pagina {number} van {len(pages)}" in page
        assert "Gemeente Leiden · Team Noord ·" in page


def test_an_english_scan_gives_an_english_report(db: Database, tmp_path: Path) -> None:
    response_id = _submit(db, "klantmanager", language="en")
    text = _text(_write(db, response_id, tmp_path))
    questionnaire = loader.load_bundled()
    for theme in questionnaire.themes:
        assert theme.title.get("en") in text
        assert theme.title.get("nl") not in text
    first = questionnaire.questions_for("klantmanager")[0]
    assert " ".join(first.text.get("en").split()) in text
    assert "Don't know" in text and "Page 1 of" in text
    assert i18n.current_language() == "nl"


def test_an_english_report_cites_its_sources_in_english(db: Database, tmp_path: Path) -> None:
    """A source's section is one Dutch text in the file; the English report prints it in English."""
    response_id = _submit(db, "klantmanager", language="en")
    text = _text(_write(db, response_id, tmp_path))
    with i18n.language("en"):
        english = {section: i18n._(section) for section in source_sections.SECTIONS}
    for section, translated in english.items():
        assert translated != section, f"no English for {section!r}"
        assert f"), {section}" not in text
    assert sum(f"), {translated}" in text for translated in english.values()) >= 5


def test_an_english_comparison_table_breaks_no_header_word(db: Database, tmp_path: Path) -> None:
    """'Difference' is longer than 'Verschil': its column makes room instead of breaking it."""
    earlier = _submit(db, "klantmanager", language="en", shift=2)
    now = _submit(db, "klantmanager", language="en")
    text = _text(_write(db, now, tmp_path, compare_with=earlier))
    assert "Theme Questions Earlier Now Difference In words" in text


def test_every_section_the_bundled_questionnaire_cites_can_be_translated() -> None:
    questionnaire = loader.load_bundled()
    advice = [*questionnaire.advice, questionnaire.insufficient_view_advice]
    actions = [action for given in advice if given is not None for action in given.actions]
    cited = {
        citation.section
        for item in [*questionnaire.questions, *actions]
        for citation in item.citations
    }
    assert cited <= set(source_sections.SECTIONS)


def test_the_comparisons_appear_only_when_asked(
    db: Database, scans: dict[str, int], tmp_path: Path
) -> None:
    plain = _text(_write(db, scans["now"], tmp_path))
    assert "Vergelijking met een eerdere scan" not in plain
    assert "De rollen naast elkaar" not in plain
    compared = _text(_write(db, scans["now"], tmp_path, compare_with=scans["earlier"]))
    assert "Vergelijking met een eerdere scan" in compared and "eerder: " in compared
    assert f"scan {scans['earlier']} van" in compared
    assert "De rollen naast elkaar" not in compared


def test_the_comparison_with_an_earlier_scan_says_what_changed(
    db: Database, scans: dict[str, int], tmp_path: Path
) -> None:
    text = _text(_write(db, scans["now"], tmp_path, compare_with=scans["earlier"]))
    changes = comparison.compare(
        [_side(db, "before", scans["earlier"]), _side(db, "after", scans["now"])]
    )
    rising = [c for c in changes if (c.change or 0) > 0]
    assert rising
    assert (
        f"{len(rising)} thema's scoren hoger" in text or f"{len(rising)} thema scoort hoger" in text
    )
    best = max(rising, key=lambda c: c.change or 0)
    title = loader.load_bundled().theme(best.theme).title.get("nl")  # type: ignore[union-attr]
    assert f"De grootste stijging: {title}" in text


def _side(db: Database, key: str, response_id: int) -> comparison.Side:
    response = store.get_response(db, response_id)
    answers = {qid: a.value for qid, a in store.answers(db, response_id).items()}
    return comparison.Side(key, store.questionnaire_for(db, response), response.role, answers)


def test_the_roles_compare_only_questions_both_answered_and_say_how_many(
    db: Database, tmp_path: Path
) -> None:
    questionnaire = loader.load_bundled()
    shared_visie = [q.id for q in questionnaire.shared_questions() if q.theme == "visie"]
    km = _submit(db, "klantmanager", shift=0)
    given = [
        store.GivenAnswer(
            q.id,
            None if q.id in {"belem-02", *shared_visie[1:]} else questionnaire.value_at(q.id, 1),
        )
        for q in questionnaire.questions_for("manager")
    ]
    store.submit(db, questionnaire, "manager", None, "Team Noord", given, actor="test")
    text = _text(_write(db, km, tmp_path, include_roles=True))
    roles = text[text.index("De rollen naast elkaar") :]
    assert "alleen de vragen die alle rollen hebben beantwoord" in roles
    assert "Het grootste verschil zit bij Belemmeringen aanpakken" in roles
    assert "op 2 dezelfde vragen" in roles
    roles = roles[roles.index("Score per thema en per rol") :]
    barriers = roles[roles.index("Belemmeringen aanpakken") :]
    assert barriers.split("Belemmeringen aanpakken", 1)[1].lstrip().startswith("2 vragen")
    vision = roles[roles.index("Visie en beleid") :]
    assert (
        vision.split("Visie en beleid", 1)[1].lstrip().startswith("te weinig gedeelde vragen (1)")
    )


def test_the_roles_are_side_by_side_largest_difference_first(
    db: Database, scans: dict[str, int], tmp_path: Path
) -> None:
    text = _text(_write(db, scans["now"], tmp_path, include_roles=True))
    assert "De rollen naast elkaar" in text
    for label in ("Klantmanager", "Beleidsmedewerker", "Manager"):
        assert label in text
    sides = [
        _side(db, "klantmanager", scans["now"]),
        _side(db, "beleidsmedewerker", scans["beleid"]),
        _side(db, "manager", scans["manager"]),
    ]
    top = comparison.by_spread(comparison.compare(sides))[0]
    title = loader.load_bundled().theme(top.theme).title.get("nl")  # type: ignore[union-attr]
    assert f"Het grootste verschil zit bij {title}" in text
    assert "Vragen waarover de rollen het meest verschillen" in text


def test_roles_without_other_scans_say_what_to_do(db: Database, tmp_path: Path) -> None:
    alone = _submit(db, "manager")
    text = _text(_write(db, alone, tmp_path, include_roles=True))
    assert "Er is nog geen afgeronde scan van een andere rol in dit team" in text


def test_caseload_evidence_shows_under_its_theme_only(
    db: Database, scans: dict[str, int], tmp_path: Path
) -> None:
    fact = "12 van de 40 klanten hebben een open taalbelemmering zonder taalactie."
    text = _text(
        _write(db, scans["now"], tmp_path, evidence={"belemmeringen": [fact], "visie": []})
    )
    assert text.count("Wat de caseload laat zien") == 1
    assert fact in text
    assert "Wat de caseload laat zien" not in _text(
        _write(db, scans["now"], tmp_path, "zonder.pdf")
    )


def test_the_same_data_gives_the_same_bytes(
    db: Database, scans: dict[str, int], tmp_path: Path
) -> None:
    options = {"compare_with": scans["earlier"], "include_roles": True}
    first = _write(db, scans["now"], tmp_path, "een.pdf", **options).read_bytes()
    second = _write(db, scans["now"], tmp_path, "twee.pdf", **options).read_bytes()
    assert first == second


def test_an_unknown_scan_is_refused(db: Database, tmp_path: Path) -> None:
    with pytest.raises(UnknownResponse, match="Er is geen scan met nummer 42"):
        _write(db, 42, tmp_path)
    assert not (tmp_path / "rapport.pdf").exists()


def test_a_draft_is_refused(db: Database, tmp_path: Path) -> None:
    draft = store.start_response(
        db, loader.load_bundled(), "manager", None, "Team Noord", "test"
    ).value
    with pytest.raises(report.DraftResponse, match="nog niet afgerond"):
        _write(db, draft.id, tmp_path)
    assert not (tmp_path / "rapport.pdf").exists()


def test_scans_of_different_questionnaires_are_not_compared(
    db: Database, scans: dict[str, int], tmp_path: Path, definition: dict[str, object]
) -> None:
    other = loader.loads(json.dumps(definition), "mini.json")
    mini_id = _submit(db, "klantmanager", questionnaire=other)
    with pytest.raises(IncomparableResults, match="verschillende vragenlijsten"):
        _write(db, scans["now"], tmp_path, compare_with=mini_id)
    with pytest.raises(IncomparableResults):
        _write(db, scans["now"], tmp_path, compare_with=scans["now"])
    assert not (tmp_path / "rapport.pdf").exists()


@pytest.mark.parametrize(
    ("where", "expected"),
    [("weg/rapport.pdf", "bestaat niet"), (".", "is een map")],
)
def test_an_unusable_output_path_is_refused_without_leftovers(
    db: Database, scans: dict[str, int], tmp_path: Path, where: str, expected: str
) -> None:
    before = sorted(tmp_path.iterdir())
    with pytest.raises(report.ReportNotWritten, match=expected):
        _write(db, scans["now"], tmp_path, where)
    assert sorted(tmp_path.iterdir()) == before


def _level(questionnaire: model.Questionnaire, level: int) -> dict[str, int]:
    """Answers at one level of practice: 1 is the weakest answer of each item (reversed ones too)."""
    answers = {}
    for question in questionnaire.questions:
        values = questionnaire.scale_values_for(question.id)
        weakest, strongest = (
            (values[-1], values[0]) if question.reversed else (values[0], values[-1])
        )
        answers[question.id] = weakest if level == 1 else strongest
    return answers


def test_the_reader_s_own_actions_come_first_and_colleagues_actions_after(
    db: Database, tmp_path: Path
) -> None:
    questionnaire = loader.load_bundled()
    weakest = _level(questionnaire, 1)
    given = [
        store.GivenAnswer(q.id, weakest[q.id]) for q in questionnaire.questions_for("klantmanager")
    ]
    scan = store.submit(db, questionnaire, "klantmanager", None, None, given, actor="test").value
    text = _text(_write(db, scan.id, tmp_path))
    advice = questionnaire.advice_for("visie", "laag")
    assert advice is not None
    own, others = questionnaire.actions_for(advice, "klantmanager")
    assert own and others
    start = text.index("Thema 1 van 8")
    section = text[start : text.index("Thema 2 van 8")]
    colleagues = section.index("Voor collega's")
    for action in own:
        assert section.index(action.text.get("nl")) < colleagues
    for action in others:
        assert section.index(action.text.get("nl")) > colleagues
    assert "(voor: Manager)" in section and "(voor: Beleidsmedewerker)" in section
    # The to-do list of the priorities holds only the reader's own actions.
    todo = text[text.index("Aan de slag met de prioriteiten") : start]
    assert own[0].text.get("nl") in todo
    assert all(action.text.get("nl") not in todo for action in others)


def test_a_scan_of_the_old_version_is_reported_with_its_own_version(
    db: Database, tmp_path: Path
) -> None:
    old = loader.load(
        Path(__file__).resolve().parents[1] / "fixtures" / "quickscan-diversiteit-1.0.json"
    )
    scan = _submit(db, "klantmanager", questionnaire=old)
    _submit(db, "klantmanager")  # a scan of the current version beside it
    text = _text(_write(db, scan, tmp_path))
    assert "trede-quickscan-diversiteit, versie 1.0" in text
    assert "Bron: VIA pilot 7" in text  # its own sources, as they were then
