"""The change feed's write side: every committed change gets a sequence number in commit order.

Rule: a transaction takes the next number from the single `feed_counter` row as its very last
step before COMMIT, and stamps every record it touched with that number. The row lock is held
until COMMIT, so a second transaction can only take the next number after the first one's
changes are visible. Numbers therefore become visible strictly in increasing order, and a
reader that has seen number N has seen every change numbered N or lower: a checkpoint
(seq, id) never skips a commit, whatever order the transactions started or ran in. Taking the
lock last (not first) keeps the serialised part of a push to a few milliseconds.
"""
from sqlalchemy import update

from server.extensions import db
from server.models import FeedCounter, Record

FEED_ROW = 1


def stamp_touched(record_ids: set[str]) -> int | None:
    """Take the next feed number (row-locked until commit) and stamp the touched records."""
    if not record_ids:
        return None
    seq = db.session.execute(
        update(FeedCounter).where(FeedCounter.id == FEED_ROW)
        .values(value=FeedCounter.value + 1).returning(FeedCounter.value)).scalar_one()
    ids = sorted(record_ids)
    for start in range(0, len(ids), 500):
        db.session.execute(update(Record).where(Record.id.in_(ids[start:start + 500]))
                           .values(feed_seq=seq).execution_options(synchronize_session=False))
    return seq
