// The sync client: push the outbox, then pull until has_more is false.
// Rules (PROTOCOL.md 1, 3, 4, 5):
// - Single flight across tabs (Web Locks); runs after unlock, on `online`, every minute,
//   a few seconds after a local edit, and on "Synkronisér nu"; failures retry with
//   exponential backoff and full jitter (sync/backoff.js), or after Retry-After.
// - Push in outbox order: batches from store/coalesce.js, frozen (stored as sent) before
//   they go out; a queued conflict resolution is sent in its place in the order, so the
//   changes before it go first and the changes behind it wait for it.
// - 401 unauthorized/session-expired: stop and ask for the password, keeping every table.
//   401 device-revoked with wipe: erase all local data. 410 resync-required: pull from the
//   beginning, then drop local records that pull did not return unless changes wait.
//   426: tell the user a new version is needed and look for it.
// - After the push, the device's queued audit events go (store/audit.js); after the pull,
//   placements that ended long ago leave the device (store/minimise.js).
import { markSent, nextBatch, toChange } from "../store/coalesce.js";
import { pushQueued } from "../store/audit.js";
import { minimise } from "../store/minimise.js";
import { readOutbox, commit, StorageFull } from "../store/outbox.js";
import { onLocalEdit, requestPersistence } from "../store/records.js";
import { Locked, currentSession, openMeta, requireRelogin, wipe } from "../store/session.js";
import { db } from "../store/db.js";
import { refreshTemplates } from "../store/templates.js";
import { refreshUsers } from "../store/users.js";
import { checkForUpdate } from "../sw-register.js";
import { NetworkError, api, problemSlug } from "../transport.js";
import { nextDelay, retryAfter } from "./backoff.js";
import { applyPage, applyPushResults, applyResolveAnswer, dropResolve, removeUnseen } from "./incoming.js";
import { syncStatus, watchLocalCounts } from "./status.js";

const INTERVAL_MS = 60_000;
const AFTER_EDIT_MS = 5000; // a local edit is pushed this soon when online
const PAGE_LIMIT = 1000;
const MAX_BATCH = 200;
const MAX_PUSHES = 100; // per round: a guard against a server that leaves results out
const WIPED = "Enheden er logget ud fra serveren, og alle lokale data er slettet. Log ind igen.";

/** An answer that stops the round; `slug` is the problem type's last segment. */
class Stop extends Error {
  constructor(answer) {
    super(`HTTP ${answer.status}`);
    this.status = answer.status;
    this.slug = problemSlug(answer.body);
    this.body = answer.body;
    this.retryMs = retryAfter(answer.headers.get("Retry-After"));
  }
}

let started = false;
let timer = null;
let failures = 0;
let running = null;
let again = false;
let stopWatching = [];

/** Start syncing (after unlock): now, on `online`, and every minute. */
export function startSync() {
  if (started) return;
  started = true;
  stopWatching = [watchLocalCounts(), onLocalEdit(pushSoon)];
  window.addEventListener("online", requestSync);
  window.addEventListener("offline", markOffline);
  db.meta.get("last-sync").then((row) => row && syncStatus.set({ lastSyncedAt: row.value, lastOk: true }));
  requestPersistence();
  schedule(0);
}

/** Stop syncing (lock, logout, wipe). */
export function stopSync() {
  if (!started) return;
  started = false;
  clearTimeout(timer);
  stopWatching.forEach((stop) => stop());
  window.removeEventListener("online", requestSync);
  window.removeEventListener("offline", markOffline);
}

/** Sync as soon as possible ("Synkronisér nu", `online`, after re-login). */
export function requestSync() {
  failures = 0;
  if (started) schedule(0);
}

/** Push what can be pushed now (for logout); returns how many changes are still unsent. */
export async function flushOutbox() {
  await runRound();
  const { outbox } = await readOutbox();
  return outbox.length;
}

function pushSoon() {
  if (!started || failures > 0) return;
  if (running) again = true;
  else schedule(AFTER_EDIT_MS);
}

function schedule(delay) {
  clearTimeout(timer);
  timer = setTimeout(async () => {
    const outcome = await runRound();
    if (!started || outcome.stop) return;
    failures = outcome.ok ? 0 : failures + 1;
    const soon = again && outcome.ok;
    again = false;
    if (soon) schedule(AFTER_EDIT_MS);
    else if (outcome.ok) schedule(INTERVAL_MS);
    else schedule(outcome.retryMs ?? nextDelay(failures - 1));
  }, delay);
}

function runRound() {
  if (!running) {
    const round = () => syncRound().finally(() => { running = null; });
    running = navigator.locks ? navigator.locks.request("feltmappe-sync", round) : round();
  }
  return running;
}

function markOffline() {
  syncStatus.set({ online: false });
}

async function syncRound() {
  if (!started) return { stop: true };
  if (!navigator.onLine) {
    markOffline();
    return { ok: false };
  }
  syncStatus.set({ running: true });
  checkForUpdate();
  try {
    const { token } = await currentSession();
    await pushAll(token);
    await pushAudit(token);
    await pullAll(token);
    await refreshTemplates(token);
    await refreshUsers(token);
    await minimise();
    const now = Date.now();
    await db.meta.put({ key: "last-sync", value: now });
    syncStatus.set({ online: navigator.onLine, lastOk: true, lastSyncedAt: now, problem: "", outdated: false });
    return { ok: true };
  } catch (error) {
    return failed(error);
  } finally {
    syncStatus.set({ running: false, progress: null });
  }
}

