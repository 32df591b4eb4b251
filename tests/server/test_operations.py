"""What an operator watches: /metrics behind its token, sync counters, request ids in JSON logs."""
import json
import logging
import uuid

import pytest

from server import create_app
from server.extensions import db
from server.logging_setup import JsonFormatter, RequestIdFilter
from tests.conftest import config_for, login, migrated_app


def _scrape(client, token="metrics-token-1") -> dict[str, float]:
    """The metrics as {sample with labels: value}."""
    answer = client.get("/metrics", headers={"Authorization": f"Bearer {token}"})
    assert answer.status_code == 200
    samples = {}
    for line in answer.get_data(as_text=True).splitlines():
        if line and not line.startswith("#"):
            name, value = line.rsplit(" ", 1)
            samples[name] = float(value)
    return samples


@pytest.fixture
def metered(app_ctx, users):
    """The app with a metrics token."""
    app_ctx.config["METRICS_TOKEN"] = "metrics-token-1"
    yield app_ctx.test_client()
    app_ctx.config["METRICS_TOKEN"] = ""


def test_metrics_answer_only_the_token(metered, app_ctx):
    assert metered.get("/metrics").status_code == 404
    assert metered.get("/metrics", headers={"Authorization": "Bearer wrong"}).status_code == 404
    app_ctx.config["METRICS_TOKEN"] = ""
    assert metered.get("/metrics", headers={"Authorization": "Bearer "}).status_code == 404


def test_metrics_count_pushes_conflicts_pulls_login_failures(metered):
    before = _scrape(metered)
    headers = {"Authorization": f"Bearer {login(metered, 'anne')['token']}"}
    other = {"Authorization": f"Bearer {login(metered, 'lis')['token']}"}
    company = str(uuid.uuid4())

    def push(who, base_rev, city):
        return metered.post("/api/v1/sync/push", headers=who, json={"changes": [{
            "mutation_id": str(uuid.uuid4()), "type": "company", "id": company, "op": "upsert",
            "base_rev": base_rev, "data": {"name": "Måler ApS", "city": city}}]})

    push(headers, 0, "Fjordby")
    push(headers, 1, "Nyby")
    assert push(other, 1, "Andenby").get_json()["results"][0]["status"] == "conflict"
    metered.get("/api/v1/sync/pull", headers=headers)
    metered.get("/api/v1/sync/pull?since=forged", headers=headers)
    metered.post("/api/v1/auth/login", json={"username": "anne", "password": "wrong-password-1",
                                             "device_name": "x"})
    after = _scrape(metered)

    def grew(sample):
        return after.get(sample, 0) - before.get(sample, 0)

    assert grew('feltmappe_push_results_total{status="applied"}') == 2
    assert grew('feltmappe_push_results_total{status="conflict"}') == 1
    assert grew("feltmappe_conflicts_made_total") == 1
    assert grew("feltmappe_pull_pages_total") == 1
    assert grew("feltmappe_resync_required_total") == 1
    assert grew('feltmappe_login_failures_total{reason="unauthorized"}') == 1
    assert grew('feltmappe_http_request_duration_seconds_count{method="POST",status="200",'
                'url_rule="/api/v1/sync/push"}') == 3


def test_request_id_from_the_proxy_is_answered(client):
    assert client.get("/healthz", headers={"X-Request-Id": "abc123"}).headers[
        "X-Request-Id"] == "abc123"
    made = client.get("/healthz", headers={"X-Request-Id": "bad id {}"}).headers["X-Request-Id"]
    assert made != "bad id {}" and len(made) == 32


def test_json_log_lines_carry_the_request_id_and_route(app):
    logged = []
    json_app = create_app(config_for(SQLALCHEMY_DATABASE_URI=str(app.config[
        "SQLALCHEMY_DATABASE_URI"]), LOG_FORMAT="json"))
    handler = next(h for h in logging.getLogger().handlers
                   if isinstance(h.formatter, JsonFormatter))
    keep = logging.Handler()
    keep.emit = lambda record: logged.append(handler.format(record))
    keep.addFilter(RequestIdFilter())
    logging.getLogger("feltmappe.request").addHandler(keep)
    try:
        with json_app.app_context():
            json_app.test_client().get("/healthz", headers={"X-Request-Id": "proxy-42"})
            db.engine.dispose()
    finally:
        logging.getLogger("feltmappe.request").removeHandler(keep)
        logging.getLogger().removeHandler(handler)
    line = json.loads(logged[-1])
    assert line["request_id"] == "proxy-42"
    assert (line["route"], line["status"], line["message"]) == ("/healthz", 200, "request")


def test_an_unknown_log_format_is_refused():
    with pytest.raises(ValueError, match="LOG_FORMAT must be json or text"):
        create_app(config_for(LOG_FORMAT="yaml"))


def test_restore_asks_for_confirmation_and_names_a_wrong_file(tmp_path):
    app = migrated_app(f"sqlite:///{tmp_path / 'ops.sqlite3'}")
    runner = app.test_cli_runner()
    with app.app_context():
        made = runner.invoke(args=["backup", "--to", str(tmp_path / "backups")])
        assert made.exit_code == 0 and "backup written" in made.output
        backup = next((tmp_path / "backups").glob("feltmappe-*.sqlite3"))
        refused = runner.invoke(args=["restore", str(backup)])
        assert refused.exit_code == 1 and "run again with --yes" in refused.output
        wrong = tmp_path / "notes.txt"
        wrong.write_text("not a backup")
        answer = runner.invoke(args=["restore", str(wrong), "--yes"])
        assert answer.exit_code == 1 and "not an SQLite backup" in answer.output
        db.engine.dispose()


def test_an_in_memory_database_cannot_be_backed_up(app_ctx, tmp_path):
    if app_ctx.config["BACKEND"] != "sqlite":
        pytest.skip("the in-memory database is SQLite's")
    answer = app_ctx.test_cli_runner().invoke(args=["backup", "--to", str(tmp_path)])
    assert answer.exit_code == 1 and "in-memory SQLite database" in answer.output
