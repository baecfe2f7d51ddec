"""Word material for synthetic demo clients: names as they occur in Dutch cities, and short texts.

Nothing here describes a real person; names are combined at random.
"""

from __future__ import annotations

# fmt: off

FIRST_NAMES: tuple[str, ...] = (
    # As common in the Netherlands, including names from the largest migrant groups.
    "Zoë", "Ömer", "José", "Noël", "Anaïs", "Chloë", "Renée", "Saïd", "Hüseyin", "Ayşe",
    "Gülşen", "Özlem", "Çağla", "Björn", "Inès", "Zeynep", "Emre", "Mehmet", "Fatma", "Elif",
    "Mohamed", "Fatima", "Khadija", "Youssef", "Nadia", "Soufiane", "Ilham", "Rachid", "Samira",
    "Yonas", "Semhar", "Tesfay", "Helen", "Filmon", "Rahwa", "Ahmad", "Rania", "Omar", "Hiba",
    "Mustafa", "Amal", "Abdi", "Hodan", "Faisal", "Naima", "Łukasz", "Agnieszka", "Piotr",
    "Katarzyna", "Tomasz", "Olena", "Dmytro", "Iryna", "Priya", "Rajesh", "Shanti", "Anand",
    "Marisol", "João", "Luís", "Sérgio", "Ana", "Mei", "Wei", "Thanh", "Linh",
    "Jan", "Pieter", "Sanne", "Eva", "Daan", "Thijs", "Femke", "Lotte", "Bram", "Kees",
    "Marieke", "Ingrid", "Henk", "Wilma", "Ruud", "Anouk", "Sven", "Esther", "Mark", "Linda",
    "Kevin", "Priscilla", "Romano", "Shirley", "Glenn", "Natasha", "Dewi", "Jerrel",
)

#: (prefix, surname): Dutch surnames carry their prefix separately, as municipal systems do.
SURNAMES: tuple[tuple[str, str], ...] = (
    ("de", "Vries"), ("van", "Dijk"), ("van der", "Berg"), ("de", "Jong"), ("van den", "Broek"),
    ("", "Jansen"), ("", "Bakker"), ("", "Visser"), ("", "Smit"), ("", "Meijer"), ("", "Mulder"),
    ("de", "Boer"), ("", "Bos"), ("", "Vos"), ("", "Peters"), ("", "Hendriks"), ("van", "Leeuwen"),
    ("", "Yılmaz"), ("", "Öztürk"), ("", "Şahin"), ("", "Çelik"), ("", "Kaya"), ("", "Demir"),
    ("", "Aydın"), ("", "Doğan"), ("", "Arslan"), ("", "Koç"),
    ("el", "Amrani"), ("", "Bouzid"), ("", "Haddou"), ("", "Benali"), ("el", "Idrissi"),
    ("", "Ouali"), ("", "Aït Said"), ("", "Chaouch"),
    ("", "Tesfamariam"), ("", "Haile"), ("", "Gebremedhin"), ("", "Tekle"), ("", "Yohannes"),
    ("", "Al-Hassan"), ("", "Haddad"), ("", "Khalil"), ("", "Nasser"), ("", "Abdullahi"),
    ("", "Warsame"), ("", "Mohamud"),
    ("", "Nowak"), ("", "Kowalski"), ("", "Wiśniewska"), ("", "Lewandowski"), ("", "Kovalenko"),
    ("", "Pérez"), ("", "García"), ("dos", "Santos"), ("da", "Silva"), ("", "Gonçalves"),
    ("", "Ramdin"), ("", "Sewnath"), ("", "Autar"), ("", "Kartodikromo"), ("", "Nguyễn"),
    ("", "Tran"), ("", "Chen"), ("", "Martina"), ("", "Cijntje"), ("", "Rosario"),
)

TEAMS: tuple[str, ...] = (
    "Team Noord", "Team Oost", "Team Zuid", "Team West", "Team Centrum",
    "Team Nieuwkomers", "Team Jongeren", "Team Werkgeversservice",
)

CONTACT_SUMMARIES: tuple[str, ...] = (
    "Kennismaking, verhaal van de klant gehoord.",
    "Stand van zaken besproken; afspraken gemaakt voor volgende week.",
    "Samen naar de taalschool gebeld.",
    "Klant vertelde over de zorg voor de kinderen.",
    "Gesproken over vrijwilligerswerk in de wijk.",
    "Klant was niet thuis; nieuwe afspraak gemaakt.",
    "Cv samen bijgewerkt.",
    "Gesprek met werkgever over een proefplaatsing.",
    "Klant voelt zich beter; wil meer doen.",
    "Schulden besproken; doorverwezen naar schuldhulp.",
)

GOALS: dict[str, str] = {
    "taalcursus": "Taalniveau A2 halen voor spreken.",
    "leerwerktraject": "Vakdiploma halen naast werk in de zorg.",
    "vrijwilligerswerk": "Twee dagdelen per week vrijwilligerswerk.",
    "werkervaringsplaats": "Werkritme opbouwen op een werkervaringsplaats.",
    "jobcoach": "Werk behouden met steun van een jobcoach.",
    "warme_overdracht": "Kennismaken met werkgever en starten.",
    "sollicitatietraining": "Zelf kunnen solliciteren.",
    "opleiding": "Certificaat halen.",
    "schuldhulp": "Overzicht van de schulden en een regeling.",
    "zorg": "Passende hulp voor de gezondheid.",
    "kinderopvang": "Opvang geregeld voor de kinderen.",
    "sociale_activering": "Meedoen aan een activiteit in de buurt.",
    "digitale_vaardigheden": "Zelf DigiD en e-mail kunnen gebruiken.",
    "overig": "Afspraak uit het plan.",
}

RESULTS: tuple[str, ...] = (
    "Gelukt.",
    "Deels gelukt; vervolg afgesproken.",
    "Klant is gestart.",
    "Niet gelukt; andere aanpak gekozen.",
)
# fmt: on
