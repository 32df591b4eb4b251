// The record types' field rules as data, mirroring server/schemas/record_types.py and
// placement_types.py: a spec per field ({kind, required, max, check, min, …}) and the rules
// that span fields. validate.js walks them. Pure: no DOM, storage or network.
import {
  validCpr,
  validCvr,
  validDate,
  validDateTime,
  validEmail,
  validPhone,
  validPostcode,
  validUuid,
  validWebsite,
} from "./formats.js";

const NAME = 200;
const SHORT = 500;
/** Free-text limit and the safe integer range (docs/domain.md "Values"). */
export const FREE = 100_000;
export const MAX_SAFE = Number.MAX_SAFE_INTEGER;

/** The Danish messages (exported for the forms and tests). */
export const MESSAGES = {
  required: "Skal udfyldes",
  text: "Skal være tekst",
  tooLong: (max) => `Højst ${max} tegn`,
  control: "Må ikke indeholde kontroltegn",
  surrogate: "Indeholder ugyldige tegn",
  cvr: "CVR-nummeret skal være 8 cifre med gyldigt kontrolciffer",
  cpr: "CPR-nummeret skal være en gyldig fødselsdato og fire cifre: DDMMÅÅ-NNNN",
  postcode: "Postnummeret skal være 4 cifre",
  email: "E-mailadressen ser ikke rigtig ud",
  phone: "Telefonnummeret må kun have cifre, mellemrum, +, - og parenteser (højst 30 tegn)",
  website: "Webadressen ser ikke rigtig ud (fx https://eksempel.dk)",
  date: "Skal være en gyldig dato (ÅÅÅÅ-MM-DD)",
  dateTime: "Skal være en gyldig dato og tid",
  uuid: "Ugyldig henvisning",
  choice: "Ugyldigt valg",
  integer: "Skal være et helt tal",
  number: "Skal være et tal",
  atLeast: (min) => `Skal være mindst ${min}`,
  hoursDecimals: "Højst to decimaler",
  bool: "Skal være ja eller nej",
  list: "Skal være en liste",
  repeated: "Samme værdi må kun vælges én gang",
  object: "Har et ugyldigt indhold",
  sameId: "Samme id optræder to gange",
  filled: "Der kan ikke være flere besatte end der er stillinger",
  positions: "Der kan ikke være færre stillinger end besatte",
  endBeforeStart: "Slutdatoen må ikke ligge før startdatoen",
  startAfterEnd: "Startdatoen må ikke ligge efter slutdatoen",
  finalNeeds: "Skal udfyldes, når mødet er endeligt",
  finalStatus: "Et endeligt møde skal have tidspunkt for afholdelse og næste opfølgning",
  relatedType: "Skal udfyldes, når opgaven henviser til en post",
  relatedId: "Henvisningen mangler sin posttype",
  openingPositions: "En åbning har mindst 1 plads",
  week: "Skal være en uge skrevet ÅÅÅÅ-Uuu, fx 2026-W07",
  customName: "Skal udfyldes for en egen indikator",
  sha256: "Skal være 64 små hexadecimale cifre",
  strokes: "En tegnet underskrift skal have mindst ét strøg",
};

// Field specs: a kind plus its options; `req` marks a required field.
const text = (max, check, message) => ({ kind: "string", max, check, message });
const short = () => text(SHORT);
const name = () => text(NAME);
const free = () => text(FREE);
const format = (check, message, max = SHORT) => text(max, check, message);
const uuid = () => format(validUuid, MESSAGES.uuid);
const date = () => format(validDate, MESSAGES.date);
const dateTime = () => format(validDateTime, MESSAGES.dateTime);
const phone = () => format(validPhone, MESSAGES.phone);
const email = () => format(validEmail, MESSAGES.email, 254);
const oneOf = (...words) => ({ kind: "enum", words });
const integer = (min) => ({ kind: "integer", min });
const number = (min) => ({ kind: "number", min });
const hours = () => ({ kind: "number", min: 0, decimals: 2 });
const bool = () => ({ kind: "bool" });
const words = (...list) => ({ kind: "list", of: oneOf(...list), distinct: true });
const listOf = (of) => ({ kind: "list", of });
const items = (fields) => ({
  kind: "list",
  of: object({ id: req(uuid()), ...fields }),
  uniqueIds: true,
});
const object = (fields, rule) => ({ kind: "object", fields, rule });
const json = () => ({ kind: "json" });
const req = (spec) => ({ ...spec, required: true });

/** Raise both messages when the date `last` lies before the date `first`. */
const inOrder = (first, last) => (data, fail) => {
  if (data[first] && data[last] && data[last] < data[first]) {
    fail(first, MESSAGES.startAfterEnd);
    fail(last, MESSAGES.endBeforeStart);
  }
};

