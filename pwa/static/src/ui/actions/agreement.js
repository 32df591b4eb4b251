// The agreement screens' writes that carry domain rules (docs/domain.md agreement,
// signature): a new version voids the one it replaces; an agreement is signed when every
// role has signed the unchanged content. Each write goes through store/records.js.
import { coverage, coveredHash, fullySigned } from "../../signature/coverage.js";
import { listReferencing } from "../../store/queries.js";
import { getRecord, saveRecord } from "../../store/records.js";

/** The draft that replaces agreement `agreementId` (its data `data`). Pure. */
export function nextVersion(agreementId, data) {
  return {
    placement_id: data.placement_id,
    template_key: data.template_key,
    template_version: data.template_version,
    content: data.content ?? {},
    status: "draft",
    replaces_id: agreementId,
  };
}

/** Start a new version of agreement `agreementId` and void the old one; the new one's id. */
export async function newAgreementVersion(agreementId, data) {
  const next = crypto.randomUUID();
  await saveRecord("agreement", next, nextVersion(agreementId, data));
  await saveRecord("agreement", agreementId, { status: "void" });
  return next;
}

/** Mark agreement `id` signed when its content still has `hash` and every one of `roles` has signed it. */
export async function markSignedIfComplete(id, hash, roles) {
  const all = await listReferencing("signature", id);
  const record = await getRecord(id);
  const unchanged = record && (await coveredHash(record.data)) === hash;
  const now = coverage(
    hash,
    all.map((s) => s.data),
  ).covering;
  if (unchanged && record.data.status !== "signed" && fullySigned(roles, now))
    await saveRecord("agreement", id, { status: "signed" });
}
