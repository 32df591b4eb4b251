// The progressionskort's header (seed 000, bilag F, L2230–2240): tilbudsperiode, timer pr.
// uge ved tilbudsstart and ved ophør (målsætning), sagsbehandler, read from the placement and
// the citizen; and the note that the points of Mødetider, Fremmøde and Arbejdspladsens
// normer are the job centre's own, because the source gives none for them.
import { longDate } from "../../dates.js";
import { danishHours } from "../words.js";

const OWN_POINTS = ["Mødetider", "Fremmøde", "Arbejdspladsens normer"];

function hoursText(row) {
  if (!row) return "Ikke registreret";
  return `${danishHours(row.internship_hours ?? 0)} praktiktimer og ${danishHours(row.paid_hours ?? 0)} løntimer`;
}

/** The header of a progressionskort for a placement ({data}) and its citizen ({data}). */
export function KortHeader({ placement, citizen }) {
  const p = placement?.data ?? {};
  const hours = [...(p.hours ?? [])]
    .filter((h) => h.from_date)
    .sort((a, b) => a.from_date.localeCompare(b.from_date));
  return (
    <section class="card" aria-labelledby="kort-head">
      <h2 id="kort-head">Forløbet</h2>
      <dl class="facts">
        <dt>Tilbudsperiode</dt>
        <dd>
          {p.start_date ? longDate(p.start_date) : "?"} –{" "}
          {p.end_date ? longDate(p.end_date) : "ingen slutdato"}
        </dd>
        <dt>Timer pr. uge v. tilbudsstart</dt>
        <dd>{hoursText(hours[0])}</dd>
        <dt>Timer pr. uge ved ophør (målsætning)</dt>
        <dd>{hours.length > 1 ? hoursText(hours.at(-1)) : "Ikke registreret"}</dd>
        <dt>Sagsbehandler</dt>
        <dd>{citizen?.data.caseworker_name || "Ikke registreret"}</dd>
      </dl>
      <p class="hint">
        Pointene for {OWN_POINTS.join(", ")} er jobcentrets egne: progressionskortet angiver ingen
        point for dem.
      </p>
    </section>
  );
}
