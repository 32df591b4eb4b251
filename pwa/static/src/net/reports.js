// The activity report (docs/protocol.md 8) for the overview screens, also as a CSV/XLSX file.
// It needs the network; the
// last figures fetched for each period are kept sealed on the device (meta row "reports")
// with the time they were fetched, so the screen shows them, with that time, offline.
import { api, apiBlob, NetworkError } from "../transport.js";
import { db } from "../store/db.js";
import { openMeta, sealMeta } from "../store/keyring.js";
import { currentSession } from "../store/session.js";

const ROW = "reports";
const KEEP = 12;

let saving = Promise.resolve();

/** The report for {from, to, user_id?}: {report, fetchedAt, offline, problem}. */
export async function fetchReport(query) {
  const key = JSON.stringify(query);
  try {
    const { token } = await currentSession();
    const answer = await api("GET", "/reports/activity", { token, query });
    if (answer.status !== 200)
      return {
        problem: answer.body?.detail || answer.body?.title || "Rapporten kunne ikke hentes",
      };
    const entry = { report: answer.body, fetchedAt: Date.now() };
    await remember(key, entry);
    return { ...entry, offline: false };
  } catch (error) {
    if (!(error instanceof NetworkError)) throw error;
    await saving.catch(() => undefined);
    const kept = await readKept();
    return kept[key] ? { ...kept[key], offline: true } : { offline: true };
  }
}

/** The figures kept on the device, by query. */
async function readKept() {
  return (await openMeta(await db.meta.get(ROW))) ?? {};
}

/** Keep a fetched report; saves run one after another, so overlapping fetches lose none. */
function remember(key, entry) {
  saving = saving
    .catch(() => undefined)
    .then(async () => {
      const kept = await readKept();
      const next = Object.fromEntries([
        ...Object.entries(kept)
          .filter(([k]) => k !== key)
          .sort((a, b) => b[1].fetchedAt - a[1].fetchedAt)
          .slice(0, KEEP - 1),
        [key, entry],
      ]);
      await db.meta.put(await sealMeta(ROW, next));
    });
  return saving;
}

/** The report for {from, to} as a "csv" or "xlsx" file (a Blob), or null when it failed. */
export async function reportFile(query, format) {
  const { token } = await currentSession();
  const answer = await apiBlob(`/reports/activity?${new URLSearchParams({ ...query, format })}`, {
    token,
  }).catch(() => ({ blob: null }));
  return answer.blob;
}
