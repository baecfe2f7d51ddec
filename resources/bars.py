"""One bar of a chart, the same for the window (Qt) and the PDF (reportlab); neither is loaded."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Bar:
    """One bar: its label, its value, and the text written at its end (e.g. '72' or 'verborgen')."""

    label: str
    value: float
    text: str
    #: A second, lighter bar under the first (e.g. an earlier scan); None for none.
    compare_value: float | None = None
    compare_text: str = ""
