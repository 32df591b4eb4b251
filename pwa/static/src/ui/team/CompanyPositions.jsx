// A company's open positions (openings and job orders) with their age, on its page.
import { todayIso } from "../../dates.js";
import { listLabel, useLists } from "../../net/lists.js";
import { listReferencing } from "../../store/queries.js";
import { getRecord } from "../../store/records.js";
import { useQuery } from "../useQuery.js";
import { Age } from "../OpenPositions.jsx";
import { openPositions } from "./positions.js";
import { CONTACT_RESULTS } from "./words.js";
import { paths } from "../routes.js";
import "./team.css";

async function read(companyId) {
  const [contacts, orders, company] = await Promise.all([
    listReferencing("company_contact", companyId),
    listReferencing("job_order", companyId),
    getRecord(companyId),
  ]);
  return openPositions({
    contacts,
    orders,
    today: todayIso(),
    companies: new Map([[companyId, company?.data ?? {}]]),
  });
}

/** The section "Åbne pladser" of a company page. */
export function CompanyPositions({ companyId }) {
  const rows = useQuery(() => read(companyId), [companyId]);
  const lists = useLists();
  return (
    <section class="card team" aria-labelledby="b-positions">
      <h2 id="b-positions">Åbne pladser</h2>
      {!rows?.length ? (
        <p class="empty">Ingen åbne pladser.</p>
      ) : (
        <ul class="plain">
          {rows.map((row) => (
            <li key={row.id}>
              <Age age={row.age} />{" "}
              <a href={row.source === "job_order" ? paths.jobOrder(row.id) : paths.contact(row.id)}>
                {row.title || CONTACT_RESULTS[row.offer] || "Åbning"}
              </a>
              <span class="meta">
                {" "}
                · {row.open} {row.open === 1 ? "plads" : "pladser"}
                {row.jobFunction ? ` · ${listLabel(lists.job_functions, row.jobFunction)}` : ""}
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
