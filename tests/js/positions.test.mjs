// Open positions and their age (ui/team/positions.js): yellow from 7, red from 14 Copenhagen days.
import assert from "node:assert/strict";
import { test } from "node:test";
import {
  ageOf,
  copenhagenDay,
  filterPositions,
  openPositions,
} from "../../pwa/static/src/ui/team/positions.js";

const AGES = [
  // [since, today, days, level, word]
  ["2026-03-04", "2026-03-10", 6, "new", "Ny"],
  ["2026-03-03", "2026-03-10", 7, "yellow", "Ældes"],
  ["2026-02-25", "2026-03-10", 13, "yellow", "Ældes"],
  ["2026-02-24", "2026-03-10", 14, "red", "Haster"],
  ["2026-03-22", "2026-03-29", 7, "yellow", "Ældes"], // across the switch to summer time
  ["2026-03-10", "2026-03-10", 0, "new", "Ny"],
];

for (const [since, today, days, level, word] of AGES) {
  test(`${since} → ${today} is ${days} days: ${level}`, () => {
    const age = ageOf(since, today);
    assert.deepEqual([age.days, age.level, age.word], [days, level, word]);
    assert.equal(Boolean(age.icon), level !== "new");
  });
}

const DAYS = [
  // [instant, Copenhagen day]
  ["2026-03-09T22:59:00Z", "2026-03-09"],
  ["2026-03-09T23:00:00Z", "2026-03-10"],
  ["2026-07-09T21:59:00Z", "2026-07-09"],
  ["2026-07-09T22:00:00Z", "2026-07-10"],
];

for (const [instant, day] of DAYS) {
  test(`${instant} is ${day} in Copenhagen`, () => assert.equal(copenhagenDay(instant), day));
}

test("the 7th Copenhagen day turns yellow although only 6 days and 1 hour have passed in UTC", () => {
  const today = copenhagenDay("2026-03-09T23:30:00Z");
  assert.equal(ageOf("2026-03-03", today).level, "yellow");
});

const contact = (id, data, createdBy = "u1") => ({
  id,
  data: { company_id: "c1", ...data },
  createdBy,
});

test("open openings and orders, oldest first; filled, closed and carried ones leave the list", () => {
  const contacts = [
    contact("k1", {
      contacted_on: "2026-03-01",
      result: "internship",
      positions: 2,
      filled: 1,
      job_function: "koekken",
    }),
    contact("k2", { contacted_on: "2026-02-01", result: "no_opening" }),
    contact("k3", {
      contacted_on: "2026-02-02",
      result: "ordinary_opening",
      positions: 1,
      filled: 1,
    }),
    contact(
      "k4",
      {
        contacted_on: "2026-02-03",
        result: "flex_job",
        positions: 1,
        job_order_id: "o1",
        job_function: "lager",
      },
      "u2",
    ),
  ];
  const orders = [
    {
      id: "o1",
      data: { company_id: "c2", title: "Lager", positions: 2, log: [{ date: "2026-02-20" }] },
      createdBy: "u2",
      createdAt: "2026-02-03T09:00:00Z",
    },
    {
      id: "o2",
      data: { company_id: "c2", title: "Kok", status: "closed" },
      createdBy: "u1",
      createdAt: "2026-02-03T09:00:00Z",
    },
  ];
  const companies = new Map([
    ["c1", { name: "Bager", company_type: "db07_c" }],
    ["c2", { name: "Lager A/S", company_type: "db07_h" }],
  ]);
  const rows = openPositions({ contacts, orders, companies, today: "2026-03-10" });
  assert.deepEqual(
    rows.map((r) => [r.id, r.open, r.since, r.age.level]),
    [
      ["o1", 2, "2026-02-20", "red"],
      ["k1", 1, "2026-03-01", "yellow"],
    ],
  );
  assert.equal(rows[0].jobFunction, "lager");
  assert.deepEqual(
    filterPositions(rows, { companyType: "db07_c" }).map((r) => r.id),
    ["k1"],
  );
  assert.deepEqual(
    filterPositions(rows, { userId: "u2", jobFunction: "lager" }).map((r) => r.id),
    ["o1"],
  );
});

test("contacts without openings by company type over the last months", async () => {
  const { monthsBefore, noOpeningsByType } =
    await import("../../pwa/static/src/ui/team/positions.js");
  assert.equal(monthsBefore("2026-05-31", 3), "2026-03-03");
  assert.equal(monthsBefore("2026-03-10", 12), "2025-03-10");
  const companies = new Map([
    ["a", { company_type: "db07_g" }],
    ["b", { company_type: "db07_h" }],
  ]);
  const contacts = [
    contact("1", { company_id: "a", result: "no_opening", contacted_on: "2026-03-01" }),
    contact("2", { company_id: "a", result: "no_opening", contacted_on: "2025-01-01" }),
    contact("3", { company_id: "b", result: "no_opening", contacted_on: "2026-02-01" }),
    contact("4", { company_id: "a", result: "no_opening", contacted_on: "2026-02-11" }),
    contact("5", { company_id: "b", result: "internship", contacted_on: "2026-02-11" }),
  ];
  assert.deepEqual(noOpeningsByType(contacts, companies, "2025-12-10"), [
    ["db07_g", 2],
    ["db07_h", 1],
  ]);
});
