// Autosave: write the newest form state to the local store as the user types. Rules:
// - At most one write in flight; a request made meanwhile is queued, and only the newest
//   state is written when the running write ends (earlier queued states are skipped).
// - `flush()` writes now (or after the running write) and resolves when nothing is
//   pending; the form calls it on blur, on `visibilitychange` to hidden and on `pagehide`.
// Pure: the caller passes `write(state)`; no DOM or storage here.

/** An autosaver around `write(state) → Promise`, reading the newest state with `current()`. */
export function autosaver({ current, write, onDone = () => {}, onError = () => {} }) {
  let running = null;
  let queued = false;
  let idle = [];

  function start() {
    queued = false;
    const state = current();
    running = Promise.resolve()
      .then(() => write(state))
      .then(
        (result) => onDone(result, state),
        (error) => onError(error, state),
      )
      .finally(() => {
        running = null;
        if (queued) start();
        else {
          const waiting = idle;
          idle = [];
          waiting.forEach((resolve) => resolve());
        }
      });
  }

  /** Ask for a write of the newest state. */
  function request() {
    if (running) queued = true;
    else start();
  }

  /** Write now if anything is pending; resolves when no write is running or queued. */
  function flush() {
    request();
    return new Promise((resolve) => idle.push(resolve));
  }

  return { request, flush, busy: () => Boolean(running) };
}
