// The observable sync state the UI shows. The sync client writes the network side
// (online, running, last sync, problem, progress); the local store's live counts
// (pending changes, rejected changes, open conflicts) come in through watchLocalCounts.
import { liveQuery } from "dexie";
import { observable } from "../observable.js";
import { localCounts } from "../store/records.js";

/** The state the status bar renders. */
export const syncStatus = observable({
  online: navigator.onLine, // the browser has a network and the server answered last time
  running: false,
  pending: 0,
  rejected: 0,
  conflicts: 0,
  staleDays: 0, // days the oldest unsent change has waited, when that is 3 or more
  lastSyncedAt: null, // epoch ms of the last round that pushed and pulled everything
  lastOk: false,
  problem: "", // a Danish sentence about the last failure, "" when none
  progress: null, // {done, total|null} during a pull from the beginning
  outdated: false, // the server wants a newer app version (426)
});

/** Keep the local counts in syncStatus up to date; returns the function that stops it. */
export function watchLocalCounts() {
  const subscription = liveQuery(localCounts).subscribe({
    next: (counts) => syncStatus.set(counts),
    error: () => null,
  });
  return () => subscription.unsubscribe();
}
