// Autosave for a form: edits wait in memory for a moment, then `save(batch)` writes them
// (one local transaction). Rules:
// - An edit is keyed ("f:comment", "a:tasks.<row>.task"); a newer edit of the same key
//   replaces the waiting one. The form shows stored data with the waiting edits on top.
// - Saves run one after the other; an edit made while a save runs waits for the next.
// - A saved edit stays on top until the form sees it in the stored data (prune), so
//   the fields never flash back to the older value while the store re-reads.
// - Waiting edits are written at once when the page is hidden or closed and when the
//   form goes away, so nothing typed is lost when the tablet sleeps.
// - With `rescue` (() → {type, id, changes} or null), every edit also keeps a sealed copy
//   of the unsaved changes (store/rescue.js) until a save covers it.
// - When a pull changes the stored record under a waiting text edit, the edit is rebased
//   (ui/textRebase.js), so the next save never overwrites a colleague's edit.
import { useEffect, useRef, useState } from "preact/hooks";
import { deviceError } from "../labels.js";
import { keepRescue, rescueCovered, rescueSeq } from "../../store/rescue.js";
import { rebaseText } from "../textRebase.js";

/** {pending: Map, edit(key, entry, now?), flush(), prune(isStored), follow(…), state} for a form that saves with `save(batch)`. */
export function useDraft(save, { delay = 600, rescue = null } = {}) {
  const pending = useRef(new Map());
  const chain = useRef(Promise.resolve());
  const timer = useRef(null);
  const written = useRef(new Map());
  const seen = useRef(null);
  const saveRef = useRef(save);
  saveRef.current = save;
  const rescueRef = useRef(rescue);
  rescueRef.current = rescue;
  const [, setVersion] = useState(0);
  const [state, setState] = useState("");

  function flush() {
    clearTimeout(timer.current);
    timer.current = null;
    const batch = new Map([...pending.current].filter(([, entry]) => !entry.saved));
    if (batch.size === 0) return chain.current;
    setState("saving");
    const copy = rescueRef.current?.();
    const seq = copy ? rescueSeq(copy.id) : 0;
    chain.current = chain.current
      .then(() => saveRef.current(batch))
      .then(
        () => {
          if (copy) rescueCovered(copy.id, seq);
          for (const [key, entry] of batch) {
            written.current.set(key, entry.value);
            if (pending.current.get(key) === entry) entry.saved = true;
          }
          setVersion((v) => v + 1);
          setState("saved");
        },
        (failure) => setState(deviceError(failure)),
      );
    return chain.current;
  }

  function edit(key, entry, now = false) {
    if (!pending.current.has(key)) written.current.delete(key);
    pending.current.set(key, entry);
    const copy = rescueRef.current?.();
    if (copy) keepRescue(copy.type, copy.id, copy.changes);
    setVersion((v) => v + 1);
    setState("");
    clearTimeout(timer.current);
    if (now) flush();
    else timer.current = setTimeout(flush, delay);
  }

  useEffect(() => {
    const hidden = () => {
      if (document.visibilityState === "hidden") flush();
    };
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
    for (const [key, entry] of pending.current)
      if (entry.saved && isStored(entry)) pending.current.delete(key);
  }

  /**
   * The stored record is now `rev` with `data`: when that is a change (a pull), rebase the
   * waiting edits `isText(entry)` accepts; `read(data, entry)` is an entry's stored value.
   */
  function follow(rev, data, read, isText) {
    const before = seen.current;
    seen.current = { rev, data };
    if (!before || before.rev === rev || !before.data || !data) return;
    let changed = false;
    for (const [key, entry] of pending.current) {
      if (!isText(entry)) continue;
      const stored = read(data, entry) ?? "";
      const base = written.current.has(key)
        ? written.current.get(key)
        : (read(before.data, entry) ?? "");
      const value = rebaseText(base, stored, entry.value);
      if (value === entry.value) continue;
      pending.current.set(key, { ...entry, value, saved: value === stored });
      changed = true;
    }
    if (changed) {
      setVersion((v) => v + 1);
      clearTimeout(timer.current);
      timer.current = setTimeout(flush, delay);
    }
  }

  return { pending: pending.current, edit, flush, prune, follow, state };
}

/** The Danish words for a draft's save state. */
export function saveStateText(state) {
  if (state === "saving") return "Gemmer …";
  if (state === "saved") return "Gemt på enheden";
  return state;
}
