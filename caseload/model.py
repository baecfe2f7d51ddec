"""The caseload as plain frozen dataclasses: what the stores return and what forms hand in."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, fields

from caseload import people


@dataclass(frozen=True, kw_only=True)
class ClientDetails:
    """What a klantmanager fills in about a client; the input of add and update."""

    reference: str
    initials: str = ""
    first_name: str = ""
    surname_prefix: str = ""
    surname: str = ""
    birth_date: dt.date | None = None
    bsn: str | None = None
    guidance_start: dt.date | None = None
    klantmanager: str = ""
    team: str = ""
    expected_trede: int | None = None
    # Off by default; only with a lawful purpose recorded by the municipality.
    born_in_nl: bool | None = None
    migration_generation: str | None = None
    origin_continent: str | None = None
    language_speaking: str | None = None
    language_listening: str | None = None
    language_reading: str | None = None
    language_writing: str | None = None
    inburgering_route: str | None = None
    pip_date: dt.date | None = None
    # Optional contact details; a setting switches them off for a municipality.
    phone: str | None = None
    email: str | None = None

    def display_name(self) -> str:
        """The name as shown in lists: first name (or initials), prefix and surname."""
        return people.display_name(
            self.first_name, self.initials, self.surname_prefix, self.surname
        )


@dataclass(frozen=True, kw_only=True)
class Client(ClientDetails):
    """A stored client with status and the summary the caseload view shows."""

    id: int
    status: str = "active"
    closed_on: dt.date | None = None
    closing_reason: str | None = None
    current_trede: int | None = None
    current_trede_on: dt.date | None = None
    last_contact_on: dt.date | None = None
    open_barriers: int = 0
    open_actions: int = 0
    next_due_on: dt.date | None = None
    #: Handed to a colleague in a transfer file: when, and to whom (the copy here may go).
    transferred_on: dt.date | None = None
    transferred_to: str | None = None
    created_at: str = ""
    updated_at: str = ""

    @property
    def is_active(self) -> bool:
        """Whether the case is open."""
        return self.status == "active"

    def details(self) -> ClientDetails:
        """The editable part, e.g. to change one field with ``dataclasses.replace``."""
        names = {field.name for field in fields(ClientDetails)}
        return ClientDetails(**{name: getattr(self, name) for name in names})


@dataclass(frozen=True)
class LadderStep:
    """One measurement on the participatieladder."""

    id: int
    client_id: int
    measured_on: dt.date
    trede: int
    note: str = ""
    measured_by: str = ""
    #: The growth potential: the trede the client is expected to reach (None = not judged).
    expected_trede: int | None = None
    #: The day the row was last corrected after it was first saved (None: never).
    corrected_on: dt.date | None = None


@dataclass(frozen=True)
class Barrier:
    """Something that holds a client back, in its present state."""

    id: int
    client_id: int
    kind: str
    severity: int
    status: str
    since: dt.date | None = None
    resolved_on: dt.date | None = None
    note: str = ""

    @property
    def is_open(self) -> bool:
        """Whether it is still in the way (open or being worked on)."""
        return self.status != "opgelost"


@dataclass(frozen=True)
class BarrierEvent:
    """One change of a barrier: 'opened', 'severity' or 'status', with the state after it."""

    id: int
    barrier_id: int
    client_id: int
    happened_on: dt.date
    change: str
    severity: int
    status: str
    corrected_on: dt.date | None = None


@dataclass(frozen=True)
class Contact:
    """A contact moment with or about the client."""

    id: int
    client_id: int
    contact_on: dt.date
    kind: str
    minutes: int | None = None
    summary: str = ""
    #: Whether the summary may be shown to the client in the progress report.
    share_with_client: bool = False
    corrected_on: dt.date | None = None


@dataclass(frozen=True)
class Action:
    """One step of the plan of action."""

    id: int
    client_id: int
    intervention: str
    status: str
    goal: str = ""
    start_on: dt.date | None = None
    due_on: dt.date | None = None
    result: str = ""
    corrected_on: dt.date | None = None

    @property
    def is_open(self) -> bool:
        """Whether it still has to be done."""
        return self.status in ("gepland", "lopend")

    def is_overdue(self, today: dt.date) -> bool:
        """Whether it is still open after its due date."""
        return self.is_open and self.due_on is not None and self.due_on < today


@dataclass(frozen=True)
class Outflow:
    """Outflow to work recorded at a closing: the job's sector, hours, contract and start."""

    id: int
    client_id: int
    closed_on: dt.date
    start_on: dt.date | None
    employer_sector: str | None
    hours_per_week: float | None
    contract_type: str | None


@dataclass(frozen=True)
class Closing:
    """One closing of the file (kept when the file is reopened), with its outflow to work."""

    id: int
    client_id: int
    closed_on: dt.date
    reason: str
    #: Whether the open barriers and actions were closed with the file.
    closed_open_items: bool = False
    reopened_on: dt.date | None = None
    outflow: Outflow | None = None


@dataclass(frozen=True)
class TimelineEntry:
    """One line in a client's history: a contact, a trede, a barrier change, an action, or the
    file closed or reopened."""

    on: dt.date
    kind: str  # "contact", "ladder", "barrier", "action", "closing", "reopening"
    item: Contact | LadderStep | BarrierEvent | Action | Closing


@dataclass(frozen=True)
class ClientFile:
    """Everything about one client, for the client view and the progress report."""

    client: Client
    ladder_steps: tuple[LadderStep, ...]
    barriers: tuple[Barrier, ...]
    barrier_events: tuple[BarrierEvent, ...]
    contacts: tuple[Contact, ...]
    actions: tuple[Action, ...]
    timeline: tuple[TimelineEntry, ...]
    closings: tuple[Closing, ...] = ()
