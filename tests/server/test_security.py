"""Security headers, CORS allow-list and the production configuration guard."""
import pytest

from server import create_app
from tests.conftest import config_for


@pytest.mark.parametrize("path", ["/", "/healthz", "/static/shell.css", "/nowhere"])
def test_security_headers_on_html_static_and_errors(client, path):
    response = client.get(path)
    csp = response.headers["Content-Security-Policy"]
    assert "frame-ancestors 'none'" in csp and "default-src 'self'" in csp
    assert "unsafe-inline" not in csp and "unsafe-eval" not in csp
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.headers["Referrer-Policy"] == "no-referrer"
    assert "Strict-Transport-Security" not in response.headers


@pytest.mark.parametrize("path", ["/api/v1/openapi.json", "/api/v1/me", "/api/v1/nowhere"])
def test_api_answers_carry_only_the_headers_a_json_answer_needs(client, path):
    response = client.get(path)
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.headers["Cache-Control"] == "no-store"
    for page_only in ("Content-Security-Policy", "Referrer-Policy", "X-Frame-Options",
                      "Cross-Origin-Opener-Policy", "Permissions-Policy"):
        assert page_only not in response.headers


def test_hsts_over_https(client):
    response = client.get("/healthz", base_url="https://feltmappe.example")
    assert response.headers["Strict-Transport-Security"].startswith("max-age=")


def test_cors_allows_only_configured_origins():
    app = create_app(config_for(CORS_ORIGINS=["https://app.feltmappe.example"]))
    client = app.test_client()
    allowed = client.get("/healthz", headers={"Origin": "https://app.feltmappe.example"})
    refused = client.get("/api/v1/openapi.json", headers={"Origin": "https://evil.example"})
    assert refused.headers.get("Access-Control-Allow-Origin") is None
    api = client.get("/api/v1/openapi.json", headers={"Origin": "https://app.feltmappe.example"})
    assert api.headers["Access-Control-Allow-Origin"] == "https://app.feltmappe.example"
    assert allowed.status_code == 200


def test_no_cors_by_default(client):
    response = client.get("/api/v1/openapi.json", headers={"Origin": "https://any.example"})
    assert response.headers.get("Access-Control-Allow-Origin") is None


@pytest.mark.parametrize(("overrides", "message"), [
    ({"SECRET_KEY": ""}, "SECRET_KEY"),
    ({"SECRET_KEY": "short"}, "SECRET_KEY"),
    ({"SECRET_KEY": "x" * 40, "DEBUG": True}, "debug"),
], ids=["no-secret", "short-secret", "debug-on"])
def test_production_refuses_unsafe_configuration(overrides, message):
    with pytest.raises(RuntimeError, match=message):
        create_app(config_for(ENV_NAME="production", **overrides))


def test_production_refuses_the_demo_seal_certificate(seal_paths):
    key, cert = seal_paths
    with pytest.raises(RuntimeError, match="demo seal"):
        create_app(config_for(ENV_NAME="production", SECRET_KEY="k" * 48,
                              SEAL_KEY_PATH=str(key), SEAL_CERT_PATH=str(cert)))


def test_production_starts_with_a_real_secret():
    app = create_app(config_for(ENV_NAME="production", SECRET_KEY="k" * 48))
    assert app.test_client().get("/healthz").status_code == 200
