"""The OpenAPI document is generated, valid, and no generated request makes the server fail."""
import schemathesis
from hypothesis import HealthCheck, given, settings
from schemathesis.checks import not_a_server_error

from tests.conftest import login

# The agreement verification endpoint takes the PDF's bytes as they are.
schemathesis.serializer.alias("application/pdf", "application/octet-stream")
# The case import takes the CSV file as it is.
schemathesis.serializer.alias("text/csv", "text/plain")


def test_openapi_document_describes_the_fixed_paths(client):
    response = client.get("/api/v1/openapi.json")
    assert response.status_code == 200
    spec = response.get_json()
    assert spec["openapi"].startswith("3.")
    for path in ("/api/v1/auth/login", "/api/v1/me", "/api/v1/records/{record_type}/{record_id}",
                 "/api/v1/records/{record_type}/{record_id}/history", "/healthz"):
        assert path in spec["paths"], path
    login_op = spec["paths"]["/api/v1/auth/login"]["post"]
    body = login_op["requestBody"]["content"]["application/json"]["schema"]
    assert body["$ref"].endswith("/LoginRequest")
    assert "security" not in login_op
    assert spec["paths"]["/api/v1/me"]["get"]["security"] == [{"bearer": []}]
    assert set(spec["components"]["schemas"]["LoginRequest"]["required"]) == {
        "username", "password", "device_name"}
    company = spec["components"]["schemas"]["CompanyData"]
    assert company["required"] == ["name"] and "cvr" in company["properties"]
    assert "JobOrderData" in spec["components"]["schemas"]


def test_no_generated_request_makes_a_500(client, users):
    schema = schemathesis.openapi.from_wsgi("/api/v1/openapi.json", client.application)
    token = login(client, "anne")["token"]
    spare = login(client, "lis")["token"]
    operations = [result.ok() for result in schema.get_all_operations()]
    assert len(operations) >= 8

    for operation in operations:
        bearer = spare if operation.path.endswith("/logout") else token

        @given(case=operation.as_strategy())
        @settings(max_examples=30, deadline=None, derandomize=True, database=None,
                  suppress_health_check=list(HealthCheck))
        def call(case):
            case.call_and_validate(headers={"Authorization": f"Bearer {bearer}"},  # noqa: B023 (runs now)
                                   checks=[not_a_server_error])

        call()
