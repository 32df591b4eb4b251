// Local records: what the screens read and every local edit.
// Rules:
// - A row is {id, type, rev, deleted, pending, sort, enc}; `enc` seals {known, shown}:
//   `known` is the newest server envelope (null before the server has the record) and
//   `shown` is what the user sees when it differs from known.data (unsent edits on top).
//   Clear: the id, type, the server rev, flags (0/1) and `sort`.
// - `sort` holds only clear, non-identifying keys for lists and search: a company's name,
//   city, CVR, industry, status and responsible user; a conflict's open/resolved state; a meeting's time, a task's due date;
//   whether a meeting, assessment or agreement waits in "Til journalisering" (0/1).
//   `refs` holds the record ids the data names (UUIDs). Nothing about a citizen.
// - An edit writes the record row and the outbox (store/coalesce.js) in one transaction
//   (store/outbox.js commit); a conflict's resolution is queued there too, in order.
// - Reads decrypt; ui/useQuery.js re-runs a read whenever the tables it read change.
import { awaitsJournal, keepMarkHonest } from "../journal-rules.js";
import {
  addEdit,
  discard,
  discardRemoves,
  pendingCount,
  pendingFor,
  staleDays,
} from "./coalesce.js";
import { db } from "./db.js";
import { commit, readOutbox } from "./outbox.js";
import { seal, unseal } from "./keyring.js";

const editListeners = new Set();

/** Call `listener` after every local edit is stored (the sync client pushes soon after). */
export function onLocalEdit(listener) {
  editListeners.add(listener);
  return () => editListeners.delete(listener);
}

async function edited(run) {
  const result = await run;
  editListeners.forEach((listener) => listener());
  return result;
}

/** The clear sort/search keys of a record (never anything identifying a citizen). */
function sortKeys(type, data, deleted) {
  if (type === "company" && !deleted) {
    const name = String(data.name ?? "");
    return {
      key: name.toLocaleLowerCase("da"),
      name,
      city: data.city ?? "",
      cvr: data.cvr ?? "",
      industry: data.industry ?? "",
      status: data.status ?? "",
      responsible: data.responsible_user_id ?? "",
    };
  }
  if (type === "conflict") return { key: data.resolved ? "resolved" : "open" };
  if (type === "meeting")
    return {
      key: String(data.scheduled_at ?? data.held_at ?? ""),
      journal: journalFlag(type, data, deleted),
    };
  if (type === "assessment" || type === "agreement")
    return { key: "", journal: journalFlag(type, data, deleted) };
  if (type === "task") return { key: String(data.due_date ?? "") };
  return { key: "" };
}

/** 1 when a record waits in "Til journalisering" (a flag, nothing about its content), else 0. */
function journalFlag(type, data, deleted) {
  return awaitsJournal(type, data, deleted) ? 1 : 0;
}

/** The version of the clear keys (`sort`, `refs`); raise it when sortKeys or refs change. */
export const INDEX_VERSION = 3;

/** The ids a record's data names (every `…_id` field): random UUIDs, indexed in the clear. */
export function referenceIds(data) {
  const ids = Object.entries(data ?? {})
    .filter(([field, value]) => field.endsWith("_id") && typeof value === "string" && value)
    .map(([, value]) => value);
  return [...new Set(ids)];
}

/**
 * A sealed record row. `shown` is the data the user sees when it is not `known.data`:
 * undefined = as the server copy, null = deleted by an unsent change, else the data.
 */
export async function recordRow(id, type, known, shown, pending) {
  const deleted = shown === null || (shown === undefined && Boolean(known?.deleted));
  const enc = await seal({ known, shown }, `record:${id}`);
  const data = shown ?? known?.data ?? {};
  return {
    id,
    type,
    rev: known?.rev ?? 0,
    deleted: deleted ? 1 : 0,
    pending: pending ? 1 : 0,
    ...clearKeys(type, data, deleted),
    enc,
  };
}

/** The clear keys of a record's row: sort keys, referenced ids and their index version. */
export function clearKeys(type, data, deleted) {
  return { sort: sortKeys(type, data, deleted), refs: referenceIds(data), ix: INDEX_VERSION };
}

/** A row decrypted: {known, shown (the data the user sees; null when deleted), deleted}. */
export async function openRow(row) {
  const { known, shown } = await unseal(row.enc, `record:${row.id}`);
  const deleted = row.deleted === 1;
  return { known, shown: deleted ? null : (shown ?? known?.data ?? {}), deleted };
}

/**
 * One record as the screens see it: {id, type, rev, deleted, pending, data, problem,
 * createdBy (the user id the server names, null before the server has it)}.
 */
export async function getRecord(id) {
  const [row, { outbox }] = await Promise.all([db.records.get(id), readOutbox()]);
  if (!row) return null;
  const { known, shown, deleted } = await openRow(row);
  const entry = outbox.find((e) => e.recordId === id && e.state === "rejected");
  return {
    id,
    type: row.type,
    rev: row.rev,
    deleted,
    pending: row.pending === 1,
    data: shown ?? {},
    problem: entry?.problem ?? null,
    createdBy: known?.created_by ?? null,
  };
}

