// The meeting form's pure logic: parts per kind, completeness for finishing, attendance,
// the draft (only changed fields are sent), autosave ordering, Copenhagen times, job-order age.
import assert from "node:assert/strict";
import { test } from "node:test";

import { autosaver } from "../../pwa/static/src/ui/forms/autosaver.js";
import {
  changesFor,
  rebaseDraft,
  settle,
  withChanges,
} from "../../pwa/static/src/ui/forms/draft.js";
import { MEETING_CODECS, MEETING_MODEL } from "../../pwa/static/src/ui/meeting/codecs.js";
import { COLLEAGUE_TEXT } from "../../pwa/static/src/ui/textRebase.js";
import {
  JOB_ORDER_CODECS,
  JOB_ORDER_MODEL,
  jobOrderAge,
} from "../../pwa/static/src/ui/meeting/jobOrder.js";
import { ageOf } from "../../pwa/static/src/ui/team/positions.js";
import {
  agendaPrompts,
  attendanceFromRaw,
  attendanceShare,
  finishErrors,
  meetingParts,
  parseHours,
  previousMeeting,
  withPrompts,
} from "../../pwa/static/src/ui/meeting/model.js";
import { localToRfc3339, rfc3339ToLocal, todayIso } from "../../pwa/static/src/dates.js";

const PLACEMENT = "b0b0b0b0-0000-4000-8000-000000000001";

test("the follow-up agenda shows for follow-ups and meetings about a placement; themes for visits", () => {
  assert.deepEqual(meetingParts("follow_up", PLACEMENT), { followUp: true, themes: false });
  assert.deepEqual(meetingParts("follow_up", undefined), { followUp: true, themes: true });
  assert.deepEqual(meetingParts("first_visit", undefined), { followUp: false, themes: true });
  assert.deepEqual(meetingParts("tripartite", PLACEMENT), { followUp: true, themes: false });
  assert.deepEqual(meetingParts("tripartite", undefined), { followUp: false, themes: false });
  assert.deepEqual(meetingParts("startup", PLACEMENT), { followUp: false, themes: false });
  assert.deepEqual(meetingParts("issue", undefined), { followUp: false, themes: true });
});

test("finishing needs held_at, next_follow_up and, for follow-ups, the ordinary-hours answer", () => {
  const errors = finishErrors({ kind: "follow_up", placement_id: PLACEMENT });
  assert.deepEqual(Object.keys(errors).sort(), [
    "held_at",
    "next_follow_up",
    "ordinary_hours_discussed",
  ]);
  const done = {
    kind: "follow_up",
    placement_id: PLACEMENT,
    held_at: "2026-11-23T10:00:00+01:00",
    next_follow_up: "2026-12-07",
    follow_up: { ordinary_hours_discussed: false },
  };
  assert.deepEqual(finishErrors(done), {});
  assert.deepEqual(Object.keys(finishErrors({ ...done, next_follow_up: "2026-11-01" })), [
    "next_follow_up",
  ]);
  assert.deepEqual(
    finishErrors({ kind: "first_visit", held_at: done.held_at, next_follow_up: "2026-12-07" }),
    {},
  );
});

test("finishing needs complete attendance and a text for every agreement", () => {
  const base = {
    kind: "first_visit",
    held_at: "2026-11-23T10:00:00+01:00",
    next_follow_up: "2026-12-07",
  };
  assert.ok(
    finishErrors({ ...base, follow_up: { attendance: { attended_hours: 10 } } }).attendance,
  );
  assert.deepEqual(
    finishErrors({
      ...base,
      follow_up: {
        attendance: {
          attended_hours: 10,
          norm_hours: 12,
          period_start: "2026-11-01",
          period_end: "2026-11-14",
        },
      },
    }),
    {},
  );
  assert.deepEqual(Object.keys(finishErrors({ ...base, agreements: [{ id: "x", text: " " }] })), [
    "agreement.x",
  ]);
});

test("hours are typed the Danish way with at most two decimals", () => {
  assert.deepEqual(parseHours("12,5"), { value: 12.5 });
  assert.deepEqual(parseHours("7.25"), { value: 7.25 });
  assert.deepEqual(parseHours(""), { value: null });
  assert.ok(parseHours("12,345").error);
  assert.ok(parseHours("-3").error);
  assert.ok(parseHours("ti").error);
});

