// The meeting form's rules, pure (no DOM, storage or network):
// - Which parts show per kind: the follow-up agenda (seed 004, T20d) for follow-ups and
//   meetings about a placement; the visit guide's themes (seed 000, guide B) for first
//   visits, specific issues and company follow-up visits without a placement.
// - Finishing ("Afslut mødet") needs held_at and next_follow_up (as the server), and,
//   when the follow-up agenda shows, an answer to the ordinary-hours question.
// - Attendance is hours, norm hours and a period, never a bare percentage; hours are
//   typed the Danish way ("12,5") and have at most two decimals.

import { danishHours } from "../words.js";
import { AGENDA_PROMPTS } from "./labels.js";

const AGENDA_KINDS = new Set(["follow_up", "tripartite", "closing", "phone"]);
const THEME_KINDS = new Set(["first_visit", "issue"]);

/** Which parts of the form show for a meeting: {followUp, themes}. */
export function meetingParts(kind, placementId) {
  return {
    followUp: kind === "follow_up" || (Boolean(placementId) && AGENDA_KINDS.has(kind)),
    themes: THEME_KINDS.has(kind) || (kind === "follow_up" && !placementId),
  };
}

/** The sources' agenda prompts for a meeting kind (start-up, three-party, closing); [] for others. */
export function agendaPrompts(kind) {
  return AGENDA_PROMPTS[kind] ?? [];
}

/** The agenda with the prompts added as "- " lines (those already there are not repeated). */
export function withPrompts(agenda, prompts) {
  const text = String(agenda ?? "");
  const missing = prompts.filter((p) => !text.includes(p)).map((p) => `- ${p}`);
  if (!missing.length) return text;
  return `${text}${text && !text.endsWith("\n") ? "\n" : ""}${missing.join("\n")}`;
}

/** The kind a new meeting starts as: a follow-up when a placement is linked, else a first visit. */
export function defaultKind(placementId) {
  return placementId ? "follow_up" : "first_visit";
}

/** Parse hours typed as "12", "12,5" or "12.25": {value} or {error}; "" gives {value: null}. */
export function parseHours(text) {
  const trimmed = String(text ?? "").trim();
  if (!trimmed) return { value: null };
  if (!/^\d+([.,]\d{1,2})?$/.test(trimmed))
    return { error: "Skriv timer som et tal med højst to decimaler, fx 12,5" };
  return { value: Number(trimmed.replace(",", ".")) };
}

/** Attendance from the form's raw texts: {value (object or null when empty), errors}. */
export function attendanceFromRaw(raw) {
  const errors = {};
  const value = {};
  for (const field of ["attended_hours", "norm_hours"]) {
    const parsed = parseHours(raw?.[field]);
    if (parsed.error) errors[field] = parsed.error;
    else if (parsed.value !== null) value[field] = parsed.value;
  }
  for (const field of ["period_start", "period_end"]) {
    if (raw?.[field]) value[field] = raw[field];
  }
  if (value.period_start && value.period_end && value.period_end < value.period_start) {
    errors.period_end = "Perioden kan ikke slutte før den starter";
  }
  return { value: Object.keys(value).length ? value : null, errors };
}

/** An attendance object as the form's raw texts. */
export function attendanceToRaw(attendance) {
  return {
    attended_hours: danishHours(attendance?.attended_hours),
    norm_hours: danishHours(attendance?.norm_hours),
    period_start: attendance?.period_start ?? "",
    period_end: attendance?.period_end ?? "",
  };
}

/** "30 af 37 timer (81 %)": the share next to the numbers it comes from; "" when incomplete. */
export function attendanceShare(attendance) {
  const { attended_hours: attended, norm_hours: norm } = attendance ?? {};
  if (typeof attended !== "number" || typeof norm !== "number") return "";
  const share = norm > 0 ? ` (${Math.round((attended / norm) * 100)} %)` : "";
  return `${danishHours(attended)} af ${danishHours(norm)} timer${share}`;
}

/** The Danish messages that stop a meeting from being finished, by field ({} = may finish). */
export function finishErrors(data) {
  const errors = {};
  if (!data.held_at) errors.held_at = "Angiv, hvornår mødet blev holdt";
  if (!data.next_follow_up)
    errors.next_follow_up = "Næste opfølgning skal have en dato, før mødet kan afsluttes";
  else if (data.held_at && data.next_follow_up < data.held_at.slice(0, 10)) {
    errors.next_follow_up = "Næste opfølgning kan ikke ligge før mødet";
  }
  if (
    meetingParts(data.kind, data.placement_id).followUp &&
    typeof data.follow_up?.ordinary_hours_discussed !== "boolean"
  ) {
    errors.ordinary_hours_discussed = "Svar på, om ordinære timer er drøftet";
  }
  const attendance = data.follow_up?.attendance;
  if (attendance && Object.keys(attendance).length && !isCompleteAttendance(attendance)) {
    errors.attendance = "Angiv både fremmødte timer, normtid og perioden (fra og til)";
  }
  (data.agreements ?? []).forEach((item) => {
    if (!String(item.text ?? "").trim())
      errors[`agreement.${item.id}`] = "Skriv, hvad der er aftalt, eller fjern aftalen";
  });
  return errors;
}

function isCompleteAttendance(a) {
  return ["attended_hours", "norm_hours", "period_start", "period_end"].every(
    (f) => a[f] !== undefined && a[f] !== "",
  );
}

/** When a meeting took place or is planned (RFC 3339), "" when neither is set. */
export function meetingTime(data) {
  return data?.held_at || data?.scheduled_at || "";
}

/**
 * The meeting to follow up on: the newest other live meeting that has agreements, of the
 * same placement when there is one (else of the company), no later than this meeting.
 */
export function previousMeeting(meetings, current) {
  const time = meetingTime(current.data);
  const others = meetings.filter(
    (m) =>
      m.id !== current.id &&
      !m.deleted &&
      m.data.agreements?.length &&
      (!time || !meetingTime(m.data) || Date.parse(meetingTime(m.data)) <= Date.parse(time)),
  );
  const samePlacement = current.data.placement_id
    ? others.filter((m) => m.data.placement_id === current.data.placement_id)
    : [];
  const pool = samePlacement.length ? samePlacement : others;
  const byTime = (a, b) =>
    (Date.parse(meetingTime(b.data)) || 0) - (Date.parse(meetingTime(a.data)) || 0);
  return [...pool].sort(byTime)[0] ?? null;
}
