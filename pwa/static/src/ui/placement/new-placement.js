// "Nyt forløb": the placement form's text → the record's data, and its Danish errors. Pure.
import { parseHours } from "./checks.js";

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Errors of the placement form ({field: message}). */
export function newPlacementErrors(form) {
  const errors = {};
  if (!DATE.test(form.start_date ?? "")) errors.start_date = "Vælg startdatoen";
  if (form.end_date && !DATE.test(form.end_date)) errors.end_date = "Vælg en dato";
  else if (form.end_date && form.end_date < form.start_date)
    errors.end_date = "Slutdatoen ligger før startdatoen";
  const internship = parseHours(form.internship);
  const paid = parseHours(form.paid);
  if (internship.error) errors.internship_hours = internship.error;
  if (paid.error) errors.paid_hours = paid.error;
  return errors;
}

/** The new placement's data; `today` decides planned or active. */
export function newPlacementData(
  form,
  { citizenId, companyId, today, newId = () => crypto.randomUUID() },
) {
  const data = {
    citizen_id: citizenId,
    company_id: companyId,
    kind: form.kind,
    start_date: form.start_date,
    status: form.start_date > today ? "planned" : "active",
  };
  for (const field of ["end_date", "contact_id", "mentor_id"])
    if (form[field]) data[field] = form[field];
  for (const field of ["purpose", "goals"])
    if (String(form[field] ?? "").trim()) data[field] = form[field];
  const functions = String(form.functions ?? "")
    .split("\n")
    .map((line) => line.trim())
    .filter(Boolean);
  if (functions.length) data.work_functions = functions.map((name) => ({ id: newId(), name }));
  const internship = parseHours(form.internship).value;
  const paid = parseHours(form.paid).value;
  if (internship !== undefined || paid !== undefined) {
    data.hours = [
      {
        id: newId(),
        from_date: form.start_date,
        ...(internship !== undefined ? { internship_hours: internship } : {}),
        ...(paid !== undefined ? { paid_hours: paid } : {}),
      },
    ];
  }
  return data;
}
