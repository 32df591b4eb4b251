// The overview's periods and Målstyring's pace (ui/team/periods.js).
import assert from "node:assert/strict";
import { test } from "node:test";
import { expectedByNow, isoWeek, periodOf } from "../../pwa/static/src/ui/team/periods.js";

const PERIODS = [
  ["week", "2026-03-04", "2026-03-02", "2026-03-08"],
  ["week", "2026-03-08", "2026-03-02", "2026-03-08"],
  ["month", "2026-02-10", "2026-02-01", "2026-02-28"],
  ["quarter", "2026-05-31", "2026-04-01", "2026-06-30"],
  ["year", "2026-12-31", "2026-01-01", "2026-12-31"],
];

for (const [kind, today, from, to] of PERIODS) {
  test(`${kind} of ${today}`, () => assert.deepEqual(periodOf(kind, today), { from, to }));
}

test("the pace of a yearly target", () => {
  assert.equal(expectedByNow(365, 2026, "2026-01-01"), 1);
  assert.equal(expectedByNow(365, 2026, "2026-07-02"), 183);
  assert.equal(expectedByNow(400, 2025, "2026-03-01"), 400);
});

test("ISO weeks", () => {
  assert.equal(isoWeek("2026-01-01"), "2026-W01");
  assert.equal(isoWeek("2027-01-01"), "2026-W53");
  assert.equal(isoWeek("2026-03-15"), "2026-W11");
});
