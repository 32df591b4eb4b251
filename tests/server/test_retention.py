"""Retention of revisions and tombstones, and what it means for pushes and pulls."""
from datetime import timedelta

from sqlalchemy import update

from server.extensions import db
from server.models import Record, Revision
from server.models.types import utcnow
from tests.server.sync_helpers import Device, company, new_id


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
    assert [h["rev"] for h in history] == [2]
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
