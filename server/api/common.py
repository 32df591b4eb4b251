"""What every view shares: JSON bodies, the acting device, the client address, API docs."""
import gzip
import zlib
from collections.abc import Callable
from functools import wraps
from ipaddress import ip_address, ip_network

from flask import Response, after_this_request, current_app, request
from marshmallow import Schema, ValidationError

from server.errors import Problem, validation_problem
from server.jsoncodec import loads
from server.schemas.jsontree import flatten_errors
from server.services.auth import authenticate
from sync.types import Actor


def json_body(schema: Schema | None = None) -> dict:
    """The request body as a JSON object, parsed strictly and loaded through a schema."""
    if request.mimetype != "application/json":
        raise Problem("unsupported-media-type", 415, "Unsupported media type",
                      "send application/json")
    try:
        body = loads(request_body())
    except (ValueError, RecursionError):
        raise validation_problem({"body": ["must be valid JSON"]}, "Malformed JSON") from None
    if not isinstance(body, dict):
        raise validation_problem({"body": ["must be a JSON object"]}, "Malformed JSON")
    return body if schema is None else load_with(schema, body)


def request_body() -> bytes:
    """The raw body, inflated from gzip when so sent (5 MiB inflated at most, else 413)."""
    raw = request.get_data(cache=True)
    coding = request.headers.get("Content-Encoding", "identity").strip().lower()
    if coding == "identity":
        return raw
    if coding != "gzip":
        raise Problem("unsupported-media-type", 415, "Unsupported content encoding",
                      "send the body plain or with Content-Encoding: gzip")
    limit = current_app.config["MAX_CONTENT_LENGTH"]
    inflater = zlib.decompressobj(wbits=16 + zlib.MAX_WBITS)
    try:
        body = inflater.decompress(raw, limit + 1)
    except zlib.error:
        raise validation_problem({"body": ["must be valid gzip"]}, "Malformed gzip") from None
    if len(body) > limit or inflater.unconsumed_tail:
        raise Problem("payload-too-large", 413, "Request too large", "over 5 MiB inflated")
    if not inflater.eof or inflater.unused_data:
        raise validation_problem({"body": ["must be one complete gzip stream"]},
                                 "Malformed gzip")
    return body


def gzip_answer_at(level: int) -> None:
    """Gzip this request's answer at `level` for a client that takes gzip but not brotli (the
    others are flask-compress's, which also adds Vary; brotli at quality 1 is faster still)."""
    @after_this_request
    def compress(response: Response) -> Response:
        accepted = request.accept_encodings
        if (accepted["br"] or not accepted["gzip"] or response.status_code != 200
                or (response.content_length or 0) < current_app.config["COMPRESS_MIN_SIZE"]):
            return response
        response.set_data(gzip.compress(response.get_data(), level, mtime=0))
        response.headers["Content-Encoding"] = "gzip"
        return response


def load_with(schema: Schema, values: dict, title: str = "Invalid request") -> dict:
    """Load values through a schema; a failure is a validation problem naming the fields."""
    try:
        return schema.load(values)
    except ValidationError as error:
        errors = flatten_errors(error.messages, ())
        raise validation_problem({key or "body": value for key, value in errors.items()},
                                 title) from None


def client_address() -> str:
    """The peer address, or the X-Forwarded-For entry added by a trusted proxy."""
    trusted = [ip_network(p, strict=False) for p in current_app.config["TRUSTED_PROXIES"]]
    chain = [a.strip() for a in request.headers.get("X-Forwarded-For", "").split(",") if a.strip()]
    address = request.remote_addr or "unknown"
    while chain and _is_trusted(address, trusted):
        address = chain.pop()
    return address


def _is_trusted(address: str, trusted: list) -> bool:
    """Whether an address belongs to a configured proxy."""
    try:
        return any(ip_address(address) in net for net in trusted)
    except ValueError:
        return False


def bearer_token() -> str | None:
    """The bearer token of the request, if any."""
    scheme, _, token = request.headers.get("Authorization", "").partition(" ")
    return token.strip() if scheme.lower() == "bearer" and token.strip() else None


def authenticated(view: Callable) -> Callable:
    """Pass the acting user and device to the view as `actor`, or answer 401."""

    @wraps(view)
    def wrapper(*args, **kwargs):
        actor: Actor = authenticate(bearer_token())
        return view(*args, actor=actor, **kwargs)

    return wrapper


def documented(summary: str, response: type[Schema] | None = None,
               body: type[Schema] | None = None, auth: bool = True, **extra) -> Callable:
    """Attach OpenAPI facts to a view; the document is generated from them and the schemas."""

    def attach(view: Callable) -> Callable:
        # server/openapi.py reads it back with getattr (mypy knows no `openapi` on Callable)
        view.__dict__["openapi"] = {"summary": summary, "response": response, "body": body,
                                    "auth": auth, **extra}
        return view

    return attach
