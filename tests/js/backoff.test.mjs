// Retry timing: exponential backoff with full jitter, and Retry-After.
import assert from "node:assert/strict";
import { test } from "node:test";

import { nextDelay, retryAfter } from "../../pwa/static/src/sync/backoff.js";

test("the ceiling doubles per attempt up to the maximum", () => {
  const top = (attempt) => nextDelay(attempt, { random: () => 0.999999 });
  assert.deepEqual(
    [0, 1, 2, 3, 8, 9, 50, 5000].map(top),
    [999, 1999, 3999, 7999, 255999, 299999, 299999, 299999],
  );
});

test("full jitter spreads the delay over the whole range", () => {
  assert.equal(nextDelay(3, { random: () => 0 }), 0);
  assert.equal(nextDelay(3, { random: () => 0.5 }), 4000);
  assert.equal(nextDelay(2, { base: 100, max: 250, random: () => 0.5 }), 125);
});

test("random jitter stays within bounds", () => {
  for (let attempt = 0; attempt < 20; attempt += 1) {
    const delay = nextDelay(attempt);
    assert.ok(
      Number.isInteger(delay) && delay >= 0 && delay < Math.min(300_000, 1000 * 2 ** attempt),
      `${delay}`,
    );
  }
});

test("Retry-After in seconds or as an HTTP-date", () => {
  const now = Date.parse("Wed, 21 Oct 2015 07:28:00 GMT");
  assert.equal(retryAfter("120", now), 120_000);
  assert.equal(retryAfter(" 0 ", now), 0);
  assert.equal(retryAfter("Wed, 21 Oct 2015 07:29:30 GMT", now), 90_000);
  assert.equal(retryAfter("Wed, 21 Oct 2015 07:00:00 GMT", now), 0);
});

test("an unreadable Retry-After is ignored", () => {
  for (const value of [null, undefined, "", "-5", "1.5", "soon", "2015-10-21"])
    assert.equal(retryAfter(value), null, value);
});
