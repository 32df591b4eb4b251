// What a pull from the beginning into an empty store has stored itself, so that its pages
// need not read back the rows they may replace (one IndexedDB read per record otherwise).
// Rules:
// - It starts only when the store holds no record and the outbox is empty, and knows the
//   rev of every record the pull stored since.
// - It is trusted only while nothing else wrote: the store's version (store/outbox.js) is
//   the one the pull's last page wrote, and the clear meta row "pull-mark" still holds the
//   pull's random mark (a wipe clears it, and its version starts again from 0). Any other
//   write ends it for the rest of the pull; the pages then read their rows as before.
import { db } from "../store/db.js";

/** The clear meta row each page stores with the pull's random mark. */
export const MARK = "pull-mark";

/** A memory for a new pull: nothing stored yet, trusted once the store is seen empty. */
export function newMemory() {
  return { state: "unknown", version: null, mark: crypto.randomUUID(), revs: new Map() };
}

/** The stored rows' {rev} for `ids` as the memory knows them (undefined: no row). */
export function rowsFromMemory(memory, ids) {
  return ids.map((id) => (memory.revs.has(id) ? { id, rev: memory.revs.get(id) } : undefined));
}

/** Whether the memory describes the store at `version` with `markValue` in "pull-mark". */
export function trusted(memory, version, markValue) {
  return memory.state === "known" && memory.version === version && markValue === memory.mark;
}

/**
 * The rows stored under `ids` for a page planned on `snapshot` ({version, outbox}), with
 * `known` saying whether the memory could answer (then no row was read).
 */
export async function storedRows(memory, snapshot, ids) {
  if (memory && memory.state !== "ended" && snapshot.outbox.length === 0) {
    const mark = (await db.meta.get(MARK))?.value;
    if (trusted(memory, snapshot.version, mark))
      return { rows: rowsFromMemory(memory, ids), known: true };
    if (memory.state === "unknown" && (await db.records.count()) === 0)
      return { rows: ids.map(() => undefined), known: true };
  }
  return { rows: await db.records.bulkGet(ids), known: false };
}

/** After a page's commit: remember its records at the version it wrote, or end the memory. */
export function remember(memory, { known, version, records }) {
  if (!known || memory.state === "ended") {
    memory.state = "ended";
    return;
  }
  Object.assign(memory, { state: "known", version });
  records.forEach((row) => memory.revs.set(row.id, row.rev));
}
