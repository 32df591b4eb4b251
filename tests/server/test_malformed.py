"""Malformed values that used to reach the code as 500s: each answers a problem, never 500.

Table-driven: nesting far beyond the depth limit, checkpoints with numbers out of range,
NUL characters in login fields (PostgreSQL refuses them in text), device times a datetime
cannot hold. The schemathesis run (tests/server/test_openapi.py) covers the rest."""
import base64
import json

import pytest
from sqlalchemy import select

from server.extensions import db
from server.models import Device as DeviceRow
from tests.server.sync_helpers import Device, new_id, upsert


def _push_body(levels: int) -> str:
    """A push of a citizen whose `notes` nest `levels` objects deep (built as text)."""
    notes = '{"x": ' * levels + "null" + "}" * levels
    change = json.dumps(upsert("citizen", new_id(), {"name": "Mette Hansen", "notes": 0}))
    return '{"changes": [' + change.replace('"notes": 0', f'"notes": {notes}') + "]}"


@pytest.mark.parametrize("levels", [40, 900, 5000])
def test_deeply_nested_record_data_is_a_validation_problem(client, users, levels):
    anne = Device(client, "anne")
    response = client.post("/api/v1/sync/push", data=_push_body(levels), headers=anne.headers,
                           content_type="application/json")
    assert response.status_code in (200, 400), response.status_code
    if response.status_code == 200:
        result = response.get_json()["results"][0]
        assert result["status"] == "rejected"
        assert result["error"]["type"].endswith("/validation")


def _token(**fields) -> str:
    raw = json.dumps(fields).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


@pytest.mark.parametrize("change", [
    {"seq": 2 ** 63}, {"seq": 2 ** 64 + 5}, {"seq": -1}, {"seq": 1.5}, {"seq": True},
    {"purge": 2 ** 63}, {"purge": "1"}, {"id": 7}, {"extra": 1},
])
def test_forged_checkpoints_are_resync_required(client, users, change):
    anne = Device(client, "anne")
    page = anne.pull()
    fields = json.loads(base64.urlsafe_b64decode(page["checkpoint"] + "=="))
    fields.update(change)
    problem = anne.pull(_token(**fields), status=410)
    assert problem["type"].endswith("/resync-required")


@pytest.mark.parametrize("field", ["username", "device_name"])
@pytest.mark.parametrize("value", ["an\x00ne", "anne\x07", "\x1b[31manne"])
def test_control_characters_in_login_fields_are_a_validation_problem(client, users, field,
                                                                      value):
    body = {"username": "anne", "password": "anne-password-1", "device_name": "tablet",
            field: value}
    response = client.post("/api/v1/auth/login", json=body)
    assert response.status_code == 400, response.get_json()
    assert field in response.get_json()["errors"]
    assert not db.session.scalars(select(DeviceRow)).all(), "nothing stored"
