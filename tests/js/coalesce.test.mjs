// The outbox rules (docs/protocol.md 3 "What the client sends"), after tests/sync/test_reference_client.py.
import assert from "node:assert/strict";
import { beforeEach, describe, test } from "node:test";

import { decidePulled, decideResult } from "../../pwa/static/src/sync/apply.js";
import {
  addEdit,
  applyResult,
  discard,
  discardRemoves,
  markPulled,
  markSent,
  nextBatch,
  onPurged,
  pendingCount,
  pendingFor,
  rebaseEntry,
  staleDays,
  toChange,
} from "../../pwa/static/src/store/coalesce.js";

const COMPANY = "00000000-0000-0000-0000-0000000000c1";
const COMPANY2 = "00000000-0000-0000-0000-0000000000c2";
const MEETING = "00000000-0000-0000-0000-0000000000e1";
let counter;
const newId = () => `m${(counter += 1)}`;
beforeEach(() => {
  counter = 0;
});

const envelope = (rev, data, deleted = false) => ({
  type: "company",
  id: COMPANY,
  rev,
  deleted,
  data,
});
const edit = (data, known, more = {}) => ({
  recordId: COMPANY,
  type: "company",
  op: "upsert",
  data,
  known,
  ...more,
});
const create = (recordId, type, data) => ({ recordId, type, op: "upsert", data });
const wire = (outbox) => nextBatch(outbox).map(toChange);
const result = (change, status, rev, data) => ({
  mutation_id: change.mutationId,
  id: change.recordId,
  status,
  rev,
  record: envelope(rev, data),
});
const rejected = (change, type, errors = {}) => ({
  mutation_id: change.mutationId,
  id: change.recordId,
  status: "rejected",
  error: { type, status: 400, errors },
});

/** Push the batch: mark it sent and return [outbox, batch]. */
function push(outbox) {
  const batch = nextBatch(outbox);
  return [markSent(outbox, batch), batch];
}

describe("coalescing", () => {
  test("unsent edits coalesce into one change that keeps the first base", () => {
    const known = { rev: 2, data: { name: "A", city: "X" } };
    let outbox = addEdit([], edit({ name: "A", city: "Y" }, known), { newId });
    outbox = addEdit(outbox, edit({ name: "B", city: "Y" }, known), { newId });
    outbox = addEdit(outbox, edit({ name: "B", city: "Z" }, known), { newId });
    assert.deepEqual(wire(outbox), [
      {
        mutation_id: "m1",
        type: "company",
        id: COMPANY,
        op: "upsert",
        base_rev: 2,
        data: { name: "B", city: "Z" },
      },
    ]);
  });

  test("an edit on a view with newer server data adds only what the user changed", () => {
    const known = { rev: 1, data: { name: "A", city: "X" } };
    const outbox = addEdit([], edit({ name: "A", city: "Y" }, known), { newId });
    // The view showed the unsent city on top of rev 2's name (the rebase did not go cleanly).
    const next = addEdit(
      outbox,
      edit({ name: "B", city: "Y", phone: "1" }, known, { shown: { name: "B", city: "Y" } }),
      { newId },
    );
    assert.deepEqual([next[0].baseRev, next[0].data], [1, { name: "A", city: "Y", phone: "1" }]);
  });

  test("a delete of a record whose create was never sent drops it", () => {
    let outbox = addEdit([], create(COMPANY2, "company", { name: "New" }), { newId });
    outbox = addEdit(outbox, { recordId: COMPANY2, type: "company", op: "delete" }, { newId });
    assert.deepEqual(outbox, []);
  });

  test("a delete goes behind the changes made before it", () => {
    const known = { rev: 1, data: { name: "A" } };
    let outbox = addEdit([], edit({ name: "B" }, known), { newId });
    outbox = addEdit(
      outbox,
      create(MEETING, "meeting", { company_id: COMPANY, kind: "follow_up" }),
      { newId },
    );
    outbox = addEdit(outbox, edit({}, known, { op: "delete" }), { newId });
    assert.deepEqual(
      wire(outbox).map((c) => [c.op, c.type, c.base_rev]),
      [
        ["upsert", "meeting", 0],
        ["delete", "company", 1],
      ],
    );
    assert.deepEqual(
      outbox.map((entry) => entry.seq),
      [2, 3],
    );
  });

  test("a create stays before the changes that reference it", () => {
    let outbox = addEdit([], create(COMPANY, "company", { name: "A" }), { newId });
    outbox = addEdit(outbox, create(MEETING, "meeting", { company_id: COMPANY }), { newId });
    outbox = addEdit(outbox, edit({ name: "B" }), { newId });
    assert.deepEqual(
      wire(outbox).map((c) => [c.type, c.data]),
      [
        ["company", { name: "B" }],
        ["meeting", { company_id: COMPANY }],
      ],
    );
  });

  test("deleting a record that exists nowhere is a mistake", () => {
    assert.throws(
      () => addEdit([], { recordId: COMPANY, type: "company", op: "delete" }, { newId }),
      /nothing to delete/,
    );
  });

  test("the outbox passed in is not changed", () => {
    const outbox = addEdit([], edit({ name: "A" }), { newId });
    const copy = structuredClone(outbox);
    addEdit(outbox, edit({ name: "B" }), { newId });
    applyResult(markSent(outbox, outbox), rejected(outbox[0], "/problems/validation"), { newId });
    assert.deepEqual(outbox, copy);
  });
});

