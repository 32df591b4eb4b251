// The screens' subscription to the local store: a read re-runs when what it read changes
// (Dexie liveQuery), so a screen shows a pulled change without asking the network.
import { liveQuery } from "dexie";
import { useEffect, useState } from "preact/hooks";
import { db } from "../store/db.js";
import { onLocalEdit } from "../store/records.js";
import { syncStatus } from "../sync/status.js";

/** Re-run a Dexie read whenever its tables change; undefined until the first result. */
export function useQuery(read, deps) {
  const [state, setState] = useState({ deps, value: undefined });
  useEffect(() => {
    const subscription = liveQuery(read).subscribe({
      next: (value) => setState({ deps, value }),
      error: (error) => console.error("local read failed", error),
    });
    return () => subscription.unsubscribe();
  }, deps);
  return sameDeps(state.deps, deps) ? state.value : undefined;
}

/**
 * Like useQuery, for reads that open every row of a type (I dag, Opgaver, the placement
 * counts): the first read and a read after the user's own edit run at once; after other
 * writes (a pull), only once the store has been quiet for `quietMs` (every write bumps the
 * meta row "version"), so a sync storing page after page re-reads once, not once per page.
 * During a pull from the beginning (the progress bar shows) it re-reads once, at its end.
 */
export function useSettledQuery(read, deps, quietMs = 1000) {
  const [state, setState] = useState({ deps, value: undefined });
  useEffect(() => {
    let [timer, stopped, first, held] = [null, false, true, false];
    const run = () =>
      read().then(
        (value) => !stopped && setState({ deps, value }),
        (error) => console.error("local read failed", error),
      );
    const subscription = liveQuery(() => db.meta.get("version")).subscribe({
      next: () => {
        clearTimeout(timer);
        if (first) run();
        else if (syncStatus.get().progress) held = true;
        else timer = setTimeout(run, quietMs);
        first = false;
      },
      error: (error) => console.error("local read failed", error),
    });
    const stopWaiting = syncStatus.subscribe(({ progress }) => {
      if (!held || progress) return;
      held = false;
      clearTimeout(timer);
      run();
    });
    const stopListening = onLocalEdit(() => {
      clearTimeout(timer);
      run();
    });
    return () => {
      stopped = true;
      clearTimeout(timer);
      subscription.unsubscribe();
      stopListening();
      stopWaiting();
    };
  }, deps);
  return sameDeps(state.deps, deps) ? state.value : undefined;
}

function sameDeps(a, b) {
  return a.length === b.length && a.every((value, i) => Object.is(value, b[i]));
}
