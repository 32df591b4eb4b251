// Danish words of the agreement screens and the pure helpers they need: status and role
// labels, the signing time with its offset, dates and times as a Danish reader expects.
// Pure: no DOM, storage or network.

/** Danish labels of an agreement's workflow status. */
export const STATUS_LABELS = {
  draft: "Kladde", ready: "Klar til underskrift", signed: "Underskrevet", void: "Annulleret",
};

/** Danish labels of the signer roles (seed 004; the same words as the PDF). */
export const ROLE_LABELS = {
  citizen: "Borger", company: "Virksomhed", consultant: "Virksomhedskonsulent",
  mentor: "Mentor", caseworker: "Sagsbehandler",
};

/** The typed signature's confirmation, shown next to its checkbox. */
export const TYPED_CONFIRMATION = "Jeg bekræfter, at jeg underskriver aftalen ved at skrive mit navn";

/** The logged-in user's name as shown and printed (display name, else username). */
export function consultantName(user) {
  return user?.display_name || user?.name || user?.username || "";
}

const pad = (n) => String(n).padStart(2, "0");

/** An RFC 3339 date-time with the device's offset ("2026-11-20T10:15:03+01:00"). */
export function localTimestamp(date = new Date()) {
  const offset = -date.getTimezoneOffset();
  const sign = offset >= 0 ? "+" : "-";
  const abs = Math.abs(offset);
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`
    + `T${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}`
    + `${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

/** A date-time shown in Copenhagen time: "20.11.2026 kl. 10.15". */
export function danishDateTime(value) {
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return String(value ?? "");
  const parts = Object.fromEntries(new Intl.DateTimeFormat("da-DK", {
    timeZone: "Europe/Copenhagen", day: "2-digit", month: "2-digit", year: "numeric",
    hour: "2-digit", minute: "2-digit", hourCycle: "h23",
  }).formatToParts(date).map((p) => [p.type, p.value]));
  return `${parts.day}.${parts.month}.${parts.year} kl. ${parts.hour}.${parts.minute}`;
}

/** "2026-12-01" → "1.12.2026"; other text as it is. */
export function danishDate(value) {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value ?? "");
  return match ? `${Number(match[3])}.${Number(match[2])}.${match[1]}` : String(value ?? "");
}

/** Today's date in Copenhagen as YYYY-MM-DD (for file names). */
export function todayInCopenhagen(now = new Date()) {
  return new Intl.DateTimeFormat("sv-SE", { timeZone: "Europe/Copenhagen" }).format(now);
}

/** Hours as Danish text: 7.5 → "7,5". */
export function hoursText(value) {
  return String(value).replace(".", ",");
}
