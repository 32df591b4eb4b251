// "Journalnotat": a meeting as plain text to paste into the case system. Pure: no DOM.
// Rules: both note dimensions under their own headings; attendance always as hours of
// norm hours over a dated period ("30 timer af 37 timer i perioden d. … – …"), never a
// bare percentage; agreements name what, who, by when and whether done; empty parts are
// left out; lines end with "\n".
import { danishDate, danishDateTime } from "../../dates.js";
import { danishHours, MEETING_KINDS } from "../words.js";
import { FOLLOW_UP_PROMPTS, MEETING_LABELS, THEME_LABELS } from "./labels.js";

const block = (heading, text) =>
  String(text ?? "").trim() ? [`${heading}:`, String(text).trim(), ""] : [];

/** The attendance sentence: "30 timer af 37 timer i perioden d. 01.11.2026 – 21.11.2026". */
export function attendanceSentence(attendance) {
  if (!attendance) return "";
  const {
    attended_hours: attended,
    norm_hours: norm,
    period_start: start,
    period_end: end,
  } = attendance;
  const hours = (v) => (typeof v === "number" ? `${danishHours(v)} timer` : "? timer");
  if (typeof attended !== "number" && typeof norm !== "number") return "";
  const period =
    start || end ? ` i perioden d. ${danishDate(start) || "?"} – ${danishDate(end) || "?"}` : "";
  return `${hours(attended)} af ${hours(norm)}${period}`;
}

function participantLines(participants, contactsById) {
  return (participants ?? []).map((p) => {
    const name = p.name || contactsById?.[p.contact_id]?.name || "Uden navn";
    return `- ${name}${p.role ? ` (${p.role})` : ""}`;
  });
}

function followUpLines(followUp) {
  if (!followUp) return [];
  const lines = [];
  const add = (field, text) => {
    if (String(text ?? "").trim())
      lines.push(`${FOLLOW_UP_PROMPTS[field][0]}: ${String(text).trim()}`);
  };
  add("tasks", followUp.tasks);
  add("attendance", attendanceSentence(followUp.attendance));
  add("works_well", followUp.works_well);
  add("difficult", followUp.difficult);
  add("adjustments", followUp.adjustments);
  if (typeof followUp.ordinary_hours_discussed === "boolean") {
    add("ordinary_hours_discussed", followUp.ordinary_hours_discussed ? "Ja" : "Nej");
  }
  return lines.length ? ["Opfølgning:", ...lines, ""] : [];
}

function agreementLines(agreements) {
  return (agreements ?? [])
    .filter((a) => String(a.text ?? "").trim())
    .map((a) => {
      const parts = [String(a.text).trim().replace(/\n+/g, " ")];
      if (a.responsible) parts.push(`ansvarlig: ${a.responsible}`);
      if (a.due_date) parts.push(`senest ${danishDate(a.due_date)}`);
      parts.push(a.done ? "udført" : "ikke udført");
      return `- ${parts.join(" – ")}`;
    });
}

/**
 * The journal note of a meeting's data; `context` = {companyName, contactsById
 * ({id: {name}}), followedUp (agreements of the last meeting marked done in this one)}.
 */
export function journalText(meeting, context = {}) {
  const kind = MEETING_KINDS[meeting.kind] ?? "Møde";
  const lines = [`${kind}${context.companyName ? ` – ${context.companyName}` : ""}`];
  if (meeting.held_at) lines.push(`${MEETING_LABELS.held_at}: ${danishDateTime(meeting.held_at)}`);
  else if (meeting.scheduled_at)
    lines.push(`${MEETING_LABELS.scheduled_at}: ${danishDateTime(meeting.scheduled_at)}`);
  if (meeting.location) lines.push(`${MEETING_LABELS.location}: ${meeting.location}`);
  if (Number.isInteger(meeting.duration_minutes))
    lines.push(`Tid til rådighed: ${meeting.duration_minutes} minutter`);
  lines.push("");
  const people = participantLines(meeting.participants, context.contactsById);
  if (people.length) lines.push("Deltagere:", ...people, "");
  lines.push(...block("Formål", meeting.purpose), ...block("Dagsorden", meeting.agenda));
  lines.push(...block(MEETING_LABELS.notes_citizen, meeting.notes_citizen));
  lines.push(...block(MEETING_LABELS.notes_company, meeting.notes_company));
  lines.push(...followUpLines(meeting.follow_up));
  const themes = (meeting.themes_covered ?? []).map((t) => THEME_LABELS[t] ?? t);
  if (themes.length)
    lines.push(`${MEETING_LABELS.themes_covered}:`, ...themes.map((t) => `- ${t}`), "");
  const followed = agreementLines(context.followedUp);
  if (followed.length) lines.push("Opfølgning på aftaler fra sidste møde:", ...followed, "");
  const agreed = agreementLines(meeting.agreements);
  if (agreed.length) lines.push(`${MEETING_LABELS.agreements}:`, ...agreed, "");
  lines.push(
    `${MEETING_LABELS.next_follow_up}: ${danishDate(meeting.next_follow_up) || "ikke aftalt"}`,
  );
  return `${lines
    .join("\n")
    .replace(/\n{3,}/g, "\n\n")
    .trim()}\n`;
}
