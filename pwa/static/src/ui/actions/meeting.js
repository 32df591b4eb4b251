// The meeting screen's writes that carry domain rules (docs/domain.md meeting, task): the
// screen validates and asks, these write. Each write goes through store/records.js.
import { getRecord, saveRecord } from "../../store/records.js";
import { derivedTaskId, meetingTasks, taskChanges } from "../meeting/tasks.js";

/** Finish a complete meeting: status final, its follow-up and agreement tasks made or updated (a deleted one stays deleted). */
export async function finishMeeting(id, data, companyName) {
  if (data.status !== "final") await saveRecord("meeting", id, { status: "final" });
  for (const task of meetingTasks(id, data, companyName)) {
    const existing = await getRecord(task.id);
    if (existing?.deleted) continue;
    const changes = taskChanges(existing?.data, task.data);
    if (Object.keys(changes).length) await saveRecord("task", task.id, changes);
  }
}

/** Mark agreement `agreementId` of an earlier meeting ({id, data}) done, and its task with it. */
export async function markAgreementDone(meeting, agreementId) {
  const agreements = meeting.data.agreements.map((a) =>
    a.id === agreementId ? { ...a, done: true } : a,
  );
  await saveRecord("meeting", meeting.id, { agreements });
  const task = await getRecord(derivedTaskId(agreementId, "agreement"));
  if (task && !task.deleted && !task.data.done) await saveRecord("task", task.id, { done: true });
}
