// The outbox as plain data (docs/protocol.md 3 "What the client sends"); no IndexedDB here.
//
// The outbox is an array of entries in send order (ascending `seq`):
//   {seq, recordId, type, mutationId, op: 'upsert'|'delete', baseRev, baseData, origin,
//    data, createdAt, state: 'queued'|'sent'|'rejected'|'waiting', problem?, waitingFor?,
//    pulledSince?}
// `createdAt` (epoch ms) is when the first unsent edit of the entry was made; the status
// bar warns when changes have waited longer than STALE_DAYS.
// `baseData` is revision `baseRev`'s data as the server gave it ({} for 0); `data` is
// baseData with this device's edits ({} for a delete); `origin` is the data the edits
// were made on, the base for rebasing them: baseData, except for an entry made while a
// sent one waited for its result, whose edits start from that entry's data.
// Rules:
// - Per record at most one sent (frozen) entry, then at most one unsent one (queued,
//   rejected or waiting), which takes every new edit and keeps its first base.
// - A new entry goes behind every other one. A delete that takes an edit moves behind every
//   other entry too (it must follow the changes that stop referencing the record). An
//   upsert that takes an edit keeps its place (a delete behind it may rely on it no longer
//   referencing the deleted record), unless it now names a record whose create stands
//   behind it: then it moves just behind the last such create. A create (base_rev 0,
//   nothing sent) stays where it is, before the changes that reference it.
// - When a sent entry's result settles it, the record's next entry is moved onto the
//   result's record if its edits rebase cleanly; if not, it keeps the older base_rev but
//   sends only its own edits (not the sent entry's again), so a conflict is never raised
//   twice.
// - Deleting a record whose create was never stored drops its entry.
// - A sent entry is re-sent unchanged until it has a result; the record's next entry
//   waits for that. A result's mutation id is used up: a kept entry gets a fresh one.
// - A rejected entry is kept unsent for the user; one rejected as `reference` to a
//   record that is itself in the outbox waits and is retried once that record's entries
//   are gone (applied).
// - Discarding a change rejected `not-found` (base_rev > 0) removes its record, unless a
//   pull returned the record after the rejection (`pulledSince`): the server has it then
//   (after a restore from backup a change may name a rev the server lost).
// - An entry behind a sent one whose result comes without its record (purged) names the
//   result's rev (onPurged), so it never makes the purged id again.
// Every function returns a new outbox and leaves its arguments unchanged.

import { rebase } from "../merge/rebase.js";
import { jsonEqual } from "../merge/units.js";

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g;
const randomId = () => crypto.randomUUID();
const isSent = (entry) => entry.state === "sent";

/** Days after which unsent changes are worth a warning on the status bar. */
export const STALE_DAYS = 3;

/** Record one save: `edit` = {recordId, type, op, data, known?: {rev, data}, shown?}. */
export function addEdit(outbox, edit, { newId = randomId, textUnits = [], now = Date.now } = {}) {
  const { recordId, type, op } = edit;
  const sent = outbox.find((entry) => entry.recordId === recordId && isSent(entry));
  const open = outbox.find((entry) => entry.recordId === recordId && !isSent(entry));
  const creates = open && open.baseRev === 0 && !sent;
  if (creates && op === "delete") return outbox.filter((entry) => entry !== open);
  const start = open ?? newEntry(edit, sent, newId, now);
  const target = dataOf(start);
  // The edit is what changed from the data the user saw (`shown`) to `data`; laid onto
  // the entry's own data, so newer server data shown on top never slips into it.
  const data =
    op === "delete"
      ? {}
      : rebase(
          type,
          edit.shown ?? target,
          edit.data,
          { deleted: false, data: target },
          { textUnits },
        ).data;
  const entry = { ...core(start), op, data, state: "queued" };
  if (creates) return outbox.map((other) => (other === open ? entry : other));
  if (!open || op === "delete") {
    return [...outbox.filter((other) => other !== open), { ...entry, seq: nextSeq(outbox) }];
  }
  return keepPlace(outbox, open, entry);
}

