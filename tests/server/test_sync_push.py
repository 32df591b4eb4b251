"""Push through the API: every decision of docs/protocol.md section 3 on SQLite and PostgreSQL."""
import pytest

from tests.server.sync_helpers import Device, company, new_id, signature, upsert


def _history(device, record_type, record_id):
    response = device.client.get(f"/api/v1/records/{record_type}/{record_id}/history",
                                 headers=device.headers)
    assert response.status_code == 200
    return response.get_json()["revisions"]


def test_create_is_applied_at_rev_1_with_server_envelope(anne):
    cid = new_id()
    result = anne.upsert("company", cid, {**company(), "team_id": "ignored"})
    assert (result["status"], result["rev"]) == ("applied", 1)
    record = result["record"]
    assert record["team_id"] == anne.user["team_id"]
    assert record["data"]["team_id"] == "ignored", "unknown keys are kept, never the envelope"
    assert record["created_by"] == record["updated_by"] == anne.user["id"]
    assert record["created_at"].endswith("Z")


def test_nulls_are_dropped_and_values_stored_exactly_as_sent(anne):
    cid = new_id()
    data = {**company(), "city": None, "knowledge": "  Linje 1\r\nLinje 2  "}
    stored = anne.upsert("company", cid, data)["record"]["data"]
    assert "city" not in stored
    assert stored["knowledge"] == "  Linje 1\r\nLinje 2  "


def test_replayed_mutation_returns_first_result_and_changes_nothing(anne):
    cid = new_id()
    change = upsert("company", cid, company())
    first = anne.push_one(change)
    anne.upsert("company", cid, company(city="Aarhus"), base_rev=1)
    replay = anne.push_one(change)
    assert replay == first, "the replay answers with revision 1 as it was then"
    assert [r["rev"] for r in _history(anne, "company", cid)] == [1, 2]


def test_same_mutation_id_with_another_body_is_mutation_reused(anne):
    cid = new_id()
    change = upsert("company", cid, company())
    anne.push_one(change)
    reused = anne.push_one({**change, "data": company(name="Andet navn")})
    assert reused["status"] == "rejected"
    assert reused["error"]["type"].endswith("/mutation-reused")
    assert anne.get("company", cid).get_json()["data"]["name"] == "Fjordby Tømrer ApS"


def test_mutation_ids_are_per_device(anne, lis):
    cid = new_id()
    change = upsert("company", cid, company())
    assert anne.push_one(change)["status"] == "applied"
    again = lis.push_one({**change, "data": company(phone="12 34 56 78")})
    assert (again["status"], again["rev"]) == ("applied", 2), \
        "another device's same mutation id is a new change, merged from an empty base"
    clash = lis.push_one(upsert("company", cid, company(city="Vejle")))
    assert (clash["status"], clash["fields"]) == ("conflict", ["city"])


def test_change_of_nothing_makes_no_revision(anne):
    cid = new_id()
    anne.upsert("company", cid, company())
    same = anne.upsert("company", cid, company(), base_rev=1)
    assert (same["status"], same["rev"]) == ("applied", 1)


def test_edits_of_different_fields_merge(anne, lis):
    cid = new_id()
    anne.upsert("company", cid, company())
    assert anne.upsert("company", cid, company(city="Vejle"), base_rev=1)["status"] == "applied"
    merged = lis.upsert("company", cid, company(phone="12 34 56 78"), base_rev=1)
    assert (merged["status"], merged["rev"]) == ("merged", 3)
    assert merged["record"]["data"]["city"] == "Vejle"
    assert merged["record"]["data"]["phone"] == "12 34 56 78"


def test_text_edits_in_different_paragraphs_merge(anne, lis):
    cid = new_id()
    text = "Produkter: tagspær\n\nKunder: private\n\nUdfordringer: mangler folk\n"
    anne.upsert("company", cid, company(knowledge=text))
    anne.upsert("company", cid, company(knowledge=text.replace("tagspær", "tagspær og vinduer")),
                base_rev=1)
    merged = lis.upsert("company", cid, company(knowledge=text.replace("mangler folk",
                                                                        "mangler lærlinge")),
                        base_rev=1)
    assert merged["status"] == "merged"
    assert merged["record"]["data"]["knowledge"] == (
        "Produkter: tagspær og vinduer\n\nKunder: private\n\nUdfordringer: mangler lærlinge\n")


