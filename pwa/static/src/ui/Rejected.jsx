// Changes the server rejected: each stays with the server's message until the user fixes
// it ("Ret" opens the form with the rejected data) or gives it up ("Kassér").
import { discardRejected, rejectedChanges } from "../store/records.js";
import { useQuery } from "./useQuery.js";
import { TYPE_NAMES, problemLines } from "./labels.js";
import { navigate, paths } from "./routes.js";

/** Where each record type is fixed: the path of its form. */
const FORMS = {
  company: paths.editCompany,
  meeting: paths.meeting,
  job_order: paths.jobOrder,
  placement: paths.placement,
  assessment: paths.assessment,
  agreement: paths.agreement,
  task: () => paths.tasks(),
};

/** The list of rejected changes. */
export function Rejected() {
  const changes = useQuery(rejectedChanges, []);
  if (changes === undefined) return <p>Henter …</p>;
  return (
    <>
      <h1>Afviste ændringer</h1>
      {changes.length === 0 && <p class="empty">Ingen afviste ændringer.</p>}
      {changes.map((change) => (
        <RejectedChange key={change.seq} change={change} />
      ))}
    </>
  );
}

function RejectedChange({ change }) {
  const title = `${TYPE_NAMES[change.type] || change.type}: ${change.label}`;
  return (
    <article class="card" aria-label={title}>
      <h2>{title}</h2>
      <p>{change.op === "delete" ? "Sletning" : "Ændring"} afvist af serveren:</p>
      <ul class="message error">
        {problemLines(change.problem, change.type).map((line) => (
          <li key={line}>{line}</li>
        ))}
      </ul>
      <div class="actions">
        {FORMS[change.type] && change.op !== "delete" && (
          <button type="button" onClick={() => navigate(FORMS[change.type](change.id))}>
            Ret
          </button>
        )}
        <button type="button" class="danger" onClick={() => discardRejected(change.seq)}>
          Kassér
        </button>
      </div>
    </article>
  );
}
