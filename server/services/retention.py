"""Retention: old revisions and old tombstones are purged after the configured time.

Rules: a record's newest revision is always kept; older revisions go once they are older
than REVISION_RETENTION_DAYS (a push whose base revision is gone merges from an empty base,
so nothing is overwritten). A tombstone older than that goes with its history, and the
feed's tombstone horizon moves to its feed number: a checkpoint from before the horizon
might have missed the delete, so pull answers it `resync-required`.
"""
from datetime import timedelta

from flask import current_app
from sqlalchemy import and_, delete, func, select, update

from server.extensions import db
from server.models import Record, Revision, ServerMeta
from server.models.types import utcnow
from server.services.transaction import begin_write


def prune(days: int | None = None) -> dict[str, int]:
    """Delete revisions and tombstones older than the retention time; commit."""
    keep = days if days is not None else current_app.config["REVISION_RETENTION_DAYS"]
    cutoff = utcnow() - timedelta(days=keep)
    begin_write()
    newest = select(Record.rev).where(Record.id == Revision.record_id).scalar_subquery()
    revisions = db.session.execute(delete(Revision).where(
        Revision.updated_at < cutoff, Revision.rev < newest)).rowcount
    old_tombstones = and_(Record.deleted.is_(True), Record.updated_at < cutoff)
    horizon = db.session.scalar(select(func.max(Record.feed_seq)).where(old_tombstones))
    tombstones = 0
    if horizon is not None:
        ids = select(Record.id).where(old_tombstones)
        db.session.execute(delete(Revision).where(Revision.record_id.in_(ids)))
        tombstones = db.session.execute(delete(Record).where(old_tombstones)).rowcount
        db.session.execute(update(ServerMeta).where(ServerMeta.key == "tombstone_horizon")
                           .values(value=str(horizon + 1)))
    db.session.commit()
    return {"revisions": revisions, "tombstones": tombstones}
