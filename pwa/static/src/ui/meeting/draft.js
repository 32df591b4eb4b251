// A form's draft: the user's own edits by path, on top of the stored record. Pure (no DOM
// or storage). Rules:
// - A path is a top-level field ("notes_citizen") or a key of an object field
//   ("follow_up.works_well"); `follow_up.attendance` is one path (one merge unit).
// - The draft holds what the inputs show (datetime-local text, hours typed as "12,5");
//   a codec per path turns it into the record's value ({value} or {errors}) and back.
// - changesFor sends only fields that differ from the stored record, so edits by others to
//   other fields are never undone; an object field is sent whole with only the edited keys
//   changed (the store diffs it per key).
// - A path leaves the draft once the stored record shows the same value (settled), so
//   later edits by others to that field show live.
// - When a pull changes a free-text field (a path without a codec) under an unsaved draft
//   of it, the draft is rebased (ui/textRebase.js, the rule every autosaving form follows);
//   picked values (choiceCodec) stay the user's.
import { attendanceFromRaw, attendanceToRaw, parseHours } from "./model.js";
import { localToRfc3339, rfc3339ToLocal } from "../../dates.js";
import { danishHours } from "../words.js";
import { rebaseText } from "../textRebase.js";

const same = (a, b) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
const LISTS = new Set(["agreements", "participants", "themes_covered", "offers", "log"]);

const plain = (path) => ({
  show: (v) => v ?? (LISTS.has(path) ? [] : ""),
  parse: (v) => ({ value: v === "" ? null : v }),
});
const dateTime = {
  show: (v) => rfc3339ToLocal(v),
  parse: (v) => ({ value: localToRfc3339(v) || null }),
};

/** A value picked, not typed (an enumeration, a date, a record id): stored as it is, never rebased. */
export const choiceCodec = plain("");

/** Whole numbers typed as text ("30"); `field` names the error. */
export function integerCodec(field, message = "Skriv et helt tal") {
  return {
    show: (v) => (v === undefined || v === null ? "" : String(v)),
    parse(v) {
      const text = String(v).trim();
      if (!text) return { value: null };
      return /^\d{1,6}$/.test(text) ? { value: Number(text) } : { errors: { [field]: message } };
    },
  };
}

/** Hours typed the Danish way ("37,5"); `field` names the error. */
export function hoursCodec(field) {
  return {
    show: (v) => danishHours(v),
    parse(v) {
      const parsed = parseHours(v);
      return parsed.error ? { errors: { [field]: parsed.error } } : { value: parsed.value };
    },
  };
}

/** A list of short texts edited as one text, one item per line. */
export const linesCodec = {
  show: (v) => (v ?? []).join("\n"),
  parse: (v) => {
    const items = String(v)
      .split("\n")
      .map((line) => line.trim())
      .filter(Boolean);
    return { value: items.length ? items : null };
  },
};

/** The meeting form's codecs. */
export const MEETING_CODECS = {
  scheduled_at: dateTime,
  held_at: dateTime,
  kind: choiceCodec,
  status: choiceCodec,
  placement_id: choiceCodec,
  next_follow_up: choiceCodec,
  "follow_up.ordinary_hours_discussed": choiceCodec,
  duration_minutes: integerCodec("duration_minutes", "Skriv antal minutter som et helt tal"),
  "follow_up.attendance": {
    show: (v) => attendanceToRaw(v),
    parse(raw) {
      const { value, errors } = attendanceFromRaw(raw);
      return Object.keys(errors).length ? { errors } : { value };
    },
  },
};

function split(path) {
  const dot = path.indexOf(".");
  return dot < 0 ? [path, null] : [path.slice(0, dot), path.slice(dot + 1)];
}

const codecOf = (codecs, path) => codecs[path] ?? plain(path);

/** What an input shows for a path of the stored data. */
export function shownValue(data, path, codecs = MEETING_CODECS) {
  const [field, key] = split(path);
  return codecOf(codecs, path).show(key ? data[field]?.[key] : data[field]);
}

/** The value a path has in the form: the draft's when edited, else the stored one. */
export function formValue(data, draft, path, codecs = MEETING_CODECS) {
  return path in draft ? draft[path] : shownValue(data, path, codecs);
}

/** The changes to save ({field: value, null = remove}) and the input errors ({field: message}). */
export function changesFor(data, draft, codecs = MEETING_CODECS) {
  const changes = {};
  const errors = {};
  const objects = {};
  for (const [path, raw] of Object.entries(draft)) {
    const { value, errors: found } = codecOf(codecs, path).parse(raw);
    if (found) {
      Object.assign(errors, found);
      continue;
    }
    const [field, key] = split(path);
    if (key) {
      objects[field] = objects[field] ?? { ...(data[field] ?? {}) };
      if (value === null) delete objects[field][key];
      else objects[field][key] = value;
    } else if (!same(value, data[field])) {
      changes[field] = value;
    }
  }
  for (const [field, object] of Object.entries(objects)) {
    if (!same(object, data[field] ?? {}))
      changes[field] = Object.keys(object).length ? object : null;
  }
  return { changes, errors };
}

/** The draft without the paths the stored data already shows (settled edits). */
export function settle(data, draft, codecs = MEETING_CODECS) {
  const next = {};
  for (const [path, value] of Object.entries(draft)) {
    if (!same(shownValue(data, path, codecs), value)) next[path] = value;
  }
  return Object.keys(next).length === Object.keys(draft).length ? draft : next;
}

/**
 * The draft rebased onto `newData` after a pull changed the stored record from `oldData`;
 * `written` holds the draft values last written to the store (the user's own base).
 */
export function rebaseDraft(oldData, newData, draft, codecs = MEETING_CODECS, written = {}) {
  let next = draft;
  for (const [path, mine] of Object.entries(draft)) {
    if (codecs[path] || typeof mine !== "string") continue;
    const before = path in written ? written[path] : shownValue(oldData, path, codecs);
    const merged = rebaseText(before, shownValue(newData, path, codecs), mine);
    if (merged !== mine) next = { ...next, [path]: merged };
  }
  return next;
}
