"""A quick check that accepts only records the marshmallow schemas accept, for the push path.

Compiled once from the schemas themselves into one generated Python function per record
schema (its source built once and exec'd), so a record's check is straight-line code: each
field runs its own `_deserialize` and validators, objects and lists are walked inline, and
each schema's `validates_schema` hooks run on the data (the fields return values unchanged,
so the loaded data equals the input); an Object's unknown keys get the same JSON value rules
as in its own hook. It skips only marshmallow's bookkeeping. The fields of
server/schemas/values.py whose `_deserialize` is one of the few plain ones (strings by
pattern, enumeration or own format, booleans) are checked by a direct test of the same
rules, without the raise and catch. It answers "valid" or "ask the schema": a False sends
the record through `Schema.validate`, which gives the messages. A schema with anything this
does not model (pre/post-load hooks, field validators, load defaults, unknown keys other
than INCLUDE) is not compiled and always goes to marshmallow.
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
ABSENT = object()


class NotCompiled(Exception):
    """The schema uses something the quick check does not model."""


class _Source:
    """The lines of one generated check and the objects its names stand for."""

    def __init__(self) -> None:
        self.lines: list[str] = []
        self.names: dict[str, Any] = {"ValidationError": ValidationError, "INCLUDE": INCLUDE,
                                      "json_problems": json_problems, "ABSENT": ABSENT,
                                      "not_text": NOT_TEXT.search}
        self.count = 0

    def fresh(self) -> str:
        """A new variable name."""
        self.count += 1
        return f"v{self.count}"

    def name(self, value: Any) -> str:
        """A name for an object the code uses."""
        self.count += 1
        self.names[f"c{self.count}"] = value
        return f"c{self.count}"

    def emit(self, depth: int, line: str) -> None:
        """Add a line at this indentation."""
        self.lines.append("    " * depth + line)


def compile_schema(schema: Schema) -> Check | None:
    """A check for data of this schema, or None when it must always go to marshmallow."""
    source = _Source()
    try:
        _object(source, schema, "value", 1)
    except NotCompiled:
        return None
    source.emit(1, "return True")
    code = "def check(value):\n" + "\n".join(source.lines) + "\n"
    exec(compile(code, f"<quick check of {type(schema).__name__}>", "exec"), source.names)
    return cast(Check, source.names["check"])


def _object(source: _Source, schema: Schema, var: str, depth: int) -> None:
    """Check an object: its known fields, then its schema hooks."""
    hooks = schema._hooks
    if hooks[PRE_LOAD] or hooks[POST_LOAD] or hooks[VALIDATES] or schema.unknown != INCLUDE:
        raise NotCompiled(type(schema).__name__)
    fields_of = [(field.data_key or name, field) for name, field in schema.load_fields.items()]
    unknown_checked = isinstance(schema, Object)
    source.emit(depth, f"if not isinstance({var}, dict): return False")
    if unknown_checked:
        known = source.name(frozenset(key for key, _ in fields_of))
        source.emit(depth, f"if not {known}.issuperset({var}) and json_problems("
                           f"{{k: i for k, i in {var}.items() if k not in {known}}}): "
                           "return False")
    for key, field in fields_of:
        value = source.fresh()
        source.emit(depth, f"{value} = {var}.get({key!r}, ABSENT)")
        if field.required:
            source.emit(depth, f"if {value} is ABSENT: return False")
            _field(source, field, value, depth)
        else:
            source.emit(depth, f"if {value} is not ABSENT:")
            _field(source, field, value, depth + 1)
    hooked = [(source.name(getattr(schema, name)), options.get("pass_original", False))
              for name, many, options in hooks[VALIDATES_SCHEMA]
              if not many and not (unknown_checked and name == "_check_unknown_keys")]
    if hooked:
        source.emit(depth, "try:")
        for hook, pass_original in hooked:
            original = f"{var}, " if pass_original else ""
            source.emit(depth + 1, f"{hook}({var}, {original}partial=None, many=False, "
                                   "unknown=INCLUDE)")
        source.emit(depth, "except ValidationError: return False")


def _field(source: _Source, field: fields.Field, var: str, depth: int) -> None:
    """Check one field's value (None only where the field allows it)."""
    if field.load_default is not missing:
        raise NotCompiled(repr(field))
    if field.allow_none:
        source.emit(depth, f"if {var} is not None:")
        depth += 1
    else:
        source.emit(depth, f"if {var} is None: return False")
    if isinstance(field, fields.Nested) and not field.many and isinstance(field.schema, Schema):
        _object(source, field.schema, var, depth)
    elif isinstance(field, fields.List):
        item = source.fresh()
        source.emit(depth, f"if not isinstance({var}, list): return False")
        source.emit(depth, f"for {item} in {var}:")
        _field(source, field.inner, item, depth + 1)
    else:
        _leaf(source, field, var, depth)
    if field.validators:
        source.emit(depth, "try:")
        for validator in field.validators:
            source.emit(depth + 1, f"{source.name(validator)}({var})")
        source.emit(depth, "except ValidationError: return False")


def _leaf(source: _Source, field: fields.Field, var: str, depth: int) -> None:
    """Check a value with the field's own deserialisation (or the same rules, directly)."""
    if type(field)._deserialize is String._deserialize:
        source.emit(depth, f"if {_string_fails(source, cast(String, field), var)}: return False")
    elif type(field)._deserialize is Boolean._deserialize:
        source.emit(depth, f"if not isinstance({var}, bool): return False")
    else:
        source.emit(depth, "try:")
        source.emit(depth + 1, f"{source.name(field._deserialize)}({var}, None, None)")
        source.emit(depth, "except ValidationError: return False")


def _string_fails(source: _Source, field: String, var: str) -> str:
    """String._deserialize's rules as one test that is true when the value fails: a string
    within the text rules and the length, of the field's format, not empty when required."""
    limit = field.max_length
    test = (f"not isinstance({var}, str) or len({var}) > "
            f"{limit if type(limit) is int else source.name(limit)} "
            f"or not_text({var}) is not None")
    if type(field).format_ok is String.format_ok and field.pattern is not None:
        test += f" or {source.name(field.pattern.fullmatch)}({var}) is None"
    elif type(field).format_ok is Enum.format_ok:
        test += f" or {var} not in {source.name(frozenset(cast(Enum, field).words))}"
    elif type(field).format_ok is not String.format_ok:
        test += f" or not {source.name(field.format_ok)}({var})"
    if field.required:
        test += f' or {var} == ""'
    return test
