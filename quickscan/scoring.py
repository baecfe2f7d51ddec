"""Scoring a scan, choosing advice, and comparing scans: pure functions over dataclasses.

The rules:

- An answer scores ``(value - lowest) / (highest - lowest) * 100`` on the questionnaire's scale;
  a theme's score is the weighted mean over its answered questions, rounded to one decimal.
- "Weet niet" (value None) and questions without an answer do not count in the score. When
  more than ``insufficient_view_threshold`` of a theme's questions are "weet niet" or
  unanswered, the theme gets the finding *onvoldoende zicht*: no score and no band.
- The overall score is the plain mean of the theme scores (themes with insufficient view left
  out), so every theme weighs the same however many questions it has.
- The priorities are the (up to) three lowest-scoring themes; ties keep questionnaire order.
  Themes with insufficient view are never priorities: they are a finding of their own.
- Advice comes from the questionnaire's advice table, looked up by theme and band.

Comparing scans (or roles) is :mod:`quickscan.comparison`: on the questions both sides answered.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from quickscan import questionnaire as model

PRIORITY_COUNT = 3


@dataclass(frozen=True)
class ThemeScore:
    """The outcome of one theme for one scan."""

    theme: str
    questions: int
    answered: int
    unknown: int
    unanswered: int
    #: 0–100, or None when the theme has insufficient view (or no answers at all).
    score: float | None
    band: str | None
    insufficient_view: bool
    advice: model.Advice | None


@dataclass(frozen=True)
class ScanResult:
    """The outcome of one scan: theme scores, overall score, priorities and findings."""

    questionnaire_id: str
    questionnaire_version: str
    role: str
    themes: tuple[ThemeScore, ...]
    overall: float | None
    overall_band: str | None
    priorities: tuple[str, ...]
    insufficient_view: tuple[str, ...]

    def theme(self, theme_id: str) -> ThemeScore | None:
        """The score of one theme, or None if the role was not asked about it."""
        return next((t for t in self.themes if t.theme == theme_id), None)


@dataclass(frozen=True)
class ThemeChange:
    """How one theme changed between an earlier and a later scan."""

    theme: str
    before: float | None
    after: float | None
    band_before: str | None
    band_after: str | None

    @property
    def change(self) -> float | None:
        """The difference in points (after minus before), when both have a score."""
        if self.before is None or self.after is None:
            return None
        return round(self.after - self.before, 1)


def answer_points(
    questionnaire: model.Questionnaire, value: int, question_id: str | None = None
) -> float:
    """The points (0–100) of one answer on its question's scale; a reversed item counts backwards.

    A reversed item is worded negatively ("Knelpunten blijven bij ons liggen"): agreeing with it
    is the weaker practice, so its highest answer scores 0.
    """
    values = questionnaire.scale_values_for(question_id)
    lowest, highest = values[0], values[-1]
    points = (value - lowest) / (highest - lowest) * 100
    question = questionnaire.question(question_id) if question_id else None
    return 100 - points if question is not None and question.reversed else points


def score_theme(
    questionnaire: model.Questionnaire,
    role: str,
    theme_id: str,
    answers: Mapping[str, int | None],
) -> ThemeScore:
    """Score one theme for a role; ``answers`` maps question id to value (None = weet niet)."""
    questions = questionnaire.questions_for(role, theme_id)
    total_weight = 0.0
    weighted = 0.0
    answered = unknown = unanswered = 0
    for question in questions:
        if question.id not in answers:
            unanswered += 1
            continue
        value = answers[question.id]
        if value is None:
            unknown += 1
            continue
        answered += 1
        total_weight += question.weight
        weighted += question.weight * answer_points(questionnaire, value, question.id)
    share_without_view = (unknown + unanswered) / len(questions) if questions else 1.0
    insufficient = share_without_view > questionnaire.insufficient_view_threshold or not answered
    score = None if insufficient else round(weighted / total_weight, 1)
    band = None if score is None else questionnaire.band_for(score).id
    if band is None:
        advice = questionnaire.insufficient_view_advice
    else:
        advice = questionnaire.advice_for(theme_id, band)
    return ThemeScore(
        theme=theme_id,
        questions=len(questions),
        answered=answered,
        unknown=unknown,
        unanswered=unanswered,
        score=score,
        band=band,
        insufficient_view=insufficient,
        advice=advice,
    )


def score(
    questionnaire: model.Questionnaire, role: str, answers: Mapping[str, int | None]
) -> ScanResult:
    """Score a whole scan of one role: every theme the role answers, overall and priorities."""
    themes = tuple(
        score_theme(questionnaire, role, theme.id, answers)
        for theme in questionnaire.themes_for(role)
    )
    scored = [(t.score, t.theme) for t in themes if t.score is not None]
    overall = round(sum(s for s, _theme in scored) / len(scored), 1) if scored else None
    # sorted() is stable, so equal scores keep questionnaire order.
    ranked = [theme for _score, theme in sorted(scored, key=lambda pair: pair[0])]
    return ScanResult(
        questionnaire_id=questionnaire.id,
        questionnaire_version=questionnaire.version,
        role=role,
        themes=themes,
        overall=overall,
        overall_band=None if overall is None else questionnaire.band_for(overall).id,
        priorities=tuple(ranked[:PRIORITY_COUNT]),
        insufficient_view=tuple(t.theme for t in themes if t.insufficient_view),
    )


@dataclass(frozen=True)
class QuestionSpread:
    """How far the roles' answers to one shared question lie apart."""

    question: str
    #: (role, value) for every role compared; value None = "weet niet" or no answer.
    values: tuple[tuple[str, int | None], ...]

    @property
    def spread(self) -> int | None:
        """Highest minus lowest answer over roles that gave one; None with fewer than two."""
        known = [value for _role, value in self.values if value is not None]
        return max(known) - min(known) if len(known) >= 2 else None


def compare_answers(
    questionnaire: model.Questionnaire, answers_by_role: Mapping[str, Mapping[str, int | None]]
) -> tuple[QuestionSpread, ...]:
    """Per question asked of every compared role, each role's answer; largest difference first."""
    roles = list(answers_by_role)
    shared = [q for q in questionnaire.questions if set(roles) <= set(q.roles)]
    spreads = [
        QuestionSpread(
            question=question.id,
            values=tuple((role, answers_by_role[role].get(question.id)) for role in roles),
        )
        for question in shared
    ]
    return tuple(sorted(spreads, key=lambda s: (s.spread is None, -(s.spread or 0))))
