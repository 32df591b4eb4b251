// Registers the service worker (/sw.js, root scope) with workbox-window and manages updates.
// Rules: a new version never takes over by itself (sw.js waits for SKIP_WAITING). The app
// shows "Ny version klar"; on "Opdatér" it first waits until every local write has
// committed to IndexedDB (the outbox lives there, so it survives the reload), then tells
// the waiting worker to activate and reloads once it controls the page. Another tab that
// activated the new version only makes this tab offer the reload, never force it.
import { Workbox } from "workbox-window";
import { observable } from "./observable.js";
import { writesSettled } from "./store/outbox.js";

/** {waiting: a new version is ready, activating: the update is under way}. */
export const updateState = observable({ waiting: false, activating: false });

let workbox = null;
let reloadOnly = false;

/** Register /sw.js (no-op where service workers are unavailable). */
export function registerServiceWorker() {
  if (!("serviceWorker" in navigator)) return;
  workbox = new Workbox("/sw.js");
  workbox.addEventListener("waiting", () => updateState.set({ waiting: true }));
  workbox.addEventListener("controlling", () => {
    if (updateState.get().activating) window.location.reload();
    else {
      reloadOnly = true;
      updateState.set({ waiting: true });
    }
  });
  workbox.register().catch(() => null);
}

/** Look for a new version (called with each sync round). */
export function checkForUpdate() {
  if (workbox) workbox.update().catch(() => null);
}

/** Activate the waiting version once local writes are stored, then reload. */
export async function applyUpdate() {
  updateState.set({ activating: true });
  await writesSettled();
  if (reloadOnly) window.location.reload();
  else workbox.messageSkipWaiting();
}