describe("sending", () => {
  test("a sent change is re-sent unchanged and edits made meanwhile wait behind it", () => {
    const known = { rev: 1, data: { name: "A" } };
    let [outbox, batch] = push(addEdit([], edit({ name: "B" }, known), { newId }));
    outbox = addEdit(outbox, edit({ name: "B", city: "Y" }, known), { newId });
    assert.deepEqual(
      nextBatch(outbox),
      batch.map((entry) => ({ ...entry, state: "sent" })),
    );
    const answer = result(batch[0], "applied", 2, { name: "B" });
    outbox = applyResult(outbox, answer, { newId });
    const decision = decideResult(
      { ...envelope(1, known.data) },
      answer,
      pendingFor(outbox, COMPANY).entry,
    );
    outbox = rebaseEntry(outbox, COMPANY, decision);
    assert.deepEqual(wire(outbox), [
      {
        mutation_id: "m2",
        type: "company",
        id: COMPANY,
        op: "upsert",
        base_rev: 2,
        data: { name: "B", city: "Y" },
      },
    ]);
  });

  test("a batch holds at most max changes, in order", () => {
    let outbox = [];
    for (const n of [1, 2, 3])
      outbox = addEdit(outbox, create(`id-${n}`, "task", { title: `${n}` }), { newId });
    assert.deepEqual(
      nextBatch(outbox, 2).map((entry) => entry.recordId),
      ["id-1", "id-2"],
    );
  });

  test("pendingFor tells the newest entry and whether one waits for its result", () => {
    let [outbox] = push(addEdit([], edit({ name: "B" }), { newId }));
    outbox = addEdit(outbox, edit({ name: "C" }), { newId });
    assert.deepEqual(
      [pendingFor(outbox, COMPANY).entry.mutationId, pendingFor(outbox, COMPANY).frozen],
      ["m2", true],
    );
    assert.equal(pendingFor(outbox, COMPANY2), null);
    assert.equal(pendingCount(outbox), 1);
  });
});

