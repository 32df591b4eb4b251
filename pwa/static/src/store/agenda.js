// Reads for "I dag", "Opgaver" and the company list: records with the server envelope's
// author (created_by, updated_by), and the companies' clear sort keys. Rules:
// - Deleted records are left out; company names come from the clear sort keys (no decryption).
// - A record never sent to the server has no author yet: it was made on this device.
import { db } from "./db.js";
import { openRow } from "./records.js";

async function withAuthors(type) {
  const rows = await db.records
    .where("type")
    .equals(type)
    .filter((row) => row.deleted !== 1)
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

/** Live companies as {id, pending, sort: {name, city, cvr, industry, status, responsible}}, by name (no decryption). */
export async function companyRows() {
  const rows = await db.records
    .where("[type+sort.key]")
    .between(["company", ""], ["company", "\uffff"])
    .filter((row) => row.deleted !== 1)
    .toArray();
  return rows.map((row) => ({ id: row.id, pending: row.pending === 1, sort: row.sort }));
}

/** Every live meeting and task with its authors, and companies by id {name, responsible_user_id}. */
export async function readAgenda() {
  const [meetings, tasks, companies] = await Promise.all([
    withAuthors("meeting"),
    withAuthors("task"),
    companyRows(),
  ]);
  const byId = new Map(
    companies.map((c) => [
      c.id,
      { name: c.sort.name ?? "", responsible_user_id: c.sort.responsible || null },
    ]),
  );
  return { meetings, tasks, companies: byId };
}

/** Every live task with its authors. */
export async function readTasks() {
  return withAuthors("task");
}

/** Every live placement (decrypted), for counting a company's active placements. */
export async function readPlacements() {
  return withAuthors("placement");
}