test("attendance is hours, norm and period; the share is shown only next to the numbers", () => {
  const { value, errors } = attendanceFromRaw({
    attended_hours: "28,5",
    norm_hours: "30",
    period_start: "2026-11-02",
    period_end: "2026-11-20",
  });
  assert.deepEqual(value, {
    attended_hours: 28.5,
    norm_hours: 30,
    period_start: "2026-11-02",
    period_end: "2026-11-20",
  });
  assert.deepEqual(errors, {});
  assert.equal(attendanceShare(value), "28,5 af 30 timer (95 %)");
  assert.equal(attendanceShare({ attended_hours: 3 }), "");
  assert.ok(
    attendanceFromRaw({ period_start: "2026-11-20", period_end: "2026-11-02" }).errors.period_end,
  );
  assert.equal(
    attendanceFromRaw({ attended_hours: "", norm_hours: "", period_start: "", period_end: "" })
      .value,
    null,
  );
});

test("the previous meeting is the newest earlier one with agreements, same placement first", () => {
  const m = (id, at, extra = {}) => ({
    id,
    data: { held_at: at, agreements: [{ id: `${id}-a`, text: "x" }], ...extra },
  });
  const meetings = [
    m("old", "2026-10-01T10:00:00+02:00", { placement_id: PLACEMENT }),
    m("company", "2026-11-01T10:00:00+01:00"),
    m("later", "2026-12-01T10:00:00+01:00", { placement_id: PLACEMENT }),
    m("empty", "2026-11-10T10:00:00+01:00", { placement_id: PLACEMENT, agreements: [] }),
    { ...m("gone", "2026-11-15T10:00:00+01:00", { placement_id: PLACEMENT }), deleted: true },
  ];
  const current = {
    id: "now",
    data: { placement_id: PLACEMENT, held_at: "2026-11-23T10:00:00+01:00" },
  };
  assert.equal(previousMeeting(meetings, current).id, "old");
  assert.equal(
    previousMeeting(meetings, { id: "now", data: { held_at: "2026-11-23T10:00:00+01:00" } }).id,
    "company",
  );
  assert.equal(previousMeeting([], current), null);
});

test("the draft sends only changed fields, and a follow_up key inside the stored object", () => {
  const stored = {
    kind: "follow_up",
    notes_company: "A",
    follow_up: { works_well: "godt", tasks: "hylder" },
  };
  const draft = {
    notes_citizen: "Sara fortæller",
    notes_company: "A",
    "follow_up.difficult": "løft",
    "follow_up.tasks": "",
    held_at: "2026-11-23T10:05",
  };
  const { changes, errors } = changesFor(stored, draft, MEETING_CODECS);
  assert.deepEqual(errors, {});
  assert.deepEqual(changes, {
    notes_citizen: "Sara fortæller",
    held_at: "2026-11-23T10:05:00+01:00",
    follow_up: { works_well: "godt", difficult: "løft" },
  });
  assert.equal(MEETING_MODEL.shown(stored, "follow_up.works_well"), "godt");
  assert.equal(
    MEETING_MODEL.shown({ held_at: "2026-07-01T08:00:00Z" }, "held_at"),
    "2026-07-01T10:00",
  );
});

test("bad input stays in the draft with a message and is not sent", () => {
  const { changes, errors } = changesFor(
    {},
    {
      "follow_up.attendance": {
        attended_hours: "12,345",
        norm_hours: "30",
        period_start: "",
        period_end: "",
      },
      duration_minutes: "en halv time",
      notes_company: "B",
    },
    MEETING_CODECS,
  );
  assert.deepEqual(changes, { notes_company: "B" });
  assert.deepEqual(Object.keys(errors).sort(), ["attended_hours", "duration_minutes"]);
});

test("a draft path settles once the store shows its value; a newer typed value stays", () => {
  const draft = { notes_citizen: "abc", held_at: "2026-11-23T10:05", notes_company: "newer" };
  const stored = {
    notes_citizen: "abc",
    held_at: "2026-11-23T10:05:00+01:00",
    notes_company: "old",
  };
  assert.deepEqual(settle(stored, draft, MEETING_MODEL), { notes_company: "newer" });
  const unchanged = { notes_company: "x" };
  assert.equal(settle({}, unchanged, MEETING_MODEL), unchanged);
});

