// Agreements as a list (what, who, by when, done), and the previous meeting's open
// agreements at the top to follow up on ("opfølgning på aftalerne fra sidst").
import { MEETING_KINDS } from "../words.js";
import { MEETING_LABELS } from "./labels.js";
import { FieldError } from "./fields.jsx";
import { danishDate, danishDateTime } from "../../dates.js";
import { meetingTime } from "./model.js";

/** The previous meeting's agreements: the open ones with "Marker som udført". */
export function PreviousAgreements({ meeting, onDone }) {
  const items = meeting?.data.agreements ?? [];
  if (!items.length) return null;
  const when = danishDateTime(meetingTime(meeting.data));
  return (
    <section class="card previous" aria-labelledby="meeting-previous-title">
      <h2 id="meeting-previous-title">Opfølgning på aftaler fra sidste møde</h2>
      <p class="hint">
        {MEETING_KINDS[meeting.data.kind] ?? "Møde"}
        {when ? ` ${when}` : ""}: hvordan er det gået?
      </p>
      <ul class="rows">
        {items.map((item) => (
          <li key={item.id} class="row previous-item">
            <div>
              <p class="value">{item.text}</p>
              <p class="meta">
                {item.responsible ? `Ansvarlig: ${item.responsible}` : "Ingen ansvarlig angivet"}
                {item.due_date ? ` · senest ${danishDate(item.due_date)}` : ""}
                {" · "}
                <strong>{item.done ? "✓ Udført" : "Ikke udført"}</strong>
              </p>
            </div>
            {!item.done && (
              <button
                type="button"
                class="secondary"
                onClick={() => onDone(item)}
                aria-label={`Marker som udført: ${item.text}`}
              >
                Marker som udført
              </button>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}

/** This meeting's agreements; `onChange(list)` saves the whole list. */
export function Agreements({ items, onChange, errors }) {
  const update = (id, patch) => onChange(items.map((a) => (a.id === id ? { ...a, ...patch } : a)));
  const field = (a, name, label, attrs = {}) => (
    <div class={`agreement-${name}`}>
      <label for={`agreement-${a.id}-${name}`}>{label}</label>
      <input
        id={`agreement-${a.id}-${name}`}
        value={a[name] ?? ""}
        {...attrs}
        onInput={(e) => update(a.id, { [name]: e.currentTarget.value || undefined })}
      />
    </div>
  );
  return (
    <section class="card" aria-labelledby="meeting-agreements-title">
      <h2 id="meeting-agreements-title">{MEETING_LABELS.agreements}</h2>
      <p class="hint">SMART: hvem gør hvad, og hvornår? “Aftalen er, at jeg gør X, og du gør Y.”</p>
      {items.length === 0 && <p class="empty">Ingen aftaler endnu.</p>}
      {items.map((a, index) => (
        <fieldset key={a.id} class="agreement">
          <legend>Aftale {index + 1}</legend>
          <div class="agreement-text">
            <label for={`agreement-${a.id}-text`}>Hvad er aftalt</label>
            <textarea
              id={`agreement-${a.id}-text`}
              value={a.text ?? ""}
              rows={2}
              aria-invalid={errors[`agreement.${a.id}`] ? "true" : undefined}
              aria-describedby={errors[`agreement.${a.id}`] ? `agreement-${a.id}-error` : undefined}
              onInput={(e) => update(a.id, { text: e.currentTarget.value })}
            />
            <FieldError id={`agreement-${a.id}`} error={errors[`agreement.${a.id}`]} />
          </div>
          {field(a, "responsible", "Hvem")}
          {field(a, "due_date", "Senest", { type: "date" })}
          <label class="choice agreement-done">
            <input
              type="checkbox"
              checked={Boolean(a.done)}
              onChange={(e) => update(a.id, { done: e.currentTarget.checked })}
            />
            <span>Udført</span>
          </label>
          <button
            type="button"
            class="danger"
            onClick={() => onChange(items.filter((other) => other.id !== a.id))}
          >
            Fjern aftale {index + 1}
          </button>
        </fieldset>
      ))}
      <div class="actions">
        <button
          type="button"
          class="secondary"
          onClick={() => onChange([...items, { id: crypto.randomUUID(), text: "", done: false }])}
        >
          Tilføj aftale
        </button>
      </div>
    </section>
  );
}
