// The template forms' waiting edits (assessment answers, agreement content) rebased when a
// pull changes the stored values under them, by the rule every autosaving form follows
// (ui/textRebase.js). Only free-text items (text, longtext) are merged; a choice or number
// the user set stays the user's. Pure: no DOM or storage.
import { rebaseText } from "../textRebase.js";
import { getAnswer, pathKey } from "./model.js";

const TEXT_TYPES = new Set(["text", "longtext"]);

/** A test of item paths ([itemId] or [groupId, rowKey, itemId]): whether the item is free text. */
export function isTextPath(definition) {
  const ids = new Set();
  const walk = (items) =>
    items.forEach((item) => {
      if (TEXT_TYPES.has(item.type)) ids.add(item.id);
      if (item.items) walk(item.items);
    });
  (definition?.sections ?? []).forEach((section) => walk(section.items));
  return (path) => ids.has(path.at(-1));
}

/**
 * One waiting text edit rebased: `before`/`after` are the stored values (answers or content)
 * before and after the change, `written` (Map pathKey → value) the user's own last writes.
 */
export function rebaseAnswer(path, value, before, after, written = new Map()) {
  const key = pathKey(path);
  const base = written.has(key) ? written.get(key) : (getAnswer(before, path) ?? "");
  return rebaseText(base, getAnswer(after, path) ?? "", value);
}

/** [path, value] edits rebased onto `after` (see rebaseAnswer); the same list when nothing changed. */
export function rebaseEdits(definition, before, after, edits, written = new Map()) {
  const isText = isTextPath(definition);
  let changed = false;
  const next = edits.map((edit) => {
    const [path, value] = edit;
    if (!isText(path)) return edit;
    const merged = rebaseAnswer(path, value, before, after, written);
    if (merged === value) return edit;
    changed = true;
    return [path, merged];
  });
  return changed ? next : edits;
}
