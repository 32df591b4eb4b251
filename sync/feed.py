"""Checkpoints and pages of the change feed (docs/protocol.md section 4).

Every committed change carries a feed number; numbers become visible in increasing order
(the SQL store takes them under a row lock as the last step before COMMIT, see
server/services/feed.py), and all changes of one transaction share one number. A page is
therefore the records after (seq, id) in (seq, id) order: keyset paging over a commit-ordered
log never skips a committed change and shows each record at most once per page.

A checkpoint names the database, its restore generation, the team and role it was made
for, the (seq, id) position and the number of the newest purge it has been checked against.
Any mismatch, or a token that cannot be read, is `resync-required`: the client pulls from
the beginning.

Purges are per team and numbered in commit order. A checkpoint may have missed a purged
tombstone only when a purge of its own team numbered after the checkpoint's removed a
tombstone after its (seq, id) position. The purges are read after the page's rows, so every purge
that the rows reflect is checked against the position the page started from; the new
checkpoint then carries the newest purge number, and a chain that started from the beginning
after a purge is never sent back because of it, whatever its position.
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
    purge: int = 0


MAX_NUMBER = 2 ** 63 - 1


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
    texts = all(isinstance(getattr(checkpoint, f), str) for f in ("db", "gen", "team", "role",
                                                                   "id"))
    numbers = all(type(n) is int and 0 <= n <= MAX_NUMBER
                  for n in (checkpoint.seq, checkpoint.purge))
    return checkpoint if texts and numbers else None


def resync_required() -> Refused:
    """The refusal that sends the client back to the beginning of the feed."""
    return Refused(Rejection("resync-required", 410, "Resync required",
                             "pull from the beginning"))


def pull(store: RecordStore, actor: Actor, since: str | None, limit: int) -> Page:
    """The next page of the actor's team feed after `since`."""
    database, generation = store.feed_identity()
    checkpoint = Checkpoint(database, generation, actor.team_id, actor.role, 0, "", -1)
    if since:
        decoded = decode(since)
        if decoded is None or (decoded.db, decoded.gen, decoded.team,
                               decoded.role) != (database, generation, actor.team_id, actor.role):
            raise resync_required()
        checkpoint = decoded
    rows = store.changes_after(actor.team_id, checkpoint.seq, checkpoint.id, limit + 1)
    newest, highest = store.purges(actor.team_id, checkpoint.purge)
    if checkpoint.purge >= 0 and highest is not None \
            and highest > (checkpoint.seq, checkpoint.id):
        raise resync_required()
    has_more = len(rows) > limit
    rows = rows[:limit]
    seq, last_id = (rows[-1][0], rows[-1][1]["id"]) if rows else (checkpoint.seq, checkpoint.id)
    token = encode(Checkpoint(database, generation, actor.team_id, actor.role, seq, last_id,
                              newest))
    return Page([envelope for _, envelope in rows], token, has_more)
