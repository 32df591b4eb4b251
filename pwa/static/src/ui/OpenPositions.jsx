// "Åbne pladser": every open opening and open job order of the team, on the device (works
// offline), oldest first, with its age: yellow ("Ældes", ⚠) from 7 days, red ("Haster", ‼)
// from 14 (seed 003). Filters by job function, company type and consultant.
import { useState } from "preact/hooks";
import { todayIso } from "../dates.js";
import { listLabel, useLists } from "../net/lists.js";
import { listRecords } from "../store/queries.js";
import { useSettledQuery } from "./useQuery.js";
import { useObservable } from "../observable.js";
import { sessionState } from "../store/session.js";
import { userName, useUsers } from "../net/users.js";
import { filterPositions, openPositions } from "./team/positions.js";
import { CONTACT_RESULTS } from "./team/words.js";
import { paths } from "./routes.js";
import "./team/team.css";

const OFFERS = { ...CONTACT_RESULTS, ordinary: "Ordinær åbning" };

/** The open positions of the team from the device's records. */
export function readOpenPositions(userId) {
  return Promise.all([
    listRecords("company_contact"),
    listRecords("job_order"),
    listRecords("company"),
  ]).then(([contacts, orders, companies]) =>
    openPositions({
      contacts,
      orders,
      userId,
      today: todayIso(),
      companies: new Map(companies.map((c) => [c.id, c.data])),
    }),
  );
}

/** One position's age as a word, an icon and a colour. */
export function Age({ age }) {
  const days = age.days === 1 ? "1 dag" : `${age.days} dage`;
  return (
    <span class={`age ${age.level}`}>
      {age.icon && <span aria-hidden="true">{age.icon} </span>}
      {age.word}: {days}
    </span>
  );
}

function Select({ id, label, value, onChange, options }) {
  return (
    <div>
      <label for={id}>{label}</label>
      <select id={id} value={value} onChange={(e) => onChange(e.currentTarget.value)}>
        <option value="">Alle</option>
        {options.map(([key, text]) => (
          <option key={key} value={key}>
            {text}
          </option>
        ))}
      </select>
    </div>
  );
}

/** The screen. */
export function OpenPositions() {
  const { user } = useObservable(sessionState);
  const rows = useSettledQuery(() => readOpenPositions(user?.id ?? null), [user?.id]);
  const lists = useLists();
  const users = useUsers();
  const [filter, setFilter] = useState({ jobFunction: "", companyType: "", userId: "" });
  if (rows === undefined) return <p>Henter …</p>;
  const shown = filterPositions(rows, filter);
  const set = (key) => (value) => setFilter({ ...filter, [key]: value });
  const places = shown.reduce((sum, row) => sum + row.open, 0);
  return (
    <div class="team">
      <h1>Åbne pladser</h1>
      <p class="meta">
        Åbninger og jobordrer i teamet, ældste først. Gul efter 7 dage, rød efter 14.
      </p>
      <div class="filters card">
        <Select
          id="filter-function"
          label="Jobfunktion"
          value={filter.jobFunction}
          onChange={set("jobFunction")}
          options={lists.job_functions.map((f) => [f.id, f.label])}
        />
        <Select
          id="filter-type"
          label="Virksomhedstype"
          value={filter.companyType}
          onChange={set("companyType")}
          options={lists.company_types.map((t) => [t.id, t.label])}
        />
        <Select
          id="filter-user"
          label="Konsulent"
          value={filter.userId}
          onChange={set("userId")}
          options={users.map((u) => [u.id, u.display_name || u.username])}
        />
      </div>
      <p aria-live="polite">
        {shown.length === 0
          ? "Ingen åbne pladser."
          : `${places} åbne pladser i ${shown.length} ${shown.length === 1 ? "åbning eller jobordre" : "åbninger og jobordrer"}.`}
      </p>
      {shown.length > 0 && (
        <div class="scroll card" tabIndex={0} role="region" aria-label="Åbne pladser">
          <table class="figures positions">
            <caption>Åbne pladser, ældste først</caption>
            <thead>
              <tr>
                <th scope="col">Alder</th>
                <th scope="col">Virksomhed</th>
                <th scope="col">Åbning</th>
                <th scope="col">Jobfunktion</th>
                <th scope="col">Virksomhedstype</th>
                <th scope="col" class="n">
                  Pladser
                </th>
                <th scope="col">Konsulent</th>
              </tr>
            </thead>
            <tbody>
              {shown.map((row) => (
                <tr key={row.id} class={`position ${row.age.level}`}>
                  <td>
                    <Age age={row.age} />
                  </td>
                  <td>
                    <a
                      href={
                        row.source === "job_order" ? paths.jobOrder(row.id) : paths.contact(row.id)
                      }
                    >
                      {row.companyName || "Virksomhed"}
                    </a>
                    {row.title ? ` – ${row.title}` : ""}
                  </td>
                  <td>
                    {OFFERS[row.offer] ?? row.offer}
                    {row.source === "job_order" ? " (jobordre)" : ""}
                  </td>
                  <td>{listLabel(lists.job_functions, row.jobFunction)}</td>
                  <td>{listLabel(lists.company_types, row.companyType)}</td>
                  <td class="n">{row.open}</td>
                  <td>{row.userId ? userName(users, row.userId) : ""}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
