// Client validation mirrors the server's schemas (server/schemas/*.py): table-driven cases
// of values the server accepts and rejects, with the Danish message the form shows.
import assert from "node:assert/strict";
import { test } from "node:test";

import {
  cprBirthDate,
  MESSAGES,
  validateRecord,
  validCpr,
  validCvr,
  validPhone,
} from "../../pwa/static/src/validate.js";

const COMPANY = "6b1a2f0e-5d0b-4a7e-9f54-6d3b1f6e2a10";
const OTHER = "0d4c2b3e-1f2a-4b5c-8d9e-0a1b2c3d4e5f";

const BASE = {
  company: { name: "Havnens Bageri" },
  contact: { company_id: COMPANY, name: "Mette Holm" },
  citizen: { name: "Ali Hassan" },
  placement: {
    citizen_id: OTHER,
    company_id: COMPANY,
    kind: "internship",
    start_date: "2026-03-02",
  },
  meeting: { company_id: COMPANY, kind: "follow_up" },
  assessment: {
    placement_id: OTHER,
    template_key: "progressionskort",
    template_version: 1,
    assessed_on: "2026-03-02",
  },
  agreement: { placement_id: OTHER, template_key: "praktikaftale", template_version: 1 },
  job_order: { company_id: COMPANY, title: "Lagermedarbejder" },
  task: { title: "Ring til Mette" },
};

