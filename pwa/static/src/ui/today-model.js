// What "I dag" shows, as a pure function of the records on the device. Rules:
// - Mine: a meeting has no owner, so it is mine when I created it or changed it last
//   (the server envelope's created_by/updated_by), when it was made on this device and not
//   yet sent, or when I am responsible for its company. A task is mine when it is assigned
//   to me, or unassigned and made by me. `everyone` shows the whole team's.
// - Meetings: scheduled_at within today and the coming days (Copenhagen dates), by time;
//   the next meeting is the first not yet held (held_at set or status final = held).
// - Deadlines due on or before the window's last day: a meeting's next follow-up, unless a
//   later meeting about the same placement (or company) exists or its derived task is
//   done; a meeting's agreement items not done; open tasks. The tasks a meeting derives
//   (ui/meeting/tasks.js ids) are shown once, as the follow-up or agreement they came from.
// Pure: no DOM, storage or network.
import { MEETING_KINDS } from "./words.js";
import { derivedTaskId } from "./meeting/tasks.js";
import { daysBetween, rfc3339ToLocal, todayIso, weekday } from "../dates.js";

/** Days shown from today on (today plus the six coming days). */
export const WINDOW_DAYS = 7;

/** "YYYY-MM-DD" plus `days`. */
export function addDays(date, days) {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86400000).toISOString().slice(0, 10);
}

/** A day's heading: "I dag", "I morgen", "I går", else "onsdag 25.11.". */
export function dayLabel(date, today) {
  const delta = daysBetween(today, date);
  if (delta === 0) return "I dag";
  if (delta === 1) return "I morgen";
  if (delta === -1) return "I går";
  return `${weekday(date)} ${date.slice(8, 10)}.${date.slice(5, 7)}.`;
}

/** How a deadline stands: "Forfalden for N dage siden", "Forfalder i dag", "Om N dage". */
export function dueWords(date, today) {
  const delta = daysBetween(today, date);
  if (delta < 0) return delta === -1 ? "Forfalden i går" : `Forfalden for ${-delta} dage siden`;
  if (delta === 0) return "Forfalder i dag";
  return delta === 1 ? "Forfalder i morgen" : `Om ${delta} dage`;
}

function held(data) {
  return Boolean(data.held_at) || data.status === "final";
}

function localDate(dateTime) {
  return rfc3339ToLocal(dateTime).slice(0, 10);
}

/**
 * The agenda for `userId` at `now` (epoch ms): {today, meetings, next, deadlines}.
 * `meetings`/`tasks` are [{id, pending, data, createdBy, updatedBy}]; `companies` maps a
 * company id to {name, responsible_user_id}.
 */
export function buildAgenda({
  meetings,
  tasks,
  companies,
  userId,
  now = Date.now(),
  everyone = false,
  days = WINDOW_DAYS,
}) {
  const today = todayIso(now);
  const last = addDays(today, days - 1);
  const company = (id) => companies.get(id) ?? { name: "" };
  const mine = (record) =>
    everyone ||
    record.createdBy === userId ||
    record.updatedBy === userId ||
    !record.createdBy ||
    company(record.data.company_id).responsible_user_id === userId;
  const taskById = new Map(tasks.map((task) => [task.id, task]));
  const derived = new Set();

  const shown = meetings
    .filter((m) => mine(m) && m.data.scheduled_at)
    .map((m) => {
      const at = rfc3339ToLocal(m.data.scheduled_at);
      return {
        id: m.id,
        at,
        day: at.slice(0, 10),
        time: at.slice(11, 16),
        epoch: Date.parse(m.data.scheduled_at),
        kind: MEETING_KINDS[m.data.kind] ?? m.data.kind ?? "",
        companyId: m.data.company_id,
        companyName: company(m.data.company_id).name,
        placementId: m.data.placement_id ?? null,
        held: held(m.data),
        pending: m.pending,
      };
    })
    .filter((m) => m.day >= today && m.day <= last)
    .sort((a, b) => a.epoch - b.epoch);

  const deadlines = [];
  const latestByKey = new Map();
  for (const m of meetings) {
    const key = m.data.placement_id || `company:${m.data.company_id}`;
    const date = localDate(m.data.held_at || m.data.scheduled_at || "");
    if (date > (latestByKey.get(key) ?? "")) latestByKey.set(key, date);
  }
  for (const m of meetings) {
    const followUpTask = derivedTaskId(m.id, "next_follow_up");
    derived.add(followUpTask);
    (m.data.agreements ?? []).forEach(
      (item) => item.id && derived.add(derivedTaskId(item.id, "agreement")),
    );
    if (!mine(m)) continue;
    const name = company(m.data.company_id).name;
    const key = m.data.placement_id || `company:${m.data.company_id}`;
    const date = localDate(m.data.held_at || m.data.scheduled_at || "");
    const next = m.data.next_follow_up;
    if (
      next &&
      next <= last &&
      (latestByKey.get(key) ?? "") <= date &&
      !taskById.get(followUpTask)?.data.done
    ) {
      deadlines.push({
        key: `follow-up:${m.id}`,
        kind: "follow_up",
        date: next,
        title: `Opfølgning hos ${name || "virksomheden"}`,
        companyName: name,
        meetingId: m.id,
        companyId: m.data.company_id,
        placementId: m.data.placement_id ?? null,
      });
    }
    for (const item of m.data.agreements ?? []) {
      const task = item.id && taskById.get(derivedTaskId(item.id, "agreement"));
      if (item.done || !item.due_date || item.due_date > last || task?.data.done) continue;
      deadlines.push({
        key: `agreement:${item.id}`,
        kind: "agreement",
        date: item.due_date,
        title: item.text || "Aftale uden tekst",
        responsible: item.responsible ?? "",
        companyName: name,
        meetingId: m.id,
      });
    }
  }
  for (const task of tasks) {
    const { data } = task;
    const own =
      everyone ||
      data.assignee_id === userId ||
      (!data.assignee_id && (task.createdBy === userId || !task.createdBy));
    if (derived.has(task.id) || data.done || !data.due_date || data.due_date > last || !own)
      continue;
    deadlines.push({
      key: `task:${task.id}`,
      kind: "task",
      date: data.due_date,
      title: data.title ?? "",
      taskId: task.id,
    });
  }
  const order = { follow_up: 0, agreement: 1, task: 2 };
  deadlines.sort(
    (a, b) =>
      a.date.localeCompare(b.date) ||
      order[a.kind] - order[b.kind] ||
      a.title.localeCompare(b.title, "da"),
  );
  for (const d of deadlines)
    Object.assign(d, { overdue: d.date < today, words: dueWords(d.date, today) });

  return { today, meetings: shown, next: shown.find((m) => !m.held) ?? null, deadlines };
}

/** Tasks for "Opgaver": open ones first by due date (none last), then done ones, each with `overdue`. */
export function orderTasks(tasks, today) {
  const rank = (t) => [
    t.data.done ? 1 : 0,
    t.data.due_date || "9999-99-99",
    String(t.data.title ?? "").toLocaleLowerCase("da"),
  ];
  return tasks
    .map((t) => ({
      ...t,
      overdue: !t.data.done && Boolean(t.data.due_date) && t.data.due_date < today,
    }))
    .sort((a, b) => {
      const [x, y] = [rank(a), rank(b)];
      return x[0] - y[0] || x[1].localeCompare(y[1]) || x[2].localeCompare(y[2], "da");
    });
}
