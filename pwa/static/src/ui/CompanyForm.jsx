// Create or edit a company ("#/virksomheder/ny", "#/virksomheder/<id>/rediger"). The form
// keeps only the user's own edits (draft); untouched fields show the stored record live, so
// a pull while the form is open is not undone by saving. "Gem" validates, writes record and
// outbox entry in one transaction, and only then says "Gemt". A new company gets its id at
// the first save and the route is replaced by its own, so a reload never duplicates it.
// A new company's CVR number that the team already has offers the existing company.
import { useState } from "preact/hooks";
import { StorageFull } from "../store/outbox.js";
import { listRecords } from "../store/queries.js";
import { getRecord, saveRecord } from "../store/records.js";
import { useQuery } from "./useQuery.js";
import { userName, useUsers } from "../net/users.js";
import { offered, useLists } from "../net/lists.js";
import { validateRecord } from "../validate.js";
import { COMPANY_STATUS, INTEREST_LABELS } from "./company-model.js";
import { COMPANY_FIELDS, problemLines } from "./labels.js";
import { paths, replaceRoute } from "./routes.js";
import "./day.css";

const FIELDS = [
  ["name", { autocomplete: "organization" }],
  ["cvr", { inputMode: "numeric" }],
  ["address", { autocomplete: "street-address", wide: true }],
  ["postcode", { inputMode: "numeric", autocomplete: "postal-code" }],
  ["city", { autocomplete: "address-level2" }],
  ["industry", {}],
  ["employees", { inputMode: "numeric" }],
  ["phone", { type: "tel", autocomplete: "tel" }],
  ["email", { type: "email", autocomplete: "email" }],
  ["website", { type: "url", autocomplete: "url" }],
];

/** A form value as stored: "" → null, the employee count as an integer when it is one. */
function stored(field, value) {
  if (value === "" || (Array.isArray(value) && value.length === 0)) return null;
  if (field === "employees" && /^\d+$/.test(String(value).trim()))
    return Number(String(value).trim());
  return value;
}

