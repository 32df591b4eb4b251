// "Lister" (#/admin/lister): the job centre's company types and job functions (docs/domain.md
// "Lists"). Admins rename, add, retire and bring back items and save a whole list at a time;
// items are never removed. Leads read the lists. After a save the device's own copy is
// refreshed, so forms and filters offer the new items at once.
import { useState } from "preact/hooks";
import { refreshLists } from "../../net/lists.js";
import { currentSession } from "../../store/session.js";
import { adminCall, fieldError } from "./adminApi.js";
import { CallProblem } from "./Offline.jsx";
import { useAdminData } from "./useAdminData.js";

const SECTIONS = [
  { key: "company_types", title: "Virksomhedstyper", one: "virksomhedstype" },
  { key: "job_functions", title: "Jobfunktioner", one: "jobfunktion" },
];

/** The lists screen. */
export function Lists({ admin }) {
  const lists = useAdminData("/lists");
  const body = lists.answer?.body;
  return (
    <>
      <h1>Lister</h1>
      <p>
        Punkter slettes aldrig, men kan udfases: et udfaset punkt står stadig på gamle oplysninger,
        men kan ikke vælges til nye.
      </p>
      <CallProblem answer={lists.answer} />
      {!lists.answer && <p aria-live="polite">Henter lister …</p>}
      {body &&
        SECTIONS.map((section) => (
          <ListEditor
            key={section.key}
            section={section}
            saved={body[section.key] ?? []}
            admin={admin}
          />
        ))}
    </>
  );
}

function ListEditor({ section, saved, admin }) {
  const [items, setItems] = useState(saved.map((item) => ({ ...item, named: item.label })));
  const [newLabel, setNewLabel] = useState("");
  const [newError, setNewError] = useState("");
  const [answer, setAnswer] = useState(null);
  const prefix = `list-${section.key}`;
  const change = (index, patch) =>
    setItems(items.map((item, i) => (i === index ? { ...item, ...patch } : item)));
  function add(event) {
    event.preventDefault();
    const label = newLabel.trim();
    if (!label) {
      setNewError(`Skriv navnet på den nye ${section.one}.`);
      return;
    }
    setItems([
      ...items,
      { id: newItemId(items, label), label, retired: false, named: label, added: true },
    ]);
    setNewLabel("");
    setNewError("");
  }
  async function save(event) {
    event.preventDefault();
    const body = {
      items: items.map(({ id, label, retired }) => ({ id, label: label.trim(), retired })),
    };
    const result = await adminCall("PUT", `/admin/lists/${section.key}`, { body });
    setAnswer(result);
    if (!result.ok) return;
    setItems(result.body.items.map((item) => ({ ...item, named: item.label })));
    await refreshLists((await currentSession()).token);
  }
  const errors = answer?.errors ?? {};
  const listError = fieldError(errors, "items");
  return (
    <section class="card" aria-labelledby={`${prefix}-title`}>
      <h2 id={`${prefix}-title`}>{section.title}</h2>
      <form onSubmit={save}>
        <ul class="list-items" aria-label={section.title}>
          {items.map((item, index) => (
            <ListItem
              key={item.id}
              item={item}
              prefix={`${prefix}-${index}`}
              admin={admin}
              error={itemError(errors, index)}
              onChange={(patch) => change(index, patch)}
            />
          ))}
        </ul>
        {listError && (
          <p class="field-error" role="alert">
            Listen er ændret et andet sted, siden den blev hentet (punkter kan ikke fjernes, kun
            udfases). Genindlæs siden, og lav ændringen igen.
          </p>
        )}
        {admin && (
          <div class="actions">
            <button type="submit">Gem {section.title.toLocaleLowerCase("da")}</button>
          </div>
        )}
      </form>
      {admin && (
        <form class="admin-form" onSubmit={add}>
          <label for={`${prefix}-new`}>
            Ny {section.one}
            <input
              id={`${prefix}-new`}
              value={newLabel}
              onInput={(e) => setNewLabel(e.currentTarget.value)}
              aria-invalid={Boolean(newError)}
              aria-describedby={newError ? `${prefix}-new-error` : undefined}
            />
            {newError && (
              <span id={`${prefix}-new-error`} class="field-error">
                {newError}
              </span>
            )}
          </label>
          <div class="actions">
            <button type="submit" class="secondary">
              Tilføj
            </button>
          </div>
        </form>
      )}
      {answer?.ok && (
        <p class="message ok" role="status">
          {section.title} er gemt.
        </p>
      )}
      {answer && !answer.ok && Object.keys(errors).length === 0 && <CallProblem answer={answer} />}
      {answer && !answer.ok && Object.keys(errors).length > 0 && (
        <p class="message error" role="alert">
          Listen er ikke gemt. Ret det markerede og gem igen.
        </p>
      )}
    </section>
  );
}

function ListItem({ item, prefix, admin, error, onChange }) {
  const state = `${item.retired ? "Udfaset" : "I brug"}${item.added ? ", ny (ikke gemt)" : ""}`;
  if (!admin)
    return (
      <li>
        {item.label} <span class="list-state">({state})</span>
      </li>
    );
  return (
    <li class={item.retired ? "list-item retired" : "list-item"}>
      <label for={`${prefix}-label`}>
        Navn på {item.named}
        <input
          id={`${prefix}-label`}
          value={item.label}
          onInput={(e) => onChange({ label: e.currentTarget.value })}
          aria-invalid={Boolean(error)}
          aria-describedby={`${prefix}-state${error ? ` ${prefix}-error` : ""}`}
        />
      </label>
      <span id={`${prefix}-state`} class="list-state">
        {state}
      </span>
      <button type="button" class="secondary" onClick={() => onChange({ retired: !item.retired })}>
        {item.retired ? "Genindfør" : "Udfas"}
        <span class="visually-hidden"> {item.named}</span>
      </button>
      {error && (
        <span id={`${prefix}-error`} class="field-error">
          {error}
        </span>
      )}
    </li>
  );
}

function itemError(errors, index) {
  const label = fieldError(errors, `items.${index}.label`);
  const id = fieldError(errors, `items.${index}.id`);
  return [label, id && "Punktets id findes allerede i listen."].filter(Boolean).join(" ");
}

// A new item's id: its label in lower case, æ/ø/å spelt out, other signs as "_" (like the
// shipped ids, e.g. "toemrer_snedker"), with "_2", "_3" … when the list already has it.
function newItemId(items, label) {
  const base =
    label
      .toLocaleLowerCase("da")
      .replace(/æ/g, "ae")
      .replace(/ø/g, "oe")
      .replace(/å/g, "aa")
      .normalize("NFD")
      .replace(/[\u0300-\u036f]/g, "")
      .replace(/[^a-z0-9]+/g, "_")
      .replace(/^_+|_+$/g, "")
      .slice(0, 40) || "punkt";
  const taken = new Set(items.map((item) => item.id));
  let id = base;
  for (let n = 2; taken.has(id); n += 1) id = `${base}_${n}`;
  return id;
}
