// Periods of the overview ("denne uge", "denne måned", "dette kvartal", "dette år") and
// Målstyring's pace. Dates are Copenhagen calendar days ("YYYY-MM-DD").
// Pure: no DOM, storage or network.

const iso = (date) => date.toISOString().slice(0, 10);
const utc = (day) => new Date(`${day}T00:00:00Z`);

/** The period choices with their Danish labels. */
export const PERIODS = {
  week: "Denne uge",
  month: "Denne måned",
  quarter: "Dette kvartal",
  year: "Dette år",
};

/** {from, to} of the week (Monday–Sunday), month, quarter or year that holds `today`. */
export function periodOf(kind, today) {
  const d = utc(today);
  const [y, m] = [d.getUTCFullYear(), d.getUTCMonth()];
  if (kind === "week") {
    const monday = new Date(d);
    monday.setUTCDate(d.getUTCDate() - ((d.getUTCDay() + 6) % 7));
    const sunday = new Date(monday);
    sunday.setUTCDate(monday.getUTCDate() + 6);
    return { from: iso(monday), to: iso(sunday) };
  }
  const [first, months] =
    kind === "month" ? [m, 1] : kind === "quarter" ? [m - (m % 3), 3] : [0, 12];
  return {
    from: iso(new Date(Date.UTC(y, first, 1))),
    to: iso(new Date(Date.UTC(y, first + months, 0))),
  };
}

/** Where the team should be by `today` on a yearly target (evenly over the year's days). */
export function expectedByNow(target, year, today) {
  const start = Date.UTC(year, 0, 1);
  const days = (Date.UTC(year + 1, 0, 1) - start) / 86400000;
  const passed = Math.min(days, Math.max(0, (utc(today) - start) / 86400000 + 1));
  return Math.round((target * passed) / days);
}

/** The ISO week ("YYYY-Www") of a day. */
export function isoWeek(day) {
  const d = utc(day);
  d.setUTCDate(d.getUTCDate() + 3 - ((d.getUTCDay() + 6) % 7));
  const week = Math.floor((d - Date.UTC(d.getUTCFullYear(), 0, 1)) / 86400000 / 7) + 1;
  return `${d.getUTCFullYear()}-W${String(week).padStart(2, "0")}`;
}
