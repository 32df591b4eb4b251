// "Nyt forløb" ("#/forloeb/ny/<companyId>"), offline: choose a citizen of the team (search
// by name or the CPR number's last four digits) or create one, then the placement: kind,
// dates, purpose, goals, work functions, contact person, mentor and hours at the start.
// A CPR number already in the team offers that citizen instead of a second one. "Opret
// forløbet" writes the citizen (when new) and the placement, then opens the placement.
import { useState } from "preact/hooks";
import { listReferencing, listRecords } from "../../store/queries.js";
import { getRecord } from "../../store/records.js";
import { createPlacement } from "../actions/placement.js";
import { useQuery } from "../useQuery.js";
import { todayIso } from "../../dates.js";
import { deviceError } from "../labels.js";
import { TextArea, TextField } from "../meeting/fields.jsx";
import { navigate, paths } from "../routes.js";
import { PLACEMENT_KINDS } from "../words.js";
import { CitizenFields } from "./CitizenFields.jsx";
import { citizenWithCpr, newCitizenErrors, normaliseCpr, searchCitizens } from "./citizen-model.js";
import { newPlacementErrors } from "./new-placement.js";

/** Step 1: the chosen citizen ({id, data}) or a new one's data. */
function ChooseCitizen({ citizens, onChosen }) {
  const [query, setQuery] = useState("");
  const [creating, setCreating] = useState(false);
  const [fresh, setFresh] = useState({});
  const [errors, setErrors] = useState({});
  const found = searchCitizens(citizens, query).slice(0, 20);
  const twin = citizenWithCpr(citizens, fresh.cpr);
  const value = (path) =>
    (path.startsWith("job_goals.") ? fresh.job_goals?.[path.slice(10)] : fresh[path]) ?? "";
  const edit = (path, text) =>
    setFresh(
      path.startsWith("job_goals.")
        ? { ...fresh, job_goals: { ...fresh.job_goals, [path.slice(10)]: text } }
        : { ...fresh, [path]: text },
    );

  function next() {
    const found = newCitizenErrors(fresh);
    setErrors(found);
    if (!Object.keys(found).length) onChosen({ id: null, data: cleanCitizen(fresh) });
  }

  return (
    <section class="card" aria-labelledby="np-citizen">
      <h2 id="np-citizen">Borger</h2>
      {!creating ? (
        <>
          <TextField
            id="np-search"
            label="Søg borger (navn eller de sidste 4 cifre i CPR-nummeret)"
            type="search"
            value={query}
            onInput={setQuery}
            autoComplete="off"
          />
          {query &&
            (found.length ? (
              <ul class="np-results" aria-label="Borgere">
                {found.map((c) => (
                  <li key={c.id}>
                    <button type="button" class="secondary" onClick={() => onChosen(c)}>
                      Vælg {c.data.name}
                    </button>
                    {c.data.cpr && <span class="meta"> · CPR …{c.data.cpr.slice(-4)}</span>}
                  </li>
                ))}
              </ul>
            ) : (
              <p class="empty">Ingen borger i teamet passer på søgningen.</p>
            ))}
          <div class="actions">
            <button type="button" class="secondary" onClick={() => setCreating(true)}>
              Opret ny borger
            </button>
          </div>
        </>
      ) : (
        <>
          <CitizenFields prefix="np" value={value} edit={edit} errors={errors} />
          {twin && (
            <div class="message info" role="status">
              <p>
                Borgeren findes allerede i teamet: {twin.data.name} (CPR …{twin.data.cpr.slice(-4)}
                ).
              </p>
              <button type="button" onClick={() => onChosen(twin)}>
                Brug {twin.data.name}
              </button>
            </div>
          )}
          <div class="actions">
            <button type="button" onClick={next}>
              Videre til forløbet
            </button>
            <button type="button" class="secondary" onClick={() => setCreating(false)}>
              Søg i stedet
            </button>
          </div>
        </>
      )}
    </section>
  );
}

function cleanCitizen(fresh) {
  const data = {};
  for (const [field, text] of Object.entries(fresh)) {
    if (field === "job_goals") {
      const goals = Object.fromEntries(Object.entries(text).filter(([, v]) => String(v).trim()));
      if (Object.keys(goals).length) data.job_goals = goals;
    } else if (String(text).trim())
      data[field] = field === "cpr" ? normaliseCpr(text) : text.trim();
  }
  return data;
}

