// The journal note: the meeting as plain text for the case system.
import assert from "node:assert/strict";
import { test } from "node:test";

import { attendanceSentence, journalText } from "../../pwa/static/src/ui/meeting/journal.js";

const CONTACT = "c0c0c0c0-0000-4000-8000-000000000001";

const MEETING = {
  kind: "follow_up",
  held_at: "2026-11-23T09:05:00Z",
  location: "På virksomheden",
  duration_minutes: 30,
  participants: [
    { id: "p1", contact_id: CONTACT, role: "Arbejdsgiver" },
    { id: "p2", name: "Sara Jensen", role: "Borger" },
  ],
  purpose: "Opfølgning på praktikken",
  notes_citizen: "Sara fortæller, at hun trives.\nHun møder til tiden.",
  notes_company: "Aftalt med Ole, at Sara prøver kassen.",
  follow_up: {
    tasks: "Opfylder hylder",
    attendance: {
      attended_hours: 28.5,
      norm_hours: 30,
      period_start: "2026-11-02",
      period_end: "2026-11-20",
    },
    works_well: "Samarbejdet",
    difficult: "Tunge løft",
    adjustments: "Flere timer",
    ordinary_hours_discussed: false,
  },
  agreements: [
    {
      id: "a1",
      text: "Sara øger til 20 timer",
      responsible: "Sara",
      due_date: "2026-12-01",
      done: false,
    },
    { id: "a2", text: "Ole finder en mentor", responsible: "Ole", done: true },
  ],
  next_follow_up: "2026-12-07",
};

test("the note has the kind, time, company, participants and both note dimensions under their headings", () => {
  const text = journalText(MEETING, {
    companyName: "Havnens Bageri",
    contactsById: { [CONTACT]: { name: "Ole Hansen" } },
  });
  const lines = text.split("\n");
  assert.equal(lines[0], "Opfølgning – Havnens Bageri");
  assert.equal(lines[1], "Afholdt: 23.11.2026 kl. 10:05");
  assert.ok(lines.includes("Sted: På virksomheden"));
  assert.ok(lines.includes("Tid til rådighed: 30 minutter"));
  assert.ok(lines.includes("- Ole Hansen (Arbejdsgiver)"));
  assert.ok(lines.includes("- Sara Jensen (Borger)"));
  assert.ok(text.includes("Formål:\nOpfølgning på praktikken\n"));
  assert.ok(text.includes("Om borgeren:\nSara fortæller, at hun trives.\nHun møder til tiden.\n"));
  assert.ok(text.includes("Aftalt med virksomheden:\nAftalt med Ole, at Sara prøver kassen.\n"));
  assert.ok(text.endsWith("Næste opfølgning: 07.12.2026\n"));
});

test("attendance is hours of norm hours in a dated period, never a bare percentage", () => {
  const text = journalText(MEETING);
  assert.ok(
    text.includes("Fremmøde/pauser: 28,5 timer af 30 timer i perioden d. 02.11.2026 – 20.11.2026"),
  );
  assert.doesNotMatch(text, /%/);
  assert.equal(attendanceSentence({ attended_hours: 12, norm_hours: 37 }), "12 timer af 37 timer");
  assert.equal(attendanceSentence({}), "");
});

test("the follow-up prompts and the ordinary-hours answer are listed", () => {
  const text = journalText(MEETING);
  assert.ok(text.includes("Arbejdsopgaver: Opfylder hylder"));
  assert.ok(text.includes("Hvad fungerer godt/hvad lykkes?: Samarbejdet"));
  assert.ok(text.includes("Hvad er svært?: Tunge løft"));
  assert.ok(text.includes("lønnede timer?: Flere timer"));
  assert.ok(text.includes("Er ordinære (lønnede) timer drøftet?: Nej"));
});

test("agreements say what, who, by when and whether done", () => {
  const text = journalText(MEETING);
  assert.ok(
    text.includes(
      "Aftaler:\n- Sara øger til 20 timer – ansvarlig: Sara – senest 01.12.2026 – ikke udført\n" +
        "- Ole finder en mentor – ansvarlig: Ole – udført\n",
    ),
  );
});

test("the previous meeting's agreements are followed up under their own heading", () => {
  const text = journalText(MEETING, { followedUp: [{ id: "x", text: "Skaf sko", done: true }] });
  assert.ok(text.includes("Opfølgning på aftaler fra sidste møde:\n- Skaf sko – udført\n"));
});

test("empty parts are left out and a missing follow-up date is said", () => {
  const text = journalText(
    { kind: "first_visit", themes_covered: ["company", "offers"] },
    { companyName: "A" },
  );
  assert.equal(
    text,
    "Førstegangsbesøg – A\n\nTemaer berørt:\n- Kendskab til virksomheden\n" +
      "- Hvad kan jobcentret tilbyde (redskabsviften)?\n\nNæste opfølgning: ikke aftalt\n",
  );
  assert.doesNotMatch(text, /Om borgeren|Aftaler:|Deltagere/);
});
