"""The participatieladder: six treden, the guided questions that suggest one, and movement."""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from resources.i18n import N_, _

if TYPE_CHECKING:
    from caseload import model

LOWEST, HIGHEST = 1, 6


@dataclass(frozen=True)
class Trede:
    """One rung of the ladder: number, short name and what it means (untranslated)."""

    number: int
    name: str
    definition: str
    #: The same, said to the client ("u"), for the client's own progress report.
    to_client: str
    #: A short, respectful name for the client's own report (not "Geïsoleerd").
    client_name: str = ""

    def title(self) -> str:
        """'3. Deelname aan georganiseerde activiteiten' in the active language."""
        return _("%(number)d. %(name)s") % {"number": self.number, "name": _(self.name)}

    def explanation(self) -> str:
        """The definition in the active language."""
        return _(self.definition)

    def explanation_to_client(self) -> str:
        """The definition said to the client, in the active language."""
        return _(self.to_client)

    def client_title(self) -> str:
        """'1. Vooral thuis': the trede as the client's own report names it."""
        return _("%(number)d. %(name)s") % {
            "number": self.number,
            "name": _(self.client_name or self.name),
        }


#: The six treden of the participatieladder (Leidraad Arbeidsparticipatie / Participatieladder,
#: VNG, Divosa and Regioplan, 2008), in our own plain words; lowest first.
TREDEN: tuple[Trede, ...] = (
    Trede(
        1,
        N_("Geïsoleerd"),
        N_(
            "De klant ziet bijna nooit mensen buiten het eigen huis. Bellen of videobellen "
            "vanuit huis telt hier niet als contact buiten de deur."
        ),
        N_("U ziet nu weinig mensen buiten uw eigen huis."),
        N_("Vooral thuis"),
    ),
    Trede(
        2,
        N_("Sociale contacten buiten de deur"),
        N_(
            "De klant ziet minstens één keer per week mensen buiten het eigen huis. Het gaat "
            "om echt contact, zoals familie, buren of vrienden. Het is niet georganiseerd."
        ),
        N_(
            "U ziet minstens één keer per week mensen buiten uw huis. Bijvoorbeeld familie, "
            "buren of vrienden."
        ),
        N_("Contact buiten de deur"),
    ),
    Trede(
        3,
        N_("Deelname aan georganiseerde activiteiten"),
        N_(
            "De klant doet minstens één keer per week mee aan iets dat georganiseerd is. "
            "Denk aan een cursus, inburgeringsles of een club. De klant is daar niet "
            "verantwoordelijk voor anderen."
        ),
        N_(
            "U doet minstens één keer per week mee aan iets dat georganiseerd is. Denk aan "
            "een cursus, inburgeringsles of een club."
        ),
        N_("Meedoen aan activiteiten"),
    ),
    Trede(
        4,
        N_("Onbetaald werk"),
        N_(
            "De klant doet elke week onbetaald werk waarin anderen op hem of haar rekenen. "
            "Denk aan vrijwilligerswerk, een onbetaalde stage of een werkervaringsplaats. "
            "Het werk is ter plekke, met mensen om je heen. Online vanuit huis telt niet."
        ),
        N_(
            "U doet elke week onbetaald werk waarin anderen op u rekenen. Denk aan "
            "vrijwilligerswerk of een stage zonder loon."
        ),
        N_("Vrijwilligerswerk of stage"),
    ),
    Trede(
        5,
        N_("Betaald werk met ondersteuning"),
        N_(
            "De klant heeft betaald werk met steun. Denk aan een aanvulling op het inkomen, "
            "loonkostensubsidie, een jobcoach of beschut werk. Ook een betaalde stage met "
            "stagevergoeding hoort hier. En werk naast inburgering of naast een opleiding "
            "onder de startkwalificatie."
        ),
        N_(
            "U heeft betaald werk, en u krijgt daarbij steun. Of u loopt een stage met een "
            "vergoeding. Of u werkt en leert tegelijk voor een eerste diploma."
        ),
        N_("Betaald werk met steun"),
    ),
    Trede(
        6,
        N_("Betaald werk"),
        N_(
            "De klant heeft betaald werk of een eigen bedrijf. Er is geen aanvulling op het "
            "inkomen en geen hulp om het werk te houden. Een opleiding naast het werk "
            "verandert de trede niet."
        ),
        N_("U heeft betaald werk of een eigen bedrijf. U heeft geen uitkering meer nodig."),
        N_("Betaald werk"),
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

    #: A paid job or an own business (a paid internship is asked separately).
    paid_work: bool = False
    #: Supplementary benefit, wage subsidy, job coach or sheltered work. Only with paid work.
    paid_work_with_support: bool = False
    #: The paid work goes with inburgering or with education below startkwalificatie (the
    #: client has no startkwalificatie yet). Education at a higher level does not count.
    paid_work_with_basic_education: bool = False
    #: A paid internship with an allowance (stagevergoeding).
    paid_internship: bool = False
    #: Unpaid work with responsibility towards others (volunteering, unpaid internship,
    #: werkervaringsplaats), at least weekly.
    unpaid_work_weekly: bool = False
    #: That unpaid work is done in person, on site; online from home is not enough for trede 4.
    unpaid_work_in_person: bool = False
    #: An organised activity (course, inburgering classes, club), at least weekly.
    organised_activity_weekly: bool = False
    #: Social contact outside the home, in person, at least weekly. Phone and video calls from
    #: home do not count.
    social_contact_weekly: bool = False


@dataclass(frozen=True)
class Question:
    """One guided question: the answer field it fills, its text, and the question it follows."""

    field: str
    text: str
    #: The field that must be answered yes before this question means anything ("" = none).
    depends_on: str = ""


#: The guided questions in the order the form asks them.
QUESTIONS: tuple[Question, ...] = (
    Question("paid_work", N_("Heeft de klant betaald werk of een eigen bedrijf?")),
    Question(
        "paid_work_with_support",
        N_(
            "Krijgt de klant steun bij dat werk? Bijvoorbeeld een aanvulling op het inkomen, "
            "loonkostensubsidie, een jobcoach of beschut werk."
        ),
        "paid_work",
    ),
    Question(
        "paid_work_with_basic_education",
        N_(
            "Doet de klant naast het werk inburgering? Of een opleiding voor een eerste "
            "diploma (onder de startkwalificatie)?"
        ),
        "paid_work",
    ),
    Question("paid_internship", N_("Loopt de klant een betaalde stage, met stagevergoeding?")),
    Question(
        "unpaid_work_weekly",
        N_(
            "Doet de klant elke week onbetaald werk waarin anderen op hem of haar rekenen? "
            "Bijvoorbeeld vrijwilligerswerk of een stage zonder vergoeding."
        ),
    ),
    Question(
        "unpaid_work_in_person",
        N_("Doet de klant dat werk ter plekke, met mensen om zich heen? Dus niet online thuis."),
        "unpaid_work_weekly",
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
        N_(
            "Ziet de klant elke week mensen buiten het eigen huis? Bellen en videobellen "
            "vanuit huis telt niet."
        ),
    ),
)


def placement(answers: LadderAnswers) -> tuple[int, str]:
    """The trede the answers point to (the highest rung whose rule is met) and why (untranslated)."""
    if answers.paid_work:
        if answers.paid_work_with_support:
            return 5, N_("Betaald werk met steun, zoals een aanvulling of een jobcoach.")
        if answers.paid_work_with_basic_education:
            return 5, N_("Betaald werk naast inburgering of een opleiding voor een eerste diploma.")
        return 6, N_("Betaald werk zonder steun. Een opleiding naast het werk telt niet mee.")
    if answers.paid_internship:
        return 5, N_("Een betaalde stage met stagevergoeding telt als betaald werk met steun.")
    if answers.unpaid_work_weekly and answers.unpaid_work_in_person:
        return 4, N_("Elke week onbetaald werk ter plekke, waarin anderen op de klant rekenen.")
    if answers.organised_activity_weekly:
        return 3, N_("Elke week een georganiseerde activiteit, zonder taak voor anderen.")
    if answers.social_contact_weekly:
        return 2, N_("Elke week contact met mensen buiten het huis, niet georganiseerd.")
    if answers.unpaid_work_weekly:
        # Weekly volunteering online from home is regular contact with others, but not in
        # person: the ladder places it at trede 2, not 4.
        return 2, N_(
            "Vrijwilligerswerk online vanuit huis telt als sociaal contact, niet als trede 4."
        )
    return 1, N_("Geen wekelijks contact buiten het huis. Bellen vanuit huis telt niet mee.")


def suggest(answers: LadderAnswers) -> int:
    """The trede that the answers point to."""
    return placement(answers)[0]


@dataclass(frozen=True)
class GrowthAnswers:
    """The answers about growth potential: what the client can do within about a year."""

    paid_work_without_support: bool = False
    paid_work_with_support: bool = False
    unpaid_work: bool = False
    organised_activity: bool = False
    social_contact: bool = False


#: The growth questions, highest rung first: each asks whether that rung is within reach.
GROWTH_QUESTIONS: tuple[Question, ...] = (
    Question(
        "paid_work_without_support",
        N_("Kan de klant binnen een jaar betaald werk doen zonder steun?"),
    ),
    Question(
        "paid_work_with_support",
        N_("Kan de klant binnen een jaar betaald werk doen met steun, zoals een jobcoach?"),
    ),
    Question(
        "unpaid_work",
        N_("Kan de klant binnen een jaar elke week vrijwilligerswerk of een stage doen?"),
    ),
    Question(
        "organised_activity",
        N_("Kan de klant binnen een jaar elke week meedoen aan een cursus of club?"),
    ),
    Question(
        "social_contact",
        N_("Kan de klant binnen een jaar elke week mensen buiten het huis zien?"),
    ),
)

_GROWTH_RUNGS = {
    "paid_work_without_support": 6,
    "paid_work_with_support": 5,
    "unpaid_work": 4,
    "organised_activity": 3,
    "social_contact": 2,
}


def suggest_growth(current: int, answers: GrowthAnswers) -> int:
    """The expected trede: the highest rung within reach, never below the current one."""
    reachable = [rung for name, rung in _GROWTH_RUNGS.items() if getattr(answers, name)]
    return max([current, *reachable])


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
