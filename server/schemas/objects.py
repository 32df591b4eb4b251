"""Containers for record schemas: objects that keep unknown keys, item lists, free JSON."""
from __future__ import annotations

from marshmallow import INCLUDE, Schema, ValidationError, fields, validates_schema

from server.schemas.formats import Uuid
from server.schemas.jsontree import json_problems
from server.schemas.values import MESSAGES, Enum


class Object(Schema):
    """An object whose unknown keys are kept (newer clients send them) but checked as JSON."""

    class Meta:
        unknown = INCLUDE

    error_messages = {"type": "must be an object"}

    @validates_schema(pass_original=True, skip_on_field_errors=False)
    def _check_unknown_keys(self, data, original, **kwargs):
        """Apply the string and number rules to the values of keys this schema does not know."""
        if not isinstance(original, dict):
            return
        known = {field.data_key or name for name, field in self.load_fields.items()}
        unknown = {key: value for key, value in original.items() if key not in known}
        problems = json_problems(unknown)
        if problems:
            raise ValidationError(problems)


class Item(Object):
    """An item of a list that merges by `id`."""

    id = Uuid(required=True)


class Nested(fields.Nested):
    """A nested object."""

    default_error_messages = {**MESSAGES, "type": "must be an object"}


class List(fields.List):
    """A JSON array."""

    default_error_messages = {**MESSAGES, "invalid": "must be a list"}


class Words(List):
    """A list of distinct enumeration words."""

    def __init__(self, words: tuple[str, ...], **kwargs):
        super().__init__(Enum(words), validate=distinct, **kwargs)


def distinct(values: list) -> None:
    """Raise when a list of words repeats one."""
    if len(set(values)) != len(values):
        raise ValidationError("must not repeat a value")


class Items(List):
    """A list of objects, each with a lower-case UUID `id` that is unique in the list."""

    def __init__(self, schema: type[Item], **kwargs):
        super().__init__(Nested(schema), validate=_unique_ids, **kwargs)


def _unique_ids(items: list[dict]) -> None:
    """Raise on every item whose `id` an earlier item of the list already has."""
    seen: set[str] = set()
    errors = {}
    for index, item in enumerate(items):
        if item["id"] in seen:
            errors[index] = {"id": ["must be unique in the list"]}
        seen.add(item["id"])
    if errors:
        raise ValidationError(errors)


def _check_json(value: object) -> None:
    """Raise with every place where a JSON value breaks the string and number rules."""
    problems = json_problems(value)
    if problems:
        raise ValidationError(problems.get("") or problems)


class JsonValue(fields.Raw):
    """Any JSON value whose strings and numbers obey the value rules."""

    default_error_messages = MESSAGES

    def _deserialize(self, value, attr, data, **kwargs):
        _check_json(value)
        return value


class JsonObject(fields.Dict):
    """A JSON object of any shape whose strings and numbers obey the value rules."""

    default_error_messages = {**MESSAGES, "invalid": "must be an object"}

    def _deserialize(self, value, attr, data, **kwargs):
        if not isinstance(value, dict):
            raise self.make_error("invalid")
        _check_json(value)
        return value
