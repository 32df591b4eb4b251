// "Adgangslog" (#/admin/adgang): a lead or admin finds a citizen by name or CPR and sees
// who opened, pulled, changed or printed what concerning them, when (the device's time and
// the time the server received it) and on which device; "Hent som CSV" downloads it for a
// citizen's request for insight or an inspection. Searching and reading are logged too.
import { useState } from "preact/hooks";
import { danishDateTime } from "../../dates.js";
import { adminCall, download } from "./adminApi.js";
import { CallProblem } from "./Offline.jsx";

const ACTIONS = {
  open: "Åbnede",
  pull: "Hentede ved synkronisering",
  push: "Gemte ændringer",
  read: "Læste",
  history: "Læste historik",
  resolve: "Løste konflikt",
  pdf: "Hentede PDF",
  search: "Fandt i søgning",
  audit: "Læste adgangsloggen",
};
const TYPES = {
  citizen: "Borger",
  placement: "Forløb",
  meeting: "Møde",
  assessment: "Vurdering",
  agreement: "Aftale",
  signature: "Underskrift",
  conflict: "Konflikt",
};

/** The access audit screen. */
export function AccessAudit() {
  const [text, setText] = useState("");
  const [hits, setHits] = useState(null);
  const [report, setReport] = useState(null);
  async function search(event) {
    event.preventDefault();
    setReport(null);
    setHits(await adminCall("POST", "/audit/citizens", { body: { q: text } }));
  }
  async function open(citizen) {
    setReport(await adminCall("GET", "/audit/report", { query: { citizen_id: citizen.id } }));
  }
  return (
    <>
      <h1>Adgangslog</h1>
      <p>
        Find en borger og se, hvem der har set, hentet, ændret eller udskrevet borgerens
        oplysninger. Din søgning logges også.
      </p>
      <form class="admin-form" onSubmit={search} role="search">
        <label for="audit-search">
          Borgerens navn eller CPR-nummer
          <input
            id="audit-search"
            value={text}
            onInput={(e) => setText(e.currentTarget.value)}
            autocomplete="off"
          />
        </label>
        <div class="actions">
          <button type="submit">Søg</button>
        </div>
      </form>
      <CallProblem answer={hits} />
      {hits?.ok && hits.body.citizens.length === 0 && (
        <p role="status">Ingen borgere passer på søgningen.</p>
      )}
      {hits?.ok && hits.body.citizens.length > 0 && (
        <ul class="devices" aria-label="Borgere">
          {hits.body.citizens.map((c) => (
            <li key={c.id}>
              <button type="button" class="secondary" onClick={() => open(c)}>
                {c.name} {c.cpr}
              </button>
            </li>
          ))}
        </ul>
      )}
      <CallProblem answer={report} />
      {report?.ok && <Report report={report.body} />}
    </>
  );
}

function Report({ report }) {
  const [failed, setFailed] = useState(false);
  const { citizen, events } = report;
  async function csv() {
    setFailed(
      !(await download(
        `/audit/report?citizen_id=${citizen.id}&format=csv`,
        `adgangslog-${citizen.name}.csv`,
      )),
    );
  }
  return (
    <section class="card" aria-labelledby="audit-title">
      <h2 id="audit-title">
        Adgang til {citizen.name} {citizen.cpr}
      </h2>
      <div class="actions">
        <button type="button" onClick={csv}>
          Hent som CSV
        </button>
      </div>
      {failed && (
        <p class="message error" role="alert">
          Filen kunne ikke hentes. Prøv igen, når der er net.
        </p>
      )}
      <div class="admin-table-wrap">
        <table class="admin-table">
          <caption class="visually-hidden">Adgang til borgerens oplysninger, ældste først</caption>
          <thead>
            <tr>
              <th scope="col">Tidspunkt</th>
              <th scope="col">Modtaget</th>
              <th scope="col">Bruger</th>
              <th scope="col">Enhed</th>
              <th scope="col">Handling</th>
              <th scope="col">Hvad</th>
            </tr>
          </thead>
          <tbody>
            {events.map((e, index) => (
              <tr key={`${e.at}-${e.record_id}-${index}`}>
                <td>{danishDateTime(e.at)}</td>
                <td>{danishDateTime(e.received_at) || "–"}</td>
                <td>{e.user_name || e.user_id}</td>
                <td>{e.device_name || "–"}</td>
                <td>{ACTIONS[e.action] ?? e.action}</td>
                <td>{TYPES[e.record_type] ?? e.record_type}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
