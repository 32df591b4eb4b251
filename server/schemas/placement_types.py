"""Schemas of a placement and what hangs on it: meetings, assessments, agreements, signatures.

Rules that span fields run only when every field is valid and name every field they span.
"""
from __future__ import annotations

from marshmallow import ValidationError, validate, validates_schema

from server.schemas.formats import Date, DateTime, Sha256Hex, Uuid
from server.schemas.jsontree import canonical_sha256
from server.schemas.objects import Item, Items, JsonObject, List, Nested, Object, Words
from server.schemas.values import Boolean, Enum, FreeText, Hours, Integer, Name, Number, String

FINAL_NEEDS = "is required when status is final"


def _check_order(data: dict, first: str, last: str) -> None:
    """Raise on both fields when the date `last` is before the date `first`."""
    if first in data and last in data and data[last] < data[first]:
        raise ValidationError({first: [f"must not be after {last}"],
                               last: [f"must not be before {first}"]})


class WorkFunction(Item):
    """A work function of a placement."""

    name = Name()
    tasks = FreeText()


class WeekHours(Item):
    """Internship and paid hours per week from a date on."""

    from_date = Date()
    internship_hours = Hours()
    paid_hours = Hours()


class Placement(Object):
    """A placement of a citizen at a company (forløb)."""

    citizen_id = Uuid(required=True)
    company_id = Uuid(required=True)
    kind = Enum(("internship", "wage_subsidy", "flex_job", "igu", "ordinary", "mentor",
                 "job_rotation", "adult_apprentice", "other"), required=True)
    start_date = Date(required=True)
    end_date = Date()
    purpose = FreeText()
    goals = FreeText()
    work_functions = Items(WorkFunction)
    contact_id = Uuid()
    mentor_id = Uuid()
    hours = Items(WeekHours)
    status = Enum(("planned", "active", "ended", "cancelled"))
    outcome = Enum(("ordinary_job", "education", "extended", "flex_job", "ended_no_job", "other"))

    @validates_schema
    def _end_not_before_start(self, data, **kwargs):
        """The placement ends on or after its start."""
        _check_order(data, "start_date", "end_date")


class Participant(Item):
    """A participant of a meeting."""

    contact_id = Uuid()
    name = Name()
    role = String()


class Attendance(Object):
    """Attended and norm hours over a period."""

    attended_hours = Hours()
    norm_hours = Hours()
    period_start = Date()
    period_end = Date()

    @validates_schema
    def _period_in_order(self, data, **kwargs):
        """The period ends on or after its start."""
        _check_order(data, "period_start", "period_end")


class FollowUp(Object):
    """What a follow-up meeting covered."""

    tasks = FreeText()
    attendance = Nested(Attendance)
    works_well = FreeText()
    difficult = FreeText()
    adjustments = FreeText()
    ordinary_hours_discussed = Boolean()


class AgreementItem(Item):
    """Who does what by when, agreed at a meeting."""

    text = FreeText()
    responsible = String()
    due_date = Date()
    done = Boolean()


class Meeting(Object):
    """A meeting or visit (møde)."""

    company_id = Uuid(required=True)
    placement_id = Uuid()
    kind = Enum(("first_visit", "follow_up", "startup", "tripartite", "closing", "issue",
                 "phone"), required=True)
    scheduled_at = DateTime()
    held_at = DateTime()
    duration_minutes = Integer(minimum=0)
    location = String()
    participants = Items(Participant)
    purpose = FreeText()
    agenda = FreeText()
    notes_citizen = FreeText()
    notes_company = FreeText()
    themes_covered = Words(("company", "challenges", "offers", "campaigns"))
    follow_up = Nested(FollowUp)
    agreements = Items(AgreementItem)
    next_follow_up = Date()
    status = Enum(("draft", "final"))
    journalized_at = DateTime()
    journalized_by = Uuid()

    @validates_schema
    def _final_is_complete(self, data, **kwargs):
        """A final meeting has been held and has a next follow-up."""
        missing = [name for name in ("held_at", "next_follow_up") if name not in data]
        if data.get("status") == "final" and missing:
            raise ValidationError({"status": ["final needs " + " and ".join(missing)],
                                   **{name: [FINAL_NEEDS] for name in missing}})


class Assessment(Object):
    """A progression assessment filled with a template (progressionsvurdering)."""

    placement_id = Uuid(required=True)
    template_key = Name(required=True)
    template_version = Integer(required=True, minimum=1)
    assessed_on = Date(required=True)
    assessor_role = Enum(("consultant", "company", "citizen", "mentor"))
    answers = JsonObject()
    comment = FreeText()
    status = Enum(("draft", "final"))
    journalized_at = DateTime()
    journalized_by = Uuid()


class Agreement(Object):
    """An agreement filled with a template (aftale)."""

    placement_id = Uuid(required=True)
    template_key = Name(required=True)
    template_version = Integer(required=True, minimum=1)
    content = JsonObject()
    status = Enum(("draft", "ready", "signed", "void"))
    replaces_id = Uuid()
    journalized_at = DateTime()
    journalized_by = Uuid()


class Covered(Object):
    """What a signature covers: an agreement's template and content."""

    template_key = Name(required=True)
    template_version = Integer(required=True, minimum=1)
    content = JsonObject(required=True)


class Signature(Object):
    """A signature on an agreement (underskrift); immutable once stored."""

    agreement_id = Uuid(required=True)
    role = Enum(("citizen", "company", "consultant", "mentor", "caseworker"), required=True)
    signer_name = Name(required=True)
    signed_at = DateTime(required=True)
    content = Nested(Covered, required=True)
    content_sha256 = Sha256Hex(required=True)
    method = Enum(("drawn", "typed"))
    strokes = List(List(List(Number(), validate=validate.Length(
        equal=3, error="must be an [x, y, t] point of three numbers"))))
    width = Number(minimum=0)
    height = Number(minimum=0)

    @validates_schema
    def _drawn_has_strokes(self, data, **kwargs):
        """A drawn signature has at least one stroke with a point."""
        if data.get("method") == "drawn" and not any(data.get("strokes", [])):
            raise ValidationError("is required when method is drawn", "strokes")

    @validates_schema
    def _hash_matches_content(self, data, **kwargs):
        """`content_sha256` is the hash of `content` as stored."""
        if canonical_sha256(data["content"]) != data["content_sha256"]:
            raise ValidationError(
                "must be the SHA-256 of the RFC 8785 canonical JSON of content", "content_sha256")
