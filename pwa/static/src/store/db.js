// The only module that knows the IndexedDB database's name, tables and versions.
// Rules:
// - Everything personal is in `enc` (AES-GCM, store/crypto.js); only ids, types, revs,
//   flags and each record's `sort` keys are in the clear, and `sort` never holds anything
//   that identifies a citizen (store/records.js decides what goes in it).
// - Schema changes add a new `db.version(n)` below the old ones (with `.upgrade()` when
//   rows must change); old versions stay so every installed database upgrades keeping data.
import Dexie from "dexie";

const DB_NAME = "feltmappe";

/** The app's Dexie database (tables: records, outbox, meta, audit). */
export const db = new Dexie(DB_NAME);

db.version(1).stores({
  // {id, type, rev, deleted, pending (0|1), sort: {key, …}, enc}
  records: "id, type, pending, [type+sort.key]",
  // {pos, enc}: the outbox in send order (store/outbox.js)
  outbox: "pos",
  // {key, value} in the clear (key wrappings, salts) or {key, enc}
  meta: "key",
  // {id, enc}: what the device did offline, for the access audit (issue 7)
  audit: "id",
});

// Version 2 indexes `refs`: the record ids a record's data names (company_id, placement_id,
// …), so a screen finds a company's placements or a placement's meetings without opening
// every row. Ids are random UUIDs: they link rows but identify no one. Rows stored by
// version 1 have no `refs` yet; store/queries.js reindexRows() fills them in after unlock.
db.version(2).stores({
  records: "id, type, pending, [type+sort.key], *refs",
});

/** Erase every local table by deleting the database (remote wipe, logout). */
export async function eraseDatabase() {
  await db.delete({ disableAutoOpen: false });
}

/** Call `handler` when another tab deletes the database under this one. */
export function onErasedElsewhere(handler) {
  db.on("versionchange", (event) => {
    if (event.newVersion === null) handler();
  });
}
