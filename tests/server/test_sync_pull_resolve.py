"""Pull (docs/protocol.md section 4) and conflict resolution (section 5) through the API."""
import base64
import json

import pytest
from sqlalchemy import update

from server.extensions import db
from server.models import ServerMeta, User
from tests.server.sync_helpers import Device, company, new_id, upsert


def test_pull_pages_follow_checkpoints_and_include_tombstones(anne, lis):
    ids = [new_id() for _ in range(7)]
    anne.push(*[upsert("company", i, company(name=f"Firma {n}")) for n, i in enumerate(ids)])
    first = lis.pull(limit=3)
    assert len(first["changes"]) == 3 and first["has_more"] is True
    second = lis.pull(first["checkpoint"], limit=3)
    third = lis.pull(second["checkpoint"], limit=3)
    assert (len(second["changes"]), len(third["changes"]), third["has_more"]) == (3, 1, False)
    seen = [r["id"] for page in (first, second, third) for r in page["changes"]]
    assert sorted(seen) == sorted(ids)
    anne.delete("company", ids[0], 1)
    anne.upsert("company", ids[1], company(name="Firma 1", city="Vejle"), base_rev=1)
    later = lis.pull(third["checkpoint"])
    by_id = {r["id"]: r for r in later["changes"]}
    assert set(by_id) == {ids[0], ids[1]}
    assert by_id[ids[0]]["deleted"] is True and by_id[ids[1]]["rev"] == 2
    assert lis.pull(later["checkpoint"])["changes"] == []


def test_pull_returns_only_the_newest_state_once(anne, lis):
    cid = new_id()
    anne.upsert("company", cid, company())
    for rev in range(1, 4):
        anne.upsert("company", cid, company(employees=rev), base_rev=rev)
    records, _ = lis.pull_all()
    assert records[cid]["rev"] == 4 and records[cid]["data"]["employees"] == 3


def test_pulled_data_is_the_pushed_data_and_the_push_answers_record(anne, lis):
    """The page writes each record's stored JSON text into the answer without parsing it."""
    data = company(name="Ærø \"Tømrer\" & Søn ApS ✓ \U0001f600", employees=12,
                   knowledge="Linje 1\nLinje 2\ttab \\ slut", interests=["mentor"],
                   later_field={"nested": [1, 2.5, True, "x"], "tom": {}})
    cid = new_id()
    pushed = anne.upsert("company", cid, data)
    records, _ = lis.pull_all()
    assert records[cid]["data"] == data == pushed["record"]["data"]
    assert {k: v for k, v in records[cid].items() if k != "data"} == {
        k: v for k, v in pushed["record"].items() if k != "data"}


def test_pull_never_shows_another_team(client, users, anne):
    bo = Device(client, "bo")
    bo.upsert("company", new_id(), company())
    assert anne.pull()["changes"] == []


def _token(fields: dict) -> str:
    return base64.urlsafe_b64encode(json.dumps(fields).encode()).decode().rstrip("=")


def test_unreadable_or_foreign_checkpoints_are_resync_required(client, users, anne):
    anne.upsert("company", new_id(), company())
    good = anne.pull()["checkpoint"]
    for since in ("garbage", _token({"seq": 1}), good[:-6] + "AAAAAA", "%%%", "1.0.x.",
                  good.replace(good.split(".")[2], "A" * 12)):
        assert anne.pull(since, status=410)["type"].endswith("/resync-required"), since
    bo = Device(client, "bo")
    assert bo.pull(good, status=410)["type"].endswith("/resync-required")


def test_checkpoint_is_bound_to_role_and_restore_generation(app_ctx, users, anne):
    anne.upsert("company", new_id(), company())
    checkpoint = anne.pull()["checkpoint"]
    db.session.execute(update(User).where(User.id == users["anne"]).values(role="lead"))
    db.session.commit()
    assert anne.pull(checkpoint, status=410)["type"].endswith("/resync-required")
    fresh = anne.pull()["checkpoint"]
    db.session.execute(update(ServerMeta).where(ServerMeta.key == "restore_generation")
                       .values(value="2"))
    db.session.commit()
    assert anne.pull(fresh, status=410)["type"].endswith("/resync-required")


