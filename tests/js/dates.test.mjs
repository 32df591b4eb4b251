// dates.js: Copenhagen wall time ↔ RFC 3339, today's date in Copenhagen, Danish date texts.
import assert from "node:assert/strict";
import { test } from "node:test";

import {
  axisDate,
  clockTime,
  danishDate,
  danishDateTime,
  daysBetween,
  localToRfc3339,
  longDate,
  longDateTime,
  nowLocal,
  rfc3339Now,
  rfc3339ToLocal,
  textDate,
  todayIso,
  weekday,
} from "../../pwa/static/src/dates.js";

test("a signing time is RFC 3339 in Copenhagen time with its offset, winter and summer", () => {
  assert.equal(rfc3339Now(Date.parse("2026-11-20T09:15:03Z")), "2026-11-20T10:15:03+01:00");
  assert.equal(rfc3339Now(new Date("2026-07-01T22:30:09Z")), "2026-07-02T00:30:09+02:00");
  assert.equal(
    Date.parse(rfc3339Now(Date.parse("2026-03-29T01:00:00Z"))),
    Date.parse("2026-03-29T01:00:00Z"),
  );
});

test("datetime-local values are Copenhagen wall time; the repeated autumn hour takes summer time", () => {
  assert.equal(localToRfc3339("2026-11-23T10:05"), "2026-11-23T10:05:00+01:00");
  assert.equal(localToRfc3339("2026-10-25T02:30"), "2026-10-25T02:30:00+02:00");
  assert.equal(localToRfc3339("nonsense"), "");
  assert.equal(rfc3339ToLocal("2026-07-01T07:00:00Z"), "2026-07-01T09:00");
  assert.equal(rfc3339ToLocal(undefined), "");
  assert.equal(nowLocal(Date.parse("2026-11-23T09:05:00Z")), "2026-11-23T10:05");
});

test("today is Copenhagen's date, from epoch ms or a Date", () => {
  assert.equal(todayIso(Date.parse("2026-11-20T23:30:00Z")), "2026-11-21");
  assert.equal(todayIso(new Date("2026-06-30T21:59:00Z")), "2026-06-30");
  assert.equal(todayIso(new Date("2026-06-30T22:00:00Z")), "2026-07-01");
  assert.equal(daysBetween("2026-10-24", "2026-10-26"), 2);
});

test("dates and times read the Danish way; absent is empty, other text stays as it is", () => {
  assert.equal(danishDate("2026-11-02"), "02.11.2026");
  assert.equal(textDate("2026-12-01"), "1.12.2026");
  assert.equal(longDate("2026-03-05"), "5. marts 2026");
  assert.equal(longDate("2026-12-24T10:00:00+01:00"), "24. december 2026");
  assert.equal(axisDate("2026-03-05"), "5/3");
  assert.equal(weekday("2026-11-25"), "onsdag");
  assert.equal(danishDate(undefined), "");
  assert.equal(textDate("i morgen"), "i morgen");
  assert.equal(danishDateTime("2026-11-23T09:05:00Z"), "23.11.2026 kl. 10:05");
  assert.equal(longDateTime("2026-07-01T07:30:00Z"), "1. juli 2026 kl. 09:30");
  assert.equal(danishDateTime("not a time"), "");
  assert.equal(clockTime(Date.parse("2026-07-01T21:07:00Z")), "23:07");
});
