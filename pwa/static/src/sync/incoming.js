// Storing what the server sent: push results, resolve answers and pulled pages, each in
// one commit (store/outbox.js) together with the outbox changes it causes.
// Rules (docs/protocol.md 3 and 4; decisions in sync/apply.js, outbox logic in store/coalesce.js):
// - A result settles its outbox entry; the server's record replaces the local copy unless
//   the record has unsent edits, which are then rebased on top of it and stay visible. A
//   result without a record (the server purged it meanwhile) removes the local copy.
// - A pulled record not newer than the local copy is ignored; one without local changes is
//   stored without decrypting anything. A page's checkpoint is stored in the same
//   transaction as its records, never before.
// - During a resync a pulled record replaces the local copy whatever the revs (after a
//   restore from backup rev numbers repeat with other data); unsent edits rebase onto it.
//   The resync's state and the ids each page returned are stored with the page.
// - A conflict with a queued resolution keeps showing as resolved until the answer comes.
// - A rejected change of a pulled record is marked (coalesce.markPulled): the server has it.
import { applyResult, markPulled, onPurged, pendingFor, rebaseEntry } from "../store/coalesce.js";
import { db } from "../store/db.js";
import { commit } from "../store/outbox.js";
import { openRow, recordRow } from "../store/records.js";
import { RESYNC_START, nextResync, resyncPage, resyncSeen, resyncStart } from "../store/resync.js";
import { sealMeta } from "../store/keyring.js";
import { decidePulled, decideResult } from "./apply.js";
import { MARK, remember, storedRows } from "./pullMemory.js";

/** Settle a push's results: entries leave or stay rejected/waiting, records are stored. */
export function applyPushResults(results) {
  return commit(async ({ outbox }) => {
    const locals = await loadLocals(results.map((r) => r.id));
    let next = outbox;
    for (const result of results) {
      next = applyResult(next, result);
      if (result.status !== "rejected" && !result.record)
        next = onPurged(next, result.id, result.rev);
      next = settle(locals, result.id, result, next);
    }
    // A result without a record: the server purged the record meanwhile; it goes here too.
    const gone = results
      .filter((r) => r.status !== "rejected" && !r.record && !pendingFor(next, r.id))
      .map((r) => r.id);
    gone.forEach((id) => locals.delete(id));
    return { outbox: next, records: await rowsOf(locals, next), remove: gone };
  });
}

/** Store a resolve answer {conflict, record}: the resolve entry leaves the outbox. */
export function applyResolveAnswer(seq, answer) {
  return commit(async ({ outbox }) => {
    const { conflict, record } = answer;
    const locals = await loadLocals([conflict.id, record.id]);
    let next = outbox.filter((e) => e.seq !== seq);
    locals.set(conflict.id, { type: "conflict", known: conflict, shown: undefined });
    next = settle(locals, record.id, { status: "applied", id: record.id, record }, next);
    return { outbox: next, records: await rowsOf(locals, next) };
  });
}

/**
 * Drop a resolve the server refused; the conflict shows as `shownPatch` says (reopened or
 * done), on top of `fresh` (a stale answer's refreshed conflict) when that is newer.
 */
export function dropResolve(seq, conflictId, shownPatch, fresh = null) {
  return commit(async ({ outbox }) => {
    const next = outbox.filter((e) => e.seq !== seq);
    const row = await db.records.get(conflictId);
    const stored = (await openRow(row)).known;
    const known = fresh?.id === conflictId && fresh.rev > stored.rev ? fresh : stored;
    const shown = { ...known.data, ...shownPatch };
    return {
      outbox: next,
      records: [
        await recordRow(
          conflictId,
          "conflict",
          known,
          shown,
          Boolean(pendingFor(next, conflictId)),
        ),
      ],
    };
  });
}

/** Begin a resync: the checkpoint goes and the resync state starts empty (store/resync.js). */
export function startResync() {
  return commit(async () => ({ ...(await resyncStart()), result: RESYNC_START }));
}

/**
 * The rows a pulled page's records get when nothing waits for them (sealed as the server
 * copy, each with a fresh IV), in page order; made before the page is stored, so the
 * encryption of one page overlaps the write of the one before.
 */
