"""Every failure is a problem document: never HTML, never a 500 (docs/protocol.md section 0)."""
import pytest

PROBLEM = "application/problem+json"


def _assert_problem(response, status: int, slug: str) -> dict:
    assert response.status_code == status
    assert response.mimetype == PROBLEM
    doc = response.get_json()
    assert doc["type"] == f"/problems/{slug}"
    assert doc["status"] == status and doc["title"]
    return doc


@pytest.mark.parametrize(("method", "path", "status", "slug"), [
    ("get", "/nowhere", 404, "not-found"),
    ("get", "/api/v1/nowhere", 404, "not-found"),
    ("get", "/api/v1/records/company/not-a-uuid", 404, "not-found"),
    ("delete", "/api/v1/me", 405, "method-not-allowed"),
    ("get", "/api/v1/auth/login", 405, "method-not-allowed"),
], ids=["unknown-page", "unknown-api", "bad-id", "wrong-method", "get-login"])
def test_routing_errors_are_problems(client, method, path, status, slug):
    _assert_problem(getattr(client, method)(path), status, slug)


def test_method_not_allowed_names_the_allowed_methods(client):
    response = client.get("/api/v1/auth/login")
    assert "POST" in response.headers["Allow"]


@pytest.mark.parametrize(("body", "content_type", "status", "slug"), [
    (b"{not json", "application/json", 400, "validation"),
    (b"[1, 2]", "application/json", 400, "validation"),
    (b'"text"', "application/json", 400, "validation"),
    (b'{"username": NaN}', "application/json", 400, "validation"),
    (b"[" * 100000 + b"]" * 100000, "application/json", 400, "validation"),
    (b"\xff\xfe", "application/json", 400, "validation"),
    (b'{"username": "anne"}', "text/plain", 415, "unsupported-media-type"),
    (b"username=anne", "application/x-www-form-urlencoded", 415, "unsupported-media-type"),
], ids=["malformed", "array", "string", "nan", "deep-nesting", "bad-utf8", "text-plain", "form"])
def test_bad_bodies_are_problems(client, body, content_type, status, slug):
    response = client.post("/api/v1/auth/login", data=body, content_type=content_type)
    _assert_problem(response, status, slug)


def test_body_over_five_mib_is_payload_too_large(client):
    body = b'{"username": "' + b"a" * (5 * 1024 * 1024) + b'"}'
    doc = _assert_problem(client.post("/api/v1/auth/login", data=body,
                                      content_type="application/json"), 413, "payload-too-large")
    assert "5 MiB" in doc["detail"]


def test_outdated_client_gets_426_and_newer_or_headerless_is_served(client, app_ctx, monkeypatch):
    monkeypatch.setitem(app_ctx.config, "MIN_CLIENT_VERSION", "1.4.0")
    old = client.get("/api/v1/me", headers={"Feltmappe-Client": "1.3.9"})
    _assert_problem(old, 426, "client-outdated")
    assert client.get("/api/v1/me", headers={"Feltmappe-Client": "1.10.0"}).status_code == 401
    assert client.get("/api/v1/me").status_code == 401


def test_healthz_checks_the_database(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.get_json() == {"status": "ok", "database": "ok"}


def test_every_api_answer_is_no_store(client):
    for response in (client.get("/api/v1/me"), client.get("/api/v1/openapi.json")):
        assert response.headers["Cache-Control"] == "no-store"