def test_same_field_to_different_values_is_a_conflict_that_loses_nothing(anne, lis):
    cid = new_id()
    anne.upsert("company", cid, company())
    anne.upsert("company", cid, company(city="Vejle"), base_rev=1)
    result = lis.upsert("company", cid, company(city="Kolding", phone="11 22 33 44"), base_rev=1)
    assert result["status"] == "conflict"
    assert result["fields"] == ["city"]
    data = result["record"]["data"]
    assert data["city"] == "Vejle", "the server's value stays"
    assert data["phone"] == "11 22 33 44", "the non-overlapping rest is applied"
    conflict = lis.get("conflict", result["conflict_id"]).get_json()["data"]
    assert conflict["reason"] == "edit" and conflict["fields"] == ["city"]
    assert (conflict["base"], conflict["server"], conflict["client"]) == (
        {"city": "Fjordby"}, {"city": "Vejle"}, {"city": "Kolding"})
    assert conflict["server_rev"] == result["rev"] == 3
    assert conflict["client_user_id"] == lis.user["id"] and conflict["resolved"] is False
    pulled, _ = anne.pull_all()
    assert pulled[result["conflict_id"]]["type"] == "conflict", "conflicts sync to the team"


def test_conflict_where_nothing_applies_keeps_the_rev(anne, lis):
    cid = new_id()
    anne.upsert("company", cid, company())
    anne.upsert("company", cid, company(city="Vejle"), base_rev=1)
    result = lis.upsert("company", cid, company(city="Kolding"), base_rev=1)
    assert (result["status"], result["rev"]) == ("conflict", 2)


def test_validation_failure_is_rejected_with_the_field_and_stores_nothing(anne):
    cid = new_id()
    result = anne.upsert("company", cid, company(cvr="12345678"))
    assert result["status"] == "rejected"
    assert result["error"]["type"].endswith("/validation")
    assert "data.cvr" in result["error"]["errors"]
    assert anne.get("company", cid).status_code == 404
    retry = anne.upsert("company", cid, company(), mutation_id=result["mutation_id"])
    assert retry["status"] == "applied", "a rejected mutation id is judged anew when fixed"


def test_each_change_is_atomic_on_its_own_and_sees_earlier_ones(anne):
    company_id, meeting_id = new_id(), new_id()
    results = anne.push(
        upsert("company", company_id, company()),
        upsert("company", new_id(), {"cvr": "1"}),
        upsert("meeting", meeting_id, {"company_id": company_id, "kind": "first_visit"}))
    assert [r["status"] for r in results] == ["applied", "rejected", "applied"]


def test_dangling_reference_is_rejected_reference(anne):
    result = anne.upsert("meeting", new_id(), {"company_id": new_id(), "kind": "follow_up"})
    assert result["status"] == "rejected"
    assert result["error"]["type"].endswith("/reference")
    assert list(result["error"]["errors"]) == ["data.company_id"]


def test_reference_into_another_team_dangles(anne, bo):
    theirs = new_id()
    bo.upsert("company", theirs, company())
    result = anne.upsert("meeting", new_id(), {"company_id": theirs, "kind": "follow_up"})
    assert result["error"]["type"].endswith("/reference")


def test_user_reference_must_be_of_the_team(anne, users):
    ok = anne.upsert("company", new_id(), company(responsible_user_id=users["lis"]))
    assert ok["status"] == "applied"
    bad = anne.upsert("company", new_id(), company(responsible_user_id=users["bo"]))
    assert bad["error"]["type"].endswith("/reference")


def test_another_teams_record_is_not_found_and_reveals_nothing(anne, bo):
    theirs = new_id()
    bo.upsert("company", theirs, company())
    for change in (upsert("company", theirs, company(), 1),
                   {"mutation_id": new_id(), "type": "company", "id": theirs, "op": "delete",
                    "base_rev": 1}):
        result = anne.push_one(change)
        assert result["status"] == "rejected"
        assert result["error"]["type"].endswith("/not-found")
        assert "record" not in result
    assert anne.get("company", theirs).status_code == 404
    assert bo.get("company", theirs).get_json()["rev"] == 1


def test_admin_reads_every_team_but_pulls_only_its_own(client, users, bo):
    admin = Device(client, "admin")
    theirs = new_id()
    bo.upsert("company", theirs, company())
    assert admin.get("company", theirs).status_code == 200
    assert theirs not in admin.pull_all()[0]


@pytest.mark.parametrize(("base_rev", "known"), [(2, True), (1, False)],
                         ids=["above-current", "unknown-id"])
def test_impossible_base_rev_is_not_found(anne, base_rev, known):
    cid = new_id()
    if known:
        anne.upsert("company", cid, company())
    result = anne.upsert("company", cid, company(), base_rev=base_rev)
    assert result["error"]["type"].endswith("/not-found")


