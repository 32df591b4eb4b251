// Reads for the screens beyond one record: records of a type, records that name a record
// (a company's placements, a placement's meetings), records in a date range. Rules:
// - Narrow by a clear index first (`type`, `refs`, `[type+sort.key]`), then decrypt only
//   the rows found; deleted records are left out unless asked for.
// - Results are plain objects {id, type, rev, pending, deleted, data, createdBy, createdAt}
//   (createdBy/createdAt from the server's envelope; null before the first push).
import { db } from "./db.js";
import { commit } from "./outbox.js";
import { INDEX_VERSION, clearKeys, openRow } from "./records.js";

const INDEXED = "index-version";

async function opened(rows, includeDeleted) {
  const live = includeDeleted ? rows : rows.filter((row) => row.deleted !== 1);
  return Promise.all(
    live.map(async (row) => {
      const { known, shown, deleted } = await openRow(row);
      return {
        id: row.id,
        type: row.type,
        rev: row.rev,
        pending: row.pending === 1,
        deleted,
        data: shown ?? {},
        createdBy: known?.created_by ?? null,
        createdAt: known?.created_at ?? null,
      };
    }),
  );
}

/** Every record of a type (decrypted), e.g. all tasks. */
export async function listRecords(type, { includeDeleted = false } = {}) {
  return opened(await db.records.where("type").equals(type).toArray(), includeDeleted);
}

/** The records of a type whose data names `id` in a `…_id` field (e.g. a company's contacts). */
export async function listReferencing(type, id, { includeDeleted = false } = {}) {
  const rows = await db.records
    .where("refs")
    .equals(id)
    .filter((row) => row.type === type)
    .toArray();
  return opened(rows, includeDeleted);
}

/** The rows (still sealed) of the given types whose clear flag says they wait to be journalised. */
export async function listJournalWaitingRows(types) {
  return db.records
    .where("type")
    .anyOf(types)
    .filter((row) => row.sort?.journal === 1 && row.deleted !== 1)
    .toArray();
}

/** The meetings, assessments and agreements whose clear flag says they wait to be journalised. */
export async function listJournalWaiting(types) {
  return opened(await listJournalWaitingRows(types), false);
}

/** Records of a type whose sort key (meeting time, task due date) lies in [from, to). */
export async function listBetween(type, from, to) {
  const rows = await db.records
    .where("[type+sort.key]")
    .between([type, from], [type, to])
    .toArray();
  return opened(rows, false);
}

/** Several records by id, in the given order; a missing id gives null. */
export async function getMany(ids) {
  const rows = await db.records.bulkGet(ids);
  const found = await opened(rows.filter(Boolean), true);
  const byId = new Map(found.map((r) => [r.id, r]));
  return ids.map((id) => byId.get(id) ?? null);
}

/**
 * Recompute the clear keys of rows stored by an older build (after unlock); how many. The
 * clear meta row "index-version" says every row has INDEX_VERSION's keys (rows are stored
 * with them since), so an unlock after that reads no row.
 */
export async function reindexRows() {
  if ((await db.meta.get(INDEXED))?.value === INDEX_VERSION) return 0;
  return commit(async () => {
    const stale = await db.records.filter((row) => row.ix !== INDEX_VERSION).toArray();
    const records = await Promise.all(
      stale.map(async (row) => {
        const { shown, deleted } = await openRow(row);
        return { ...row, ...clearKeys(row.type, shown ?? {}, deleted) };
      }),
    );
    const meta = [{ key: INDEXED, value: INDEX_VERSION }];
    return { records, meta, result: records.length };
  });
}
