// Table-driven tests of the client's three-way merge (docs/protocol.md 3a), ported from
// tests/sync/test_merge.py, and a cross-check against the Python merge's own answers
// (fixtures/merge-cases.json, written by make_merge_fixtures.py).
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { describe, test } from "node:test";

import { conflictValues, diffUnits, merge } from "../../pwa/static/src/merge/merge.js";
import {
  MISSING as M,
  jsonEqual,
  setUnit,
  stripNulls,
  templateTextUnits,
  unitValue,
} from "../../pwa/static/src/merge/units.js";

const FIXTURES = JSON.parse(
  readFileSync(new URL("fixtures/merge-cases.json", import.meta.url), "utf8"),
);
const item = (id, text, more = {}) => ({ id, text, ...more });
const notes = (text) => ({ notes_company: text });
const UUID = "5b0c7c58-2f0e-4a8e-9a43-0d3f1e7f6a01";
const UUID2 = "7d1e9f40-6c2b-4b7a-8e55-1a2b3c4d5e6f";
const BASE3 = "one\ntwo\nthree\n";
const AGREEMENTS = [item("a", "A"), item("b", "B")];
const ATTENDANCE = { attended_hours: 20, norm_hours: 37, period_start: "2024-01-01" };

/** [name, type, base, server, client, data, conflicts {unit: [base, server, client]}, textUnits] */
const ROWS = [
  [
    "different-fields-changed",
    "company",
    { name: "A", city: "X" },
    { name: "B", city: "X" },
    { name: "A", city: "Y" },
    { name: "B", city: "Y" },
  ],
  ["same-field-same-value", "company", { city: "X" }, { city: "Y" }, { city: "Y" }, { city: "Y" }],
  [
    "same-field-different-values",
    "company",
    { city: "X", name: "A" },
    { city: "Y", name: "A" },
    { city: "Z", name: "B" },
    { city: "Y", name: "B" },
    { city: ["X", "Y", "Z"] },
  ],
  [
    "both-add-field-differently",
    "company",
    {},
    { phone: "1" },
    { phone: "2" },
    { phone: "1" },
    { phone: [M, "1", "2"] },
  ],
  [
    "client-removes-server-changes",
    "company",
    { city: "X" },
    { city: "Y" },
    {},
    { city: "Y" },
    { city: ["X", "Y", M] },
  ],
  [
    "bool-never-equals-number",
    "task",
    { done: false },
    { done: 0 },
    { done: true },
    { done: 0 },
    { done: [false, 0, true] },
  ],
  [
    "other-lists-are-atomic",
    "job_order",
    { requirements_must: ["a"] },
    { requirements_must: ["a", "b"] },
    { requirements_must: ["a", "c"] },
    { requirements_must: ["a", "b"] },
    { requirements_must: [["a"], ["a", "b"], ["a", "c"]] },
  ],
  [
    "client-null-removes",
    "company",
    { city: "X", name: "A" },
    { city: "X", name: "B" },
    { city: null, name: "A" },
    { name: "B" },
  ],
  [
    "null-inside-object",
    "meeting",
    { follow_up: { works_well: "a\n" } },
    { follow_up: { works_well: "a\n", difficult: "d\n" } },
    { follow_up: { works_well: null } },
    { follow_up: { difficult: "d\n" } },
  ],
  [
    "unknown-object-key-is-atomic",
    "company",
    { x_future: { a: 1 } },
    { x_future: { a: 2 } },
    { x_future: { a: 1, b: 1 } },
    { x_future: { a: 2 } },
    { x_future: [{ a: 1 }, { a: 2 }, { a: 1, b: 1 }] },
  ],
  [
    "unknown-type-text-is-atomic",
    "future_type",
    { t: "a\nb\nc\n" },
    { t: "A\nb\nc\n" },
    { t: "a\nb\nC\n" },
    { t: "A\nb\nc\n" },
    { t: ["a\nb\nc\n", "A\nb\nc\n", "a\nb\nC\n"] },
  ],
  [
    "wrong-shape-is-atomic",
    "meeting",
    notes("a\n"),
    notes("b\n"),
    notes(["a\n"]),
    notes("b\n"),
    { notes_company: ["a\n", "b\n", ["a\n"]] },
  ],
  [
    "text-edits-one-unchanged-line-apart",
    "meeting",
    notes(BASE3),
    notes("ONE\ntwo\nthree\n"),
    notes("one\ntwo\nTHREE\n"),
    notes("ONE\ntwo\nTHREE\n"),
  ],
  [
    "text-same-line-conflicts",
    "meeting",
    notes(BASE3),
    notes("one\n2\nthree\n"),
    notes("one\nTWO\nthree\n"),
    notes("one\n2\nthree\n"),
    { notes_company: [BASE3, "one\n2\nthree\n", "one\nTWO\nthree\n"] },
  ],
  [
    "text-adjacent-lines-conflict",
    "meeting",
    notes(BASE3),
    notes("ONE\ntwo\nthree\n"),
    notes("one\nTWO\nthree\n"),
    notes("ONE\ntwo\nthree\n"),
    { notes_company: [BASE3, "ONE\ntwo\nthree\n", "one\nTWO\nthree\n"] },
  ],
  [
    "text-insert-next-to-edited-line-conflicts",
    "meeting",
    notes(BASE3),
    notes("one\nTWO\nthree\n"),
    notes("one\ntwo\nX\nthree\n"),
    notes("one\nTWO\nthree\n"),
    { notes_company: [BASE3, "one\nTWO\nthree\n", "one\ntwo\nX\nthree\n"] },
  ],
  [
    "text-insert-one-line-from-edit-merges",
    "meeting",
    notes(BASE3),
    notes("ONE\ntwo\nthree\n"),
    notes("one\ntwo\nX\nthree\n"),
    notes("ONE\ntwo\nX\nthree\n"),
  ],
  [
    "text-insert-same-place-different-text",
    "meeting",
    notes(BASE3),
    notes("one\nA\ntwo\nthree\n"),
    notes("one\nB\ntwo\nthree\n"),
    notes("one\nA\ntwo\nthree\n"),
    { notes_company: [BASE3, "one\nA\ntwo\nthree\n", "one\nB\ntwo\nthree\n"] },
  ],
  [
    "text-insert-same-place-same-text",
    "meeting",
    notes(BASE3),
    notes("one\nA\ntwo\nthree\n"),
    notes("one\nA\ntwo\nthree\n"),
    notes("one\nA\ntwo\nthree\n"),
  ],
  [
    "text-delete-and-distant-edit",
    "meeting",
    notes(BASE3),
    notes("two\nthree\n"),
    notes("one\ntwo\nTHREE\n"),
    notes("two\nTHREE\n"),
  ],
  [
    "text-client-clears-vs-server-edit",
    "meeting",
    notes(BASE3),
    notes("one\nTWO\nthree\n"),
    {},
    notes("one\nTWO\nthree\n"),
    { notes_company: [BASE3, "one\nTWO\nthree\n", M] },
  ],
  [
    "text-last-line-without-newline",
    "meeting",
    notes("a\nb\nc"),
    notes("A\nb\nc"),
    notes("a\nb\nC"),
    notes("A\nb\nC"),
  ],
  [
    "text-crlf-lines-kept",
    "meeting",
    notes("a\r\nb\r\nc\r\n"),
    notes("A\r\nb\r\nc\r\n"),
    notes("a\r\nb\r\nC\r\n"),
    notes("A\r\nb\r\nC\r\n"),
  ],
  [
    "text-line-separator-is-not-a-line-end",
    "meeting",
    notes("a\u2028b\u2028c\n"),
    notes("A\u2028b\u2028c\n"),
    notes("a\u2028b\u2028C\n"),
    notes("A\u2028b\u2028c\n"),
    { notes_company: ["a\u2028b\u2028c\n", "A\u2028b\u2028c\n", "a\u2028b\u2028C\n"] },
  ],
  [
    "text-lone-cr-is-not-a-line-end",
    "meeting",
    notes("a\rb\rc\n"),
    notes("A\rb\rc\n"),
    notes("a\rb\rC\n"),
    notes("A\rb\rc\n"),
    { notes_company: ["a\rb\rc\n", "A\rb\rc\n", "a\rb\rC\n"] },
  ],
  [
    "text-danish-and-emoji",
    "meeting",
    notes("Æbler\nøl\nSå 👍\n"),
    notes("Æbler og pærer\nøl\nSå 👍\n"),
    notes("Æbler\nøl\nSå 👍🏽 på åen\n"),
    notes("Æbler og pærer\nøl\nSå 👍🏽 på åen\n"),
  ],
  [
    "text-long-blank-run-edits-at-both-ends",
    "meeting",
    notes("\n".repeat(500)),
    notes(`S\n${"\n".repeat(500)}`),
    notes(`${"\n".repeat(500)}C\n`),
    notes(`S\n${"\n".repeat(500)}C\n`),
  ],
  [
    "list-add-on-both-sides",
    "meeting",
    { agreements: [item("a", "A")] },
    { agreements: [item("a", "A"), item("s", "S")] },
    { agreements: [item("a", "A"), item("c", "C")] },
    { agreements: [item("a", "A"), item("c", "C"), item("s", "S")] },
  ],
  [
    "list-client-removes-server-changes",
    "meeting",
    { agreements: AGREEMENTS },
    { agreements: [item("a", "A2"), item("b", "B")] },
    { agreements: [item("b", "B")] },
    { agreements: [item("a", "A2"), item("b", "B")] },
    { "agreements.a": [item("a", "A"), item("a", "A2"), M] },
  ],
  [
    "list-server-removes-client-changes",
    "meeting",
    { agreements: AGREEMENTS },
    { agreements: [item("b", "B")] },
    { agreements: [item("a", "A2"), item("b", "B")] },
    { agreements: [item("b", "B")] },
    { "agreements.a": [item("a", "A"), M, item("a", "A2")] },
  ],
  [
    "list-item-same-key-conflicts",
    "meeting",
    { agreements: [item("a", "A")] },
    { agreements: [item("a", "S")] },
    { agreements: [item("a", "C", { done: true })] },
    { agreements: [item("a", "S", { done: true })] },
    { "agreements.a.text": ["A", "S", "C"] },
  ],
  [
    "list-reorder-server-unchanged",
    "meeting",
    { agreements: AGREEMENTS },
    { agreements: AGREEMENTS },
    { agreements: AGREEMENTS.toReversed() },
    { agreements: AGREEMENTS.toReversed() },
  ],
  [
    "list-reorder-server-changed-item",
    "meeting",
    { agreements: AGREEMENTS },
    { agreements: [item("a", "A2"), item("b", "B")] },
    { agreements: [item("b", "B"), item("a", "A")] },
    { agreements: [item("a", "A2"), item("b", "B")] },
  ],
  [
    "list-new-item-after-client-predecessor",
    "meeting",
    { agreements: AGREEMENTS },
    { agreements: [item("b", "B"), item("a", "A"), item("s", "S")] },
    { agreements: [item("a", "A"), item("x", "X"), item("b", "B")] },
    { agreements: [item("b", "B"), item("a", "A"), item("x", "X"), item("s", "S")] },
  ],
  [
    "list-new-item-first-without-predecessor",
    "meeting",
    { agreements: AGREEMENTS },
    { agreements: [...AGREEMENTS, item("s", "S")] },
    { agreements: [item("x", "X"), ...AGREEMENTS] },
    { agreements: [item("x", "X"), ...AGREEMENTS, item("s", "S")] },
  ],
  [
    "list-emptied-by-client-stays-present",
    "meeting",
    { agreements: [item("a", "A")] },
    { agreements: [item("a", "A")], location: "x" },
    { agreements: [] },
    { agreements: [], location: "x" },
  ],
  [
    "list-without-ids-is-atomic",
    "meeting",
    { agreements: [{ text: "A" }] },
    { agreements: [{ text: "S" }] },
    { agreements: [{ text: "C" }] },
    { agreements: [{ text: "S" }] },
    { agreements: [[{ text: "A" }], [{ text: "S" }], [{ text: "C" }]] },
  ],
  [
    "set-both-add",
    "company",
    { interests: ["mentor"] },
    { interests: ["mentor", "job_ads"] },
    { interests: ["internship", "mentor"] },
    { interests: ["mentor", "job_ads", "internship"] },
  ],
  [
    "set-removed-on-each-side",
    "meeting",
    { themes_covered: ["company", "offers"] },
    { themes_covered: ["offers"] },
    { themes_covered: ["company"] },
    { themes_covered: [] },
  ],
  [
    "set-client-reorder-server-changed",
    "company",
    { interests: ["a_x", "b_x"] },
    { interests: ["a_x", "b_x", "c_x"] },
    { interests: ["b_x", "a_x"] },
    { interests: ["a_x", "b_x", "c_x"] },
  ],
  [
    "object-text-key-merges-lines",
    "meeting",
    { follow_up: { tasks: BASE3 } },
    { follow_up: { tasks: "ONE\ntwo\nthree\n" } },
    { follow_up: { tasks: "one\ntwo\nTHREE\n" } },
    { follow_up: { tasks: "ONE\ntwo\nTHREE\n" } },
  ],
  [
    "attendance-is-atomic",
    "meeting",
    { follow_up: { attendance: ATTENDANCE } },
    { follow_up: { attendance: { ...ATTENDANCE, attended_hours: 25 } } },
    { follow_up: { attendance: { ...ATTENDANCE, norm_hours: 30 } } },
    { follow_up: { attendance: { ...ATTENDANCE, attended_hours: 25 } } },
    {
      "follow_up.attendance": [
        ATTENDANCE,
        { ...ATTENDANCE, attended_hours: 25 },
        { ...ATTENDANCE, norm_hours: 30 },
      ],
    },
  ],
  [
    "object-removed-by-client-server-changes-key",
    "citizen",
    { job_goals: { a: "x", b: "y" } },
    { job_goals: { a: "X", b: "y" } },
    {},
    { job_goals: { a: "X" } },
    { "job_goals.a": ["x", "X", M] },
  ],
  [
    "object-emptied-on-both-sides-goes",
    "citizen",
    { job_goals: { a: "x" } },
    { job_goals: {} },
    {},
    {},
  ],
  [
    "answers-repeat-group-same-key",
    "assessment",
    { answers: { tasks: { [UUID]: { employer_rating: 3 } } } },
    { answers: { tasks: { [UUID]: { employer_rating: 4 } } } },
    { answers: { tasks: { [UUID]: { employer_rating: 5 } } } },
    { answers: { tasks: { [UUID]: { employer_rating: 4 } } } },
    { [`answers.tasks.${UUID}.employer_rating`]: [3, 4, 5] },
  ],
  [
    "answers-rows-added-on-both-sides",
    "assessment",
    { answers: {} },
    { answers: { tasks: { [UUID]: { task: "S" } } } },
    { answers: { tasks: { [UUID2]: { task: "C" } } } },
    { answers: { tasks: { [UUID]: { task: "S" }, [UUID2]: { task: "C" } } } },
  ],
  [
    "signature-content-is-atomic",
    "signature",
    { content: { a: 1 } },
    { content: { a: 2 } },
    { content: { a: 1, b: 1 } },
    { content: { a: 2 } },
    { content: [{ a: 1 }, { a: 2 }, { a: 1, b: 1 }] },
  ],
  [
    "longtext-merges-as-text",
    "assessment",
    { answers: { c07: BASE3 } },
    { answers: { c07: "ONE\ntwo\nthree\n" } },
    { answers: { c07: "one\ntwo\nTHREE\n" } },
    { answers: { c07: "ONE\ntwo\nTHREE\n" } },
    {},
    ["answers.c07"],
  ],
  [
    "longtext-not-named-is-atomic",
    "assessment",
    { answers: { c07: BASE3 } },
    { answers: { c07: "ONE\ntwo\nthree\n" } },
    { answers: { c07: "one\ntwo\nTHREE\n" } },
    { answers: { c07: "ONE\ntwo\nthree\n" } },
    { "answers.c07": [BASE3, "ONE\ntwo\nthree\n", "one\ntwo\nTHREE\n"] },
  ],
  [
    "longtext-in-repeat-group-by-wildcard",
    "assessment",
    { answers: { tasks: { [UUID]: { agreement: BASE3 } } } },
    { answers: { tasks: { [UUID]: { agreement: "ONE\ntwo\nthree\n" } } } },
    { answers: { tasks: { [UUID]: { agreement: "one\ntwo\nTHREE\n" } } } },
    { answers: { tasks: { [UUID]: { agreement: "ONE\ntwo\nTHREE\n" } } } },
    {},
    ["answers.tasks.*.agreement"],
  ],
];

