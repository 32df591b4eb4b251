// An agreement's content prefilled from its placement (issue 6: parties, dates, hours,
// work functions, purpose and goals, next follow-up). Rules:
// - Only items the template version has get a value, and only of the item's type
//   (text, longtext, date): the server accepts nothing else in `content`.
// - Hours come from the placement's newest hours row (by from_date); the next follow-up is
//   the latest `next_follow_up` of the placement's meetings.
// - A missing source leaves the item empty: nothing is guessed.
// Pure: no DOM, storage or network.
import { textDate } from "../../dates.js";
import { danishHours } from "../words.js";

const SOURCES = {
  goals: (s) => s.placement.goals,
  goal: (s) => s.placement.goals,
  purpose: (s) => s.placement.purpose,
  start_date: (s) => s.placement.start_date,
  period_start: (s) => s.placement.start_date,
  period_end: (s) => s.placement.end_date,
  working_hours: (s) => hoursSummary(s.placement.hours),
  weekly_schedule: (s) => hoursSummary(s.placement.hours),
  contact_person: (s) => contactText(s.contact),
  tasks_progression: (s) => workFunctionsText(s.placement.work_functions),
  work_functions: (s) => workFunctionsText(s.placement.work_functions),
  next_follow_up: (s) => s.nextFollowUp,
};
const FILLABLE = new Set(["text", "longtext", "date"]);

/** The newest hours row of a placement's `hours` list, or null. */
export function latestHours(hours) {
  const rows = (hours ?? []).filter((row) => row && typeof row === "object");
  return (
    rows.sort((a, b) => String(b.from_date ?? "").localeCompare(String(a.from_date ?? "")))[0] ??
    null
  );
}

/** "12 timer praktik og 3 ordinære timer om ugen fra 1.12.2026" from the newest hours row. */
export function hoursSummary(hours) {
  const row = latestHours(hours);
  if (!row) return undefined;
  const parts = [];
  if (row.internship_hours !== undefined)
    parts.push(`${danishHours(row.internship_hours)} timer praktik`);
  if (row.paid_hours !== undefined) parts.push(`${danishHours(row.paid_hours)} ordinære timer`);
  if (!parts.length) return undefined;
  return `${parts.join(" og ")} om ugen${row.from_date ? ` fra ${textDate(row.from_date)}` : ""}`;
}

/** "Navn, tlf. 12 34 56 78" of a contact, or undefined. */
export function contactText(contact) {
  if (!contact?.name) return undefined;
  const phone = contact.mobile || contact.phone;
  return phone ? `${contact.name}, tlf. ${phone}` : contact.name;
}

/** One line per work function: "Navn: opgaver". */
export function workFunctionsText(workFunctions) {
  const lines = (workFunctions ?? [])
    .filter((wf) => wf?.name || wf?.tasks)
    .map((wf) => [wf.name, wf.tasks].filter(Boolean).join(": "));
  return lines.length ? lines.join("\n") : undefined;
}

/** The latest next follow-up date of a placement's meetings, or undefined. */
export function nextFollowUp(meetings) {
  const dates = (meetings ?? [])
    .map((m) => m?.next_follow_up)
    .filter((d) => typeof d === "string" && d);
  return dates.sort().at(-1);
}

/** Content for a new agreement: {itemId: value} for the template items a source fills. */
export function prefillContent(definition, { placement = {}, contact = null, meetings = [] }) {
  const sources = { placement, contact, nextFollowUp: nextFollowUp(meetings) };
  const content = {};
  for (const section of definition?.sections ?? []) {
    for (const item of section.items ?? []) {
      if (!FILLABLE.has(item.type) || !SOURCES[item.id]) continue;
      const value = SOURCES[item.id](sources);
      if (typeof value === "string" && value.trim() !== "") content[item.id] = value;
    }
  }
  return content;
}
