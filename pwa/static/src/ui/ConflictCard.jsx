// One conflict. Rules: an edit conflict needs a value per unit ("Behold min", "Behold den
// anden" or "Gem flettet værdi"); once every unit has one, the resolve is queued with them.
// A conflict about a deletion is decided as a whole: reason "deleted" (the record was
// deleted while you edited) → "Behold min" restores it with your values; reason "delete"
// (you deleted it while it changed) → "Behold min" deletes it; "Behold den anden" keeps
// the server's state in both cases. Every resolve names the `server_rev` the user saw, so
// a newer value the user never saw is never overwritten (docs/protocol.md 5).
import { useState } from "preact/hooks";
import { resolveConflict } from "../store/records.js";
import { TYPE_NAMES, unitLabel } from "./labels.js";

/** A conflict card with the three sides of each unit and the choices. */
export function ConflictCard({ conflict }) {
  const c = conflict.data;
  const [chosen, setChosen] = useState({});
  const title = `${TYPE_NAMES[c.record_type] || c.record_type}: ${conflict.label}`;

  function choose(unit, value) {
    const next = { ...chosen, [unit]: value };
    setChosen(next);
    if (c.fields.every((u) => Object.hasOwn(next, u))) {
      resolveConflict(conflict.id, { data: next, server_rev: c.server_rev });
    }
  }

  function decideDeletion(mine) {
    const body = { data: {}, server_rev: c.server_rev };
    // A delete that met a deletion made elsewhere has no values to restore: keep it deleted.
    if (mine && c.reason === "deleted" && !c.client?.deleted) {
      body.restore = true;
      for (const unit of c.fields) body.data[unit] = side(c.client, unit) ?? null;
    }
    if (mine && c.reason === "delete") body.delete = true;
    resolveConflict(conflict.id, body);
  }

  return (
    <article class="card" aria-label={title}>
      <h2>{title}</h2>
      {c.stale && (
        <p class="message error">
          Posten er ændret igen, siden konflikten opstod, så valget blev ikke gemt. Se den nyeste
          værdi på posten, og vælg igen.
        </p>
      )}
      {c.problem && (
        <p class="message error">Serveren afviste valget: {c.problem.detail || c.problem.title}</p>
      )}
      {c.reason === "deleted" && <p>Posten blev slettet af en anden, mens du ændrede den.</p>}
      {c.reason === "delete" && <p>Du slettede posten, mens en anden ændrede den.</p>}
      {c.fields.map((unit) => (
        <UnitChoice
          key={unit}
          conflict={c}
          unit={unit}
          editable={c.reason === "edit"}
          chosen={Object.hasOwn(chosen, unit)}
          onChoose={(value) => choose(unit, value)}
        />
      ))}
      {c.reason !== "edit" && (
        <div class="actions">
          <button type="button" onClick={() => decideDeletion(true)}>
            Behold min
          </button>
          <button type="button" class="secondary" onClick={() => decideDeletion(false)}>
            Behold den anden
          </button>
        </div>
      )}
    </article>
  );
}

function UnitChoice({ conflict, unit, editable, chosen, onChoose }) {
  const [base, server, client] = [conflict.base, conflict.server, conflict.client].map((s) =>
    side(s, unit),
  );
  const textual = [base, server, client].every((v) => v === undefined || typeof v === "string");
  const [merged, setMerged] = useState(client ?? server ?? "");
  const id = `merge-${conflict.record_id}-${unit}`.replace(/[^a-zA-Z0-9_-]/g, "-");
  return (
    <section aria-label={`Felt: ${unitLabel(conflict.record_type, unit)}`}>
      <h3>Felt: {unitLabel(conflict.record_type, unit)}</h3>
      <div class="sides">
        <Side title="Fælles udgangspunkt" value={base} />
        <Side
          title="Den anden ændring"
          value={conflict.server?.deleted === true ? "Slettet" : server}
        />
        <Side title="Din ændring" value={conflict.client?.deleted === true ? "Slettet" : client} />
      </div>
      {editable &&
        (chosen ? (
          <p class="message ok">Valgt – venter på de andre felter</p>
        ) : (
          <>
            <div class="actions">
              <button type="button" onClick={() => onChoose(client ?? null)}>
                Behold min
              </button>
              <button type="button" class="secondary" onClick={() => onChoose(server ?? null)}>
                Behold den anden
              </button>
            </div>
            {textual && (
              <>
                <label for={id}>Flettet værdi</label>
                <textarea
                  id={id}
                  value={merged}
                  onInput={(e) => setMerged(e.currentTarget.value)}
                />
                <div class="actions">
                  <button type="button" onClick={() => onChoose(merged === "" ? null : merged)}>
                    Gem flettet værdi
                  </button>
                </div>
              </>
            )}
          </>
        ))}
    </section>
  );
}

function Side({ title, value }) {
  return (
    <div class="side">
      <h4>{title}</h4>
      {value === undefined ? (
        <p class="empty">(ingen værdi)</p>
      ) : (
        <pre class="value">
          {typeof value === "string" ? value : JSON.stringify(value, null, 2)}
        </pre>
      )}
    </div>
  );
}

/** A side's value of a unit (sides are keyed by unit name); undefined for no value. */
function side(values, unit) {
  return values && Object.hasOwn(values, unit) ? (values[unit] ?? undefined) : undefined;
}
