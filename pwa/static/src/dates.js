// Dates and times as the app stores and shows them, always in Europe/Copenhagen (docs/domain.md
// "Values": dates are YYYY-MM-DD, date-times RFC 3339 with an offset, shown in Copenhagen
// time). Pure: no DOM, storage or network.
// A datetime-local input's "YYYY-MM-DDTHH:MM" is Copenhagen wall time; in the hour that
// repeats when summer time ends, the first (summer-time) instant is taken.

const ZONE = "Europe/Copenhagen";
const MONTHS = [
  "januar",
  "februar",
  "marts",
  "april",
  "maj",
  "juni",
  "juli",
  "august",
  "september",
  "oktober",
  "november",
  "december",
];
const parts = new Intl.DateTimeFormat("en-GB", {
  timeZone: ZONE,
  hourCycle: "h23",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  second: "2-digit",
});

/** Copenhagen's wall clock at an instant: {y, mo, d, h, mi, s} as zero-padded strings. */
function wall(epochMs) {
  const found = Object.fromEntries(
    parts.formatToParts(new Date(epochMs)).map((p) => [p.type, p.value]),
  );
  return {
    y: found.year,
    mo: found.month,
    d: found.day,
    h: found.hour,
    mi: found.minute,
    s: found.second,
  };
}

const pad = (n) => String(Math.abs(n)).padStart(2, "0");
const epochOf = (now) => (now instanceof Date ? now.getTime() : now);

/** Copenhagen's offset from UTC in minutes at an instant (60 or 120). */
function offsetMinutes(epochMs) {
  const w = wall(epochMs);
  const asUtc = Date.UTC(+w.y, +w.mo - 1, +w.d, +w.h, +w.mi, +w.s);
  return Math.round((asUtc - Math.floor(epochMs / 1000) * 1000) / 60000);
}

/** An offset in minutes as RFC 3339 writes it ("+01:00"). */
function offsetText(offset) {
  return `${offset >= 0 ? "+" : "-"}${pad(Math.trunc(offset / 60))}:${pad(offset % 60)}`;
}

/** A datetime-local value ("2026-11-23T10:05") as RFC 3339 with Copenhagen's offset; "" stays "". */
export function localToRfc3339(value) {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})/.exec(value || "");
  if (!match) return "";
  const [, y, mo, d, h, mi] = match.map(Number);
  const guess = Date.UTC(y, mo - 1, d, h, mi);
  let offset = offsetMinutes(guess - 120 * 60000);
  if (offsetMinutes(guess - offset * 60000) !== offset)
    offset = offsetMinutes(guess - offset * 60000);
  return `${match[0].slice(0, 16)}:00${offsetText(offset)}`;
}

/** An RFC 3339 date-time as a datetime-local value in Copenhagen time; "" when absent. */
export function rfc3339ToLocal(value) {
  const epoch = Date.parse(value || "");
  if (Number.isNaN(epoch)) return "";
  const w = wall(epoch);
  return `${w.y}-${w.mo}-${w.d}T${w.h}:${w.mi}`;
}

/** An instant (epoch ms or Date, default now) as RFC 3339 in Copenhagen time with seconds and offset. */
export function rfc3339Now(now = Date.now()) {
  const epoch = epochOf(now);
  const w = wall(epoch);
  return `${w.y}-${w.mo}-${w.d}T${w.h}:${w.mi}:${w.s}${offsetText(offsetMinutes(epoch))}`;
}

/** The current Copenhagen time (epoch ms or Date, default now) as a datetime-local value. */
export function nowLocal(now = Date.now()) {
  return rfc3339ToLocal(new Date(epochOf(now)).toISOString());
}

/** Today's date in Copenhagen ("YYYY-MM-DD") at an instant (epoch ms or Date, default now). */
export function todayIso(now = Date.now()) {
  return nowLocal(now).slice(0, 10);
}

/** Whole days from date `from` to date `to` (both "YYYY-MM-DD"). */
export function daysBetween(from, to) {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86400000);
}

/** The year, month and day numbers of "YYYY-MM-DD" (a date-time's date part counts), or null. */
function dateParts(value) {
  const match = /^(\d{4})-(\d{2})-(\d{2})(?:$|T)/.exec(value ?? "");
  return match ? { y: match[1], mo: match[2], d: match[3] } : null;
}

/** "2026-11-02" → "02.11.2026" (lists, forms, the journal note); "" when absent, other text as it is. */
export function danishDate(value) {
  const p = dateParts(value);
  return p ? `${p.d}.${p.mo}.${p.y}` : String(value ?? "");
}

/** "2026-12-01" → "1.12.2026" (running text such as an agreement's wording); other text as it is. */
export function textDate(value) {
  const p = dateParts(value);
  return p ? `${Number(p.d)}.${Number(p.mo)}.${p.y}` : String(value ?? "");
}

/** "2026-03-05" → "5. marts 2026" (headings and tables a reader scans); other text as it is. */
export function longDate(value) {
  const p = dateParts(value);
  return p ? `${Number(p.d)}. ${MONTHS[Number(p.mo) - 1]} ${p.y}` : String(value ?? "");
}

/** "2026-11-25" → "onsdag" (the Danish weekday of a date). */
export function weekday(value) {
  const p = dateParts(value);
  if (!p) return "";
  return new Intl.DateTimeFormat("da-DK", { weekday: "long", timeZone: "UTC" }).format(
    new Date(Date.UTC(Number(p.y), Number(p.mo) - 1, Number(p.d), 12)),
  );
}

/** "2026-03-05" → "5/3" (chart axes). */
export function axisDate(value) {
  const p = dateParts(value);
  return p ? `${Number(p.d)}/${Number(p.mo)}` : "";
}

/** "HH:MM" in Copenhagen time at an instant (epoch ms or Date). */
export function clockTime(now) {
  const w = wall(epochOf(now));
  return `${w.h}:${w.mi}`;
}

/** An RFC 3339 date-time as "23.11.2026 kl. 10:05" in Copenhagen time; "" when absent or unreadable. */
export function danishDateTime(value) {
  const local = rfc3339ToLocal(value);
  return local ? `${danishDate(local.slice(0, 10))} kl. ${local.slice(11, 16)}` : "";
}

/** An RFC 3339 date-time as "5. marts 2026 kl. 09:30" in Copenhagen time; "" when absent or unreadable. */
export function longDateTime(value) {
  const local = rfc3339ToLocal(value);
  return local ? `${longDate(local.slice(0, 10))} kl. ${local.slice(11, 16)}` : "";
}
