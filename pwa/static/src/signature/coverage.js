// Which signatures cover an agreement's current content, and what follows from it.
// Rules (docs/domain.md "agreement", "signature"):
// - The covered object is {template_key, template_version, content}; a key the agreement
//   lacks is left out, exactly as the server does (server/services/rules.py covered_hash).
// - A signature covers the agreement while its content_sha256 equals the hash of the
//   agreement's current covered object. Coverage is derived, never stored.
// - One covering signature locks the content. A signature that does not cover it signed
//   another version: the app shows "afviger" with both versions; nothing is merged.
// Pure: no DOM, storage or network (WebCrypto for the hash).
import { contentSha256 } from "./hash.js";

const COVERED_KEYS = ["template_key", "template_version", "content"];

/** The covered object of an agreement's data. */
export function coveredObject(agreement) {
  const covered = {};
  for (const key of COVERED_KEYS) if (agreement?.[key] !== undefined) covered[key] = agreement[key];
  return covered;
}

/** The hex SHA-256 of an agreement's covered object (a promise). */
export function coveredHash(agreement) {
  return contentSha256(coveredObject(agreement));
}

/**
 * Split signature data by the current hash: {covering, other, locked, deviates}. `locked`:
 * one signature covers the content; `deviates`: a signature covers another version.
 */
export function coverage(currentHash, signatures) {
  const covering = signatures.filter((s) => s.content_sha256 === currentHash);
  const other = signatures.filter((s) => s.content_sha256 !== currentHash);
  return { covering, other, locked: covering.length > 0, deviates: other.length > 0 };
}

/** The roles of a template's `roles` still without a covering signature (required first). */
export function missingRoles(roles, covering) {
  const signed = new Set(covering.map((s) => s.role));
  return (roles ?? []).filter((r) => !signed.has(r.role));
}

/** Whether every required role has a covering signature. */
export function fullySigned(roles, covering) {
  return missingRoles(roles, covering).every((r) => !r.required);
}

/** The content item ids whose values differ between two contents (canonical comparison). */
export function changedItems(before, after) {
  const ids = new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})]);
  return [...ids].filter((id) => !sameValue(before?.[id], after?.[id])).sort();
}

function sameValue(a, b) {
  const empty = (v) => v === undefined || v === null || v === "";
  if (empty(a) && empty(b)) return true;
  return JSON.stringify(sortKeys(a)) === JSON.stringify(sortKeys(b));
}

function sortKeys(value) {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value && typeof value === "object") {
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((k) => [k, sortKeys(value[k])]),
    );
  }
  return value;
}

/** The hash grouped for reading aloud: "3f2a 91c0 7b1e 44d2 …" (the first 16 hex digits). */
export function shortHash(hex) {
  if (!hex) return "";
  return `${hex
    .slice(0, 16)
    .match(/.{1,4}/g)
    .join(" ")} …`;
}
