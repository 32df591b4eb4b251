// A form's draft: the user's own edits by path, on top of the stored record. Pure (no DOM
// or storage). Rules:
// - A form model says how a path reads and writes the record: {shown(data, path): what
//   the input shows, changes(data, draft): {changes, errors}, isText(path): free text
//   that a pull may rebase}. fieldModel(codecs) is the model of the forms whose paths are
//   fields ("notes_citizen") or keys of object fields ("follow_up.works_well").
// - The draft holds what the inputs show (datetime-local text, hours typed as "12,5");
//   a codec per path turns it into the record's value ({value} or {errors}) and back.
// - changesFor sends only fields that differ from the stored record, so edits by others to
//   other fields are never undone; an object field is sent whole with only the edited keys
//   changed (the store diffs it per key).
// - A path leaves the draft once the stored record shows the same value (settled), so
//   later edits by others to that field show live.
// - When a pull changes a free-text path under an unsaved draft of it, the draft is
//   rebased (ui/textRebase.js, the rule every autosaving form follows); picked values
//   (choiceCodec) stay the user's.
import { localToRfc3339, rfc3339ToLocal } from "../../dates.js";
import { rebaseText } from "../textRebase.js";

const same = (a, b) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
const LISTS = new Set(["agreements", "participants", "themes_covered", "offers", "log"]);

const plain = (path) => ({
  show: (v) => v ?? (LISTS.has(path) ? [] : ""),
  parse: (v) => ({ value: v === "" ? null : v }),
});
/** A date and time typed in a datetime-local input, stored as RFC 3339. */
export const dateTime = {
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

function split(path) {
  const dot = path.indexOf(".");
  return dot < 0 ? [path, null] : [path.slice(0, dot), path.slice(dot + 1)];
}

const codecOf = (codecs, path) => codecs[path] ?? plain(path);

/** What an input shows for a path of the stored data. */
export function shownValue(data, path, codecs = {}) {
  const [field, key] = split(path);
  return codecOf(codecs, path).show(key ? data[field]?.[key] : data[field]);
}

/** The changes to save ({field: value, null = remove}) and the input errors ({field: message}). */
export function changesFor(data, draft, codecs = {}) {
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

/** The form model of fields and object keys converted by `codecs` (see the rules above). */
export function fieldModel(codecs = {}) {
  return {
    shown: (data, path) => shownValue(data, path, codecs),
    changes: (data, draft) => changesFor(data, draft, codecs),
    isText: (path) => !codecs[path],
  };
}

/** The draft without the paths the stored data already shows (settled edits). */
export function settle(data, draft, model = fieldModel()) {
  const next = {};
  for (const [path, value] of Object.entries(draft)) {
    if (!same(model.shown(data, path), value)) next[path] = value;
  }
  return Object.keys(next).length === Object.keys(draft).length ? draft : next;
}

/**
 * The draft rebased onto `newData` after a pull changed the stored record from `oldData`;
 * `written` holds the draft values last written to the store (the user's own base).
 */
export function rebaseDraft(oldData, newData, draft, model = fieldModel(), written = {}) {
  let next = draft;
  for (const [path, mine] of Object.entries(draft)) {
    if (!model.isText(path) || typeof mine !== "string") continue;
    const before = path in written ? written[path] : model.shown(oldData, path);
    const merged = rebaseText(before, model.shown(newData, path), mine);
    if (merged !== mine) next = { ...next, [path]: merged };
  }
  return next;
}

/** `data` with `changes` applied (null removes a field): the record as it would be saved. */
export function withChanges(data, changes) {
  const next = { ...data };
  for (const [field, value] of Object.entries(changes)) {
    if (value === null) delete next[field];
    else next[field] = value;
  }
  return next;
}
