// Retry timing for the sync client.
//
// - Exponential backoff with full jitter: attempt n waits a uniformly random time in
//   [0, min(max, base * 2^n)); attempt 0 is the first retry.
// - A `Retry-After` header (RFC 9110 10.2.3: delay-seconds or an HTTP-date) overrides it;
//   an unreadable one is ignored.

/** Milliseconds to wait before retry number `attempt` (0, 1, 2, …). */
export function nextDelay(attempt, { base = 1000, max = 5 * 60_000, random = Math.random } = {}) {
  const ceiling = Math.min(max, base * 2 ** Math.max(0, attempt));
  return Math.floor(random() * ceiling);
}

/** Milliseconds a `Retry-After` header value asks to wait (never negative), or null. */
export function retryAfter(headerValue, now = Date.now()) {
  const value = String(headerValue ?? "").trim();
  if (/^\d+$/.test(value)) return Number(value) * 1000;
  // An HTTP-date names its day and month; Date.parse would also read "1.5" as a date.
  const at = /[a-z]/i.test(value) ? Date.parse(value) : NaN;
  return Number.isNaN(at) ? null : Math.max(0, at - now);
}
