// The Danish names the app gives the server's field paths (ui/labels.js unitLabel, problemLines).
import assert from "node:assert/strict";
import { test } from "node:test";

import { problemLines, unitLabel } from "../../pwa/static/src/ui/labels.js";

test("field paths get Danish labels, list rows counted from 1", () => {
  const cases = [
    ["company", "city", "By"],
    ["meeting", "notes_company", "Aftalt med virksomheden"],
    ["placement", "hours.0.paid_hours", "Timer pr. uge (række 1, paid_hours)"],
    ["placement", "end_date", "Slutdato"],
    ["placement", "unknown_field", "unknown_field"],
    ["task", "title", "title"],
  ];
  for (const [type, unit, label] of cases)
    assert.equal(unitLabel(type, unit), label, `${type} ${unit}`);
});

test("a problem document becomes one line per field, with the data. prefix dropped", () => {
  const problem = { errors: { "data.hours.1.internship_hours": ["Must be at most 2 decimals."] } };
  assert.deepEqual(problemLines(problem, "placement"), [
    "Timer pr. uge (række 2, internship_hours): Must be at most 2 decimals.",
  ]);
  assert.deepEqual(problemLines({ detail: "Afvist" }, "placement"), ["Afvist"]);
});
