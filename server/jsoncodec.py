"""Fast JSON (orjson) that behaves as the standard library wherever the two differ.

orjson refuses what Python's json accepts (lone surrogates, NaN, 1e400, integers past 64
bits, non-string keys) and reads integers past 64 bits as floats; those inputs take the
standard library's path, so answers and error messages stay as they were.

`sorted_json` writes the exact bytes of sync.engine.sorted_json (the mutation fingerprint's
input). orjson and the standard library differ there only in floats written with an
exponent or below 1e-4 (orjson `1e-7` and `0.00005`, Python `1e-07` and `5e-05`), in NaN and
Infinity (orjson writes null) and in what orjson refuses. orjson writes every such number
as `1e-7`, `1e+16` or `0.00005`, so an output holding a number with an exponent, or
`0.0000` or `null` anywhere (in a text too), is written again by the standard library.
"""
import json
import re
from typing import Any, cast

import orjson
from flask import Response
from flask.json.provider import DefaultJSONProvider

from sync.engine import sorted_json as exact_sorted_json

DIGITS_AS_ZERO = bytes.maketrans(b"123456789", b"000000000")
LONG_NUMBER = b"0" * 20
PASSTHROUGH = orjson.OPT_PASSTHROUGH_DATETIME | orjson.OPT_PASSTHROUGH_DATACLASS
EXPONENT_BACKWARDS = (re.compile(rb"-e[0-9.]*[0-9]-?(?:[:,\[]|$)"),
                      re.compile(rb"\+e[0-9.]*[0-9]-?(?:[:,\[]|$)"))


def _reject_constant(name: str):
    """Refuse NaN and Infinity, which are not JSON."""
    raise ValueError(f"{name} is not valid JSON")


def loads(raw: bytes | str) -> Any:
    """Parse strict JSON (no NaN or Infinity); raises ValueError or RecursionError."""
    data = raw.encode("utf-8", "surrogatepass") if isinstance(raw, str) else raw
    if LONG_NUMBER not in data.translate(DIGITS_AS_ZERO):
        try:
            return orjson.loads(data)
        except orjson.JSONDecodeError:
            pass
    return json.loads(raw, parse_constant=_reject_constant)


def dumps(value: Any, default=None) -> bytes:
    """Compact UTF-8 JSON (ASCII escapes where orjson cannot write a value)."""
    try:
        return orjson.dumps(value, default=default, option=PASSTHROUGH)
    except orjson.JSONEncodeError:
        return json.dumps(value, default=default, separators=(",", ":")).encode()


def sorted_json(value: Any) -> bytes:
    """sync.engine.sorted_json's bytes (sorted keys, compact, UTF-8), by orjson when it agrees."""
    try:
        encoded = orjson.dumps(value, option=orjson.OPT_SORT_KEYS)
    except orjson.JSONEncodeError:
        return exact_sorted_json(value)
    if b"null" in encoded or b"0.0000" in encoded or _has_exponent(encoded):
        return exact_sorted_json(value)
    return encoded


def _has_exponent(encoded: bytes) -> bool:
    """Whether JSON text holds a number written with an exponent: `e-` or `e+` after digits
    that follow `:`, `,`, `[` or the start (a UUID's `5e-8` follows a letter or a quote).
    Searched for backwards, where the patterns begin with a literal the search skips to."""
    backwards = encoded[::-1]
    return any(pattern.search(backwards) for pattern in EXPONENT_BACKWARDS)


def embedded(text: str) -> orjson.Fragment:
    """JSON text (a stored record's data) that `dumps` writes into an answer as it is; an
    answer holding it must be one orjson writes (ids, numbers, words and times beside it)."""
    return orjson.Fragment(text)


def dumps_text(value: Any) -> str:
    """Compact JSON as text (the database's JSON columns)."""
    return dumps(value).decode()


class FastJSONProvider(DefaultJSONProvider):
    """Flask's JSON provider with orjson for compact answers and for request bodies."""

    def loads(self, s: str | bytes, **kwargs: Any) -> Any:
        """Parse with orjson unless options are asked for."""
        return super().loads(s, **kwargs) if kwargs else loads(s)

    def response(self, *args: Any, **kwargs: Any):
        """A compact JSON response (indented only in debug mode, as Flask does)."""
        if self._app.debug:
            return super().response(*args, **kwargs)
        obj = self._prepare_response_obj(args, kwargs)
        response_class = cast(type[Response], self._app.response_class)  # Flask's, not sans-io
        return response_class(dumps(obj, self.default), mimetype=self.mimetype)
