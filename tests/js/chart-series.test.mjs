// The data behind the placement's charts (ui/charts/series.js) and the placement page's
// input checks (ui/placement/checks.js), against the built-in templates.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { describe, test } from "node:test";

import {
  dayNumber,
  finalAssessments,
  gapWords,
  hourSteps,
  levelHistory,
  linearScale,
  niceMax,
  ratingGaps,
  staircases,
  stepPath,
} from "../../pwa/static/src/ui/charts/series.js";
import {
  hoursRow,
  parseHours,
  placementErrors,
  workFunctionErrors,
} from "../../pwa/static/src/ui/placement/checks.js";

const load = (key) =>
  JSON.parse(
    readFileSync(new URL(`../../server/builtin_templates/${key}.json`, import.meta.url), "utf8"),
  );
const kort = load("progressionskort");
const trappe = load("progressionsvaerktoej");
const modJob = load("progression-mod-job");
const WF1 = "11111111-1111-4111-8111-111111111111";
const WF2 = "22222222-2222-4222-8222-222222222222";
const ROW = "33333333-3333-4333-8333-333333333333";
const assessment = (id, key, date, answers, status = "final") => ({
  id,
  deleted: false,
  data: { template_key: key, template_version: 1, assessed_on: date, status, answers },
});

describe("final assessments", () => {
  test("only final, live assessments of the key count, oldest first", () => {
    const list = [
      assessment("b", "progressionskort", "2026-03-01", {}),
      assessment("a", "progressionskort", "2026-01-15", {}),
      assessment("c", "progressionskort", "2026-02-01", {}, "draft"),
      assessment("d", "progression-mod-job", "2026-02-01", {}),
      { ...assessment("e", "progressionskort", "2026-02-10", {}), deleted: true },
    ];
    assert.deepEqual(
      finalAssessments(list, "progressionskort").map((a) => a.id),
      ["a", "b"],
    );
  });
});

describe("progressionskort over dates", () => {
  const measured = [
    assessment("a", "progressionskort", "2026-01-15", { punctuality: 2, adaptability: 3 }),
    assessment("b", "progressionskort", "2026-03-01", {
      punctuality: 4,
      adaptability: 5,
      danish: 2,
    }),
  ];
  const history = levelHistory(kort.definition, measured);

  test("one series per criterion with level and points per date", () => {
    assert.deepEqual(history.dates, ["2026-01-15", "2026-03-01"]);
    assert.equal(history.criteria.length, 13);
    const adaptability = history.criteria.find((c) => c.id === "adaptability");
    assert.deepEqual(
      adaptability.values.map((v) => [v.level, v.points]),
      [
        [3, 2],
        [5, 4],
      ],
    );
    const danish = history.criteria.find((c) => c.id === "danish");
    assert.deepEqual(
      danish.values.map((v) => v.level),
      [null, 2],
    );
    assert.equal(danish.values[1].points, 3);
  });

  test("the total per date is computed from the points", () => {
    assert.deepEqual(
      history.totals.map((t) => t.total),
      [2 + 2, 4 + 4 + 3],
    );
    assert.ok(history.totals.every((t) => t.max === 56));
  });

  test("each assessment's points come from its own template version", () => {
    const v2 = structuredClone(kort.definition);
    v2.sections[0].items[0].levels.forEach((level) => {
      level.points = 10;
    });
    const own = levelHistory(kort.definition, measured, (a) =>
      a.id === "b" ? v2 : kort.definition,
    );
    assert.equal(own.criteria[0].values[1].points, 10);
    assert.equal(own.criteria[0].values[0].points, 2);
  });
});

describe("the staircase per work function", () => {
  const group = "work_function_progress";
  const measured = [
    assessment("a", "progressionsvaerktoej", "2026-01-10", {
      [group]: {
        [WF1]: {
          start_level: 1,
          start_date: "2026-01-10",
          target_1_level: 3,
          target_1_date: "2026-03-01",
        },
      },
    }),
    assessment("b", "progressionsvaerktoej", "2026-03-02", {
      [group]: {
        [WF1]: {
          start_level: 3,
          target_1_level: 4,
          target_1_date: "2026-05-01",
          target_2_level: 5,
        },
      },
    }),
  ];

  test("assessed levels over dates and the newest targets; steps named from the template", () => {
    const { steps, functions } = staircases(trappe.definition, measured, [
      { id: WF1, name: "Lager" },
      { id: WF2, name: "Kasse" },
    ]);
    assert.deepEqual(
      steps.map((s) => s.label),
      ["Begynder", "Avanceret begynder", "Selvstartende", "Selvkørende", "Oplært"],
    );
    const lager = functions.find((f) => f.key === WF1);
    assert.deepEqual(lager.assessed, [
      { date: "2026-01-10", level: 1 },
      { date: "2026-03-02", level: 3 },
    ]);
    assert.deepEqual(lager.targets, [
      { n: 1, level: 4, date: "2026-05-01" },
      { n: 2, level: 5, date: null },
    ]);
    const kasse = functions.find((f) => f.key === WF2);
    assert.deepEqual([kasse.assessed, kasse.targets], [[], []]);
  });

  test("a work function removed from the placement still shows its history", () => {
    const { functions } = staircases(trappe.definition, measured, []);
    assert.deepEqual(
      functions.map((f) => [f.key, f.removed]),
      [[WF1, true]],
    );
  });
});

