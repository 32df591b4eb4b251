// The records waiting in "Til journalisering" (DOMAIN "Journalising"), read from the local
// store with the names the list shows: the company's, and the citizen's through the placement.
import { awaitsJournal, journalDate, JOURNAL_TYPES } from "../journal-rules.js";
import { getMany, listJournalWaiting, listJournalWaitingRows } from "./queries.js";

/** Final records whose note is not transferred, oldest first, with company and citizen names. */
export async function readWaiting() {
  const waiting = (await listJournalWaiting(JOURNAL_TYPES)).filter((r) =>
    awaitsJournal(r.type, r.data, r.deleted),
  );
  const placements = await getMany([
    ...new Set(waiting.map((r) => r.data.placement_id).filter(Boolean)),
  ]);
  const placementOf = new Map(placements.filter(Boolean).map((p) => [p.id, p]));
  const companyIds = waiting.map(
    (r) => r.data.company_id ?? placementOf.get(r.data.placement_id)?.data.company_id,
  );
  const citizenIds = waiting.map((r) => placementOf.get(r.data.placement_id)?.data.citizen_id);
  const names = new Map(
    (await getMany([...new Set([...companyIds, ...citizenIds].filter(Boolean))]))
      .filter(Boolean)
      .map((r) => [r.id, r.data.name ?? ""]),
  );
  return waiting
    .map((record, i) => ({
      ...record,
      date: journalDate(record.type, record.data),
      companyName: names.get(companyIds[i]) ?? "",
      citizenName: names.get(citizenIds[i]) ?? "",
    }))
    .sort((a, b) => (a.date || "9").localeCompare(b.date || "9"));
}

/** How many records wait in "Til journalisering" (from the clear flags, nothing decrypted). */
export async function countWaiting() {
  return (await listJournalWaitingRows(JOURNAL_TYPES)).length;
}
