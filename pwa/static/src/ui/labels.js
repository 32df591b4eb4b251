// Danish words for what the app shows: field labels, messages and sizes (dates and times: dates.js).
import { MEETING_LABELS } from "./meeting/labels.js";

/** Danish labels of company fields (also used to name conflict units). */
export const COMPANY_FIELDS = {
  name: "Navn",
  cvr: "CVR-nummer",
  address: "Adresse",
  postcode: "Postnummer",
  city: "By",
  industry: "Branche",
  phone: "Telefon",
  email: "E-mail",
  knowledge: "Viden om virksomheden",
  website: "Hjemmeside",
  employees: "Antal ansatte",
  status: "Status",
  responsible_user_id: "Ansvarlig",
  interests: "Interesser",
};

/** Danish names of record types. */
export const TYPE_NAMES = {
  company: "Virksomhed",
  contact: "Kontaktperson",
  citizen: "Borger",
  placement: "Forløb",
  meeting: "Møde",
  assessment: "Progressionsvurdering",
  agreement: "Aftale",
  signature: "Underskrift",
  job_order: "Jobordre",
  task: "Opgave",
  conflict: "Konflikt",
};

/** Danish labels of placement fields (for the server's messages about them). */
const PLACEMENT_FIELDS = {
  citizen_id: "Borger",
  company_id: "Virksomhed",
  kind: "Forløbstype",
  start_date: "Startdato",
  end_date: "Slutdato",
  purpose: "Formål",
  goals: "Mål og delmål",
  work_functions: "Arbejdsfunktioner",
  contact_id: "Kontaktperson",
  mentor_id: "Mentor",
  hours: "Timer pr. uge",
  status: "Status",
  outcome: "Resultat",
};

const FIELD_LABELS = {
  company: COMPANY_FIELDS,
  meeting: MEETING_LABELS,
  placement: PLACEMENT_FIELDS,
};

/**
 * The Danish label of a merge unit or error path ("city" → "By", "hours.0.paid_hours" →
 * "Timer pr. uge (række 1, paid_hours)"); unknown fields as they are.
 */
export function unitLabel(recordType, unit) {
  const [field, ...rest] = String(unit).split(".");
  const label = FIELD_LABELS[recordType]?.[field];
  if (!label) return unit;
  if (!rest.length) return label;
  const [first, ...more] = rest;
  const where = /^\d+$/.test(first) ? [`række ${Number(first) + 1}`, ...more] : rest;
  return `${label} (${where.join(", ")})`;
}

/** The message for a failed login or re-login. */
export function loginMessage(failure, credentials = "Forkert brugernavn eller adgangskode") {
  switch (failure.reason) {
    case "credentials":
      return credentials;
    case "offline":
      return "Ingen forbindelse: første login kræver netværk. Opret forbindelse, og prøv igen.";
    case "rate-limited":
      return `For mange forsøg. Prøv igen om ${failure.retryAfter} sekunder.`;
    case "outdated":
      return "Der kræves en ny version af Feltmappe. Genindlæs siden, når du har net.";
    default:
      return "Serveren kunne ikke logge dig ind lige nu. Prøv igen om lidt.";
  }
}

/** The message for an unexpected failure on the device (storage full, storage broken). */
export function deviceError(failure) {
  console.error(failure);
  return failure?.name === "StorageFull"
    ? failure.message
    : "Der skete en fejl på enheden. Prøv igen; hjælper det ikke, så genstart appen.";
}

/** Megabytes with one decimal, Danish style ("12,3"). */
export function megabytes(bytes) {
  return (bytes / 1_000_000).toLocaleString("da-DK", {
    maximumFractionDigits: 1,
    minimumFractionDigits: 1,
  });
}

/** "1 ændring" / "N ændringer" style counts. */
export function count(n, one, many) {
  return `${n} ${n === 1 ? one : many}`;
}

/** The lines a problem document gives the user: its field errors, else its detail. */
export function problemLines(problem, recordType) {
  if (!problem) return [];
  const errors = Object.entries(problem.errors || {});
  if (!errors.length) return [problem.detail || problem.title || "Afvist af serveren"];
  const lines = [];
  for (const [field, messages] of errors) {
    const list = (Array.isArray(messages) ? messages : [messages]).map((m) =>
      typeof m === "string" ? m : JSON.stringify(m),
    );
    lines.push(`${unitLabel(recordType, field.replace(/^data\./, ""))}: ${list.join(", ")}`);
  }
  return lines;
}
