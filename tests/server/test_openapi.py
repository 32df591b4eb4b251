"""The OpenAPI document is generated, valid, and no generated request makes the server fail."""
from collections import Counter

import schemathesis
from hypothesis import HealthCheck, given, settings
from hypothesis.stateful import run_state_machine_as_test
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from tests.conftest import create_users, empty_database, login
from tests.server.sync_helpers import Device, company, new_id

# The agreement verification endpoint takes the PDF's bytes as they are.
schemathesis.serializer.alias("application/pdf", "application/octet-stream")
# The case import takes the CSV file as it is.
schemathesis.serializer.alias("text/csv", "text/plain")


# No 500, and the status, content type and body the document promises.
DOCUMENTED = [not_a_server_error, status_code_conformance, content_type_conformance,
              response_schema_conformance]


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
            case.call_and_validate(headers={"Authorization": f"Bearer {bearer}",  # noqa: B023 (runs now)
                                            "Accept-Encoding": "identity"},
                                   checks=DOCUMENTED)

        call()


def seed_a_conflict(client) -> None:
    """A company of anne's team that lis and anne edited at once: a record and a conflict to
    pull, read and resolve."""
    anne, lis = Device(client, "anne"), Device(client, "lis")
    record_id = new_id()
    anne.upsert("company", record_id, company())
    lis.upsert("company", record_id, company(city="Vejle"), base_rev=1)
    assert anne.upsert("company", record_id, company(city="Kolding"), base_rev=1)["status"] \
        == "conflict"


# The operations the document links (server/openapi.py LINKS); the run above calls the rest.
LINKED = ["sync.push", "sync.pull", "sync.resolve", "records.get_record",
          "records.record_history"]


def test_linked_sequences_make_no_500_and_keep_to_the_document(client):
    """Schemathesis' stateful run follows the document's links (push → record, history and
    resolve; pull → next page, record and resolve; resolve → record and conflict) from
    generated first calls; every answer keeps to the document and none is a 500."""
    schema = schemathesis.openapi.from_wsgi("/api/v1/openapi.json", client.application)
    schema = schema.include(operation_id=LINKED)
    bearers: dict[str, str] = {}
    followed: Counter = Counter()

    class Sequences(schema.as_state_machine()):  # type: ignore[misc]
        def get_call_kwargs(self, case):
            """As anne; answers uncompressed (the in-process transport does not decode a
            Content-Encoding)."""
            return {"headers": {"Authorization": f"Bearer {bearers['anne']}",
                                "Accept-Encoding": "identity"}}

        def setup(self):
            """Every run starts from the same data (runs replay): the users, logged in
            again, and a conflict."""
            empty_database()
            create_users()
            bearers["anne"] = login(client, "anne")["token"]
            seed_a_conflict(client)

        def step(self, input):
            """Call, and count the links followed with the status they met."""
            output = super().step(input)
            if input.transition is not None and input.is_applied:
                link = input.transition.id.split(" -> ")[1].split("] ")[1]
                followed[(link, output.response.status_code)] += 1
            return output

        def validate_response(self, response, case, additional_checks=None, **kwargs):
            """No 500, and the status, content type and body the document promises."""
            case.validate_response(response, checks=DOCUMENTED)

    run_state_machine_as_test(Sequences, settings=settings(
        max_examples=25, stateful_step_count=10, deadline=None, derandomize=True,
        database=None, suppress_health_check=list(HealthCheck)))
    assert {("GetPulledRecord", 200), ("PullNextPage", 200),
            ("ResolvePulledConflict", 200)} <= set(followed), followed
