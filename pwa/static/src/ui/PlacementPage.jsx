// The placement page ("#/forloeb/<placementId>"): a citizen at a company. Who, what kind,
// which company, the period and status; the citizen's sensitive fields masked until
// tapped; A/B/C job goals; purpose, goals, contact person and mentor; work functions;
// the weekly hours as a chart; progression charts; meetings, assessments and agreements.
// Opening the page logs the access ("placement"); everything reads the local store live.
import { Fragment } from "preact";
import { useEffect } from "preact/hooks";
import { logOpened } from "../store/audit.js";
import { getMany, listReferencing } from "../store/queries.js";
import { getRecord, useQuery } from "../store/records.js";
import { useTemplates } from "../store/templates.js";
import { HoursChart } from "./charts/HoursChart.jsx";
import { Progression } from "./charts/Progression.jsx";
import { problemLines } from "./labels.js";
import { HoursEditor, PlacementFields, WorkFunctions } from "./placement/Editors.jsx";
import { Agreements, Assessments, Meetings } from "./placement/Related.jsx";
import { Masked } from "./placement/Sensitive.jsx";
import { danishDate, JOB_GOALS, PLACEMENT_KINDS, PLACEMENT_STATUSES } from "./placement/words.js";
import "./placement/placement.css";

async function readPlacement(id) {
  const placement = await getRecord(id);
  if (!placement || placement.type !== "placement") return { placement: null };
  const d = placement.data;
  const [citizen, company] = await getMany([d.citizen_id, d.company_id].filter(Boolean));
  const [contacts, meetings, assessments, agreements] = await Promise.all([
    d.company_id ? listReferencing("contact", d.company_id) : [],
    listReferencing("meeting", id), listReferencing("assessment", id), listReferencing("agreement", id)]);
  return { placement, citizen, company, contacts, meetings, assessments, agreements };
}

/** The placement page. */
export function PlacementPage({ id }) {
  const found = useQuery(() => readPlacement(id), [id]);
  const templates = useTemplates();
  useEffect(() => { logOpened("placement", id); }, [id]);
  if (found === undefined) return <p>Henter …</p>;
  const { placement, citizen, company, contacts, meetings, assessments, agreements } = found;
  if (!placement) return <p class="message error">Forløbet findes ikke på enheden.</p>;
  if (placement.deleted) return <p class="message info">Forløbet er slettet.</p>;
  const d = placement.data;
  const person = (contactId) => contacts.find((c) => c.id === contactId)?.data.name;
  const citizenData = citizen?.data ?? {};
  const goals = citizenData.job_goals ?? {};
  return (
    <>
      {company && <p><a class="back" href={`#/virksomheder/${company.id}`}>← {company.data.name || "Virksomheden"}</a></p>}
      <h1>{citizenData.name || "Borger"} <span class="pl-kind">· {PLACEMENT_KINDS[d.kind] ?? "Forløb"}</span></h1>
      {placement.problem && (
        <div class="message error">
          <p>Serveren afviste den seneste ændring:</p>
          <ul>{problemLines(placement.problem, "placement").map((line) => <li key={line}>{line}</li>)}</ul>
        </div>
      )}
      <div class="pl-top">
        <section class="card" aria-labelledby="pl-facts">
          <h2 id="pl-facts">Forløbet</h2>
          <dl class="facts">
            <dt>Type</dt><dd>{PLACEMENT_KINDS[d.kind] ?? "Ukendt"}</dd>
            <dt>Virksomhed</dt>
            <dd>{company ? <a href={`#/virksomheder/${company.id}`}>{company.data.name || "Uden navn"}</a> : "Findes ikke på enheden"}</dd>
            <dt>Periode</dt><dd>{danishDate(d.start_date)} – {d.end_date ? danishDate(d.end_date) : "ingen slutdato"}</dd>
            <dt>Status</dt><dd>{PLACEMENT_STATUSES[d.status] ?? "Ikke angivet"}</dd>
            <dt>Kontaktperson</dt><dd>{person(d.contact_id) ?? "Ikke valgt"}</dd>
            <dt>Mentor</dt><dd>{person(d.mentor_id) ?? "Ikke valgt"}</dd>
          </dl>
        </section>
        <section class="card" aria-labelledby="pl-citizen">
          <h2 id="pl-citizen">Borgeren</h2>
          <Masked id="pl-cpr" label="CPR-nummer" value={citizenData.cpr} citizenId={citizen?.id}
            show="Vis CPR-nummer" hide="Skjul CPR-nummer" mask="••••••-••••" />
          <Masked id="pl-care" label="Skånehensyn" value={citizenData.special_considerations} citizenId={citizen?.id}
            show="Vis skånehensyn" hide="Skjul skånehensyn" mask="Skjult" multiline />
          <h3>Jobmål (ABC-jobplan)</h3>
          <dl class="facts pl-goals">
            {JOB_GOALS.map(([key, label]) => (
              <Fragment key={key}><dt>{label}</dt><dd>{goals[key] || <span class="empty">Ikke udfyldt</span>}</dd></Fragment>
            ))}
          </dl>
        </section>
      </div>
      <PlacementFields placement={placement} contacts={contacts} />
      <WorkFunctions placement={placement} />
      <section class="card" aria-labelledby="pl-hours">
        <h2 id="pl-hours">Timer pr. uge</h2>
        <HoursChart hours={d.hours ?? []} />
        <HoursEditor placement={placement} />
      </section>
      <section class="card" aria-labelledby="pl-progress">
        <h2 id="pl-progress">Progression</h2>
        <Progression assessments={assessments} templates={templates} workFunctions={d.work_functions ?? []} />
      </section>
      <Meetings meetings={meetings} companyId={d.company_id} placementId={placement.id} />
      <Assessments assessments={assessments} templates={templates} placementId={placement.id} />
      <Agreements agreements={agreements} templates={templates} placementId={placement.id} />
    </>
  );
}
