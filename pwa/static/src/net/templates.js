// The assessment and agreement templates (docs/domain.md "Templates"): versioned data from
// `GET /api/v1/templates`, kept on the device so forms open offline. Templates hold no
// personal data, so the meta row "templates" = {etag, templates} is stored in the clear.
// A record keeps its template version; every version the server sent stays available.
// A retired version (`retired: true`) still opens its records but is never chosen for a new one.
import { api } from "../transport.js";
import { db } from "../store/db.js";
import { observable, useObservable } from "../observable.js";

const ROW = "templates";

/** The templates on the device: {templates: [...]}; updated after every fetch. */
export const templateState = observable({ templates: [] });

/** Load the stored templates into templateState (after unlock, offline too). */
export async function loadTemplates() {
  const row = await db.meta.get(ROW);
  templateState.set({ templates: row?.value?.templates ?? [] });
}

/** Fetch the templates when they changed (ETag); true when a new list was stored. */
export async function refreshTemplates(token) {
  const row = await db.meta.get(ROW);
  const etag = row?.value?.etag;
  const answer = await api("GET", "/templates", {
    token,
    headers: etag ? { "If-None-Match": etag } : {},
  });
  if (answer.status !== 200) return false;
  const value = { etag: answer.headers.get("ETag"), templates: answer.body.templates };
  await db.meta.put({ key: ROW, value });
  templateState.set({ templates: value.templates });
  return true;
}

/** One template version, or null when the device does not have it. */
export function findTemplate(templates, key, version) {
  return templates.find((t) => t.key === key && t.version === version) ?? null;
}

/** The newest version of a template key that is not retired (new records use it), or null. */
export function latestTemplate(templates, key) {
  return (
    templates.filter((t) => t.key === key && !t.retired).sort((a, b) => b.version - a.version)[0] ??
    null
  );
}

/** The templates of a kind ("assessment" | "agreement") for new records: newest version in use of each key. */
export function templatesOfKind(templates, kind) {
  const keys = [...new Set(templates.filter((t) => t.kind === kind).map((t) => t.key))];
  return keys.map((key) => latestTemplate(templates, key)).filter(Boolean);
}

/** The stored template list, re-rendering when it changes. */
export function useTemplates() {
  return useObservable(templateState).templates;
}
