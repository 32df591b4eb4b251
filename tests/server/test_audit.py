"""The access audit (docs/protocol.md section 5, docs/domain.md "Access audit")."""
import pytest
from sqlalchemy import select, text

from server.extensions import db
from server.models import AuditEvent
from tests.server.sync_helpers import Device, company, new_id

CPR = "010190-1234"


@pytest.fixture
def world(client, users):
    """anne's team: a citizen placed at a company, with a meeting; lis is the team's lead."""
    anne = Device(client, "anne")
    ids = {name: new_id() for name in ("company", "citizen", "placement", "meeting", "other")}
    anne.upsert("company", ids["company"], company())
    anne.upsert("citizen", ids["citizen"], {"name": "Mette Hansen", "cpr": CPR})
    anne.upsert("citizen", ids["other"], {"name": "Ole Olsen"})
    anne.upsert("placement", ids["placement"], {
        "citizen_id": ids["citizen"], "company_id": ids["company"], "kind": "internship",
        "start_date": "2026-12-01"})
    anne.upsert("meeting", ids["meeting"], {"company_id": ids["company"],
                                            "placement_id": ids["placement"],
                                            "kind": "follow_up"})
    return {"anne": anne, "lis": Device(client, "lis"), **ids}


def _log(device, citizen_id, status=200):
    response = device.client.get("/api/v1/audit", query_string={"citizen_id": citizen_id},
                                 headers=device.headers)
    assert response.status_code == status, response.get_json()
    return response.get_json()


def test_pushes_pulls_and_reads_are_logged_per_citizen(world):
    anne, lis = world["anne"], world["lis"]
    lis.pull_all()
    lis.get("meeting", world["meeting"])
    entries = _log(lis, world["citizen"])["events"]
    pushed = {(e["action"], e["record_type"], e["record_id"], e["user_id"]) for e in entries
              if e["action"] == "push"}
    assert pushed == {("push", t, world[t], anne.user["id"])
                      for t in ("citizen", "placement", "meeting")}
    pulled = {(e["record_type"], e["device_id"]) for e in entries if e["action"] == "pull"}
    assert pulled == {("citizen", lis.device_id), ("placement", lis.device_id),
                      ("meeting", lis.device_id)}
    assert ("read", "meeting", lis.device_id) in {
        (e["action"], e["record_type"], e["device_id"]) for e in entries}
    assert all(e["record_id"] != world["other"] for e in entries), "only this citizen"
    assert all(e["record_type"] != "company" for e in entries), "companies are no citizen data"


def test_device_events_are_stored_once(world):
    lis = world["lis"]
    event = {"id": new_id(), "at": "2026-11-20T10:15:00+01:00", "action": "open",
             "record_type": "citizen", "record_id": world["citizen"]}
    body = {"events": [event, event]}
    first = lis.client.post("/api/v1/audit/events", json=body, headers=lis.headers)
    assert first.get_json() == {"stored": 1}
    again = lis.client.post("/api/v1/audit/events", json=body, headers=lis.headers)
    assert again.get_json() == {"stored": 0}
    opened = [e for e in _log(lis, world["citizen"])["events"] if e["action"] == "open"]
    assert len(opened) == 1 and opened[0]["at"] == "2026-11-20T09:15:00.000Z"


def test_device_events_are_validated(world):
    lis = world["lis"]
    bad = {"events": [{"id": "x", "at": "yesterday", "action": "peek",
                       "record_type": "citizen", "record_id": world["citizen"]}]}
    response = lis.client.post("/api/v1/audit/events", json=bad, headers=lis.headers)
    assert response.status_code == 400
    assert {"events.0.id", "events.0.at", "events.0.action"} <= set(response.get_json()["errors"])


def test_only_leads_and_admins_of_the_team_read_the_log(client, world):
    assert _log(world["anne"], world["citizen"], 403)["type"].endswith("/forbidden")
    bo = Device(client, "bo")
    assert _log(bo, world["citizen"], 403)["type"].endswith("/forbidden")
    admin = Device(client, "admin")
    assert _log(admin, world["citizen"])["events"]
    assert _log(world["lis"], new_id(), 404)["type"].endswith("/not-found")
    assert _log(world["lis"], world["company"], 404)["type"].endswith("/not-found")


def test_the_audit_holds_no_field_values(world):
    world["lis"].pull_all()
    assert db.session.scalars(select(AuditEvent)).all()
    for table in ("audit_events", "audit_records"):
        dump = str(db.session.execute(text(f"SELECT * FROM {table}")).all())
        assert CPR not in dump and "Mette" not in dump
