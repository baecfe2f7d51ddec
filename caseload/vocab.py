"""The caseload's word lists as data: stable codes in the database, labels translated on display."""

from __future__ import annotations

from dataclasses import dataclass

from resources.i18n import N_, _


@dataclass(frozen=True)
class Term:
    """One entry of a word list: the code stored in the database and its (untranslated) label."""

    code: str
    label: str
    description: str = ""

    def text(self) -> str:
        """The label in the active language."""
        return _(self.label)

    def explanation(self) -> str:
        """The description in the active language ('' when there is none)."""
        return _(self.description) if self.description else ""


@dataclass(frozen=True)
class Vocabulary:
    """An ordered word list with lookup by code."""

    name: str
    terms: tuple[Term, ...]

    def codes(self) -> tuple[str, ...]:
        """Every code, in display order."""
        return tuple(term.code for term in self.terms)

    def __contains__(self, code: object) -> bool:
        return any(term.code == code for term in self.terms)

    def term(self, code: str) -> Term:
        """The term with this code; KeyError for an unknown code."""
        for term in self.terms:
            if term.code == code:
                return term
        raise KeyError(code)

    def label(self, code: str | None) -> str:
        """The translated label of a code; an unknown code is shown as it is, None as ''."""
        if code is None:
            return ""
        try:
            return self.term(code).text()
        except KeyError:
            return code


CLIENT_STATUSES = Vocabulary(
    "client_status",
    (
        Term("active", N_("Actief")),
        Term("closed", N_("Afgesloten")),
    ),
)

CLOSING_REASONS = Vocabulary(
    "closing_reason",
    (
        Term("uitstroom_werk", N_("Uitstroom naar werk")),
        Term("opleiding", N_("Start opleiding")),
        Term("zorg", N_("Overgedragen aan zorg")),
        Term("verhuisd", N_("Verhuisd")),
        Term("andere_instantie", N_("Naar een andere instantie")),
        Term("geen_uitkering", N_("Geen uitkering meer (andere reden)")),
        Term("overleden", N_("Overleden")),
        Term("overig", N_("Andere reden")),
    ),
)

#: The employer's sector at outflow to work: the 21 main sections (A–U) of the CBS
#: Standaard Bedrijfsindeling (SBI 2008, hoofdindeling in secties), in plain words; the code
#: is the SBI section letter, so the figures can be compared with CBS statistics.
EMPLOYER_SECTORS = Vocabulary(
    "employer_sector",
    (
        Term("A", N_("Landbouw, bosbouw en visserij")),
        Term("B", N_("Winning van delfstoffen")),
        Term("C", N_("Industrie")),
        Term("D", N_("Energie (elektriciteit, gas)")),
        Term("E", N_("Water, afval en afvalwater")),
        Term("F", N_("Bouw")),
        Term("G", N_("Handel en reparatie van auto's")),
        Term("H", N_("Vervoer en opslag")),
        Term("I", N_("Horeca")),
        Term("J", N_("Informatie en communicatie")),
        Term("K", N_("Financiële dienstverlening")),
        Term("L", N_("Verhuur en handel in onroerend goed")),
        Term("M", N_("Specialistische zakelijke diensten")),
        Term("N", N_("Verhuur en overige zakelijke diensten (ook uitzendbureaus)")),
        Term("O", N_("Openbaar bestuur en overheid")),
        Term("P", N_("Onderwijs")),
        Term("Q", N_("Zorg en welzijn")),
        Term("R", N_("Cultuur, sport en recreatie")),
        Term("S", N_("Overige dienstverlening")),
        Term("T", N_("Huishoudens als werkgever")),
        Term("U", N_("Internationale organisaties")),
    ),
)

#: The kind of contract at outflow to work (Trede's own list, after the contract forms of
#: Dutch labour law: onbepaalde tijd, bepaalde tijd, uitzend, oproep, BBL, zelfstandige).
CONTRACT_TYPES = Vocabulary(
    "contract_type",
    (
        Term("vast", N_("Vast contract (onbepaalde tijd)")),
        Term("tijdelijk", N_("Tijdelijk contract (bepaalde tijd)")),
        Term("uitzend", N_("Uitzendcontract")),
        Term("payroll", N_("Payrollcontract")),
        Term("oproep", N_("Oproep- of nulurencontract")),
        Term("leerwerk", N_("Leerwerkbaan (BBL)")),
        Term("zzp", N_("Eigen bedrijf of zzp")),
        Term("overig", N_("Andere vorm")),
    ),
)

BARRIER_KINDS = Vocabulary(
    "barrier_kind",
    (
        Term("taal", N_("Taal")),
        Term("gezondheid", N_("Gezondheid")),
        Term("zelfredzaamheid", N_("Zelfredzaamheid en zelfvertrouwen")),
        Term("zorgtaken", N_("Zorgtaken")),
        Term("sociaal_netwerk", N_("Klein sociaal netwerk")),
        Term("schulden", N_("Schulden")),
        Term("huisvesting", N_("Huisvesting")),
        Term("digitale_vaardigheden", N_("Digitale vaardigheden")),
        Term("erkenning_diplomas", N_("Erkenning van diploma's")),
        Term("vervoer", N_("Vervoer")),
        Term("overig", N_("Ander obstakel")),
    ),
)