/** {unit: [base, server, client]} of a merge result. */
const triples = (conflicts) =>
  Object.fromEntries(
    Object.entries(conflicts).map(([unit, c]) => [unit, [c.base, c.server, c.client]]),
  );

describe("merge table", () => {
  for (const [name, type, base, server, client, data, conflicts = {}, textUnits = []] of ROWS) {
    test(name, () => {
      const result = merge(type, base, server, client, { textUnits });
      assert.deepEqual(result.data, data);
      assert.deepEqual(triples(result.conflicts), conflicts);
    });
  }
});

describe("merge results", () => {
  test("reports sides, applied units and conflict values", () => {
    const base = { name: "A", city: "X", agreements: AGREEMENTS };
    const result = merge(
      "meeting",
      base,
      { name: "A", city: "Y" },
      { name: "B", agreements: [item("a", "A2"), item("b", "B")] },
    );
    assert.deepEqual(result.clientChanged, new Set(["name", "city", "agreements.a.text"]));
    assert.deepEqual(result.serverChanged, new Set(["city", "agreements.a", "agreements.b"]));
    assert.deepEqual(result.applied, new Set(["name"]));
    assert.deepEqual(result.data, { name: "B", city: "Y" });
    assert.deepEqual(conflictValues(result.conflicts), [
      { city: "X", "agreements.a": item("a", "A") },
      { city: "Y" },
      { "agreements.a": item("a", "A2") },
    ]);
  });

  test("nothing applied when everything conflicts", () => {
    assert.deepEqual(
      merge("company", { city: "X" }, { city: "Y" }, { city: "Z" }).applied,
      new Set(),
    );
  });

  test("a dropped client reorder is changed but not applied", () => {
    const result = merge(
      "meeting",
      { agreements: AGREEMENTS },
      { agreements: [...AGREEMENTS, item("s", "S")] },
      { agreements: AGREEMENTS.toReversed() },
    );
    assert.deepEqual(
      [result.clientChanged, result.applied, result.conflicts],
      [new Set(["agreements"]), new Set(), {}],
    );
  });

  test("inputs are not changed", () => {
    const sides = [
      { agreements: [item("a", "A", { done: null })] },
      { agreements: [item("a", "S")] },
      { agreements: [item("a", "C")] },
    ];
    const copies = structuredClone(sides);
    const result = merge("meeting", ...sides);
    result.data.agreements[0].text = "changed";
    assert.deepEqual(sides, copies);
  });

  test("a key named __proto__ is data like any other", () => {
    const result = merge("company", {}, JSON.parse('{"__proto__": "s"}'), { name: "C" });
    assert.deepEqual(Object.keys(result.data).sort(), ["__proto__", "name"]);
    assert.equal(Object.getPrototypeOf(result.data), Object.prototype);
  });

  test("diffUnits names changed units, item removals and list order", () => {
    assert.deepEqual(
      diffUnits(
        "meeting",
        { agreements: AGREEMENTS },
        { agreements: [item("a", "A2"), item("n", "N", { done: false })] },
      ),
      new Set(["agreements.a.text", "agreements.b", "agreements.n.text", "agreements.n.done"]),
    );
    assert.deepEqual(
      diffUnits("meeting", { agreements: AGREEMENTS }, { agreements: AGREEMENTS.toReversed() }),
      new Set(["agreements"]),
    );
    assert.deepEqual(diffUnits("company", { city: null }, {}), new Set());
  });

  test("a builtin template longtext merges inside a repeat group", () => {
    const at = (text) => ({ answers: { tasks: { [UUID]: { needed_for_pay: text } } } });
    const result = merge(
      "assessment",
      at(BASE3),
      at("ONE\ntwo\nthree\n"),
      at("one\ntwo\nTHREE\n"),
      { textUnits: new Set(["answers.tasks.*.needed_for_pay"]) },
    );
    assert.equal(result.data.answers.tasks[UUID].needed_for_pay, "ONE\ntwo\nTHREE\n");
    assert.deepEqual(result.applied, new Set([`answers.tasks.${UUID}.needed_for_pay`]));
  });
});

