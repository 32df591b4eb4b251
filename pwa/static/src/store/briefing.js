// The reads of a company's briefing (ui/CompanyPage.jsx): the company and every live record
// that hangs on it, with the server envelope's authors for the meeting history. Citizens
// are read only for their names: nothing else of a citizen leaves this module.
import { db } from "./db.js";
import { openRow } from "./records.js";

async function referencing(type, id) {
  const rows = await db.records
    .where("refs")
    .equals(id)
    .filter((row) => row.type === type && row.deleted !== 1)
    .toArray();
  return Promise.all(
    rows.map(async (row) => {
      const { known, shown } = await openRow(row);
      return {
        id: row.id,
        pending: row.pending === 1,
        data: shown ?? {},
        createdBy: known?.created_by ?? null,
        updatedBy: known?.updated_by ?? null,
      };
    }),
  );
}

async function citizenNames(ids) {
  const rows = await db.records.bulkGet([...new Set(ids)]);
  const names = new Map();
  await Promise.all(
    rows.filter(Boolean).map(async (row) => {
      const { shown, deleted } = await openRow(row);
      names.set(row.id, deleted ? "(slettet borger)" : (shown?.name ?? ""));
    }),
  );
  return names;
}

/** A company's contacts, placements (with the citizen's name only), job orders, agreements and meetings. */
export async function readBriefing(companyId) {
  const [contacts, placements, jobOrders, meetings] = await Promise.all([
    referencing("contact", companyId),
    referencing("placement", companyId),
    referencing("job_order", companyId),
    referencing("meeting", companyId),
  ]);
  const names = await citizenNames(placements.map((p) => p.data.citizen_id).filter(Boolean));
  const agreements = (
    await Promise.all(placements.map((p) => referencing("agreement", p.id)))
  ).flat();
  return {
    contacts,
    placements: placements.map((p) => ({ ...p, citizenName: names.get(p.data.citizen_id) ?? "" })),
    jobOrders,
    agreements,
    meetings,
  };
}
