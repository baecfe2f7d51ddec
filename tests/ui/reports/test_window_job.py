"""The quick period choices and the file names of the Rapporten page (no widgets)."""

from __future__ import annotations

import datetime as dt

import pytest

from ui.reports import window_job
from ui.reports.making import Kind, Request

D = dt.date


@pytest.mark.parametrize(
    ("choice", "today", "expected"),
    [
        ("dit_jaar", D(2026, 3, 16), (D(2026, 1, 1), D(2026, 3, 16))),
        ("vorig_jaar", D(2026, 3, 16), (D(2025, 1, 1), D(2025, 12, 31))),
        ("laatste_12", D(2026, 3, 16), (D(2025, 3, 17), D(2026, 3, 16))),
        ("laatste_12", D(2028, 2, 29), (D(2027, 3, 1), D(2028, 2, 29))),
        ("dit_kwartaal", D(2026, 5, 20), (D(2026, 4, 1), D(2026, 5, 20))),
        ("vorig_kwartaal", D(2026, 5, 20), (D(2026, 1, 1), D(2026, 3, 31))),
        ("vorig_kwartaal", D(2026, 2, 1), (D(2025, 10, 1), D(2025, 12, 31))),
        ("eigen", D(2026, 2, 1), None),
    ],
)
def test_quick_periods(choice: str, today: dt.date, expected) -> None:
    assert window_job.period(choice, today) == expected
    if expected is not None:
        assert window_job.matching_period(*expected, today) == choice


def test_a_period_of_its_own_is_eigen_keuze() -> None:
    assert window_job.matching_period(D(2026, 2, 3), D(2026, 2, 9), D(2026, 3, 1)) == "eigen"


@pytest.mark.parametrize(
    ("request_", "name"),
    [
        (Request(Kind.INCLUSION, start=D(2025, 1, 1), end=D(2025, 12, 31)),
         "inclusierapport-2025-01-01-2025-12-31.pdf"),
        (Request(Kind.CLIENT, reference="KL/0001 "), "voortgangsverslag-KL0001.pdf"),
        (Request(Kind.CLIENT, reference="../"), "voortgangsverslag-klant.pdf"),
        (Request(Kind.ADVICE, response_id=7), "adviesrapport-scan-7.pdf"),
    ],
)  # fmt: skip
def test_file_names_say_what_is_in_them(request_: Request, name: str) -> None:
    assert window_job.file_name(request_) == name
