// The outbox as plain data (docs/protocol.md 3 "What the client sends"); no IndexedDB here.
//
// The outbox is an array of entries in send order (ascending `seq`):
//   {seq, recordId, type, mutationId, op: 'upsert'|'delete', baseRev, baseData, origin,
//    data, state: 'queued'|'sent'|'rejected'|'waiting', problem?, waitingFor?}
// `baseData` is revision `baseRev`'s data as the server gave it ({} for 0); `data` is
// baseData with this device's edits ({} for a delete); `origin` is the data the edits
// were made on, the base for rebasing them: baseData, except for an entry made while a
// sent one waited for its result, whose edits start from that entry's data.
// Rules:
// - Per record at most one sent (frozen) entry, then at most one unsent one (queued,
//   rejected or waiting), which takes every new edit and keeps its first base.
// - An entry that takes an edit moves behind every other entry (the edit came after
//   them: a delete must follow the creation of a record that references it), except a
//   create (base_rev 0, nothing sent), which stays before the changes that reference it.
// - Deleting a record whose create was never stored drops its entry.
// - A sent entry is re-sent unchanged until it has a result; the record's next entry
//   waits for that. A result's mutation id is used up: a kept entry gets a fresh one.
// - A rejected entry is kept unsent for the user; one rejected as `reference` to a
//   record that is itself in the outbox waits and is retried once that record's entries
//   are gone (applied).
// Every function returns a new outbox and leaves its arguments unchanged.

import { rebase } from '../merge/rebase.js';

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g;
const randomId = () => crypto.randomUUID();
const isSent = (entry) => entry.state === 'sent';

/** Record one save: `edit` = {recordId, type, op, data, known?: {rev, data}, shown?}. */
export function addEdit(outbox, edit, { newId = randomId, textUnits = [] } = {}) {
  const { recordId, type, op } = edit;
  const sent = outbox.find((entry) => entry.recordId === recordId && isSent(entry));
  const open = outbox.find((entry) => entry.recordId === recordId && !isSent(entry));
  const creates = open && open.baseRev === 0 && !sent;
  if (creates && op === 'delete') return outbox.filter((entry) => entry !== open);
  const start = open ?? newEntry(edit, sent, newId);
  const target = dataOf(start);
  // The edit is what changed from the data the user saw (`shown`) to `data`; laid onto
  // the entry's own data, so newer server data shown on top never slips into it.
  const data = op === 'delete' ? {} : rebase(type, edit.shown ?? target, edit.data,
    { deleted: false, data: target }, { textUnits }).data;
  const entry = { ...core(start), op, data, state: 'queued' };
  if (creates) return outbox.map((other) => (other === open ? entry : other));
  return [...outbox.filter((other) => other !== open), { ...entry, seq: nextSeq(outbox) }];
}

/** The entries to push now, in order: sent ones again, then the sendable unsent ones. */
export function nextBatch(outbox, max = 500) {
  const sentIds = new Set(outbox.filter(isSent).map((entry) => entry.recordId));
  const pendingIds = new Set(outbox.map((entry) => entry.recordId));
  return outbox.filter((entry) => isSent(entry)
    || (entry.state === 'queued' && !sentIds.has(entry.recordId))
    || (entry.state === 'waiting' && !pendingIds.has(entry.waitingFor))).slice(0, max);
}

/** Mark a batch's entries sent (frozen): store this before the push goes out. */
export function markSent(outbox, batch) {
  const ids = new Set(batch.map((entry) => entry.mutationId));
  return outbox.map((entry) => (ids.has(entry.mutationId) ? { ...core(entry), state: 'sent' } : entry));
}

/** An entry as a push carries it. */
export function toChange(entry) {
  const change = { mutation_id: entry.mutationId, type: entry.type, id: entry.recordId,
    op: entry.op, base_rev: entry.baseRev };
  return entry.op === 'delete' ? change : { ...change, data: entry.data };
}

/** Settle a sent entry with its push result: done, or kept as rejected or waiting. */
export function applyResult(outbox, result, { newId = randomId } = {}) {
  const sent = outbox.find((entry) => entry.mutationId === result.mutation_id);
  if (!sent) return outbox;
  const rest = outbox.filter((entry) => entry !== sent);
  if (result.status !== 'rejected') return rest;
  const kept = { ...core(sent), mutationId: newId(), ...blocked(result.error, rest) };
  const next = rest.find((entry) => entry.recordId === sent.recordId);
  if (!next) return outbox.map((entry) => (entry === sent ? kept : entry));
  // The edits made behind it hold its edits too: one kept entry takes them all.
  const creates = sent.baseRev === 0;
  if (creates && next.op === 'delete') return rest.filter((entry) => entry !== next);
  const folded = { ...kept, op: next.op, data: next.data };
  if (!creates) return rest.map((entry) => (entry === next ? { ...folded, seq: next.seq } : entry));
  return outbox.filter((entry) => entry !== next).map((entry) => (entry === sent ? folded : entry));
}

/** Move the record's unsent entry onto a record when an apply.js decision is clean. */
export function rebaseEntry(outbox, recordId, decision) {
  if (!decision.clean) return outbox;
  return outbox.map((entry) => (entry.recordId === recordId && !isSent(entry)
    ? { ...entry, baseRev: decision.baseRev, baseData: decision.baseData,
      origin: decision.baseData, data: decision.data ?? {} }
    : entry));
}

/** Give up an unsent entry (a sent one cannot be called back). */
export function discard(outbox, seq) {
  return outbox.filter((entry) => entry.seq !== seq || isSent(entry));
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
function core({ seq, recordId, type, mutationId, op, baseRev, baseData, origin, data }) {
  return { seq, recordId, type, mutationId, op, baseRev, baseData, origin, data };
}

/** The data an entry's edits lead to, before a delete. */
function dataOf(entry) {
  return entry.op === 'delete' ? entry.origin : entry.data;
}

/** A new entry behind the record's sent one, on its known copy, or creating it. */
function newEntry({ recordId, type, op, known }, sent, newId) {
  const [baseRev, baseData, origin] = sent ? [sent.baseRev, sent.baseData, dataOf(sent)]
    : known ? [known.rev, known.data, known.data] : [0, {}, {}];
  if (op === 'delete' && !sent && !known) throw new TypeError(`nothing to delete: ${recordId}`);
  return { recordId, type, mutationId: newId(), op, baseRev, baseData, origin, data: origin };
}

function nextSeq(outbox) {
  return Math.max(0, ...outbox.map((entry) => entry.seq)) + 1;
}

/** The state of a rejected entry: waiting for a record in the outbox, or rejected. */
function blocked(problem, others) {
  const slug = String(problem?.type ?? '').split('/').at(-1);
  const named = JSON.stringify(problem?.errors ?? {}).match(UUID) ?? [];
  const waitingFor = slug === 'reference'
    && named.find((id) => others.some((entry) => entry.recordId === id));
  return waitingFor ? { state: 'waiting', problem, waitingFor } : { state: 'rejected', problem };
}
