// Merge units: per-type tables (docs/domain.md "Record types", docs/protocol.md 3a) and value rules.
// Mirrors sync/units.py and sync/paths.py.
//
// A record's `data` splits into merge units by the kind of each field:
// - TEXT: free text (and template `longtext` fields, named by the caller at merge time);
//   merged line by line.
// - OBJECT: not a unit itself; each key is a unit, recursively, named by its dotted path.
// - ID_LIST: a list of objects with an `id`; each ITEM is matched by id and each key of
//   an item is an atomic unit `<field>.<id>.<key>`.
// - SET: a list of enumeration words, merged as a set.
// - ATOMIC: everything else, including undeclared keys and `follow_up.attendance`.
// A value whose shape does not fit its declared kind is atomic. Paths are arrays of keys;
// "*" in a pattern matches any one key. Null, undefined and a missing key are the same
// (no value: MISSING); values compare strictly (true never equals 1; 1 equals 1.0).

/** No value on a side (distinct from every JSON value, null included). */
export const MISSING = Symbol("MISSING");

/** How a merge unit (or a structure holding units) merges. */
export const Kind = Object.freeze({
  ATOMIC: "atomic",
  TEXT: "text",
  OBJECT: "object",
  ID_LIST: "id_list",
  SET: "set",
  ITEM: "item", // an item of an ID_LIST: each key but `id` is an atomic unit
});

const table = ({ text = [], objects = [], idLists = [], sets = [], atomic = [] } = {}) => [
  // Checked in this order, as sync/units.py does.
  [Kind.ATOMIC, new Set(atomic)],
  [Kind.TEXT, new Set(text)],
  [Kind.OBJECT, new Set(objects)],
  [Kind.ID_LIST, new Set(idLists)],
  [Kind.SET, new Set(sets)],
];

/** The declared kinds of each record type's fields, by dotted path. */
export const RECORD_UNITS = Object.freeze({
  company: table({ text: ["knowledge"], sets: ["interests"] }),
  contact: table(),
  citizen: table({ text: ["special_considerations"], objects: ["job_goals"] }),
  placement: table({ text: ["purpose", "goals"], idLists: ["work_functions", "hours"] }),
  meeting: table({
    text: [
      "purpose",
      "agenda",
      "notes_citizen",
      "notes_company",
      "follow_up.tasks",
      "follow_up.works_well",
      "follow_up.difficult",
      "follow_up.adjustments",
    ],
    objects: ["follow_up"],
    atomic: ["follow_up.attendance"],
    idLists: ["participants", "agreements"],
    sets: ["themes_covered"],
  }),
  assessment: table({ text: ["comment"], objects: ["answers"] }),
  agreement: table({ objects: ["content"] }),
  signature: table(),
  job_order: table({
    text: ["description", "professional_qualifications", "personal_qualifications"],
    idLists: ["log"],
    sets: ["offers"],
  }),
  task: table(),
  conflict: table(),
});
const NO_UNITS = table();

/** The declared kind of the field at `path` of `recordType`, or null if undeclared. */
export function declaredKind(recordType, path) {
  const dotted = path.join(".");
  const kinds = Object.hasOwn(RECORD_UNITS, recordType) ? RECORD_UNITS[recordType] : NO_UNITS;
  return kinds.find(([, paths]) => paths.has(dotted))?.[0] ?? null;
}

/** Tell whether `path` matches `pattern` (arrays of keys), where "*" matches any one key. */
export function matches(path, pattern) {
  return path.length === pattern.length && path.every((key, i) => ["*", key].includes(pattern[i]));
}

/** The dotted text-unit patterns of a template's `longtext` items under `field`. */
export function templateTextUnits(field, definition) {
  const patterns = new Set();
  const walk = (prefix, items) => {
    for (const item of items) {
      if (item.type === "longtext") patterns.add(`${prefix}.${item.id}`);
      else if (item.type === "repeat") walk(`${prefix}.${item.id}.*`, item.items ?? []);
    }
  };
  for (const section of definition.sections ?? []) walk(field, section.items ?? []);
  return patterns;
}

