// The tasks a finished meeting makes (docs/domain.md `task`): one for the next follow-up and
// one per agreement item with a due date. Ids are UUIDv5(namespace, source id + ":" +
// purpose), so every device (and every re-save of the meeting) makes the same task.
// Pure: no DOM, storage or network.
import { v5 as uuidv5 } from "uuid";

/** The namespace of task ids derived from other records (docs/domain.md `task`). */
export const TASK_NAMESPACE = "6c1a2f0e-5d0b-4a7e-9f54-6d3b1f6e2a10";
const TITLE_MAX = 200;

/** The id of the task made from a source record or item for a purpose ("next_follow_up", "agreement"). */
export function derivedTaskId(sourceId, purpose) {
  return uuidv5(`${sourceId}:${purpose}`, TASK_NAMESPACE);
}

function title(text) {
  const line =
    String(text || "")
      .split("\n")
      .find((l) => l.trim()) ?? "";
  const trimmed = line.trim();
  return trimmed.length > TITLE_MAX ? `${trimmed.slice(0, TITLE_MAX - 1)}…` : trimmed;
}

/** The tasks {id, data} a finished meeting implies; `companyName` names the company. */
export function meetingTasks(meetingId, meeting, companyName) {
  const tasks = [];
  if (meeting.next_follow_up) {
    tasks.push({
      id: derivedTaskId(meetingId, "next_follow_up"),
      data: {
        title: title(`Opfølgning hos ${companyName || "virksomheden"}`),
        due_date: meeting.next_follow_up,
        related_type: "meeting",
        related_id: meetingId,
      },
    });
  }
  for (const item of meeting.agreements ?? []) {
    if (!item.due_date || !item.id) continue;
    const who = item.responsible ? ` (${item.responsible})` : "";
    tasks.push({
      id: derivedTaskId(item.id, "agreement"),
      data: {
        title: title(`Aftale: ${title(item.text) || "uden tekst"}${who}`),
        due_date: item.due_date,
        related_type: "meeting",
        related_id: meetingId,
        ...(item.done ? { done: true } : {}),
      },
    });
  }
  return tasks;
}

/** The fields of `wanted` that differ from an existing task's data (all of them for a new task). */
export function taskChanges(existing, wanted) {
  const changes = {};
  for (const [field, value] of Object.entries(wanted)) {
    if (existing?.[field] !== value) changes[field] = value;
  }
  return changes;
}
