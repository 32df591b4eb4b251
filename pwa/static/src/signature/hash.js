// Content hashes for signatures: SHA-256 (hex) of the RFC 8785 canonical JSON of a value,
// the same as the server's server.schemas.records.canonical_sha256.
//
// - Canonical JSON (RFC 8785 / JCS): object keys sorted by UTF-16 code units, no
//   whitespace, numbers as ECMAScript prints them (1e+21, 0.1, -0 as 0), strings as
//   JSON.stringify escapes them. NaN, Infinity, lone surrogates and a value without a
//   JSON form (undefined) throw; members holding undefined are left out, as in JSON.
// - WebCrypto only (browsers in a secure context, Node 20): no other dependency.

import canonicalize from "canonicalize";

/** The RFC 8785 canonical JSON text of `value`. */
export function canonicalJson(value) {
  const text = canonicalize(value);
  if (typeof text !== "string") throw new TypeError("value has no JSON form");
  return text;
}

/** Hex SHA-256 of the canonical JSON of `value` (a promise). */
export async function contentSha256(value) {
  const bytes = new TextEncoder().encode(canonicalJson(value));
  const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", bytes));
  return Array.from(digest, (byte) => byte.toString(16).padStart(2, "0")).join("");
}
