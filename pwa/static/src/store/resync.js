// The state of a resync (docs/protocol.md 4), kept in the encrypted meta table so that it
// survives a lost network or a closed tab: "resync" = {pages: n} while a full pull after
// `410` is under way, and "resync:<i>" = the ids that page i returned. The sync client
// (sync/incoming.js) writes them in the same commit as each page and its checkpoint, and
// drops them in the commit that removes the records the full pull did not return.
import { db } from "./db.js";
import { openMeta, sealMeta } from "./keyring.js";

const PREFIX = "resync:";

/** The state of a resync that has stored no page yet. */
export const RESYNC_START = Object.freeze({ pages: 0 });

/** The commit that starts a resync: no checkpoint, no pages seen, state {pages: 0}. */
export async function resyncStart() {
  const keys = await db.meta.where("key").startsWith(PREFIX).primaryKeys();
  return { meta: [await sealMeta("resync", RESYNC_START)], dropMeta: ["checkpoint", ...keys] };
}

/** The state after one more stored page. */
export function nextResync(state) {
  return { pages: state.pages + 1 };
}

/** The meta rows a stored page adds to a resync: its ids and the next state. */
export async function resyncPage(state, ids) {
  return [
    await sealMeta(`${PREFIX}${state.pages}`, ids),
    await sealMeta("resync", nextResync(state)),
  ];
}

/** Every id the resync has seen, and the meta keys whose removal ends it. */
export async function resyncSeen() {
  const rows = await db.meta.where("key").startsWith(PREFIX).toArray();
  const seen = new Set();
  for (const row of rows) (await openMeta(row)).forEach((id) => seen.add(id));
  return { seen, keys: ["resync", ...rows.map((row) => row.key)] };
}
