"""Checkpoints and pages of the change feed (docs/protocol.md section 4).

Every committed change carries a feed number; numbers become visible in increasing order
(the SQL store takes them under a row lock as the last step before COMMIT, see
server/services/feed.py), and all changes of one transaction share one number. A page is
therefore the records after (seq, id) in (seq, id) order: keyset paging over a commit-ordered
log never skips a committed change and shows each record at most once per page.

A checkpoint names the database, its restore generation, the team and role it was made
for, and the (seq, id) position. Any mismatch, a position older than the purged tombstones,
or a token that cannot be read is `resync-required`: the client pulls from the beginning.
"""
from __future__ import annotations

import base64
import binascii
import json
from dataclasses import asdict, dataclass

from sync.ports import RecordStore
from sync.types import Actor, Page, Refused, Rejection


@dataclass(frozen=True)
class Checkpoint:
    """A position in one team's feed of one database generation."""

    db: str
    gen: str
    team: str
    role: str
    seq: int
    id: str


def encode(checkpoint: Checkpoint) -> str:
    """The opaque checkpoint token."""
    raw = json.dumps(asdict(checkpoint), separators=(",", ":")).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def decode(token: str) -> Checkpoint | None:
    """Read a checkpoint token; None when it is not one of ours."""
    try:
        raw = base64.urlsafe_b64decode(token + "=" * (-len(token) % 4))
        fields = json.loads(raw)
        checkpoint = Checkpoint(**fields)
    except (ValueError, TypeError, binascii.Error, UnicodeDecodeError, RecursionError):
        return None
    valid = all(isinstance(getattr(checkpoint, f), str) for f in ("db", "gen", "team", "role",
                                                                   "id"))
    seq_ok = isinstance(checkpoint.seq, int) and not isinstance(checkpoint.seq, bool)
    return checkpoint if valid and seq_ok and checkpoint.seq >= 0 else None


def resync_required() -> Refused:
    """The refusal that sends the client back to the beginning of the feed."""
    return Refused(Rejection("resync-required", 410, "Resync required",
                             "pull from the beginning"))


def pull(store: RecordStore, actor: Actor, since: str | None, limit: int) -> Page:
    """The next page of the actor's team feed after `since`."""
    database, generation, horizon = store.feed_identity()
    seq, last_id = 0, ""
    if since:
        checkpoint = decode(since)
        if checkpoint is None or (checkpoint.db, checkpoint.gen, checkpoint.team,
                                  checkpoint.role) != (database, generation, actor.team_id,
                                                       actor.role) \
                or checkpoint.seq < horizon:
            raise resync_required()
        seq, last_id = checkpoint.seq, checkpoint.id
    rows = store.changes_after(actor.team_id, seq, last_id, limit + 1)
    has_more = len(rows) > limit
    rows = rows[:limit]
    if rows:
        seq, last_id = rows[-1][0], rows[-1][1]["id"]
    token = encode(Checkpoint(database, generation, actor.team_id, actor.role, seq, last_id))
    return Page([envelope for _, envelope in rows], token, has_more)
