// "Nyt forløb": citizen search, the duplicate-CPR check, the citizen codecs and the placement data.
import assert from "node:assert/strict";
import { test } from "node:test";

import {
  CITIZEN_CODECS,
  citizenWithCpr,
  newCitizenErrors,
  normaliseCpr,
  searchCitizens,
} from "../../pwa/static/src/ui/placement/citizen-model.js";
import {
  newPlacementData,
  newPlacementErrors,
} from "../../pwa/static/src/ui/placement/new-placement.js";

const CITIZENS = [
  { id: "a", data: { name: "Mia Østergård", cpr: "010190-1234" } },
  { id: "b", data: { name: "Ole Hansen", cpr: "020285-5678" } },
  { id: "c", data: { name: "Mia Berg" } },
  { id: "d", deleted: true, data: { name: "Gammel", cpr: "030390-1111" } },
];

test("search by name words or by the last digits of the CPR number", () => {
  const table = [
    ["mia", ["a", "c"]],
    ["østergård mia", ["a"]],
    ["1234", ["a"]],
    ["78", ["b"]],
    ["", []],
    ["zz", []],
  ];
  for (const [query, ids] of table)
    assert.deepEqual(
      searchCitizens(CITIZENS, query).map((c) => c.id),
      ids,
      query,
    );
});

test("the same CPR number in the team is found, however it is typed", () => {
  const table = [
    ["0101901234", "a"],
    ["010190-1234", "a"],
    ["010190 1234", "a"],
    ["010190-9999", null],
    ["030390-1111", null],
    ["", null],
  ];
  for (const [cpr, id] of table) assert.equal(citizenWithCpr(CITIZENS, cpr)?.id ?? null, id, cpr);
  assert.equal(citizenWithCpr(CITIZENS, "010190-1234", "a"), null);
  assert.equal(normaliseCpr("0101901234"), "010190-1234");
});

test("the citizen codecs check CPR, e-mail and phone as the server does", () => {
  const table = [
    ["cpr", "0101901234", { value: "010190-1234" }],
    ["cpr", "310290-1234", "error"],
    ["cpr", "", { value: null }],
    ["email", "a@b.dk", { value: "a@b.dk" }],
    ["email", "a@", "error"],
    ["phone", "+45 12 34 56 78", { value: "+45 12 34 56 78" }],
    ["phone", "abc", "error"],
  ];
  for (const [field, text, expected] of table) {
    const parsed = CITIZEN_CODECS[field].parse(text);
    if (expected === "error") assert.ok(parsed.errors?.[field], `${field} ${text}`);
    else assert.deepEqual(parsed, expected, `${field} ${text}`);
  }
  assert.deepEqual(Object.keys(newCitizenErrors({ cpr: "999999-9999" })).sort(), ["cpr", "name"]);
  assert.deepEqual(newCitizenErrors({ name: "Sara" }), {});
});

test("the placement form gives the record data, planned or active by the start date", () => {
  let n = 0;
  const newId = () => `id${++n}`;
  const data = newPlacementData(
    {
      kind: "internship",
      start_date: "2026-12-01",
      end_date: "",
      internship: "18,5",
      paid: "",
      purpose: "Afklaring",
      functions: "Lager\n\n Kasse ",
    },
    { citizenId: "c", companyId: "k", today: "2026-11-23", newId },
  );
  assert.deepEqual(data, {
    citizen_id: "c",
    company_id: "k",
    kind: "internship",
    start_date: "2026-12-01",
    status: "planned",
    purpose: "Afklaring",
    work_functions: [
      { id: "id1", name: "Lager" },
      { id: "id2", name: "Kasse" },
    ],
    hours: [{ id: "id3", from_date: "2026-12-01", internship_hours: 18.5 }],
  });
  assert.equal(
    newPlacementData(
      { kind: "ordinary", start_date: "2026-11-01" },
      { citizenId: "c", companyId: "k", today: "2026-11-23" },
    ).status,
    "active",
  );
  const table = [
    [{ start_date: "" }, ["start_date"]],
    [{ start_date: "2026-11-01", end_date: "2026-10-01" }, ["end_date"]],
    [{ start_date: "2026-11-01", internship: "x", paid: "-1" }, ["internship_hours", "paid_hours"]],
    [{ start_date: "2026-11-01" }, []],
  ];
  for (const [form, fields] of table)
    assert.deepEqual(Object.keys(newPlacementErrors(form)).sort(), fields, JSON.stringify(form));
});
