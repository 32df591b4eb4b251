"""The decision for one upsert or delete against a record's newest state (docs/protocol.md 3, 3a).

- Create (base_rev 0, unknown id): validated, references checked, stored as rev 1.
- Edit: the client's change is `data` against revision `base_rev`; it merges with the
  newest revision unit by unit (sync.merge). Overlapping units stay as the server has them
  and go into a conflict record with base, server and client values. A merged record that
  breaks a rule spanning several units keeps the server's values for those units (conflict).
- Edit of a deleted record: a conflict (reason `deleted`) unless base_rev is the tombstone's
  rev, which restores the record.
- Delete: from the newest rev, a tombstone; from an older rev when the data changed
  meanwhile, a conflict (reason `delete`) and the record stays; never while live records
  reference it, nor for an agreement with signatures; an existing tombstone is applied as is.
- Signatures never change; an agreement's covered content never changes while a stored
  signature's hash equals it (`agreement-signed`).
- A change that changes nothing makes no revision.
"""
from __future__ import annotations

import uuid
from typing import Any

from sync.merge import MergeResult, UnitConflict, diff_units, merge
from sync.paths import set_unit, units_values
from sync.ports import RecordRules, RecordStore
from sync.types import (
    APPLIED,
    CONFLICT,
    CONFLICT_TYPE,
    MERGED,
    REJECTED,
    Actor,
    Change,
    PushResult,
    Rejection,
    StoredRecord,
)
from sync.units import MISSING, json_equal, strip_nulls, unit_value

Data = dict[str, Any]

CONFLICT_NAMESPACE = uuid.UUID("0b7d2f8e-8a51-4c3e-9a1f-3f1f5c6d7e90")


def not_found() -> Rejection:
    """The one answer for absent and unreadable records."""
    return Rejection("not-found", 404, "Not found")


def rejected(change: Change, rejection: Rejection) -> PushResult:
    """A rejected result for a change."""
    return PushResult(change.mutation_id, change.id, REJECTED, error=rejection)


def upsert(store: RecordStore, rules: RecordRules, actor: Actor, change: Change,
           current: StoredRecord | None) -> PushResult:
    """Create, edit or restore a record."""
    errors = rules.validate(change.type, change.data)
    if errors:
        return rejected(change, Rejection("validation", 400, "Invalid record",
                                          summarize(errors), errors))
    client = strip_nulls(change.data)
    base = _base_data(store, change, current)
    dangling = _dangling_references(store, rules, actor, change.type, base, client)
    if dangling:
        return rejected(change, Rejection("reference", 400, "Dangling reference",
                                          summarize(dangling), dangling))
    if current is None or current.deleted and change.base_rev == current.rev:
        rev = current.rev + 1 if current else 1
        store.write(StoredRecord(change.id, change.type, actor.team_id, rev, False, client), actor)
        return PushResult(change.mutation_id, change.id, APPLIED, rev)
    if current.type == "signature":
        if json_equal(client, current.data):
            return PushResult(change.mutation_id, change.id, APPLIED, current.rev)
        return rejected(change, Rejection("immutable", 409, "Signature is immutable"))
    if current.deleted:
        return _edit_of_deleted(store, actor, change, base, client, current)
    return _edit(store, rules, actor, change, base, client, current)


def _edit(store: RecordStore, rules: RecordRules, actor: Actor, change: Change,
          base: Data, client: Data, current: StoredRecord) -> PushResult:
    """Merge an edit into a live record."""
    if change.base_rev == current.rev:
        data, conflicts = client, dict[str, UnitConflict]()
    else:
        outcome = merge(change.type, base, current.data, client,
                        text_units=rules.text_units(change.type, client))
        data, conflicts = _repair(rules, change.type, outcome, base, current.data, client)
    if changes_signed_content(store, rules, current, data):
        return rejected(change, Rejection(
            "agreement-signed", 409, "Agreement is signed",
            "a signature covers this content; make a new version instead"))
    rev = current.rev
    if not json_equal(data, current.data):
        rev += 1
        store.write(StoredRecord(current.id, current.type, current.team_id, rev, False, data),
                    actor)
    if conflicts:
        conflict_id = _write_conflict(store, actor, change, current, "edit", rev,
                                      sorted(conflicts), _values(conflicts))
        return PushResult(change.mutation_id, change.id, CONFLICT, rev, conflict_id,
                          tuple(sorted(conflicts)))
    status = APPLIED if json_equal(data, client) else MERGED
    return PushResult(change.mutation_id, change.id, status, rev)


def _repair(rules: RecordRules, record_type: str, outcome: MergeResult, base: Data,
            server: Data, client: Data) -> tuple[Data, dict[str, UnitConflict]]:
    """Keep the server's values for client units that break a rule only once merged."""
    data, conflicts = outcome.data, dict(outcome.conflicts)
    errors = rules.validate(record_type, data)
    if not errors:
        return data, conflicts
    paths = [field.removeprefix("data.") for field in errors]
    culprits = [unit for unit in outcome.applied
                if any(p == unit or p.startswith(unit + ".") or unit.startswith(p + ".")
                       for p in paths)]
    for unit in culprits:
        data = set_unit(data, unit, unit_value(server, unit))
    if culprits and not rules.validate(record_type, data):
        reverted = culprits
    else:
        data, reverted = server, list(outcome.applied)
    for unit in reverted:
        conflicts[unit] = UnitConflict(unit_value(base, unit), unit_value(server, unit),
                                       unit_value(client, unit))
    return data, conflicts


