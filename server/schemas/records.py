"""Record validation and references (docs/domain.md "Values", "References", "Validation").

Errors and reference paths are keyed by dotted path under `data` (`data.cvr`,
`data.agreements.0.due_date`, `data.answers.c07`), as problem documents name them.
Nulls mean "absent": validation sees the data as it will be stored, without null keys.
`find_template(kind, key, version)` gets the record type ("assessment" or "agreement")
and returns the template object (`{"kind", "key", "version", "definition", ...}`) or None.
"""
from __future__ import annotations

from itertools import islice

from server.jsoncodec import dumps
from server.schemas.answers import TEMPLATE_FIELDS, FindTemplate, template_problems
from server.schemas.formats import Uuid
from server.schemas.jsontree import canonical_sha256, flatten_errors, strip_nulls
from server.schemas.placement_types import Agreement, Assessment, Meeting, Placement, Signature
from server.schemas.quick import compile_schema
from server.schemas.record_types import (
    RECORD_TYPES,
    RELATED_TYPES,
    Citizen,
    Company,
    Conflict,
    Contact,
    JobOrder,
    Task,
)
from server.schemas.team_types import CompanyContact, TeamGoal

__all__ = ["RECORD_TYPES", "RECORD_SCHEMAS", "validate_record_data", "record_references",
           "user_references", "canonical_sha256", "strip_nulls"]

RECORD_SCHEMAS = {"company": Company, "contact": Contact, "citizen": Citizen,
                  "placement": Placement, "meeting": Meeting, "assessment": Assessment,
                  "agreement": Agreement, "signature": Signature, "job_order": JobOrder,
                  "task": Task, "company_contact": CompanyContact, "team_goal": TeamGoal,
                  "conflict": Conflict}
MAX_ERRORS = 100

_SCHEMAS = {name: schema() for name, schema in RECORD_SCHEMAS.items()}
_QUICK = {name: compile_schema(schema) for name, schema in _SCHEMAS.items()}
_TARGETS = {"company_id": "company", "contact_id": "contact", "mentor_id": "contact",
            "citizen_id": "citizen", "placement_id": "placement", "agreement_id": "agreement",
            "replaces_id": "agreement", "job_order_id": "job_order"}
_USER_FIELDS = ("responsible_user_id", "assignee_id", "journalized_by")
_REFERENCE_FIELDS = {record_type: [(name, f"data.{name}", _TARGETS[name])
                                   for name in schema.fields if name in _TARGETS]
                     for record_type, schema in _SCHEMAS.items()}
_USER_FIELDS_OF = {record_type: [(name, f"data.{name}") for name in _USER_FIELDS
                                 if name in schema.fields]
                   for record_type, schema in _SCHEMAS.items()}


def validate_record_data(record_type: str, data: dict, *,
                         find_template: FindTemplate) -> dict[str, list[str]]:
    """Errors of a record's data keyed by dotted path (`data.cvr`); `{}` when it is valid."""
    schema = _SCHEMAS.get(record_type) if isinstance(record_type, str) else None
    if schema is None:
        return {"type": ["must be one of: " + ", ".join(RECORD_SCHEMAS)]}
    if not isinstance(data, dict):
        return {"data": ["must be an object"]}
    if _may_hold_null(data):
        data = strip_nulls(data)
    quick = _QUICK[record_type]
    errors = {} if quick and quick(data) else flatten_errors(schema.validate(data), ("data",))
    field = TEMPLATE_FIELDS.get(record_type)
    blocking = {"data.template_key", "data.template_version", f"data.{field}"}
    if field and not any(key in blocking or key.startswith(f"data.{field}.") for key in errors):
        errors.update(template_problems(record_type, data, find_template))
    return dict(islice(errors.items(), MAX_ERRORS))


def _may_hold_null(data: dict) -> bool:
    """False only when no null is anywhere in the data (a cheap test, exact that way round:
    a text may say "null"; data too deep for the encoder counts as holding one)."""
    try:
        return b"null" in dumps(data)
    except (TypeError, ValueError, RecursionError):
        return True


def record_references(record_type: str, data: dict) -> list[tuple[str, str, str]]:
    """(path, target record type, id) of every well-formed record reference in the data."""
    schema = _SCHEMAS.get(record_type) if isinstance(record_type, str) else None
    if schema is None or not isinstance(data, dict):
        return []
    refs = [(path, target, data[name]) for name, path, target in _REFERENCE_FIELDS[record_type]
            if _is_uuid(data.get(name))]
    if ("related_id" in schema.fields and data.get("related_type") in RELATED_TYPES
            and _is_uuid(data.get("related_id"))):
        refs.append(("data.related_id", data["related_type"], data["related_id"]))
    if "participants" in schema.fields:
        refs += [(f"data.participants.{index}.contact_id", "contact", item["contact_id"])
                 for index, item in _items(data.get("participants"))
                 if _is_uuid(item.get("contact_id"))]
    return refs


def user_references(record_type: str, data: dict) -> list[tuple[str, str]]:
    """(path, user id) of every well-formed user reference in the data."""
    schema = _SCHEMAS.get(record_type) if isinstance(record_type, str) else None
    if schema is None or not isinstance(data, dict):
        return []
    refs = [(path, data[name]) for name, path in _USER_FIELDS_OF[record_type]
            if _is_uuid(data.get(name))]
    if "log" in schema.fields:
        refs += [(f"data.log.{index}.user_id", item["user_id"])
                 for index, item in _items(data.get("log")) if _is_uuid(item.get("user_id"))]
    return refs


def _items(value: object) -> list[tuple[int, dict]]:
    """(index, item) of the object items of a list; nothing when `value` is no list."""
    if not isinstance(value, list):
        return []
    return [(index, item) for index, item in enumerate(value) if isinstance(item, dict)]


def _is_uuid(value: object) -> bool:
    """Whether the value is a lower-case UUID string."""
    return isinstance(value, str) and Uuid.pattern.fullmatch(value) is not None
