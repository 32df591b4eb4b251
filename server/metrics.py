"""Prometheus metrics at /metrics: request latency per endpoint (prometheus-flask-exporter), push
results by status, conflicts made, pull pages, resyncs, login failures and 5xx answers.

/metrics answers only a bearer METRICS_TOKEN (404 otherwise, and always 404 without one); the
deployment's proxy does not pass it at all, so Prometheus scrapes each app server's own port.
With several gunicorn workers, PROMETHEUS_MULTIPROC_DIR makes every worker write its values to
files there, and /metrics adds up the files of all workers (deploy/gunicorn.conf.py).
"""
import hmac
from functools import wraps

from flask import Flask, current_app, request
from prometheus_client import CollectorRegistry, Counter
from prometheus_flask_exporter import PrometheusMetrics  # type: ignore[import-untyped]

from server.errors import Problem

LATENCY_BUCKETS = (0.01, 0.025, 0.05, 0.1, 0.2, 0.3, 0.5, 1, 2, 5, 10, 30)
LOGIN_FAILURES = {401: "unauthorized", 429: "rate-limited"}


class SyncMetrics:
    """The counters of one app (its own registry, so tests may build many apps)."""

    def __init__(self, registry: CollectorRegistry):
        self.push_results = Counter("feltmappe_push_results", "Push results by status",
                                    ["status"], registry=registry)
        self.conflicts = Counter("feltmappe_conflicts_made", "Conflicts made by pushes",
                                 registry=registry)
        self.pull_pages = Counter("feltmappe_pull_pages", "Pull pages served", registry=registry)
        self.resyncs = Counter("feltmappe_resync_required",
                               "Pulls answered 410 resync-required", registry=registry)
        self.login_failures = Counter("feltmappe_login_failures", "Failed logins by answer",
                                      ["reason"], registry=registry)
        self.server_errors = Counter("feltmappe_server_errors", "Answers with status 5xx",
                                     ["endpoint"], registry=registry)

    def count_answer(self, endpoint: str | None, status: int) -> None:
        """Count what an answer's endpoint and status say."""
        if endpoint == "api.sync.pull":
            if status == 200:
                self.pull_pages.inc()
            elif status == 410:
                self.resyncs.inc()
        elif endpoint == "api.auth.login" and status in LOGIN_FAILURES:
            self.login_failures.labels(LOGIN_FAILURES[status]).inc()
        if status >= 500:
            self.server_errors.labels(endpoint or "none").inc()


def init_metrics(app: Flask) -> None:
    """Request metrics, the sync counters and the protected /metrics endpoint."""
    registry = CollectorRegistry()
    PrometheusMetrics(app, path="/metrics", registry=registry, group_by="url_rule",
                      defaults_prefix="feltmappe", buckets=LATENCY_BUCKETS,
                      metrics_decorator=_token_required, excluded_paths=["^/metrics$"])
    counters = SyncMetrics(registry)
    app.extensions["feltmappe_metrics"] = counters

    @app.after_request
    def count_answer(response):
        counters.count_answer(request.endpoint, response.status_code)
        return response


def count_push_results(results: list[dict]) -> None:
    """Count one push's results by status, and the conflicts it made."""
    counters: SyncMetrics = current_app.extensions["feltmappe_metrics"]
    for result in results:
        counters.push_results.labels(result["status"]).inc()
        if result["status"] == "conflict":
            counters.conflicts.inc()


def _token_required(view):
    """Serve /metrics only to a bearer METRICS_TOKEN; 404 for everyone else."""
    @wraps(view)
    def guarded(*args, **kwargs):
        token = current_app.config["METRICS_TOKEN"]
        sent = request.headers.get("Authorization", "")
        if not token or not hmac.compare_digest(sent.encode(), f"Bearer {token}".encode()):
            raise Problem("not-found", 404, "Not found")
        return view(*args, **kwargs)
    return guarded
