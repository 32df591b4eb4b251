// Dates and times of the meeting screens, always in Europe/Copenhagen (DOMAIN.md "Values":
// date-times are RFC 3339 with an offset, shown in Copenhagen time). Pure: no DOM.
// A datetime-local input's "YYYY-MM-DDTHH:MM" is Copenhagen wall time; in the hour that
// repeats when summer time ends, the first (summer-time) instant is taken.

const ZONE = "Europe/Copenhagen";
const parts = new Intl.DateTimeFormat("en-GB", {
  timeZone: ZONE, hourCycle: "h23", year: "numeric", month: "2-digit", day: "2-digit",
  hour: "2-digit", minute: "2-digit", second: "2-digit",
});

function wall(epochMs) {
  const found = Object.fromEntries(parts.formatToParts(new Date(epochMs)).map((p) => [p.type, p.value]));
  return { y: found.year, mo: found.month, d: found.day, h: found.hour, mi: found.minute, s: found.second };
}

/** Copenhagen's offset from UTC in minutes at an instant (60 or 120). */
export function offsetMinutes(epochMs) {
  const w = wall(epochMs);
  const asUtc = Date.UTC(+w.y, +w.mo - 1, +w.d, +w.h, +w.mi, +w.s);
  return Math.round((asUtc - Math.floor(epochMs / 1000) * 1000) / 60000);
}

const pad = (n) => String(Math.abs(n)).padStart(2, "0");

/** A datetime-local value ("2026-11-23T10:05") as RFC 3339 with Copenhagen's offset; "" stays "". */
export function localToRfc3339(value) {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})/.exec(value || "");
  if (!match) return "";
  const [, y, mo, d, h, mi] = match.map(Number);
  const guess = Date.UTC(y, mo - 1, d, h, mi);
  let offset = offsetMinutes(guess - 120 * 60000);
  if (offsetMinutes(guess - offset * 60000) !== offset) offset = offsetMinutes(guess - offset * 60000);
  const sign = offset >= 0 ? "+" : "-";
  return `${match[0].slice(0, 16)}:00${sign}${pad(Math.trunc(offset / 60))}:${pad(offset % 60)}`;
}

/** An RFC 3339 date-time as a datetime-local value in Copenhagen time; "" when absent. */
export function rfc3339ToLocal(value) {
  const epoch = Date.parse(value || "");
  if (Number.isNaN(epoch)) return "";
  const w = wall(epoch);
  return `${w.y}-${w.mo}-${w.d}T${w.h}:${w.mi}`;
}

/** The current Copenhagen time as a datetime-local value. */
export function nowLocal(epochMs = Date.now()) {
  return rfc3339ToLocal(new Date(epochMs).toISOString());
}

/** Today's date in Copenhagen ("YYYY-MM-DD"). */
export function todayLocal(epochMs = Date.now()) {
  return nowLocal(epochMs).slice(0, 10);
}

/** "2026-11-23" → "23.11.2026" (Danish date); "" when absent. */
export function danishDate(date) {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date || "");
  return match ? `${match[3]}.${match[2]}.${match[1]}` : "";
}

/** An RFC 3339 date-time as "23.11.2026 kl. 10:05" in Copenhagen time; "" when absent. */
export function danishDateTime(value) {
  const local = rfc3339ToLocal(value);
  return local ? `${danishDate(local.slice(0, 10))} kl. ${local.slice(11, 16)}` : "";
}

/** Whole days from date `from` to date `to` (both "YYYY-MM-DD"). */
export function daysBetween(from, to) {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86400000);
}
