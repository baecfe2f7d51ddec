"""Caseload facts next to the advice: what they say, whose caseload, and no small groups."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable

import pytest
from sqlite_utils import Database

from caseload import demo, evidence, journal, model

from .conftest import ACTOR, TODAY

AddClient = Callable[..., model.Client]


def _clients(add_client: AddClient, count: int, team: str = "Team Noord", start: int = 0):
    return [
        add_client(reference=f"KL{start + n:07d}", team=team, guidance_start=dt.date(2025, 1, 6))
        for n in range(count)
    ]


def _language_caseload(db: Database, add_client: AddClient, barrier: int, no_course: int):
    """40 active clients; ``barrier`` of them with an open language barrier, of whom
    ``no_course`` follow no language course (the others have one running)."""
    people = _clients(add_client, 40)
    for index, client in enumerate(people[:barrier]):
        journal.add_barrier(
            db, client.id, kind="taal", severity=2, since=dt.date(2025, 2, 1), actor=ACTOR,
            today=TODAY,
        )  # fmt: skip
        if index >= no_course:
            journal.add_action(
                db, client.id, intervention="taalcursus", status="lopend", actor=ACTOR
            )


def test_without_clients_there_are_no_facts(db: Database) -> None:
    assert evidence.for_themes(db, today=TODAY) == {}


def test_an_other_teams_caseload_gives_no_facts_for_an_empty_team(
    db: Database, add_client: AddClient
) -> None:
    _clients(add_client, 20, team="Team Zuid")
    assert evidence.for_themes(db, team="Team Noord", today=TODAY) == {}
    assert evidence.for_themes(db, team="Team Zuid", today=TODAY) != {}


def test_language_barrier_without_a_course_is_the_belemmeringen_fact(
    db: Database, add_client: AddClient
) -> None:
    # Multiples of 10 print as they are (every other count is rounded to one).
    _language_caseload(db, add_client, barrier=30, no_course=10)
    facts = evidence.for_themes(db, team="Team Noord", today=TODAY)
    lines = facts["belemmeringen"]
    assert (
        "10 van de 30 klanten met een taalobstakel (33%) volgen geen taalcursus en hebben er "
        "ook geen gepland."
    ) in lines
    assert lines[-1] == "Bron: de caseload van Team Noord in Trede, op 16 mrt 2026."
    assert (
        "Taal: bij 30 van de 30 klanten met dit obstakel (100%) staat het al langer dan een jaar open."
        in lines
    )
    assert list(facts) == [theme for theme in evidence.THEMES if theme in facts]


@pytest.mark.parametrize(
    ("barrier", "no_course", "shown"),
    [
        # 35 is printed as 30 or 40: a base big enough for a percentage.
        (35, 13, True),  # 13 without, 22 with: both groups big enough
        (35, 0, True),  # nobody without a course: 0 describes no one
        (35, 3, False),  # 3 without a course: too small
        # 32 without a course and only 3 with: the 32 is printed, rounded to a multiple of 10,
        # so the 3 cannot be worked out exactly from it.
        (35, 32, True),
        (8, 0, False),  # the group with a language barrier itself is too small
        (20, 10, False),  # 10 of 20: too few clients for a percentage
    ],
)
def test_a_small_group_or_a_small_rest_is_never_printed(
    db: Database, add_client: AddClient, barrier: int, no_course: int, shown: bool
) -> None:
    _language_caseload(db, add_client, barrier, no_course)
    lines = evidence.for_themes(db, today=TODAY).get("belemmeringen", [])
    language = [line for line in lines if "taalobstakel" in line]
    assert bool(language) == shown
    if not shown:
        assert any("te klein om te tonen" in line or "Te weinig klanten" in line for line in lines)


def test_contact_and_ladder_facts_follow_the_threshold_and_the_day(
    db: Database, add_client: AddClient
) -> None:
    people = _clients(add_client, 30)
    for client in people[:10]:  # seen recently; the other 20 never
        journal.add_contact(
            db, client.id, kind="kantoor", contact_on=TODAY - dt.timedelta(days=3), actor=ACTOR,
            today=TODAY,
        )  # fmt: skip
    for client in people:
        journal.record_step(
            db, client.id, trede=2, measured_on=dt.date(2025, 3, 1), actor=ACTOR, today=TODAY
        )
    facts = evidence.for_themes(db, today=TODAY, contact_threshold_days=14)
    assert facts["bereik"][:2] == [
        "20 van de 30 actieve klanten (67%) hadden langer dan 14 dagen geen contact.",
        "20 van hen hebben nog nooit een contactmoment gehad.",
    ]
    assert facts["kennismaken"][0] == (
        "30 van de 30 actieve klanten (100%) zijn in het laatste halfjaar niet op de "
        "participatieladder gemeten."
    )
    assert facts["visie"][0].startswith(
        "30 van de 30 actieve klanten (100%) staan op trede 1 of 2."
    )
    # A week later nobody was seen in the last 14 days... minus those seen 3 days before.
    later = evidence.for_themes(db, today=TODAY + dt.timedelta(days=12), contact_threshold_days=14)
    assert later["bereik"][0].startswith("30 van de 30 actieve klanten (100%)")


def test_no_printed_count_is_a_small_group_on_a_demo_caseload(db: Database) -> None:
    demo.fill(db, 600, seed=5, today=TODAY)
    for team in (None, "Team Noord", "Team Jongeren"):
        facts = evidence.for_themes(db, team=team, today=TODAY, min_group_size=10)
        assert set(facts) <= set(evidence.THEMES) and facts
        for line in (line for lines in facts.values() for line in lines):
            if (
                line.startswith("Bron:")
                or "mediaan" in line
                or "te klein" in line
                or "Te weinig" in line
            ):
                continue
            # Every count in a sentence (not a percentage, not a day count) is a multiple of 10.
            text = line.replace("trede 1 of 2", "").replace("trede 4 of 5", "")
            counts = re.findall(r"(?<![\d.,])(\d+(?:\.\d{3})*)(?![\d.,])(?!%| dagen)", text)
            assert counts, line
            for number in counts:
                value = int(number.replace(".", ""))
                assert value % 10 == 0, line


def test_the_scope_is_the_scans_team_when_it_has_clients(
    db: Database, add_client: AddClient
) -> None:
    _clients(add_client, 2, team="Team Noord")
    assert evidence.scope_team(db, "Team Noord") == "Team Noord"
    assert evidence.scope_team(db, " Team Noord ") == "Team Noord"
    assert evidence.scope_team(db, "Team Elders") is None
    assert evidence.scope_team(db, None) is None
