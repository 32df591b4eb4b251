"""A record's body is stored once: the newest revision's data is NULL (the record's data) and is
filled in when the record moves on; history, merges and base lookups see every revision's data."""
from sqlalchemy import select

from server.extensions import db
from server.models import Revision
from tests.server.sync_helpers import Device, company, new_id, upsert


def _history(device: Device, record_id: str) -> list[tuple[int, str]]:
    response = device.client.get(f"/api/v1/records/company/{record_id}/history",
                                 headers=device.headers)
    assert response.status_code == 200
    return [(h["rev"], h["data"].get("city")) for h in response.get_json()["revisions"]]


def _stored(record_id: str) -> dict[int, str | None]:
    """Each revision's own stored city (None: the body is NULL, read from the record)."""
    db.session.rollback()
    rows = db.session.execute(select(Revision.rev, Revision.data)
                              .where(Revision.record_id == record_id))
    return {rev: data.get("city") if data is not None else None for rev, data in rows}


def test_updates_in_one_push_and_across_pushes_keep_every_revision(app_ctx, client, users):
    anne = Device(client, "anne")
    cid, other = new_id(), new_id()
    results = anne.push(upsert("company", cid, company(city="A")),
                        upsert("company", cid, company(city="B"), base_rev=1),
                        upsert("company", other, company(city="X")),
                        upsert("company", cid, company(city="C"), base_rev=2))
    assert [r["rev"] for r in results] == [1, 2, 1, 3]
    assert _stored(cid) == {1: "A", 2: "B", 3: None}
    anne.upsert("company", cid, company(city="D"), base_rev=3)
    anne.push(upsert("company", other, company(city="Y"), base_rev=1),
              upsert("company", cid, company(city="E"), base_rev=4))
    assert _history(anne, cid) == [(1, "A"), (2, "B"), (3, "C"), (4, "D"), (5, "E")]
    assert _stored(cid) == {1: "A", 2: "B", 3: "C", 4: "D", 5: None}
    assert _history(anne, other) == [(1, "X"), (2, "Y")]
    assert _stored(other) == {1: "X", 2: None}


def test_a_merge_finds_its_old_base_in_the_same_push_and_in_an_earlier_one(
        app_ctx, client, users):
    anne, lis = Device(client, "anne"), Device(client, "lis")
    cid = new_id()
    anne.upsert("company", cid, company(city="A"))
    first, second = lis.push(upsert("company", cid, company(city="B"), base_rev=1),
                             upsert("company", cid, company(city="A", phone="11 22 33 44"),
                                    base_rev=1))
    assert (first["status"], second["status"]) == ("applied", "merged"), \
        "the base (rev 1, stored as NULL when the push began) is the record's data of then"
    assert second["record"]["data"]["city"] == "B"
    assert second["record"]["data"]["phone"] == "11 22 33 44"
    late = anne.upsert("company", cid, company(city="A", name="Nyt navn"), base_rev=1)
    assert late["status"] == "merged" and late["rev"] == 4
    assert late["record"]["data"]["city"] == "B" and late["record"]["data"]["name"] == "Nyt navn"
    assert _history(anne, cid) == [(1, "A"), (2, "B"), (3, "B"), (4, "B")]


def test_a_delete_and_a_stale_edit_keep_the_last_live_data(app_ctx, client, users):
    anne, lis = Device(client, "anne"), Device(client, "lis")
    cid = new_id()
    anne.upsert("company", cid, company(city="A"))
    assert anne.delete("company", cid, 1)["status"] == "applied"
    kept = lis.upsert("company", cid, company(city="B"), base_rev=1)
    assert kept["status"] == "conflict"
    assert _stored(cid)[1] == "A"
    assert _history(anne, cid)[0] == (1, "A")