describe("units", () => {
  const cases = [
    [{ city: "X" }, "city", "X"],
    [{ city: null }, "city", M],
    [{ follow_up: { tasks: "t" } }, "follow_up.tasks", "t"],
    [{ agreements: AGREEMENTS }, "agreements.b.text", "B"],
    [{ agreements: AGREEMENTS }, "agreements.a", item("a", "A")],
    [{ agreements: AGREEMENTS }, "agreements.z.text", M],
    [{ city: "X" }, "city.x", M],
    [{}, "constructor", M],
  ];
  for (const [data, unit, value] of cases) {
    test(`unitValue ${unit} of ${JSON.stringify(data)}`, () =>
      assert.deepEqual(unitValue(data, unit), value));
  }

  test("setUnit sets, adds and removes keys and list items by id", () => {
    const data = { agreements: AGREEMENTS, name: "A" };
    assert.deepEqual(setUnit(data, "agreements.b.text", "B2"), {
      agreements: [item("a", "A"), item("b", "B2")],
      name: "A",
    });
    assert.deepEqual(setUnit(data, "agreements.n.text", "N").agreements.at(-1), item("n", "N"));
    assert.deepEqual(setUnit(data, "agreements.a", M).agreements, [item("b", "B")]);
    assert.deepEqual(setUnit(data, "follow_up.tasks", "t").follow_up, { tasks: "t" });
    assert.deepEqual(setUnit(data, "follow_up.tasks", M), data);
    assert.throws(() => setUnit(data, "name.x", 1), /name holds no units/);
    assert.deepEqual(data, { agreements: AGREEMENTS, name: "A" });
  });

  test("jsonEqual is strict about types, not about key order", () => {
    assert.equal(jsonEqual(true, 1), false);
    assert.equal(jsonEqual(1, 1.0), true);
    assert.equal(jsonEqual({ a: 1, b: [1, { c: 2 }] }, { b: [1, { c: 2 }], a: 1 }), true);
    assert.equal(jsonEqual({ a: 1 }, { a: 1, b: 2 }), false);
    assert.equal(jsonEqual([], {}), false);
    assert.equal(jsonEqual(null, M), false);
  });

  test("stripNulls drops null keys at every depth and keeps null list items", () => {
    assert.deepEqual(stripNulls({ a: null, b: { c: null, d: [null, { e: null }] } }), {
      b: { d: [null, {}] },
    });
  });

  test('templateTextUnits names longtext items, repeat groups by "*"', () => {
    const definition = {
      sections: [
        {
          id: "s1",
          items: [
            { id: "c07", type: "longtext" },
            { id: "c08", type: "text" },
          ],
        },
        {
          id: "s2",
          items: [
            {
              id: "tasks",
              type: "repeat",
              over: "rows",
              items: [
                { id: "agreement", type: "longtext" },
                { id: "rating", type: "rating" },
              ],
            },
          ],
        },
      ],
    };
    assert.deepEqual(
      templateTextUnits("answers", definition),
      new Set(["answers.c07", "answers.tasks.*.agreement"]),
    );
  });
});