/** Handle a failed round; a lost network is no failure of the last sync, only a pause. */
async function failed(error) {
  if (error instanceof NetworkError) {
    syncStatus.set({ online: false, problem: "" });
    return { ok: false };
  }
  if (error instanceof Locked) return { stop: true };
  syncStatus.set({ lastOk: false });
  if (error instanceof StorageFull) {
    syncStatus.set({ problem: error.message });
    return { ok: false };
  }
  if (!(error instanceof Stop)) {
    console.error("sync round failed", error);
    syncStatus.set({ problem: "Synkroniseringen fejlede. Appen prøver igen om lidt." });
    return { ok: false };
  }
  syncStatus.set({ online: navigator.onLine });
  if (error.slug === "device-revoked" && error.body?.wipe) {
    stopSync();
    await wipe(WIPED);
    return { stop: true };
  }
  if (error.status === 401) {
    requireRelogin();
    return { stop: true };
  }
  if (error.status === 426) {
    syncStatus.set({ outdated: true });
    checkForUpdate();
    return { ok: false, retryMs: 10 * 60_000 };
  }
  syncStatus.set({ problem: "Serveren svarede med en fejl. Appen prøver igen om lidt." });
  return { ok: false, retryMs: error.retryMs ?? undefined };
}

async function call(method, path, token, options = {}) {
  const answer = await api(method, path, { token, ...options });
  syncStatus.set({ online: navigator.onLine });
  return answer;
}

async function pushAll(token) {
  let max = MAX_BATCH;
  for (let round = 0; round < MAX_PUSHES; round += 1) {
    const batch = await freezeNext(max);
    if (batch.resolve) {
      await sendResolve(token, batch.resolve);
      continue;
    }
    if (!batch.changes.length) return;
    const answer = await call("POST", "/sync/push", token, { body: { changes: batch.changes } });
    if (answer.status === 200) await applyPushResults(answer.body.results);
    else if (answer.status === 413 && batch.changes.length > 1) max = Math.ceil(batch.changes.length / 2);
    else if (answer.status === 413) {
      await applyPushResults([{ mutation_id: batch.changes[0].mutation_id, id: batch.changes[0].id,
        status: "rejected", error: answer.body }]);
    } else throw new Stop(answer);
  }
}

/** Freeze the next push batch (entries before the first queued resolve), or name that resolve. */
function freezeNext(max) {
  return commit(({ outbox }) => {
    const first = outbox.findIndex((e) => e.state === "resolve");
    const before = new Set(first < 0 ? outbox : outbox.slice(0, first));
    const batch = nextBatch(outbox, max).filter((entry) => before.has(entry));
    if (!batch.length) return { result: { changes: [], resolve: first < 0 ? null : outbox[first] } };
    return { outbox: markSent(outbox, batch), result: { changes: batch.map(toChange) } };
  });
}

async function sendResolve(token, entry) {
  const answer = await call("POST", `/conflicts/${entry.recordId}/resolve`, token, { body: entry.body });
  const slug = problemSlug(answer.body);
  if (answer.status === 200) await applyResolveAnswer(entry.seq, answer.body);
  else if (slug === "conflict-resolved") {
    await dropResolve(entry.seq, entry.recordId, { resolved: true, resolution: answer.body.resolution });
  } else if (slug === "conflict-stale") {
    await dropResolve(entry.seq, entry.recordId, { stale: true });
  } else if ([400, 404, 409].includes(answer.status)) {
    await dropResolve(entry.seq, entry.recordId, { problem: answer.body });
  } else throw new Stop(answer);
}

/** Send the device's queued audit events (store/audit.js); they are deleted once accepted. */
async function pushAudit(token) {
  const refused = await pushQueued((events) => call("POST", "/audit/events", token, { body: { events } }));
  if (refused) throw new Stop(refused);
}

async function pullAll(token) {
  let since = await openMeta(await db.meta.get("checkpoint"));
  const fromStart = !since;
  let [seen, resync, done] = [null, false, 0];
  const fetchPage = (from) => {
    const request = call("GET", "/sync/pull", token, { query: { limit: PAGE_LIMIT, ...(from ? { since: from } : {}) } });
    request.catch(() => null); // a prefetch may be abandoned when storing the page before fails
    return request;
  };
  let request = fetchPage(since);
  for (;;) {
    const answer = await request;
    if (answer.status === 410 && since) {
      [since, seen, resync, done] = [undefined, new Set(), true, 0];
      request = fetchPage(since);
      continue;
    }
    if (answer.status !== 200) throw new Stop(answer);
    const page = answer.body;
    if (page.has_more) request = fetchPage(page.checkpoint); // fetch the next page while storing this one
    await applyPage(page, seen);
    since = page.checkpoint;
    if (fromStart || resync) {
      done += page.changes.length;
      const remaining = Number.isInteger(page.remaining) ? page.remaining : null;
      syncStatus.set({ progress: { done, total: remaining === null ? null : done + remaining } });
    }
    if (!page.has_more) break;
  }
  if (resync) await removeUnseen(seen);
}
