// The citizen page ("#/borger/<id>"): the citizen's data edited offline with autosave (as
// every form: forms/useAutosave.js), CPR number and skånehensyn masked until tapped
// (audited), a warning when another citizen of the team has the same CPR number, and the
// citizen's placements.
import { useEffect } from "preact/hooks";
import { logOpened } from "../store/audit.js";
import { listRecords, listReferencing } from "../store/queries.js";
import { getRecord } from "../store/records.js";
import { useQuery } from "./useQuery.js";
import { clockTime, longDate } from "../dates.js";
import { problemLines } from "./labels.js";
import { fieldModel } from "./forms/draft.js";
import { useAutosave } from "./forms/useAutosave.js";
import { CitizenFields } from "./placement/CitizenFields.jsx";
import { CITIZEN_CODECS, citizenWithCpr } from "./placement/citizen-model.js";
import { PLACEMENT_KINDS, PLACEMENT_STATUSES } from "./words.js";
import { paths } from "./routes.js";

const CITIZEN_MODEL = fieldModel(CITIZEN_CODECS);

/** The citizen page for `id`. */
export function CitizenForm({ id }) {
  const record = useQuery(() => getRecord(id), [id]);
  const citizens = useQuery(() => listRecords("citizen"), []) ?? [];
  const placements = useQuery(() => listReferencing("placement", id), [id]) ?? [];
  useEffect(() => {
    logOpened("citizen", id);
  }, [id]);
  const form = useAutosave({ type: "citizen", id, record, model: CITIZEN_MODEL });
  if (record === undefined) return <p>Henter …</p>;
  if (!record || record.type !== "citizen")
    return <p class="message error">Borgeren findes ikke på enheden.</p>;
  if (record.deleted) return <p class="message info">Borgeren er slettet.</p>;
  const value = form.value;
  const twin = citizenWithCpr(citizens, record.data.cpr, id);
  return (
    <div class="citizen-page" onFocusOut={() => form.flush()}>
      <h1>{record.data.name || "Borger"}</h1>
      <p class="meta" aria-live="polite">
        {form.saveError || (form.savedAt ? `Gemt på enheden kl. ${clockTime(form.savedAt)}` : "")}
      </p>
      {record.problem && (
        <div class="message error">
          <p>Serveren afviste den seneste ændring:</p>
          <ul>
            {problemLines(record.problem, "citizen").map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
        </div>
      )}
      {twin && (
        <p class="message error">
          En anden borger i teamet har samme CPR-nummer:{" "}
          <a href={paths.citizen(twin.id)}>{twin.data.name}</a>.
        </p>
      )}
      <section class="card" aria-labelledby="citizen-title">
        <h2 id="citizen-title">Borgerens oplysninger</h2>
        <CitizenFields
          prefix="ci"
          value={value}
          edit={form.edit}
          errors={form.inputErrors}
          citizenId={id}
        />
      </section>
      <section class="card" aria-labelledby="citizen-placements">
        <h2 id="citizen-placements">Forløb</h2>
        {placements.length === 0 ? (
          <p class="empty">Ingen forløb på enheden.</p>
        ) : (
          <ul>
            {placements.map((p) => (
              <li key={p.id}>
                <a href={paths.placement(p.id)}>{PLACEMENT_KINDS[p.data.kind] ?? "Forløb"}</a>
                {` · ${longDate(p.data.start_date)} · ${PLACEMENT_STATUSES[p.data.status] ?? ""}`}
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
