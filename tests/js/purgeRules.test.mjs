// Data minimisation's selection (store/purgeRules.js): what leaves the device and when.
import assert from "node:assert/strict";
import { describe, test } from "node:test";

import { cutoffDate, isEnded, selectPurge } from "../../pwa/static/src/store/purgeRules.js";

const CUTOFF = "2026-08-25";
const placement = (id, data, more = {}) => ({
  id,
  type: "placement",
  pending: false,
  deleted: false,
  refs: [],
  data,
  ...more,
});
const row = (id, type, refs, pending = false) => ({ id, type, refs, pending });
const OLD = placement("p-old", { citizen_id: "c1", end_date: "2026-05-01" });
const NEW = placement("p-new", { citizen_id: "c2", end_date: "2026-11-01" });
const ROWS = [
  row("m1", "meeting", ["p-old", "co"]),
  row("m2", "meeting", ["p-new", "co"]),
  row("a1", "assessment", ["p-old"]),
  row("g1", "agreement", ["p-old"]),
  row("s1", "signature", ["g1"]),
  row("c1", "citizen", []),
  row("c2", "citizen", []),
  row("t1", "task", ["p-old"]),
];

describe("cutoffDate", () => {
  test("counts back calendar days across months and years", () => {
    assert.equal(cutoffDate("2026-11-23", 90), "2026-08-25");
    assert.equal(cutoffDate("2026-01-10", 30), "2025-12-11");
    assert.equal(cutoffDate("2024-03-01", 1), "2024-02-29");
  });
});

describe("isEnded", () => {
  test("only a placement with an end date before the cut-off has ended", () => {
    assert.equal(isEnded(OLD, CUTOFF), true);
    assert.equal(isEnded(NEW, CUTOFF), false);
    assert.equal(isEnded(placement("p", { end_date: CUTOFF }), CUTOFF), false);
    assert.equal(isEnded(placement("p", {}), CUTOFF), false);
    assert.equal(
      isEnded(placement("p", { end_date: "2020-01-01" }, { deleted: true }), CUTOFF),
      false,
    );
  });
});

describe("selectPurge", () => {
  test("removes an old placement with its meetings, assessments, agreements, signatures and citizen", () => {
    const answer = selectPurge({ placements: [OLD, NEW], rows: ROWS, cutoff: CUTOFF });
    assert.deepEqual(new Set(answer.remove), new Set(["p-old", "m1", "a1", "g1", "s1", "c1"]));
    assert.deepEqual(answer.purged["p-old"], { type: "placement", citizen_id: "c1" });
    assert.equal(answer.purged.m1.type, "meeting");
    assert.equal(answer.refetch, false);
  });

  test("keeps the citizen when a kept placement names them", () => {
    const other = placement("p-other", { citizen_id: "c1", end_date: "" });
    const answer = selectPurge({ placements: [OLD, other], rows: ROWS, cutoff: CUTOFF });
    assert.ok(answer.remove.includes("p-old"));
    assert.ok(!answer.remove.includes("c1"));
  });

  test("a pending change anywhere in the group keeps the whole group", () => {
    const rows = ROWS.map((r) => (r.id === "s1" ? { ...r, pending: true } : r));
    const answer = selectPurge({ placements: [OLD, NEW], rows, cutoff: CUTOFF });
    assert.deepEqual(answer.remove, []);
    assert.equal(answer.purged["p-old"], undefined);
    const pendingPlacement = selectPurge({
      placements: [{ ...OLD, pending: true }],
      rows: ROWS,
      cutoff: CUTOFF,
    });
    assert.deepEqual(pendingPlacement.remove, []);
  });

  test("a pending citizen stays while the rest of the group goes", () => {
    const rows = ROWS.map((r) => (r.id === "c1" ? { ...r, pending: true } : r));
    const answer = selectPurge({ placements: [OLD], rows, cutoff: CUTOFF });
    assert.ok(answer.remove.includes("p-old"));
    assert.ok(!answer.remove.includes("c1"));
  });

  test("the agreement being signed in hand-over mode keeps its group", () => {
    const answer = selectPurge({ placements: [OLD], rows: ROWS, cutoff: CUTOFF, keep: ["g1"] });
    assert.deepEqual(answer.remove, []);
  });

  test("a record of a purged group that a later pull brings back goes again", () => {
    const first = selectPurge({ placements: [OLD], rows: ROWS, cutoff: CUTOFF });
    const rows = [
      row("m1", "meeting", ["p-old"]),
      row("s9", "signature", ["g1"]),
      row("c1", "citizen", []),
    ];
    const again = selectPurge({ placements: [], rows, purged: first.purged, cutoff: CUTOFF });
    assert.deepEqual(new Set(again.remove), new Set(["m1", "s9", "c1"]));
    assert.equal(again.refetch, false);
  });

  test("a purged placement that comes back with a later end date is kept and asks for a full pull", () => {
    const first = selectPurge({ placements: [OLD], rows: ROWS, cutoff: CUTOFF });
    const extended = placement("p-old", { citizen_id: "c1", end_date: "2027-01-01" });
    const answer = selectPurge({
      placements: [extended],
      rows: [],
      purged: first.purged,
      cutoff: CUTOFF,
    });
    assert.deepEqual(answer.remove, []);
    assert.equal(answer.refetch, true);
    assert.equal(answer.purged["p-old"], undefined);
    assert.equal(answer.purged.c1, undefined);
  });

  test("a purged citizen named by a new kept placement asks for a full pull", () => {
    const first = selectPurge({ placements: [OLD], rows: ROWS, cutoff: CUTOFF });
    const fresh = placement("p-fresh", { citizen_id: "c1", end_date: "" });
    const answer = selectPurge({
      placements: [fresh],
      rows: [],
      purged: first.purged,
      cutoff: CUTOFF,
    });
    assert.equal(answer.refetch, true);
    assert.equal(answer.purged.c1, undefined);
  });

  test("nothing ended, nothing purged: no change", () => {
    const answer = selectPurge({ placements: [NEW], rows: ROWS, cutoff: CUTOFF });
    assert.deepEqual(answer, { remove: [], purged: {}, refetch: false });
  });
});
