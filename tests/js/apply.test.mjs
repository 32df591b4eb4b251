// Decisions for pulled records and push results (docs/protocol.md 3 and 4).
import assert from "node:assert/strict";
import { describe, test } from "node:test";

import { decidePulled, decideResult } from "../../pwa/static/src/sync/apply.js";

const ID = "00000000-0000-0000-0000-0000000000c1";
const record = (rev, data, deleted = false) => ({ type: "company", id: ID, rev, deleted, data });
const entry = (fields) => ({
  seq: 1,
  recordId: ID,
  type: "company",
  mutationId: "m1",
  op: "upsert",
  baseRev: 1,
  baseData: { name: "A", city: "X" },
  origin: { name: "A", city: "X" },
  state: "queued",
  ...fields,
});

describe("decidePulled", () => {
  test("a rev that is not newer is ignored", () => {
    assert.deepEqual(decidePulled(record(3, { name: "A" }), record(3, { name: "B" }), null), {
      action: "ignore",
    });
    assert.deepEqual(
      decidePulled(record(3, { name: "A" }), record(2, { name: "B" }), entry({ data: {} })),
      { action: "ignore" },
    );
  });

  test("a newer record without pending edits replaces the local copy", () => {
    assert.deepEqual(decidePulled(record(1, { name: "A" }), record(2, { name: "B" }), null), {
      action: "replace",
      record: record(2, { name: "B" }),
    });
    assert.deepEqual(decidePulled(null, record(1, { name: "A" }), null), {
      action: "replace",
      record: record(1, { name: "A" }),
    });
  });

  test("a tombstone is kept as a deleted record", () => {
    assert.deepEqual(decidePulled(record(1, { name: "A" }), record(2, {}, true), null), {
      action: "replace",
      record: record(2, {}, true),
    });
  });

  test("pending edits that rebase cleanly move to the pulled rev", () => {
    const pulled = record(2, { name: "B", city: "X" });
    assert.deepEqual(
      decidePulled(
        record(1, { name: "A", city: "X" }),
        pulled,
        entry({ data: { name: "A", city: "Y" } }),
      ),
      {
        action: "rebase",
        record: pulled,
        data: { name: "B", city: "Y" },
        clean: true,
        baseRev: 2,
        baseData: { name: "B", city: "X" },
      },
    );
  });

  test("pending edits that conflict keep their base and stay in view", () => {
    const pulled = record(2, { name: "B", city: "Z" });
    assert.deepEqual(
      decidePulled(
        record(1, { name: "A", city: "X" }),
        pulled,
        entry({ data: { name: "A", city: "Y" } }),
      ),
      {
        action: "rebase",
        record: pulled,
        data: { name: "B", city: "Y" },
        clean: false,
        baseRev: 1,
        baseData: { name: "A", city: "X" },
      },
    );
  });

  test("a sent change waiting for its result never moves, but its edits stay in view", () => {
    const pulled = record(2, { name: "B", city: "X" });
    const sent = entry({ state: "sent", data: { name: "A", city: "Y" } });
    assert.deepEqual(decidePulled(record(1, {}), pulled, sent), {
      action: "rebase",
      record: pulled,
      data: { name: "B", city: "Y" },
      clean: false,
      baseRev: 1,
      baseData: { name: "A", city: "X" },
    });
  });

  test("edits behind a sent change show both changes on top and wait for its result", () => {
    const pulled = record(2, { name: "B", city: "X" });
    const behind = entry({
      origin: { name: "A", city: "Y" },
      data: { name: "A", city: "Y", phone: "1" },
    });
    const decision = decidePulled(record(1, {}), pulled, behind, { frozen: true });
    assert.deepEqual(
      [decision.data, decision.clean, decision.baseRev],
      [{ name: "B", city: "Y", phone: "1" }, false, 1],
    );
  });

  test("pending edits are never rebased onto a tombstone", () => {
    const tombstone = record(2, {}, true);
    assert.deepEqual(
      decidePulled(record(1, {}), tombstone, entry({ data: { name: "B", city: "X" } })),
      {
        action: "rebase",
        record: tombstone,
        data: { name: "B", city: "X" },
        clean: false,
        baseRev: 1,
        baseData: { name: "A", city: "X" },
      },
    );
  });

  test("an unsent delete moves only when the newer data is what the user deleted", () => {
    const deletion = entry({ op: "delete", data: {} });
    const same = decidePulled(record(1, {}), record(2, { name: "A", city: "X" }), deletion);
    const changed = decidePulled(record(1, {}), record(2, { name: "B", city: "X" }), deletion);
    assert.deepEqual([same.data, same.clean, same.baseRev], [null, true, 2]);
    assert.deepEqual([changed.data, changed.clean, changed.baseRev], [null, false, 1]);
  });

  test("template text units are passed on to the merge", () => {
    const pending = entry({
      type: "assessment",
      baseData: { answers: { c07: "a\nb\nc\n" } },
      origin: { answers: { c07: "a\nb\nc\n" } },
      data: { answers: { c07: "A\nb\nc\n" } },
    });
    const pulled = { ...record(2, { answers: { c07: "a\nb\nC\n" } }), type: "assessment" };
    const decision = decidePulled(null, pulled, pending, { textUnits: ["answers.c07"] });
    assert.deepEqual([decision.data, decision.clean], [{ answers: { c07: "A\nb\nC\n" } }, true]);
  });
});

