"""Retention: old revisions and old tombstones are purged after the configured time.

Rules: a record's newest revision is always kept; older revisions go once they are older
than REVISION_RETENTION_DAYS (a push whose base revision is gone merges from an empty base,
so nothing is overwritten). A tombstone older than that goes with its history. Each team whose
tombstones went gets a purge row (the purge's number and the highest feed number removed):
a checkpoint of that team from before the purge and at or below that number might have
missed the delete, so pull answers it `resync-required` (sync/feed.py). Purges take a lock
first, so their numbers follow commit order.
"""
from datetime import timedelta
from typing import cast

from flask import current_app
from sqlalchemy import CursorResult, and_, delete, func, select

from server.extensions import db
from server.models import FeedPurge, Record, Revision, ServerMeta
from server.models.types import utcnow
from server.services.transaction import begin_write


def prune(days: int | None = None) -> dict[str, int]:
    """Delete revisions and tombstones older than the retention time; commit."""
    keep = days if days is not None else current_app.config["REVISION_RETENTION_DAYS"]
    cutoff = utcnow() - timedelta(days=keep)
    begin_write()
    db.session.execute(select(ServerMeta.key).where(ServerMeta.key == "database_id")
                       .with_for_update())
    newest = select(Record.rev).where(Record.id == Revision.record_id).scalar_subquery()
    revisions = cast(CursorResult, db.session.execute(delete(Revision).where(
        Revision.updated_at < cutoff, Revision.rev < newest))).rowcount
    old_tombstones = and_(Record.deleted.is_(True), Record.updated_at < cutoff)
    highest: dict[str, tuple[int, str]] = {}
    for team, seq, record_id in db.session.execute(
            select(Record.team_id, Record.feed_seq, Record.id).where(old_tombstones)):
        highest[team] = max(highest.get(team, (seq, record_id)), (seq, record_id))
    tombstones = 0
    if highest:
        number = 1 + (db.session.scalar(select(func.max(FeedPurge.number))) or 0)
        ids = select(Record.id).where(old_tombstones)
        db.session.execute(delete(Revision).where(Revision.record_id.in_(ids)))
        tombstones = cast(CursorResult,
                          db.session.execute(delete(Record).where(old_tombstones))).rowcount
        db.session.add_all(FeedPurge(number=number, team_id=team, max_seq=seq, max_id=last,
                                     purged_at=utcnow())
                           for team, (seq, last) in sorted(highest.items()))
    db.session.commit()
    return {"revisions": revisions, "tombstones": tombstones}