describe("the same answers as the Python merge", () => {
  const sorted = (units) => [...units].sort();
  const present = (conflicts) =>
    Object.fromEntries(
      Object.entries(conflicts).map(([unit, sides]) => [
        unit,
        Object.fromEntries(Object.entries(sides).filter(([, value]) => value !== M)),
      ]),
    );

  test("the fixture holds the table, property examples and long texts", () => {
    const names = FIXTURES.merges.map((c) => c.name);
    assert.ok(
      names.includes("text-adjacent-lines-conflict") &&
        names.includes("property-0") &&
        names.includes("long-text-0"),
    );
  });

  for (const c of FIXTURES.merges) {
    test(c.name, () => {
      const result = merge(c.type, c.base, c.server, c.client, { textUnits: c.textUnits });
      assert.deepEqual(
        {
          data: result.data,
          conflicts: present(result.conflicts),
          clientChanged: sorted(result.clientChanged),
          serverChanged: sorted(result.serverChanged),
          applied: sorted(result.applied),
        },
        {
          data: c.data,
          conflicts: c.conflicts,
          clientChanged: sorted(c.clientChanged),
          serverChanged: sorted(c.serverChanged),
          applied: sorted(c.applied),
        },
      );
    });
  }

  test("diffUnits", () => {
    for (const d of FIXTURES.diffs)
      assert.deepEqual(sorted(diffUnits(d.type, d.base, d.other)), d.units);
  });
});
