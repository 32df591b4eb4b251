// Which template items are free text: the template forms' waiting edits of those are
// rebased when a pull changes them (ui/textRebase.js, through template/draftModel.js); a
// choice or number the user set stays the user's. Pure: no DOM or storage.

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
