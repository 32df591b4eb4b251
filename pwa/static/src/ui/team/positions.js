// The open positions of the team (seed 003, Brancheredskab; docs/domain.md company_contact and
// job_order) and their age. Rules:
// - An opening (a company contact whose result is not "no_opening") is open while filled <
//   positions; it ages from `contacted_on`. When a job order carries it (`job_order_id`),
//   the order is listed instead.
// - A job order is open while its status is open and filled < positions (1 when not given);
//   it ages from the newest of its creation day and its log entries' dates.
// - Age counts Copenhagen calendar days: yellow ("Ældes") from 7 days, red ("Haster") from
//   14; computed when shown, never stored. A filled or closed position leaves the list (it
//   stays in the statistics).
// Pure: no DOM, storage or network.

/** The Copenhagen calendar day ("YYYY-MM-DD") of an instant (epoch ms, Date or RFC 3339). */
export function copenhagenDay(instant) {
  const parts = new Intl.DateTimeFormat("en-CA", {
    timeZone: "Europe/Copenhagen",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
  }).formatToParts(new Date(instant));
  const get = (type) => parts.find((p) => p.type === type).value;
  return `${get("year")}-${get("month")}-${get("day")}`;
}

/** Whole days from one "YYYY-MM-DD" to another. */
function days(from, to) {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86400000);
}

/** The age of a position open since `since` on `today`: {days, level, word, icon}. */
export function ageOf(since, today) {
  const n = Math.max(0, days(since, today));
  if (n >= 14) return { days: n, level: "red", word: "Haster", icon: "‼" };
  if (n >= 7) return { days: n, level: "yellow", word: "Ældes", icon: "⚠" };
  return { days: n, level: "new", word: "Ny", icon: "" };
}

const count = (value, fallback) => (Number.isInteger(value) ? value : fallback);

function openingRow(record) {
  const d = record.data;
  if (!d.result || d.result === "no_opening" || d.job_order_id || !d.contacted_on) return null;
  const open = count(d.positions, 1) - count(d.filled, 0);
  if (open <= 0) return null;
  return {
    id: record.id,
    source: "company_contact",
    companyId: d.company_id,
    offer: d.result,
    jobFunction: d.job_function ?? "",
    open,
    since: d.contacted_on,
    userId: record.createdBy,
  };
}

function orderRow(record) {
  const d = record.data;
  if ((d.status ?? "open") !== "open") return null;
  const open = count(d.positions, 1) - count(d.filled, 0);
  if (open <= 0) return null;
  const dates = [
    record.createdAt ? copenhagenDay(record.createdAt) : "",
    ...(d.log ?? []).map((entry) => entry.date ?? ""),
  ]
    .filter(Boolean)
    .sort();
  if (!dates.length) return null;
  const contact = record.carriedBy;
  return {
    id: record.id,
    source: "job_order",
    companyId: d.company_id,
    title: d.title ?? "",
    offer: contact?.result ?? (d.offers ?? [])[0] ?? "ordinary_opening",
    jobFunction: contact?.job_function ?? "",
    open,
    since: dates[dates.length - 1],
    userId: record.createdBy,
  };
}

/**
 * The open positions, oldest first: rows {id, source ("company_contact" | "job_order"),
 * companyId, companyName, companyType, offer, jobFunction, open, since, userId, age}.
 * `contacts` and `orders` are records with {data, createdBy, createdAt}; `companies` maps
 * id → company data; `userId` stands in for records not yet pushed.
 */
export function openPositions({ contacts, orders, companies, today, userId = null }) {
  const carried = new Map(
    contacts.filter((c) => c.data.job_order_id).map((c) => [c.data.job_order_id, c.data]),
  );
  const rows = [
    ...contacts.map(openingRow),
    ...orders.map((order) => orderRow({ ...order, carriedBy: carried.get(order.id) })),
  ].filter(Boolean);
  return rows
    .map((row) => {
      const company = companies.get(row.companyId) ?? {};
      return {
        ...row,
        userId: row.userId ?? userId,
        companyName: company.name ?? "",
        companyType: company.company_type ?? "",
        age: ageOf(row.since, today),
      };
    })
    .sort(
      (a, b) => a.since.localeCompare(b.since) || a.companyName.localeCompare(b.companyName, "da"),
    );
}

/** The rows that match every filter given ({jobFunction, companyType, userId}; "" = any). */
export function filterPositions(rows, { jobFunction = "", companyType = "", userId = "" } = {}) {
  return rows.filter(
    (row) =>
      (!jobFunction || row.jobFunction === jobFunction) &&
      (!companyType || row.companyType === companyType) &&
      (!userId || row.userId === userId),
  );
}

/** Sum `value(row)` per `key(row)`: [[key, total]], largest first. */
export function totalsBy(rows, key, value = () => 1) {
  const totals = new Map();
  for (const row of rows) totals.set(key(row), (totals.get(key(row)) ?? 0) + value(row));
  return [...totals].sort((a, b) => b[1] - a[1] || String(a[0]).localeCompare(String(b[0]), "da"));
}

/** The day `months` calendar months before `today` ("YYYY-MM-DD"). */
export function monthsBefore(today, months) {
  const d = new Date(`${today}T00:00:00Z`);
  d.setUTCMonth(d.getUTCMonth() - months);
  return d.toISOString().slice(0, 10);
}

/** Contacts without an opening since `since`, per company type: [[type id, count]]. */
export function noOpeningsByType(contacts, companies, since) {
  const found = contacts.filter(
    (c) => c.data.result === "no_opening" && (c.data.contacted_on ?? "") >= since,
  );
  return totalsBy(found, (c) => companies.get(c.data.company_id)?.company_type ?? "");
}
