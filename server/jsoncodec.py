"""Fast JSON (orjson) that behaves as the standard library wherever the two differ.

orjson refuses what Python's json accepts (lone surrogates, NaN, 1e400, integers past 64
bits, non-string keys) and reads integers past 64 bits as floats; those inputs take the
standard library's path, so answers and error messages stay as they were.
"""
import json
from typing import Any, cast

import orjson
from flask import Response
from flask.json.provider import DefaultJSONProvider

DIGITS_AS_ZERO = bytes.maketrans(b"123456789", b"000000000")
LONG_NUMBER = b"0" * 20
PASSTHROUGH = orjson.OPT_PASSTHROUGH_DATETIME | orjson.OPT_PASSTHROUGH_DATACLASS


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
