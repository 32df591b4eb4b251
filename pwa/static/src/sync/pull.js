// Pulling: pages until has_more is false (docs/protocol.md 4). The next page is fetched and
// sealed while the current one is stored.
// A resync (410 resync-required) pulls from the beginning and then drops the local records
// the pull did not return, unless changes wait for them. It survives interruption: its
// state lives in the encrypted meta table, written in the same transaction as each page
// (store/resync.js), so a pull cut off by the network or a closed tab is continued from its
// last stored page at the next sync and still ends by removing the unseen records.
import { db } from "../store/db.js";
import { openMeta } from "../store/keyring.js";
import { applyPage, removeUnseen, sealPage, startResync } from "./incoming.js";
import { newMemory } from "./pullMemory.js";
import { Stop, call } from "./requests.js";
import { syncStatus } from "./status.js";

const PAGE_LIMIT = 1000;

/** Pull every page since the stored checkpoint (continuing an interrupted resync). */
export async function pullAll(token) {
  let since = await openMeta(await db.meta.get("checkpoint"));
  let resync = await openMeta(await db.meta.get("resync"));
  const fromStart = !since;
  const memory = fromStart && !resync ? newMemory() : null;
  let done = 0;
  // A page is sealed as soon as it arrives (sync/incoming.js sealPage), while the page
  // before is still being stored.
  const fetchPage = (from) => {
    const request = call("GET", "/sync/pull", token, {
      query: { limit: PAGE_LIMIT, ...(from ? { since: from } : {}) },
    }).then((answer) => ({
      answer,
      sealed: answer.status === 200 ? sealPage(answer.body) : null,
    }));
    request.catch(() => null); // a prefetch may be abandoned when storing the page before fails
    request.then(({ sealed }) => sealed?.catch(() => null)).catch(() => null);
    return request;
  };
  let request = fetchPage(since);
  for (;;) {
    const { answer, sealed } = await request;
    if (answer.status === 410 && since) {
      resync = await startResync();
      [since, done] = [undefined, 0];
      request = fetchPage(since);
      continue;
    }
    if (answer.status !== 200) throw new Stop(answer);
    const page = answer.body;
    if (page.has_more) request = fetchPage(page.checkpoint); // fetch the next page while storing this one
    resync = await applyPage(page, resync, sealed, memory);
    since = page.checkpoint;
    if (fromStart || resync) {
      done += page.changes.length;
      const remaining = Number.isInteger(page.remaining) ? page.remaining : null;
      syncStatus.set({ progress: { done, total: remaining === null ? null : done + remaining } });
    }
    if (!page.has_more) break;
  }
  if (resync) await removeUnseen();
}