/** The offer catalogue (company interests), in docs/domain.md's order. */
export const OFFER_CATALOGUE = [
  "recruitment",
  "job_ads",
  "retention",
  "upskilling",
  "adult_apprentice",
  "job_rotation",
  "mentor",
  "wage_subsidy",
  "flex_job",
  "sheltered_job",
  "internship",
  "redundancy_help",
  "work_sharing",
];
const RECORD_TYPES = [
  "company",
  "contact",
  "citizen",
  "placement",
  "meeting",
  "assessment",
  "agreement",
  "signature",
  "job_order",
  "task",
  "company_contact",
  "team_goal",
];
/** Company contact results (company_contact.result), seed 003's "Resultatet af kontakten". */
export const CONTACT_RESULTS = [
  "no_opening",
  "ordinary_opening",
  "internship",
  "wage_subsidy",
  "flex_job",
  "other_opening",
];
/** Målstyring indicators (team_goal.indicator). */
export const INDICATORS = [
  "meetings_held",
  "companies_visited",
  "company_contacts",
  "job_orders_created",
  "positions_filled",
  "placements_started",
  "custom",
];

/** Whether a week is written YYYY-Www and exists (W53 only in long ISO years). */
function validWeek(value) {
  const match = /^(\d{4})-W(\d{2})$/.exec(value);
  if (!match) return false;
  const year = Number(match[1]);
  const dec28 = new Date(Date.UTC(year, 11, 28));
  const thursday = new Date(dec28);
  thursday.setUTCDate(dec28.getUTCDate() + 3 - ((dec28.getUTCDay() + 6) % 7));
  const weeks =
    Math.floor((thursday - Date.UTC(thursday.getUTCFullYear(), 0, 1)) / 86400000 / 7) + 1;
  return Number(match[2]) >= 1 && Number(match[2]) <= weeks;
}

/** The field specs of every record type (server/schemas/record_types.py, placement_types.py). */
// DOMAIN "Journalising": the journal note was entered into the case system (when, by whom).
const JOURNALISING = { journalized_at: dateTime(), journalized_by: uuid() };

