// Hand-over mode: the tablet is handed to a citizen or employer to sign one agreement.
// Rules:
// - The state names only the agreement's id, nothing personal, so it survives a lock:
//   unlocking returns to hand-over mode, and the idle lock waits longer while it is on.
// - Leaving hand-over mode needs the PIN (store/session.js checkPin); the screens decide.
import { observable } from "../observable.js";

/** {agreementId: string|null}: the agreement being signed in hand-over mode, if any. */
export const handOverState = observable({ agreementId: null });

/** Enter hand-over mode for one agreement. */
export function startHandOver(agreementId) {
  handOverState.set({ agreementId });
}

/** Leave hand-over mode. */
export function endHandOver() {
  handOverState.set({ agreementId: null });
}
