// Read-only views of records fetched from the server because the device no longer holds
// them (ServerCopy.jsx): a meeting as its journal note, an assessment's answers and an
// agreement's content through the template renderer.
import { findTemplate, useTemplates } from "../net/templates.js";
import { longDate } from "../dates.js";
import { journalText } from "./meeting/journal.js";
import { Journal } from "./meeting/Journal.jsx";
import { useServerCopy } from "./ServerCopy.jsx";
import { TemplateForm } from "./template/TemplateForm.jsx";
import { AGREEMENT_STATUSES, ASSESSOR_ROLES, MEETING_KINDS } from "./words.js";
import { paths } from "./routes.js";

/** A back link to the record's placement (on the device or on the server). */
function PlacementLink({ placementId }) {
  return placementId ? (
    <p>
      <a class="back" href={paths.placement(placementId)}>
        ← Forløbet
      </a>
    </p>
  ) : null;
}

/** A meeting from the server: its kind, company and journal note. */
export function RemoteMeeting({ meeting }) {
  const company = useServerCopy("company", meeting.data.company_id);
  const companyName = company?.record?.data.name;
  return (
    <>
      <PlacementLink placementId={meeting.data.placement_id} />
      <h1>
        {MEETING_KINDS[meeting.data.kind] ?? "Møde"}
        {companyName ? ` – ${companyName}` : ""}
      </h1>
      <Journal text={journalText(meeting.data, { companyName })} />
    </>
  );
}

/** An assessment or agreement from the server, its template's items shown as text. */
export function RemoteTemplateRecord({ record }) {
  const templates = useTemplates();
  const placement = useServerCopy("placement", record.data.placement_id);
  const d = record.data;
  const template = findTemplate(templates, d.template_key, d.template_version);
  const assessment = record.type === "assessment";
  const meta = assessment
    ? [longDate(d.assessed_on), ASSESSOR_ROLES[d.assessor_role]]
    : [`Status: ${AGREEMENT_STATUSES[d.status ?? "draft"]}`];
  return (
    <>
      <PlacementLink placementId={d.placement_id} />
      <h1>{template?.title ?? (assessment ? "Vurdering" : "Aftale")}</h1>
      <p class="meta">{meta.filter(Boolean).join(" · ")}</p>
      {template ? (
        <TemplateForm
          definition={template.definition}
          values={(assessment ? d.answers : d.content) ?? {}}
          readOnly
          idPrefix="remote"
          context={{ workFunctions: placement?.record?.data.work_functions ?? [] }}
        />
      ) : (
        <p class="message error">
          Skabelonen findes ikke på enheden. Synkronisér, når der er net, så hentes den.
        </p>
      )}
    </>
  );
}
