// The data key (docs/architecture.md "Keys on the device"): held in memory only while the
// app is unlocked; every stored row is sealed under it, with the row as context
// (store/crypto.js, AES-GCM). store/session.js decides when the key is held and forgotten
// (login, unlock, lock, wipe); the other store modules only seal and unseal.
import { decryptJSON, encryptJSON } from "./crypto.js";

let dataKey = null;
const forgetListeners = new Set();

/** Raised when stored data is needed while no key is in memory. */
export class Locked extends Error {
  constructor() {
    super("locked");
    this.name = "Locked";
  }
}

/** Hold the unwrapped data key in memory (after a login or an unlock). */
export function holdKey(key) {
  dataKey = key;
}

/** Forget the data key (lock, wipe) and tell the modules that keep decrypted data in memory. */
export function forgetKey() {
  dataKey = null;
  forgetListeners.forEach((listener) => listener());
}

/** Call `listener` whenever the key is forgotten; returns the unsubscribe function. */
export function onKeyForgotten(listener) {
  forgetListeners.add(listener);
  return () => forgetListeners.delete(listener);
}

/** The data key in memory; Locked while there is none. */
export function requireKey() {
  if (!dataKey) throw new Locked();
  return dataKey;
}

/** Encrypt a value for a row; `context` names the row (e.g. "record:<id>"). */
export function seal(value, context, key = requireKey()) {
  return encryptJSON(key, value, context);
}

/** Decrypt a value sealed for the same row context. */
export function unseal(bytes, context) {
  return decryptJSON(requireKey(), bytes, context);
}

/** A meta row {key, enc} holding a value encrypted under the data key. */
export async function sealMeta(name, value, key = requireKey()) {
  return { key: name, enc: await seal(value, `meta:${name}`, key) };
}

/** The value of an encrypted meta row (undefined for no row). */
export async function openMeta(row) {
  return row ? unseal(row.enc, `meta:${row.key}`) : undefined;
}
