"""Comparing scans fairly: two scans, or the roles of a team, on the questions both answered.

A theme score built from different questions is not comparable: a klantmanager who answered
five questions and a manager who answered four, two of them the same, do not rate the same
thing. So every comparison here scores each side on the *shared* questions only: the questions
that every side answered with a value (not "weet niet"), with the same wording, scale, direction
and weight in each side's questionnaire. Each theme says on how many shared questions it rests;
with fewer than :data:`MIN_SHARED` it gets no score at all.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from quickscan import questionnaire as model
from quickscan import scoring
from quickscan.errors import IncomparableResults
from resources.i18n import _

#: The fewest shared answered questions a theme needs before its scores are compared.
MIN_SHARED = 2


@dataclass(frozen=True)
class Side:
    """One side of a comparison: a scan's questionnaire, role and answers (None = weet niet)."""

    key: str
    questionnaire: model.Questionnaire
    role: str
    answers: Mapping[str, int | None]


@dataclass(frozen=True)
class SharedTheme:
    """One theme compared on its shared questions."""

    theme: str
    #: The questions of this theme that every side answered (with a value).
    shared: tuple[str, ...]
    #: (side key, score on the shared questions); None for every side when too few are shared.
    scores: tuple[tuple[str, float | None], ...]

    @property
    def count(self) -> int:
        """How many shared answered questions the scores rest on."""
        return len(self.shared)

    @property
    def enough(self) -> bool:
        """Whether enough questions are shared to compare this theme."""
        return self.count >= MIN_SHARED

    def score(self, key: str) -> float | None:
        """The score of one side (None when too few questions are shared)."""
        return dict(self.scores).get(key)

    @property
    def spread(self) -> float | None:
        """Highest minus lowest score; None when the theme cannot be compared."""
        known = [score for _key, score in self.scores if score is not None]
        if len(known) < 2:
            return None
        return round(max(known) - min(known), 1)

    @property
    def change(self) -> float | None:
        """The last side's score minus the first's (for 'before' and 'after')."""
        first, last = self.scores[0][1], self.scores[-1][1]
        if first is None or last is None:
            return None
        return round(last - first, 1)

    @property
    def highest(self) -> str | None:
        """The side that sees this theme most positively."""
        known = [(score, key) for key, score in self.scores if score is not None]
        return max(known, key=lambda pair: pair[0])[1] if len(known) >= 2 else None

    @property
    def lowest(self) -> str | None:
        """The side that sees this theme most critically."""
        known = [(score, key) for key, score in self.scores if score is not None]
        return min(known, key=lambda pair: pair[0])[1] if len(known) >= 2 else None


def _same_question(questions: Sequence[model.Question | None]) -> bool:
    """Whether every side has this question, worded and scored the same way."""
    if any(question is None for question in questions):
        return False
    first = questions[0]
    assert first is not None
    return all(
        question is not None
        and question.text == first.text
        and question.theme == first.theme
        and question.scale == first.scale
        and question.reversed == first.reversed
        and question.weight == first.weight
        for question in questions
    )


def shared_answered(sides: Sequence[Side]) -> tuple[str, ...]:
    """The question ids every side was asked and answered with a value, in the first's order."""
    first = sides[0].questionnaire
    shared = []
    for question in first.questions:
        versions = [side.questionnaire.question(question.id) for side in sides]
        if not _same_question(versions):
            continue
        asked = all(side.role in (side.questionnaire.question(question.id) or question).roles
                    for side in sides)  # fmt: skip
        answered = all(side.answers.get(question.id) is not None for side in sides)
        if asked and answered:
            shared.append(question.id)
    return tuple(shared)


def _score(side: Side, question_ids: Sequence[str]) -> float:
    """The weighted mean of one side's answers to these questions (0–100)."""
    total = weighted = 0.0
    for question_id in question_ids:
        question = side.questionnaire.question(question_id)
        value = side.answers.get(question_id)
        assert question is not None and value is not None
        total += question.weight
        weighted += question.weight * scoring.answer_points(side.questionnaire, value, question_id)
    return round(weighted / total, 1)


def compare(sides: Sequence[Side]) -> tuple[SharedTheme, ...]:
    """Per theme of the first side's questionnaire, every side's score on the shared questions."""
    if len(sides) < 2:
        raise IncomparableResults(_("Kies minstens twee scans om te vergelijken."))
    if len({side.questionnaire.id for side in sides}) > 1:
        raise IncomparableResults(
            _("Deze scans horen bij verschillende vragenlijsten en zijn niet te vergelijken.")
        )
    shared = shared_answered(sides)
    first = sides[0].questionnaire
    themes = []
    for theme in first.themes:
        ids = tuple(qid for qid in shared if first.question(qid).theme == theme.id)  # type: ignore[union-attr]
        enough = len(ids) >= MIN_SHARED
        scores = tuple((side.key, _score(side, ids) if enough else None) for side in sides)
        themes.append(SharedTheme(theme=theme.id, shared=ids, scores=scores))
    return tuple(themes)


def by_spread(themes: Sequence[SharedTheme]) -> tuple[SharedTheme, ...]:
    """Largest difference first; themes that cannot be compared last (stable otherwise)."""
    return tuple(sorted(themes, key=lambda t: (t.spread is None, -(t.spread or 0.0))))


def sides_of_roles(
    scans: Mapping[str, tuple[model.Questionnaire, Mapping[str, int | None]]],
) -> list[Side]:
    """One side per role, from (questionnaire, answers) per role id."""
    return [
        Side(key=role, questionnaire=questionnaire, role=role, answers=answers)
        for role, (questionnaire, answers) in scans.items()
    ]
