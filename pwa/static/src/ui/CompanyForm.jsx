// Create or edit a company. The form keeps only the user's own edits (draft); untouched
// fields show the stored record live, so a pull while the form is open is not undone by
// saving. "Gem" validates, writes record and outbox entry in one transaction, and only
// then says "Gemt".
import { useState } from "preact/hooks";
import { StorageFull } from "../store/outbox.js";
import { getRecord, saveRecord, useQuery } from "../store/records.js";
import { validateRecord } from "../validate.js";
import { COMPANY_FIELDS, problemLines } from "./labels.js";
import { navigate } from "./route.js";

const FIELDS = [
  ["name", { autocomplete: "organization" }], ["cvr", { inputMode: "numeric" }],
  ["address", { autocomplete: "street-address", wide: true }],
  ["postcode", { inputMode: "numeric", autocomplete: "postal-code" }],
  ["city", { autocomplete: "address-level2" }], ["industry", {}],
  ["phone", { type: "tel", autocomplete: "tel" }], ["email", { type: "email", autocomplete: "email" }],
];

/** The company form; `id` is undefined for a new company. */
export function CompanyForm({ id }) {
  const record = useQuery(() => (id ? getRecord(id) : null), [id]);
  const [draft, setDraft] = useState({});
  const [errors, setErrors] = useState({});
  const [saved, setSaved] = useState("");
  if (id && record === undefined) return <p>Henter …</p>;
  if (id && !record) return <p class="message error">Virksomheden findes ikke på enheden.</p>;
  if (record?.deleted) return <p class="message info">Virksomheden er slettet.</p>;
  const stored = record?.data || {};
  const value = (field) => draft[field] ?? stored[field] ?? "";

  function edit(field, text) {
    setDraft({ ...draft, [field]: text });
    setSaved("");
  }

  async function submit(event) {
    event.preventDefault();
    const next = { ...stored, ...draft };
    const found = validateRecord("company", next);
    setErrors(found);
    if (Object.keys(found).length) return;
    const changes = {};
    for (const [field, text] of Object.entries(draft)) {
      if (text !== (stored[field] ?? "")) changes[field] = text === "" ? null : text;
    }
    try {
      const savedId = await saveRecord("company", id, changes);
      setDraft({});
      setSaved("Gemt");
      if (!id) navigate("virksomheder", savedId);
    } catch (failure) {
      if (!(failure instanceof StorageFull)) throw failure;
      setSaved(failure.message);
    }
  }

  const input = ([field, { wide, ...attrs }]) => (
    <div class={wide ? "wide" : ""} key={field}>
      <label for={`company-${field}`}>{COMPANY_FIELDS[field]}</label>
      <input id={`company-${field}`} name={field} value={value(field)} {...attrs}
        aria-invalid={errors[field] ? "true" : undefined}
        aria-describedby={errors[field] ? `company-${field}-error` : undefined}
        onInput={(e) => edit(field, e.currentTarget.value)} />
      {errors[field] && <p class="field-error" id={`company-${field}-error`}>{errors[field]}</p>}
    </div>
  );

  return (
    <>
      <p><a class="back" href="#/virksomheder">← Tilbage til virksomheder</a></p>
      <h1>{id ? stored.name || "Virksomhed" : "Ny virksomhed"}</h1>
      {record?.problem && (
        <div class="message error">
          <p>Serveren afviste den seneste ændring:</p>
          <ul>{problemLines(record.problem, "company").map((line) => <li key={line}>{line}</li>)}</ul>
        </div>
      )}
      <form onSubmit={submit} noValidate class="card">
        <div class="form-grid">
          {FIELDS.map(input)}
          <div class="wide">
            <label for="company-knowledge">{COMPANY_FIELDS.knowledge}</label>
            <textarea id="company-knowledge" name="knowledge" value={value("knowledge")}
              onInput={(e) => edit("knowledge", e.currentTarget.value)} />
          </div>
        </div>
        <div class="actions">
          <button type="submit">Gem</button>
          <span aria-live="polite" class={saved === "Gemt" ? "message ok" : saved ? "message error" : ""}>{saved}</span>
        </div>
      </form>
    </>
  );
}
