"""Every failure as an RFC 9457 problem document; never an HTML error page, never a bare 500."""
import json
import logging

from flask import Flask, Response, request
from sqlalchemy.exc import OperationalError
from werkzeug.exceptions import HTTPException

from sync.decide import summarize
from sync.types import Rejection

log = logging.getLogger(__name__)

PROBLEM_MIMETYPE = "application/problem+json"
HTTP_SLUGS = {
    400: ("validation", "Invalid request"),
    401: ("unauthorized", "Authentication required"),
    403: ("forbidden", "Not allowed"),
    404: ("not-found", "Not found"),
    405: ("method-not-allowed", "Method not allowed"),
    406: ("not-acceptable", "Not acceptable"),
    413: ("payload-too-large", "Request too large"),
    415: ("unsupported-media-type", "Unsupported media type"),
    429: ("rate-limited", "Too many attempts"),
}
DRAIN_LIMIT = 64 * 1024 * 1024


class Problem(Exception):
    """A failure the client should see, with a fixed slug (docs/protocol.md section 0)."""

    def __init__(self, slug: str, status: int, title: str, detail: str | None = None,
                 errors: dict | None = None, headers: dict | None = None, **extra):
        super().__init__(detail or title)
        self.rejection = Rejection(slug, status, title, detail, errors, extra)
        self.status, self.headers = status, headers or {}

    @classmethod
    def of(cls, rejection: Rejection) -> "Problem":
        """The HTTP problem for an engine rejection."""
        return cls(rejection.slug, rejection.status, rejection.title, rejection.detail,
                   rejection.errors, **rejection.extra)

    def with_extra(self, **extra) -> "Problem":
        """The same problem with more members in its document."""
        self.rejection.extra.update(extra)
        return self

    def to_dict(self) -> dict:
        """The problem document as a dict."""
        return self.rejection.to_problem()


def validation_problem(errors: dict[str, list[str]], title: str = "Invalid record") -> Problem:
    """A 400 validation problem naming every wrong field."""
    return Problem("validation", 400, title, summarize(errors), errors=errors)


def problem_response(problem: Problem) -> Response:
    """Render a Problem as an application/problem+json response."""
    response = Response(json.dumps(problem.to_dict(), ensure_ascii=False),
                        status=problem.status, mimetype=PROBLEM_MIMETYPE)
    response.headers.update(problem.headers)
    return response


def _drain_body() -> None:
    """Read and drop an unread request body so the client gets the answer, not a reset."""
    stream = request.environ.get("wsgi.input")
    remaining = min(request.content_length or 0, DRAIN_LIMIT)
    try:
        while stream is not None and remaining > 0:
            chunk = stream.read(min(remaining, 65536))
            if not chunk:
                break
            remaining -= len(chunk)
    except (OSError, ValueError):
        pass


def _from_http(error: HTTPException) -> Problem:
    """Map a werkzeug HTTP error to a problem."""
    code = error.code or 500
    slug, title = HTTP_SLUGS.get(code, ("http-error", error.name))
    detail = "over 5 MiB" if code == 413 else None
    allowed = getattr(error, "valid_methods", None)
    headers = {"Allow": ", ".join(allowed)} if allowed else {}
    return Problem(slug, code, title, detail, headers=headers)


def register_error_handlers(app: Flask) -> None:
    """Install the handlers that turn every exception into a problem document."""

    @app.errorhandler(Problem)
    def handle_problem(problem: Problem):
        return problem_response(problem)

    @app.errorhandler(HTTPException)
    def handle_http(error: HTTPException):
        if error.code == 413:
            _drain_body()
        return problem_response(_from_http(error))

    @app.errorhandler(OperationalError)
    def handle_database_unavailable(error: OperationalError):
        log.warning("database unavailable on %s %s: %s", request.method, request.path,
                    type(error.orig).__name__)
        return problem_response(Problem(
            "unavailable", 503, "Service unavailable",
            "the database cannot be reached right now; try again shortly",
            headers={"Retry-After": "5"}))

    @app.errorhandler(Exception)
    def handle_unexpected(error: Exception):
        log.exception("unhandled error on %s %s", request.method, request.path)
        return problem_response(Problem("internal", 500, "Internal error"))