def _edit_of_deleted(store: RecordStore, actor: Actor, change: Change, base: Data,
                     client: Data, current: StoredRecord) -> PushResult:
    """An edit against a record deleted meanwhile: kept in a conflict, the record stays deleted."""
    changed = sorted(diff_units(change.type, base, client))
    if not changed:
        return PushResult(change.mutation_id, change.id, APPLIED, current.rev)
    values = (units_values(base, changed), {"deleted": True}, units_values(client, changed))
    conflict_id = _write_conflict(store, actor, change, current, "deleted", current.rev,
                                  changed, values)
    return PushResult(change.mutation_id, change.id, CONFLICT, current.rev, conflict_id,
                      tuple(changed))


def delete(store: RecordStore, rules: RecordRules, actor: Actor, change: Change,
           current: StoredRecord | None) -> PushResult:
    """Delete a record: a tombstone, or a conflict when it changed since base_rev."""
    if current is None:
        return rejected(change, not_found())
    if current.type == "signature":
        return rejected(change, Rejection("immutable", 409, "Signature is immutable"))
    if current.deleted:
        return PushResult(change.mutation_id, change.id, APPLIED, current.rev)
    if current.type == "agreement" and store.signature_hashes(current.id):
        return rejected(change, Rejection("agreement-signed", 409, "Agreement is signed",
                                          "a signed agreement is voided, never deleted"))
    if change.base_rev < current.rev:
        base = _base_data(store, change, current)
        changed = sorted(diff_units(change.type, base, current.data))
        if changed:
            values = (units_values(base, changed), units_values(current.data, changed),
                      {"deleted": True})
            conflict_id = _write_conflict(store, actor, change, current, "delete",
                                          current.rev, changed, values)
            return PushResult(change.mutation_id, change.id, CONFLICT, current.rev,
                              conflict_id, tuple(changed))
    refused = referenced(store, current)
    if refused:
        return rejected(change, refused)
    store.write(StoredRecord(current.id, current.type, current.team_id, current.rev + 1,
                             True, {}), actor)
    return PushResult(change.mutation_id, change.id, APPLIED, current.rev + 1)


def referenced(store: RecordStore, current: StoredRecord) -> Rejection | None:
    """A `referenced` rejection naming the live records that still point at this one."""
    referrers = store.live_referrers(current.team_id, current.id)
    if not referrers:
        return None
    errors: dict[str, list[str]] = {}
    for record_type, record_id in referrers:
        errors.setdefault(record_type, []).append(record_id)
    return Rejection("referenced", 409, "Record is referenced",
                     f"{len(referrers)} live records reference it", errors)


def _base_data(store: RecordStore, change: Change, current: StoredRecord | None) -> Data:
    """The data of revision base_rev; empty for 0, a tombstone or a purged revision."""
    if current is None or change.base_rev == 0:
        return {}
    kept = store.get_revision(change.id, change.base_rev)
    return {} if kept is None or kept[0] else kept[1]


def _dangling_references(store: RecordStore, rules: RecordRules, actor: Actor,
                         record_type: str, base: Data, client: Data) -> dict[str, list[str]]:
    """Errors for the references this change sets or changes that name nothing in the team."""
    old_refs = set(rules.references(record_type, base))
    errors = {path: [f"no {target} {ref_id} in this team"]
              for path, target, ref_id in rules.references(record_type, client)
              if (path, target, ref_id) not in old_refs
              and not store.exists(actor.team_id, target, ref_id)}
    old_users = set(rules.user_references(record_type, base))
    errors.update({path: [f"no user {user_id} in this team"]
                   for path, user_id in rules.user_references(record_type, client)
                   if (path, user_id) not in old_users
                   and not store.user_in_team(actor.team_id, user_id)})
    return errors


def changes_signed_content(store: RecordStore, rules: RecordRules, current: StoredRecord,
                            data: Data) -> bool:
    """Whether new data changes an agreement's content or placement under a valid signature."""
    if current.type != "agreement":
        return False
    covered = rules.covered_hash(current.data)
    if covered not in store.signature_hashes(current.id):
        return False
    return (rules.covered_hash(data) != covered
            or data.get("placement_id") != current.data.get("placement_id"))


def _values(conflicts: dict[str, UnitConflict]) -> tuple[Data, Data, Data]:
    """The base, server and client maps of a conflict (a missing key: no value)."""
    base, server, client = ({unit: value for unit, c in conflicts.items()
                              if (value := getattr(c, side)) is not MISSING}
                             for side in ("base", "server", "client"))
    return base, server, client


def _write_conflict(store: RecordStore, actor: Actor, change: Change, current: StoredRecord,
                    reason: str, server_rev: int, fields: list[str],
                    values: tuple[Data, Data, Data]) -> str:
    """Store a conflict record for a change; its id follows from the device and mutation."""
    conflict_id = str(uuid.uuid5(CONFLICT_NAMESPACE, f"{actor.device_id}:{change.mutation_id}"))
    base, server, client = values
    data: dict[str, Any] = {
        "record_type": current.type, "record_id": current.id, "reason": reason,
        "fields": fields, "base": base, "server": server, "client": client,
        "server_rev": server_rev,
        "client_base_rev": change.base_rev, "client_user_id": actor.user_id,
        "client_device_id": actor.device_id, "mutation_id": change.mutation_id,
        "resolved": False}
    store.write(StoredRecord(conflict_id, CONFLICT_TYPE, current.team_id, 1, False, data), actor)
    return conflict_id


def summarize(errors: dict[str, list[str]]) -> str:
    """A one-line summary of field errors."""
    return "; ".join(f"{k}: {', '.join(v)}" for k, v in sorted(errors.items()))[:1000]