def test_another_type_for_a_known_id_is_rejected(anne):
    cid = new_id()
    anne.upsert("company", cid, company())
    result = anne.upsert("citizen", cid, {"name": "Mette Hansen"}, base_rev=1)
    assert result["error"]["type"].endswith("/validation")


def test_pushed_conflict_records_are_forbidden(anne):
    result = anne.upsert("conflict", new_id(), {"record_type": "company"})
    assert result["error"]["type"].endswith("/forbidden")


def test_unknown_record_type_is_rejected_per_change(anne):
    result = anne.upsert("spaceship", new_id(), {"name": "x"})
    assert result["error"]["type"].endswith("/validation")


def test_delete_leaves_a_tombstone_and_a_second_delete_changes_nothing(anne):
    cid = new_id()
    anne.upsert("company", cid, company())
    gone = anne.delete("company", cid, 1)
    assert (gone["status"], gone["rev"]) == ("applied", 2)
    assert gone["record"]["deleted"] is True and gone["record"]["data"] == {}
    again = anne.delete("company", cid, 1)
    assert (again["status"], again["rev"]) == ("applied", 2)
    history = _history(anne, "company", cid)
    assert history[0]["data"] == company() and history[-1]["deleted"] is True


def test_stale_delete_is_a_conflict_and_the_record_stays(anne, lis):
    cid = new_id()
    anne.upsert("company", cid, company())
    anne.upsert("company", cid, company(city="Vejle"), base_rev=1)
    result = lis.delete("company", cid, 1)
    assert (result["status"], result["rev"], result["fields"]) == ("conflict", 2, ["city"])
    assert result["record"]["deleted"] is False
    conflict = lis.get("conflict", result["conflict_id"]).get_json()["data"]
    assert conflict["reason"] == "delete"
    assert conflict["client"] == {"deleted": True}
    assert conflict["server"] == {"city": "Vejle"} and conflict["base"] == {"city": "Fjordby"}


def test_edit_of_a_deleted_record_is_kept_in_a_conflict(anne, lis):
    cid = new_id()
    anne.upsert("company", cid, company())
    anne.delete("company", cid, 1)
    result = lis.upsert("company", cid, company(city="Kolding"), base_rev=1)
    assert (result["status"], result["rev"], result["fields"]) == ("conflict", 2, ["city"])
    assert result["record"]["deleted"] is True
    conflict = lis.get("conflict", result["conflict_id"]).get_json()["data"]
    assert conflict["reason"] == "deleted"
    assert conflict["server"] == {"deleted": True} and conflict["client"] == {"city": "Kolding"}
    restored = lis.upsert("company", cid, company(city="Kolding"), base_rev=2)
    assert (restored["status"], restored["rev"]) == ("applied", 3)
    assert restored["record"]["deleted"] is False


def test_delete_of_a_referenced_record_is_rejected_naming_the_referrers(anne):
    cid, mid, tid = new_id(), new_id(), new_id()
    anne.upsert("company", cid, company())
    anne.upsert("meeting", mid, {"company_id": cid, "kind": "first_visit"})
    anne.upsert("task", tid, {"title": "Ring tilbage", "related_type": "company",
                              "related_id": cid})
    result = anne.delete("company", cid, 1)
    assert result["error"]["type"].endswith("/referenced")
    assert result["error"]["errors"] == {"meeting": [mid]}, "tasks do not hold a record alive"
    anne.delete("meeting", mid, 1)
    assert anne.delete("company", cid, 1)["status"] == "applied"


def test_push_of_more_than_500_changes_is_payload_too_large(anne):
    changes = [upsert("company", new_id(), company()) for _ in range(501)]
    problem = anne.push(*changes, status=413)
    assert problem["type"].endswith("/payload-too-large")


@pytest.mark.parametrize("change", [
    {"type": "company", "id": "x", "op": "upsert", "base_rev": 0, "data": {}},
    {"mutation_id": "6F1C0000-0000-4000-8000-000000000000", "type": "company",
     "id": "6f1c0000-0000-4000-8000-000000000000", "op": "upsert", "base_rev": 0},
    {"mutation_id": "6f1c0000-0000-4000-8000-000000000000", "type": "company",
     "id": "6f1c0000-0000-4000-8000-000000000001", "op": "merge", "base_rev": 0},
    {"mutation_id": "6f1c0000-0000-4000-8000-000000000000", "type": "company",
     "id": "6f1c0000-0000-4000-8000-000000000001", "op": "upsert", "base_rev": -1},
    {"mutation_id": "6f1c0000-0000-4000-8000-000000000000", "type": "company",
     "id": "6f1c0000-0000-4000-8000-000000000001", "op": "upsert", "base_rev": True},
    {"mutation_id": "6f1c0000-0000-4000-8000-000000000000", "type": "company",
     "id": "6f1c0000-0000-4000-8000-000000000001", "op": "upsert", "base_rev": 0,
     "data": [1]},
], ids=["no-mutation-id", "upper-case-uuid", "bad-op", "negative-rev", "bool-rev", "list-data"])
def test_malformed_change_envelopes_are_a_validation_problem(anne, change):
    problem = anne.push(change, status=400)
    assert problem["type"].endswith("/validation") and problem["errors"]