/** Tell whether `value` is a JSON object (not an array, not null). */
export function isObject(value) {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Tell whether a present `value` has the shape that `kind` merges. */
export function fits(kind, value) {
  if (kind === Kind.TEXT) return typeof value === "string";
  if (kind === Kind.OBJECT || kind === Kind.ITEM) return isObject(value);
  if (kind === Kind.SET) {
    return (
      Array.isArray(value) &&
      value.every((word) => typeof word === "string") &&
      new Set(value).size === value.length
    );
  }
  if (kind === Kind.ID_LIST) {
    if (!Array.isArray(value) || !value.every(isObject)) return false;
    const ids = value.map((item) => item.id);
    return ids.every((id) => typeof id === "string") && new Set(ids).size === ids.length;
  }
  return true;
}

/** Set `object[key]` as an own property (also for the key "__proto__"). */
export function setKey(object, key, value) {
  Object.defineProperty(object, key, {
    value,
    enumerable: true,
    writable: true,
    configurable: true,
  });
}

/** A deep copy of `value` without object keys that hold null (or undefined), at every depth. */
export function stripNulls(value) {
  if (Array.isArray(value)) return value.map(stripNulls);
  if (!isObject(value)) return value;
  const copy = {};
  for (const [key, item] of Object.entries(value)) {
    if (item !== null && item !== undefined) setKey(copy, key, stripNulls(item));
  }
  return copy;
}

/** Compare two JSON values strictly: booleans never equal numbers; key order is ignored. */
export function jsonEqual(a, b) {
  if (a === b) return true;
  if (Array.isArray(a) || Array.isArray(b)) {
    return (
      Array.isArray(a) &&
      Array.isArray(b) &&
      a.length === b.length &&
      a.every((item, i) => jsonEqual(item, b[i]))
    );
  }
  if (!isObject(a) || !isObject(b)) return false;
  const keys = Object.keys(a);
  return (
    keys.length === Object.keys(b).length &&
    keys.every((key) => Object.hasOwn(b, key) && jsonEqual(a[key], b[key]))
  );
}

/** The value under an object key or the list item with that id; MISSING if none. */
function child(holder, key) {
  if (isObject(holder)) return Object.hasOwn(holder, key) ? holder[key] : MISSING;
  if (Array.isArray(holder))
    return holder.find((item) => isObject(item) && item.id === key) ?? MISSING;
  return MISSING;
}

/** The value of the named unit in `data` (list items by id), or MISSING. */
export function unitValue(data, unit) {
  let value = data;
  for (const key of unit.split(".")) {
    value = child(value, key);
    if (value === MISSING) return MISSING;
  }
  return value === null || value === undefined ? MISSING : value;
}

/** Set (or with MISSING remove) an object key or the list item with that id, in place. */
function put(holder, key, value) {
  if (isObject(holder)) {
    if (value === MISSING) delete holder[key];
    else setKey(holder, key, value);
    return;
  }
  const index = holder.findIndex((item) => isObject(item) && item.id === key);
  if (value === MISSING) {
    if (index >= 0) holder.splice(index, 1);
  } else if (index < 0) holder.push(value);
  else holder[index] = value;
}

/** A copy of `data` with the named unit set to `value` (MISSING removes it). */
export function setUnit(data, unit, value) {
  const result = structuredClone(data);
  const keys = unit.split(".");
  let holder = result;
  for (const [depth, key] of keys.slice(0, -1).entries()) {
    let next = child(holder, key);
    if (next === MISSING) {
      if (value === MISSING) return result;
      next = Array.isArray(holder) ? { id: key } : {};
      put(holder, key, next);
    } else if (typeof next !== "object" || next === null) {
      throw new TypeError(`${keys.slice(0, depth + 1).join(".")} holds no units`);
    }
    holder = next;
  }
  put(holder, keys.at(-1), value === MISSING ? MISSING : structuredClone(value));
  return result;
}