#: Trede's own severity scale (not the Zelfredzaamheid-Matrix): the code is the number as text.
BARRIER_SEVERITIES = Vocabulary(
    "barrier_severity",
    (
        Term("1", N_("Licht"), N_("Speelt mee, maar de klant kan er zelf goed mee omgaan.")),
        Term("2", N_("Matig"), N_("Remt de klant. Met wat hulp is het op te lossen.")),
        Term("3", N_("Ernstig"), N_("Staat meedoen flink in de weg. Er is gerichte hulp nodig.")),
        Term(
            "4",
            N_("Zeer ernstig"),
            N_("Maakt meedoen nu (bijna) onmogelijk. Dit moet eerst worden aangepakt."),
        ),
    ),
)
SEVERITY_MIN, SEVERITY_MAX = 1, 4

BARRIER_STATUSES = Vocabulary(
    "barrier_status",
    (
        Term("open", N_("Open")),
        Term("in_aanpak", N_("In aanpak")),
        Term("opgelost", N_("Opgelost")),
    ),
)
#: Barrier statuses that count as "still in the way".
OPEN_BARRIER_STATUSES = ("open", "in_aanpak")

CONTACT_KINDS = Vocabulary(
    "contact_kind",
    (
        Term("kantoor", N_("Gesprek op kantoor")),
        Term("huisbezoek", N_("Huisbezoek")),
        Term("telefonisch", N_("Telefonisch")),
        Term("video", N_("Videogesprek")),
        Term("wandelgesprek", N_("Wandelgesprek")),
        Term("werkgever", N_("Gesprek met werkgever")),
        Term("netwerkpartner", N_("Overleg met netwerkpartner")),
        Term("schriftelijk", N_("Brief, e-mail of bericht")),
        Term("overig", N_("Ander contact")),
    ),
)

INTERVENTIONS = Vocabulary(
    "intervention",
    (
        Term("taalcursus", N_("Taalcursus")),
        Term("leerwerktraject", N_("Leerwerktraject")),
        Term("vrijwilligerswerk", N_("Vrijwilligerswerk")),
        Term("werkervaringsplaats", N_("Werkervaringsplaats")),
        Term("jobcoach", N_("Jobcoach")),
        Term("warme_overdracht", N_("Warme overdracht naar werkgever")),
        Term("sollicitatietraining", N_("Sollicitatietraining")),
        Term("opleiding", N_("Opleiding of cursus")),
        Term("schuldhulp", N_("Schuldhulp")),
        Term("zorg", N_("Zorg")),
        Term("kinderopvang", N_("Kinderopvang regelen")),
        Term("sociale_activering", N_("Meedoen in de wijk")),
        Term("digitale_vaardigheden", N_("Training digitale vaardigheden")),
        Term("overig", N_("Andere actie")),
    ),
)

ACTION_STATUSES = Vocabulary(
    "action_status",
    (
        Term("gepland", N_("Gepland")),
        Term("lopend", N_("Loopt")),
        Term("afgerond", N_("Afgerond")),
        Term("gestopt", N_("Gestopt")),
    ),
)
#: Action statuses that count as "still to do" (and can be overdue).
OPEN_ACTION_STATUSES = ("gepland", "lopend")

LANGUAGE_LEVELS = Vocabulary(
    "language_level",
    (
        Term("alfa", N_("Geen of alfabetisering")),
        Term("A1", "A1"),
        Term("A2", "A2"),
        Term("B1", "B1"),
        Term("B2", "B2"),
        Term("C1", "C1"),
        Term("C2", "C2"),
    ),
)
#: The four skills that get a level each; the names are the client columns.
LANGUAGE_SKILLS = Vocabulary(
    "language_skill",
    (
        Term("language_speaking", N_("Spreken")),
        Term("language_listening", N_("Luisteren")),
        Term("language_reading", N_("Lezen")),
        Term("language_writing", N_("Schrijven")),
    ),
)

INBURGERING_ROUTES = Vocabulary(
    "inburgering_route",
    (
        Term("b1", N_("B1-route")),
        Term("onderwijs", N_("Onderwijsroute")),
        Term("z_route", N_("Z-route (zelfredzaamheid)")),
    ),
)

#: CBS style (since 2022): migrant (born abroad) or child of migrant(s), or neither.
MIGRATION_GENERATIONS = Vocabulary(
    "migration_generation",
    (
        Term("geen", N_("Geen migratieachtergrond")),
        Term("migrant", N_("Migrant (zelf in het buitenland geboren)")),
        Term("kind_van_migrant", N_("Kind van migrant(en)")),
    ),
)

#: Continent of origin, grouped as CBS does; only for aggregate reports.
ORIGIN_CONTINENTS = Vocabulary(
    "origin_continent",
    (
        Term("europa", N_("Europa (zonder Nederland)")),
        Term("afrika", N_("Afrika")),
        Term("amerika", N_("Amerika")),
        Term("azie", N_("Azië")),
        Term("oceanie", N_("Oceanië")),
    ),
)
EUROPEAN_CONTINENTS = ("europa",)


def is_outside_europe(continent: str | None) -> bool | None:
    """Whether an origin continent is outside Europe (None when not recorded)."""
    if continent is None:
        return None
    return continent not in EUROPEAN_CONTINENTS
