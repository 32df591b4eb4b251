// Rescue copies: what the user typed survives the app being closed mid-sentence, before
// the autosave's IndexedDB write has finished (a write takes a few milliseconds; closing a
// tab or a tablet killing the app does not wait). Rules:
// - On every edit the form's unsaved changes ({field: value}) are sealed with the data key
//   (context "rescue:<id>") and put in localStorage under "feltmappe.rescue.<id>": a
//   synchronous write that the browser keeps when the page dies right after. Only sealed
//   bytes are stored, never clear text.
// - Once a write to the store covers the newest edit, the copy is removed; a seal that
//   finishes after that is not stored (so a copy is never older than the store).
// - After unlock (main.jsx), every copy is applied with saveRecord and
//   removed; one that no longer decrypts (another login, erased data) is removed.
import { saveRecord } from "./records.js";
import { Locked, seal, unseal } from "./keyring.js";

const PREFIX = "feltmappe.rescue.";
const state = new Map(); // record id → {kept: newest seq, covered: newest seq written}

function toBase64(bytes) {
  let text = "";
  for (let i = 0; i < bytes.length; i += 0x8000)
    text += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(text);
}

function fromBase64(text) {
  return Uint8Array.from(atob(text), (c) => c.charCodeAt(0));
}

function entry(id) {
  if (!state.has(id)) state.set(id, { kept: 0, covered: 0 });
  return state.get(id);
}

/** Keep a sealed copy of a record's unsaved changes; returns the edit's sequence number. */
export function keepRescue(type, id, changes) {
  const current = entry(id);
  const seq = ++current.kept;
  seal({ type, id, changes }, `rescue:${id}`).then(
    (bytes) => {
      if (seq === current.kept && current.covered < seq)
        localStorage.setItem(PREFIX + id, toBase64(bytes));
    },
    () => null,
  );
  return seq;
}

/** The newest sequence number kept for a record (taken when a write starts). */
export function rescueSeq(id) {
  return entry(id).kept;
}

/** A write covering edits up to `seq` is stored: drop the copy unless newer edits exist. */
export function rescueCovered(id, seq) {
  const current = entry(id);
  current.covered = Math.max(current.covered, seq);
  if (current.covered >= current.kept) localStorage.removeItem(PREFIX + id);
}

async function recoverOne(key) {
  const id = key.slice(PREFIX.length);
  const stored = localStorage.getItem(key);
  if (!stored) return;
  let copy;
  try {
    copy = await unseal(fromBase64(stored), `rescue:${id}`);
  } catch (error) {
    if (error instanceof Locked) return;
    localStorage.removeItem(key);
    return;
  }
  if (localStorage.getItem(key) !== stored) return;
  await saveRecord(copy.type, copy.id, copy.changes);
  if (localStorage.getItem(key) === stored) localStorage.removeItem(key);
}

/** Apply the rescue copies to the store and remove them (after unlock). */
export async function recoverRescues() {
  const keys = Object.keys(localStorage).filter((k) => k.startsWith(PREFIX));
  for (const key of keys) {
    try {
      await recoverOne(key);
    } catch (error) {
      console.error("a rescue copy could not be applied yet", error);
    }
  }
}

/** Remove every rescue copy (the device is erased: they could never be opened again). */
export function clearRescues() {
  Object.keys(localStorage)
    .filter((k) => k.startsWith(PREFIX))
    .forEach((k) => localStorage.removeItem(k));
}
