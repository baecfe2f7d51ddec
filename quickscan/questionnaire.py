"""The questionnaire as frozen dataclasses: roles, scale, themes, questions, bands and advice.

A questionnaire is data, loaded from a JSON file by :mod:`quickscan.loader`. Its texts carry
every language of the file, so they are not gettext messages; :class:`Text` picks one.
"""

from __future__ import annotations

import functools
from collections.abc import Mapping
from dataclasses import dataclass, field

from resources.i18n import _

#: The format of new questionnaires: sources with document, year and section, a scale per item
#: type, reversed (negatively worded) items, and actions that name their roles.
FORMAT = "trede-questionnaire/2"
#: The first format: one scale, free-text sources. Still read, so that old scans stay readable.
FORMAT_1 = "trede-questionnaire/1"
FORMATS = (FORMAT_1, FORMAT)
#: The scale id that a format-1 questionnaire's single scale gets.
DEFAULT_SCALE = "standaard"
#: The kinds of scale the format knows; each item type has its own.
SCALE_KINDS = ("agreement", "frequency", "yes_no", "extent")


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
class Scale:
    """The answer options of one item type (agreement, frequency, yes/no), with "weet niet"."""

    id: str
    kind: str
    options: tuple[ScaleOption, ...]

    @property
    def values(self) -> tuple[int, ...]:
        """The numeric answer values, lowest first (without "weet niet")."""
        return tuple(sorted(o.value for o in self.options if o.value is not None))


@dataclass(frozen=True)
class Source:
    """A public document that questions and advice rest on."""

    id: str
    document: str
    publisher: str
    year: int


@dataclass(frozen=True)
class Citation:
    """Where in a public document a question or action comes from."""

    document: str
    publisher: str
    year: int
    section: str

    def text(self) -> str:
        """'Document (publisher, year), section', the section in the active language (the file
        gives it in Dutch: :mod:`quickscan.source_sections` marks it for translation)."""
        who = f"{self.publisher}, {self.year}" if self.publisher else str(self.year)
        return f"{self.document} ({who}), {_(self.section)}"


def cite(citations: tuple[Citation, ...]) -> str:
    """Several citations as one line."""
    return "; ".join(citation.text() for citation in citations)


def source_line(source: str, synthesis: bool) -> str:
    """'Bron: …', or 'Eigen synthese van Trede, op basis van: …' for Trede's own conclusion."""
    if synthesis:
        return _("Eigen synthese van Trede, op basis van: %(source)s") % {"source": source}
    return _("Bron: %(source)s") % {"source": source}


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
    #: The sources as one line (format 1: free text; format 2: built from ``citations``).
    source: str
    citations: tuple[Citation, ...] = ()
    #: Trede's own conclusion from the cited sources rather than a lesson they state.
    synthesis: bool = False
    scale: str = DEFAULT_SCALE
    #: Negatively worded: agreeing is the weaker practice, so scoring turns the scale around.
    reversed: bool = False

    def source_line(self) -> str:
        """Where this question comes from, as printed in the report's appendix."""
        return source_line(cite(self.citations) if self.citations else self.source, self.synthesis)


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
    citations: tuple[Citation, ...] = ()
    synthesis: bool = False
    #: The roles that can carry it out; empty means every role (format 1).
    roles: tuple[str, ...] = ()

    def is_for(self, role: str) -> bool:
        """Whether this action is meant for someone in ``role``."""
        return not self.roles or role in self.roles

    def source_line(self) -> str:
        """Where this action comes from, as printed under it, in the active language."""
        return source_line(cite(self.citations) if self.citations else self.source, self.synthesis)


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
    #: The scales; the first is the default (format 1 has exactly one).
    scales: tuple[Scale, ...]
    themes: tuple[Theme, ...]
    questions: tuple[Question, ...]
    bands: tuple[Band, ...]
    advice: tuple[Advice, ...]
    insufficient_view_threshold: float
    insufficient_view_advice: Advice | None = None
    sources: tuple[Source, ...] = ()
    #: What changed in this version, for the start page and the report.
    changes: Text | None = None
    format: str = FORMAT
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

    @functools.cached_property
    def _scales(self) -> dict[str, Scale]:
        return {scale.id: scale for scale in self.scales}

    def scale_of(self, question_id: str | None = None) -> Scale:
        """The scale of a question (the default scale for None or an unknown question)."""
        question = self.question(question_id) if question_id else None
        if question is None:
            return self.scales[0]
        return self._scales.get(question.scale, self.scales[0])

    @property
    def scale(self) -> tuple[ScaleOption, ...]:
        """The options of the default scale."""
        return self.scales[0].options

    def options_for(self, question_id: str) -> tuple[ScaleOption, ...]:
        """The answer options of one question, "weet niet" included."""
        return self.scale_of(question_id).options

    def scale_values_for(self, question_id: str | None = None) -> tuple[int, ...]:
        """The numeric answer values of a question's scale, lowest first."""
        return self.scale_of(question_id).values

    def value_at(self, question_id: str, index: int) -> int:
        """The answer value at ``index`` (wrapping around) on the question's scale.

        Demo data and the screenshots vary their answers with it, on whatever scale a question has.
        """
        values = self.scale_values_for(question_id)
        return values[index % len(values)]

    @property
    def scale_values(self) -> tuple[int, ...]:
        """The numeric answer values of the default scale, lowest first (without "weet niet")."""
        return self.scales[0].values

    def is_on_scale(self, value: int | None, question_id: str | None = None) -> bool:
        """Whether ``value`` is an answer on the question's scale (None is "weet niet")."""
        scale = self.scale_of(question_id)
        if value is None:
            return any(option.is_unknown for option in scale.options)
        return isinstance(value, int) and not isinstance(value, bool) and value in scale.values

    def scale_option(self, value: int | None, question_id: str | None = None) -> ScaleOption | None:
        """The scale option for an answer value, or None if it is off the scale."""
        return next((o for o in self.scale_of(question_id).options if o.value == value), None)

    def actions_for(
        self, advice: Advice, role: str
    ) -> tuple[tuple[Action, ...], tuple[Action, ...]]:
        """The advice's actions for ``role`` first, then those for colleagues in other roles."""
        own = tuple(action for action in advice.actions if action.is_for(role))
        others = tuple(action for action in advice.actions if not action.is_for(role))
        return own, others

    def band_for(self, score: float) -> Band:
        """The band a score from 0 to 100 falls in."""
        for band in self.bands:
            if band.start <= score < band.end:
                return band
        return self.bands[0] if score < self.bands[0].start else self.bands[-1]

    def advice_for(self, theme_id: str, band_id: str) -> Advice | None:
        """The advice for a theme in a band, from the advice table."""
        return self._advice.get((theme_id, band_id))
