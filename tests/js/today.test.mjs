// "I dag": which meetings and deadlines show, in what order, and whose they are.
import assert from "node:assert/strict";
import { test } from "node:test";

import { derivedTaskId } from "../../pwa/static/src/ui/meeting/tasks.js";
import {
  addDays,
  buildAgenda,
  dayLabel,
  dueWords,
  orderTasks,
} from "../../pwa/static/src/ui/today-model.js";

const ME = "11111111-1111-4111-8111-111111111111";
const LIS = "22222222-2222-4222-8222-222222222222";
const CO = "aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa";
const CO2 = "bbbbbbbb-bbbb-4bbb-8bbb-bbbbbbbbbbbb";
const PL = "cccccccc-cccc-4ccc-8ccc-cccccccccccc";
const NOW = Date.parse("2026-11-23T08:00:00Z"); // Monday 09:00 in Copenhagen
const companies = new Map([
  [CO, { name: "Havnens Bageri", responsible_user_id: null }],
  [CO2, { name: "Fjordens Tømrer", responsible_user_id: ME }],
]);

const meeting = (id, data, createdBy = ME) => ({
  id,
  pending: false,
  createdBy,
  updatedBy: createdBy,
  data: { company_id: CO, kind: "follow_up", ...data },
});
const agenda = (meetings, tasks = [], extra = {}) =>
  buildAgenda({ meetings, tasks, companies, userId: ME, now: NOW, ...extra });

test("meetings in the window, by time, with the next one not yet held", () => {
  const result = agenda([
    meeting("m3", { scheduled_at: "2026-11-24T09:00:00+01:00" }),
    meeting("m1", { scheduled_at: "2026-11-23T07:30:00Z", held_at: "2026-11-23T07:30:00Z" }),
    meeting("m2", { scheduled_at: "2026-11-23T13:00:00+01:00", kind: "startup" }),
    meeting("old", { scheduled_at: "2026-11-22T09:00:00+01:00" }),
    meeting("far", { scheduled_at: "2026-11-30T09:00:00+01:00" }),
  ]);
  assert.deepEqual(
    result.meetings.map((m) => [m.id, m.day, m.time]),
    [
      ["m1", "2026-11-23", "08:30"],
      ["m2", "2026-11-23", "13:00"],
      ["m3", "2026-11-24", "09:00"],
    ],
  );
  assert.equal(result.next.id, "m2");
  assert.equal(result.meetings[1].kind, "Opstartsmøde");
  assert.equal(result.meetings[1].companyName, "Havnens Bageri");
});

test("a colleague's meeting shows only with everyone, or when I am responsible for the company", () => {
  const theirs = meeting("lis", { scheduled_at: "2026-11-23T10:00:00+01:00" }, LIS);
  const mineByCompany = meeting(
    "resp",
    { scheduled_at: "2026-11-23T11:00:00+01:00", company_id: CO2 },
    LIS,
  );
  const unsent = {
    ...meeting("new", { scheduled_at: "2026-11-23T12:00:00+01:00" }),
    createdBy: null,
    updatedBy: null,
  };
  assert.deepEqual(
    agenda([theirs, mineByCompany, unsent]).meetings.map((m) => m.id),
    ["resp", "new"],
  );
  assert.deepEqual(
    agenda([theirs, mineByCompany, unsent], [], { everyone: true }).meetings.map((m) => m.id),
    ["lis", "resp", "new"],
  );
});

test("a due follow-up shows until a later meeting about the same placement exists or its task is done", () => {
  const held = meeting("f", {
    placement_id: PL,
    held_at: "2026-11-02T09:00:00+01:00",
    next_follow_up: "2026-11-20",
  });
  const [due] = agenda([held]).deadlines;
  assert.equal(due.kind, "follow_up");
  assert.equal(due.overdue, true);
  assert.equal(due.words, "Forfalden for 3 dage siden");
  assert.equal(due.title, "Opfølgning hos Havnens Bageri");
  const later = meeting("g", { placement_id: PL, scheduled_at: "2026-11-25T09:00:00+01:00" });
  assert.deepEqual(agenda([held, later]).deadlines, []);
  const doneTask = {
    id: derivedTaskId("f", "next_follow_up"),
    createdBy: ME,
    data: { title: "x", due_date: "2026-11-20", done: true },
  };
  assert.deepEqual(agenda([held], [doneTask]).deadlines, []);
});

test("agreement items and tasks by date; derived tasks are shown once; done and far ones left out", () => {
  const m = meeting("a", {
    held_at: "2026-11-02T09:00:00+01:00",
    agreements: [
      {
        id: "d1d1d1d1-0000-4000-8000-000000000001",
        text: "Mette ringer til Ali",
        responsible: "Mette",
        due_date: "2026-11-23",
      },
      {
        id: "d1d1d1d1-0000-4000-8000-000000000002",
        text: "Udført",
        due_date: "2026-11-21",
        done: true,
      },
      { id: "d1d1d1d1-0000-4000-8000-000000000003", text: "Langt ude", due_date: "2026-12-24" },
    ],
  });
  const tasks = [
    { id: "t1", createdBy: ME, data: { title: "Send CV", due_date: "2026-11-22" } },
    { id: "t2", createdBy: LIS, data: { title: "Lis egen", due_date: "2026-11-22" } },
    {
      id: "t3",
      createdBy: LIS,
      data: { title: "Til mig", due_date: "2026-11-24", assignee_id: ME },
    },
    { id: "t4", createdBy: ME, data: { title: "Færdig", due_date: "2026-11-22", done: true } },
    {
      id: derivedTaskId("d1d1d1d1-0000-4000-8000-000000000001", "agreement"),
      createdBy: ME,
      data: { title: "Aftale: Mette ringer", due_date: "2026-11-23" },
    },
  ];
  const result = agenda([m], tasks);
  assert.deepEqual(
    result.deadlines.map((d) => [d.kind, d.title, d.words]),
    [
      ["task", "Send CV", "Forfalden i går"],
      ["agreement", "Mette ringer til Ali", "Forfalder i dag"],
      ["task", "Til mig", "Forfalder i morgen"],
    ],
  );
});

test("day labels and deadline words", () => {
  assert.equal(dayLabel("2026-11-23", "2026-11-23"), "I dag");
  assert.equal(dayLabel("2026-11-24", "2026-11-23"), "I morgen");
  assert.equal(dayLabel("2026-11-25", "2026-11-23"), "onsdag 25.11.");
  assert.equal(dueWords("2026-11-26", "2026-11-23"), "Om 3 dage");
  assert.equal(addDays("2026-12-31", 1), "2027-01-01");
});

test("tasks: open first by due date (none last), overdue marked, done last", () => {
  const ordered = orderTasks(
    [
      { id: "a", data: { title: "Uden frist" } },
      { id: "b", data: { title: "Færdig", due_date: "2026-11-01", done: true } },
      { id: "c", data: { title: "Senere", due_date: "2026-11-30" } },
      { id: "d", data: { title: "For sent", due_date: "2026-11-20" } },
    ],
    "2026-11-23",
  );
  assert.deepEqual(
    ordered.map((t) => [t.id, t.overdue]),
    [
      ["d", true],
      ["c", false],
      ["a", false],
      ["b", false],
    ],
  );
});