export const SCHEMAS = {
  company: object({
    name: req(name()),
    cvr: format(validCvr, MESSAGES.cvr),
    address: short(),
    postcode: format(validPostcode, MESSAGES.postcode),
    city: short(),
    industry: short(),
    employees: integer(0),
    phone: phone(),
    email: email(),
    website: format(validWebsite, MESSAGES.website),
    status: oneOf("prospect", "active", "inactive"),
    responsible_user_id: uuid(),
    company_type: short(),
    interests: words(...OFFER_CATALOGUE),
    knowledge: free(),
  }),
  contact: object({
    company_id: req(uuid()),
    name: req(name()),
    title: name(),
    phone: phone(),
    mobile: phone(),
    email: email(),
    role: oneOf("owner", "manager", "hr", "mentor", "contact"),
    is_primary: bool(),
  }),
  citizen: object({
    name: req(name()),
    cpr: format(validCpr, MESSAGES.cpr),
    phone: phone(),
    email: email(),
    target_group: oneOf(
      "dagpenge",
      "kontanthjaelp",
      "uddannelseshjaelp",
      "ressourceforloeb",
      "jobafklaring",
      "sygedagpenge",
      "ledighedsydelse",
      "integration",
      "other",
    ),
    caseworker_name: name(),
    caseworker_email: email(),
    job_goals: object({ a: short(), b: short(), c: short() }),
    special_considerations: free(),
  }),
  placement: object(
    {
      citizen_id: req(uuid()),
      company_id: req(uuid()),
      kind: req(
        oneOf(
          "internship",
          "wage_subsidy",
          "flex_job",
          "igu",
          "ordinary",
          "mentor",
          "job_rotation",
          "adult_apprentice",
          "other",
        ),
      ),
      start_date: req(date()),
      end_date: date(),
      purpose: free(),
      goals: free(),
      work_functions: items({ name: name(), tasks: free() }),
      contact_id: uuid(),
      mentor_id: uuid(),
      hours: items({ from_date: date(), internship_hours: hours(), paid_hours: hours() }),
      status: oneOf("planned", "active", "ended", "cancelled"),
      outcome: oneOf("ordinary_job", "education", "extended", "flex_job", "ended_no_job", "other"),
    },
    inOrder("start_date", "end_date"),
  ),
  meeting: object(
    {
      company_id: req(uuid()),
      placement_id: uuid(),
      kind: req(
        oneOf("first_visit", "follow_up", "startup", "tripartite", "closing", "issue", "phone"),
      ),
      scheduled_at: dateTime(),
      held_at: dateTime(),
      duration_minutes: integer(0),
      location: short(),
      participants: items({ contact_id: uuid(), name: name(), role: short() }),
      purpose: free(),
      agenda: free(),
      notes_citizen: free(),
      notes_company: free(),
      themes_covered: words("company", "challenges", "offers", "campaigns"),
      follow_up: object({
        tasks: free(),
        works_well: free(),
        difficult: free(),
        adjustments: free(),
        ordinary_hours_discussed: bool(),
        attendance: object(
          {
            attended_hours: hours(),
            norm_hours: hours(),
            period_start: date(),
            period_end: date(),
          },
          inOrder("period_start", "period_end"),
        ),
      }),
      agreements: items({ text: free(), responsible: short(), due_date: date(), done: bool() }),
      next_follow_up: date(),
      status: oneOf("draft", "final"),
      ...JOURNALISING,
    },
    (data, fail) => {
      const missing = ["held_at", "next_follow_up"].filter((field) => !present(data[field]));
      if (data.status === "final" && missing.length) {
        fail("status", MESSAGES.finalStatus);
        missing.forEach((field) => fail(field, MESSAGES.finalNeeds));
      }
    },
  ),
  assessment: object({
    placement_id: req(uuid()),
    template_key: req(name()),
    template_version: req(integer(1)),
    assessed_on: req(date()),
    assessor_role: oneOf("consultant", "company", "citizen", "mentor"),
    answers: json(),
    comment: free(),
    status: oneOf("draft", "final"),
    ...JOURNALISING,
  }),
  agreement: object({
    placement_id: req(uuid()),
    template_key: req(name()),
    template_version: req(integer(1)),
    content: json(),
    status: oneOf("draft", "ready", "signed", "void"),
    replaces_id: uuid(),
    ...JOURNALISING,
  }),
  signature: object(
    {
      agreement_id: req(uuid()),
      role: req(oneOf("citizen", "company", "consultant", "mentor", "caseworker")),
      signer_name: req(name()),
      signed_at: req(dateTime()),
      content: req(
        object({
          template_key: req(name()),
          template_version: req(integer(1)),
          content: req(json()),
        }),
      ),
      content_sha256: req(format((v) => /^[0-9a-f]{64}$/.test(v), MESSAGES.sha256)),
      method: oneOf("drawn", "typed"),
      strokes: listOf(listOf(listOf(number()))),
      width: number(0),
      height: number(0),
    },
    (data, fail) => {
      if (data.method === "drawn" && !(data.strokes ?? []).some((stroke) => stroke.length)) {
        fail("strokes", MESSAGES.strokes);
      }
    },
  ),
  job_order: object(
    {
      company_id: req(uuid()),
      title: req(name()),
      offers: words("ordinary", "internship", "wage_subsidy", "flex_job"),
      hours_type: oneOf("full_time", "part_time", "shift", "temp"),
      hours_per_week: hours(),
      start_date: date(),
      description: free(),
      professional_qualifications: free(),
      personal_qualifications: free(),
      requirements_must: listOf(short()),
      requirements_nice: listOf(short()),
      candidate_delivery: oneOf("cv", "via_jobcentre", "direct"),
      contact_id: uuid(),
      deadline: date(),
      positions: integer(1),
      filled: integer(0),
      status: oneOf("open", "filled", "closed"),
      log: items({ date: date(), user_id: uuid(), text: free() }),
    },
    (data, fail) => {
      if (
        typeof data.filled === "number" &&
        typeof data.positions === "number" &&
        data.filled > data.positions
      ) {
        fail("filled", MESSAGES.filled);
        fail("positions", MESSAGES.positions);
      }
    },
  ),
  company_contact: object(
    {
      company_id: req(uuid()),
      contacted_on: req(date()),
      contact_id: uuid(),
      channel: oneOf("visit", "phone", "email", "event", "other"),
      result: req(oneOf(...CONTACT_RESULTS)),
      job_function: short(),
      positions: integer(0),
      filled: integer(0),
      job_order_id: uuid(),
      note: free(),
    },
    (data, fail) => {
      if (
        present(data.result) &&
        data.result !== "no_opening" &&
        typeof data.positions === "number" &&
        data.positions < 1
      ) {
        fail("positions", MESSAGES.openingPositions);
      } else if (
        typeof data.filled === "number" &&
        typeof data.positions === "number" &&
        data.filled > data.positions
      ) {
        fail("filled", MESSAGES.filled);
        fail("positions", MESSAGES.positions);
      }
    },
  ),
  team_goal: object(
    {
      indicator: req(oneOf(...INDICATORS)),
      name: name(),
      year: req(integer(2000)),
      target: req(integer(0)),
      weekly: items({ week: req(format(validWeek, MESSAGES.week)), count: req(integer(0)) }),
      note: free(),
    },
    (data, fail) => {
      if (data.indicator === "custom" && !present(data.name)) fail("name", MESSAGES.customName);
    },
  ),
  task: object(
    {
      title: req(name()),
      due_date: date(),
      related_type: oneOf(...RECORD_TYPES.filter((t) => t !== "task")),
      related_id: uuid(),
      assignee_id: uuid(),
      done: bool(),
    },
    (data, fail) => {
      if (present(data.related_id) && !present(data.related_type)) {
        fail("related_type", MESSAGES.relatedType);
        fail("related_id", MESSAGES.relatedId);
      }
    },
  ),
};

/** Whether a value counts as given (not undefined, null or ""). */
export function present(value) {
  return value !== undefined && value !== null && value !== "";
}
