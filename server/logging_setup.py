"""Log lines as JSON (LOG_FORMAT=json), each with the request id the proxy passes in X-Request-Id.

Every request gets an id (the proxy's, when it sent a sane one; a new one otherwise), answered
in X-Request-Id and put on every log line written while the request runs. With JSON logs each
request also writes one line: method, route, status, milliseconds, address. Paths are logged as
their route (`/api/v1/records/<type>/<id>`), never with a query string.
"""
import json
import logging
import re
import time
import uuid

from flask import Flask, g, has_request_context, request

REQUEST_ID = re.compile(r"^[A-Za-z0-9._-]{1,64}$")
request_log = logging.getLogger("feltmappe.request")


class JsonFormatter(logging.Formatter):
    """One JSON object per line."""

    def format(self, record: logging.LogRecord) -> str:
        """The record as JSON, with its extra fields."""
        line = {"time": self.formatTime(record, "%Y-%m-%dT%H:%M:%S%z"),
                "level": record.levelname, "logger": record.name,
                "message": record.getMessage()}
        line.update(getattr(record, "fields", {}))
        request_id = getattr(record, "request_id", None)
        if request_id:
            line["request_id"] = request_id
        if record.exc_info:
            line["error"] = self.formatException(record.exc_info)
        return json.dumps(line, ensure_ascii=False)


class RequestIdFilter(logging.Filter):
    """Puts the current request's id on a log record."""

    def filter(self, record: logging.LogRecord) -> bool:
        """Add request_id when a request is running."""
        if has_request_context() and "request_id" in g:
            record.request_id = g.request_id
        return True


def init_logging(app: Flask) -> None:
    """Request ids always; JSON lines on stderr and a line per request when LOG_FORMAT=json."""
    as_json = app.config["LOG_FORMAT"] == "json"
    if app.config["LOG_FORMAT"] not in ("json", "text"):
        raise ValueError(f"LOG_FORMAT must be json or text, not {app.config['LOG_FORMAT']!r}")
    if as_json:
        _json_to_stderr()

    @app.before_request
    def take_request_id():
        sent = request.headers.get("X-Request-Id", "")
        g.request_id = sent if REQUEST_ID.match(sent) else uuid.uuid4().hex
        g.request_started = time.perf_counter()

    @app.after_request
    def answer_request_id(response):
        if "request_id" not in g:
            return response
        response.headers["X-Request-Id"] = g.request_id
        if as_json:
            request_log.info("request", extra={"fields": {
                "method": request.method,
                "route": request.url_rule.rule if request.url_rule else "(none)",
                "status": response.status_code, "remote": request.remote_addr,
                "ms": round(1000 * (time.perf_counter() - g.request_started), 1)}})
        return response


def _json_to_stderr() -> None:
    """Send every log line to stderr as JSON (once per process)."""
    root = logging.getLogger()
    if any(isinstance(h.formatter, JsonFormatter) for h in root.handlers):
        return
    handler = logging.StreamHandler()
    handler.setFormatter(JsonFormatter())
    handler.addFilter(RequestIdFilter())
    root.addHandler(handler)
    root.setLevel(logging.INFO)
