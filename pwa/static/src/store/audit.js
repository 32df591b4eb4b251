// The device's access audit: what the user opened on this device, queued until sync.
// Rules (PROTOCOL.md 5, "POST /api/v1/audit/events"):
// - A row is {id, enc}: enc seals {id, at, action, record_type, record_id} and nothing
//   else: never a field value. The sync client sends the rows and deletes the accepted ones.
// - Logging while locked does nothing (there is nothing on screen to open then).
import { db } from "./db.js";
import { Locked, seal, unseal } from "./session.js";

const context = (id) => `audit:${id}`;

/** Record that the user opened a record (citizen, placement, agreement) on this device. */
export async function logOpened(recordType, recordId) {
  const event = { id: crypto.randomUUID(), at: new Date().toISOString(), action: "open",
    record_type: recordType, record_id: recordId };
  try {
    await db.audit.put({ id: event.id, enc: await seal(event, context(event.id)) });
  } catch (error) {
    if (!(error instanceof Locked)) throw error;
  }
}

/** The queued audit events, oldest first, at most `limit`. */
export async function queuedEvents(limit = 500) {
  const rows = await db.audit.limit(limit).toArray();
  const events = await Promise.all(rows.map((row) => unseal(row.enc, context(row.id))));
  return events.sort((a, b) => a.at.localeCompare(b.at));
}

/** Forget queued events the server accepted. */
export async function dropEvents(ids) {
  await db.audit.bulkDelete(ids);
}
