// Formats of docs/domain.md "Values", mirroring server/schemas/formats.py and values.py.
// Pure: no DOM, storage or network. Each check takes a string and says whether it fits.

const CVR_WEIGHTS = [2, 7, 6, 5, 4, 3, 2, 1];
const CONTROL = /[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]/;
const LONE_SURROGATE = /\p{Surrogate}/u;

/** Whether year-month-day is a day that exists. */
function realDate(year, month, day) {
  if (month < 1 || month > 12 || day < 1) return false;
  return day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Whether a CVR number is 8 digits with a valid modulus-11 check digit. */
export function validCvr(value) {
  if (!/^\d{8}$/.test(value)) return false;
  const sum = CVR_WEIGHTS.reduce((total, weight, i) => total + weight * Number(value[i]), 0);
  return sum % 11 === 0;
}

/** The birth date "YYYY-MM-DD" a DDMMYY-SSSS CPR number states, or null (century rule of the 7th digit). */
export function cprBirthDate(value) {
  const match = /^(\d{2})(\d{2})(\d{2})-(\d)\d{3}$/.exec(value);
  if (!match) return null;
  const [day, month, yy, seventh] = match.slice(1).map(Number);
  let century = 1900;
  if (seventh === 4 || seventh === 9) century = yy <= 36 ? 2000 : 1900;
  else if (seventh >= 5) century = yy <= 57 ? 2000 : 1800;
  const year = century + yy;
  if (!realDate(year, month, day)) return null;
  return `${year}-${match[2]}-${match[1]}`;
}

/** Whether a CPR number is DDMMYY-SSSS with a real date of birth (no modulus-11 check). */
export function validCpr(value) {
  return cprBirthDate(value) !== null;
}

/** Whether a value is a real date written YYYY-MM-DD. */
export function validDate(value) {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  return Boolean(match) && realDate(Number(match[1]), Number(match[2]), Number(match[3]));
}

/** Whether a value is an RFC 3339 date-time with an offset (Z or ±hh:mm) on a real day and time. */
export function validDateTime(value) {
  const match =
    /^(\d{4}-\d{2}-\d{2})[Tt](\d{2}):(\d{2}):(\d{2})(?:\.\d+)?(?:[Zz]|[+-](\d{2}):(\d{2}))$/.exec(
      value,
    );
  if (!match || !validDate(match[1])) return false;
  const [hour, minute, second, offHour = 0, offMinute = 0] = match
    .slice(2)
    .map((v) => Number(v ?? 0));
  return hour <= 23 && minute <= 59 && second <= 59 && offHour <= 23 && offMinute <= 59;
}

/** Whether a value is a Danish postcode (4 digits). */
export function validPostcode(value) {
  return /^\d{4}$/.test(value);
}

/** Whether a value looks like an e-mail address (something@domain.tld, at most 254 characters). */
export function validEmail(value) {
  return value.length <= 254 && /^[^\s@]+@(?:[^\s@.]+\.)+[^\s@.]+$/.test(value);
}

/** Whether a value is a phone number: digits, spaces, +, - and parentheses, 1–30 characters, a digit. */
export function validPhone(value) {
  return /^[0-9 +()-]{1,30}$/.test(value) && /\d/.test(value);
}

/** Whether a value is a web address, with or without http(s)://. */
export function validWebsite(value) {
  return /^(?:https?:\/\/)?(?:[^\s/?#@:.]+\.)+[^\s/?#@:.]+(?::\d{1,5})?(?:[/?#]\S*)?$/i.test(value);
}

/** Whether a value is a lower-case UUID. */
export function validUuid(value) {
  return /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/.test(value);
}

/** Whether a value is an HH:MM time of day. */
export function validTime(value) {
  return /^(?:[01]\d|2[0-3]):[0-5]\d$/.test(value);
}

/** The number of code points of a string (the server counts them, not UTF-16 units). */
export function codePoints(value) {
  return Array.from(value).length;
}

/** Why a string breaks the text rules: "long", "control", "surrogate", or null. */
export function textProblem(value, max) {
  if (value.length > max && codePoints(value) > max) return "long";
  if (CONTROL.test(value)) return "control";
  if (LONE_SURROGATE.test(value)) return "surrogate";
  return null;
}

/** The decimals a number is written with (0.25 → 2, 1e-7 → 7, 3 → 0). */
export function decimals(value) {
  const match = /^-?\d+(?:\.(\d+))?(?:e([+-]\d+))?$/.exec(String(value));
  if (!match) return 0;
  return Math.max(0, (match[1]?.length ?? 0) - Number(match[2] ?? 0));
}
