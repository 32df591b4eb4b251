// The IndexedDB side of the outbox and the one write path of the local store.
// Rules:
// - The outbox is a plain array in send order (its logic is store/coalesce.js); each entry
//   is one row {pos, enc}, sealed with the data key. Entries are treated as immutable: an
//   unchanged entry object keeps its sealed bytes, so a write re-encrypts only what changed.
// - Every write bumps the clear meta row "version". commit() plans on a snapshot (outbox
//   and version read in one transaction, records read by the plan), does all decryption and
//   encryption outside any transaction, and writes in one transaction only if the version
//   has not moved; otherwise it plans again. No network or crypto await inside a transaction.
// - A full disk (QuotaExceededError) becomes StorageFull for the caller, never swallowed.
import Dexie from "dexie";
import { db } from "./db.js";
import { onKeyForgotten, seal, unseal } from "./keyring.js";

const CONTEXT = "outbox";
const sealed = new WeakMap(); // entry object → its encrypted bytes
let cache = { version: -1, outbox: [] };
const inFlight = new Set();

// Nothing decrypted stays in memory once the app is locked or logged out.
onKeyForgotten(() => {
  cache = { version: -1, outbox: [] };
});

/** The device has no room left: the write did not happen. */
export class StorageFull extends Error {
  constructor(cause) {
    super(
      "Der er ikke mere lagerplads på enheden, så ændringen blev ikke gemt. Frigør plads, og prøv igen.",
      { cause },
    );
    this.name = "StorageFull";
  }
}

/** The current store version and decrypted outbox, read in one transaction (cached). */
export async function readOutbox() {
  const [versionRow, rows] = await db.transaction("r", db.meta, db.outbox, () =>
    Promise.all([db.meta.get("version"), db.outbox.orderBy("pos").toArray()]),
  );
  const version = versionRow ? versionRow.value : 0;
  if (version !== cache.version) {
    const outbox = await Promise.resolve(
      Promise.all(
        rows.map(async (row) => {
          const entry = await unseal(row.enc, CONTEXT);
          sealed.set(entry, row.enc);
          return entry;
        }),
      ),
    );
    cache = { version, outbox };
  }
  return cache;
}

/**
 * Write a planned change atomically: `plan({version, outbox})` returns
 * {records?: rows to put, remove?: record ids, outbox?: new array, meta?: rows,
 *  dropMeta?: meta keys to delete, result?}.
 * Returns the plan's result.
 */
export function commit(plan) {
  const run = commitLoop(plan);
  inFlight.add(run);
  run.finally(() => inFlight.delete(run)).catch(() => null);
  return run;
}

/** Resolve once every local write started so far has committed or failed. */
export async function writesSettled() {
  await Promise.allSettled([...inFlight]);
}

async function commitLoop(plan) {
  for (;;) {
    const snapshot = await readOutbox();
    const change = await plan(snapshot);
    if (
      !change.records?.length &&
      !change.remove?.length &&
      !change.outbox &&
      !change.meta?.length &&
      !change.dropMeta?.length
    ) {
      return change.result;
    }
    const outboxRows = change.outbox && (await sealRows(change.outbox));
    try {
      const done = await db.transaction("rw", db.records, db.outbox, db.meta, async () => {
        const row = await db.meta.get("version");
        if ((row ? row.value : 0) !== snapshot.version) return false;
        if (change.records?.length) await db.records.bulkPut(change.records);
        if (change.remove?.length) await db.records.bulkDelete(change.remove);
        if (outboxRows) {
          await db.outbox.clear();
          await db.outbox.bulkAdd(outboxRows);
        }
        if (change.dropMeta?.length) await db.meta.bulkDelete(change.dropMeta);
        await db.meta.bulkPut([
          ...(change.meta || []),
          { key: "version", value: snapshot.version + 1 },
        ]);
        return true;
      });
      if (done) return change.result;
    } catch (error) {
      throw isQuotaError(error) ? new StorageFull(error) : error;
    }
  }
}

async function sealRows(outbox) {
  return Promise.all(
    outbox.map(async (entry, pos) => {
      let enc = sealed.get(entry);
      if (!enc) {
        enc = await seal(entry, CONTEXT);
        sealed.set(entry, enc);
      }
      return { pos, enc };
    }),
  );
}

function isQuotaError(error) {
  const names = [error?.name, error?.inner?.name];
  return names.includes("QuotaExceededError") || error instanceof Dexie.QuotaExceededError;
}
