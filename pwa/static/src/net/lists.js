// The job centre's lists (docs/domain.md "Lists"): company types and job functions from
// `GET /api/v1/lists` (ETag), kept on the device so forms and filters work offline. The
// lists hold no personal data, so the meta row "lists" = {etag, lists} is in the clear.
// Items are never deleted, only retired: a retired item still names old records but is not
// offered for new ones. Admins change them on "Lister" (ui/admin/Lists.jsx).
import { api } from "../transport.js";
import { db } from "../store/db.js";
import { observable, useObservable } from "../observable.js";

const ROW = "lists";

/** The lists on the device: {company_types: [...], job_functions: [...]}. */
export const listState = observable({ company_types: [], job_functions: [] });

/** Load the stored lists into listState (after unlock, offline too). */
export async function loadLists() {
  const row = await db.meta.get(ROW);
  if (row?.value?.lists) listState.set(row.value.lists);
}

/** Fetch the lists when they changed (ETag); true when new lists were stored. */
export async function refreshLists(token) {
  const row = await db.meta.get(ROW);
  const etag = row?.value?.etag;
  const answer = await api("GET", "/lists", {
    token,
    headers: etag ? { "If-None-Match": etag } : {},
  });
  if (answer.status !== 200) return false;
  await db.meta.put({ key: ROW, value: { etag: answer.headers.get("ETag"), lists: answer.body } });
  listState.set(answer.body);
  return true;
}

/** The label of a list item by id ("" for none; the id itself when unknown). */
export function listLabel(items, id) {
  if (!id) return "";
  return items.find((item) => item.id === id)?.label ?? id;
}

/** The items to offer in a picker: the live ones, plus `current` when it is retired. */
export function offered(items, current) {
  return items.filter((item) => !item.retired || item.id === current);
}

/** The stored lists, re-rendering when they change. */
export function useLists() {
  return useObservable(listState);
}
