// The company list's search and filters, active placements and the briefing's choices.
import assert from "node:assert/strict";
import { test } from "node:test";

import {
  activeCounts,
  currentHours,
  filterCompanies,
  isActivePlacement,
  lastFollowUp,
  newestFirst,
} from "../../pwa/static/src/ui/company-model.js";

const rows = [
  {
    id: "a",
    sort: {
      name: "Havnens Bageri",
      cvr: "29403171",
      city: "Esbjerg",
      industry: "Fødevarer",
      status: "active",
    },
  },
  {
    id: "b",
    sort: {
      name: "Fjordens Tømrer",
      cvr: "",
      city: "Ribe",
      industry: "Byggeri",
      status: "prospect",
    },
  },
  {
    id: "c",
    sort: { name: "Esbjerg Lager", cvr: "10000009", city: "Varde", industry: "Logistik" },
  },
];
const ids = (found) => found.map((r) => r.id);

test("search in name, CVR, city and industry; every word must match", () => {
  const none = new Map();
  assert.deepEqual(ids(filterCompanies(rows, { search: "esbjerg" }, none)), ["a", "c"]);
  assert.deepEqual(ids(filterCompanies(rows, { search: "2940" }, none)), ["a"]);
  assert.deepEqual(ids(filterCompanies(rows, { search: "byggeri" }, none)), ["b"]);
  assert.deepEqual(ids(filterCompanies(rows, { search: "esbjerg logistik" }, none)), ["c"]);
  assert.deepEqual(ids(filterCompanies(rows, { search: "  " }, none)), ["a", "b", "c"]);
});

test('status filter and "har aktive forløb"', () => {
  const counts = activeCounts(
    [
      { data: { company_id: "b", status: "active" } },
      { data: { company_id: "b", status: "ended" } },
      { data: { company_id: "c", start_date: "2026-01-01", end_date: "2026-02-01" } },
    ],
    "2026-11-23",
  );
  assert.deepEqual([...counts], [["b", 1]]);
  assert.deepEqual(ids(filterCompanies(rows, { status: "prospect" }, counts)), ["b"]);
  assert.deepEqual(ids(filterCompanies(rows, { activeOnly: true }, counts)), ["b"]);
  assert.deepEqual(ids(filterCompanies(rows, { activeOnly: true, search: "havn" }, counts)), []);
});

test("a placement without status is active while it runs", () => {
  assert.equal(isActivePlacement({ start_date: "2026-11-01" }, "2026-11-23"), true);
  assert.equal(isActivePlacement({ start_date: "2026-12-01" }, "2026-11-23"), false);
  assert.equal(
    isActivePlacement({ start_date: "2026-11-01", end_date: "2026-11-22" }, "2026-11-23"),
    false,
  );
  assert.equal(
    isActivePlacement({ start_date: "2026-12-01", status: "active" }, "2026-11-23"),
    true,
  );
});

test("current hours: the newest row from on or before today", () => {
  const hours = [
    { id: "1", from_date: "2026-10-01", paid_hours: 0 },
    { id: "2", from_date: "2026-11-16", paid_hours: 5 },
    { id: "3", from_date: "2026-12-01", paid_hours: 10 },
  ];
  assert.equal(currentHours(hours, "2026-11-23").id, "2");
  assert.equal(currentHours(hours, "2026-09-01").id, "1");
  assert.equal(currentHours([], "2026-11-23"), null);
});

test("meeting history newest first; the last follow-up is the newest held follow-up", () => {
  const meetings = [
    {
      id: "old",
      data: { kind: "follow_up", held_at: "2026-10-01T09:00:00+02:00", notes_company: "a" },
    },
    { id: "plan", data: { kind: "follow_up", scheduled_at: "2026-12-01T09:00:00+01:00" } },
    { id: "new", data: { kind: "follow_up", held_at: "2026-11-10T09:00:00+01:00" } },
    {
      id: "visit",
      data: { kind: "first_visit", held_at: "2026-11-20T09:00:00+01:00", notes_company: "b" },
    },
  ];
  assert.deepEqual(
    newestFirst(meetings).map((m) => m.id),
    ["plan", "visit", "new", "old"],
  );
  assert.equal(lastFollowUp(meetings).id, "new");
  assert.equal(lastFollowUp([meetings[3]]).id, "visit");
  assert.equal(lastFollowUp([meetings[1]]), null);
});