/** The "Nyt forløb" screen for a company. */
export function NewPlacement({ companyId }) {
  const company = useQuery(() => getRecord(companyId), [companyId]);
  const citizens = useQuery(() => listRecords("citizen"), []) ?? [];
  const contacts = useQuery(() => listReferencing("contact", companyId), [companyId]) ?? [];
  const [citizen, setCitizen] = useState(null);
  const [form, setForm] = useState({ kind: "internship", start_date: todayIso() });
  const [errors, setErrors] = useState({});
  const [message, setMessage] = useState("");
  if (company === undefined) return <p>Henter …</p>;
  if (!company) return <p class="message error">Virksomheden findes ikke på enheden.</p>;
  const set = (field) => (text) => setForm({ ...form, [field]: text });

  async function create(event) {
    event.preventDefault();
    const found = newPlacementErrors(form);
    setErrors(found);
    if (Object.keys(found).length) return;
    try {
      navigate(paths.placement(await createPlacement(companyId, citizen, form)));
    } catch (failure) {
      setMessage(deviceError(failure));
    }
  }

  const people = contacts.map((c) => [c.id, c.data.name]);
  const select = (field, label, options, empty = "Ingen valgt") => (
    <div>
      <label for={`np-${field}`}>{label}</label>
      <select
        id={`np-${field}`}
        value={form[field] ?? ""}
        onChange={(e) => set(field)(e.currentTarget.value)}
      >
        {empty && <option value="">{empty}</option>}
        {options.map(([v, text]) => (
          <option key={v} value={v}>
            {text}
          </option>
        ))}
      </select>
    </div>
  );
  return (
    <>
      <p>
        <a class="back" href={paths.company(companyId)}>
          ← {company.data.name || "Virksomheden"}
        </a>
      </p>
      <h1>Nyt forløb – {company.data.name}</h1>
      {!citizen ? (
        <ChooseCitizen citizens={citizens.filter((c) => !c.deleted)} onChosen={setCitizen} />
      ) : (
        <form class="card" onSubmit={create} noValidate aria-labelledby="np-placement">
          <h2 id="np-placement">Forløbet</h2>
          <p>
            Borger: <strong>{citizen.data.name}</strong>
            {!citizen.id && " (ny)"}{" "}
            <button type="button" class="secondary" onClick={() => setCitizen(null)}>
              Vælg en anden borger
            </button>
          </p>
          <div class="form-grid">
            {select("kind", "Forløbstype", Object.entries(PLACEMENT_KINDS), null)}
            <TextField
              id="np-start_date"
              type="date"
              label="Startdato (skal udfyldes)"
              value={form.start_date}
              error={errors.start_date}
              onInput={set("start_date")}
            />
            <TextField
              id="np-end_date"
              type="date"
              label="Slutdato"
              value={form.end_date}
              error={errors.end_date}
              onInput={set("end_date")}
            />
            {select("contact_id", "Kontaktperson", people)}
            {select("mentor_id", "Mentor", people)}
            <TextField
              id="np-internship"
              label="Praktiktimer pr. uge ved start"
              inputMode="decimal"
              value={form.internship}
              error={errors.internship_hours}
              onInput={set("internship")}
            />
            <TextField
              id="np-paid"
              label="Løntimer pr. uge ved start"
              inputMode="decimal"
              value={form.paid}
              error={errors.paid_hours}
              onInput={set("paid")}
            />
            <TextArea
              id="np-purpose"
              class="wide"
              label="Formål"
              value={form.purpose}
              onInput={set("purpose")}
            />
            <TextArea
              id="np-goals"
              class="wide"
              label="Mål og delmål"
              value={form.goals}
              onInput={set("goals")}
            />
            <TextArea
              id="np-functions"
              class="wide"
              label="Arbejdsfunktioner (én pr. linje)"
              value={form.functions}
              onInput={set("functions")}
            />
          </div>
          <div class="actions">
            <button type="submit">Opret forløbet</button>
            <span aria-live="polite" class={message ? "message error" : ""}>
              {message}
            </span>
          </div>
        </form>
      )}
    </>
  );
}
