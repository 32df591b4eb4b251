"""Checks an assessment's `answers` or an agreement's `content` against its template version.

Only the template's item ids and value types are allowed. A `repeat` group maps to an
object keyed by lower-case UUIDs (work-function ids or row ids), each value an object of
the group's items. `options` may list plain values or `{"value", "label"}` objects, like
`levels`. An item type this server does not know takes any JSON value. Completeness
(every `required` item answered, a required group with a row) is checked only for a
final assessment; "", [] and {} count as unanswered.
"""
from __future__ import annotations

from collections.abc import Callable

from marshmallow import ValidationError, fields

from server.schemas.formats import Date, Time, Uuid
from server.schemas.jsontree import dotted, flatten_errors
from server.schemas.objects import JsonValue, List, distinct
from server.schemas.values import Boolean, Choice, FreeText, Integer, Number, String

TEMPLATE_FIELDS = {"assessment": "answers", "agreement": "content"}
_SIMPLE = {"text": String, "longtext": FreeText, "date": Date, "time": Time,
           "integer": Integer, "number": Number, "boolean": Boolean}

FindTemplate = Callable[[str, str, int], dict | None]


def template_problems(record_type: str, data: dict, find_template: FindTemplate) -> dict:
    """Errors of a record's answers or content against its template (`data.answers.c07`)."""
    key, version = data["template_key"], int(data["template_version"])
    template = find_template(record_type, key, version)
    if template is None:
        return {"data.template_version": [f"must name an existing version of template {key}"]}
    items = [item for section in template.get("definition", {}).get("sections", [])
             for item in section.get("items", [])]
    field = TEMPLATE_FIELDS[record_type]
    answers = data.get(field, {})
    errors: dict[str, list[str]] = {}
    _check(answers, items, ("data", field), errors)
    if record_type == "assessment" and data.get("status") == "final":
        missing = _missing(answers, items, ("data", field))
        if missing:
            errors["data.status"] = ["final needs every required item answered"]
            errors.update((path, ["is required when status is final"]) for path in missing)
    return errors


def _check(answers: dict, items: list[dict], path: tuple, errors: dict) -> None:
    """Add an error for every answer that is not an item of `items` or not of its type."""
    by_id = {item.get("id"): item for item in items}
    for key, value in answers.items():
        item, here = by_id.get(key), path + (key,)
        if item is None:
            errors[dotted(here)] = ["is not an item of this template version"]
        elif item.get("type") == "repeat":
            _check_rows(value, item, here, errors)
        else:
            try:
                _field(item).deserialize(value)
            except ValidationError as error:
                errors.update(flatten_errors(error.messages, here))


def _check_rows(rows: object, group: dict, path: tuple, errors: dict) -> None:
    """Add an error for every row of a repeat group with a bad key or bad answers."""
    if not isinstance(rows, dict):
        errors[dotted(path)] = ["must be an object keyed by lower-case UUIDs"]
        return
    for key, row in rows.items():
        here = path + (key,)
        if Uuid.pattern.fullmatch(key) is None:
            errors[dotted(here)] = ["must be keyed by a lower-case UUID"]
        elif not isinstance(row, dict):
            errors[dotted(here)] = ["must be an object"]
        else:
            _check(row, group.get("items", []), here, errors)


def _field(item: dict) -> fields.Field:
    """The field that checks an answer to a template item."""
    kind = item.get("type")
    if kind in ("choice", "multichoice"):
        values = [option.get("value") if isinstance(option, dict) else option
                  for option in item.get("options", [])]
        return Choice(values) if kind == "choice" else List(Choice(values), validate=distinct)
    if kind == "level":
        return Choice([level.get("value") for level in item.get("levels", [])])
    if kind == "rating":
        return Integer(minimum=item.get("min"), maximum=item.get("max"))
    return _SIMPLE[kind]() if isinstance(kind, str) and kind in _SIMPLE else JsonValue()


def _answered(value: object) -> bool:
    """Whether a value counts as an answer."""
    return value is not None and value not in ("", [], {})


def _missing(answers: dict, items: list[dict], path: tuple) -> list[str]:
    """Paths of the required items (also inside each row of a group) that have no answer."""
    missing = []
    for item in items:
        value, here = answers.get(item.get("id")), path + (item.get("id"),)
        if item.get("required") and not _answered(value):
            missing.append(dotted(here))
        elif item.get("type") == "repeat" and isinstance(value, dict):
            for key, row in value.items():
                if isinstance(row, dict):
                    missing += _missing(row, item.get("items", []), here + (key,))
    return missing
