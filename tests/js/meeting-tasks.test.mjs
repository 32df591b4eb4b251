// The tasks a finished meeting makes: UUIDv5 ids (docs/domain.md `task`), stable across saves.
import assert from "node:assert/strict";
import { test } from "node:test";

import {
  TASK_NAMESPACE,
  derivedTaskId,
  meetingTasks,
  taskChanges,
} from "../../pwa/static/src/ui/meeting/tasks.js";

const MEETING = "0b7e2c1a-3d4f-4a5b-8c6d-7e8f9a0b1c2d";
const ITEM = "1c2d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f";

test('the id is UUIDv5 of "source id:purpose" in the agreed namespace', () => {
  assert.equal(TASK_NAMESPACE, "6c1a2f0e-5d0b-4a7e-9f54-6d3b1f6e2a10");
  // Python: uuid.uuid5(uuid.UUID(TASK_NAMESPACE), MEETING + ":next_follow_up")
  assert.equal(derivedTaskId(MEETING, "next_follow_up"), "ea01e527-aa03-5336-ad5d-44f03d3f0144");
  assert.match(
    derivedTaskId(ITEM, "agreement"),
    /^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
  );
});

test("same input gives the same id; another purpose or source gives another", () => {
  assert.equal(derivedTaskId(MEETING, "next_follow_up"), derivedTaskId(MEETING, "next_follow_up"));
  assert.notEqual(derivedTaskId(MEETING, "next_follow_up"), derivedTaskId(MEETING, "agreement"));
  assert.notEqual(derivedTaskId(MEETING, "agreement"), derivedTaskId(ITEM, "agreement"));
});

test("a finished meeting makes the follow-up task and one per dated agreement", () => {
  const meeting = {
    next_follow_up: "2026-12-07",
    agreements: [
      {
        id: ITEM,
        text: "Borgeren øger til 20 timer\nfra uge 50",
        responsible: "Mette",
        due_date: "2026-12-14",
      },
      { id: "a2a2a2a2-0000-4000-8000-000000000002", text: "Uden dato", responsible: "Ole" },
      {
        id: "a3a3a3a3-0000-4000-8000-000000000003",
        text: "Skaf sikkerhedssko",
        due_date: "2026-12-01",
        done: true,
      },
    ],
  };
  const tasks = meetingTasks(MEETING, meeting, "Havnens Bageri");
  assert.deepEqual(
    tasks.map((t) => t.id),
    [
      derivedTaskId(MEETING, "next_follow_up"),
      derivedTaskId(ITEM, "agreement"),
      derivedTaskId("a3a3a3a3-0000-4000-8000-000000000003", "agreement"),
    ],
  );
  assert.deepEqual(tasks[0].data, {
    title: "Opfølgning hos Havnens Bageri",
    due_date: "2026-12-07",
    related_type: "meeting",
    related_id: MEETING,
  });
  assert.equal(tasks[1].data.title, "Aftale: Borgeren øger til 20 timer (Mette)");
  assert.equal(tasks[1].data.due_date, "2026-12-14");
  assert.equal(tasks[1].data.done, undefined);
  assert.equal(tasks[2].data.done, true);
});

test("saving again gives the same tasks; a meeting without a follow-up date makes none", () => {
  const meeting = { next_follow_up: "2026-12-07" };
  assert.deepEqual(meetingTasks(MEETING, meeting, "A"), meetingTasks(MEETING, meeting, "A"));
  assert.deepEqual(meetingTasks(MEETING, {}, "A"), []);
});

test("titles stay within 200 characters", () => {
  const [, task] = meetingTasks(
    MEETING,
    {
      next_follow_up: "2026-12-07",
      agreements: [{ id: ITEM, text: "x".repeat(500), due_date: "2026-12-08" }],
    },
    "A",
  );
  assert.ok(task.data.title.length <= 200);
  assert.ok(task.data.title.endsWith("…"));
});

test("only fields that differ from the existing task are changed", () => {
  const wanted = {
    title: "Opfølgning hos A",
    due_date: "2026-12-07",
    related_type: "meeting",
    related_id: MEETING,
  };
  assert.deepEqual(taskChanges(null, wanted), wanted);
  assert.deepEqual(taskChanges({ ...wanted, done: true }, { ...wanted, due_date: "2026-12-09" }), {
    due_date: "2026-12-09",
  });
  assert.deepEqual(taskChanges({ ...wanted, done: true }, wanted), {});
});
