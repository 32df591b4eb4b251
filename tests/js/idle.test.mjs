// The idle lock's clock (ui/idle.js): warning 30 s before the lock, decisions from timestamps.
import assert from "node:assert/strict";
import { describe, test } from "node:test";

import { WARNING_MS, idleLimitMs, idleStep, secondsLeft } from "../../pwa/static/src/ui/idle.js";

const FIVE_MIN = 5 * 60_000;

describe("idleStep", () => {
  test("active until 30 seconds before the idle time, then a warning, then the lock", () => {
    assert.deepEqual(idleStep(1000, 1000, FIVE_MIN), {
      state: "active",
      wakeIn: FIVE_MIN - WARNING_MS,
    });
    assert.deepEqual(idleStep(1000 + FIVE_MIN - WARNING_MS - 1, 1000, FIVE_MIN), {
      state: "active",
      wakeIn: 1,
    });
    assert.deepEqual(idleStep(1000 + FIVE_MIN - WARNING_MS, 1000, FIVE_MIN), {
      state: "warning",
      wakeIn: WARNING_MS,
    });
    assert.deepEqual(idleStep(1000 + FIVE_MIN - 1, 1000, FIVE_MIN), {
      state: "warning",
      wakeIn: 1,
    });
    assert.deepEqual(idleStep(1000 + FIVE_MIN, 1000, FIVE_MIN), { state: "lock", wakeIn: 0 });
  });

  test("a timer that fires late (a sleeping tablet) still locks", () => {
    assert.equal(idleStep(10 * 60 * 60_000, 0, FIVE_MIN).state, "lock");
  });

  test("a clock that went backwards counts as no idle time", () => {
    assert.equal(idleStep(0, 5000, FIVE_MIN).state, "active");
  });

  test("an idle time shorter than the warning warns at once", () => {
    assert.deepEqual(idleStep(0, 0, 10_000), { state: "warning", wakeIn: 10_000 });
  });
});

describe("secondsLeft", () => {
  test("rounds up and never goes below zero", () => {
    assert.equal(secondsLeft(1000 + FIVE_MIN - WARNING_MS, 1000, FIVE_MIN), 30);
    assert.equal(secondsLeft(1000 + FIVE_MIN - 100, 1000, FIVE_MIN), 1);
    assert.equal(secondsLeft(FIVE_MIN * 2, 0, FIVE_MIN), 0);
  });
});

test("hand-over mode waits 15 minutes whatever the setting; otherwise the setting counts", () => {
  assert.equal(idleLimitMs(5, false), FIVE_MIN);
  assert.equal(idleLimitMs(1, true), 15 * 60_000);
  assert.equal(idleLimitMs(15, false), 15 * 60_000);
  assert.equal(idleStep(10 * 60_000, 0, idleLimitMs(5, true)).state, "active");
  assert.equal(idleStep(10 * 60_000, 0, idleLimitMs(5, false)).state, "lock");
});
