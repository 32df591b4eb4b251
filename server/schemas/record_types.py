"""Schemas of the record types about companies, people and tasks (docs/domain.md "Record types").

Field rules come from the field types; rules that span fields run only when every field
is valid, and name every field they span (so a merge that breaks one knows its units).
Values are kept exactly as sent: the schemas check, they never convert. The placement
types (placement, meeting, assessment, agreement, signature) are in `placement_types`.
"""
from __future__ import annotations

from marshmallow import ValidationError, validates_schema

from server.schemas.formats import Cpr, Cvr, Date, DateTime, Email, Phone, Postcode, Uuid, Website
from server.schemas.objects import Item, Items, JsonObject, List, Nested, Object, Words
from server.schemas.values import Boolean, Enum, FreeText, Hours, Integer, Name, String

OFFER_CATALOGUE = ("recruitment", "job_ads", "retention", "upskilling", "adult_apprentice",
                   "job_rotation", "mentor", "wage_subsidy", "flex_job", "sheltered_job",
                   "internship", "redundancy_help", "work_sharing")
RECORD_TYPES = ("company", "contact", "citizen", "placement", "meeting", "assessment",
                "agreement", "signature", "job_order", "task", "company_contact", "team_goal")
RELATED_TYPES = tuple(name for name in RECORD_TYPES if name != "task")


class Company(Object):
    """A company (virksomhed)."""

    name = Name(required=True)
    cvr = Cvr()
    address = String()
    postcode = Postcode()
    city = String()
    industry = String()
    employees = Integer(minimum=0)
    phone = Phone()
    email = Email()
    website = Website()
    status = Enum(("prospect", "active", "inactive"))
    responsible_user_id = Uuid()
    company_type = String()
    interests = Words(OFFER_CATALOGUE)
    knowledge = FreeText()


class Contact(Object):
    """A contact person at a company (kontaktperson)."""

    company_id = Uuid(required=True)
    name = Name(required=True)
    title = Name()
    phone = Phone()
    mobile = Phone()
    email = Email()
    role = Enum(("owner", "manager", "hr", "mentor", "contact"))
    is_primary = Boolean()


class JobGoals(Object):
    """Wish job, good job, necessary job."""

    a = String()
    b = String()
    c = String()


class Citizen(Object):
    """A citizen (borger)."""

    name = Name(required=True)
    cpr = Cpr()
    phone = Phone()
    email = Email()
    target_group = Enum(("dagpenge", "kontanthjaelp", "uddannelseshjaelp", "ressourceforloeb",
                         "jobafklaring", "sygedagpenge", "ledighedsydelse", "integration",
                         "other"))
    caseworker_name = Name()
    caseworker_email = Email()
    job_goals = Nested(JobGoals)
    special_considerations = FreeText()


class LogEntry(Item):
    """An entry of a job order's contact log."""

    date = Date()
    user_id = Uuid()
    text = FreeText()


class JobOrder(Object):
    """A job order from a company (jobordre)."""

    company_id = Uuid(required=True)
    title = Name(required=True)
    offers = Words(("ordinary", "internship", "wage_subsidy", "flex_job"))
    hours_type = Enum(("full_time", "part_time", "shift", "temp"))
    hours_per_week = Hours()
    start_date = Date()
    description = FreeText()
    professional_qualifications = FreeText()
    personal_qualifications = FreeText()
    requirements_must = List(String())
    requirements_nice = List(String())
    candidate_delivery = Enum(("cv", "via_jobcentre", "direct"))
    contact_id = Uuid()
    deadline = Date()
    positions = Integer(minimum=1)
    filled = Integer(minimum=0)
    status = Enum(("open", "filled", "closed"))
    log = Items(LogEntry)

    @validates_schema
    def _filled_within_positions(self, data, **kwargs):
        """No more positions are filled than there are."""
        if "filled" in data and "positions" in data and data["filled"] > data["positions"]:
            raise ValidationError({"filled": ["must not be more than positions"],
                                   "positions": ["must not be less than filled"]})


class Task(Object):
    """A task (opgave), possibly about another record."""

    title = Name(required=True)
    due_date = Date()
    related_type = Enum(RELATED_TYPES)
    related_id = Uuid()
    assignee_id = Uuid()
    done = Boolean()

    @validates_schema
    def _related_id_has_type(self, data, **kwargs):
        """A related record is named by type and id together."""
        if "related_id" in data and "related_type" not in data:
            raise ValidationError({"related_type": ["is required when related_id is set"],
                                   "related_id": ["needs related_type"]})


class Conflict(Object):
    """A conflict the server made from a push (never pushed by clients)."""

    record_type = Enum(RECORD_TYPES, required=True)
    record_id = Uuid(required=True)
    reason = Enum(("edit", "deleted", "delete"), required=True)
    fields_ = List(String(), data_key="fields", required=True)
    base = JsonObject()
    server = JsonObject()
    client = JsonObject()
    server_rev = Integer(minimum=1, required=True)
    client_base_rev = Integer(minimum=0)
    client_user_id = Uuid()
    client_device_id = Uuid()
    mutation_id = Uuid()
    resolved = Boolean()
    resolved_by = Uuid()
    resolved_at = DateTime()
    resolution = JsonObject()
