// "Registrér kontakt": one contact with a company in the Brancheredskab register (seed 003,
// docs/domain.md company_contact), with or without an opening, from the company page or at the
// end of a meeting. Saved on the device (works offline) and synced like every record.
// "Opret jobordre" makes a job order that carries the opening further. Routes
// (ui/routes.js): newContact(companyId, meetingId?) or contact(id).
import { useRef, useState } from "preact/hooks";
import { todayIso } from "../dates.js";
import { offered, useLists } from "../net/lists.js";
import { listReferencing } from "../store/queries.js";
import { getRecord } from "../store/records.js";
import { registerContact } from "./actions/contacts.js";
import { useQuery } from "./useQuery.js";
import { validateRecord } from "../validate.js";
import { FieldError, RadioGroup, TextArea, TextField } from "./meeting/fields.jsx";
import { navigate, paths } from "./routes.js";
import { CHANNELS, CONTACT_RESULTS } from "./team/words.js";
import "./meeting/meeting.css";

/** The contact form: "contact" {id} or "newContact" {companyId, meetingId?}. */
export function ContactRegister({ screen, params }) {
  const fresh = useRef({});
  const isNew = screen === "newContact";
  const id = isNew ? (fresh.current[JSON.stringify(params)] ??= crypto.randomUUID()) : params.id;
  return (
    <Register
      key={id}
      id={id}
      isNew={isNew}
      companyId={isNew ? params.companyId : undefined}
      meetingId={isNew ? params.meetingId : undefined}
    />
  );
}

const number = (text) =>
  text === "" || text === undefined ? null : /^\d+$/.test(String(text)) ? Number(text) : text;

function Register({ id, isNew, companyId: fromRoute, meetingId }) {
  const record = useQuery(() => (isNew ? null : getRecord(id)), [id]);
  const [form, setForm] = useState(null);
  const [errors, setErrors] = useState({});
  const [makeOrder, setMakeOrder] = useState(false);
  const [saving, setSaving] = useState(false);
  const lists = useLists();
  const companyId = record?.data?.company_id ?? fromRoute;
  const company = useQuery(() => (companyId ? getRecord(companyId) : null), [companyId]);
  const contacts =
    useQuery(() => (companyId ? listReferencing("contact", companyId) : []), [companyId]) ?? [];
  if (record === undefined) return <p>Henter …</p>;
  if (!isNew && !record) return <p class="message error">Kontakten findes ikke på enheden.</p>;
  const base = record?.data ?? {
    company_id: companyId,
    contacted_on: todayIso(),
    channel: meetingId ? "visit" : "phone",
    result: "no_opening",
  };
  const data = form ?? base;
  const set = (field, value) => setForm({ ...data, [field]: value === "" ? undefined : value });
  const opening = data.result && data.result !== "no_opening";

  async function save(event) {
    event.preventDefault();
    const clean = Object.fromEntries(
      Object.entries({
        ...data,
        positions: number(data.positions),
        filled: number(data.filled),
      }).filter(([, v]) => v !== undefined && v !== null && v !== ""),
    );
    if (!opening) {
      delete clean.positions;
      delete clean.filled;
    }
    const found = validateRecord("company_contact", clean);
    setErrors(found);
    if (Object.keys(found).length) return;
    setSaving(true);
    await registerContact(id, clean, {
      stored: base,
      makeOrder,
      jobFunctionLabel: lists.job_functions.find((f) => f.id === clean.job_function)?.label,
    });
    setSaving(false);
    navigate(meetingId ? paths.meeting(meetingId) : paths.company(clean.company_id));
  }

  const functions = offered(lists.job_functions, data.job_function);
  return (
    <form class="contact-register" onSubmit={save} noValidate>
      <p>
        <a class="back" href={meetingId ? paths.meeting(meetingId) : paths.company(companyId)}>
          ← {meetingId ? "Tilbage til mødet" : company?.data?.name || "Virksomheden"}
        </a>
      </p>
      <h1>Registrér kontakt{company?.data?.name ? ` – ${company.data.name}` : ""}</h1>
      <section class="card" aria-labelledby="contact-register-title">
        <h2 id="contact-register-title">Kontakten</h2>
        <div class="form-grid">
          <TextField
            id="contact-date"
            type="date"
            label="Dato (skal udfyldes)"
            value={data.contacted_on}
            error={errors.contacted_on}
            onInput={(v) => set("contacted_on", v)}
          />
          <div>
            <label for="contact-person">Kontaktperson</label>
            <select
              id="contact-person"
              value={data.contact_id ?? ""}
              onChange={(e) => set("contact_id", e.currentTarget.value)}
            >
              <option value="">Ingen valgt</option>
              {contacts.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.data.name}
                </option>
              ))}
            </select>
          </div>
        </div>
        <RadioGroup
          id="contact-channel"
          legend="Kontaktform"
          options={CHANNELS}
          value={data.channel}
          onChange={(v) => set("channel", v)}
          error={errors.channel}
        />
        <RadioGroup
          id="contact-result"
          legend="Resultatet af kontakten (skal udfyldes)"
          options={CONTACT_RESULTS}
          value={data.result}
          onChange={(v) => set("result", v)}
          error={errors.result}
        />
      </section>
      {opening && (
        <section class="card" aria-labelledby="contact-opening-title">
          <h2 id="contact-opening-title">Åbningen</h2>
          <div class="form-grid">
            <div>
              <label for="contact-function">Jobfunktion</label>
              <select
                id="contact-function"
                value={data.job_function ?? ""}
                onChange={(e) => set("job_function", e.currentTarget.value)}
                aria-describedby={errors.job_function ? "contact-function-error" : undefined}
              >
                <option value="">Ingen valgt</option>
                {functions.map((f) => (
                  <option key={f.id} value={f.id}>
                    {f.label}
                  </option>
                ))}
              </select>
              <FieldError id="contact-function" error={errors.job_function} />
            </div>
            <TextField
              id="contact-positions"
              label="Antal pladser"
              inputMode="numeric"
              value={data.positions ?? ""}
              error={errors.positions}
              onInput={(v) => set("positions", v)}
            />
            <TextField
              id="contact-filled"
              label="Antal besatte pladser"
              inputMode="numeric"
              value={data.filled ?? ""}
              error={errors.filled}
              onInput={(v) => set("filled", v)}
            />
          </div>
          {!data.job_order_id && (
            <label class="choice">
              <input
                type="checkbox"
                checked={makeOrder}
                onChange={(e) => setMakeOrder(e.currentTarget.checked)}
              />
              <span>Opret jobordre, der fører åbningen videre</span>
            </label>
          )}
          {data.job_order_id && (
            <p>
              <a href={paths.jobOrder(data.job_order_id)}>Åbn jobordren</a>
            </p>
          )}
        </section>
      )}
      <section class="card" aria-labelledby="contact-note-title">
        <h2 id="contact-note-title">Note</h2>
        <TextArea
          id="contact-note"
          class="short"
          label="Note"
          value={data.note ?? ""}
          error={errors.note}
          onInput={(v) => set("note", v)}
        />
      </section>
      {Object.keys(errors).length > 0 && (
        <p class="message error" role="alert">
          Ret de markerede felter.
        </p>
      )}
      <div class="actions">
        <button type="submit" class="big" disabled={saving}>
          Gem kontakt
        </button>
      </div>
    </form>
  );
}
