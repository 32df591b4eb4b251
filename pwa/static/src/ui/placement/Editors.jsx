// The placement's editable parts: its own fields (status, end date, contact person,
// mentor, purpose, goals), the work functions (name + tasks) and the weekly hours.
// Each keeps only the user's edits as a draft over the live record and saves just the
// changed fields through saveRecord; bad input gets a Danish message next to the field.
import { useState } from "preact/hooks";
import { saveRecord } from "../../store/records.js";
import { validateRecord } from "../../validate.js";
import { deviceError } from "../labels.js";
import { hoursRow, placementErrors, workFunctionErrors } from "./checks.js";
import { longDate, todayIso } from "../../dates.js";
import { danishHours, PLACEMENT_STATUSES } from "../words.js";

const FIELD_NAMES = {
  status: "Status",
  end_date: "Slutdato",
  contact_id: "Kontaktperson",
  mentor_id: "Mentor",
  purpose: "Formål",
  goals: "Mål og delmål",
};

function FieldError({ id, error }) {
  return error ? (
    <p class="field-error" id={id}>
      {error}
    </p>
  ) : null;
}

function invalid(error, id) {
  return { "aria-invalid": error ? "true" : undefined, "aria-describedby": error ? id : undefined };
}

/** The form of the placement's own fields; saves only what changed. */
export function PlacementFields({ placement, contacts }) {
  const stored = placement.data;
  const [draft, setDraft] = useState({});
  const [errors, setErrors] = useState({});
  const [saved, setSaved] = useState("");
  const value = (field) => draft[field] ?? stored[field] ?? "";
  const edit = (field) => (e) => {
    setDraft({ ...draft, [field]: e.currentTarget.value });
    setSaved("");
  };

  async function submit(event) {
    event.preventDefault();
    const next = { ...stored, ...draft };
    const found = { ...validateRecord("placement", next), ...placementErrors(next) };
    setErrors(found);
    if (Object.keys(found).length) return;
    const changes = {};
    for (const [field, text] of Object.entries(draft)) {
      if (text !== (stored[field] ?? "")) changes[field] = text === "" ? null : text;
    }
    try {
      if (Object.keys(changes).length) await saveRecord("placement", placement.id, changes);
      setDraft({});
      setSaved("Gemt");
    } catch (failure) {
      setSaved(deviceError(failure));
    }
  }

  const select = (field, label, options) => (
    <div>
      <label for={`pl-${field}`}>{label}</label>
      <select
        id={`pl-${field}`}
        value={value(field)}
        onChange={edit(field)}
        {...invalid(errors[field], `pl-${field}-error`)}
      >
        <option value="">Ingen valgt</option>
        {options.map(([v, text]) => (
          <option key={v} value={v}>
            {text}
          </option>
        ))}
      </select>
      <FieldError id={`pl-${field}-error`} error={errors[field]} />
    </div>
  );
  const text = (field) => (
    <div class="wide">
      <label for={`pl-${field}`}>{FIELD_NAMES[field]}</label>
      <textarea
        id={`pl-${field}`}
        class="short"
        value={value(field)}
        onInput={edit(field)}
        {...invalid(errors[field], `pl-${field}-error`)}
      />
      <FieldError id={`pl-${field}-error`} error={errors[field]} />
    </div>
  );
  const elsewhere = Object.entries(errors).filter(([field]) => !FIELD_NAMES[field]);
  const people = contacts.map((c) => [
    c.id,
    c.data.title ? `${c.data.name} (${c.data.title})` : c.data.name,
  ]);
  return (
    <form class="card pl-form" onSubmit={submit} noValidate aria-labelledby="pl-fields-title">
      <h2 id="pl-fields-title">Formål, mål og aftaler</h2>
      <div class="form-grid">
        {select("status", "Status", Object.entries(PLACEMENT_STATUSES))}
        <div>
          <label for="pl-end_date">Slutdato</label>
          <input
            id="pl-end_date"
            type="date"
            value={value("end_date")}
            onInput={edit("end_date")}
            {...invalid(errors.end_date, "pl-end_date-error")}
          />
          <FieldError id="pl-end_date-error" error={errors.end_date} />
        </div>
        {select("contact_id", "Kontaktperson", people)}
        {select("mentor_id", "Mentor", people)}
        {text("purpose")}
        {text("goals")}
      </div>
      {elsewhere.length > 0 && (
        <ul class="message error" aria-label="Andre fejl i forløbet">
          {elsewhere.map(([field, message]) => (
            <li key={field}>
              {field}: {message}
            </li>
          ))}
        </ul>
      )}
      <div class="actions">
        <button type="submit">Gem forløbet</button>
        <span
          aria-live="polite"
          class={saved === "Gemt" ? "message ok" : saved ? "message error" : ""}
        >
          {saved}
        </span>
      </div>
    </form>
  );
}