describe("results", () => {
  test("applied, merged and conflict remove the entry", () => {
    for (const status of ["applied", "merged", "conflict"]) {
      const [outbox, batch] = push(addEdit([], edit({ name: "B" }), { newId }));
      assert.deepEqual(applyResult(outbox, result(batch[0], status, 2, {}), { newId }), []);
    }
  });

  test("a result for no entry changes nothing", () => {
    const outbox = addEdit([], edit({ name: "B" }), { newId });
    assert.equal(
      applyResult(outbox, { mutation_id: "other", status: "applied" }, { newId }),
      outbox,
    );
  });

  test("a rejected change is kept with a fresh mutation id until edited or discarded", () => {
    let [outbox, batch] = push(
      addEdit([], edit({ name: "" }, { rev: 1, data: { name: "A" } }), { newId }),
    );
    outbox = applyResult(
      outbox,
      rejected(batch[0], "/problems/validation", { "data.name": ["required"] }),
      { newId },
    );
    assert.deepEqual(
      [outbox[0].state, outbox[0].mutationId, outbox[0].problem.type],
      ["rejected", "m2", "/problems/validation"],
    );
    assert.deepEqual(nextBatch(outbox), []);
    const fixed = addEdit(outbox, edit({ name: "Fixed" }), { newId });
    assert.deepEqual(wire(fixed), [
      {
        mutation_id: "m2",
        type: "company",
        id: COMPANY,
        op: "upsert",
        base_rev: 1,
        data: { name: "Fixed" },
      },
    ]);
    assert.equal("problem" in fixed[0], false);
    assert.deepEqual(discard(outbox, outbox[0].seq), []);
  });

  test("a sent entry cannot be discarded", () => {
    const [outbox] = push(addEdit([], edit({ name: "B" }), { newId }));
    assert.deepEqual(discard(outbox, outbox[0].seq), outbox);
  });

  test("a reference to a record still in the outbox waits for that record", () => {
    let outbox = addEdit([], create(COMPANY, "company", { name: "A" }), { newId });
    outbox = addEdit(outbox, create(MEETING, "meeting", { company_id: COMPANY }), { newId });
    let batch;
    [outbox, batch] = push(outbox);
    outbox = applyResult(outbox, rejected(batch[0], "/problems/validation"), { newId });
    outbox = applyResult(
      outbox,
      rejected(batch[1], "/problems/reference", {
        "data.company_id": [`no company ${COMPANY} in this team`],
      }),
      { newId },
    );
    assert.deepEqual(
      outbox.map((entry) => [entry.state, entry.waitingFor]),
      [
        ["rejected", undefined],
        ["waiting", COMPANY],
      ],
    );
    assert.deepEqual(nextBatch(outbox), []);
    outbox = addEdit(outbox, edit({ name: "A fixed" }), { newId });
    [outbox, batch] = push(outbox);
    assert.deepEqual(
      batch.map((entry) => entry.recordId),
      [COMPANY],
    );
    outbox = applyResult(outbox, result(batch[0], "applied", 1, { name: "A fixed" }), { newId });
    assert.deepEqual(
      wire(outbox).map((c) => [c.id, c.mutation_id]),
      [[MEETING, "m4"]],
    );
  });

  test("a reference to a record not in the outbox is rejected", () => {
    let [outbox, batch] = push(
      addEdit([], create(MEETING, "meeting", { company_id: COMPANY }), { newId }),
    );
    outbox = applyResult(
      outbox,
      rejected(batch[0], "/problems/reference", {
        "data.company_id": [`no company ${COMPANY} in this team`],
      }),
      { newId },
    );
    assert.equal(outbox[0].state, "rejected");
  });

  test("edits behind a rejected change join it, where the later of the two stood", () => {
    const known = { rev: 1, data: { name: "A" } };
    let [outbox, batch] = push(addEdit([], edit({ name: "" }, known), { newId }));
    outbox = addEdit(outbox, create(MEETING, "meeting", { company_id: COMPANY }), { newId });
    outbox = addEdit(outbox, edit({ name: "", city: "Y" }, known), { newId });
    outbox = applyResult(outbox, rejected(batch[0], "/problems/validation"), { newId });
    assert.deepEqual(
      outbox.map((entry) => [entry.recordId, entry.state, entry.baseRev, entry.data]),
      [
        [MEETING, "queued", 0, { company_id: COMPANY }],
        [COMPANY, "rejected", 1, { name: "", city: "Y" }],
      ],
    );
  });

  test("edits behind a rejected create join it where the create stood", () => {
    let [outbox, batch] = push(addEdit([], create(COMPANY, "company", { name: "" }), { newId }));
    outbox = addEdit(outbox, create(MEETING, "meeting", { company_id: COMPANY }), { newId });
    outbox = addEdit(outbox, edit({ name: "", city: "Y" }), { newId });
    outbox = applyResult(outbox, rejected(batch[0], "/problems/validation"), { newId });
    assert.deepEqual(
      outbox.map((entry) => [entry.recordId, entry.state, entry.baseRev, entry.data]),
      [
        [COMPANY, "rejected", 0, { name: "", city: "Y" }],
        [MEETING, "queued", 0, { company_id: COMPANY }],
      ],
    );
  });

  test("a rejected create and a delete behind it both go", () => {
    let [outbox, batch] = push(addEdit([], create(COMPANY, "company", { name: "" }), { newId }));
    outbox = addEdit(outbox, edit({}, undefined, { op: "delete" }), { newId });
    assert.deepEqual(
      applyResult(outbox, rejected(batch[0], "/problems/validation"), { newId }),
      [],
    );
  });
});

