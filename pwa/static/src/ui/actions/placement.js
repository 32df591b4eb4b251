// The placement screens' writes that carry domain rules (docs/domain.md placement): a new
// placement with its citizen, and the end of one. Each write goes through store/records.js.
import { todayIso } from "../../dates.js";
import { saveRecord } from "../../store/records.js";
import { endPlacementErrors } from "../placement/checks.js";
import { newPlacementData } from "../placement/new-placement.js";

/** Create a placement at `companyId` from the form, saving a new citizen ({id?, data}) first; its id. */
export async function createPlacement(companyId, citizen, form) {
  const citizenId = citizen.id ?? (await saveRecord("citizen", "", citizen.data));
  return saveRecord(
    "placement",
    "",
    newPlacementData(form, { citizenId, companyId, today: todayIso() }),
  );
}

/** End a placement ({id, data}) on `endDate` with `outcome`; the errors ({field: message}), nothing written when any. */
export async function endPlacement(placement, { endDate, outcome }) {
  const errors = endPlacementErrors(placement.data, { endDate, outcome });
  if (Object.keys(errors).length) return errors;
  await saveRecord("placement", placement.id, { end_date: endDate, status: "ended", outcome });
  return {};
}
