// Three-way merge of a record's data, unit by unit (docs/protocol.md 3a; units: units.js).
// Mirrors sync/merge.py.
//
// - Per unit: changed on one side only -> that side; on both to the same value -> that
//   value; on both to different values -> conflict (the data keeps the server's value).
// - Text (text.js): diff3 on lines that end at "\n" only ("\r" stays in its line). Edits with an
//   unchanged line between them combine; edits to the same or adjacent lines (an
//   insertion next to an edited line included) and different insertions at one place
//   make the whole text one conflict.
// - Id-lists: items matched by id, each key `<field>.<id>.<key>` a unit; removed on one
//   side and changed on the other -> conflict on `<field>.<id>` (server's item stays).
//   Order: the server's; client additions after their nearest predecessor in the client's
//   list that the server's list has (first if none). A client reorder counts only if the
//   server's list equals the base's; otherwise the server's order stays (no conflict).
// - Sets: added on either side in, removed on either side out; server's order, then the
//   client's additions in the client's order.
// - Keys holding null are dropped (null means no value); an emptied object or list stays
//   present when its presence, merged three-way, says so.
// Every unit the client changed is in `applied` or under a conflict, except a list's
// order or an empty object's or list's presence when the server changed that field too.
// Conflict sides hold MISSING (a Symbol, which IndexedDB cannot store): conflictValues()
// gives the stored form.

import { mergeLines } from "./text.js";
import {
  Kind,
  MISSING,
  declaredKind,
  fits,
  isObject,
  jsonEqual,
  matches,
  setKey,
  stripNulls,
} from "./units.js";

const [BASE, SERVER, CLIENT] = [0, 1, 2];

/** Merge the client's change (base -> client) into the server's data (base -> server). */
export function merge(recordType, base, server, client, { textUnits = [] } = {}) {
  const sides = [base, server, client].map(stripNulls);
  const merger = new Merger(recordType, textUnits);
  const data = merger.merge([], sides);
  const clientChanged = merger.changed([], sides, CLIENT);
  const applied = new Set([...merger.applied].filter((unit) => clientChanged.has(unit)));
  return {
    data,
    conflicts: merger.conflicts,
    clientChanged,
    serverChanged: merger.changed([], sides, SERVER),
    applied,
  };
}

/** The names of the units whose value in `other` differs from `base`. */
export function diffUnits(recordType, base, other, { textUnits = [] } = {}) {
  const [old, changed] = [base, other].map(stripNulls);
  return new Merger(recordType, textUnits).changed([], [old, changed, changed], SERVER);
}

/** A conflict record's `base`, `server` and `client` maps (a missing key: no value). */
export function conflictValues(conflicts) {
  return ["base", "server", "client"].map((side) => {
    const values = {};
    for (const [unit, conflict] of Object.entries(conflicts)) {
      if (conflict[side] !== MISSING) setKey(values, unit, conflict[side]);
    }
    return values;
  });
}

/** One merge: walks the three sides together and records the outcome per unit. */
class Merger {
  constructor(recordType, textUnits) {
    this.recordType = recordType;
    this.textPatterns = [...textUnits].map((pattern) => pattern.split("."));
    this.conflicts = {};
    this.applied = new Set();
  }

  /** How the value at `path` merges, given its values on the three sides. */
  kind(path, sides) {
    let declared = path.length ? declaredKind(this.recordType, path) : Kind.OBJECT;
    if (declared === null && this.textPatterns.some((pattern) => matches(path, pattern))) {
      declared = Kind.TEXT;
    }
    if (declared === null) {
      declared = path.length > 1 && sides.some(isObject) ? Kind.OBJECT : Kind.ATOMIC;
    }
    const shaped = sides.every((side) => side === MISSING || fits(declared, side));
    return shaped ? declared : Kind.ATOMIC;
  }

  /** The units under `path` whose value on `side` differs from the base. */
  changed(path, sides, side, kind = null) {
    if (jsonEqual(sides[BASE], sides[side])) return new Set();
    kind ??= this.kind(path, sides);
    if (kind === Kind.ITEM && sides[side] === MISSING) return new Set([name(path)]);
    const units = new Set();
    const add = (more) => more.forEach((unit) => units.add(unit));
    if (kind === Kind.OBJECT || kind === Kind.ITEM) {
      for (const [key, childKind] of children(kind, sides)) {
        add(this.changed([...path, key], child(sides, key), side, childKind));
      }
    } else if (kind === Kind.ID_LIST) {
      for (const [id, itemSides] of items(sides)) {
        add(this.changed([...path, id], itemSides, side, Kind.ITEM));
      }
      const [before, after] = [
        commonOrder(sides[BASE], sides[side]),
        commonOrder(sides[side], sides[BASE]),
      ];
      if (!jsonEqual(before, after)) units.add(name(path));
    }
    return units.size ? units : new Set([name(path)]);
  }

