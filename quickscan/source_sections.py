"""The places the bundled questionnaire cites, marked for translation.

A source's ``section`` in a questionnaire file is one text (format 2), written in Dutch, while
a report is made in the scan's language: the citation looks the section up in the catalog when
it is printed (:meth:`quickscan.questionnaire.Citation.text`). Documents and publishers are
titles and names and stay as published. A section of another questionnaire file that is not
listed here is printed as written.
"""

from __future__ import annotations

from resources.i18n import N_

#: Every section the bundled questionnaire cites (a test keeps this list complete).
SECTIONS = (
    N_("deel 1, Visie en gemeentelijk beleid"),
    N_("onderzoek SEOR naar work first"),
    N_("onderzoek Risbo naar praktijken in het buitenland (2023)"),
    N_("brede intake en persoonlijk plan inburgering en participatie (PIP)"),
    N_("pilot 4, Behoud en Doorstroom"),
    N_("pilot 7, Intensieve Begeleiding van Langdurig Werkzoekenden (resultaten)"),
    N_("deel 2, Klanten leren kennen en werkfit maken"),
    N_("de zes treden, de huidige trede en de groeipotentie meten"),
    N_("pilot 6, Leren en Werken"),
    N_("onderzoek Open Embassy naar statushouders"),
    N_("pilot 8, Uitstroom uit de WW (vooronderzoek UWV, kansrijke interventies)"),
    N_("Monitor gelijke kansen (Significant)"),
    N_("onderzoek SEOR naar intensieve dienstverlening"),
    N_("deel 3, Aan het werk: inclusieve werkgevers en begeleiding op de werkvloer"),
    N_("pilot 3, Nudging in Werving en Selectie"),
    N_("training inclusieve dienstverlening (Movisie)"),
    N_("deel 4, Kwaliteit van het werk van de klantmanager"),
    N_("lerende netwerken 2022–2024"),
    N_("onderzoek CPB en VU naar de zoekperiode in Amsterdam"),
    N_("CBS Kernindicatoren Integratie 2023"),
)
