// Pushing: the outbox in order (docs/protocol.md 3), queued conflict resolutions in their place,
// and the device's queued audit events.
// - Push batches come from store/coalesce.js and are frozen (stored as sent) before they
//   go out; a queued resolution is sent in its place in the order, so the changes before
//   it go first and the changes behind it wait for it.
// - A 413 halves the batch; a single change too large is rejected like any other.
import { pushQueued } from "../store/audit.js";
import { markSent, nextBatch, toChange } from "../store/coalesce.js";
import { commit } from "../store/outbox.js";
import { problemSlug } from "../transport.js";
import { applyPushResults, applyResolveAnswer, dropResolve } from "./incoming.js";
import { Stop, call } from "./requests.js";

const MAX_BATCH = 200;
const MAX_PUSHES = 100; // per round: a guard against a server that leaves results out

/** Push the whole outbox (changes and queued resolutions) in order. */
export async function pushAll(token) {
  let max = MAX_BATCH;
  for (let round = 0; round < MAX_PUSHES; round += 1) {
    const batch = await freezeNext(max);
    if (batch.resolve) {
      await sendResolve(token, batch.resolve);
      continue;
    }
    if (!batch.changes.length) return;
    const answer = await call("POST", "/sync/push", token, { body: { changes: batch.changes } });
    if (answer.status === 200) await applyPushResults(answer.body.results);
    else if (answer.status === 413 && batch.changes.length > 1)
      max = Math.ceil(batch.changes.length / 2);
    else if (answer.status === 413) {
      await applyPushResults([
        {
          mutation_id: batch.changes[0].mutation_id,
          id: batch.changes[0].id,
          status: "rejected",
          error: answer.body,
        },
      ]);
    } else throw new Stop(answer);
  }
}

/** Freeze the next push batch (entries before the first queued resolve), or name that resolve. */
function freezeNext(max) {
  return commit(({ outbox }) => {
    const first = outbox.findIndex((e) => e.state === "resolve");
    const before = new Set(first < 0 ? outbox : outbox.slice(0, first));
    const batch = nextBatch(outbox, max).filter((entry) => before.has(entry));
    if (!batch.length)
      return { result: { changes: [], resolve: first < 0 ? null : outbox[first] } };
    return { outbox: markSent(outbox, batch), result: { changes: batch.map(toChange) } };
  });
}

async function sendResolve(token, entry) {
  const answer = await call("POST", `/conflicts/${entry.recordId}/resolve`, token, {
    body: entry.body,
  });
  const slug = problemSlug(answer.body);
  if (answer.status === 200) await applyResolveAnswer(entry.seq, answer.body);
  else if (slug === "conflict-resolved") {
    await dropResolve(entry.seq, entry.recordId, {
      resolved: true,
      resolution: answer.body.resolution,
    });
  } else if (slug === "conflict-stale") {
    await dropResolve(entry.seq, entry.recordId, { stale: true }, answer.body.conflict);
  } else if ([400, 404, 409].includes(answer.status)) {
    await dropResolve(entry.seq, entry.recordId, { problem: answer.body });
  } else throw new Stop(answer);
}

/** Send the device's queued audit events (store/audit.js); they are deleted once accepted. */
export async function pushAudit(token) {
  const refused = await pushQueued((events) =>
    call("POST", "/audit/events", token, { body: { events } }),
  );
  if (refused) throw new Stop(refused);
}