def test_signatures_are_immutable(anne, world):
    sid = new_id()
    data = signature(world["agreement"], world["agreement_data"])
    assert anne.upsert("signature", sid, data)["status"] == "applied"
    same = anne.upsert("signature", sid, data, base_rev=1)
    assert (same["status"], same["rev"]) == ("applied", 1)
    other = anne.upsert("signature", sid, {**data, "signer_name": "Falsk Navn"}, base_rev=1)
    assert other["error"]["type"].endswith("/immutable")
    assert anne.delete("signature", sid, 1)["error"]["type"].endswith("/immutable")


def test_signature_hash_must_match_its_content(anne, world):
    data = signature(world["agreement"], world["agreement_data"])
    result = anne.upsert("signature", new_id(), {**data, "content_sha256": "0" * 64})
    assert result["error"]["type"].endswith("/validation")
    assert "data.content_sha256" in result["error"]["errors"]


def test_signed_content_is_locked_but_status_may_change(anne, world):
    agreement, data = world["agreement"], world["agreement_data"]
    anne.upsert("signature", new_id(), signature(agreement, data))
    changed = {**data, "content": {**data["content"], "start_date": "2027-01-04"}}
    refused = anne.upsert("agreement", agreement, changed, base_rev=1)
    assert refused["error"]["type"].endswith("/agreement-signed")
    moved = anne.upsert("agreement", agreement, {**data, "placement_id": world["placement2"]},
                        base_rev=1)
    assert moved["error"]["type"].endswith("/agreement-signed")
    assert anne.upsert("agreement", agreement, {**data, "status": "signed"},
                       base_rev=1)["status"] == "applied"
    assert anne.delete("agreement", agreement, 2)["error"]["type"].endswith("/agreement-signed")


def test_signature_of_an_older_version_is_kept_and_does_not_lock(anne, lis, world):
    agreement, data = world["agreement"], world["agreement_data"]
    old_signature = signature(agreement, data)
    changed = {**data, "content": {**data["content"], "start_date": "2027-01-04"}}
    assert lis.upsert("agreement", agreement, changed, base_rev=1)["status"] == "applied"
    kept = anne.upsert("signature", new_id(), old_signature)
    assert kept["status"] == "applied", "a signature of an earlier version is still stored"
    again = {**changed, "content": {**changed["content"], "start_date": "2027-01-11"}}
    assert lis.upsert("agreement", agreement, again, base_rev=2)["status"] == "applied"


def test_history_lists_every_revision_with_who_and_which_device(anne, lis):
    cid = new_id()
    anne.upsert("company", cid, company())
    lis.upsert("company", cid, company(city="Vejle"), base_rev=1)
    history = _history(anne, "company", cid)
    assert [(h["rev"], h["updated_by"], h["device_id"]) for h in history] == [
        (1, anne.user["id"], anne.device_id), (2, lis.user["id"], lis.device_id)]
    assert history[0]["data"]["city"] == "Fjordby"


@pytest.fixture
def world(anne):
    """A company, a citizen, two placements and a draft opstartsaftale of anne's team."""
    ids = {name: new_id() for name in ("company", "citizen", "placement", "placement2",
                                       "agreement")}
    anne.upsert("company", ids["company"], company())
    anne.upsert("citizen", ids["citizen"], {"name": "Mette Hansen"})
    for key in ("placement", "placement2"):
        anne.upsert("placement", ids[key], {"citizen_id": ids["citizen"],
                                           "company_id": ids["company"],
                                           "kind": "internship", "start_date": "2026-12-01"})
    data = {"placement_id": ids["placement"], "template_key": "opstartsaftale",
            "template_version": 1, "status": "ready",
            "content": {"start_date": "2026-12-01", "start_time": "08:00",
                        "contact_person": "Jens Jensen, værkfører"}}
    result = anne.upsert("agreement", ids["agreement"], data)
    assert result["status"] == "applied", result
    return {**ids, "agreement_data": data}
