// Encryption at rest with WebCrypto (docs/architecture.md "Keys on the device"):
// - a random AES-GCM 256 data key encrypts every stored value;
// - the data key is stored only wrapped (AES-KW) by keys derived from a secret
//   (PBKDF2-SHA256, 600,000 iterations, a random 16-byte salt per wrapping);
// - every write uses a fresh random 12-byte IV; the IV is stored in front of the
//   ciphertext, and a context string (e.g. "record:<id>") is bound in as additional
//   data, so a ciphertext copied onto another row does not decrypt.

/** PBKDF2-SHA256 iterations for a new wrapping (stored with it, so it can grow later). */
export const PBKDF2_ITERATIONS = 600_000;
const subtle = globalThis.crypto.subtle;
const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** A wrong secret: the wrapped data key did not unwrap. */
export class WrongSecret extends Error {
  constructor() {
    super("wrong secret");
    this.name = "WrongSecret";
  }
}

/** Random bytes from the platform's CSPRNG. */
export function randomBytes(length) {
  return globalThis.crypto.getRandomValues(new Uint8Array(length));
}

/** The key-encryption key derived from a secret (PBKDF2-SHA256 → AES-KW 256). */
export async function deriveWrappingKey(secret, salt, iterations = PBKDF2_ITERATIONS) {
  const material = await subtle.importKey("raw", encoder.encode(secret), "PBKDF2", false, [
    "deriveKey",
  ]);
  return subtle.deriveKey(
    { name: "PBKDF2", hash: "SHA-256", salt, iterations },
    material,
    { name: "AES-KW", length: 256 },
    false,
    ["wrapKey", "unwrapKey"],
  );
}

/** A new random data key (AES-GCM 256); extractable only so it can be wrapped again. */
export function newDataKey() {
  return subtle.generateKey({ name: "AES-GCM", length: 256 }, true, ["encrypt", "decrypt"]);
}

/** The data key wrapped by a key-encryption key (AES-KW), as bytes. */
export async function wrapDataKey(dataKey, wrappingKey) {
  return new Uint8Array(await subtle.wrapKey("raw", dataKey, wrappingKey, "AES-KW"));
}

/** The data key from its wrapped bytes; throws WrongSecret when the wrapping key is wrong. */
export async function unwrapDataKey(wrapped, wrappingKey) {
  try {
    return await subtle.unwrapKey(
      "raw",
      wrapped,
      wrappingKey,
      "AES-KW",
      { name: "AES-GCM", length: 256 },
      true,
      ["encrypt", "decrypt"],
    );
  } catch {
    throw new WrongSecret();
  }
}

/** Encrypt a JSON value: bytes = IV (12) ‖ AES-GCM ciphertext, bound to `context`. */
export async function encryptJSON(key, value, context) {
  const iv = randomBytes(12);
  const sealed = await subtle.encrypt(
    { name: "AES-GCM", iv, additionalData: encoder.encode(context) },
    key,
    encoder.encode(JSON.stringify(value)),
  );
  const out = new Uint8Array(12 + sealed.byteLength);
  out.set(iv);
  out.set(new Uint8Array(sealed), 12);
  return out;
}

/** Decrypt what encryptJSON wrote under the same key and context. */
export async function decryptJSON(key, bytes, context) {
  const plain = await subtle.decrypt(
    { name: "AES-GCM", iv: bytes.subarray(0, 12), additionalData: encoder.encode(context) },
    key,
    bytes.subarray(12),
  );
  return JSON.parse(decoder.decode(plain));
}
