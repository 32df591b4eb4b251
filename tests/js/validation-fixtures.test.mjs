// The client's validation against the server's verdicts (tests/js/make_validation_fixtures.py
// writes the fixtures from server/schemas): for every record type, field and value, the
// client refuses exactly the fields the server refuses, so the two rule sets cannot drift.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";

import { validateRecord } from "../../pwa/static/src/validate.js";

const CASES = JSON.parse(
  readFileSync(new URL("./fixtures/validation-cases.json", import.meta.url)),
);
const BASE = {
  company: { name: "Havnens Bageri" },
  contact: { company_id: "1b4e28ba-2fa1-41d2-883f-0016d3cca427", name: "Mette Holm" },
  citizen: { name: "Ali Hassan" },
  placement: {
    citizen_id: "1b4e28ba-2fa1-41d2-883f-0016d3cca427",
    company_id: "6fa459ea-ee8a-3ca4-894e-db77e160355e",
    kind: "internship",
    start_date: "2026-03-02",
  },
  meeting: { company_id: "1b4e28ba-2fa1-41d2-883f-0016d3cca427", kind: "follow_up" },
  job_order: { company_id: "1b4e28ba-2fa1-41d2-883f-0016d3cca427", title: "Lagermedarbejder" },
  task: { title: "Ring til Mette" },
};

/** A fixture's changes with long runs unpacked ({repeat, times} → the string). */
function unpacked(changes) {
  const value = (v) =>
    v && typeof v === "object" && "repeat" in v && "times" in v ? v.repeat.repeat(v.times) : v;
  return Object.fromEntries(Object.entries(changes).map(([k, v]) => [k, value(v)]));
}

/** The top-level fields the client refuses. */
function refused(type, data) {
  return [
    ...new Set(Object.keys(validateRecord(type, data)).map((path) => path.split(".")[0])),
  ].sort();
}

test("the fixtures cover every record type the client validates", () => {
  assert.deepEqual([...new Set(CASES.map((c) => c.type))].sort(), Object.keys(BASE).sort());
});

for (const type of Object.keys(BASE)) {
  test(`${type}: the client refuses the fields the server refuses`, () => {
    const differing = CASES.filter((c) => c.type === type)
      .map((c) => ({ ...c, client: refused(type, { ...BASE[type], ...unpacked(c.data) }) }))
      .filter((c) => JSON.stringify(c.client) !== JSON.stringify(c.refused))
      .map(
        (c) =>
          `${JSON.stringify(c.data)}: server ${JSON.stringify(c.refused)}, client ${JSON.stringify(c.client)}`,
      );
    assert.deepEqual(differing, []);
  });
}
