// The device's access audit: what the user opened on this device, queued until sync.
// Rules (docs/protocol.md 5, "POST /api/v1/audit/events"):
// - A row is {id, enc}: enc seals {id, at, action, record_type, record_id} and nothing
//   else: never a field value. The sync client sends the rows and deletes the accepted ones.
// - Logging while locked does nothing (there is nothing on screen to open then).
import { db } from "./db.js";
import { Locked, seal, unseal } from "./keyring.js";

const context = (id) => `audit:${id}`;
const TYPES = ["citizen", "placement", "agreement", "meeting", "assessment", "signature"];
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const BATCH = 500;

/**
 * Record that the user opened a record (citizen, placement, agreement, …) on this device.
 * A type or id the server would refuse throws TypeError at once, so it never blocks a sync.
 */
export async function logOpened(recordType, recordId) {
  if (!TYPES.includes(recordType) || !UUID.test(recordId))
    throw new TypeError("not an auditable record");
  const event = {
    id: crypto.randomUUID(),
    at: new Date().toISOString(),
    action: "open",
    record_type: recordType,
    record_id: recordId,
  };
  try {
    await db.audit.put({ id: event.id, enc: await seal(event, context(event.id)) });
  } catch (error) {
    if (!(error instanceof Locked)) throw error;
  }
}

/** The queued audit events, oldest first, at most `limit`. */
export async function queuedEvents(limit = BATCH) {
  const rows = await db.audit.limit(limit).toArray();
  const events = await Promise.all(rows.map((row) => unseal(row.enc, context(row.id))));
  return events.sort((a, b) => a.at.localeCompare(b.at));
}

/**
 * Send the queued events in batches with `send(events)` → an API answer; accepted ones
 * are deleted. Returns the first answer that was not 200 (the caller stops), else null.
 */
export async function pushQueued(send) {
  for (;;) {
    const events = await queuedEvents();
    if (!events.length) return null;
    const answer = await send(events);
    if (answer.status !== 200) return answer;
    await db.audit.bulkDelete(events.map((event) => event.id));
    if (events.length < BATCH) return null;
  }
}
