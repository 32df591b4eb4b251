"""Signed content stays as signed on the paths test_sync_push.py does not walk: a merged
offline edit and a conflict resolution. (Hash mismatch, immutable signatures, the direct
edit, move and delete of signed content, and the signature of an older version are in
test_sync_push.py; the older version's PDF in test_agreement_pdf.py.)"""
from tests.server.agreement_helpers import make_agreement
from tests.server.sync_helpers import new_id, signature


def _content(world: dict, **changes) -> dict:
    """The agreement data with some content fields changed."""
    return {**world["data"], "content": {**world["data"]["content"], **changes}}


def test_an_offline_edit_merged_into_signed_content_is_refused(anne, lis):
    world = make_agreement(anne)
    agreement = world["agreement"]
    assert lis.upsert("agreement", agreement, {**world["data"], "status": "signed"},
                      base_rev=1)["status"] == "applied"
    assert lis.upsert("signature", new_id(), signature(agreement, world["data"]))["status"] \
        == "applied"
    offline = anne.upsert("agreement", agreement, _content(world, start_time="10:00"),
                          base_rev=1)
    assert offline["status"] == "rejected"
    assert offline["error"]["type"].endswith("/agreement-signed")
    stored = anne.get("agreement", agreement).get_json()
    assert (stored["rev"], stored["data"]["status"]) == (2, "signed"), "the status edit stays"
    assert stored["data"]["content"] == world["data"]["content"], "nothing merged in"


def test_a_conflict_is_never_resolved_into_signed_content(anne, lis):
    world = make_agreement(anne)
    agreement = world["agreement"]
    anne.upsert("agreement", agreement, _content(world, start_time="09:00"), base_rev=1)
    clash = lis.upsert("agreement", agreement, _content(world, start_time="10:00"), base_rev=1)
    assert clash["status"] == "conflict", clash
    signed = _content(world, start_time="09:00")
    assert anne.upsert("signature", new_id(), signature(agreement, signed))["status"] == \
        "applied"
    response = lis.resolve(clash["conflict_id"],
                           {"data": {unit: "10:00" for unit in clash["fields"]}})
    assert response.status_code == 409, response.get_json()
    assert response.get_json()["type"].endswith("/agreement-signed")
    assert anne.get("agreement", agreement).get_json()["data"]["content"]["start_time"] == \
        "09:00"