test("job-order inputs: hours, whole numbers and one requirement per line", () => {
  const { changes, errors } = changesFor(
    {},
    {
      hours_per_week: "37,5",
      positions: "2",
      filled: "to",
      requirements_must: "Kørekort B\n\n Straffeattest ",
    },
    JOB_ORDER_CODECS,
  );
  assert.deepEqual(changes, {
    hours_per_week: 37.5,
    positions: 2,
    requirements_must: ["Kørekort B", "Straffeattest"],
  });
  assert.deepEqual(errors, { filled: "Skriv et helt tal" });
  assert.equal(
    JOB_ORDER_MODEL.shown({ requirements_nice: ["a", "b"] }, "requirements_nice"),
    "a\nb",
  );
});

test("autosave keeps one write in flight and writes only the newest queued state", async () => {
  let state = 1;
  const written = [];
  const gates = [];
  const saver = autosaver({
    current: () => state,
    write: (s) =>
      new Promise((resolve) => {
        written.push(s);
        gates.push(resolve);
      }),
  });
  saver.request();
  await Promise.resolve();
  for (state = 2; state <= 5; state += 1) saver.request();
  state = 5;
  assert.deepEqual(written, [1]);
  assert.ok(saver.busy());
  const idle = saver.flush();
  gates.shift()();
  await new Promise((r) => setTimeout(r, 0));
  assert.deepEqual(written, [1, 5]);
  gates.shift()();
  await idle;
  assert.deepEqual(written, [1, 5]);
  assert.equal(saver.busy(), false);
});

test("a failed write is reported and the next request writes again", async () => {
  const failures = [];
  let calls = 0;
  const saver = autosaver({
    current: () => "x",
    write: async () => {
      calls += 1;
      if (calls === 1) throw new Error("full");
    },
    onError: (error) => failures.push(error.message),
  });
  await saver.flush();
  await saver.flush();
  assert.deepEqual(failures, ["full"]);
  assert.equal(calls, 2);
});

test("Copenhagen wall time becomes RFC 3339 with the right offset, winter and summer", () => {
  assert.equal(localToRfc3339("2026-11-23T10:05"), "2026-11-23T10:05:00+01:00");
  assert.equal(localToRfc3339("2026-07-01T09:00"), "2026-07-01T09:00:00+02:00");
  assert.equal(localToRfc3339("2026-10-25T03:30"), "2026-10-25T03:30:00+01:00");
  assert.equal(localToRfc3339(""), "");
  assert.equal(rfc3339ToLocal("2026-11-23T09:05:00Z"), "2026-11-23T10:05");
  assert.equal(todayIso(Date.parse("2026-11-23T23:30:00Z")), "2026-11-24");
});

test("an open job order ages like Åbne pladser: yellow from 7 days, red from 14", () => {
  const order = { status: "open", log: [{ date: "2026-11-01" }, { date: "2026-11-10" }] };
  for (const [today, level, icon] of [
    ["2026-11-16", "new", ""],
    ["2026-11-17", "yellow", "⚠"],
    ["2026-11-23", "yellow", "⚠"],
    ["2026-11-24", "red", "‼"],
  ]) {
    const age = jobOrderAge(order, today);
    assert.deepEqual([age.level, age.icon], [level, icon], today);
    assert.deepEqual(age, { ...ageOf("2026-11-10", today), text: age.text }, today);
  }
  assert.equal(jobOrderAge(order, "2026-11-25", "2026-11-24").days, 1);
  assert.equal(jobOrderAge({ ...order, status: "filled" }, "2026-11-25"), null);
  assert.equal(jobOrderAge({ status: "open" }, "2026-11-25"), null);
  assert.equal(jobOrderAge({ status: "open" }, "2026-11-25", "2026-11-20").days, 5);
});

test("the age says how old the newest contact is, with words for yellow and red", () => {
  const order = { log: [{ date: "2026-11-01" }] };
  assert.equal(jobOrderAge(order, "2026-11-01").text, "Seneste kontakt i dag");
  assert.equal(jobOrderAge(order, "2026-11-02").text, "Seneste kontakt for 1 dag siden");
  assert.equal(jobOrderAge(order, "2026-11-08").text, "Ældes: seneste kontakt for 7 dage siden");
  assert.equal(jobOrderAge(order, "2026-11-15").text, "Haster: seneste kontakt for 14 dage siden");
});

