// The session: the unlocked data key (in memory only), login, unlock, re-login, wipe.
// Rules (ARCHITECTURE.md "Keys on the device"):
// - The first login (network needed) makes a random data key and stores it only wrapped,
//   in meta row "wrap:<kind>" = {salt, iterations, wrapped}. Today the kind is "password";
//   the PIN of issue 7 becomes a second row "wrap:pin" (wrappingRow("pin", key, pin)) of the
//   same key, and unlock("pin", …) opens it: no record needs re-encrypting.
// - A later start is LOCKED until a secret unwraps the key; nothing personal is readable
//   before. Token, device id, user and username live in meta row "session", encrypted.
// - A 401 asks for the password again (relogin) and keeps every table; the login then
//   sends the old device_id. A remote wipe or a logout deletes the whole database.
import { api, NetworkError, problemSlug } from "../transport.js";
import { observable } from "../observable.js";
import {
  PBKDF2_ITERATIONS, decryptJSON, deriveWrappingKey, encryptJSON, newDataKey, randomBytes,
  unwrapDataKey, wrapDataKey,
} from "./crypto.js";
import { db, eraseDatabase } from "./db.js";

/** phase: "starting" | "login" | "locked" | "ready"; relogin: a 401 wants the password. */
export const sessionState = observable({ phase: "starting", relogin: false, user: null, notice: "" });

let dataKey = null;

/** A login the server or the network refused; `reason` names why, for the message. */
export class LoginError extends Error {
  constructor(reason, retryAfter = 0) {
    super(reason);
    this.name = "LoginError";
    this.reason = reason; // "credentials" | "rate-limited" | "offline" | "outdated" | "server"
    this.retryAfter = retryAfter;
  }
}

/** Raised when stored data is needed while no key is in memory. */
export class Locked extends Error {
  constructor() {
    super("locked");
    this.name = "Locked";
  }
}

/** Decide the first screen: locked when a wrapped key is stored, else the login. */
export async function startSession() {
  const wrapping = await db.meta.get("wrap:password");
  sessionState.set({ phase: wrapping ? "locked" : "login" });
}

/** First login on this device: server login, new data key, wrapped by the password. */
export async function login(username, password) {
  const answer = await serverLogin({ username, password });
  const key = await newDataKey();
  const wrapping = await wrappingRow("password", key, password);
  const session = await sealMeta("session", sessionOf(answer, username), key);
  await db.transaction("rw", db.records, db.outbox, db.meta, db.audit, async () => {
    await Promise.all([db.records.clear(), db.outbox.clear(), db.meta.clear(), db.audit.clear()]);
    await db.meta.bulkPut([wrapping, session]);
  });
  dataKey = key;
  sessionState.set({ phase: "ready", relogin: false, user: answer.user, notice: "" });
}

/** Unlock offline with a secret of the given kind; throws WrongSecret when it is wrong. */
export async function unlock(kind, secret) {
  const row = await db.meta.get(`wrap:${kind}`);
  const wrappingKey = await deriveWrappingKey(secret, row.value.salt, row.value.iterations);
  dataKey = await unwrapDataKey(row.value.wrapped, wrappingKey);
  const session = await currentSession();
  sessionState.set({ phase: "ready", user: session.user, notice: "" });
}

/** Forget the key: the app is locked until the next unlock. */
export function lock() {
  dataKey = null;
  sessionState.set({ phase: "locked", relogin: false });
}

/** The server refused the token (401): ask for the password, keep all data. */
export function requireRelogin() {
  sessionState.set({ relogin: true });
}

/** Log in again with the stored username and device id; rewrap if the password changed. */
export async function relogin(password) {
  const old = await currentSession();
  const answer = await serverLogin({ username: old.username, password, device_id: old.device_id });
  const key = requireKey();
  const row = await db.meta.get("wrap:password");
  const wrappingKey = await deriveWrappingKey(password, row.value.salt, row.value.iterations);
  const sameSecret = await unwrapDataKey(row.value.wrapped, wrappingKey).then(() => true, () => false);
  const rows = [await sealMeta("session", sessionOf(answer, old.username), key)];
  if (!sameSecret) rows.push(await wrappingRow("password", key, password));
  await db.meta.bulkPut(rows);
  sessionState.set({ relogin: false, user: answer.user });
}

/** Erase all local data (remote wipe, logout) and show the login with a notice. */
export async function wipe(notice = "") {
  dataKey = null;
  await eraseDatabase();
  sessionState.set({ phase: "login", relogin: false, user: null, notice });
}

/** Tell the server this device logs out (best effort), then erase all local data. */
export async function logout() {
  const { token } = await currentSession();
  await api("POST", "/auth/logout", { token }).catch(() => null);
  await wipe();
}

/** The stored session {token, device_id, user, username}, decrypted. */
export async function currentSession() {
  return openMeta(await db.meta.get("session"));
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

function requireKey() {
  if (!dataKey) throw new Locked();
  return dataKey;
}

function sessionOf(answer, username) {
  return { token: answer.token, device_id: answer.device_id, user: answer.user, username };
}

async function wrappingRow(kind, key, secret) {
  const salt = randomBytes(16);
  const wrapped = await wrapDataKey(key, await deriveWrappingKey(secret, salt));
  return { key: `wrap:${kind}`, value: { salt, iterations: PBKDF2_ITERATIONS, wrapped } };
}

function deviceName() {
  const platform = navigator.userAgentData?.platform || navigator.platform || "browser";
  return `Feltmappe på ${platform}`.slice(0, 200);
}

async function serverLogin(fields) {
  let answer;
  try {
    answer = await api("POST", "/auth/login", { body: { ...fields, device_name: deviceName() } });
  } catch (error) {
    if (error instanceof NetworkError) throw new LoginError("offline");
    throw error;
  }
  if (answer.status === 200) return answer.body;
  const slug = problemSlug(answer.body);
  if (slug === "unauthorized") throw new LoginError("credentials");
  if (slug === "rate-limited") {
    throw new LoginError("rate-limited", Number(answer.headers.get("Retry-After")) || 60);
  }
  if (slug === "client-outdated") throw new LoginError("outdated");
  throw new LoginError("server");
}