describe("discarding a change the server answered not-found", () => {
  // Found by the model test (tests/sync/test_sync_stateful.py): after a restore a change
  // names a rev the server lost; the resync pulls the record again, so it must stay.
  const notFound = () => {
    const [outbox, batch] = push(
      addEdit([], edit({ name: "B" }, { rev: 2, data: { name: "A" } }), { newId }),
    );
    return applyResult(outbox, rejected(batch[0], "/problems/not-found"), { newId });
  };

  test("removes the record when no pull returned it since (purged or lost)", () => {
    const outbox = markPulled(notFound(), [COMPANY2]);
    assert.equal(discardRemoves(outbox[0]), true);
  });

  test("keeps the record when a pull returned it after the rejection", () => {
    const outbox = markPulled(notFound(), [COMPANY2, COMPANY]);
    assert.deepEqual([outbox[0].state, outbox[0].pulledSince], ["rejected", true]);
    assert.equal(discardRemoves(outbox[0]), false);
  });

  test("a rejection for another reason never removes it; marking leaves other outboxes", () => {
    const [sent, batch] = push(addEdit([], edit({ name: "" }, { rev: 2, data: {} }), { newId }));
    const outbox = applyResult(sent, rejected(batch[0], "/problems/validation"), { newId });
    assert.equal(discardRemoves(outbox[0]), false);
    assert.equal(markPulled(sent, [COMPANY]), sent);
  });
});

describe("a result without its record (purged)", () => {
  test("the edit behind a create names the result's rev, so it never makes the id again", () => {
    let [outbox, batch] = push(addEdit([], create(COMPANY, "company", { name: "A" }), { newId }));
    outbox = addEdit(outbox, edit({ name: "B" }), { newId });
    const done = { mutation_id: batch[0].mutationId, id: COMPANY, status: "applied", rev: 1 };
    outbox = onPurged(applyResult(outbox, done, { newId }), COMPANY, 1);
    assert.deepEqual(
      wire(outbox).map((c) => [c.op, c.base_rev, c.data]),
      [["upsert", 1, { name: "B" }]],
    );
    assert.deepEqual(outbox[0].baseData, { name: "A" });
  });
});

describe("rebasing the outbox", () => {
  test("a pulled revision moves the base when the edits rebase cleanly", () => {
    const local = envelope(1, { name: "A", city: "X" });
    let outbox = addEdit([], edit({ name: "A", city: "Y" }, local), { newId });
    const pending = pendingFor(outbox, COMPANY);
    const decision = decidePulled(local, envelope(2, { name: "B", city: "X" }), pending.entry, {
      frozen: pending.frozen,
    });
    outbox = rebaseEntry(outbox, COMPANY, decision);
    assert.deepEqual(
      wire(outbox).map((c) => [c.base_rev, c.data]),
      [[2, { name: "B", city: "Y" }]],
    );
    assert.deepEqual(outbox[0].origin, { name: "B", city: "X" });
  });

  test("a unit that does not rebase keeps the older base", () => {
    const local = envelope(1, { name: "A", city: "X" });
    const outbox = addEdit([], edit({ name: "A", city: "Y" }, local), { newId });
    const decision = decidePulled(local, envelope(2, { name: "B", city: "Z" }), outbox[0]);
    assert.equal(rebaseEntry(outbox, COMPANY, decision), outbox);
  });

  test("an unsent delete moves onto a revision with the data the user deleted", () => {
    const local = envelope(1, { name: "A" });
    let outbox = addEdit([], edit({}, local, { op: "delete" }), { newId });
    outbox = rebaseEntry(
      outbox,
      COMPANY,
      decidePulled(local, envelope(2, { name: "A" }), outbox[0]),
    );
    assert.deepEqual(wire(outbox), [
      { mutation_id: "m1", type: "company", id: COMPANY, op: "delete", base_rev: 2 },
    ]);
  });
});

