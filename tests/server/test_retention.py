"""Retention of revisions and tombstones, and what it means for pushes and pulls."""
from datetime import timedelta

from sqlalchemy import update

from server.extensions import db
from server.models import Record, Revision
from server.models.types import utcnow
from tests.server.sync_helpers import Device, company, new_id, upsert


def _age(record_id: str, days: int) -> None:
    old = utcnow() - timedelta(days=days)
    db.session.execute(update(Revision).where(Revision.record_id == record_id)
                       .values(updated_at=old))
    db.session.execute(update(Record).where(Record.id == record_id).values(updated_at=old))
    db.session.commit()


def _prune(app, days: int) -> str:
    result = app.test_cli_runner().invoke(args=["prune-history", "--days", str(days)])
    assert result.exit_code == 0, result.output
    return result.output


def test_old_revisions_go_but_the_newest_stays_and_a_stale_push_loses_nothing(
        app_ctx, client, users):
    anne, lis = Device(client, "anne"), Device(client, "lis")
    cid = new_id()
    anne.upsert("company", cid, company())
    anne.upsert("company", cid, company(city="Vejle"), base_rev=1)
    _age(cid, 400)
    assert "purged 1 revisions and 0 tombstones" in _prune(app_ctx, 365)
    history = anne.client.get(f"/api/v1/records/company/{cid}/history",
                              headers=anne.headers).get_json()["revisions"]
    assert [(h["rev"], h["data"]["city"]) for h in history] == [(2, "Vejle")]
    stale = lis.upsert("company", cid, company(city="Kolding"), base_rev=1)
    assert stale["status"] == "conflict" and stale["fields"] == ["city"]
    assert stale["record"]["data"]["city"] == "Vejle", "a purged base never overwrites"


def test_recent_history_is_kept(app_ctx, client, users):
    anne = Device(client, "anne")
    cid = new_id()
    anne.upsert("company", cid, company())
    anne.upsert("company", cid, company(city="Vejle"), base_rev=1)
    assert "purged 0 revisions and 0 tombstones" in _prune(app_ctx, 365)


def test_purged_tombstones_send_older_checkpoints_back_to_the_beginning(
        app_ctx, client, users):
    anne, lis = Device(client, "anne"), Device(client, "lis")
    gone, kept = new_id(), new_id()
    anne.upsert("company", gone, company())
    _, before = lis.pull_all()
    anne.delete("company", gone, 1)
    anne.upsert("company", kept, company(name="Bliver"))
    _age(gone, 400)
    assert "1 tombstones" in _prune(app_ctx, 365)
    assert lis.pull(before, status=410)["type"].endswith("/resync-required")
    fresh, _ = lis.pull_all()
    assert set(fresh) == {kept}


def _purge_one_tombstone(app, device) -> None:
    """The device's team gets one old tombstone, purged."""
    gone = new_id()
    device.upsert("company", gone, company())
    device.delete("company", gone, 1)
    _age(gone, 400)
    assert "1 tombstones" in _prune(app, 365)


def test_a_full_pull_after_a_purge_reaches_its_end_whatever_its_pages(app_ctx, client, users):
    anne, lis = Device(client, "anne"), Device(client, "lis")
    ids = [new_id() for _ in range(5)]
    for record_id in ids:
        anne.upsert("company", record_id, company())
    _purge_one_tombstone(app_ctx, anne)
    records, checkpoint = lis.pull_all(limit=2)
    assert set(records) == set(ids), "the first page ends below the purged tombstone: no 410"
    assert lis.pull(checkpoint)["changes"] == [], "the end checkpoint is not sent back"
    after = new_id()
    anne.upsert("company", after, company())
    assert [r["id"] for r in lis.pull(checkpoint)["changes"]] == [after]


def test_an_empty_teams_full_pull_is_not_sent_back_after_a_purge(app_ctx, client, users):
    anne, bo = Device(client, "anne"), Device(client, "bo")
    _purge_one_tombstone(app_ctx, anne)
    page = bo.pull()
    assert page["changes"] == [] and not page["has_more"]
    assert bo.pull(page["checkpoint"])["changes"] == []


def test_another_teams_purge_never_sends_a_checkpoint_back(app_ctx, client, users):
    anne, bo = Device(client, "anne"), Device(client, "bo")
    mine = new_id()
    bo.upsert("company", mine, company())
    _, checkpoint = bo.pull_all()
    _purge_one_tombstone(app_ctx, anne)
    later = new_id()
    bo.upsert("company", later, company())
    assert [r["id"] for r in bo.pull(checkpoint)["changes"]] == [later]


def test_a_purge_of_tombstones_the_checkpoint_has_seen_does_not_send_it_back(
        app_ctx, client, users):
    anne, lis = Device(client, "anne"), Device(client, "lis")
    gone = new_id()
    anne.upsert("company", gone, company())
    anne.delete("company", gone, 1)
    _, checkpoint = lis.pull_all()
    _age(gone, 400)
    assert "1 tombstones" in _prune(app_ctx, 365)
    assert lis.pull(checkpoint)["changes"] == []


def test_replaying_a_change_whose_revision_was_purged_answers_its_result(
        app_ctx, client, users):
    anne = Device(client, "anne")
    cid, gone = new_id(), new_id()
    first = upsert("company", cid, company())
    anne.push_one(first)
    anne.upsert("company", cid, company(city="Vejle"), base_rev=1)
    doomed = upsert("company", gone, company())
    anne.push_one(doomed)
    removal = {"mutation_id": new_id(), "type": "company", "id": gone, "op": "delete",
               "base_rev": 1}
    anne.push_one(removal)
    _age(cid, 400)
    _age(gone, 400)
    _prune(app_ctx, 365)
    replay = anne.push_one(first)
    assert replay["status"] == "applied" and replay["rev"] == 1
    assert replay["record"]["rev"] == 2, "revision 1 is gone: the newest state instead"
    for change in (doomed, removal):
        again = anne.push_one(change)
        assert again["status"] == "applied" and "record" not in again, "the record is gone"