export function sealPage(page) {
  return Promise.all(page.changes.map((p) => recordRow(p.id, p.type, p, undefined, false)));
}

/**
 * Store one pulled page and its checkpoint (and, during a resync, its ids); returns the
 * resync state to go on with. `sealed` is the page's sealPage; `memory` (sync/pullMemory.js)
 * what a pull from the beginning into an empty store stored so far, or null.
 */
export async function applyPage(page, resync, sealed = sealPage(page), memory = null) {
  let stored = null;
  const result = await commit(async (snapshot) => {
    const { outbox } = snapshot;
    const ids = page.changes.map((c) => c.id);
    const { rows, known } = await storedRows(memory, snapshot, ids);
    const waiting = new Set(outbox.map((e) => e.recordId));
    const isFresh = (pulled, i) => resync || !rows[i] || pulled.rev > rows[i].rev;
    const fresh = page.changes.filter(isFresh);
    const records = (await sealed).filter(
      (row, i) => isFresh(page.changes[i], i) && !waiting.has(row.id),
    );
    let next = outbox;
    for (const pulled of fresh.filter((p) => waiting.has(p.id))) {
      const row = rows[page.changes.indexOf(pulled)];
      const local = row ? await openRow(row) : { known: null, shown: {} };
      const pending = pendingFor(next, pulled.id);
      let shown = local.shown;
      if (pending.entry.op !== "resolve") {
        const decision = decidePulled(local.known, pulled, pending.entry, {
          frozen: pending.frozen,
          force: Boolean(resync),
        });
        if (decision.action === "ignore") continue;
        next = rebaseEntry(next, pulled.id, decision);
        shown = decision.data;
      }
      records.push(await recordRow(pulled.id, pulled.type, pulled, shown, true));
    }
    next = markPulled(
      next,
      page.changes.map((c) => c.id),
    );
    const meta = [await sealMeta("checkpoint", page.checkpoint)];
    if (memory) meta.push({ key: MARK, value: memory.mark });
    stored = { known: known && next === outbox, version: snapshot.version + 1, records };
    const nextState = resync ? nextResync(resync) : undefined;
    if (resync)
      meta.push(
        ...(await resyncPage(
          resync,
          page.changes.map((c) => c.id),
        )),
      );
    return { records, outbox: next === outbox ? undefined : next, meta, result: nextState };
  });
  if (memory) remember(memory, stored);
  return result;
}

/** After a resync: remove local records it did not return, except pending ones; end it. */
export function removeUnseen() {
  return commit(async () => {
    const { seen, keys } = await resyncSeen();
    const idle = await db.records.where("pending").equals(0).primaryKeys();
    return { remove: idle.filter((id) => !seen.has(id)), dropMeta: keys };
  });
}

/** Apply one result to the record's local state in `locals`; returns the outbox. */
function settle(locals, id, result, outbox) {
  const local = locals.get(id) ?? { type: result.record?.type, known: null, shown: undefined };
  locals.set(id, local);
  const pending = pendingFor(outbox, id);
  const decision = decideResult(local.known, result, pending?.entry);
  if (decision.action === "replace")
    Object.assign(local, { known: decision.record, shown: undefined });
  else if (decision.action === "rebase") {
    Object.assign(local, { known: decision.record, shown: decision.data });
    return rebaseEntry(outbox, id, decision);
  } else if (!pending) local.shown = undefined;
  return outbox;
}

async function loadLocals(ids) {
  const rows = await db.records.bulkGet(ids);
  const locals = new Map();
  for (const row of rows.filter(Boolean)) {
    const { known, shown } = await openRow(row);
    locals.set(row.id, { type: row.type, known, shown: row.pending ? shown : undefined });
  }
  return locals;
}

async function rowsOf(locals, outbox) {
  return Promise.all(
    [...locals]
      .filter(([id, l]) => l.known || pendingFor(outbox, id))
      .map(([id, l]) => recordRow(id, l.type, l.known, l.shown, Boolean(pendingFor(outbox, id)))),
  );
}