/** Put a re-edited upsert in its old place, or just behind the last create it now names. */
function keepPlace(outbox, open, entry) {
  const named = new Set(JSON.stringify(entry.data).match(UUID) ?? []);
  const at = outbox.indexOf(open);
  const last = outbox.findLastIndex(
    (other, i) =>
      i > at && named.has(other.recordId) && other.baseRev === 0 && other.op === "upsert",
  );
  if (last < 0) return outbox.map((other) => (other === open ? entry : other));
  const after = outbox[last + 1];
  const seq = after ? (outbox[last].seq + after.seq) / 2 : nextSeq(outbox);
  const rest = outbox.filter((other) => other !== open);
  rest.splice(rest.indexOf(outbox[last]) + 1, 0, { ...entry, seq });
  return rest;
}

/** The entries to push now, in order: sent ones again, then the sendable unsent ones. */
export function nextBatch(outbox, max = 500) {
  const sentIds = new Set(outbox.filter(isSent).map((entry) => entry.recordId));
  const pendingIds = new Set(outbox.map((entry) => entry.recordId));
  return outbox
    .filter(
      (entry) =>
        isSent(entry) ||
        (entry.state === "queued" && !sentIds.has(entry.recordId)) ||
        (entry.state === "waiting" && !pendingIds.has(entry.waitingFor)),
    )
    .slice(0, max);
}

/** Mark a batch's entries sent (frozen): store this before the push goes out. */
export function markSent(outbox, batch) {
  const ids = new Set(batch.map((entry) => entry.mutationId));
  return outbox.map((entry) =>
    ids.has(entry.mutationId) ? { ...core(entry), state: "sent" } : entry,
  );
}

/** An entry as a push carries it. */
export function toChange(entry) {
  const change = {
    mutation_id: entry.mutationId,
    type: entry.type,
    id: entry.recordId,
    op: entry.op,
    base_rev: entry.baseRev,
  };
  return entry.op === "delete" ? change : { ...change, data: entry.data };
}

/** Settle a sent entry with its push result: done, or kept as rejected or waiting. */
export function applyResult(outbox, result, { newId = randomId } = {}) {
  const sent = outbox.find((entry) => entry.mutationId === result.mutation_id);
  if (!sent) return outbox;
  const rest = outbox.filter((entry) => entry !== sent);
  if (result.status !== "rejected") return rest;
  const kept = { ...core(sent), mutationId: newId(), ...blocked(result.error, rest) };
  const next = rest.find((entry) => entry.recordId === sent.recordId);
  if (!next) return outbox.map((entry) => (entry === sent ? kept : entry));
  // The edits made behind it hold its edits too: one kept entry takes them all.
  const creates = sent.baseRev === 0;
  if (creates && next.op === "delete") return rest.filter((entry) => entry !== next);
  const folded = { ...kept, op: next.op, data: next.data };
  if (!creates) return rest.map((entry) => (entry === next ? { ...folded, seq: next.seq } : entry));
  return outbox.filter((entry) => entry !== next).map((entry) => (entry === sent ? folded : entry));
}

/**
 * Move the record's unsent entry onto a record when an apply.js decision is clean. When it
 * is not, an entry made behind a sent one that has its result now keeps its base but drops
 * the sent one's edits (they are settled): only its own edits go onto its base data.
 */
export function rebaseEntry(outbox, recordId, decision, { textUnits = [] } = {}) {
  if (!decision.clean) {
    const behind = (entry) =>
      entry.recordId === recordId && !jsonEqual(entry.origin, entry.baseData);
    if (
      outbox.some((entry) => entry.recordId === recordId && isSent(entry)) ||
      !outbox.some(behind)
    ) {
      return outbox;
    }
    return outbox.map((entry) => (behind(entry) ? reroot(entry, textUnits) : entry));
  }
  return outbox.map((entry) =>
    entry.recordId === recordId && !isSent(entry)
      ? {
          ...entry,
          baseRev: decision.baseRev,
          baseData: decision.baseData,
          origin: decision.baseData,
          data: decision.data ?? {},
        }
      : entry,
  );
}

/** An entry's own edits (origin -> data) laid onto its base data, which becomes its origin. */
function reroot(entry, textUnits) {
  const data =
    entry.op === "delete"
      ? {}
      : rebase(
          entry.type,
          entry.origin,
          entry.data,
          { deleted: false, data: entry.baseData },
          { textUnits },
        ).data;
  return { ...entry, origin: entry.baseData, data };
}

