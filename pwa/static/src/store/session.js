// The session: login, unlock, re-login, lock and wipe; the data key itself is store/keyring.js.
// Rules (docs/architecture.md "Keys on the device"):
// - The first login (network needed) makes a random data key and stores it only wrapped,
//   in meta rows "wrap:<kind>" = {salt, iterations, wrapped}: "password" at login, "pin"
//   when the user chooses a device PIN (asked after login and after a password unlock
//   without a PIN). Both wrap the same key, so no record needs re-encrypting.
// - Wrong secrets are counted in the clear meta row "tries" = {pin, password}: ten wrong
//   PINs in a row delete "wrap:pin" (the password is then needed); five wrong passwords
//   erase the database, and the fifth try needs {confirmErase: true}. Success resets both.
// - A later start is LOCKED until a secret unwraps the key; nothing personal is readable
//   before. Token, device id, user and username live in meta row "session", encrypted.
// - A 401 asks for the password again (relogin) and keeps every table; the login then
//   sends the old device_id. A remote wipe or a logout deletes the whole database.
import { observable } from "../observable.js";
import {
  PBKDF2_ITERATIONS,
  deriveWrappingKey,
  newDataKey,
  randomBytes,
  WrongSecret,
  unwrapDataKey,
  wrapDataKey,
} from "./crypto.js";
import { db, eraseDatabase } from "./db.js";
import { forgetKey, holdKey, openMeta, requireKey, sealMeta } from "./keyring.js";
import { pinProblem } from "./pinRules.js";
import { clearRescues } from "./rescue.js";
import { LoginError, serverLogin, serverLogout } from "../net/serverLogin.js";

export { LoginError };

/** Wrong PINs in a row that delete the PIN wrapping. */
export const MAX_PIN_TRIES = 10;
/** Wrong passwords in a row that erase all local data. */
export const MAX_PASSWORD_TRIES = 5;
const NO_TRIES = { pin: 0, password: 0 };

/**
 * phase: "starting" | "login" | "locked" | "ready"; relogin: a 401 wants the password;
 * hasPin: a PIN wrapping exists; needsPin: unlocked but a PIN must be chosen;
 * tries: wrong {pin, password} in a row; pinDeleted: the last wrong PIN deleted the PIN.
 */
export const sessionState = observable({
  phase: "starting",
  relogin: false,
  user: null,
  notice: "",
  hasPin: false,
  needsPin: false,
  tries: NO_TRIES,
  pinDeleted: false,
});

const ERASED =
  "Der blev skrevet forkert adgangskode for mange gange, så alle lokale data er slettet. Log ind igen.";

/** The fifth wrong password would erase the data: the caller must confirm it first. */
export class EraseUnconfirmed extends Error {
  constructor() {
    super("erase not confirmed");
    this.name = "EraseUnconfirmed";
  }
}

/** Decide the first screen: locked when a wrapped key is stored, else the login. */
export async function startSession() {
  const [wrapping, pin, tries] = await Promise.all([
    db.meta.get("wrap:password"),
    db.meta.get("wrap:pin"),
    readTries(),
  ]);
  sessionState.set({ phase: wrapping ? "locked" : "login", hasPin: Boolean(pin), tries });
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
  holdKey(key);
  sessionState.set({
    phase: "ready",
    relogin: false,
    user: answer.user,
    notice: "",
    hasPin: false,
    needsPin: true,
    tries: NO_TRIES,
    pinDeleted: false,
  });
}

/**
 * Unlock offline with "pin" or "password"; a wrong one throws WrongSecret and is counted
 * (see the rules above). The fifth password try throws EraseUnconfirmed unless confirmed.
 */
export async function unlock(kind, secret, { confirmErase = false } = {}) {
  const tries = await readTries();
  if (kind === "password" && tries.password >= MAX_PASSWORD_TRIES - 1 && !confirmErase) {
    throw new EraseUnconfirmed();
  }
  const key = await openWrapping(kind, secret).catch((error) => countWrong(kind, error));
  await db.meta.put({ key: "tries", value: NO_TRIES });
  holdKey(key);
  const session = await currentSession();
  const hasPin = Boolean(await db.meta.get("wrap:pin"));
  sessionState.set({
    phase: "ready",
    user: session.user,
    notice: "",
    hasPin,
    needsPin: !hasPin,
    tries: NO_TRIES,
    pinDeleted: !hasPin && sessionState.get().pinDeleted,
  });
}