/**
 * Save edits {field: value, null = no value} to a record; creates it when id is empty. An
 * edit that changes a journalised record's note clears its "Overført til fagsystemet" mark.
 */
export async function saveRecord(type, id, changes) {
  const recordId = id || crypto.randomUUID();
  return edited(
    commit(async ({ outbox }) => {
      const row = await db.records.get(recordId);
      const { known, shown } = row ? await openRow(row) : { known: null, shown: {} };
      const withEdits = { ...shown };
      for (const [field, value] of Object.entries(changes)) {
        if (value === null) delete withEdits[field];
        else withEdits[field] = value;
      }
      const data = keepMarkHonest(type, shown, withEdits);
      const next = addEdit(outbox, {
        recordId,
        type,
        op: "upsert",
        data,
        shown,
        known: known && { rev: known.rev, data: known.data },
      });
      return {
        records: [await recordRow(recordId, type, known, data, true)],
        outbox: next,
        result: recordId,
      };
    }),
  );
}

/** Queue a conflict's resolution ({data, server_rev, restore?, delete?}); it shows resolved. */
export async function resolveConflict(conflictId, body) {
  return edited(
    commit(async ({ outbox }) => {
      const row = await db.records.get(conflictId);
      const { known, shown } = await openRow(row);
      const seq = Math.max(0, ...outbox.map((e) => e.seq)) + 1;
      const entry = {
        seq,
        recordId: conflictId,
        type: "conflict",
        op: "resolve",
        state: "resolve",
        body,
        createdAt: Date.now(),
      };
      const resolved = { ...shown, resolved: true, resolution: body.data, problem: undefined };
      return {
        records: [await recordRow(conflictId, "conflict", known, resolved, true)],
        outbox: [...outbox, entry],
      };
    }),
  );
}

/** Give up a rejected change (by outbox seq): the record shows the server's copy again, or
 * goes when the server answered that it has no such record any more. */
export async function discardRejected(seq) {
  return commit(async ({ outbox }) => {
    const entry = outbox.find((e) => e.seq === seq);
    if (!entry) return {};
    const next = discard(outbox, seq);
    const row = await db.records.get(entry.recordId);
    const { known } = row ? await openRow(row) : { known: null };
    if (pendingFor(next, entry.recordId)) return { outbox: next };
    // The server no longer has a record this device knew (purged, or lost in a restore): it goes.
    if (!known || discardRemoves(entry)) return { outbox: next, remove: [entry.recordId] };
    return {
      outbox: next,
      records: [await recordRow(entry.recordId, entry.type, known, undefined, false)],
    };
  });
}

/** The rejected changes with the server's problem, for "Afviste ændringer". */
export async function rejectedChanges() {
  const { outbox } = await readOutbox();
  const rejected = outbox.filter((e) => e.state === "rejected");
  const rows = await db.records.bulkGet(rejected.map((e) => e.recordId));
  return Promise.all(
    rejected.map(async (entry, i) => ({
      seq: entry.seq,
      id: entry.recordId,
      type: entry.type,
      op: entry.op,
      problem: entry.problem,
      label: rows[i] ? await labelOf(rows[i]) : "",
    })),
  );
}

/** Open conflicts with the conflicting record's label; the user's own come first. */
export async function openConflicts(userId) {
  const rows = await db.records.where("[type+sort.key]").equals(["conflict", "open"]).toArray();
  const conflicts = await Promise.all(
    rows.map(async (row) => ({ id: row.id, data: (await openRow(row)).shown })),
  );
  const targets = await db.records.bulkGet(conflicts.map((c) => c.data.record_id));
  const labelled = await Promise.all(
    conflicts.map(async (c, i) => ({
      ...c,
      label: targets[i] ? await labelOf(targets[i]) : c.data.record_id,
    })),
  );
  const own = (c) => (c.data.client_user_id === userId ? 0 : 1);
  return labelled.sort((a, b) => own(a) - own(b));
}

/** The counts the status bar shows: records with waiting changes, rejected, open conflicts. */
export async function localCounts() {
  const conflicts = await db.records.where("[type+sort.key]").equals(["conflict", "open"]).count();
  const { outbox } = await readOutbox();
  return {
    pending: pendingCount(outbox.filter((e) => e.state !== "rejected")),
    rejected: outbox.filter((e) => e.state === "rejected").length,
    conflicts,
    staleDays: staleDays(outbox),
  };
}

/** Storage use {usage, quota, persisted} in bytes. */
export async function storageInfo() {
  const { usage = 0, quota = 0 } = (await navigator.storage?.estimate?.()) ?? {};
  const persisted = (await navigator.storage?.persisted?.()) ?? false;
  return { usage, quota, persisted };
}

/** Ask the browser not to evict the local data (a no-op where unsupported). */
export async function requestPersistence() {
  return (await navigator.storage?.persist?.()) ?? false;
}

async function labelOf(row) {
  if (row.sort.name) return row.sort.name;
  const { shown, known } = await openRow(row);
  const data = shown || known?.data || {};
  return data.name || data.title || data.signer_name || "";
}
