"""Fields for docs/domain.md "Values": each checks a value and returns it exactly as sent.

Strings: no control characters but tab, line feed and carriage return, no lone
surrogates, at most NAME, SHORT or FREE characters (code points). Numbers: finite, not
booleans, integers within +-(2^53 - 1). An integral float (JSON `3.0`) counts as an
integer, since JSON has one number type; it is kept as sent. Formats (UUID, dates, CVR,
CPR, ...) live in `formats` and are checked only after the text rules pass.
"""
from __future__ import annotations

import math
import re
from decimal import Decimal

from marshmallow import ValidationError, fields

NAME = 200
SHORT = 500
FREE = 100_000
MAX_SAFE_INTEGER = 2**53 - 1

MESSAGES: dict[str, str | list | dict] = {"required": "is required", "null": "must not be null",
                                          "validator_failed": "is not valid"}
SAFE_RANGE = f"must be between -{MAX_SAFE_INTEGER} and {MAX_SAFE_INTEGER}"

_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
_SURROGATE = re.compile("[\ud800-\udfff]")
_EITHER = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff]")


def text_problem(value: str, max_length: int) -> str | None:
    """Why a string breaks the text rules (length, control characters, surrogates), or None."""
    if len(value) > max_length:
        return f"must be at most {max_length} characters"
    if not _EITHER.search(value):
        return None
    if _CONTROL.search(value):
        return "must not contain control characters other than tab, line feed and carriage return"
    if _SURROGATE.search(value):
        return "must not contain lone surrogates"
    return None


NOT_TEXT = _EITHER  # a match breaks the text rules (`text_problem` names which)


def number_problem(value: object) -> str | None:
    """Why a value is not a number within the number rules, or None."""
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return "must be a number"
    if isinstance(value, float) and not math.isfinite(value):
        return "must be a finite number"
    if abs(value) > MAX_SAFE_INTEGER:
        return SAFE_RANGE
    return None


def same_json(a: object, b: object) -> bool:
    """Whether two JSON scalars are equal without counting true as 1 or "1" as 1."""
    return isinstance(a, bool) == isinstance(b, bool) and isinstance(a, str) == isinstance(
        b, str) and a == b


class String(fields.String):
    """A string within the text rules and `max_length`; a required one is not empty."""

    default_error_messages = {**MESSAGES, "invalid": "must be a string"}
    max_length = SHORT
    openapi: dict = {}
    pattern: re.Pattern | None = None
    message = ""

    def __init__(self, *, max_length: int | None = None, **kwargs):
        if max_length is not None:
            self.max_length = max_length
        metadata = {"maxLength": self.max_length, **self.openapi, **kwargs.pop("metadata", {})}
        if kwargs.get("required"):
            metadata["minLength"] = 1
        super().__init__(metadata=metadata, **kwargs)

    def _deserialize(self, value, attr, data, **kwargs):
        if not isinstance(value, str):
            raise self.make_error("invalid")
        problem = text_problem(value, self.max_length)
        if problem is None and not self.format_ok(value):
            problem = self.message
        if problem is None and self.required and value == "":
            problem = "must not be empty"
        if problem:
            raise ValidationError(problem)
        return value

    def format_ok(self, value: str) -> bool:
        """Whether the value has this field's format (by default: matches `pattern`)."""
        return self.pattern is None or self.pattern.fullmatch(value) is not None


class Name(String):
    """A name or a title."""

    max_length = NAME


class FreeText(String):
    """Free text: notes, descriptions."""

    max_length = FREE


class Enum(String):
    """One of a fixed set of lower-case words."""

    def __init__(self, words: tuple[str, ...], **kwargs):
        self.words = words
        self.message = "must be one of: " + ", ".join(words)
        super().__init__(metadata={"enum": list(words)}, **kwargs)

    def format_ok(self, value: str) -> bool:
        """Whether the value is one of the words."""
        return value in self.words


class Choice(fields.Raw):
    """One of a fixed set of JSON scalars (a template's option or level values)."""

    default_error_messages = MESSAGES

    def __init__(self, values: list, **kwargs):
        self.values = values
        super().__init__(metadata={"enum": values}, **kwargs)

    def _deserialize(self, value, attr, data, **kwargs):
        if not any(same_json(value, allowed) for allowed in self.values):
            raise ValidationError("must be one of: " + ", ".join(map(str, self.values)))
        return value


class Integer(fields.Integer):
    """An integer (not a boolean) within the safe range and the given bounds."""

    default_error_messages = {**MESSAGES, "invalid": "must be an integer"}

    def __init__(self, *, minimum: int | None = None, maximum: int | None = None, **kwargs):
        self.minimum, self.maximum = minimum, maximum
        bounds = {"minimum": minimum, "maximum": maximum}
        super().__init__(metadata={k: v for k, v in bounds.items() if v is not None}, **kwargs)

    def _deserialize(self, value, attr, data, **kwargs):
        if isinstance(value, bool) or not isinstance(value, (int, float)) or (
                isinstance(value, float) and not value.is_integer()):
            raise self.make_error("invalid")
        if abs(value) > MAX_SAFE_INTEGER:
            raise ValidationError(SAFE_RANGE)
        _check_bounds(value, self.minimum, self.maximum)
        return value


class Number(fields.Number):
    """A finite number (not a boolean), optionally at least `minimum` with few decimals."""

    default_error_messages = {**MESSAGES, "invalid": "must be a number"}
    num_type = float

    def __init__(self, *, minimum: float | None = None, decimals: int | None = None, **kwargs):
        self.minimum, self.decimals = minimum, decimals
        metadata = {} if minimum is None else {"minimum": minimum}
        super().__init__(metadata=metadata, **kwargs)

    def _deserialize(self, value, attr, data, **kwargs):
        problem = number_problem(value)
        if problem:
            raise ValidationError(problem)
        _check_bounds(value, self.minimum, None)
        if (self.decimals is not None and isinstance(value, float)
                and Decimal(repr(value)).as_tuple().exponent < -self.decimals):
            raise ValidationError(f"must have at most {self.decimals} decimals")
        return value


class Hours(Number):
    """A number of hours: at least 0, at most two decimals."""

    def __init__(self, **kwargs):
        super().__init__(minimum=0, decimals=2, **kwargs)


def _check_bounds(value: float, minimum: float | None, maximum: float | None) -> None:
    """Raise when a number lies outside its bounds."""
    if minimum is not None and value < minimum:
        raise ValidationError(f"must be at least {minimum}")
    if maximum is not None and value > maximum:
        raise ValidationError(f"must be at most {maximum}")


class Boolean(fields.Boolean):
    """`true` or `false` (not 0, 1 or strings)."""

    default_error_messages = {**MESSAGES, "invalid": "must be true or false"}

    def _deserialize(self, value, attr, data, **kwargs):
        if not isinstance(value, bool):
            raise self.make_error("invalid")
        return value