/** Whether `pin` is the device PIN (the password while no PIN exists); counts as a try. */
export async function checkPin(pin) {
  const kind = (await db.meta.get("wrap:pin")) ? "pin" : "password";
  try {
    await openWrapping(kind, pin);
  } catch (error) {
    if (!(error instanceof WrongSecret)) throw error;
    if (kind === "pin") await countWrong("pin", error).catch(() => null);
    return false;
  }
  await db.meta.put({ key: "tries", value: NO_TRIES });
  sessionState.set({ tries: NO_TRIES });
  return true;
}

/** Choose the device PIN (unlocked): a second wrapping of the data key. */
export async function setPin(pin) {
  if (pinProblem(pin, pin)) throw new RangeError("pin");
  await db.meta.bulkPut([
    await wrappingRow("pin", requireKey(), pin),
    { key: "tries", value: NO_TRIES },
  ]);
  sessionState.set({ hasPin: true, needsPin: false, tries: NO_TRIES, pinDeleted: false });
}

/** Records with changes not yet sent (readable while locked: a clear flag). */
export function unsentCount() {
  return db.records.where("pending").equals(1).count();
}

/** Forget the key: the app is locked until the next unlock. */
export function lock() {
  if (sessionState.get().phase !== "ready") return;
  forgetKey();
  sessionState.set({ phase: "locked", relogin: false, needsPin: false });
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
  const sameSecret = await unwrapDataKey(row.value.wrapped, wrappingKey).then(
    () => true,
    () => false,
  );
  const rows = [await sealMeta("session", sessionOf(answer, old.username), key)];
  if (!sameSecret) rows.push(await wrappingRow("password", key, password));
  await db.meta.bulkPut(rows);
  sessionState.set({ relogin: false, user: answer.user });
}

/** Erase all local data (remote wipe, logout) and show the login with a notice. */
export async function wipe(notice = "") {
  forgetKey();
  clearRescues();
  await eraseDatabase();
  sessionState.set({
    phase: "login",
    relogin: false,
    user: null,
    notice,
    hasPin: false,
    needsPin: false,
    tries: NO_TRIES,
    pinDeleted: false,
  });
}

/** Tell the server this device logs out (best effort), then erase all local data. */
export async function logout() {
  const { token } = await currentSession();
  await serverLogout(token);
  await wipe();
}

/** The stored session {token, device_id, user, username}, decrypted. */
export async function currentSession() {
  return openMeta(await db.meta.get("session"));
}

function sessionOf(answer, username) {
  return { token: answer.token, device_id: answer.device_id, user: answer.user, username };
}

async function readTries() {
  return (await db.meta.get("tries"))?.value ?? NO_TRIES;
}

async function openWrapping(kind, secret) {
  const row = await db.meta.get(`wrap:${kind}`);
  if (!row) throw new WrongSecret();
  const wrappingKey = await deriveWrappingKey(secret, row.value.salt, row.value.iterations);
  return unwrapDataKey(row.value.wrapped, wrappingKey);
}

/** Count a wrong secret (rethrowing it); the tenth PIN deletes the PIN, the fifth password erases. */
async function countWrong(kind, error) {
  if (!(error instanceof WrongSecret)) throw error;
  const tries = { ...(await readTries()) };
  tries[kind] += 1;
  if (kind === "password" && tries.password >= MAX_PASSWORD_TRIES) {
    await wipe(ERASED);
    throw error;
  }
  const pinDeleted = kind === "pin" && tries.pin >= MAX_PIN_TRIES;
  if (pinDeleted) {
    tries.pin = 0;
    await db.transaction("rw", db.meta, () =>
      Promise.all([db.meta.delete("wrap:pin"), db.meta.put({ key: "tries", value: tries })]),
    );
    sessionState.set({ hasPin: false, tries, pinDeleted: true });
    lock();
  } else {
    await db.meta.put({ key: "tries", value: tries });
    sessionState.set({ tries });
  }
  throw error;
}

async function wrappingRow(kind, key, secret) {
  const salt = randomBytes(16);
  const wrapped = await wrapDataKey(key, await deriveWrappingKey(secret, salt));
  return { key: `wrap:${kind}`, value: { salt, iterations: PBKDF2_ITERATIONS, wrapped } };
}