  /** The merged value at `path` (MISSING for no value). */
  merge(path, sides, kind = null) {
    const [base, server, client] = sides;
    kind ??= this.kind(path, sides);
    if (jsonEqual(server, base) || jsonEqual(server, client)) {
      this.changed(path, sides, CLIENT, kind).forEach((unit) => this.applied.add(unit));
      return client;
    }
    if (jsonEqual(client, base)) return server;
    if (kind === Kind.OBJECT || kind === Kind.ITEM) return this.object(path, sides, kind);
    const bothChanged = {
      [Kind.ID_LIST]: this.idList,
      [Kind.SET]: this.set,
      [Kind.TEXT]: this.text,
      [Kind.ATOMIC]: this.conflict,
    };
    return bothChanged[kind].call(this, path, sides);
  }

  conflict(path, [base, server, client]) {
    setKey(this.conflicts, name(path), { base, server, client });
    return server;
  }

  /** A merged object, item or list; MISSING if empty and merged away. */
  container(path, sides, value) {
    const [base, server, client] = sides.map((side) => side !== MISSING);
    const empty = Array.isArray(value) ? !value.length : !Object.keys(value).length;
    const present = !empty || (server === base ? client : server);
    if (present === client && client !== base) this.applied.add(name(path));
    return present ? value : MISSING;
  }

  object(path, sides, kind) {
    if (kind === Kind.ITEM && (sides[SERVER] === MISSING || sides[CLIENT] === MISSING)) {
      return this.conflict(path, sides); // removed on one side, changed on the other
    }
    const merged = kind === Kind.ITEM ? { id: path.at(-1) } : {};
    for (const [key, childKind] of children(kind, sides)) {
      const value = this.merge([...path, key], child(sides, key), childKind);
      if (value !== MISSING) setKey(merged, key, value);
    }
    return this.container(path, sides, merged);
  }

  idList(path, sides) {
    const merged = new Map();
    for (const [id, itemSides] of items(sides)) {
      const item = this.merge([...path, id], itemSides, Kind.ITEM);
      if (item !== MISSING) merged.set(id, item);
    }
    const serverIds = ids(sides[SERVER]).filter((id) => merged.has(id));
    const order = place(serverIds, ids(sides[CLIENT]), merged);
    return this.container(
      path,
      sides,
      order.map((id) => merged.get(id)),
    );
  }

  set(path, sides) {
    const [base, server, client] = sides.map((side) => (side === MISSING ? [] : side));
    const removed = new Set(base.filter((word) => !client.includes(word)));
    const added = client.filter((word) => !base.includes(word) && !server.includes(word));
    const sameWords = base.length === client.length && client.every((word) => base.includes(word));
    if (!sameWords) this.applied.add(name(path));
    return this.container(path, sides, [...server.filter((word) => !removed.has(word)), ...added]);
  }

  text(path, sides) {
    const texts = sides.map((side) => (side === MISSING ? "" : side));
    const text = mergeLines(texts[BASE], texts[SERVER], texts[CLIENT]);
    if (text === null) return this.conflict(path, sides);
    this.applied.add(name(path));
    const same = [SERVER, CLIENT].find((side) => texts[side] === text);
    return same === undefined ? text : sides[same];
  }
}

function name(path) {
  return path.join(".");
}

/** Keys of the objects among the sides: the server's order, then client's, then base's. */
function keys(sides) {
  const found = new Set();
  for (const side of [sides[SERVER], sides[CLIENT], sides[BASE]]) {
    if (isObject(side)) Object.keys(side).forEach((key) => found.add(key));
  }
  return [...found];
}

/** Keys of an object (kinds found per key) or of an item (atomic, `id` left out). */
function children(kind, sides) {
  if (kind === Kind.ITEM)
    return keys(sides)
      .filter((key) => key !== "id")
      .map((key) => [key, Kind.ATOMIC]);
  return keys(sides).map((key) => [key, null]);
}

function child(sides, key) {
  return sides.map((side) => (isObject(side) && Object.hasOwn(side, key) ? side[key] : MISSING));
}

/** The ids of an id-list (none for MISSING), in order. */
function ids(list) {
  return list === MISSING ? [] : list.map((item) => item.id);
}

/** Pair the items of three id-lists by id, as [id, [base, server, client] item]. */
function items(sides) {
  const byId = sides.map((side) => {
    const map = {};
    if (side !== MISSING) side.forEach((item) => setKey(map, item.id, item));
    return map;
  });
  return keys(byId).map((id) => [id, child(byId, id)]);
}

/** The ids of `list` that `others` also has, in the order of `list`. */
function commonOrder(list, others) {
  const otherIds = new Set(ids(others));
  return ids(list).filter((id) => otherIds.has(id));
}

/** Server order, each client addition after its nearest predecessor the server has. */
function place(serverIds, clientIds, merged) {
  const inServer = new Set(serverIds);
  const after = new Map();
  let anchor = null;
  for (const id of clientIds) {
    if (inServer.has(id)) anchor = id;
    else if (merged.has(id)) after.set(anchor, [...(after.get(anchor) ?? []), id]);
  }
  return [...(after.get(null) ?? []), ...serverIds.flatMap((id) => [id, ...(after.get(id) ?? [])])];
}