describe("progression mod job: employer vs. citizen", () => {
  test("per task both ratings, the new-hire benchmark and the gap", () => {
    const a = assessment("a", "progression-mod-job", "2026-03-01", {
      tasks: {
        [WF1]: { task: "Opfyldning", employer_rating: 8, citizen_rating: 5, new_hire_rating: 9 },
        [ROW]: { task: "Kasse", employer_rating: 4 },
      },
    });
    const rows = ratingGaps(modJob.definition, a);
    assert.deepEqual(
      rows.map((r) => [r.task, r.employer, r.citizen, r.newHire, r.gap, r.max]),
      [
        ["Opfyldning", 8, 5, 9, 3, 10],
        ["Kasse", 4, null, null, null, 10],
      ],
    );
    assert.deepEqual(ratingGaps(modJob.definition, undefined), []);
  });

  test("the gap in words", () => {
    assert.equal(gapWords(3), "Forskel: 3 (arbejdsgiveren vurderer højere end borgeren)");
    assert.equal(gapWords(-2), "Forskel: 2 (borgeren vurderer højere end arbejdsgiveren)");
    assert.equal(gapWords(0), "Forskel: 0 (samme vurdering)");
    assert.match(gapWords(null), /kan ikke beregnes/);
  });
});

describe("hours and geometry", () => {
  test("hours rows become steps by date; missing hours count as 0", () => {
    const steps = hourSteps([
      { id: "1", from_date: "2026-03-01", paid_hours: 5 },
      { id: "2", from_date: "2026-01-01", internship_hours: 10 },
    ]);
    assert.deepEqual(steps, [
      { from: "2026-01-01", internship: 10, paid: 0 },
      { from: "2026-03-01", internship: 0, paid: 5 },
    ]);
  });

  test("a step path goes flat to the next date, then up or down, and on to the end", () => {
    assert.equal(
      stepPath(
        [
          { x: 0, y: 50 },
          { x: 10, y: 20 },
        ],
        30,
      ),
      "M0,50 H10 V20 H30",
    );
    assert.equal(stepPath([], 30), "");
  });

  test("scales and axis bounds", () => {
    assert.equal(linearScale(0, 10, 100, 0)(5), 50);
    assert.equal(linearScale(3, 3, 0, 10)(3), 5);
    assert.equal(niceMax([12, 3], 10), 15);
    assert.equal(niceMax([], 10), 10);
    assert.equal(dayNumber("1970-01-02"), 1);
  });
});

describe("what the placement page accepts", () => {
  test("hours: Danish decimals, never negative, at most two decimals", () => {
    assert.deepEqual(parseHours("7,5"), { value: 7.5 });
    assert.deepEqual(parseHours(""), { value: undefined });
    assert.match(parseHours("-1").error, /negative/);
    assert.match(parseHours("1,234").error, /to decimaler/);
    assert.match(parseHours("mange").error, /Skriv et antal timer/);
  });

  test("a new hours row needs a date and some hours", () => {
    const { row } = hoursRow({ from_date: "2026-03-01", internship: "15", paid: "" });
    assert.deepEqual(
      { ...row, id: "x" },
      { id: "x", from_date: "2026-03-01", internship_hours: 15 },
    );
    assert.match(row.id, /^[0-9a-f-]{36}$/);
    assert.deepEqual(Object.keys(hoursRow({ from_date: "", internship: "", paid: "" }).errors), [
      "from_date",
      "internship_hours",
    ]);
  });

  test("end date not before start; work functions need a name", () => {
    assert.deepEqual(placementErrors({ start_date: "2026-03-01", end_date: "2026-05-01" }), {});
    assert.match(
      placementErrors({ start_date: "2026-03-01", end_date: "2026-02-01" }).end_date,
      /før startdatoen/,
    );
    assert.deepEqual(
      workFunctionErrors([
        { id: "a", name: "Lager" },
        { id: "b", name: " " },
      ]),
      { b: "Skriv arbejdsfunktionens navn" },
    );
  });
});

test("progression mod job: each task is one line across dates, and a new assessment carries the tasks", async () => {
  const { carriedTasks, taskHistory } = await import("../../pwa/static/src/ui/charts/series.js");
  const definition = {
    sections: [
      { id: "s", title: "S", items: [{ id: "tasks", type: "repeat", over: "rows", items: [] }] },
    ],
  };
  const a = (id, date, rows, status = "final") => ({
    id,
    data: {
      template_key: "progression-mod-job",
      status,
      assessed_on: date,
      answers: { tasks: rows },
    },
  });
  const first = a("1", "2026-10-01", {
    r1: { task: "Kasse", employer_rating: 4, citizen_rating: 6, new_hire_rating: 7 },
  });
  const second = a("2", "2026-11-01", {
    r1: { task: "Kassen", employer_rating: 6, citizen_rating: 6 },
    r2: { task: "Lager", employer_rating: 3 },
  });
  assert.deepEqual(taskHistory(definition, [first, second]), [
    {
      key: "r1",
      task: "Kassen",
      points: [
        { date: "2026-10-01", employer: 4, citizen: 6, newHire: 7 },
        { date: "2026-11-01", employer: 6, citizen: 6, newHire: null },
      ],
    },
    {
      key: "r2",
      task: "Lager",
      points: [{ date: "2026-11-01", employer: 3, citizen: null, newHire: null }],
    },
  ]);
  assert.deepEqual(carriedTasks(definition, [first, second, a("3", "2026-09-01", {})]), {
    tasks: { r1: { task: "Kassen" }, r2: { task: "Lager" } },
  });
  assert.deepEqual(carriedTasks(definition, []), {});
});