describe("decideResult", () => {
  const result = (status, rec) => ({
    mutation_id: "m1",
    id: ID,
    status,
    rev: rec?.rev,
    record: rec,
  });

  test("a rejected change changes no record", () => {
    assert.deepEqual(
      decideResult(
        record(1, {}),
        { mutation_id: "m1", id: ID, status: "rejected", error: {} },
        null,
      ),
      { action: "ignore" },
    );
  });

  test("a result without edits behind it replaces the local copy unless that is newer", () => {
    assert.deepEqual(
      decideResult(record(1, {}), result("applied", record(2, { name: "B" })), null),
      { action: "replace", record: record(2, { name: "B" }) },
    );
    assert.deepEqual(
      decideResult(record(3, { name: "C" }), result("merged", record(2, { name: "B" })), null),
      { action: "ignore" },
    );
  });

  test("edits made while the change was sent rebase onto the merged result", () => {
    const behind = entry({
      baseData: { knowledge: "a\nb\nc\n" },
      origin: { knowledge: "A\nb\nc\n" },
      data: { knowledge: "A2\nb\nc\n" },
    });
    const merged = record(3, { name: "N", knowledge: "A\nb\nC\n" });
    assert.deepEqual(
      decideResult(record(1, { knowledge: "a\nb\nc\n" }), result("merged", merged), behind),
      {
        action: "rebase",
        record: merged,
        data: { name: "N", knowledge: "A2\nb\nC\n" },
        clean: true,
        baseRev: 3,
        baseData: merged.data,
      },
    );
  });

  test("edits behind the change rebase onto a newer local copy when one was pulled meanwhile", () => {
    const behind = entry({ origin: { name: "B" }, data: { name: "B", city: "Y" } });
    const local = record(4, { name: "B", phone: "2" });
    const decision = decideResult(local, result("applied", record(3, { name: "B" })), behind);
    assert.deepEqual(
      [decision.record, decision.data, decision.baseRev],
      [local, { name: "B", phone: "2", city: "Y" }, 4],
    );
  });

  test("a conflict result leaves the conflicting edit to the conflict record", () => {
    const behind = entry({
      origin: { name: "A", city: "Y" },
      data: { name: "A", city: "Y", phone: "1" },
    });
    const kept = record(2, { name: "A", city: "Z" });
    const decision = decideResult(record(1, {}), result("conflict", kept), behind);
    assert.deepEqual([decision.data, decision.clean], [{ name: "A", city: "Z", phone: "1" }, true]);
  });
});

describe("during a resync (after a restore from backup)", () => {
  test("a pulled record replaces the local copy whatever the revs", () => {
    const restored = record(2, { name: "Fra backup" });
    assert.deepEqual(decidePulled(record(3, { name: "Mistet" }), restored, null, { force: true }), {
      action: "replace",
      record: restored,
    });
  });

  test("unsent edits rebase onto it whatever the revs", () => {
    const restored = record(1, { name: "A", city: "Q" });
    const decision = decidePulled(
      record(4, { name: "A", city: "X" }),
      restored,
      entry({ baseRev: 4, data: { name: "B", city: "X" } }),
      { force: true },
    );
    assert.equal(decision.action, "rebase");
    assert.deepEqual(decision.data, { name: "B", city: "Q" });
    assert.equal(decision.baseRev, 1);
  });
});
