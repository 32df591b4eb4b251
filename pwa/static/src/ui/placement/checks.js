// Checks of what the placement page lets the user type, with Danish messages (docs/domain.md
// "Values": dates YYYY-MM-DD, hours ≥ 0 with at most two decimals). Pure.
import { parseNumberInput } from "../template/model.js";

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Hours typed as text ("7,5") → {value} or {error} (empty → value undefined). */
export function parseHours(text) {
  const value = parseNumberInput(text);
  if (value === undefined) return { value: undefined };
  if (Number.isNaN(value)) return { error: "Skriv et antal timer, fx 15 eller 7,5" };
  if (value < 0) return { error: "Timer kan ikke være negative" };
  if (Math.round(value * 100) !== value * 100) return { error: "Højst to decimaler" };
  if (value > 168) return { error: "En uge har højst 168 timer" };
  return { value };
}

/** A new hours row from the form's text, or {errors: {field: message}}. */
export function hoursRow({ from_date: from, internship, paid }) {
  const errors = {};
  if (!from || !DATE.test(from)) errors.from_date = "Vælg den dato, timerne gælder fra";
  const a = parseHours(internship);
  const b = parseHours(paid);
  if (a.error) errors.internship_hours = a.error;
  if (b.error) errors.paid_hours = b.error;
  if (!a.error && !b.error && a.value === undefined && b.value === undefined) {
    errors.internship_hours = "Skriv praktiktimer, løntimer eller begge";
  }
  if (Object.keys(errors).length) return { errors };
  const row = { id: crypto.randomUUID(), from_date: from };
  if (a.value !== undefined) row.internship_hours = a.value;
  if (b.value !== undefined) row.paid_hours = b.value;
  return { row };
}

/** Errors of the placement's own fields before a save (end date not before start). */
export function placementErrors(data) {
  const errors = {};
  if (data.end_date && !DATE.test(data.end_date)) errors.end_date = "Vælg en dato";
  else if (data.end_date && data.start_date && data.end_date < data.start_date) {
    errors.end_date = "Slutdatoen kan ikke ligge før startdatoen";
  }
  return errors;
}

/** Errors of the work-function rows: {"<id>": message} for rows without a name. */
export function workFunctionErrors(rows) {
  return Object.fromEntries(
    rows
      .filter((row) => !String(row.name ?? "").trim())
      .map((row) => [row.id, "Skriv arbejdsfunktionens navn"]),
  );
}

/** Errors of ending a placement (its data) on `endDate` with `outcome` ({field: message}). */
export function endPlacementErrors(data, { endDate, outcome }) {
  const errors = {};
  if (!DATE.test(endDate ?? "")) errors.end_date = "Vælg slutdatoen";
  else if (data.start_date && endDate < data.start_date)
    errors.end_date = "Slutdatoen ligger før startdatoen";
  if (!outcome) errors.outcome = "Vælg, hvordan forløbet endte";
  return errors;
}
