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
from server.models import ServerMeta
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


def _legacy(**fields) -> str:
    """A checkpoint token of the earlier form: URL-safe base64 of a JSON object."""
    raw = json.dumps(fields).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def _compact(token: str, **change) -> str:
    """A compact token (`seq.purge.binding.id`) with some parts replaced."""
    seq, purge, bind, record_id = token.split(".", 3)
    parts = {"seq": seq, "purge": purge, "bind": bind, "id": record_id, **change}
    return ".".join(str(parts[name]) for name in ("seq", "purge", "bind", "id"))


def _identity(anne: Device) -> dict:
    """The fields an earlier-form token of anne's named."""
    meta = dict(db.session.execute(select(ServerMeta.key, ServerMeta.value)).all())
    return {"db": meta["database_id"], "gen": meta["restore_generation"],
            "team": anne.user["team_id"], "role": "consultant"}


@pytest.mark.parametrize("change", [
    {"seq": 2 ** 63}, {"seq": 2 ** 64 + 5}, {"seq": -1}, {"seq": 1.5}, {"seq": "01"},
    {"seq": ""}, {"purge": 2 ** 63}, {"purge": "x"}, {"id": 7},
    {"id": "E88359DB-EA5A-473D-BF6A-E3857D7C6113"}, {"id": "a.b"}, {"bind": "AAAAAAAAAAAA"},
    {"bind": "short"},
])
def test_forged_checkpoints_are_resync_required(client, users, change):
    anne = Device(client, "anne")
    anne.upsert("company", new_id(), {"name": "Tarm Is"})
    page = anne.pull()
    assert len(page["checkpoint"]) < 80, "compact: a no-op sync sends it twice"
    problem = anne.pull(_compact(page["checkpoint"], **change), status=410)
    assert problem["type"].endswith("/resync-required")


@pytest.mark.parametrize("change", [
    {"seq": 2 ** 63}, {"seq": -1}, {"seq": True}, {"purge": 2 ** 63}, {"purge": "1"},
    {"id": 7}, {"extra": 1}, {"team": new_id()}, {"gen": "2"},
])
def test_checkpoints_of_the_earlier_form_keep_their_place_and_forged_ones_resync(
        client, users, change):
    anne = Device(client, "anne")
    first = anne.upsert("company", new_id(), {"name": "Tarm Is"})["record"]["id"]
    page = anne.pull()
    second = anne.upsert("company", new_id(), {"name": "Lemvig Is"})["record"]["id"]
    seq = int(page["checkpoint"].split(".")[0])
    earlier = {**_identity(anne), "seq": seq, "id": first, "purge": 0}
    assert [r["id"] for r in anne.pull(_legacy(**earlier))["changes"]] == [second]
    problem = anne.pull(_legacy(**{**earlier, **change}), status=410)
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
