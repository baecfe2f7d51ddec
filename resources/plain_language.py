"""Plain language (B1): sentences and their average length, to keep texts short and readable."""

from __future__ import annotations

import re
from collections.abc import Iterable

#: The highest average sentence length, in words, for texts a client or respondent reads.
MAX_AVERAGE_WORDS = 15


def sentences(text: str) -> list[str]:
    """The sentences of a text: it is split after '.', '?', '!' or ':' followed by a space."""
    return [part for part in re.split(r"(?<=[.?!:])\s+", text.strip()) if part.split()]


def average_sentence_length(texts: Iterable[str]) -> float:
    """The average number of words per sentence over all texts (0 when there are none)."""
    found = [sentence for text in texts for sentence in sentences(text)]
    if not found:
        return 0.0
    return sum(len(sentence.split()) for sentence in found) / len(found)
