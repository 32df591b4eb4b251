// Words of the agreement screens that are not record enumerations (those are in ui/words.js).
// Pure: no DOM, storage or network.

/** The typed signature's confirmation, shown next to its checkbox. */
export const TYPED_CONFIRMATION =
  "Jeg bekræfter, at jeg underskriver aftalen ved at skrive mit navn";

/** The logged-in user's name as shown and printed (display name, else username). */
export function consultantName(user) {
  return user?.display_name || user?.name || user?.username || "";
}
