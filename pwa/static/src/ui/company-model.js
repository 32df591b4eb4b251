// Danish words and pure logic of the company screens: the list's search and filters,
// active placements, a placement's current hours, the briefing's meeting history.
// Pure: no DOM, storage or network. Wording of the offer catalogue: seed 000, guide B
// theme 3 "Hvad kan vi i Job- og vækstcentret tilbyde jer/redskabsviften?" (L1757–1791).

/** Company status (docs/domain.md `company.status`) in Danish. */
export const COMPANY_STATUS = { prospect: "Emne", active: "Aktiv", inactive: "Inaktiv" };

/** The offer catalogue (`company.interests`) with the source's Danish labels. */
export const INTEREST_LABELS = {
  recruitment: "Rekruttering og formidling af arbejdskraft",
  job_ads: "Jobannoncer på Jobnet",
  retention: "Fastholdelse af medarbejdere",
  upskilling: "Uddannelse af medarbejdere",
  adult_apprentice: "Voksenlærling",
  job_rotation: "Jobrotation",
  mentor: "Mentorfunktion/ordning",
  wage_subsidy: "Job med løntilskud",
  flex_job: "Fleksjob",
  sheltered_job: "Skånejob",
  internship: "Virksomhedspraktik",
  redundancy_help: "Assistance ved større afskedigelser",
  work_sharing: "Assistance ved arbejdsfordeling",
};

/** Contact roles (`contact.role`) in Danish. */
export const CONTACT_ROLES = {
  owner: "Ejer",
  manager: "Leder",
  hr: "HR",
  mentor: "Mentor",
  contact: "Kontaktperson",
};

/** Job order and agreement statuses that count as open. */
const OPEN_JOB_ORDER = new Set(["open", undefined]);
const OPEN_AGREEMENT = new Set(["draft", "ready", undefined]);

/** Whether a placement is active on `today`: status active, or no status and running by its dates. */
export function isActivePlacement(data, today) {
  if (data.status) return data.status === "active";
  return (
    Boolean(data.start_date) &&
    data.start_date <= today &&
    (!data.end_date || data.end_date >= today)
  );
}

/** Active placements per company id (Map id → count). */
export function activeCounts(placements, today) {
  const counts = new Map();
  for (const { data } of placements) {
    if (isActivePlacement(data, today))
      counts.set(data.company_id, (counts.get(data.company_id) ?? 0) + 1);
  }
  return counts;
}

/**
 * The company rows ({id, sort: {name, city, cvr, industry, status}}) matching a search in
 * name, CVR, city or industry, a status ("" = any) and, when `activeOnly`, an active placement.
 */
export function filterCompanies(rows, { search = "", status = "", activeOnly = false }, counts) {
  const terms = search.trim().toLocaleLowerCase("da").split(/\s+/).filter(Boolean);
  return rows.filter(({ id, sort }) => {
    if (status && (sort.status ?? "") !== status) return false;
    if (activeOnly && !counts.get(id)) return false;
    if (!terms.length) return true;
    const haystack = [sort.name, sort.cvr, sort.city, sort.industry]
      .map((v) => String(v ?? "").toLocaleLowerCase("da"))
      .join("\n");
    return terms.every((term) => haystack.includes(term));
  });
}

/** A placement's current hours: the newest `hours` row from on or before today (else the earliest), or null. */
export function currentHours(hours, today) {
  const rows = [...(hours ?? [])]
    .filter((row) => row.from_date)
    .sort((a, b) => a.from_date.localeCompare(b.from_date));
  if (!rows.length) return null;
  return rows.filter((row) => row.from_date <= today).at(-1) ?? rows[0];
}

/** "12,5" style number of hours. */
export function hoursText(value) {
  return typeof value === "number"
    ? value.toLocaleString("da-DK", { maximumFractionDigits: 2 })
    : "–";
}

/** The moment a meeting happened or is planned (held_at, else scheduled_at), as epoch ms or -Infinity. */
export function meetingTime(data) {
  const at = Date.parse(data.held_at || data.scheduled_at || "");
  return Number.isNaN(at) ? -Infinity : at;
}

/** Meetings newest first (by held_at, else scheduled_at). */
export function newestFirst(meetings) {
  return [...meetings].sort((a, b) => meetingTime(b.data) - meetingTime(a.data));
}

/** The last held follow-up (kind follow_up, held or final), or else the last held meeting with notes; null. */
export function lastFollowUp(meetings) {
  const held = newestFirst(meetings).filter((m) => m.data.held_at || m.data.status === "final");
  return (
    held.find((m) => m.data.kind === "follow_up") ??
    held.find((m) => m.data.notes_citizen || m.data.notes_company) ??
    null
  );
}

/** Whether a job order is open. */
export function isOpenJobOrder(data) {
  return OPEN_JOB_ORDER.has(data.status);
}

/** Whether an agreement is open (draft or ready). */
export function isOpenAgreement(data) {
  return OPEN_AGREEMENT.has(data.status);
}