describe("issue 11: order and follow-up changes", () => {
  const CONTACT = "00000000-0000-0000-0000-0000000000d1";
  const COMPANY_A = "00000000-0000-0000-0000-0000000000a1";
  const COMPANY_B = "00000000-0000-0000-0000-0000000000b1";
  const contact = (data, known) => ({
    recordId: CONTACT,
    type: "contact",
    op: "upsert",
    data,
    known,
  });

  test("re-editing a contact keeps it before the delete of the company it stopped naming", () => {
    const known = { rev: 1, data: { name: "Kim", company_id: COMPANY_A } };
    let outbox = addEdit([], contact({ name: "Kim", company_id: COMPANY_B }, known), { newId });
    outbox = addEdit(
      outbox,
      {
        recordId: COMPANY_A,
        type: "company",
        op: "delete",
        known: { rev: 1, data: { name: "A" } },
      },
      { newId },
    );
    outbox = addEdit(outbox, contact({ name: "Kim Berg", company_id: COMPANY_B }, known), {
      newId,
    });
    assert.deepEqual(
      wire(outbox).map((c) => [c.type, c.op]),
      [
        ["contact", "upsert"],
        ["company", "delete"],
      ],
    );
    assert.deepEqual(wire(outbox)[0].data, { name: "Kim Berg", company_id: COMPANY_B });
  });

  test("a re-edit that names a record created later moves just behind that create", () => {
    const known = { rev: 1, data: { name: "Kim", company_id: COMPANY_A } };
    let outbox = addEdit([], contact({ name: "Kim B" }, known), { newId });
    outbox = addEdit(outbox, create(COMPANY_B, "company", { name: "B" }), { newId });
    outbox = addEdit(
      outbox,
      {
        recordId: COMPANY_A,
        type: "company",
        op: "delete",
        known: { rev: 1, data: { name: "A" } },
      },
      { newId },
    );
    outbox = addEdit(outbox, contact({ name: "Kim B", company_id: COMPANY_B }, known), { newId });
    assert.deepEqual(
      wire(outbox).map((c) => [c.id, c.op]),
      [
        [COMPANY_B, "upsert"],
        [CONTACT, "upsert"],
        [COMPANY_A, "delete"],
      ],
    );
    assert.deepEqual(
      outbox.map((e) => e.seq),
      [...outbox.map((e) => e.seq)].sort((a, b) => a - b),
    );
  });

  test("an edit made during a push that does not rebase sends only its own edits", () => {
    const known = { rev: 1, data: { name: "A", city: "X" } };
    let [outbox, batch] = push(addEdit([], edit({ name: "A", city: "Y" }, known), { newId }));
    outbox = addEdit(outbox, edit({ name: "B", city: "Y" }, known), { newId });
    const answer = {
      ...result(batch[0], "conflict", 2, { name: "C", city: "Z" }),
      conflict_id: "c",
      fields: ["city"],
    };
    outbox = applyResult(outbox, answer, { newId });
    const decision = decideResult(
      envelope(1, known.data),
      answer,
      pendingFor(outbox, COMPANY).entry,
    );
    assert.equal(decision.clean, false, "name changed on both sides");
    outbox = rebaseEntry(outbox, COMPANY, decision);
    assert.deepEqual(
      wire(outbox),
      [
        {
          mutation_id: "m2",
          type: "company",
          id: COMPANY,
          op: "upsert",
          base_rev: 1,
          data: { name: "B", city: "X" },
        },
      ],
      "the city edit already made its conflict: it is not sent again",
    );
    assert.equal(
      decision.data.city,
      "Z",
      "the user sees the server city (the conflict shows theirs)",
    );
  });

  test("while the sent change waits, a pulled revision leaves the edit behind it alone", () => {
    const known = { rev: 1, data: { name: "A", city: "X" } };
    let [outbox] = push(addEdit([], edit({ name: "A", city: "Y" }, known), { newId }));
    outbox = addEdit(outbox, edit({ name: "B", city: "Y" }, known), { newId });
    const pending = pendingFor(outbox, COMPANY);
    const decision = decidePulled(
      envelope(1, known.data),
      envelope(2, { name: "C", city: "X" }),
      pending.entry,
      { frozen: pending.frozen },
    );
    assert.equal(rebaseEntry(outbox, COMPANY, decision), outbox);
  });
});

describe("unsent changes that wait too long", () => {
  const DAY = 86_400_000;
  test("the age of the oldest unsent edit is told from 3 days on", () => {
    const known = { rev: 1, data: { name: "A" } };
    let outbox = addEdit([], edit({ name: "B" }, known), { newId, now: () => 10 * DAY });
    outbox = addEdit(outbox, edit({ name: "C" }, known), { newId, now: () => 12 * DAY });
    outbox = addEdit(outbox, create(MEETING, "meeting", { company_id: COMPANY }), {
      newId,
      now: () => 12 * DAY,
    });
    assert.equal(
      outbox[0].createdAt,
      10 * DAY,
      "a re-edit keeps the time of the first unsent edit",
    );
    assert.equal(staleDays(outbox, 12 * DAY + 5), 0);
    assert.equal(staleDays(outbox, 13 * DAY), 3);
    assert.equal(
      staleDays(markSent(outbox, outbox), 14 * DAY),
      4,
      "sent but not acknowledged still counts",
    );
    assert.equal(staleDays([], 99 * DAY), 0);
    assert.equal(
      staleDays([{ ...outbox[0], createdAt: undefined }], 99 * DAY),
      0,
      "entries from before createdAt",
    );
  });
});
