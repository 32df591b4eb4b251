// The one module that calls fetch for /api. Every call sends `Feltmappe-Client: <version>`,
// JSON in and out; a call that never got an answer (offline, DNS, reset, timeout) throws
// NetworkError, while every answer, errors included, comes back as {status, body, headers}.

/** The app version the server compares with MIN_CLIENT_VERSION. */
export const APP_VERSION = typeof __APP_VERSION__ === "string" ? __APP_VERSION__ : "0.0.0";

const TIMEOUT_MS = 60_000;
const GZIP_FROM = 1024; // bodies above this many characters go gzipped (the server inflates them)

/** A call that reached no server: the caller treats it as "offline", never as an answer. */
export class NetworkError extends Error {
  constructor(message, cause) {
    super(message, { cause });
    this.name = "NetworkError";
  }
}

/**
 * Call the API: `api("POST", "/sync/push", {token, body})` → {status, body, headers}; a file
 * goes as it is with `file: {type, data}` (e.g. a CSV export as text/csv).
 */
export async function api(
  method,
  path,
  { token, body, file, query, headers: extra, timeoutMs = TIMEOUT_MS } = {},
) {
  const headers = { "Feltmappe-Client": APP_VERSION, Accept: "application/json", ...extra };
  if (token) headers.Authorization = `Bearer ${token}`;
  const payload = file
    ? file.data
    : body === undefined
      ? undefined
      : await encodeBody(JSON.stringify(body), headers);
  if (file) headers["Content-Type"] = file.type;
  const url = `/api/v1${path}${query ? `?${new URLSearchParams(query)}` : ""}`;
  const abort = new AbortController();
  const timer = setTimeout(() => abort.abort(), timeoutMs);
  let response;
  try {
    response = await fetch(url, {
      method,
      headers,
      cache: "no-store",
      credentials: "omit",
      signal: abort.signal,
      body: payload,
    });
    const type = response.headers.get("Content-Type") || "";
    const parsed = type.includes("json") ? await response.json() : null;
    return { status: response.status, body: parsed, headers: response.headers };
  } catch (error) {
    if (response && error instanceof SyntaxError) {
      return { status: response.status, body: null, headers: response.headers };
    }
    throw new NetworkError(abort.signal.aborted ? "timeout" : "network unreachable", error);
  } finally {
    clearTimeout(timer);
  }
}

/** A JSON request body, gzipped (with its Content-Encoding) when large and the browser can. */
export async function encodeBody(text, headers) {
  headers["Content-Type"] = "application/json";
  if (text.length <= GZIP_FROM || typeof CompressionStream !== "function") return text;
  headers["Content-Encoding"] = "gzip";
  const stream = new Blob([text]).stream().pipeThrough(new CompressionStream("gzip"));
  return new Response(stream).arrayBuffer();
}

/** GET a file from the API (a PDF): {status, blob (null for an error answer), headers}. */
export async function apiBlob(path, { token, timeoutMs = TIMEOUT_MS } = {}) {
  const headers = { "Feltmappe-Client": APP_VERSION };
  if (token) headers.Authorization = `Bearer ${token}`;
  const abort = new AbortController();
  const timer = setTimeout(() => abort.abort(), timeoutMs);
  try {
    const response = await fetch(`/api/v1${path}`, {
      method: "GET",
      headers,
      cache: "no-store",
      credentials: "omit",
      signal: abort.signal,
    });
    const blob = response.ok ? await response.blob() : null;
    return { status: response.status, blob, headers: response.headers };
  } catch (error) {
    throw new NetworkError(abort.signal.aborted ? "timeout" : "network unreachable", error);
  } finally {
    clearTimeout(timer);
  }
}

/** The problem slug of an error answer (`/problems/device-revoked` → "device-revoked"). */
export function problemSlug(body) {
  const type = body && typeof body.type === "string" ? body.type : "";
  return type.slice(type.lastIndexOf("/") + 1);
}
