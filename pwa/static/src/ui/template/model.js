// The template renderer's model (docs/domain.md "Templates"): pure functions over a template
// `definition` and its `answers` (or an agreement's `content`). Rules:
// - An item path is [itemId] for a top-level item and [groupId, rowKey, itemId] inside a
//   repeat group; a group over "work_functions" is keyed by the placement's work-function
//   id, a group over "rows" by a UUID made for each row.
// - "", [], {}, null and undefined count as unanswered (as on the server); setting a path
//   to an unanswered value removes the key, and an emptied row or group disappears.
// - Points and totals are derived here when shown, never stored.
// - Completeness (for status final): every required item answered, also inside every row
//   of a group; a required group needs at least one row.
import { longDate } from "../../dates.js";

/** Whether a value counts as an answer. */
export function isAnswered(value) {
  if (value === null || value === undefined || value === "") return false;
  if (Array.isArray(value)) return value.length > 0;
  if (typeof value === "object") return Object.keys(value).length > 0;
  return true;
}

/** The options of a choice item as [{value, label}] (options may be plain values). */
export function optionsOf(item) {
  return (item.options ?? []).map((option) =>
    option !== null && typeof option === "object"
      ? { value: option.value, label: option.label ?? String(option.value) }
      : { value: option, label: String(option) },
  );
}

/** The input an item needs: {control, …} for the renderer (one of the item types). */
export function describeItem(item) {
  switch (item.type) {
    case "text":
      return { control: "text" };
    case "longtext":
      return { control: "textarea" };
    case "date":
      return { control: "date" };
    case "time":
      return { control: "time" };
    case "integer":
      return { control: "number", step: 1, parse: "integer" };
    case "number":
      return { control: "number", step: "any", parse: "number" };
    case "boolean":
      return { control: "checkbox" };
    case "choice":
      return { control: "radios", options: optionsOf(item) };
    case "multichoice":
      return { control: "checkboxes", options: optionsOf(item) };
    case "level":
      return {
        control: "levels",
        options: item.levels.map((level) => ({
          value: level.value,
          label: level.label,
          points: level.points,
          description: level.description,
        })),
      };
    case "rating":
      return {
        control: "rating",
        options: range(item.min, item.max).map((value) => ({ value, label: String(value) })),
      };
    case "repeat":
      return { control: "group", over: item.over };
    default:
      return { control: "unknown" };
  }
}

function range(min, max) {
  const values = [];
  for (let value = min; value <= max; value += 1) values.push(value);
  return values;
}

/** A typed number from the user's text ("7,5" → 7.5); undefined for empty, NaN when bad. */
export function parseNumberInput(text, integer = false) {
  const trimmed = String(text ?? "")
    .trim()
    .replace(",", ".");
  if (trimmed === "") return undefined;
  if (!/^-?\d+(\.\d+)?$/.test(trimmed)) return Number.NaN;
  const value = Number(trimmed);
  return integer && !Number.isInteger(value) ? Number.NaN : value;
}

/** The value at an item path of the answers, or undefined. */
export function getAnswer(answers, path) {
  let here = answers;
  for (const key of path) {
    if (here === null || typeof here !== "object") return undefined;
    here = here[key];
  }
  return here;
}

/** New answers with the path set to value; an unanswered value removes the key (and empty parents). */
export function setAnswer(answers, path, value) {
  const [key, ...rest] = path;
  const next = { ...(answers ?? {}) };
  const inner = rest.length ? setAnswer(next[key], rest, value) : value;
  if (isAnswered(inner)) next[key] = inner;
  else delete next[key];
  return next;
}

/** New answers with one row of a repeat group removed. */
export function removeRow(answers, groupId, rowKey) {
  return setAnswer(answers, [groupId, rowKey], undefined);
}

/** The row keys a repeat group shows: work functions in the placement's order, then kept keys. */
export function groupRows(group, answers, workFunctions = []) {
  const stored = Object.keys(getAnswer(answers, [group.id]) ?? {});
  if (group.over !== "work_functions")
    return stored.map((key) => ({ key, name: null, removed: false }));
  const rows = workFunctions.map((wf) => ({ key: wf.id, name: wf.name ?? "", removed: false }));
  const known = new Set(rows.map((row) => row.key));
  return rows.concat(
    stored.filter((key) => !known.has(key)).map((key) => ({ key, name: null, removed: true })),
  );
}

/** Every item of a definition with its section: [{section, item}], groups as one item. */
export function itemsOf(definition) {
  return (definition?.sections ?? []).flatMap((section) =>
    section.items.map((item) => ({ section, item })),
  );
}

/** The points a level item's answer gives, or null when unanswered or not a level. */
export function levelPoints(item, value) {
  if (item.type !== "level" || !isAnswered(value)) return null;
  return item.levels.find((level) => level.value === value)?.points ?? null;
}

/** The highest points a level item can give. */
export function maxPoints(item) {
  return Math.max(...item.levels.map((level) => level.points ?? 0));
}

/** Whether the template has a points total (top-level level items, as in progressionskort). */
export function hasTotal(definition) {
  return itemsOf(definition).some(({ item }) => item.type === "level");
}

/** Points of the top-level level items: {total, max, answered, count, sections: {id: {total, max}}}. */
export function totals(definition, answers) {
  const result = { total: 0, max: 0, answered: 0, count: 0, sections: {} };
  for (const { section, item } of itemsOf(definition)) {
    if (item.type !== "level") continue;
    const part = (result.sections[section.id] ??= { total: 0, max: 0 });
    const points = levelPoints(item, getAnswer(answers, [item.id]));
    result.count += 1;
    result.max += maxPoints(item);
    part.max += maxPoints(item);
    if (points !== null) {
      result.answered += 1;
      result.total += points;
      part.total += points;
    }
  }
  return result;
}

/** The required items without an answer: [{path, label}] (inside rows with the row's key). */
export function missingRequired(definition, answers) {
  const missing = [];
  for (const { item } of itemsOf(definition)) {
    const value = getAnswer(answers, [item.id]);
    if (item.required && !isAnswered(value)) missing.push({ path: [item.id], label: item.label });
    else if (item.type === "repeat" && value && typeof value === "object") {
      for (const [key, row] of Object.entries(value)) {
        for (const inner of item.items) {
          if (inner.required && !isAnswered(row?.[inner.id])) {
            missing.push({ path: [item.id, key, inner.id], label: inner.label });
          }
        }
      }
    }
  }
  return missing;
}

/** The key of an item path, for errors and element ids ("tasks.<uuid>.task"). */
export function pathKey(path) {
  return path.join(".");
}

/** An answer as text for the read-only view ("" when unanswered). */
export function answerText(item, value) {
  if (value === undefined || value === null || value === "") return "";
  const control = describeItem(item);
  if (control.control === "checkbox") return value ? "Ja" : "Nej";
  if (control.control === "levels") {
    const level = control.options.find((o) => o.value === value);
    return level ? `${level.label} (${level.points} point)` : String(value);
  }
  if (control.control === "radios" || control.control === "checkboxes") {
    const list = Array.isArray(value) ? value : [value];
    return list
      .map((v) => control.options.find((o) => o.value === v)?.label ?? String(v))
      .join(", ");
  }
  if (control.control === "rating") return `${value} af ${item.max}`;
  if (control.control === "number") return String(value).replace(".", ",");
  if (control.control === "date") return longDate(value);
  return String(value);
}
