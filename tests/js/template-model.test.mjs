// The template renderer's model against the built-in templates (server/builtin_templates):
// every item maps to an input, level points and totals, completeness for status final, and
// repeat groups over work functions keep their keys across assessments.
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { describe, test } from "node:test";

import {
  answerText,
  describeItem,
  getAnswer,
  groupRows,
  hasTotal,
  isAnswered,
  itemsOf,
  levelPoints,
  maxPoints,
  missingRequired,
  optionsOf,
  parseNumberInput,
  pathKey,
  removeRow,
  setAnswer,
  totals,
} from "../../pwa/static/src/ui/template/model.js";

const FOLDER = new URL("../../server/builtin_templates/", import.meta.url);
const TEMPLATES = Object.fromEntries(
  readdirSync(FOLDER)
    .filter((f) => f.endsWith(".json"))
    .map((f) => JSON.parse(readFileSync(new URL(f, FOLDER), "utf8")))
    .map((t) => [t.key, t]),
);
const kort = TEMPLATES.progressionskort.definition;
const trappe = TEMPLATES.progressionsvaerktoej.definition;
const modJob = TEMPLATES["progression-mod-job"].definition;
const CONTROLS = {
  text: "text",
  longtext: "textarea",
  date: "date",
  time: "time",
  integer: "number",
  number: "number",
  boolean: "checkbox",
  choice: "radios",
  multichoice: "checkboxes",
  level: "levels",
  rating: "rating",
  repeat: "group",
};
const WF1 = "11111111-1111-4111-8111-111111111111";
const WF2 = "22222222-2222-4222-8222-222222222222";

function everyItem(definition) {
  const out = [];
  const walk = (items) =>
    items.forEach((item) => {
      out.push(item);
      if (item.type === "repeat") walk(item.items);
    });
  definition.sections.forEach((section) => walk(section.items));
  return out;
}

describe("every built-in template renders", () => {
  for (const [key, template] of Object.entries(TEMPLATES)) {
    test(`${key}: every item maps to its control, with the template's own labels`, () => {
      for (const item of everyItem(template.definition)) {
        const control = describeItem(item);
        assert.equal(control.control, CONTROLS[item.type], `${key}.${item.id}`);
        if (item.type === "level") {
          assert.deepEqual(
            control.options.map((o) => [o.value, o.label, o.points]),
            item.levels.map((l) => [l.value, l.label, l.points]),
          );
        }
      }
    });
  }

  test("the progressionskort has 13 criteria in three groups with five anchored levels each", () => {
    const levels = itemsOf(kort).filter(({ item }) => item.type === "level");
    assert.equal(levels.length, 13);
    assert.equal(new Set(levels.map(({ section }) => section.id)).size, 3);
    assert.ok(levels.every(({ item }) => item.levels.length === 5 && item.required));
    const punctuality = levels[0].item;
    assert.equal(punctuality.label, "Mødetider");
    assert.equal(describeItem(punctuality).options[0].label, "Overholder altid mødetider");
  });

  test("a rating 1–10 gives ten options; the staircase has the five named steps", () => {
    const employer = everyItem(modJob).find((i) => i.id === "employer_rating");
    assert.deepEqual(
      describeItem(employer).options.map((o) => o.value),
      [1, 2, 3, 4, 5, 6, 7, 8, 9, 10],
    );
    const start = everyItem(trappe).find((i) => i.id === "start_level");
    assert.deepEqual(
      describeItem(start).options.map((o) => o.label),
      ["Begynder", "Avanceret begynder", "Selvstartende", "Selvkørende", "Oplært"],
    );
  });

  test("item types the built-ins do not use still map (choice, multichoice, integer, number, time)", () => {
    const choice = { id: "c", type: "choice", options: ["ja", { value: "nej", label: "Nej tak" }] };
    assert.deepEqual(optionsOf(choice), [
      { value: "ja", label: "ja" },
      { value: "nej", label: "Nej tak" },
    ]);
    assert.equal(describeItem({ type: "multichoice", options: [] }).control, "checkboxes");
    assert.equal(describeItem({ type: "integer" }).parse, "integer");
    assert.equal(describeItem({ type: "number" }).parse, "number");
    assert.equal(describeItem({ type: "mystery" }).control, "unknown");
  });
});

describe("points and totals are derived", () => {
  test("level points come from the anchor, not from the level value", () => {
    const adaptability = itemsOf(kort).find(({ item }) => item.id === "adaptability").item;
    assert.equal(levelPoints(adaptability, 5), 4);
    assert.equal(levelPoints(adaptability, 1), 0);
    assert.equal(levelPoints(adaptability, undefined), null);
    assert.equal(maxPoints(adaptability), 4);
  });

  test("the total sums the answered criteria; the maximum is the sum of each best level", () => {
    assert.ok(hasTotal(kort));
    assert.ok(!hasTotal(modJob));
    const empty = totals(kort, {});
    assert.deepEqual([empty.total, empty.answered, empty.count], [0, 0, 13]);
    assert.equal(empty.max, 5 + 5 + 5 + 4 + 4 + 4 + 5 + 4 + 3 + 3 + 4 + 5 + 5);
    const some = totals(kort, { punctuality: 5, attendance: 3, work_output: 4, danish: 2 });
    assert.equal(some.total, 5 + 3 + 5 + 3);
    assert.equal(some.answered, 4);
    assert.deepEqual(some.sections.personal_competences, { total: 8, max: 19 });
  });
});

