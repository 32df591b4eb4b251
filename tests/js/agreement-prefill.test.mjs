// An agreement's prefill from its placement, and the agreement screens' Danish formats.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";

import {
  hoursSummary,
  latestHours,
  nextFollowUp,
  prefillContent,
} from "../../pwa/static/src/ui/agreement/prefill.js";

const template = (key) =>
  JSON.parse(
    readFileSync(new URL(`../../server/builtin_templates/${key}.json`, import.meta.url), "utf8"),
  );
const PLACEMENT = {
  start_date: "2026-12-01",
  end_date: "2027-02-28",
  purpose: "Afklaring af arbejdsevne",
  goals: "Mål: 15 timer",
  work_functions: [
    { id: "a", name: "Lager", tasks: "Pluk og pak" },
    { id: "b", name: "Kantine" },
  ],
  hours: [
    { id: "1", from_date: "2026-12-01", internship_hours: 10 },
    { id: "2", from_date: "2027-01-04", internship_hours: 12.5, paid_hours: 3 },
  ],
};
const CONTACT = { name: "Søren Ødegård", phone: "75 12 00 00" };
const MEETINGS = [{ next_follow_up: "2026-12-15" }, { next_follow_up: "2027-01-10" }, {}];

test("an opstartsaftale is filled from the placement, its contact and meetings", () => {
  assert.deepEqual(
    prefillContent(template("opstartsaftale").definition, {
      placement: PLACEMENT,
      contact: CONTACT,
      meetings: MEETINGS,
    }),
    {
      goals: "Mål: 15 timer",
      start_date: "2026-12-01",
      working_hours: "12,5 timer praktik og 3 ordinære timer om ugen fra 4.1.2027",
      contact_person: "Søren Ødegård, tlf. 75 12 00 00",
      tasks_progression: "Lager: Pluk og pak\nKantine",
      next_follow_up: "2027-01-10",
    },
  );
});

test("a praktikaftale gets purpose, goal, period, schedule and work functions", () => {
  const content = prefillContent(template("praktikaftale").definition, {
    placement: PLACEMENT,
    contact: CONTACT,
  });
  assert.equal(content.purpose, "Afklaring af arbejdsevne");
  assert.equal(content.goal, "Mål: 15 timer");
  assert.equal(content.period_start, "2026-12-01");
  assert.equal(content.period_end, "2027-02-28");
  assert.equal(
    content.weekly_schedule,
    "12,5 timer praktik og 3 ordinære timer om ugen fra 4.1.2027",
  );
  assert.equal(content.work_functions, "Lager: Pluk og pak\nKantine");
  assert.equal(content.next_follow_up, undefined, "no meetings, no date guessed");
  assert.equal(content.contact_person, undefined, "not an item of praktikaftale");
});

test("an empty placement fills nothing", () => {
  assert.deepEqual(prefillContent(template("opstartsaftale").definition, { placement: {} }), {});
  assert.equal(hoursSummary([]), undefined);
  assert.equal(latestHours(undefined), null);
  assert.equal(nextFollowUp([]), undefined);
});

test("content checks: lengths and formats before saving, required items before ready", async () => {
  const { contentErrors, readyErrors } =
    await import("../../pwa/static/src/ui/agreement/content.js");
  const { definition } = template("opstartsaftale");
  assert.deepEqual(
    contentErrors(definition, {
      start_time: "8:00",
      working_hours: "x".repeat(501),
      goals: "y".repeat(501),
    }),
    { start_time: "Skriv et klokkeslæt som TT:MM", working_hours: "Højst 500 tegn" },
  );
  assert.deepEqual(
    contentErrors(definition, { start_time: "08:00", start_date: "2026-12-01" }),
    {},
  );
  assert.deepEqual(
    Object.keys(readyErrors(definition, { start_date: "2026-12-01", start_time: "08:00" })).sort(),
    ["contact_person", "next_follow_up"],
  );
});

test("a signature needs a name and a drawing, or the same name typed and confirmed", async () => {
  const { signingErrors } = await import("../../pwa/static/src/ui/agreement/content.js");
  const drawing = { strokes: [[[1, 2, 0]]], width: 400, height: 176 };
  assert.deepEqual(
    signingErrors({ name: "Åse", method: "drawn", drawing, typed: "", confirmed: false }),
    {},
  );
  assert.deepEqual(
    signingErrors({ name: " ", method: "drawn", drawing: null, typed: "", confirmed: false }),
    { name: "Skriv underskriverens navn", drawing: "Tegn underskriften i feltet" },
  );
  assert.deepEqual(
    signingErrors({
      name: "Åse Mølgaard",
      method: "typed",
      typed: "åse mølgaard ",
      confirmed: true,
    }),
    {},
  );
  assert.deepEqual(
    signingErrors({ name: "Åse Mølgaard", method: "typed", typed: "Bo", confirmed: false }),
    {
      typed: "Navnet skal være det samme som underskriverens navn",
      confirmed: "Sæt kryds for at bekræfte underskriften",
    },
  );
  assert.equal(
    signingErrors({
      name: "x".repeat(201),
      method: "typed",
      typed: "x".repeat(201),
      confirmed: true,
    }).name,
    "Højst 200 tegn",
  );
});
