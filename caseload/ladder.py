"""The participatieladder: six treden, the guided questions that suggest one, and movement."""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Iterable
from dataclasses import dataclass

from caseload import model
from resources.i18n import N_, _

LOWEST, HIGHEST = 1, 6


@dataclass(frozen=True)
class Trede:
    """One rung of the ladder: number, short name and what it means (untranslated)."""

    number: int
    name: str
    definition: str
    #: The same, said to the client ("u"), for the client's own progress report.
    to_client: str

    def title(self) -> str:
        """'3. Deelname aan georganiseerde activiteiten' in the active language."""
        return _("%(number)d. %(name)s") % {"number": self.number, "name": _(self.name)}

    def explanation(self) -> str:
        """The definition in the active language."""
        return _(self.definition)

    def explanation_to_client(self) -> str:
        """The definition said to the client, in the active language."""
        return _(self.to_client)


#: The six treden (VNG/Divosa participatieladder), in our own plain words; lowest first.
TREDEN: tuple[Trede, ...] = (
    Trede(
        1,
        N_("Geïsoleerd"),
        N_("De klant heeft bijna geen contact met mensen buiten het eigen huis."),
        N_("U heeft bijna geen contact met mensen buiten uw eigen huis."),
    ),
    Trede(
        2,
        N_("Sociale contacten buiten de deur"),
        N_(
            "De klant heeft minstens één keer per week contact met mensen buiten de deur, "
            "bijvoorbeeld familie, buren of vrienden. Dat is niet georganiseerd."
        ),
        N_(
            "U heeft minstens één keer per week contact met mensen buiten de deur, "
            "bijvoorbeeld familie, buren of vrienden. Dat is niet georganiseerd."
        ),
    ),
    Trede(
        3,
        N_("Deelname aan georganiseerde activiteiten"),
        N_(
            "De klant doet minstens één keer per week mee aan iets dat georganiseerd is, zoals "
            "een cursus, inburgeringsles of een club. De klant is daar niet verantwoordelijk "
            "voor anderen."
        ),
        N_(
            "U doet minstens één keer per week mee aan iets dat georganiseerd is, zoals een "
            "cursus, inburgeringsles of een club. U bent daar niet verantwoordelijk voor anderen."
        ),
    ),
    Trede(
        4,
        N_("Onbetaald werk"),
        N_(
            "De klant doet onbetaald werk waarin anderen op hem of haar rekenen, zoals "
            "vrijwilligerswerk of een onbetaalde stage. Minstens één keer per week."
        ),
        N_(
            "U doet onbetaald werk waarin anderen op u rekenen, zoals vrijwilligerswerk of een "
            "onbetaalde stage. Minstens één keer per week."
        ),
    ),
    Trede(
        5,
        N_("Betaald werk met ondersteuning"),
        N_(
            "De klant heeft betaald werk, maar met steun: een aanvulling op het inkomen, "
            "loonkostensubsidie, een jobcoach, beschut werk, of werk naast inburgering of "
            "een opleiding."
        ),
        N_(
            "U heeft betaald werk, maar met steun: een aanvulling op uw inkomen, "
            "loonkostensubsidie, een jobcoach, beschut werk, of werk naast inburgering of "
            "een opleiding."
        ),
    ),
    Trede(
        6,
        N_("Betaald werk"),
        N_(
            "De klant heeft betaald werk of een eigen bedrijf, zonder aanvulling op het "
            "inkomen en zonder hulpmiddel om het werk te houden."
        ),
        N_(
            "U heeft betaald werk of een eigen bedrijf, zonder aanvulling op uw inkomen en "
            "zonder hulpmiddel om het werk te houden."
        ),
    ),
)


def trede(number: int) -> Trede:
    """The trede with this number (1–6); ValueError otherwise."""
    if not LOWEST <= number <= HIGHEST:
        raise ValueError(f"trede must be 1-6, not {number}")
    return TREDEN[number - 1]


@dataclass(frozen=True)
class LadderAnswers:
    """The answers to the guided questions; each is about what the client does now."""

    paid_work: bool = False
    #: Supplementary benefit, wage subsidy, job coach, sheltered work, or work combined with
    #: inburgering or education. Only matters with paid work.
    paid_work_with_support: bool = False
    #: Unpaid work with responsibility towards others, at least weekly.
    unpaid_work_weekly: bool = False
    #: An organised activity (course, inburgering classes, club), at least weekly.
    organised_activity_weekly: bool = False
    #: Social contact outside the home, at least weekly.
    social_contact_weekly: bool = False


@dataclass(frozen=True)
class Question:
    """One guided question: the answer field it fills and its text (untranslated)."""

    field: str
    text: str


#: The guided questions in the order the form asks them.
QUESTIONS: tuple[Question, ...] = (
    Question("paid_work", N_("Heeft de klant betaald werk of een eigen bedrijf?")),
    Question(
        "paid_work_with_support",
        N_(
            "Is daar steun bij? Bijvoorbeeld een aanvulling op het inkomen, loonkostensubsidie, "
            "een jobcoach, beschut werk, of werk naast inburgering of opleiding."
        ),
    ),
    Question(
        "unpaid_work_weekly",
        N_(
            "Doet de klant elke week onbetaald werk waarin anderen op hem of haar rekenen? "
            "Bijvoorbeeld vrijwilligerswerk of een stage."
        ),
    ),
    Question(
        "organised_activity_weekly",
        N_(
            "Doet de klant elke week mee aan iets georganiseerds? Bijvoorbeeld een cursus, "
            "inburgeringsles of een club."
        ),
    ),
    Question(
        "social_contact_weekly",
        N_("Heeft de klant elke week contact met mensen buiten het eigen huis?"),
    ),
)


def suggest(answers: LadderAnswers) -> int:
    """The trede that the answers point to: the highest rung whose rule the client meets."""
    if answers.paid_work:
        return 5 if answers.paid_work_with_support else 6
    if answers.unpaid_work_weekly:
        return 4
    if answers.organised_activity_weekly:
        return 3
    if answers.social_contact_weekly:
        return 2
    return 1


class Movement(enum.Enum):
    """The direction between two measurements."""

    ROSE = "rose"
    STAYED = "stayed"
    FELL = "fell"

    def text(self) -> str:
        """The direction in the active language."""
        return _(MOVEMENT_LABELS[self])


MOVEMENT_LABELS = {
    Movement.ROSE: N_("Gestegen"),
    Movement.STAYED: N_("Gelijk gebleven"),
    Movement.FELL: N_("Gedaald"),
}


def movement(before: int, after: int) -> Movement:
    """Whether the client rose, stayed or fell from ``before`` to ``after``."""
    if after > before:
        return Movement.ROSE
    if after < before:
        return Movement.FELL
    return Movement.STAYED


def trede_on(steps: Iterable[model.LadderStep], day: dt.date) -> int | None:
    """The trede that held on ``day``: the newest measurement on or before it (None if none)."""
    best: model.LadderStep | None = None
    for step in steps:
        if step.measured_on > day:
            continue
        if best is None or (step.measured_on, step.id) > (best.measured_on, best.id):
            best = step
    return None if best is None else best.trede


def movement_between(
    steps: Iterable[model.LadderStep], start: dt.date, end: dt.date
) -> Movement | None:
    """The movement from the trede on ``start`` to the one on ``end`` (None if one is unknown)."""
    history = list(steps)
    before, after = trede_on(history, start), trede_on(history, end)
    if before is None or after is None:
        return None
    return movement(before, after)
