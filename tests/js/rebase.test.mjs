// Rebasing unsent edits onto newer server data (docs/protocol.md 3; tests/sync/reference_client.py).
import assert from "node:assert/strict";
import { test } from "node:test";

import { rebase } from "../../pwa/static/src/merge/rebase.js";

const live = (data) => ({ deleted: false, data });

test("edits that touch other units than the server rebase cleanly", () => {
  assert.deepEqual(
    rebase(
      "company",
      { name: "A", city: "X" },
      { name: "A", city: "Y" },
      live({ name: "B", city: "X" }),
    ),
    { data: { name: "B", city: "Y" }, clean: true },
  );
});

test("a conflicting unit is not clean and shows the unsent value", () => {
  assert.deepEqual(
    rebase(
      "company",
      { name: "A", city: "X" },
      { name: "A", city: "Y" },
      live({ name: "B", city: "Z" }),
    ),
    { data: { name: "B", city: "Y" }, clean: false },
  );
});

test("text edits rebase line by line", () => {
  const result = rebase(
    "company",
    { knowledge: "A\nb\nc\n" },
    { knowledge: "A2\nb\nc\n" },
    live({ name: "N", knowledge: "A\nb\nC\n" }),
  );
  assert.deepEqual(result, { data: { name: "N", knowledge: "A2\nb\nC\n" }, clean: true });
});

test("a text conflict shows the whole unsent text", () => {
  const result = rebase(
    "meeting",
    { notes_company: "a\n" },
    { notes_company: "c\n" },
    live({ notes_company: "s\n" }),
  );
  assert.deepEqual(result, { data: { notes_company: "c\n" }, clean: false });
});

test("a list item changed here and removed on the server stays in view", () => {
  const base = {
    agreements: [
      { id: "a", text: "A" },
      { id: "b", text: "B" },
    ],
  };
  const result = rebase(
    "meeting",
    base,
    {
      agreements: [
        { id: "a", text: "A2" },
        { id: "b", text: "B" },
      ],
    },
    live({ agreements: [{ id: "b", text: "B" }] }),
  );
  assert.deepEqual(result, {
    data: {
      agreements: [
        { id: "b", text: "B" },
        { id: "a", text: "A2" },
      ],
    },
    clean: false,
  });
});

test("a unit removed here and changed on the server stays removed in view", () => {
  const result = rebase(
    "company",
    { city: "X", name: "A" },
    { name: "A" },
    live({ city: "Y", name: "A" }),
  );
  assert.deepEqual(result, { data: { name: "A" }, clean: false });
});

test("template longtext units merge as text when named", () => {
  const args = [
    "assessment",
    { answers: { c07: "a\nb\nc\n" } },
    { answers: { c07: "A\nb\nc\n" } },
    live({ answers: { c07: "a\nb\nC\n" } }),
  ];
  assert.equal(rebase(...args, { textUnits: ["answers.c07"] }).clean, true);
  assert.equal(rebase(...args).clean, false);
});

test("never onto a tombstone", () => {
  assert.deepEqual(rebase("company", { name: "A" }, { name: "B" }, { deleted: true, data: {} }), {
    data: { name: "B" },
    clean: false,
  });
});

test("an unsent delete moves only onto the data the user deleted", () => {
  assert.deepEqual(rebase("company", { name: "A" }, null, live({ name: "A", phone: null })), {
    data: null,
    clean: true,
  });
  assert.deepEqual(rebase("company", { name: "A" }, null, live({ name: "B" })), {
    data: null,
    clean: false,
  });
  assert.deepEqual(rebase("company", { name: "A" }, null, { deleted: true, data: {} }), {
    data: null,
    clean: false,
  });
});

test("the arguments are not changed", () => {
  const sides = [
    { name: "A", city: "X" },
    { name: "A", city: "Y" },
    live({ name: "B", city: "Z" }),
  ];
  const copies = structuredClone(sides);
  rebase("company", ...sides);
  assert.deepEqual(sides, copies);
});
