// The citizen on the tablet: search by name or the CPR number's last four digits, the
// duplicate-CPR check within the team, and the codecs of the citizen's typed fields (a CPR
// number is checked as the server checks it before it is saved). Pure: no DOM or storage.
import { MESSAGES, validCpr, validEmail, validPhone } from "../../validate.js";

/** The citizens matching a search: name words (case-insensitive) or 1–4 digits ending the CPR. */
export function searchCitizens(citizens, query) {
  const text = String(query ?? "")
    .trim()
    .toLocaleLowerCase("da");
  if (!text) return [];
  if (/^\d{1,4}$/.test(text))
    return citizens.filter((c) =>
      String(c.data.cpr ?? "")
        .replace("-", "")
        .endsWith(text),
    );
  const words = text.split(/\s+/);
  return citizens.filter((c) =>
    words.every((w) =>
      String(c.data.name ?? "")
        .toLocaleLowerCase("da")
        .includes(w),
    ),
  );
}

/** A citizen of the team with this CPR number (other than `exceptId`), or null. */
export function citizenWithCpr(citizens, cpr, exceptId = null) {
  const wanted = normaliseCpr(cpr);
  if (!wanted) return null;
  return citizens.find((c) => c.id !== exceptId && !c.deleted && c.data.cpr === wanted) ?? null;
}

/** "DDMMYYSSSS" or "DDMMYY-SSSS" as "DDMMYY-SSSS"; other text as it is. */
export function normaliseCpr(text) {
  const digits = String(text ?? "").replace(/[\s-]/g, "");
  return /^\d{10}$/.test(digits)
    ? `${digits.slice(0, 6)}-${digits.slice(6)}`
    : String(text ?? "").trim();
}

const checked = (check, message, normalise = (v) => v.trim()) => ({
  show: (v) => v ?? "",
  parse(v) {
    const value = normalise(String(v ?? ""));
    if (!value) return { value: null };
    return check(value) ? { value } : { errors: { [message[0]]: message[1] } };
  },
});

/** The codecs of the citizen form (forms/draft.js): checked CPR, e-mail and phone fields. */
export const CITIZEN_CODECS = {
  cpr: checked(validCpr, ["cpr", MESSAGES.cpr], normaliseCpr),
  email: checked(validEmail, ["email", MESSAGES.email]),
  caseworker_email: checked(validEmail, ["caseworker_email", MESSAGES.email]),
  phone: checked(validPhone, ["phone", MESSAGES.phone]),
};

/** Errors of a new citizen's data ({field: message}), with the form's Danish messages. */
export function newCitizenErrors(data) {
  const errors = {};
  if (!String(data.name ?? "").trim()) errors.name = "Skriv borgerens navn";
  for (const [field, codec] of Object.entries(CITIZEN_CODECS)) {
    Object.assign(errors, codec.parse(data[field] ?? "").errors ?? {});
  }
  return errors;
}