// [type, changes on top of BASE[type], expected errors ({} = valid)]
const CASES = [
  ["company", {}, {}],
  ["company", { name: "" }, { name: MESSAGES.required }],
  ["company", { name: "x".repeat(201) }, { name: MESSAGES.tooLong(200) }],
  ["company", { name: "Æ".repeat(200) }, {}],
  ["company", { name: "a\u0000b" }, { name: MESSAGES.control }],
  ["company", { name: "a\ud800b" }, { name: MESSAGES.surrogate }],
  ["company", { knowledge: "linje 1\nlinje 2\tmed tab" }, {}],
  ["company", { cvr: "29403171" }, {}],
  ["company", { cvr: "29403172" }, { cvr: MESSAGES.cvr }],
  ["company", { cvr: "2940317" }, { cvr: MESSAGES.cvr }],
  ["company", { cvr: "2940317a" }, { cvr: MESSAGES.cvr }],
  ["company", { postcode: "6700" }, {}],
  ["company", { postcode: "670" }, { postcode: MESSAGES.postcode }],
  ["company", { email: "info@bageri.dk" }, {}],
  ["company", { email: "info@bageri" }, { email: MESSAGES.email }],
  ["company", { email: "info @bageri.dk" }, { email: MESSAGES.email }],
  ["company", { phone: "+45 75 12 00 00" }, {}],
  ["company", { phone: "(+45) 7512-0000" }, {}],
  ["company", { phone: "75 12 00 00 lok. 3" }, { phone: MESSAGES.phone }],
  ["company", { phone: "+ - ()" }, { phone: MESSAGES.phone }],
  ["company", { phone: "1".repeat(31) }, { phone: MESSAGES.phone }],
  ["company", { website: "https://bageri.dk/om" }, {}],
  ["company", { website: "www.bageri.dk" }, {}],
  ["company", { website: "bageri" }, { website: MESSAGES.website }],
  ["company", { website: "ftp://bageri.dk" }, { website: MESSAGES.website }],
  ["company", { employees: 0 }, {}],
  ["company", { employees: -1 }, { employees: MESSAGES.atLeast(0) }],
  ["company", { employees: 2.5 }, { employees: MESSAGES.integer }],
  ["company", { employees: "12" }, { employees: MESSAGES.integer }],
  ["company", { employees: 2 ** 53 }, { employees: MESSAGES.integer }],
  ["company", { status: "prospect" }, {}],
  ["company", { status: "Emne" }, { status: MESSAGES.choice }],
  ["company", { interests: ["recruitment", "flex_job"] }, {}],
  ["company", { interests: ["recruitment", "recruitment"] }, { interests: MESSAGES.repeated }],
  ["company", { interests: ["coffee"] }, { "interests.0": MESSAGES.choice }],
  ["company", { interests: "recruitment" }, { interests: MESSAGES.list }],
  [
    "company",
    { responsible_user_id: "B1A2F0E6-5D0B-4A7E-9F54-6D3B1F6E2A10" },
    { responsible_user_id: MESSAGES.uuid },
  ],
  ["contact", {}, {}],
  ["contact", { company_id: undefined }, { company_id: MESSAGES.required }],
  ["contact", { role: "hr", is_primary: true, mobile: "20 30 40 50" }, {}],
  ["contact", { role: "boss" }, { role: MESSAGES.choice }],
  ["contact", { is_primary: "ja" }, { is_primary: MESSAGES.bool }],
  ["citizen", { cpr: "010190-1234" }, {}],
  ["citizen", { cpr: "290200-4123" }, {}],
  ["citizen", { cpr: "290201-4123" }, { cpr: MESSAGES.cpr }],
  ["citizen", { cpr: "320190-1234" }, { cpr: MESSAGES.cpr }],
  ["citizen", { cpr: "0101901234" }, { cpr: MESSAGES.cpr }],
  [
    "citizen",
    { target_group: "kontanthjaelp", job_goals: { a: "Bager", b: "Butik", c: "Lager" } },
    {},
  ],
  ["citizen", { job_goals: { a: 5 } }, { "job_goals.a": MESSAGES.text }],
  ["citizen", { caseworker_email: "sb@kommune" }, { caseworker_email: MESSAGES.email }],
  ["placement", {}, {}],
  [
    "placement",
    { kind: undefined, start_date: undefined },
    { kind: MESSAGES.required, start_date: MESSAGES.required },
  ],
  ["placement", { start_date: "2026-02-30" }, { start_date: MESSAGES.date }],
  ["placement", { start_date: "2.3.2026" }, { start_date: MESSAGES.date }],
  [
    "placement",
    { end_date: "2026-03-01" },
    { start_date: MESSAGES.startAfterEnd, end_date: MESSAGES.endBeforeStart },
  ],
  [
    "placement",
    { hours: [{ id: OTHER, from_date: "2026-03-02", internship_hours: 12.5, paid_hours: 0 }] },
    {},
  ],
  [
    "placement",
    { hours: [{ id: OTHER, internship_hours: 12.345 }] },
    { "hours.0.internship_hours": MESSAGES.hoursDecimals },
  ],
  [
    "placement",
    { hours: [{ id: OTHER, paid_hours: -1 }] },
    { "hours.0.paid_hours": MESSAGES.atLeast(0) },
  ],
  ["placement", { hours: [{ id: OTHER }, { id: OTHER }] }, { "hours.1.id": MESSAGES.sameId }],
  ["placement", { hours: [{ paid_hours: 3 }] }, { "hours.0.id": MESSAGES.required }],
  ["meeting", { scheduled_at: "2026-03-02T09:30:00+01:00", held_at: "2026-03-02T08:30:00Z" }, {}],
  ["meeting", { scheduled_at: "2026-03-02T09:30:00" }, { scheduled_at: MESSAGES.dateTime }],
  ["meeting", { scheduled_at: "2026-03-02T24:00:00Z" }, { scheduled_at: MESSAGES.dateTime }],
  ["meeting", { kind: "visit" }, { kind: MESSAGES.choice }],
  ["meeting", { duration_minutes: -5 }, { duration_minutes: MESSAGES.atLeast(0) }],
  [
    "meeting",
    { status: "final" },
    {
      status: MESSAGES.finalStatus,
      held_at: MESSAGES.finalNeeds,
      next_follow_up: MESSAGES.finalNeeds,
    },
  ],
  [
    "meeting",
    { status: "final", held_at: "2026-03-02T08:30:00Z", next_follow_up: "2026-04-01" },
    {},
  ],
  [
    "meeting",
    {
      follow_up: {
        attendance: {
          attended_hours: 30,
          norm_hours: 37,
          period_start: "2026-03-09",
          period_end: "2026-03-02",
        },
      },
    },
    {
      "follow_up.attendance.period_start": MESSAGES.startAfterEnd,
      "follow_up.attendance.period_end": MESSAGES.endBeforeStart,
    },
  ],
  [
    "meeting",
    { agreements: [{ id: OTHER, text: "Mette ringer", due_date: "2026-13-01" }] },
    { "agreements.0.due_date": MESSAGES.date },
  ],
  ["meeting", { themes_covered: ["company", "offers"] }, {}],
  ["meeting", { themes_covered: ["weather"] }, { "themes_covered.0": MESSAGES.choice }],
  ["assessment", {}, {}],
  ["assessment", { template_version: 0 }, { template_version: MESSAGES.atLeast(1) }],
  ["assessment", { answers: { stabilitet: 4, note: "ok" } }, {}],
  ["assessment", { answers: { note: "a\u0001" } }, { answers: MESSAGES.control }],
  ["agreement", { status: "signed" }, {}],
  ["agreement", { status: "underskrevet" }, { status: MESSAGES.choice }],
  ["job_order", { positions: 3, filled: 3, hours_per_week: 37 }, {}],
  [
    "job_order",
    { positions: 2, filled: 3 },
    { filled: MESSAGES.filled, positions: MESSAGES.positions },
  ],
  ["job_order", { positions: 0 }, { positions: MESSAGES.atLeast(1) }],
  ["job_order", { requirements_must: ["Kørekort B", ""] }, {}],
  ["job_order", { offers: ["ordinary", "igu"] }, { "offers.1": MESSAGES.choice }],
  ["task", { due_date: "2026-03-02", done: false }, {}],
  [
    "task",
    { related_id: OTHER },
    { related_type: MESSAGES.relatedType, related_id: MESSAGES.relatedId },
  ],
  ["task", { related_id: OTHER, related_type: "meeting" }, {}],
  ["task", { related_type: "task" }, { related_type: MESSAGES.choice }],
];

