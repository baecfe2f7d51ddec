"""Refusals read as sentences whatever the field's label ('De sinds ligt in de toekomst')."""

from __future__ import annotations

import pytest

from caseload import errors


@pytest.mark.parametrize(
    ("field", "sentence"),
    [
        ("since", "Sinds: die datum ligt in de toekomst. Kies vandaag of een eerdere dag."),
        (
            "contact_on",
            "Datum contact: die datum ligt in de toekomst. Kies vandaag of een eerdere dag.",
        ),
        (
            "birth_date",
            "Geboortedatum: die datum ligt in de toekomst. Kies vandaag of een eerdere dag.",
        ),
    ],
)
def test_a_date_in_the_future_names_its_field(field: str, sentence: str) -> None:
    refused = errors.DateInFuture(field)
    assert refused.message == sentence
    assert refused.field == field
