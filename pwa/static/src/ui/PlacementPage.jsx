// The placement page ("#/forloeb/<placementId>"): a citizen at a company. Who, what kind,
// which company, the period and status; the citizen's sensitive fields masked until
// tapped; A/B/C job goals; purpose, goals, contact person and mentor; work functions;
// the weekly hours as a chart; progression charts; "Afslut forløb"; meetings, assessments
// and agreements.
// Opening the page logs the access ("placement"); everything reads the local store live.
// A placement no longer on the device (data minimisation) shows the server's copy read-only.
import { useEffect } from "preact/hooks";
import { logOpened } from "../store/audit.js";
import { getMany, listReferencing } from "../store/queries.js";
import { getRecord } from "../store/records.js";
import { useQuery } from "./useQuery.js";
import { useTemplates } from "../net/templates.js";
import { HoursChart } from "./charts/HoursChart.jsx";
import { Progression } from "./charts/Progression.jsx";
import { problemLines } from "./labels.js";
import { HoursEditor, PlacementFields, WorkFunctions } from "./placement/Editors.jsx";
import { EndPlacement } from "./placement/EndPlacement.jsx";
import { Agreements, Assessments, Meetings } from "./placement/Related.jsx";
import { PlacementSummary } from "./placement/Summary.jsx";
import { ServerCopy, useServerCopy } from "./ServerCopy.jsx";
import "./placement/placement.css";

async function readPlacement(id) {
  const placement = await getRecord(id);
  if (!placement || placement.type !== "placement") return { placement: null };
  const d = placement.data;
  const [citizen, company] = await getMany([d.citizen_id, d.company_id].filter(Boolean));
  const [contacts, meetings, assessments, agreements] = await Promise.all([
    d.company_id ? listReferencing("contact", d.company_id) : [],
    listReferencing("meeting", id),
    listReferencing("assessment", id),
    listReferencing("agreement", id),
  ]);
  return { placement, citizen, company, contacts, meetings, assessments, agreements };
}

/** The placement page. */
export function PlacementPage({ id }) {
  const found = useQuery(() => readPlacement(id), [id]);
  const templates = useTemplates();
  useEffect(() => {
    logOpened("placement", id);
  }, [id]);
  if (found === undefined) return <p>Henter …</p>;
  const { placement, citizen, company, contacts, meetings, assessments, agreements } = found;
  if (!placement) {
    return (
      <ServerCopy
        type="placement"
        id={id}
        missing="Forløbet findes ikke på enheden."
        deleted="Forløbet er slettet."
      >
        {(remote) => <RemotePlacement placement={remote} />}
      </ServerCopy>
    );
  }
  if (placement.deleted) return <p class="message info">Forløbet er slettet.</p>;
  const d = placement.data;
  return (
    <>
      <PlacementSummary
        placement={placement}
        citizen={citizen}
        company={company}
        contacts={contacts}
      >
        {placement.problem && (
          <div class="message error">
            <p>Serveren afviste den seneste ændring:</p>
            <ul>
              {problemLines(placement.problem, "placement").map((line) => (
                <li key={line}>{line}</li>
              ))}
            </ul>
          </div>
        )}
      </PlacementSummary>
      <AccessLogged />
      <PlacementFields placement={placement} contacts={contacts} />
      <WorkFunctions placement={placement} />
      <section class="card" aria-labelledby="pl-hours">
        <h2 id="pl-hours">Timer pr. uge</h2>
        <HoursChart hours={d.hours ?? []} />
        <HoursEditor placement={placement} />
      </section>
      <section class="card" aria-labelledby="pl-progress">
        <h2 id="pl-progress">Progression</h2>
        <Progression
          assessments={assessments}
          templates={templates}
          workFunctions={d.work_functions ?? []}
        />
      </section>
      <EndPlacement placement={placement} />
      <Meetings meetings={meetings} companyId={d.company_id} placementId={placement.id} />
      <Assessments assessments={assessments} templates={templates} placementId={placement.id} />
      <Agreements agreements={agreements} templates={templates} placementId={placement.id} />
    </>
  );
}

/** A purged placement from the server, read-only: its summary and weekly hours. */
function RemotePlacement({ placement }) {
  const citizen = useServerCopy("citizen", placement.data.citizen_id);
  const company = useServerCopy("company", placement.data.company_id);
  const contacts = useQuery(
    () => listReferencing("contact", placement.data.company_id ?? ""),
    [placement.data.company_id],
  );
  if (citizen === undefined || company === undefined)
    return <p role="status">Henter fra serveren …</p>;
  return (
    <>
      <PlacementSummary
        placement={placement}
        citizen={citizen.record}
        company={company.record}
        contacts={contacts ?? []}
      />
      <section class="card" aria-labelledby="pl-hours">
        <h2 id="pl-hours">Timer pr. uge</h2>
        <HoursChart hours={placement.data.hours ?? []} />
      </section>
      <p class="message info">Forløbets møder, vurderinger og aftaler ligger kun på serveren.</p>
    </>
  );
}

/** The consultant's reminder that reading the citizen's data is logged. */
function AccessLogged() {
  return (
    <p class="message info audit-note">
      Adgang til borgerens oplysninger logges: hvem, hvornår og fra hvilken enhed. Borgeren kan få
      indsigt i loggen, og din leder kan se den.
    </p>
  );
}