describe("completeness for status final", () => {
  test("every required criterion must be answered; the optional text need not be", () => {
    assert.equal(missingRequired(kort, {}).length, 13);
    const all = Object.fromEntries(
      itemsOf(kort)
        .filter(({ item }) => item.type === "level")
        .map(({ item }) => [item.id, 3]),
    );
    assert.deepEqual(missingRequired(kort, all), []);
    const missing = missingRequired(kort, { ...all, danish: undefined });
    assert.deepEqual(missing, [{ path: ["danish"], label: "Dansk" }]);
  });

  test("inside a repeat group each row needs its required items; empty text is no answer", () => {
    const answers = {
      tasks: {
        [WF1]: { task: "Opfyldning", employer_rating: 6 },
        [WF2]: { task: "", citizen_rating: 4 },
      },
    };
    assert.deepEqual(
      missingRequired(modJob, answers).map((m) => pathKey(m.path)),
      [`tasks.${WF2}.task`, `tasks.${WF2}.employer_rating`],
    );
    assert.deepEqual(
      missingRequired(trappe, { work_function_progress: { [WF1]: { start_level: 2 } } }),
      [],
    );
  });
});

describe("answers by path", () => {
  test("set, read and clear a nested answer; emptied rows and groups disappear", () => {
    let answers = setAnswer({}, ["tasks", WF1, "task"], "Kasse");
    answers = setAnswer(answers, ["tasks", WF1, "employer_rating"], 7);
    assert.equal(getAnswer(answers, ["tasks", WF1, "employer_rating"]), 7);
    answers = setAnswer(answers, ["tasks", WF1, "task"], "");
    assert.deepEqual(answers, { tasks: { [WF1]: { employer_rating: 7 } } });
    assert.deepEqual(setAnswer(answers, ["tasks", WF1, "employer_rating"], undefined), {});
    assert.deepEqual(removeRow(answers, "tasks", WF1), {});
    assert.ok(
      !isAnswered([]) && !isAnswered({}) && !isAnswered("") && isAnswered(0) && isAnswered(false),
    );
  });

  test("setAnswer never changes the answers it was given", () => {
    const before = { punctuality: 4 };
    const after = setAnswer(before, ["attendance"], 5);
    assert.deepEqual(before, { punctuality: 4 });
    assert.deepEqual(after, { punctuality: 4, attendance: 5 });
  });

  test("numbers typed the Danish way", () => {
    assert.equal(parseNumberInput("7,5"), 7.5);
    assert.equal(parseNumberInput(" 12 ", true), 12);
    assert.ok(Number.isNaN(parseNumberInput("7,5", true)));
    assert.ok(Number.isNaN(parseNumberInput("syv")));
    assert.equal(parseNumberInput(""), undefined);
  });
});

describe("repeat groups", () => {
  const group = everyItem(trappe).find((i) => i.id === "work_function_progress");
  const workFunctions = [
    { id: WF1, name: "Lager" },
    { id: WF2, name: "Kasse" },
  ];

  test("a group over work functions is keyed by the work-function ids, in the placement order", () => {
    assert.deepEqual(
      groupRows(group, {}, workFunctions).map((r) => [r.key, r.name]),
      [
        [WF1, "Lager"],
        [WF2, "Kasse"],
      ],
    );
  });

  test("keys line up across assessments, and a removed work function keeps its answers", () => {
    const first = setAnswer({}, ["work_function_progress", WF1, "start_level"], 1);
    const second = setAnswer({}, ["work_function_progress", WF1, "start_level"], 3);
    assert.deepEqual(
      groupRows(group, first, workFunctions).map((r) => r.key),
      groupRows(group, second, workFunctions).map((r) => r.key),
    );
    const rows = groupRows(group, first, [{ id: WF2, name: "Kasse" }]);
    assert.deepEqual(
      rows.map((r) => [r.key, r.removed]),
      [
        [WF2, false],
        [WF1, true],
      ],
    );
  });

  test("a group over rows shows the rows the answers hold", () => {
    const tasks = everyItem(modJob).find((i) => i.id === "tasks");
    const answers = { tasks: { [WF2]: { task: "B" }, [WF1]: { task: "A" } } };
    assert.deepEqual(
      groupRows(tasks, answers, workFunctions).map((r) => r.key),
      [WF2, WF1],
    );
  });
});

test("the read-only view writes answers in words: dates the Danish way, yes/no, levels with points", () => {
  assert.equal(answerText({ id: "d", type: "date" }, "2026-12-01"), "1. december 2026");
  assert.equal(answerText({ id: "b", type: "boolean" }, false), "Nej");
  assert.equal(answerText({ id: "n", type: "number" }, 7.5), "7,5");
  assert.equal(answerText({ id: "t", type: "time" }, "08:30"), "08:30");
  assert.equal(answerText({ id: "d", type: "date" }, ""), "");
  const level = kort.sections.flatMap((s) => s.items).find((i) => i.type === "level");
  assert.equal(
    answerText(level, level.levels[0].value),
    `${level.levels[0].label} (${level.levels[0].points} point)`,
  );
});