/** Give up an unsent entry (a sent one cannot be called back). */
export function discard(outbox, seq) {
  return outbox.filter((entry) => entry.seq !== seq || isSent(entry));
}

/** Mark the rejected entries of records that a pulled page returned (`pulledSince`). */
export function markPulled(outbox, ids) {
  const pulled = new Set(ids);
  const marks = (entry) =>
    entry.state === "rejected" && pulled.has(entry.recordId) && !entry.pulledSince;
  if (!outbox.some(marks)) return outbox;
  return outbox.map((entry) => (marks(entry) ? { ...entry, pulledSince: true } : entry));
}

/** Whether discarding a rejected entry removes its record: the server answered not-found
 * for a record it had given this device, and no pull has returned the record since. */
export function discardRemoves(entry) {
  const notFound = String(entry.problem?.type ?? "").endsWith("/not-found");
  return notFound && entry.baseRev > 0 && !entry.pulledSince;
}

/** After a result without its record (the server purged it), the record's unsent entry
 * names the result's rev, never 0: the server answers not-found and the user keeps it
 * (from 0 it would make the purged id again at rev 1, below a tombstone others hold). */
export function onPurged(outbox, recordId, rev) {
  const moves = (entry) =>
    entry.recordId === recordId && !isSent(entry) && entry.state !== "rejected";
  return outbox.map((entry) =>
    moves(entry) ? { ...entry, baseRev: rev, baseData: entry.origin } : entry,
  );
}

/** How many records have changes the server has not confirmed. */
export function pendingCount(outbox) {
  return new Set(outbox.map((entry) => entry.recordId)).size;
}

/** The record's newest entry and whether a sent one waits for its result; null if none. */
export function pendingFor(outbox, recordId) {
  const entries = outbox.filter((entry) => entry.recordId === recordId);
  return entries.length ? { entry: entries.at(-1), frozen: entries.some(isSent) } : null;
}

/** The fields every entry has (no problem, no waitingFor, no state). */
function core({ seq, recordId, type, mutationId, op, baseRev, baseData, origin, data, createdAt }) {
  return {
    seq,
    recordId,
    type,
    mutationId,
    op,
    baseRev,
    baseData,
    origin,
    data,
    ...(createdAt === undefined ? {} : { createdAt }),
  };
}

/** Whole days the oldest unsent change has waited past STALE_DAYS' start (0 if none has). */
export function staleDays(outbox, now = Date.now()) {
  const times = outbox.map((entry) => entry.createdAt).filter(Number.isFinite);
  if (!times.length) return 0;
  const days = Math.floor((now - Math.min(...times)) / 86_400_000);
  return days >= STALE_DAYS ? days : 0;
}

/** The data an entry's edits lead to, before a delete. */
function dataOf(entry) {
  return entry.op === "delete" ? entry.origin : entry.data;
}

/** A new entry behind the record's sent one, on its known copy, or creating it. */
function newEntry({ recordId, type, op, known }, sent, newId, now) {
  const [baseRev, baseData, origin] = sent
    ? [sent.baseRev, sent.baseData, dataOf(sent)]
    : known
      ? [known.rev, known.data, known.data]
      : [0, {}, {}];
  if (op === "delete" && !sent && !known) throw new TypeError(`nothing to delete: ${recordId}`);
  return {
    recordId,
    type,
    mutationId: newId(),
    op,
    baseRev,
    baseData,
    origin,
    data: origin,
    createdAt: now(),
  };
}

function nextSeq(outbox) {
  return Math.max(0, ...outbox.map((entry) => entry.seq)) + 1;
}

/** The state of a rejected entry: waiting for a record in the outbox, or rejected. */
function blocked(problem, others) {
  const slug = String(problem?.type ?? "")
    .split("/")
    .at(-1);
  const named = JSON.stringify(problem?.errors ?? {}).match(UUID) ?? [];
  const waitingFor =
    slug === "reference" && named.find((id) => others.some((entry) => entry.recordId === id));
  return waitingFor ? { state: "waiting", problem, waitingFor } : { state: "rejected", problem };
}
