// The sync client: push the outbox, then pull until has_more is false.
// Rules (docs/protocol.md 1, 3, 4, 5):
// - Single flight across tabs (Web Locks); runs after unlock, on `online`, every minute,
//   a few seconds after a local edit, and on "Synkronisér nu"; failures retry with
//   exponential backoff and full jitter (sync/backoff.js), or after Retry-After.
// - Push in outbox order (sync/push.js), then pull pages (sync/pull.js).
// - 401 unauthorized/session-expired: stop and ask for the password, keeping every table.
//   401 device-revoked with wipe: erase all local data. 410 resync-required: pull from the
//   beginning, then drop local records that pull did not return unless changes wait.
//   426: tell the user a new version is needed and look for it.
// - After the push, the device's queued audit events go (store/audit.js); after the pull,
//   placements that ended long ago leave the device (net/minimise.js).
import { minimise } from "../net/minimise.js";
import { readOutbox, StorageFull } from "../store/outbox.js";
import { onLocalEdit, requestPersistence } from "../store/records.js";
import { Locked } from "../store/keyring.js";
import { currentSession, requireRelogin, wipe } from "../store/session.js";
import { db } from "../store/db.js";
import { refreshTemplates } from "../net/templates.js";
import { refreshLists } from "../net/lists.js";
import { refreshUsers } from "../net/users.js";
import { checkForUpdate } from "../sw-register.js";
import { NetworkError } from "../transport.js";
import { nextDelay } from "./backoff.js";
import { pullAll } from "./pull.js";
import { pushAll, pushAudit } from "./push.js";
import { Stop } from "./requests.js";
import { syncStatus, watchLocalCounts } from "./status.js";

const INTERVAL_MS = 60_000;
const AFTER_EDIT_MS = 5000; // a local edit is pushed this soon when online
const WIPED = "Enheden er logget ud fra serveren, og alle lokale data er slettet. Log ind igen.";

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
  db.meta
    .get("last-sync")
    .then((row) => row && syncStatus.set({ lastSyncedAt: row.value, lastOk: true }));
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
    const round = () =>
      syncRound().finally(() => {
        running = null;
      });
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
    await refreshLists(token);
    await refreshUsers(token);
    await minimise();
    const now = Date.now();
    await db.meta.put({ key: "last-sync", value: now });
    syncStatus.set({
      online: navigator.onLine,
      lastOk: true,
      lastSyncedAt: now,
      problem: "",
      outdated: false,
    });
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
