"""The access audit (docs/protocol.md section 5, docs/domain.md "Access audit")."""
from datetime import UTC, datetime, timedelta, timezone

import pytest
from sqlalchemy import select, text

from server.extensions import db
from server.models import AuditEvent
from tests.server.sync_helpers import Device, company, new_id

CPR = "010190-1234"
YESTERDAY = datetime.now(UTC).replace(microsecond=0) - timedelta(days=1)
DEVICE_AT = YESTERDAY.astimezone(timezone(timedelta(hours=1))).isoformat()
STORED_AT = YESTERDAY.strftime("%Y-%m-%dT%H:%M:%S.000Z")


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
    event = {"id": new_id(), "at": DEVICE_AT, "action": "open",
             "record_type": "citizen", "record_id": world["citizen"]}
    body = {"events": [event, event]}
    first = lis.client.post("/api/v1/audit/events", json=body, headers=lis.headers)
    assert first.get_json() == {"stored": 1}
    again = lis.client.post("/api/v1/audit/events", json=body, headers=lis.headers)
    assert again.get_json() == {"stored": 0}
    opened = [e for e in _log(lis, world["citizen"])["events"] if e["action"] == "open"]
    assert len(opened) == 1 and opened[0]["at"] == STORED_AT


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


def _actions(device, citizen_id, record_type, action):
    """The log entries of one kind for one record type."""
    return [e for e in _log(device, citizen_id)["events"]
            if e["record_type"] == record_type and e["action"] == action]


def test_a_push_answer_that_carries_a_citizen_record_is_logged(world):
    anne, lis = world["anne"], world["lis"]
    result = lis.upsert("citizen", world["citizen"], {"name": "Mette Hansen"})
    assert result["record"]["data"]["cpr"] == CPR, "the answer carries the whole record"
    pushed = [e for e in _actions(lis, world["citizen"], "citizen", "push")
              if e["device_id"] == lis.device_id]
    assert pushed, "lis's push answer handed out the CPR number: logged"
    assert anne.pull_all()[0][world["citizen"]]["rev"] == 1, "the push changed nothing"


def test_conflicts_are_citizen_data_when_read_pulled_or_resolved(world):
    anne, lis = world["anne"], world["lis"]
    anne.upsert("citizen", world["citizen"], {"name": "Mette H.", "cpr": CPR}, base_rev=1)
    conflict = lis.upsert("citizen", world["citizen"], {"name": "M. Hansen", "cpr": CPR},
                          base_rev=1)
    assert conflict["status"] == "conflict"
    conflict_id = conflict["conflict_id"]
    reader = Device(lis.client, "lis")
    reader.get("conflict", conflict_id)
    reader.pull_all()
    entries = _actions(lis, world["citizen"], "conflict", "read")
    assert [e["record_id"] for e in entries] == [conflict_id]
    assert {e["device_id"] for e in _actions(lis, world["citizen"], "conflict", "pull")} >= {
        reader.device_id}
    anne.upsert("citizen", world["citizen"], {"name": "Mette Hansen Berg", "cpr": CPR},
                base_rev=2)
    stale = reader.resolve(conflict_id, {"data": {"name": "M. Hansen"}})
    assert stale.get_json()["type"].endswith("/conflict-stale")
    resolved = {(e["record_type"], e["device_id"]) for e in _log(lis, world["citizen"])["events"]
                if e["action"] == "resolve"}
    assert {("conflict", reader.device_id), ("citizen", reader.device_id)} <= resolved


def test_events_for_records_the_caller_cannot_read_are_ignored(client, world):
    bo = Device(client, "bo")
    event = {"id": new_id(), "at": DEVICE_AT, "action": "open",
             "record_type": "citizen", "record_id": world["citizen"]}
    response = bo.client.post("/api/v1/audit/events", json={"events": [event]},
                              headers=bo.headers)
    assert response.status_code == 200 and response.get_json() == {"stored": 0}
    assert not [e for e in _log(world["lis"], world["citizen"])["events"]
                if e["device_id"] == bo.device_id], "nothing in another team's log"


@pytest.mark.parametrize("at", ["1970-01-01T00:00:00Z", "2099-01-01T00:00:00Z",
                                "0001-01-01T00:00:00+01:00", "9999-12-31T23:59:59-01:00",
                                "0001-01-01T00:00:00Z"])
def test_event_times_outside_the_range_are_a_validation_problem(world, at):
    lis = world["lis"]
    event = {"id": new_id(), "at": at, "action": "open", "record_type": "citizen",
             "record_id": world["citizen"]}
    response = lis.client.post("/api/v1/audit/events", json={"events": [event]},
                               headers=lis.headers)
    assert response.status_code == 400 and "events.0.at" in response.get_json()["errors"]


def test_every_entry_has_the_servers_receive_time(world):
    lis = world["lis"]
    event = {"id": new_id(), "at": DEVICE_AT, "action": "open",
             "record_type": "citizen", "record_id": world["citizen"]}
    lis.client.post("/api/v1/audit/events", json={"events": [event]}, headers=lis.headers)
    entries = _log(lis, world["citizen"])["events"]
    opened = [e for e in entries if e["action"] == "open"]
    assert opened[0]["at"] == STORED_AT
    assert opened[0]["received_at"] > opened[0]["at"]
    assert all(e["received_at"] for e in entries)
