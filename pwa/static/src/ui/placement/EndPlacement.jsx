// "Afslut forløb": the end date, status `ended` and the outcome of a placement, then the
// offer of the closing meeting (Afslutning). An ended placement says how it ended. The
// placement leaves the tablet later by the data-minimisation rule (net/minimise.js).
import { useState } from "preact/hooks";
import { longDate, todayIso } from "../../dates.js";
import { endPlacement } from "../actions/placement.js";
import { deviceError } from "../labels.js";
import { FieldError } from "../meeting/fields.jsx";
import { PLACEMENT_OUTCOMES } from "../words.js";
import { paths } from "../routes.js";

/** The card that ends a placement ({id, data}). */
export function EndPlacement({ placement }) {
  const d = placement.data;
  const [endDate, setEndDate] = useState(d.end_date ?? todayIso());
  const [outcome, setOutcome] = useState("");
  const [errors, setErrors] = useState({});
  const [message, setMessage] = useState("");
  const closing = paths.newMeeting(d.company_id, placement.id, "closing");
  if (d.status === "ended" || d.status === "cancelled") {
    return (
      <section class="card" aria-labelledby="pl-end">
        <h2 id="pl-end">Forløbet er afsluttet</h2>
        <p>
          {d.end_date ? `Slutdato ${longDate(d.end_date)}` : "Ingen slutdato"}
          {d.outcome && ` · Resultat: ${PLACEMENT_OUTCOMES[d.outcome] ?? d.outcome}`}
        </p>
        <a class="button secondary" href={closing}>
          Opret afslutningsmøde
        </a>
      </section>
    );
  }

  async function end(event) {
    event.preventDefault();
    try {
      setErrors(await endPlacement(placement, { endDate, outcome }));
      setMessage("");
    } catch (failure) {
      setMessage(deviceError(failure));
    }
  }

  return (
    <form class="card" onSubmit={end} noValidate aria-labelledby="pl-end">
      <h2 id="pl-end">Afslut forløb</h2>
      <div class="form-grid">
        <div>
          <label for="pl-end-date">Slutdato</label>
          <input
            id="pl-end-date"
            type="date"
            value={endDate}
            onInput={(e) => setEndDate(e.currentTarget.value)}
            aria-invalid={errors.end_date ? "true" : undefined}
            aria-describedby={errors.end_date ? "pl-end-date-error" : undefined}
          />
          <FieldError id="pl-end-date" error={errors.end_date} />
        </div>
        <div>
          <label for="pl-outcome">Resultat</label>
          <select
            id="pl-outcome"
            value={outcome}
            onChange={(e) => setOutcome(e.currentTarget.value)}
            aria-invalid={errors.outcome ? "true" : undefined}
            aria-describedby={errors.outcome ? "pl-outcome-error" : undefined}
          >
            <option value="">Vælg resultat</option>
            {Object.entries(PLACEMENT_OUTCOMES).map(([word, label]) => (
              <option key={word} value={word}>
                {label}
              </option>
            ))}
          </select>
          <FieldError id="pl-outcome" error={errors.outcome} />
        </div>
      </div>
      <div class="actions">
        <button type="submit">Afslut forløb</button>
        <span aria-live="polite" class={message ? "message error" : ""}>
          {message}
        </span>
      </div>
    </form>
  );
}
