"""The word list of the client's progress report: every term it uses, explained at B1 level."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from resources.i18n import N_, _


@dataclass(frozen=True)
class Word:
    """A term as the report prints it, the forms to look for, and a short explanation."""

    term: str
    explanation: str
    #: Other forms of the term in the text (plural, compound); the term itself always counts.
    forms: tuple[str, ...] = ()

    def patterns(self) -> tuple[str, ...]:
        """The translated term and its forms, as the text shows them."""
        return (_(self.term), *(_(form) for form in self.forms))


#: Terms a client may not know, in alphabetical order of the Dutch term. Short sentences.
WORDS: tuple[Word, ...] = (
    Word(
        N_("Beschut werk"),
        N_("Betaald werk op een plek met extra hulp en aandacht. Voor wie dat nodig heeft."),
    ),
    Word(
        N_("Erkenning van diploma's"),
        N_("Laten vaststellen wat een diploma uit een ander land in Nederland waard is."),
    ),
    Word(
        N_("Inburgering"),
        N_("Nederlands leren en leren hoe het leven in Nederland werkt. Dat is soms verplicht."),
        (N_("inburgeringsles"),),
    ),
    Word(
        N_("Instantie"),
        N_("Een organisatie die mensen helpt, zoals het UWV, een zorginstelling of het wijkteam."),
    ),
    Word(
        N_("Jobcoach"),
        N_("Iemand die u op uw werk helpt en steunt, zodat u het werk kunt houden."),
    ),
    Word(
        N_("Klantmanager"),
        N_("Uw vaste contactpersoon bij de gemeente. Hij of zij helpt u op weg naar werk."),
    ),
    Word(
        N_("Leerwerktraject"),
        N_("U leert en werkt tegelijk. U leert een vak op een echte werkplek."),
    ),
    Word(
        N_("Loonkostensubsidie"),
        N_(
            "Geld van de gemeente aan uw werkgever. Zo kunt u werken, ook als het nog wat langzamer gaat."
        ),
    ),
    Word(
        N_("Netwerkpartner"),
        N_("Een organisatie waarmee de gemeente samenwerkt, zoals schuldhulp of het wijkteam."),
    ),
    Word(
        N_("Participatieladder"),
        N_(
            "Een ladder met zes treden. Die laat zien hoeveel u meedoet, van thuis tot betaald werk."
        ),
    ),
    Word(
        N_("Plan van aanpak"),
        N_("De afspraken die u en uw klantmanager samen maken. Wat doen we, en wanneer?"),
        (N_("uw plan"),),
    ),
    Word(
        N_("Schuldhulp"),
        N_("Hulp om schulden op te lossen en rust te krijgen over geld."),
    ),
    Word(
        N_("Startkwalificatie"),
        N_("Een eerste diploma: havo, vwo of mbo niveau 2. Daarmee vindt u makkelijker werk."),
    ),
    Word(
        N_("Stagevergoeding"),
        N_("Geld dat u krijgt voor een stage."),
    ),
    Word(
        N_("Trede"),
        N_("Een stap op de participatieladder. Trede 1 is de laagste, trede 6 de hoogste."),
        (N_("treden"),),
    ),
    Word(
        N_("Uitkering"),
        N_("Geld om van te leven als u (nog) geen werk heeft, bijvoorbeeld bijstand."),
    ),
    Word(
        N_("Uitstroom naar werk"),
        N_("U heeft werk gevonden en heeft daarom geen uitkering meer nodig."),
    ),
    Word(
        N_("Warme overdracht"),
        N_(
            "Uw klantmanager stelt u zelf voor aan een werkgever, en gaat mee naar het eerste gesprek."
        ),
    ),
    Word(
        N_("Werkervaringsplaats"),
        N_("Een plek waar u zonder loon werkt om ervaring op te doen."),
    ),
    Word(
        N_("Zelfredzaamheid"),
        N_("Hoe goed u zelf uw zaken regelt, zoals geld, post en afspraken."),
    ),
    Word(
        N_("Zorgtaken"),
        N_("De zorg voor anderen, zoals kinderen of een zieke ouder."),
    ),
)


def used(texts: Iterable[str]) -> list[Word]:
    """The words whose term (or one of its forms) occurs in one of the texts, in list order."""
    text = "\n".join(texts).casefold()
    found = []
    for word in WORDS:
        for pattern in word.patterns():
            if re.search(rf"(?<!\w){re.escape(pattern.casefold())}", text):
                found.append(word)
                break
    return found
