// What to do with a pulled record or a push result (docs/protocol.md 3 and 4): pure decisions.
//
// - A record whose rev is not newer than the local copy's is ignored (a change may come
//   twice); a push result's record likewise, except that the unsent edits still rebase.
//   During a resync a pulled record is taken whatever its rev (after a restore from
//   backup the server's rev numbers repeat with other data).
// - Without unsent edits the record replaces the local copy. Tombstones are kept as
//   deleted records, never removed: the app shows references to them as deleted, and a
//   stored tombstone's rev keeps an older live revision that arrives late from
//   reviving it. (Only a resync, docs/protocol.md 4, removes local records.)
// - With unsent edits the record is stored as the server copy and the edits stay on top
//   (`rebase`): `data` is what the user sees (null for an unsent delete); `clean` says
//   whether the pending change now sits on this record, and then `baseRev`/`baseData`
//   are the record's (the caller moves the change: coalesce.rebaseEntry). A change that
//   was sent and waits for its result (`frozen`) never moves; edits made behind it
//   rebase when its result arrives.
// - A rejected result changes no record (the outbox keeps the change: coalesce.applyResult).
// Records are envelopes {type, id, rev, deleted, data}; entries are outbox entries.

import { rebase } from "../merge/rebase.js";

const IGNORE = Object.freeze({ action: "ignore" });

/**
 * Decide how a pulled record meets the local copy and the record's newest outbox entry;
 * `force` (during a resync) takes the pulled record whatever the revs.
 */
export function decidePulled(
  local,
  pulled,
  pendingEntry,
  { frozen = pendingEntry?.state === "sent", textUnits = [], force = false } = {},
) {
  if (!force && local && pulled.rev <= local.rev) return IGNORE;
  if (!pendingEntry) return { action: "replace", record: pulled };
  return onTop(pulled, pendingEntry, frozen, textUnits);
}

/** Decide how a push result meets the local copy and the record's remaining outbox entry. */
export function decideResult(local, result, pendingEntry, { textUnits = [] } = {}) {
  const { record } = result;
  if (result.status === "rejected" || !record) return IGNORE;
  const stale = local && local.rev >= record.rev;
  if (!pendingEntry) return stale ? IGNORE : { action: "replace", record };
  return onTop(stale ? local : record, pendingEntry, false, textUnits);
}

/** The `rebase` decision: the record stored, the pending edits on top of it. */
function onTop(record, entry, frozen, textUnits) {
  const pending = entry.op === "delete" ? null : entry.data;
  // A frozen change's edits run from its base; edits behind a frozen one from its data.
  const from = frozen ? entry.baseData : entry.origin;
  const { data, clean } = rebase(record.type, from, pending, record, { textUnits });
  const moved = clean && !frozen;
  return {
    action: "rebase",
    record,
    data,
    clean: moved,
    baseRev: moved ? record.rev : entry.baseRev,
    baseData: moved ? record.data : entry.baseData,
  };
}
