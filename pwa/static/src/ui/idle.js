// The idle lock's clock, as a pure function of timestamps (node tests: tests/js/idle.test.mjs).
// Rules: the app locks `idleMs` after the last activity; a warning shows WARNING_MS before
// (WCAG 2.2.1), so the user can continue. Decisions use timestamps, never a count of timer
// ticks, so a late timer (a sleeping tablet, a throttled tab) still decides right.

/** How long before the lock the warning shows. */
export const WARNING_MS = 30_000;
/** The idle time while hand-over mode is on. */
export const HAND_OVER_IDLE_MS = 15 * 60_000;

/** The idle time in ms: the user's setting, or 15 minutes while hand-over mode is on. */
export function idleLimitMs(idleMinutes, handOver) {
  return handOver ? HAND_OVER_IDLE_MS : idleMinutes * 60_000;
}

/** {state: "active" | "warning" | "lock", wakeIn: ms until the next decision (0 for lock)}. */
export function idleStep(now, lastActivity, idleMs) {
  const idle = Math.max(0, now - lastActivity);
  const warnAt = Math.max(0, idleMs - WARNING_MS);
  if (idle >= idleMs) return { state: "lock", wakeIn: 0 };
  if (idle >= warnAt) return { state: "warning", wakeIn: idleMs - idle };
  return { state: "active", wakeIn: warnAt - idle };
}

/** Seconds left before the lock, rounded up, for the warning's countdown. */
export function secondsLeft(now, lastActivity, idleMs) {
  return Math.max(0, Math.ceil((idleMs - (now - lastActivity)) / 1000));
}
