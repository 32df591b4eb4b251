// Signature coverage: which signatures cover an agreement's current content, the lock,
// "afviger" detection, and the covered object's hash as the server computes it.
import assert from "node:assert/strict";
import { test } from "node:test";

import {
  changedItems,
  coverage,
  coveredHash,
  coveredObject,
  fullySigned,
  missingRoles,
  shortHash,
} from "../../pwa/static/src/signature/coverage.js";

const AGREEMENT = {
  placement_id: "6f1d2c3b-0000-4000-8000-000000000001",
  status: "ready",
  template_key: "opstartsaftale",
  template_version: 1,
  content: {
    goals: "Mål: Ærø-færgen, 15 timer/uge\nNæste skridt",
    start_date: "2026-12-01",
    met_contact_person: true,
    rows: { b: [1, 2.5, { ø: "å" }], a: [] },
  },
};
// server.schemas.jsontree.canonical_sha256 of the covered object above (computed with rfc8785).
const SERVER_HASH = "dfba07bcf1d64c09001d96545b5b06c28420adc793d7918fc38d27d6ed455257";
const ROLES = [
  { role: "citizen", required: true },
  { role: "company", required: true },
  { role: "consultant", required: true },
  { role: "mentor", required: false },
];

test("the covered object holds only the template key, version and content", () => {
  assert.deepEqual(Object.keys(coveredObject(AGREEMENT)).sort(), [
    "content",
    "template_key",
    "template_version",
  ]);
  assert.deepEqual(coveredObject({ template_key: "x", template_version: 2 }), {
    template_key: "x",
    template_version: 2,
  });
});

test("the covered hash equals the server hash, Danish letters and nested lists included", async () => {
  assert.equal(await coveredHash(AGREEMENT), SERVER_HASH);
  const reordered = {
    content: {
      rows: { a: [], b: [1, 2.5, { ø: "å" }] },
      met_contact_person: true,
      start_date: "2026-12-01",
      goals: AGREEMENT.content.goals,
    },
    template_version: 1,
    template_key: "opstartsaftale",
  };
  assert.equal(await coveredHash(reordered), SERVER_HASH);
  assert.equal(
    await coveredHash({ ...AGREEMENT, status: "signed" }),
    SERVER_HASH,
    "status is not covered",
  );
  assert.notEqual(
    await coveredHash({
      ...AGREEMENT,
      content: { ...AGREEMENT.content, start_date: "2026-12-02" },
    }),
    SERVER_HASH,
  );
});

test("a signature covers the content while its hash equals the current hash", () => {
  const signatures = [
    { role: "citizen", content_sha256: "aa" },
    { role: "company", content_sha256: "bb" },
  ];
  const now = coverage("aa", signatures);
  assert.deepEqual(
    now.covering.map((s) => s.role),
    ["citizen"],
  );
  assert.deepEqual(
    now.other.map((s) => s.role),
    ["company"],
  );
  assert.equal(now.locked, true);
  assert.equal(now.deviates, true);
  const none = coverage("cc", []);
  assert.equal(none.locked, false);
  assert.equal(none.deviates, false);
  const changed = coverage("cc", signatures);
  assert.equal(
    changed.locked,
    false,
    "an edit elsewhere unlocks: no signature covers the new content",
  );
  assert.equal(changed.deviates, true);
});

test("missing roles and fully signed follow the template roles", () => {
  const covering = [{ role: "citizen" }, { role: "company" }];
  assert.deepEqual(
    missingRoles(ROLES, covering).map((r) => r.role),
    ["consultant", "mentor"],
  );
  assert.equal(fullySigned(ROLES, covering), false);
  assert.equal(
    fullySigned(ROLES, [...covering, { role: "consultant" }]),
    true,
    "optional mentor not needed",
  );
});

test("changed items compare values, not key order; empty equals absent", () => {
  const before = { a: "x", b: { p: 1, q: [1, 2] }, c: "", d: true };
  const after = { a: "x", b: { q: [1, 2], p: 1 }, d: false, e: "ny" };
  assert.deepEqual(changedItems(before, after), ["d", "e"]);
  assert.deepEqual(changedItems(undefined, {}), []);
});

test("the short hash groups the first 16 hex digits", () => {
  assert.equal(shortHash(SERVER_HASH), "dfba 07bc f1d6 4c09 …");
  assert.equal(shortHash(""), "");
});