@pytest.mark.parametrize("query", [{"limit": 0}, {"limit": 1001}, {"limit": "x"}])
def test_pull_query_is_validated(anne, query):
    response = anne.client.get("/api/v1/sync/pull", query_string=query, headers=anne.headers)
    assert response.status_code == 400 and "limit" in response.get_json()["errors"]


def _conflict(anne, lis):
    cid = new_id()
    anne.upsert("company", cid, company())
    anne.upsert("company", cid, company(city="Vejle"), base_rev=1)
    result = lis.upsert("company", cid, company(city="Kolding"), base_rev=1)
    return cid, result["conflict_id"]


def test_resolve_writes_the_chosen_value_and_marks_the_conflict(anne, lis):
    cid, conflict_id = _conflict(anne, lis)
    response = lis.resolve(conflict_id, {"data": {"city": "Kolding"}})
    assert response.status_code == 200
    body = response.get_json()
    assert body["record"]["data"]["city"] == "Kolding" and body["record"]["rev"] == 3
    assert body["conflict"]["data"]["resolved"] is True
    assert body["conflict"]["data"]["resolution"] == {"city": "Kolding"}
    assert body["conflict"]["data"]["resolved_by"] == lis.user["id"]
    records, _ = anne.pull_all()
    assert records[conflict_id]["data"]["resolved"] is True, "the resolution syncs"
    again = lis.resolve(conflict_id, {"data": {"city": "Vejle"}})
    assert again.status_code == 409
    assert again.get_json()["type"].endswith("/conflict-resolved")
    assert again.get_json()["resolution"] == {"city": "Kolding"}
    assert anne.get("company", cid).get_json()["data"]["city"] == "Kolding"


def test_resolve_after_the_unit_changed_again_is_stale(anne, lis):
    cid, conflict_id = _conflict(anne, lis)
    anne.upsert("company", cid, company(city="Horsens"), base_rev=2)
    response = lis.resolve(conflict_id, {"data": {"city": "Kolding"}})
    assert response.status_code == 409
    problem = response.get_json()
    assert problem["type"].endswith("/conflict-stale")
    assert anne.get("company", cid).get_json()["data"]["city"] == "Horsens"
    refreshed = problem["conflict"]["data"]
    assert refreshed["server"] == {"city": "Horsens"} and refreshed["resolved"] is False
    assert refreshed["server_rev"] == problem["record"]["rev"] == 3
    assert refreshed["client"] == {"city": "Kolding"}, "the client's side is kept"
    again = lis.resolve(conflict_id, {"data": {"city": "Kolding"}})
    assert again.status_code == 200, "after the refresh the user can choose again"
    assert again.get_json()["record"]["data"]["city"] == "Kolding"


def test_resolve_may_name_only_the_conflicts_units(anne, lis):
    _, conflict_id = _conflict(anne, lis)
    response = lis.resolve(conflict_id, {"data": {"name": "x"}})
    assert response.status_code == 400 and "data.name" in response.get_json()["errors"]


def test_resolve_validates_the_chosen_values(anne, lis):
    cid = new_id()
    anne.upsert("company", cid, company())
    anne.upsert("company", cid, company(cvr="30000005"), base_rev=1)
    result = lis.upsert("company", cid, company(cvr="30000013"), base_rev=1)
    assert result["status"] == "conflict"
    response = lis.resolve(result["conflict_id"], {"data": {"cvr": "12345678"}})
    assert response.status_code == 400 and "data.cvr" in response.get_json()["errors"]
    assert lis.resolve(result["conflict_id"], {"data": {"cvr": "30000013"}}).status_code == 200


