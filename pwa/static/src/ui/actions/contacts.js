// The company's contact writes that carry domain rules (docs/domain.md contact,
// company_contact): one primary contact person per company, and a registered contact with
// an opening that becomes a job order. Each write goes through store/records.js.
import { saveRecord } from "../../store/records.js";
import { CONTACT_RESULTS, OFFER_OF_RESULT } from "../team/words.js";

/** Save a contact person's changes (`contact` null for a new one); marking it primary unmarks `others`. */
export async function saveContactPerson(contact, changes, others) {
  if (changes.is_primary) {
    for (const other of others.filter((o) => o.data.is_primary))
      await saveRecord("contact", other.id, { is_primary: null });
  }
  await saveRecord("contact", contact?.id, changes);
}

/** The job order that carries a registered contact's opening further. Pure. */
export function jobOrderFromContact(contact, jobFunctionLabel) {
  const offer = OFFER_OF_RESULT[contact.result];
  return {
    company_id: contact.company_id,
    title: jobFunctionLabel || CONTACT_RESULTS[contact.result],
    offers: offer ? [offer] : null,
    positions: contact.positions ?? 1,
    filled: contact.filled ?? 0,
    status: "open",
    log: [
      {
        id: crypto.randomUUID(),
        date: contact.contacted_on,
        text: "Jobordre oprettet fra virksomhedskontakt",
      },
    ],
  };
}

/** Save registered contact `id` (fields of `stored` it lacks are cleared); with `makeOrder` and an opening, a job order first. */
export async function registerContact(id, contact, { stored = {}, makeOrder, jobFunctionLabel }) {
  const data = { ...contact };
  const opening = data.result && data.result !== "no_opening";
  if (opening && makeOrder && !data.job_order_id)
    data.job_order_id = await saveRecord(
      "job_order",
      "",
      jobOrderFromContact(data, jobFunctionLabel),
    );
  const removed = Object.fromEntries(
    Object.keys(stored)
      .filter((field) => !(field in data))
      .map((field) => [field, null]),
  );
  await saveRecord("company_contact", id, { ...removed, ...data });
}
