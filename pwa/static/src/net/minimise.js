// Data minimisation on the device (issue 7): after each sync, placements that ended more
// than `keepDays` ago (Indstillinger; default 90) and the records that belong only to them
// leave the device, never the server (the rules: store/purgeRules.js). A purged record can
// still be opened online: getOrFetch() asks the server for it without storing it.
// Rules:
// - Only placements are decrypted to decide; their members are found by the clear `refs`
//   index. The removal goes through commit(), so it never races a local edit, and nothing
//   with unsent changes goes.
// - The encrypted meta row "purged" remembers what went. An incremental pull brings a purged
//   record back only when it changed on the server; the next purge removes it again. When a
//   purged placement or citizen is needed again (the placement no longer ended, a kept
//   placement names the citizen), the checkpoint is dropped so the next sync pulls
//   everything from the beginning and brings back what belongs to it.
import { deviceSettings } from "../store/deviceSettings.js";
import { db } from "../store/db.js";
import { handOverState } from "../store/handover.js";
import { commit } from "../store/outbox.js";
import { cutoffDate, isEnded, selectPurge } from "../store/purgeRules.js";
import { getRecord, openRow } from "../store/records.js";
import { openMeta, sealMeta } from "../store/keyring.js";
import { currentSession } from "../store/session.js";
import { NetworkError, api } from "../transport.js";
import { todayIso } from "../dates.js";

/** A purged record was asked for while offline: `message` says so in Danish. */
export class OnlyOnServer extends Error {
  constructor(keepDays) {
    super(
      `Forløbet er afsluttet for mere end ${keepDays} dage siden og ligger kun på serveren. Opret forbindelse for at se det.`,
    );
    this.name = "OnlyOnServer";
  }
}

/** Purge what ended long ago (after a sync); returns {removed, refetch}. */
export async function minimise() {
  const cutoff = cutoffDate(todayIso(), deviceSettings.get().keepDays);
  return commit(async () => {
    const purged = (await openMeta(await db.meta.get("purged"))) ?? {};
    const placements = await Promise.all(
      (await db.records.where("type").equals("placement").toArray()).map(async (row) => ({
        id: row.id,
        type: row.type,
        pending: row.pending === 1,
        deleted: row.deleted === 1,
        refs: row.refs ?? [],
        data: (await openRow(row)).shown ?? {},
      })),
    );
    const purgedIds = Object.keys(purged);
    const candidates = [
      ...placements.filter((p) => isEnded(p, cutoff)).map((p) => p.id),
      ...purgedIds,
    ];
    const children = await membersOf(candidates, ["meeting", "assessment", "agreement"]);
    const signatures = await membersOf(
      [...children.filter((r) => r.type === "agreement").map((r) => r.id), ...purgedIds],
      ["signature"],
    );
    const citizens = (await db.records.where("type").equals("citizen").toArray()).map(clear);
    const keep = [handOverState.get().agreementId].filter(Boolean);
    const answer = selectPurge({
      placements,
      rows: [...children, ...signatures, ...citizens],
      purged,
      cutoff,
      keep,
    });
    const meta = [await sealMeta("purged", answer.purged)];
    if (answer.refetch) meta.push(await sealMeta("checkpoint", null)); // the next pull starts over
    const changed =
      answer.remove.length ||
      answer.refetch ||
      JSON.stringify(answer.purged) !== JSON.stringify(purged);
    return changed ? { remove: answer.remove, meta, result: answer } : { result: answer };
  });
}

/**
 * A record that may have been purged: the local one when it is here, else the server's
 * (online; not stored; `remote: true`), else null. Offline, a purged record throws
 * OnlyOnServer (its message is the Danish explanation for the screen).
 */
export async function getOrFetch(type, id) {
  const local = await getRecord(id);
  if (local) return local;
  const purged = (await openMeta(await db.meta.get("purged"))) ?? {};
  try {
    const { token } = await currentSession();
    const answer = await api("GET", `/records/${type}/${id}`, { token });
    if (answer.status !== 200) return null;
    const { rev, deleted, data } = answer.body;
    return { id, type, rev, deleted, pending: false, data, problem: null, remote: true };
  } catch (error) {
    if (!(error instanceof NetworkError)) throw error;
    if (purged[id]) throw new OnlyOnServer(deviceSettings.get().keepDays);
    return null;
  }
}

async function membersOf(ids, types) {
  if (!ids.length) return [];
  const rows = await db.records
    .where("refs")
    .anyOf(ids)
    .filter((row) => types.includes(row.type))
    .toArray();
  return [...new Map(rows.map((row) => [row.id, clear(row)])).values()];
}

function clear(row) {
  return { id: row.id, type: row.type, pending: row.pending === 1, refs: row.refs ?? [] };
}
