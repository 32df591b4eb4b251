// The sync client's calls: every answer updates the online state; an answer that ends the
// round is thrown as Stop (sync/client.js decides what it means).
import { api, problemSlug } from "../transport.js";
import { retryAfter } from "./backoff.js";
import { syncStatus } from "./status.js";

/** An answer that stops the round; `slug` is the problem type's last segment. */
export class Stop extends Error {
  constructor(answer) {
    super(`HTTP ${answer.status}`);
    this.status = answer.status;
    this.slug = problemSlug(answer.body);
    this.body = answer.body;
    this.retryMs = retryAfter(answer.headers.get("Retry-After"));
  }
}

/** Call the API for the sync client and note that the network answered. */
export async function call(method, path, token, options = {}) {
  const answer = await api(method, path, { token, ...options });
  syncStatus.set({ online: navigator.onLine });
  return answer;
}
