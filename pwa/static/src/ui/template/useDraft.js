// Autosave for a form: edits wait in memory for a moment, then `save(batch)` writes them
// (one local transaction). Rules:
// - An edit is keyed ("f:comment", "a:tasks.<row>.task"); a newer edit of the same key
//   replaces the waiting one. The form shows stored data with the waiting edits on top.
// - Saves run one after the other; an edit made while a save runs waits for the next.
// - A saved edit stays on top until the form sees it in the stored data (prune), so
//   the fields never flash back to the older value while the store re-reads.
// - Waiting edits are written at once when the page is hidden or closed and when the
//   form goes away, so nothing typed is lost when the tablet sleeps.
import { useEffect, useRef, useState } from "preact/hooks";
import { deviceError } from "../labels.js";

/** {pending: Map, edit(key, entry, now?), flush(), prune(isStored), state} for a form that saves with `save(batch)`. */
export function useDraft(save, delay = 600) {
  const pending = useRef(new Map());
  const chain = useRef(Promise.resolve());
  const timer = useRef(null);
  const saveRef = useRef(save);
  saveRef.current = save;
  const [, setVersion] = useState(0);
  const [state, setState] = useState("");

  function flush() {
    clearTimeout(timer.current);
    timer.current = null;
    const batch = new Map([...pending.current].filter(([, entry]) => !entry.saved));
    if (batch.size === 0) return chain.current;
    setState("saving");
    chain.current = chain.current.then(() => saveRef.current(batch)).then(() => {
      for (const [key, entry] of batch) if (pending.current.get(key) === entry) entry.saved = true;
      setVersion((v) => v + 1);
      setState("saved");
    }, (failure) => setState(deviceError(failure)));
    return chain.current;
  }

  function edit(key, entry, now = false) {
    pending.current.set(key, entry);
    setVersion((v) => v + 1);
    setState("");
    clearTimeout(timer.current);
    if (now) flush();
    else timer.current = setTimeout(flush, delay);
  }

  useEffect(() => {
    const hidden = () => { if (document.visibilityState === "hidden") flush(); };
    window.addEventListener("pagehide", flush);
    document.addEventListener("visibilitychange", hidden);
    return () => {
      window.removeEventListener("pagehide", flush);
      document.removeEventListener("visibilitychange", hidden);
      flush();
    };
  }, []);

  /** Forget saved edits the stored data now shows (`isStored(entry)`). */
  function prune(isStored) {
    for (const [key, entry] of pending.current) if (entry.saved && isStored(entry)) pending.current.delete(key);
  }

  return { pending: pending.current, edit, flush, prune, state };
}

/** The Danish words for a draft's save state. */
export function saveStateText(state) {
  if (state === "saving") return "Gemmer …";
  if (state === "saved") return "Gemt på enheden";
  return state;
}