test("start-up, three-party and closing meetings get the sources' agenda prompts", () => {
  assert.equal(agendaPrompts("startup").length, 8);
  assert.ok(agendaPrompts("startup").includes("Kontakt ifm. sygdom"));
  assert.ok(agendaPrompts("closing").includes("Hvad er næste skridt?"));
  assert.deepEqual(agendaPrompts("tripartite"), agendaPrompts("closing"));
  assert.deepEqual(agendaPrompts("follow_up"), []);
  assert.equal(withPrompts("Velkomst", ["A", "B"]), "Velkomst\n- A\n- B");
  assert.equal(withPrompts("Velkomst\n- A", ["A", "B"]), "Velkomst\n- A\n- B");
  assert.equal(withPrompts("", ["A"]), "- A");
});

test("a colleague's pulled edit is merged into an unsaved draft of the same text field", () => {
  const before = { notes_company: "Linje 1\nLinje 2\nLinje 3\n" };
  const pulled = { notes_company: "Linje 1 (kollega)\nLinje 2\nLinje 3\n" };
  const draft = {
    notes_company: "Linje 1\nLinje 2\nLinje 3\nMin nye linje\n",
    held_at: "2026-11-23T10:05",
  };
  const rebased = rebaseDraft(before, pulled, draft, MEETING_MODEL);
  assert.equal(rebased.notes_company, "Linje 1 (kollega)\nLinje 2\nLinje 3\nMin nye linje\n");
  assert.equal(rebased.held_at, draft.held_at);
});

test("when both edit the same lines, the colleague's text is kept below the user's, marked", () => {
  const rebased = rebaseDraft(
    { notes_citizen: "A\n" },
    { notes_citizen: "B\n" },
    { notes_citizen: "C\n" },
    MEETING_MODEL,
  );
  assert.equal(rebased.notes_citizen, `C\n\n${COLLEAGUE_TEXT}\nB\n`);
});

test("a draft is left alone when the stored field did not change or already shows the draft", () => {
  const draft = { notes_citizen: "mit" };
  assert.equal(
    rebaseDraft({ notes_citizen: "x" }, { notes_citizen: "x", other: 1 }, draft, MEETING_MODEL),
    draft,
  );
  assert.equal(
    rebaseDraft({ notes_citizen: "x" }, { notes_citizen: "mit" }, draft, MEETING_MODEL),
    draft,
  );
});

test("the user's own last write is the base of the rebase, so typing on is never doubled", () => {
  const written = { notes_company: "Linje 1\nLinje 2\nOle ringer, hvis Sa" };
  const pulled = { notes_company: "Kollegaens linje 1\nLinje 2\nOle ringer, hvis Sa" };
  const draft = { notes_company: "Linje 1\nLinje 2\nOle ringer, hvis Sara er syg" };
  const rebased = rebaseDraft(
    { notes_company: "Linje 1\n" },
    pulled,
    draft,
    MEETING_MODEL,
    written,
  );
  assert.equal(rebased.notes_company, "Kollegaens linje 1\nLinje 2\nOle ringer, hvis Sara er syg");
});

test("picked values (kind, status, dates, ids) are not rebased: the user’s choice stays, never garbled", () => {
  const draft = { kind: "closing", next_follow_up: "2026-12-01", location: "Kantinen" };
  const rebased = rebaseDraft(
    { kind: "follow_up", next_follow_up: "2026-11-30", location: "Lager" },
    { kind: "tripartite", next_follow_up: "2026-12-02", location: "Kontoret" },
    draft,
    MEETING_MODEL,
  );
  assert.equal(rebased.kind, "closing");
  assert.equal(rebased.next_follow_up, "2026-12-01");
  assert.equal(rebased.location, `Kantinen\n\n${COLLEAGUE_TEXT}\nKontoret`);
  assert.equal(
    rebaseDraft({ status: "open" }, { status: "filled" }, { status: "closed" }, JOB_ORDER_MODEL)
      .status,
    "closed",
  );
});

test("the record as it would be saved: changes applied, null removes the field", () => {
  const data = { kind: "follow_up", notes_company: "gammel", location: "Lager" };
  assert.deepEqual(withChanges(data, { notes_company: "ny", location: null }), {
    kind: "follow_up",
    notes_company: "ny",
  });
  assert.deepEqual(data.location, "Lager");
});
