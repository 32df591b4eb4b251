// Rebasing unsent edits onto newer server data (docs/protocol.md 3 "What the client sends").
//
// - The unsent edits are the difference localBase -> pending; they are applied onto the
//   newer data with the merge rules of section 3a (merge.js, the newer data as "server").
// - Clean when no unit conflicts: the change may then move its base_rev to the newer rev
//   and send the rebased data. Otherwise it keeps its older base_rev and data (the server
//   then reports the conflict, which loses nothing).
// - The returned data is what the user sees: the newer data with the unsent edits on top;
//   a conflicting unit shows the unsent value (a pulled record never hides an edit).
// - Never onto a tombstone: the edit stays as it is (the server answers `deleted`).
// - An unsent delete (pending null) moves its base only if the newer live data equals
//   what the user deleted (localBase); a delete has no data to merge.

import { merge } from "./merge.js";
import { jsonEqual, setUnit, stripNulls } from "./units.js";

/** Apply the unsent edits (localBase -> pending, null for a delete) onto `newer` {deleted, data}. */
export function rebase(recordType, localBase, pending, newer, { textUnits = [] } = {}) {
  if (newer.deleted) return { data: pending, clean: false };
  if (pending === null) {
    return { data: null, clean: jsonEqual(stripNulls(newer.data), stripNulls(localBase)) };
  }
  const result = merge(recordType, localBase, newer.data, pending, { textUnits });
  let data = result.data;
  for (const [unit, conflict] of Object.entries(result.conflicts)) {
    data = setUnit(data, unit, conflict.client);
  }
  return { data, clean: Object.keys(result.conflicts).length === 0 };
}
