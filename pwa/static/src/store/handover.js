// Hand-over mode: the tablet is handed to a citizen or employer to sign one agreement.
// Rules:
// - The state names only the agreement's id, nothing personal, so it survives a lock:
//   unlocking returns to hand-over mode, and the idle lock waits longer while it is on.
// - Leaving hand-over mode needs the PIN (store/session.js checkPin); the screens decide.
// - Erasing the device (logout, remote wipe, five wrong passwords) ends it: the next user
//   starts at the login, never in someone's hand-over.
import { observable } from "../observable.js";
import { sessionState } from "./session.js";

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

sessionState.subscribe(({ phase }) => {
  if (phase === "login" && handOverState.get().agreementId) endHandOver();
});
