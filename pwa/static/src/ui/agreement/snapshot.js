// What hand-over mode shows: a snapshot of the agreement taken when it starts (docs/domain.md
// "signature"). Rules:
// - The snapshot holds the covered object, its hash, the template and the parties; every
//   signer sees exactly that, and every signature made in hand-over mode covers it, even
//   when sync changes the stored agreement meanwhile.
// - It lives in memory only (it holds personal data and the store keeps it encrypted);
//   handOverState names only the agreement. Without a snapshot (a reload) the screen
//   takes a new one from the store.
// - When hand-over mode has ended and the stored agreement differs from the snapshot its
//   signatures cover, the agreement screen says so (`handOverNotice`) until dismissed or left.
import { observable } from "../../observable.js";
import { coveredHash, coveredObject } from "../../signature/coverage.js";
import { getRecord } from "../../store/records.js";
import { getMany } from "../../store/queries.js";

const snapshots = new Map();

/** {agreementId, hash}: the snapshot's hash when hand-over mode ended, for the agreement screen. */
export const handOverNotice = observable({ agreementId: null, hash: null });

/** The agreement's parties' names {citizen, company, contact, mentor, caseworker} and work functions. */
export async function readParties(placementId) {
  const placement = placementId ? await getRecord(placementId) : null;
  const p = placement?.data ?? {};
  const ids = [p.citizen_id, p.company_id, p.contact_id, p.mentor_id];
  const [citizen, company, contact, mentor] = await getMany(ids.map((id) => id || "-"));
  const name = (record) => (record && !record.deleted ? (record.data.name ?? "") : "");
  return {
    citizen: name(citizen),
    company: name(company),
    contact: name(contact),
    mentor: name(mentor),
    caseworker: citizen?.data?.caseworker_name ?? "",
    workFunctions: p.work_functions ?? [],
  };
}

/** Take the snapshot of an agreement now: {id, covered, hash, data, parties}. */
export async function takeSnapshot(agreementId) {
  const record = await getRecord(agreementId);
  if (!record) return null;
  const covered = coveredObject(record.data);
  const snapshot = {
    id: agreementId,
    data: record.data,
    covered,
    hash: await coveredHash(record.data),
    parties: await readParties(record.data.placement_id),
  };
  snapshots.set(agreementId, snapshot);
  return snapshot;
}

/** The snapshot taken for an agreement, or null. */
export function snapshotOf(agreementId) {
  return snapshots.get(agreementId) ?? null;
}

/** Forget the snapshot; the agreement screen then compares its hash with the stored content. */
export function dropSnapshot(agreementId) {
  const snapshot = snapshots.get(agreementId);
  snapshots.delete(agreementId);
  handOverNotice.set({ agreementId, hash: snapshot?.hash ?? null });
}

/** Whether to say that the agreement changed while it was handed over: signatures made
 * then cover the snapshot, and the stored content is no longer it. */
export function changedDuringHandOver(notice, agreementId, currentHash, signatures) {
  return (
    notice.agreementId === agreementId &&
    Boolean(notice.hash) &&
    Boolean(currentHash) &&
    currentHash !== notice.hash &&
    signatures.some((s) => s.content_sha256 === notice.hash)
  );
}
