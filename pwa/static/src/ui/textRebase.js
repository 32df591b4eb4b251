// One rule for every autosaving form (meeting, job order, assessment, agreement): a text
// the user is typing is rebased when a pull changes the same text under it, so the user's
// next autosave never overwrites a colleague's edit. The colleague's edit is merged in line
// by line (as the server merges longtext); when both edited the same lines, the colleague's
// text is kept below the user's, marked, never dropped. Pure: no DOM or storage.
import { mergeLines } from "../merge/text.js";

/** The label that marks a colleague's text kept beside the user's when the two collide. */
export const COLLEAGUE_TEXT = "[Samtidig ændret af en kollega:]";

/**
 * The user's text `mine` rebased onto `theirs`, the stored text after a pull; `base` is the
 * text the user's edit started from (their own last write, else the text stored before).
 * Returns `mine` itself when there is nothing to rebase (not text, or no colleague's edit).
 */
export function rebaseText(base, theirs, mine) {
  if (typeof base !== "string" || typeof mine !== "string") return mine;
  const after = theirs ?? "";
  if (typeof after !== "string" || base === after || mine === after) return mine;
  return mergeLines(base, after, mine) ?? `${mine.trimEnd()}\n\n${COLLEAGUE_TEXT}\n${after}`;
}
