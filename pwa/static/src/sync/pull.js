// Pulling: pages until has_more is false (docs/protocol.md 4). Pages are fetched and sealed
// ahead (sync/pages.js: at most AHEAD pages not yet stored), and the pages that arrived
// while the ones before were stored go into one commit (at most BATCH_PAGES), with the
// checkpoint of the last of them: a commit never stores a checkpoint ahead of its rows.
// A resync (410 resync-required) pulls from the beginning and then drops the local records
// the pull did not return, unless changes wait for them. It survives interruption: its
// state lives in the encrypted meta table, written in the same transaction as each page
// (store/resync.js), so a pull cut off by the network or a closed tab is continued from its
// last stored page at the next sync and still ends by removing the unseen records.
import { db } from "../store/db.js";
import { openMeta } from "../store/keyring.js";
import { applyPages, removeUnseen, sealPage, startResync } from "./incoming.js";
import { pageQueue } from "./pages.js";
import { newMemory } from "./pullMemory.js";
import { Stop, call } from "./requests.js";
import { syncStatus } from "./status.js";

const PAGE_LIMIT = 1000;
const BATCH_PAGES = 5; // arrived pages stored in one transaction at most
const AHEAD = 8; // pages fetched (or being fetched) and not yet stored, at most

/** Pull every page since the stored checkpoint (continuing an interrupted resync). */
export async function pullAll(token) {
  let since = await openMeta(await db.meta.get("checkpoint"));
  let resync = await openMeta(await db.meta.get("resync"));
  const fromStart = !since;
  const memory = fromStart && !resync ? newMemory() : null;
  let done = 0;
  // A page is sealed as soon as it arrives, while the pages before it are being stored.
  const fetchPage = (from) =>
    call("GET", "/sync/pull", token, {
      query: { limit: PAGE_LIMIT, ...(from ? { since: from } : {}) },
    }).then((answer) => {
      const sealed = answer.status === 200 ? sealPage(answer.body) : null;
      sealed?.catch(() => null); // a page may be abandoned when storing the one before fails
      return { answer, sealed };
    });
  let queue = pageQueue(fetchPage, since, AHEAD);
  for (;;) {
    const arrived = await queue.take(BATCH_PAGES);
    const { answer } = arrived[0];
    if (answer.status === 410 && since) {
      resync = await startResync();
      [since, done] = [undefined, 0];
      queue = pageQueue(fetchPage, since, AHEAD);
      continue;
    }
    if (answer.status !== 200) throw new Stop(answer);
    const pages = arrived.map((a) => a.answer.body);
    const last = pages.at(-1);
    resync = await applyPages(
      pages,
      resync,
      arrived.map((a) => a.sealed),
      memory,
    );
    since = last.checkpoint;
    if (fromStart || resync) {
      done += pages.reduce((sum, page) => sum + page.changes.length, 0);
      const remaining = Number.isInteger(last.remaining) ? last.remaining : null;
      syncStatus.set({ progress: { done, total: remaining === null ? null : done + remaining } });
    }
    if (!last.has_more) break;
  }
  if (resync) await removeUnseen();
}
