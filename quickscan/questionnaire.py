"""The questionnaire as frozen dataclasses: roles, scale, themes, questions, bands and advice.

A questionnaire is data, loaded from a JSON file by :mod:`quickscan.loader`. Its texts carry
every language of the file, so they are not gettext messages; :class:`Text` picks one.
"""

from __future__ import annotations

import functools
from collections.abc import Mapping
from dataclasses import dataclass, field

#: The format this code reads; the loader refuses any other.
FORMAT = "trede-questionnaire/1"


@dataclass(frozen=True)
class Text:
    """One text in every language of the questionnaire, e.g. ``(("nl", "Ja"), ("en", "Yes"))``."""

    values: tuple[tuple[str, str], ...]

    @classmethod
    def of(cls, values: Mapping[str, str]) -> Text:
        """A text from a mapping of language code to text."""
        return cls(tuple(values.items()))

    def get(self, language: str) -> str:
        """The text in ``language``, else in the first language of the questionnaire."""
        for code, text in self.values:
            if code == language:
                return text
        return self.values[0][1]

    @property
    def languages(self) -> tuple[str, ...]:
        """The languages this text is written in."""
        return tuple(code for code, _text in self.values)


@dataclass(frozen=True)
class Role:
    """Who fills in a scan: klantmanager, beleidsmedewerker or manager."""

    id: str
    label: Text


@dataclass(frozen=True)
class ScaleOption:
    """One answer option; ``value`` is None for "weet niet", which does not count in the score."""

    value: int | None
    label: Text

    @property
    def is_unknown(self) -> bool:
        """Whether this is the "weet niet" option."""
        return self.value is None


@dataclass(frozen=True)
class Theme:
    """A theme of the scan, with its explanation."""

    id: str
    title: Text
    explanation: Text


@dataclass(frozen=True)
class Question:
    """A statement that the respondent answers on the scale."""

    id: str
    theme: str
    text: Text
    roles: tuple[str, ...]
    weight: float
    source: str


@dataclass(frozen=True)
class Band:
    """A score band: ``start`` <= score < ``end`` (the last band includes 100)."""

    id: str
    start: float
    end: float
    label: Text


@dataclass(frozen=True)
class Action:
    """One concrete thing to do, with the public source it rests on."""

    text: Text
    source: str


@dataclass(frozen=True)
class Advice:
    """The advice for a theme in a band: why, and what to do."""

    theme: str
    band: str
    explanation: Text
    actions: tuple[Action, ...]


@dataclass(frozen=True)
class Questionnaire:
    """A whole questionnaire; ``definition`` is its canonical JSON, kept with each scan."""

    id: str
    version: str
    languages: tuple[str, ...]
    title: Text
    description: Text
    roles: tuple[Role, ...]
    scale: tuple[ScaleOption, ...]
    themes: tuple[Theme, ...]
    questions: tuple[Question, ...]
    bands: tuple[Band, ...]
    advice: tuple[Advice, ...]
    insufficient_view_threshold: float
    insufficient_view_advice: Advice | None = None
    definition: str = field(default="", repr=False, compare=False)

    @functools.cached_property
    def _roles(self) -> dict[str, Role]:
        return {role.id: role for role in self.roles}

    @functools.cached_property
    def _themes(self) -> dict[str, Theme]:
        return {theme.id: theme for theme in self.themes}

    @functools.cached_property
    def _questions(self) -> dict[str, Question]:
        return {question.id: question for question in self.questions}

    @functools.cached_property
    def _advice(self) -> dict[tuple[str, str], Advice]:
        return {(advice.theme, advice.band): advice for advice in self.advice}

    def role(self, role_id: str) -> Role | None:
        """The role with this id, or None."""
        return self._roles.get(role_id)

    def theme(self, theme_id: str) -> Theme | None:
        """The theme with this id, or None."""
        return self._themes.get(theme_id)

    def question(self, question_id: str) -> Question | None:
        """The question with this id, or None."""
        return self._questions.get(question_id)

    def band(self, band_id: str) -> Band | None:
        """The band with this id, or None."""
        return next((band for band in self.bands if band.id == band_id), None)

    def questions_for(self, role_id: str, theme_id: str | None = None) -> tuple[Question, ...]:
        """The questions a role answers, in questionnaire order, optionally of one theme."""
        return tuple(
            question
            for question in self.questions
            if role_id in question.roles and (theme_id is None or question.theme == theme_id)
        )

    def themes_for(self, role_id: str) -> tuple[Theme, ...]:
        """The themes in which a role answers at least one question."""
        asked = {question.theme for question in self.questions_for(role_id)}
        return tuple(theme for theme in self.themes if theme.id in asked)

    def shared_questions(self) -> tuple[Question, ...]:
        """The questions asked of every role, so that views can be compared."""
        every = {role.id for role in self.roles}
        return tuple(q for q in self.questions if every <= set(q.roles))

    @property
    def scale_values(self) -> tuple[int, ...]:
        """The numeric answer values, lowest first (without "weet niet")."""
        return tuple(sorted(o.value for o in self.scale if o.value is not None))

    def is_on_scale(self, value: int | None) -> bool:
        """Whether ``value`` is an answer on the scale (None is "weet niet")."""
        if value is None:
            return any(option.is_unknown for option in self.scale)
        return isinstance(value, int) and not isinstance(value, bool) and value in self.scale_values

    def scale_option(self, value: int | None) -> ScaleOption | None:
        """The scale option for an answer value, or None if it is off the scale."""
        return next((o for o in self.scale if o.value == value), None)

    def band_for(self, score: float) -> Band:
        """The band a score from 0 to 100 falls in."""
        for band in self.bands:
            if band.start <= score < band.end:
                return band
        return self.bands[0] if score < self.bands[0].start else self.bands[-1]

    def advice_for(self, theme_id: str, band_id: str) -> Advice | None:
        """The advice for a theme in a band, from the advice table."""
        return self._advice.get((theme_id, band_id))