/** The company form; `id` is undefined for a new company. */
export function CompanyForm({ id }) {
  const record = useQuery(() => (id ? getRecord(id) : null), [id]);
  const users = useUsers();
  const companies = useQuery(() => (id ? [] : listRecords("company")), [id]) ?? [];
  const lists = useLists();
  const [draft, setDraft] = useState({});
  const [errors, setErrors] = useState({});
  const [saved, setSaved] = useState("");
  if (id && record === undefined) return <p>Henter …</p>;
  if (id && !record) return <p class="message error">Virksomheden findes ikke på enheden.</p>;
  if (record?.deleted) return <p class="message info">Virksomheden er slettet.</p>;
  const data = record?.data || {};
  const value = (field) => draft[field] ?? data[field] ?? "";
  const interests = draft.interests ?? data.interests ?? [];

  function edit(field, next) {
    setDraft({ ...draft, [field]: next });
    setSaved("");
  }

  async function submit(event) {
    event.preventDefault();
    const changes = {};
    for (const [field, next] of Object.entries(draft)) {
      const before = data[field] ?? null;
      const after = stored(field, next);
      if (JSON.stringify(after) !== JSON.stringify(before)) changes[field] = after;
    }
    const next = { ...data, ...changes };
    Object.keys(next).forEach((field) => next[field] === null && delete next[field]);
    const found = validateRecord("company", next);
    setErrors(found);
    if (Object.keys(found).length) return;
    try {
      const savedId = await saveRecord("company", id ?? crypto.randomUUID(), changes);
      setDraft({});
      setSaved("Gemt");
      if (!id) replaceRoute(paths.editCompany(savedId));
    } catch (failure) {
      if (!(failure instanceof StorageFull)) throw failure;
      setSaved(failure.message);
    }
  }

  const describe = (field) => ({
    "aria-invalid": errors[field] ? "true" : undefined,
    "aria-describedby": errors[field] ? `company-${field}-error` : undefined,
  });
  const error = (field) =>
    errors[field] && (
      <p class="field-error" id={`company-${field}-error`}>
        {errors[field]}
      </p>
    );
  const input = ([field, { wide, ...attrs }]) => (
    <div class={wide ? "wide" : ""} key={field}>
      <label for={`company-${field}`}>{COMPANY_FIELDS[field]}</label>
      <input
        id={`company-${field}`}
        name={field}
        value={value(field)}
        {...attrs}
        {...describe(field)}
        onInput={(e) => edit(field, e.currentTarget.value)}
      />
      {error(field)}
    </div>
  );
  const typedCvr = String(draft.cvr ?? "").replace(/\s/g, "");
  const twin = !id && typedCvr ? companies.find((c) => c.data.cvr === typedCvr) : null;
  const toggle = (interest, on) =>
    edit("interests", on ? [...interests, interest] : interests.filter((i) => i !== interest));

  return (
    <>
      <p>
        <a class="back" href={id ? paths.company(id) : paths.companies()}>
          {id ? "← Tilbage til virksomheden" : "← Tilbage til virksomheder"}
        </a>
      </p>
      <h1>{id ? data.name || "Virksomhed" : "Ny virksomhed"}</h1>
      {record?.problem && (
        <div class="message error">
          <p>Serveren afviste den seneste ændring:</p>
          <ul>
            {problemLines(record.problem, "company").map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
        </div>
      )}
      {twin && (
        <p class="message info" role="status">
          Virksomheden findes allerede med CVR {typedCvr}:{" "}
          <a href={paths.company(twin.id)}>Åbn {twin.data.name || "virksomheden"}</a>
        </p>
      )}
      <form onSubmit={submit} noValidate class="card">
        <div class="form-grid">
          {FIELDS.map(input)}
          <div>
            <label for="company-status">{COMPANY_FIELDS.status}</label>
            <select
              id="company-status"
              value={value("status")}
              {...describe("status")}
              onChange={(e) => edit("status", e.currentTarget.value)}
            >
              <option value="">Ikke angivet</option>
              {Object.entries(COMPANY_STATUS).map(([v, label]) => (
                <option key={v} value={v}>
                  {label}
                </option>
              ))}
            </select>
            {error("status")}
          </div>
          <div>
            <label for="company-responsible_user_id">Ansvarlig konsulent</label>
            <select
              id="company-responsible_user_id"
              value={value("responsible_user_id")}
              onChange={(e) => edit("responsible_user_id", e.currentTarget.value)}
            >
              <option value="">Ingen</option>
              {users.map((u) => (
                <option key={u.id} value={u.id}>
                  {u.display_name || u.username}
                </option>
              ))}
              {data.responsible_user_id &&
                !users.some((u) => u.id === data.responsible_user_id) && (
                  <option value={data.responsible_user_id}>
                    {userName(users, data.responsible_user_id)}
                  </option>
                )}
            </select>
          </div>
          <div>
            <label for="company-company_type">Virksomhedstype</label>
            <select
              id="company-company_type"
              value={value("company_type")}
              onChange={(e) => edit("company_type", e.currentTarget.value)}
            >
              <option value="">Ikke angivet</option>
              {offered(lists.company_types, data.company_type).map((t) => (
                <option key={t.id} value={t.id}>
                  {t.label}
                </option>
              ))}
            </select>
          </div>
          <fieldset class="wide interests" {...describe("interests")}>
            <legend>Interesseret i (redskabsviften)</legend>
            {Object.entries(INTEREST_LABELS).map(([interest, label]) => (
              <label class="check" key={interest}>
                <input
                  type="checkbox"
                  checked={interests.includes(interest)}
                  onChange={(e) => toggle(interest, e.currentTarget.checked)}
                />
                {label}
              </label>
            ))}
            {error("interests")}
          </fieldset>
          <div class="wide">
            <label for="company-knowledge">{COMPANY_FIELDS.knowledge}</label>
            <textarea
              id="company-knowledge"
              name="knowledge"
              value={value("knowledge")}
              {...describe("knowledge")}
              onInput={(e) => edit("knowledge", e.currentTarget.value)}
            />
            {error("knowledge")}
          </div>
        </div>
        <div class="actions">
          <button type="submit">Gem</button>
          <span
            aria-live="polite"
            class={saved === "Gemt" ? "message ok" : saved ? "message error" : ""}
          >
            {saved}
          </span>
          {id && saved === "Gemt" && <a href={paths.company(id)}>Vis virksomheden</a>}
        </div>
      </form>
    </>
  );
}
