"""Checkpoints and pages of the change feed (docs/protocol.md section 4).

Every committed change carries a feed number; numbers become visible in increasing order
(the SQL store takes them under a row lock as the last step before COMMIT, see
server/services/feed.py), and all changes of one transaction share one number. A page is
therefore the records after (seq, id) in (seq, id) order: keyset paging over a commit-ordered
log never skips a committed change and shows each record at most once per page.

A checkpoint is bound to the database, its restore generation, the team and role it was made
for, and holds the (seq, id) position and the number of the newest purge it has been checked
against. The token is compact, as a no-op sync sends it twice: `seq.purge.binding.id`, the
binding being 72 bits of SHA-256 over database, generation, team and role (the server
compares it; a device cannot read or need them). Tokens of the earlier form (URL-safe base64
of a JSON object naming the four) are still read, so devices keep their place across the
upgrade. Any mismatch, or a token that cannot be read, is `resync-required`: the client pulls
from the beginning.

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
import hashlib
import json
import re
from dataclasses import dataclass

from sync.ports import RecordStore
from sync.types import Actor, Page, Refused, Rejection


@dataclass(frozen=True)
class Checkpoint:
    """A position in one team's feed of one database generation (`bind`: see `binding`)."""

    bind: str
    seq: int
    id: str
    purge: int = 0


MAX_NUMBER = 2 ** 63 - 1
NUMBER = re.compile(r"0|[1-9][0-9]{0,18}")
RECORD_ID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")
BINDING = re.compile(r"[A-Za-z0-9_-]{12}")


def binding(database: str, generation: str, team: str, role: str) -> str:
    """What a checkpoint is bound to, as 12 URL-safe characters."""
    digest = hashlib.sha256("\x1f".join((database, generation, team, role)).encode()).digest()
    return base64.urlsafe_b64encode(digest[:9]).decode()


def encode(checkpoint: Checkpoint) -> str:
    """The opaque checkpoint token: `seq.purge.binding.id`."""
    return f"{checkpoint.seq}.{checkpoint.purge}.{checkpoint.bind}.{checkpoint.id}"


def decode(token: str) -> Checkpoint | None:
    """Read a checkpoint token (either form); None when it is not one of ours."""
    parts = token.split(".", 3)
    if len(parts) != 4:
        return _decode_earlier(token)
    seq, purge, bind, record_id = parts
    numbers = all(NUMBER.fullmatch(n) and int(n) <= MAX_NUMBER for n in (seq, purge))
    if not (numbers and BINDING.fullmatch(bind)
            and (record_id == "" or RECORD_ID.fullmatch(record_id))):
        return None
    return Checkpoint(bind, int(seq), record_id, int(purge))


def _decode_earlier(token: str) -> Checkpoint | None:
    """Read a token of the earlier form: base64 of {db, gen, team, role, seq, id, purge}."""
    try:
        raw = base64.urlsafe_b64decode(token + "=" * (-len(token) % 4))
        fields = json.loads(raw)
        names = ("db", "gen", "team", "role", "id")
        texts = isinstance(fields, dict) and all(isinstance(fields.get(f), str) for f in names)
        numbers = texts and set(fields) <= {*names, "seq", "purge"} and all(
            type(n) is int and 0 <= n <= MAX_NUMBER
            for n in (fields.get("seq"), fields.get("purge", 0)))
    except (ValueError, TypeError, binascii.Error, UnicodeDecodeError, RecursionError):
        return None
    if not numbers:
        return None
    return Checkpoint(binding(fields["db"], fields["gen"], fields["team"], fields["role"]),
                      fields["seq"], fields["id"], fields.get("purge", 0))


def resync_required() -> Refused:
    """The refusal that sends the client back to the beginning of the feed."""
    return Refused(Rejection("resync-required", 410, "Resync required",
                             "pull from the beginning"))


def pull(store: RecordStore, actor: Actor, since: str | None, limit: int) -> Page:
    """The next page of the actor's team feed after `since`."""
    bind = binding(*store.feed_identity(), actor.team_id, actor.role)
    checkpoint = Checkpoint(bind, 0, "", -1)
    if since:
        decoded = decode(since)
        if decoded is None or decoded.bind != bind:
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
    token = encode(Checkpoint(bind, seq, last_id, newest))
    return Page([envelope for _, envelope in rows], token, has_more)
