// The Brancheredskab's charts (seed 003, tab 2) from the records on the device: open
// positions by company type and by job function, and "where we call and find nothing":
// contacts without openings by company type over the last 3, 6 or 12 months. Every chart
// writes its numbers beside its bars (the bars are a list with each value in text).
import { useState } from "preact/hooks";
import { todayIso } from "../../dates.js";
import { listLabel, useLists } from "../../net/lists.js";
import { listRecords } from "../../store/queries.js";
import { useSettledQuery } from "../useQuery.js";
import { Bars } from "./ReportTables.jsx";
import { monthsBefore, noOpeningsByType, totalsBy } from "./positions.js";

async function read() {
  const [contacts, companies] = await Promise.all([
    listRecords("company_contact"),
    listRecords("company"),
  ]);
  return { contacts, companies: new Map(companies.map((c) => [c.id, c.data])) };
}

/** The charts; `positions` are the open positions (ui/team/positions.js). */
export function Brancheredskab({ positions }) {
  const lists = useLists();
  const [months, setMonths] = useState(3);
  const data = useSettledQuery(read, []);
  const label =
    (items) =>
    ([id, n]) => [id ? listLabel(items, id) : "Ikke angivet", n];
  const byType = totalsBy(
    positions,
    (p) => p.companyType,
    (p) => p.open,
  ).map(label(lists.company_types));
  const byFunction = totalsBy(
    positions,
    (p) => p.jobFunction,
    (p) => p.open,
  ).map(label(lists.job_functions));
  const nothing = data
    ? noOpeningsByType(data.contacts, data.companies, monthsBefore(todayIso(), months)).map(
        label(lists.company_types),
      )
    : [];
  return (
    <section class="card" aria-labelledby="branche-title">
      <h2 id="branche-title">Brancheredskab</h2>
      <Bars id="open-by-type" title="Åbne pladser efter virksomhedstype" rows={byType} />
      <Bars id="open-by-function" title="Åbne pladser efter jobfunktion" rows={byFunction} />
      <fieldset class="choices">
        <legend>Kontakter uden åbning, seneste</legend>
        {[3, 6, 12].map((n) => (
          <label class="choice" key={n}>
            <input
              type="radio"
              name="nothing-months"
              checked={months === n}
              onChange={() => setMonths(n)}
            />
            <span>{n} måneder</span>
          </label>
        ))}
      </fieldset>
      <Bars
        id="no-openings"
        title={`Hvor vi ringer og intet finder: kontakter uden åbning de seneste ${months} måneder, efter virksomhedstype`}
        rows={nothing}
      />
      {nothing.length === 0 && <p class="empty">Ingen kontakter uden åbning i perioden.</p>}
    </section>
  );
}
