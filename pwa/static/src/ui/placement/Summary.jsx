// The top of the placement page: who, what kind, which company, the period and status, the
// citizen's sensitive fields masked until tapped, and the A/B/C job goals. Shared by the
// page on the device and the read-only server copy of a purged placement.
import { Fragment } from "preact";
import { longDate } from "../../dates.js";
import { JOB_GOALS, PLACEMENT_KINDS, PLACEMENT_STATUSES } from "../words.js";
import { Masked } from "./Sensitive.jsx";
import { paths } from "../routes.js";

/** Heading, facts and citizen of a placement; `contacts` are the company's contact records. */
export function PlacementSummary({ placement, citizen, company, contacts, children }) {
  const d = placement.data;
  const person = (contactId) => contacts.find((c) => c.id === contactId)?.data.name;
  const citizenData = citizen?.data ?? {};
  const goals = citizenData.job_goals ?? {};
  return (
    <>
      {company && (
        <p>
          <a class="back" href={paths.company(company.id)}>
            ← {company.data.name || "Virksomheden"}
          </a>
        </p>
      )}
      <h1>
        {citizenData.name || "Borger"}{" "}
        <span class="pl-kind">· {PLACEMENT_KINDS[d.kind] ?? "Forløb"}</span>
      </h1>
      {children}
      <div class="pl-top">
        <section class="card" aria-labelledby="pl-facts">
          <h2 id="pl-facts">Forløbet</h2>
          <dl class="facts">
            <dt>Type</dt>
            <dd>{PLACEMENT_KINDS[d.kind] ?? "Ukendt"}</dd>
            <dt>Virksomhed</dt>
            <dd>
              {company ? (
                <a href={paths.company(company.id)}>{company.data.name || "Uden navn"}</a>
              ) : (
                "Findes ikke på enheden"
              )}
            </dd>
            <dt>Periode</dt>
            <dd>
              {longDate(d.start_date)} – {d.end_date ? longDate(d.end_date) : "ingen slutdato"}
            </dd>
            <dt>Status</dt>
            <dd>{PLACEMENT_STATUSES[d.status] ?? "Ikke angivet"}</dd>
            <dt>Kontaktperson</dt>
            <dd>{person(d.contact_id) ?? "Ikke valgt"}</dd>
            <dt>Mentor</dt>
            <dd>{person(d.mentor_id) ?? "Ikke valgt"}</dd>
          </dl>
        </section>
        <section class="card" aria-labelledby="pl-citizen">
          <h2 id="pl-citizen">Borgeren</h2>
          {citizen && (
            <p>
              <a href={paths.citizen(citizen.id)}>Ret borgerens oplysninger</a>
            </p>
          )}
          <Masked
            id="pl-cpr"
            label="CPR-nummer"
            value={citizenData.cpr}
            citizenId={citizen?.id}
            show="Vis CPR-nummer"
            hide="Skjul CPR-nummer"
            mask="••••••-••••"
          />
          <Masked
            id="pl-care"
            label="Skånehensyn"
            value={citizenData.special_considerations}
            citizenId={citizen?.id}
            show="Vis skånehensyn"
            hide="Skjul skånehensyn"
            mask="Skjult"
            multiline
          />
          <h3>Jobmål (ABC-jobplan)</h3>
          <dl class="facts pl-goals">
            {JOB_GOALS.map(([key, label]) => (
              <Fragment key={key}>
                <dt>{label}</dt>
                <dd>{goals[key] || <span class="empty">Ikke udfyldt</span>}</dd>
              </Fragment>
            ))}
          </dl>
        </section>
      </div>
    </>
  );
}