def test_resolve_restores_a_deleted_record_with_the_edit(anne, lis):
    cid = new_id()
    anne.upsert("company", cid, company())
    anne.delete("company", cid, 1)
    conflict_id = lis.upsert("company", cid, company(city="Kolding"), base_rev=1)["conflict_id"]
    body = lis.resolve(conflict_id, {"data": {"city": "Kolding"}, "restore": True}).get_json()
    assert body["record"]["deleted"] is False
    assert body["record"]["data"] == company(city="Kolding")


def test_resolve_of_a_stale_delete_can_delete_after_all(anne, lis):
    cid = new_id()
    anne.upsert("company", cid, company())
    anne.upsert("company", cid, company(city="Vejle"), base_rev=1)
    conflict_id = lis.delete("company", cid, 1)["conflict_id"]
    body = lis.resolve(conflict_id, {"data": {}, "delete": True}).get_json()
    assert body["record"]["deleted"] is True


def test_conflicts_of_another_team_are_not_found(client, users, anne, lis):
    _, conflict_id = _conflict(anne, lis)
    bo = Device(client, "bo")
    response = bo.resolve(conflict_id, {"data": {"city": "x"}})
    assert response.status_code == 404


def test_a_resolve_resent_after_a_lost_stale_answer_is_stale_again(anne, lis):
    cid, conflict_id = _conflict(anne, lis)
    seen = lis.get("conflict", conflict_id).get_json()["data"]["server_rev"]
    anne.upsert("company", cid, company(city="Horsens"), base_rev=2)
    choice = {"data": {"city": "Kolding"}, "server_rev": seen}
    lost = lis.resolve(conflict_id, choice)
    assert lost.get_json()["type"].endswith("/conflict-stale"), "this answer is lost"
    resent = lis.resolve(conflict_id, choice)
    assert resent.status_code == 409 and resent.get_json()["type"].endswith("/conflict-stale")
    assert anne.get("company", cid).get_json()["data"]["city"] == "Horsens", \
        "a value the user never saw is never overwritten"
    fresh = resent.get_json()["conflict"]["data"]["server_rev"]
    chosen = lis.resolve(conflict_id, {"data": {"city": "Kolding"}, "server_rev": fresh})
    assert chosen.status_code == 200


def test_a_resolve_naming_an_older_server_rev_changes_nothing(anne, lis):
    cid, conflict_id = _conflict(anne, lis)
    response = lis.resolve(conflict_id, {"data": {"city": "Kolding"}, "server_rev": 1})
    assert response.status_code == 409 and response.get_json()["type"].endswith(
        "/conflict-stale")
    assert anne.get("company", cid).get_json()["data"]["city"] == "Vejle"


def test_a_delete_resolve_is_stale_after_an_edit_of_another_unit(anne, lis):
    cid = new_id()
    anne.upsert("company", cid, company())
    anne.upsert("company", cid, company(city="Vejle"), base_rev=1)
    conflict_id = lis.delete("company", cid, 1)["conflict_id"]
    anne.upsert("company", cid, company(city="Vejle", phone="75 00 00 00"), base_rev=2)
    response = lis.resolve(conflict_id, {"data": {}, "delete": True})
    assert response.status_code == 409 and response.get_json()["type"].endswith(
        "/conflict-stale")
    record = anne.get("company", cid).get_json()
    assert not record["deleted"] and record["data"]["phone"] == "75 00 00 00"
    refreshed = response.get_json()["conflict"]["data"]
    assert refreshed["fields"] == ["city", "phone"], "the later edit is shown too"
    assert refreshed["server"] == {"city": "Vejle", "phone": "75 00 00 00"}
    assert refreshed["server_rev"] == 3
    again = lis.resolve(conflict_id, {"data": {}, "delete": True, "server_rev": 3})
    assert again.status_code == 200 and again.get_json()["record"]["deleted"] is True


@pytest.mark.parametrize("server_rev", ["3", -1, 2 ** 31, 1.5, True])
def test_a_malformed_server_rev_is_a_validation_problem(anne, lis, server_rev):
    _, conflict_id = _conflict(anne, lis)
    response = lis.resolve(conflict_id, {"data": {}, "server_rev": server_rev})
    assert response.status_code == 400 and "server_rev" in response.get_json()["errors"]
