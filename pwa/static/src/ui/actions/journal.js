// "Overført til fagsystemet": the journal mark's write (docs/domain.md journalized_at,
// journalized_by, set and cleared together). The write goes through store/records.js.
import { rfc3339Now } from "../../dates.js";
import { saveRecord } from "../../store/records.js";

/** Mark a final record ({id, type}) as journalised by `userId`, or take the mark back. */
export async function markJournalised(record, on, userId) {
  await saveRecord(
    record.type,
    record.id,
    on
      ? { journalized_at: rfc3339Now(), journalized_by: userId ?? null }
      : { journalized_at: null, journalized_by: null },
  );
}
