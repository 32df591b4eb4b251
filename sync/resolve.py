"""Resolving a conflict: the chosen values become a new revision (docs/protocol.md section 5).

- `data` may name only the conflict's units; a unit left out keeps the record's value.
- It applies like a push from the conflict's `server_rev`: when a unit's current value is
  no longer the conflict's `server` value, the answer is `conflict-stale` and the record does
  not change. The conflict then takes the newer values as its `server` side (and the
  record's rev as `server_rev`), so the app can show them and ask again; a stale conflict
  that kept its old snapshot could never be resolved.
- A resolve that names the `server_rev` it was chosen against is stale when that is not the
  conflict's current one: a resend after a lost stale answer never overwrites the newer
  value that answer carried.
- A `delete` resolve (reason `delete`) is stale after any later revision of the record, like
  a stale delete in a push; its refresh names every unit changed since the client's base.
- A resolved conflict answers `conflict-resolved` with its resolution; nothing changes.
- Reason `deleted`: `restore` makes the record live with its last live data plus the
  chosen values; otherwise it stays deleted. Reason `delete`: `delete` deletes it after all.
"""
from __future__ import annotations

from typing import Any

from sync.decide import changes_signed_content, not_found, referenced, summarize
from sync.merge import diff_units
from sync.paths import set_unit, units_values
from sync.ports import RecordRules, RecordStore
from sync.types import CONFLICT_TYPE, Actor, Refused, Rejection, StoredRecord
from sync.units import MISSING, json_equal, unit_value


def resolve(store: RecordStore, rules: RecordRules, actor: Actor, conflict_id: str,
            chosen: dict[str, Any], restore: bool = False, delete: bool = False,
            server_rev: int | None = None) -> bool:
    """Apply a resolution (True), or refresh a stale conflict (False); Refused otherwise."""
    conflict = store.get_record(conflict_id)
    if conflict is None or conflict.type != CONFLICT_TYPE or conflict.team_id != actor.team_id:
        raise Refused(not_found())
    info = conflict.data
    if info.get("resolved"):
        raise Refused(Rejection("conflict-resolved", 409, "Conflict already resolved",
                                extra={"resolution": info.get("resolution", {})}))
    unknown = sorted(set(chosen) - set(info["fields"]))
    if unknown:
        raise Refused(Rejection("validation", 400, "Invalid resolution",
                                errors={f"data.{u}": ["not a unit of this conflict"]
                                        for u in unknown}))
    record = store.get_record(info["record_id"])
    if record is None:
        raise Refused(not_found())
    if server_rev not in (None, info["server_rev"]) or _is_stale(record, info, delete):
        _refresh(store, actor, conflict, record)
        return False
    _apply(store, rules, actor, record, info, chosen, restore, delete)
    resolution = dict(chosen)
    if restore or delete:
        resolution["restore" if restore else "delete"] = True
    done = {**info, "resolved": True, "resolved_by": actor.user_id,
            "resolved_at": store.now(), "resolution": resolution}
    store.write(StoredRecord(conflict.id, CONFLICT_TYPE, conflict.team_id, conflict.rev + 1,
                             False, done), actor)
    return True


def stale_rejection() -> Rejection:
    """The answer to a resolve that came after the units changed again."""
    return Rejection("conflict-stale", 409, "Conflict is stale",
                     "the record changed again; look at the newer values and choose again")


def _is_stale(record: StoredRecord, info: dict[str, Any], delete: bool) -> bool:
    """Whether the record moved on from the conflict's server side."""
    if info["reason"] == "deleted":
        return not record.deleted
    if info["reason"] == "delete" and delete and record.rev != info["server_rev"]:
        return True
    return record.deleted or any(
        not json_equal(unit_value(record.data, unit), info["server"].get(unit, MISSING))
        for unit in info["fields"])


def _refresh(store: RecordStore, actor: Actor, conflict: StoredRecord,
             record: StoredRecord) -> None:
    """Give a stale conflict the record's newer state as its server side."""
    info = conflict.data
    fresh = {**info, "server_rev": record.rev}
    if record.deleted:
        fresh.update(reason="deleted", server={"deleted": True})
    elif info["reason"] == "delete":
        kept = store.get_revision(record.id, info["client_base_rev"])
        base = kept[1] if kept and not kept[0] else {}
        fields = sorted(diff_units(record.type, base, record.data))
        fresh.update(fields=fields, base=units_values(base, fields),
                     server=units_values(record.data, fields))
    else:
        fresh.update(reason="edit", server=units_values(record.data, info["fields"]))
    if not json_equal(fresh, info):
        store.write(StoredRecord(conflict.id, CONFLICT_TYPE, conflict.team_id,
                                 conflict.rev + 1, False, fresh), actor)


def _apply(store: RecordStore, rules: RecordRules, actor: Actor, record: StoredRecord,
           info: dict[str, Any], chosen: dict[str, Any], restore: bool, delete: bool) -> None:
    """Write the record's revision that the resolution asks for."""
    if info["reason"] == "deleted" and not restore:
        return
    if info["reason"] == "delete" and delete:
        refused = referenced(store, record)
        if refused:
            raise Refused(refused)
        store.write(StoredRecord(record.id, record.type, record.team_id, record.rev + 1,
                                 True, {}), actor)
        return
    data = store.last_live_data(record.id) if record.deleted else record.data
    for unit, value in chosen.items():
        data = set_unit(data, unit, MISSING if value is None else value)
    errors = rules.validate(record.type, data)
    if errors:
        raise Refused(Rejection("validation", 400, "Invalid resolution", summarize(errors),
                                errors))
    if not record.deleted and changes_signed_content(store, rules, record, data):
        raise Refused(Rejection("agreement-signed", 409, "Agreement is signed"))
    if record.deleted or not json_equal(data, record.data):
        store.write(StoredRecord(record.id, record.type, record.team_id, record.rev + 1,
                                 False, data), actor)
