// Client-side validation before a save, with Danish messages: the server's rules of
// server/schemas/*.py for every record type of docs/domain.md. Pure: no DOM, storage or network.
// The server validates again; this only spares the user a rejected change. Rules:
// - Errors are {path: message}: a top-level field ("cvr"), or a dotted path into nested
//   values ("hours.0.paid_hours", "follow_up.attendance.norm_hours"); one message per path.
// - An empty string means "no value" (forms save it as null) and is valid unless required.
// - Rules spanning fields (filled ≤ positions, end ≥ start, a final meeting's fields) run
//   only when the fields they span are valid, and name every field they span.
import { decimals, textProblem } from "./formats.js";
import { FREE, MAX_SAFE, MESSAGES, present, SCHEMAS } from "./record-schemas.js";

export {
  cprBirthDate,
  validCpr,
  validCvr,
  validDate,
  validDateTime,
  validEmail,
  validPhone,
  validPostcode,
  validUuid,
  validWebsite,
} from "./formats.js";
export { MESSAGES, OFFER_CATALOGUE } from "./record-schemas.js";

/** The message for a value that breaks its spec, or null; nested errors go to `errors`. */
function check(spec, value, path, errors) {
  switch (spec.kind) {
    case "string": {
      if (typeof value !== "string") return MESSAGES.text;
      const problem = textProblem(value, spec.max);
      if (problem) return problem === "long" ? MESSAGES.tooLong(spec.max) : MESSAGES[problem];
      return spec.check && !spec.check(value) ? spec.message : null;
    }
    case "enum":
      return spec.words.includes(value) ? null : MESSAGES.choice;
    case "bool":
      return typeof value === "boolean" ? null : MESSAGES.bool;
    case "integer":
      if (typeof value !== "number" || !Number.isInteger(value) || Math.abs(value) > MAX_SAFE)
        return MESSAGES.integer;
      return spec.min !== undefined && value < spec.min ? MESSAGES.atLeast(spec.min) : null;
    case "number":
      if (typeof value !== "number" || !Number.isFinite(value) || Math.abs(value) > MAX_SAFE)
        return MESSAGES.number;
      if (spec.min !== undefined && value < spec.min) return MESSAGES.atLeast(spec.min);
      return spec.decimals !== undefined && decimals(value) > spec.decimals
        ? MESSAGES.hoursDecimals
        : null;
    case "list":
      return checkList(spec, value, path, errors);
    case "object":
      return checkObject(spec, value, path, errors);
    default:
      return jsonProblem(value);
  }
}

function checkList(spec, value, path, errors) {
  if (!Array.isArray(value)) return MESSAGES.list;
  value.forEach((item, i) =>
    report(
      errors,
      `${path}.${i}`,
      item == null ? MESSAGES.required : check(spec.of, item, `${path}.${i}`, errors),
    ),
  );
  if (spec.distinct && new Set(value).size !== value.length) return MESSAGES.repeated;
  if (spec.uniqueIds) {
    const seen = new Set();
    value.forEach((item, i) => {
      if (seen.has(item?.id)) report(errors, `${path}.${i}.id`, MESSAGES.sameId);
      seen.add(item?.id);
    });
  }
  return null;
}

function checkObject(spec, value, path, errors) {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return MESSAGES.object;
  const at = (field) => (path ? `${path}.${field}` : field);
  const before = Object.keys(errors).length;
  for (const [field, fieldSpec] of Object.entries(spec.fields)) {
    const fieldValue = value[field];
    if (!present(fieldValue)) {
      if (fieldSpec.required) report(errors, at(field), MESSAGES.required);
    } else {
      report(errors, at(field), check(fieldSpec, fieldValue, at(field), errors));
    }
  }
  if (spec.rule && Object.keys(errors).length === before)
    spec.rule(value, (field, message) => report(errors, at(field), message));
  return null;
}

function jsonProblem(value) {
  if (typeof value === "string") {
    const problem = textProblem(value, FREE);
    return problem && (problem === "long" ? MESSAGES.tooLong(FREE) : MESSAGES[problem]);
  }
  if (typeof value === "number")
    return Number.isFinite(value) && Math.abs(value) <= MAX_SAFE ? null : MESSAGES.number;
  if (Array.isArray(value)) return value.map(jsonProblem).find(Boolean) ?? null;
  if (value && typeof value === "object")
    return Object.values(value).map(jsonProblem).find(Boolean) ?? null;
  return null;
}

function report(errors, path, message) {
  if (message && !errors[path]) errors[path] = message;
}

/** The errors of a record's data as {field or dotted path: Danish message}; {} when it may be saved. */
export function validateRecord(type, data) {
  const errors = {};
  if (SCHEMAS[type]) checkObject(SCHEMAS[type], data ?? {}, "", errors);
  return errors;
}
