// Danish words and dates for the placement page and assessments (seed wording: seed 000
// offer list, seed 003 "ABC-jobplan"). Pure: no DOM, storage or network.

/** Placement kinds (DOMAIN.md placement.kind) in Danish. */
export const PLACEMENT_KINDS = {
  internship: "Virksomhedspraktik", wage_subsidy: "Løntilskud", flex_job: "Fleksjob", igu: "IGU",
  ordinary: "Ordinære timer", mentor: "Mentor", job_rotation: "Jobrotation",
  adult_apprentice: "Voksenlærling", other: "Andet",
};

/** Placement statuses in Danish. */
export const PLACEMENT_STATUSES = {
  planned: "Planlagt", active: "Aktivt", ended: "Afsluttet", cancelled: "Afbrudt",
};

/** The citizen's A/B/C job goals (seed 003, "ABC-jobplan"). */
export const JOB_GOALS = [
  ["a", "A: Ønskejob"], ["b", "B: Det gode og acceptable job"], ["c", "C: Nødvendigt job"],
];

/** Who made an assessment. */
export const ASSESSOR_ROLES = {
  consultant: "Jobkonsulent", company: "Virksomhed", citizen: "Borger", mentor: "Mentor",
};

/** Meeting kinds in Danish (for the placement's meeting list). */
export const MEETING_KINDS = {
  first_visit: "Første besøg", follow_up: "Opfølgning", startup: "Opstartsmøde",
  tripartite: "Trepartsmøde", closing: "Afslutning", issue: "Særligt emne", phone: "Telefonmøde",
};

/** Agreement statuses in Danish. */
export const AGREEMENT_STATUSES = {
  draft: "Kladde", ready: "Klar til underskrift", signed: "Underskrevet", void: "Ugyldig",
};

/** Today's date (YYYY-MM-DD) in Copenhagen. */
export function todayIso(now = new Date()) {
  return new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Copenhagen", year: "numeric",
    month: "2-digit", day: "2-digit" }).format(now);
}

/** A date (YYYY-MM-DD) the Danish way: "5. marts 2026"; "" for no date. */
export function danishDate(iso) {
  if (!iso) return "";
  const [year, month, day] = iso.slice(0, 10).split("-").map(Number);
  if (!year || !month || !day) return iso;
  return new Intl.DateTimeFormat("da-DK", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" })
    .format(new Date(Date.UTC(year, month - 1, day)));
}

/** A date-time (RFC 3339) as a Copenhagen date and time: "5. marts 2026 kl. 09.30". */
export function danishDateTime(value) {
  if (!value) return "";
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return value;
  return new Intl.DateTimeFormat("da-DK", { timeZone: "Europe/Copenhagen", day: "numeric", month: "long",
    year: "numeric", hour: "2-digit", minute: "2-digit" }).format(date);
}

/** Hours the Danish way ("7,5"); "" for none. */
export function danishHours(value) {
  return value === undefined || value === null ? "" : String(value).replace(".", ",");
}
