"""Apply a push against a store: idempotency first, then one decision per change.

Rules (docs/protocol.md section 3):
- Changes apply one after the other; each sees what the earlier ones did. A change is
  decided completely before it writes anything, so a rejected change leaves nothing behind,
  not even its mutation id: a fixed retry is judged anew.
- The same mutation id with the same fingerprint (SHA-256 of type, id, op, base_rev and
  data) returns the first result and changes nothing; with another fingerprint it is
  rejected `mutation-reused`. The mutation id is kept with the result in the same
  transaction as the change, under a unique (device, mutation id) key: a replay racing the
  original through another process fails on that key, and its transaction runs again and
  then finds the first result.
- Conflict records are made by the server only: a pushed one is rejected `forbidden`.
"""
from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Iterable
from typing import Any

from sync import decide
from sync.decide import not_found, rejected
from sync.ports import RecordRules, RecordStore
from sync.types import CONFLICT_TYPE, DELETE, REJECTED, UPSERT, Actor, Change, PushResult, Rejection

Encode = Callable[[Any], bytes]


def sorted_json(value: Any) -> bytes:
    """Compact JSON with sorted keys, non-ASCII as UTF-8: the bytes a fingerprint hashes."""
    encoded = json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return encoded.encode("utf-8", "surrogatepass")


def fingerprint(change: Change, encode: Encode = sorted_json) -> str:
    """SHA-256 of the change's type, id, op, base_rev and data (`encode`: a faster encoder
    that writes exactly the bytes of `sorted_json`)."""
    body = {"type": change.type, "id": change.id, "op": change.op,
            "base_rev": change.base_rev, "data": change.data if change.op == UPSERT else None}
    return hashlib.sha256(encode(body)).hexdigest()


def push(store: RecordStore, rules: RecordRules, actor: Actor, changes: Iterable[Change],
         encode: Encode = sorted_json) -> list[PushResult]:
    """Apply each change in order and return one result per change."""
    changes = list(changes)
    store.prepare(sorted({change.id for change in changes}), _referenced(rules, changes))
    known = store.known_mutations(actor.device_id, [c.mutation_id for c in changes])
    return [_push_one(store, rules, actor, change, known, encode) for change in changes]


def _referenced(rules: RecordRules, changes: list[Change]) -> list[str]:
    """The ids the upserts' data reference, so the store can look them all up at once."""
    return sorted({ref_id for change in changes
                   if change.op == UPSERT and change.type != CONFLICT_TYPE
                   for _, _, ref_id in rules.references(change.type, change.data)})


def _push_one(store: RecordStore, rules: RecordRules, actor: Actor, change: Change,
              known: dict[str, tuple[str, dict[str, Any]]], encode: Encode) -> PushResult:
    """Replay a known mutation id, or decide the change and keep its result."""
    mark = fingerprint(change, encode)
    if change.mutation_id in known:
        known_mark, stored = known[change.mutation_id]
        if known_mark != mark:
            return rejected(change, Rejection(
                "mutation-reused", 409, "Mutation id reused",
                "this mutation_id came before with a different change"))
        return PushResult.from_stored(change.mutation_id, stored)
    result = _decide(store, rules, actor, change)
    if result.status != REJECTED:
        store.record_mutation(actor.device_id, change.mutation_id, mark, result.to_stored())
        known[change.mutation_id] = (mark, result.to_stored())
    return result


def _decide(store: RecordStore, rules: RecordRules, actor: Actor, change: Change) -> PushResult:
    """Route a change to the decision for its op, after the checks every change needs."""
    if change.type == CONFLICT_TYPE:
        return rejected(change, Rejection("forbidden", 403, "Forbidden",
                                          "conflict records are made by the server only"))
    current = store.get_record(change.id)
    if current is not None and current.team_id != actor.team_id:
        return rejected(change, not_found())
    if current is not None and current.type != change.type:
        return rejected(change, Rejection("validation", 400, "Invalid record",
                                          f"id {change.id} is a {current.type}",
                                          {"type": [f"id is a {current.type}"]}))
    if current is None and change.base_rev > 0 or current and change.base_rev > current.rev:
        return rejected(change, not_found())
    if change.op == DELETE:
        return decide.delete(store, rules, actor, change, current)
    return decide.upsert(store, rules, actor, change, current)