for (const [type, changes, expected] of CASES) {
  test(`${type} ${JSON.stringify(changes)}`, () => {
    assert.deepEqual(validateRecord(type, { ...BASE[type], ...changes }), expected);
  });
}

test("a signature needs its covered object and, when drawn, a stroke", () => {
  const signature = {
    agreement_id: OTHER,
    role: "citizen",
    signer_name: "Ali",
    signed_at: "2026-03-02T10:00:00Z",
    content: { template_key: "praktikaftale", template_version: 1, content: {} },
    content_sha256: "a".repeat(64),
  };
  assert.deepEqual(
    validateRecord("signature", { ...signature, method: "drawn", strokes: [[[1, 2, 3]]] }),
    {},
  );
  assert.deepEqual(validateRecord("signature", { ...signature, method: "drawn", strokes: [] }), {
    strokes: MESSAGES.strokes,
  });
  assert.deepEqual(validateRecord("signature", { ...signature, content_sha256: "A".repeat(64) }), {
    content_sha256: MESSAGES.sha256,
  });
});

test("CPR century rule of the 7th digit", () => {
  assert.equal(cprBirthDate("010190-1234"), "1990-01-01");
  assert.equal(cprBirthDate("010136-4234"), "2036-01-01");
  assert.equal(cprBirthDate("010137-4234"), "1937-01-01");
  assert.equal(cprBirthDate("010157-5234"), "2057-01-01");
  assert.equal(cprBirthDate("010158-5234"), "1858-01-01");
  assert.equal(cprBirthDate("010199-9234"), "1999-01-01");
  assert.equal(validCpr("290200-1234"), false); // 1900 was not a leap year
  assert.equal(validCpr("290200-4234"), true); // 2000 was
});

test("the exported format checks", () => {
  assert.equal(validCvr("29403171"), true);
  assert.equal(validCvr("29403170"), false);
  assert.equal(validPhone("75120000"), true);
  assert.equal(validPhone("telefon"), false);
});