/** The work functions: name and tasks per row; add, change, remove, then "Gem". */
export function WorkFunctions({ placement }) {
  const stored = placement.data.work_functions ?? [];
  const [draft, setDraft] = useState(null);
  const [errors, setErrors] = useState({});
  const [saved, setSaved] = useState("");
  const rows = draft ?? stored;
  const change = (id, field, text) => {
    setDraft(rows.map((row) => (row.id === id ? { ...row, [field]: text } : row)));
    setSaved("");
  };

  async function save() {
    const clean = rows.map((row) =>
      Object.fromEntries(Object.entries(row).filter(([, v]) => v !== "")),
    );
    const checked = validateRecord("placement", { ...placement.data, work_functions: clean });
    const found = workFunctionErrors(clean);
    for (const [path, message] of Object.entries(checked)) {
      const [, index] = path.match(/^work_functions\.(\d+)/) ?? [];
      if (index !== undefined) found[clean[Number(index)].id] ??= message;
    }
    setErrors(found);
    if (Object.keys(found).length) return;
    try {
      await saveRecord("placement", placement.id, { work_functions: clean.length ? clean : null });
      setDraft(null);
      setSaved("Gemt");
    } catch (failure) {
      setSaved(deviceError(failure));
    }
  }

  return (
    <section class="card" aria-labelledby="wf-title">
      <h2 id="wf-title">Arbejdsfunktioner</h2>
      {rows.length === 0 && <p class="empty">Ingen arbejdsfunktioner endnu.</p>}
      {rows.map((row, i) => (
        <div key={row.id} class="wf-row">
          <label for={`wf-name-${row.id}`}>Arbejdsfunktion {i + 1}</label>
          <input
            id={`wf-name-${row.id}`}
            value={row.name ?? ""}
            onInput={(e) => change(row.id, "name", e.currentTarget.value)}
            {...invalid(errors[row.id], `wf-name-${row.id}-error`)}
          />
          <FieldError id={`wf-name-${row.id}-error`} error={errors[row.id]} />
          <label for={`wf-tasks-${row.id}`}>Opgaver i arbejdsfunktion {i + 1}</label>
          <textarea
            id={`wf-tasks-${row.id}`}
            class="short"
            value={row.tasks ?? ""}
            onInput={(e) => change(row.id, "tasks", e.currentTarget.value)}
          />
          <button
            type="button"
            class="danger"
            onClick={() => {
              setDraft(rows.filter((r) => r.id !== row.id));
              setSaved("");
            }}
          >
            Fjern arbejdsfunktion {i + 1}
          </button>
        </div>
      ))}
      <div class="actions">
        <button
          type="button"
          class="secondary"
          onClick={() => setDraft([...rows, { id: crypto.randomUUID(), name: "" }])}
        >
          Tilføj arbejdsfunktion
        </button>
        {draft && (
          <button type="button" onClick={save}>
            Gem arbejdsfunktioner
          </button>
        )}
        <span
          aria-live="polite"
          class={saved === "Gemt" ? "message ok" : saved ? "message error" : ""}
        >
          {saved}
        </span>
      </div>
    </section>
  );
}

/** The weekly hours as a list (newest first) and a form to add a row. */
export function HoursEditor({ placement }) {
  const stored = placement.data.hours ?? [];
  const [form, setForm] = useState({ from_date: todayIso(), internship: "", paid: "" });
  const [errors, setErrors] = useState({});
  const [saved, setSaved] = useState("");
  const set = (field) => (e) => {
    setForm({ ...form, [field]: e.currentTarget.value });
    setSaved("");
  };

  async function add(event) {
    event.preventDefault();
    const { row, errors: found } = hoursRow(form);
    setErrors(found ?? {});
    if (!row) return;
    try {
      await saveRecord("placement", placement.id, { hours: [...stored, row] });
      setForm({ from_date: todayIso(), internship: "", paid: "" });
      setSaved("Timerne er gemt");
    } catch (failure) {
      setSaved(deviceError(failure));
    }
  }

  const sorted = [...stored].sort((a, b) => String(b.from_date).localeCompare(String(a.from_date)));
  const input = (field, key, label, attrs) => (
    <div>
      <label for={`hours-${field}`}>{label}</label>
      <input
        id={`hours-${field}`}
        value={form[field]}
        onInput={set(field)}
        {...attrs}
        {...invalid(errors[key], `hours-${field}-error`)}
      />
      <FieldError id={`hours-${field}-error`} error={errors[key]} />
    </div>
  );
  return (
    <>
      {sorted.length > 0 && (
        <ul class="hours-list" aria-label="Timer pr. uge, nyeste først">
          {sorted.map((h) => (
            <li key={h.id}>
              Fra {longDate(h.from_date)}: {danishHours(h.internship_hours ?? 0)} praktiktimer og{" "}
              {danishHours(h.paid_hours ?? 0)} løntimer pr. uge
            </li>
          ))}
        </ul>
      )}
      <form onSubmit={add} noValidate class="hours-form" aria-label="Nye timer">
        <div class="form-grid three">
          {input("from_date", "from_date", "Fra dato", { type: "date" })}
          {input("internship", "internship_hours", "Praktiktimer pr. uge", {
            inputMode: "decimal",
          })}
          {input("paid", "paid_hours", "Løntimer pr. uge", { inputMode: "decimal" })}
        </div>
        <div class="actions">
          <button type="submit" class="secondary">
            Tilføj timer
          </button>
          <span
            aria-live="polite"
            class={saved === "Timerne er gemt" ? "message ok" : saved ? "message error" : ""}
          >
            {saved}
          </span>
        </div>
      </form>
    </>
  );
}
