"""A quick check that accepts only records the marshmallow schemas accept, for the push path.

Compiled once from the schemas themselves: each field runs its own `_deserialize` and
validators, objects and lists are walked directly, and each schema's `validates_schema`
hooks run on the data (the fields return values unchanged, so the loaded data equals the
input); an Object's unknown keys get the same JSON value rules as in its own hook. It skips
only marshmallow's bookkeeping. The fields of server/schemas/values.py whose
`_deserialize` is one of the few plain ones (strings by pattern, enumeration or own format,
booleans) are checked by a direct test of the same rules, without the raise and catch.
It answers "valid" or "ask the schema": a False sends the record through
`Schema.validate`, which gives the messages. A schema with anything this does not model
(pre/post-load hooks, field validators, load defaults, unknown keys other than INCLUDE) is
not compiled and always goes to marshmallow.
"""
from __future__ import annotations

from collections.abc import Callable
from typing import Any, cast

from marshmallow import INCLUDE, Schema, ValidationError, fields, missing
from marshmallow.decorators import POST_LOAD, PRE_LOAD, VALIDATES, VALIDATES_SCHEMA

from server.schemas.jsontree import json_problems
from server.schemas.objects import Object
from server.schemas.values import NOT_TEXT, Boolean, Enum, String

Check = Callable[[Any], bool]


class NotCompiled(Exception):
    """The schema uses something the quick check does not model."""


def compile_schema(schema: Schema) -> Check | None:
    """A check for data of this schema, or None when it must always go to marshmallow."""
    try:
        return _object_check(schema)
    except NotCompiled:
        return None


def _object_check(schema: Schema) -> Check:
    """Check an object: its known fields, then its schema hooks."""
    hooks = schema._hooks
    if hooks[PRE_LOAD] or hooks[POST_LOAD] or hooks[VALIDATES] or schema.unknown != INCLUDE:
        raise NotCompiled(type(schema).__name__)
    checks = [(field.data_key or name, field.required, _field_check(field))
              for name, field in schema.load_fields.items()]
    known = {key for key, _, _ in checks}
    unknown_checked = isinstance(schema, Object)
    validators = [(getattr(schema, name), options.get("pass_original", False))
                  for name, many, options in hooks[VALIDATES_SCHEMA]
                  if not many and not (unknown_checked and name == "_check_unknown_keys")]

    def check(value: Any) -> bool:
        if not isinstance(value, dict):
            return False
        if unknown_checked and any(key not in known for key in value) and json_problems(
                {key: item for key, item in value.items() if key not in known}):
            return False
        for key, required, field_check in checks:
            if key in value:
                if not field_check(value[key]):
                    return False
            elif required:
                return False
        try:
            for validator, pass_original in validators:
                if pass_original:
                    validator(value, value, partial=None, many=False, unknown=INCLUDE)
                else:
                    validator(value, partial=None, many=False, unknown=INCLUDE)
        except ValidationError:
            return False
        return True

    return check


def _field_check(field: fields.Field) -> Check:
    """Check one field's value (None only where the field allows it)."""
    if field.load_default is not missing:
        raise NotCompiled(repr(field))
    if isinstance(field, fields.Nested) and not field.many and isinstance(field.schema, Schema):
        inner = _object_check(field.schema)
    elif isinstance(field, fields.List):
        inner = _list_check(field)
    else:
        inner = _leaf_check(field)
    validators = list(field.validators)
    allow_none = field.allow_none
    if not validators:
        return (lambda value: value is None or inner(value)) if allow_none else (
            lambda value: value is not None and inner(value))

    def check(value: Any) -> bool:
        if value is None:
            return allow_none
        if not inner(value):
            return False
        try:
            for validator in validators:
                validator(value)
        except ValidationError:
            return False
        return True

    return check


def _list_check(field: fields.List) -> Check:
    """Check a list element by element."""
    element = _field_check(field.inner)

    def check(value: Any) -> bool:
        return isinstance(value, list) and all(element(item) for item in value)

    return check


def _leaf_check(field: fields.Field) -> Check:
    """Check a value with the field's own deserialisation (or the same rules, directly)."""
    if type(field)._deserialize is String._deserialize:
        return _string_check(cast(String, field))
    if type(field)._deserialize is Boolean._deserialize:
        return lambda value: isinstance(value, bool)
    deserialize = field._deserialize

    def check(value: Any) -> bool:
        try:
            deserialize(value, None, None)
        except ValidationError:
            return False
        return True

    return check


def _string_check(field: String) -> Check:
    """String._deserialize's rules as one test: a string within the text rules and the length,
    of the field's format, not empty when required."""
    max_length, required = field.max_length, field.required
    format_ok: Callable[[str], bool] = field.format_ok
    if type(field).format_ok is String.format_ok and field.pattern is not None:
        fullmatch = field.pattern.fullmatch
        format_ok = lambda value: fullmatch(value) is not None  # noqa: E731
    elif type(field).format_ok is String.format_ok:
        format_ok = lambda value: True  # noqa: E731
    elif type(field).format_ok is Enum.format_ok:
        format_ok = frozenset(cast(Enum, field).words).__contains__

    not_text = NOT_TEXT.search

    def check(value: Any) -> bool:
        return (isinstance(value, str) and len(value) <= max_length and not_text(value) is None
                and format_ok(value) and not (required and value == ""))

    return check
