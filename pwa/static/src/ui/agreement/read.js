// The agreement screen's reads from the local store (live through useQuery): the agreement,
// its parties, its signatures with their coverage, and the version that replaced it.
import { coverage, coveredHash } from "../../signature/coverage.js";
import { listReferencing } from "../../store/queries.js";
import { getRecord } from "../../store/records.js";
import { readParties } from "./snapshot.js";

/** Everything the agreement screen shows for agreement `id`; {record: null} when unknown. */
export async function readAgreement(id) {
  const record = await getRecord(id);
  if (!record) return { record: null };
  const data = record.data;
  const [parties, signatureRows, versions, hash] = await Promise.all([
    readParties(data.placement_id),
    listReferencing("signature", id),
    listReferencing("agreement", id),
    coveredHash(data),
  ]);
  const signatures = await Promise.all(signatureRows.map((row) => getRecord(row.id)));
  const found = signatures
    .filter(Boolean)
    .map((s) => ({ ...s.data, id: s.id, pending: s.pending, problem: s.problem }))
    .sort((a, b) => String(a.signed_at).localeCompare(String(b.signed_at)));
  return {
    record,
    parties,
    hash,
    signatures: found,
    ...coverage(hash, found),
    replacedBy: versions.find((v) => v.data.replaces_id === id) ?? null,
  };
}

/** What a new agreement is prefilled from: {placement, parties, contact, meetings}. */
export async function readPlacementSources(placementId) {
  const placement = await getRecord(placementId);
  if (!placement || placement.deleted) return { placement: null };
  const p = placement.data;
  const [parties, contact, meetings] = await Promise.all([
    readParties(placementId),
    p.contact_id ? getRecord(p.contact_id) : null,
    listReferencing("meeting", placementId),
  ]);
  return {
    placement: p,
    parties,
    contact: contact?.data ?? null,
    meetings: meetings.map((m) => m.data),
  };
}
