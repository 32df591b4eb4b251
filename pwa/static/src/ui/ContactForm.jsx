// Add or edit a company's contact person (kontaktperson), inline on the briefing. Marking
// one as primary unmarks the company's other primary contact. Bad input gets a Danish
// message next to the field and nothing is lost.
import { useState } from "preact/hooks";
import { StorageFull } from "../store/outbox.js";
import { saveContactPerson } from "./actions/contacts.js";
import { validateRecord } from "../validate.js";
import { CONTACT_ROLES } from "./company-model.js";

const FIELDS = [
  ["name", "Navn", { autocomplete: "name" }],
  ["title", "Stilling", {}],
  ["phone", "Telefon", { type: "tel" }],
  ["mobile", "Mobil", { type: "tel" }],
  ["email", "E-mail", { type: "email" }],
];

/** The contact form; `contact` is null for a new contact, `others` the company's other contacts. */
export function ContactForm({ companyId, contact, others, onDone }) {
  const stored = contact?.data ?? {};
  const [draft, setDraft] = useState({});
  const [errors, setErrors] = useState({});
  const [message, setMessage] = useState("");
  const prefix = `contact-${contact?.id ?? "new"}`;
  const value = (field) => draft[field] ?? stored[field] ?? "";
  const edit = (field, v) => setDraft({ ...draft, [field]: v });

  async function submit(event) {
    event.preventDefault();
    const next = { ...stored, ...draft, company_id: companyId };
    const found = validateRecord(
      "contact",
      Object.fromEntries(Object.entries(next).filter(([, v]) => v !== "" && v !== false)),
    );
    setErrors(found);
    if (Object.keys(found).length) return;
    const changes = contact ? {} : { company_id: companyId };
    for (const [field, v] of Object.entries(draft)) {
      if (v !== (stored[field] ?? (field === "is_primary" ? false : "")))
        changes[field] = v === "" || v === false ? null : v;
    }
    try {
      await saveContactPerson(contact, changes, others);
      onDone();
    } catch (failure) {
      if (!(failure instanceof StorageFull)) throw failure;
      setMessage(failure.message);
    }
  }

  return (
    <form
      class="card contact-form"
      onSubmit={submit}
      noValidate
      aria-label={contact ? `Rediger ${stored.name}` : "Ny kontaktperson"}
    >
      <h3>{contact ? `Rediger ${stored.name || "kontaktperson"}` : "Ny kontaktperson"}</h3>
      <div class="form-grid">
        {FIELDS.map(([field, label, attrs]) => (
          <div key={field}>
            <label for={`${prefix}-${field}`}>{label}</label>
            <input
              id={`${prefix}-${field}`}
              value={value(field)}
              {...attrs}
              aria-invalid={errors[field] ? "true" : undefined}
              aria-describedby={errors[field] ? `${prefix}-${field}-error` : undefined}
              onInput={(e) => edit(field, e.currentTarget.value)}
            />
            {errors[field] && (
              <p class="field-error" id={`${prefix}-${field}-error`}>
                {errors[field]}
              </p>
            )}
          </div>
        ))}
        <div>
          <label for={`${prefix}-role`}>Rolle</label>
          <select
            id={`${prefix}-role`}
            value={value("role")}
            onChange={(e) => edit("role", e.currentTarget.value)}
          >
            <option value="">Ikke angivet</option>
            {Object.entries(CONTACT_ROLES).map(([v, label]) => (
              <option key={v} value={v}>
                {label}
              </option>
            ))}
          </select>
        </div>
        <label class="check wide">
          <input
            type="checkbox"
            checked={Boolean(draft.is_primary ?? stored.is_primary)}
            onChange={(e) => edit("is_primary", e.currentTarget.checked)}
          />
          Primær kontaktperson
        </label>
      </div>
      <div class="actions">
        <button type="submit">Gem kontaktperson</button>
        <button type="button" class="secondary" onClick={onDone}>
          Annullér
        </button>
        {message && (
          <span class="message error" role="alert">
            {message}
          </span>
        )}
      </div>
    </form>
  );
}
