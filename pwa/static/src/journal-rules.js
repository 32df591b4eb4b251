// Journalising (DOMAIN "Journalising"): which records wait for their journal note to be
// entered into the case system, and when an edit clears the "Overført til fagsystemet" mark.
// Rules: a meeting or assessment with status final, and a signed agreement, is final; a
// final record without `journalized_at` waits, oldest first. An edit clears the mark when
// it changes any field that the journal note is made from (everything but the workflow
// status, the references and the mark itself), unless the edit sets the mark itself.
// Pure: no DOM, storage or network; shared by store/records.js and the screens.

const NOT_IN_NOTE = {
  meeting: ["status", "company_id", "placement_id"],
  assessment: ["status", "placement_id"],
  agreement: ["status", "placement_id", "replaces_id"],
};
const MARK = ["journalized_at", "journalized_by"];

/** The record types that are journalised. */
export const JOURNAL_TYPES = Object.keys(NOT_IN_NOTE);

/** Whether a record's data is final (a final meeting or assessment, a signed agreement). */
export function isFinal(type, data) {
  if (type === "agreement") return data?.status === "signed";
  return JOURNAL_TYPES.includes(type) && data?.status === "final";
}

/** Whether a record waits in "Til journalisering". */
export function awaitsJournal(type, data, deleted = false) {
  return !deleted && isFinal(type, data) && !data.journalized_at;
}

/** The date a waiting record is ordered by (held, assessed, else when it was made). */
export function journalDate(type, data) {
  if (type === "meeting") return String(data.held_at ?? data.scheduled_at ?? "");
  if (type === "assessment") return String(data.assessed_on ?? "");
  return "";
}

/** Whether the note fields differ between two versions of a record's data. */
export function noteChanged(type, before, after) {
  const skip = new Set([...(NOT_IN_NOTE[type] ?? []), ...MARK]);
  const keys = new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})]);
  return [...keys].some(
    (key) =>
      !skip.has(key) &&
      JSON.stringify(before?.[key] ?? null) !== JSON.stringify(after?.[key] ?? null),
  );
}

/** `after` without the mark when the edit from `before` changed the note and kept an old mark. */
export function keepMarkHonest(type, before, after) {
  if (!NOT_IN_NOTE[type] || !after?.journalized_at) return after;
  if (after.journalized_at !== before?.journalized_at) return after;
  if (!noteChanged(type, before, after)) return after;
  const { journalized_at: _at, journalized_by: _by, ...rest } = after;
  return rest;
}
