// "Importér fra fagsystem" ("#/admin/import", admins, online only): choose the case system's
// CSV export and the team, see the dry run as a table (rows, new, changed, unchanged per
// record type, and every problem by row and column), then "Importér" (docs/protocol.md 9).
// The imported records reach the team's tablets at their next sync.
import { useEffect, useState } from "preact/hooks";
import { useObservable } from "../../observable.js";
import { currentSession, sessionState } from "../../store/session.js";
import { NetworkError, api } from "../../transport.js";
import "./admin.css";

const TYPES = [
  ["citizen", "Borgere"],
  ["company", "Virksomheder"],
  ["placement", "Forløb"],
];
const COLUMNS = [
  ["created", "Nye"],
  ["updated", "Ændrede"],
  ["unchanged", "Uændrede"],
];

async function send(path, options) {
  try {
    const { token } = await currentSession();
    return await api("POST", path, { token, ...options, timeoutMs: 300_000 });
  } catch (error) {
    if (error instanceof NetworkError) return { status: 0, body: null };
    throw error;
  }
}

/** The teams the admin may choose (all teams when the server lists them, else the own team). */
function useTeams(user) {
  const [teams, setTeams] = useState([{ id: user?.team_id, name: "Dit eget team" }]);
  useEffect(() => {
    currentSession()
      .then(({ token }) => api("GET", "/admin/teams", { token }))
      .then((answer) => {
        if (answer.status === 200 && answer.body?.teams?.length) setTeams(answer.body.teams);
      })
      .catch(() => {});
  }, []);
  return teams;
}

function Summary({ summary }) {
  return (
    <table class="import-summary">
      <caption>
        {summary.rows} {summary.rows === 1 ? "række" : "rækker"} i filen
      </caption>
      <thead>
        <tr>
          <th scope="col">Type</th>
          {COLUMNS.map(([, label]) => (
            <th key={label} scope="col">
              {label}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {TYPES.map(([type, label]) => (
          <tr key={type}>
            <th scope="row">{label}</th>
            {COLUMNS.map(([key]) => (
              <td key={key}>{summary[key]?.[type] ?? 0}</td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function Problems({ errors }) {
  return (
    <table class="import-problems">
      <caption>{errors.length} fejl: intet er importeret</caption>
      <thead>
        <tr>
          <th scope="col">Række</th>
          <th scope="col">Kolonne</th>
          <th scope="col">Fejl</th>
        </tr>
      </thead>
      <tbody>
        {errors.map((e, i) => (
          <tr key={i}>
            <td>{e.row === 0 ? "Overskrift" : e.row}</td>
            <td>{e.column}</td>
            <td>{e.message}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** The import screen. */
export function ImportCases() {
  const { user } = useObservable(sessionState);
  const teams = useTeams(user);
  const [teamId, setTeamId] = useState(user?.team_id ?? "");
  const [file, setFile] = useState(null);
  const [state, setState] = useState({ step: "choose" });
  if (user?.role !== "admin")
    return <p class="message error">Kun administratorer kan importere fra fagsystemet.</p>;

  async function run(dryRun) {
    setState({ ...state, busy: true });
    const answer = await send("/admin/import", {
      query: { team_id: teamId, ...(dryRun ? { dry_run: "1" } : {}) },
      file: { type: "text/csv", data: file },
    });
    if (answer.status === 0)
      return setState({ step: "choose", problem: "Ingen forbindelse. Importen kræver net." });
    if (!answer.body || (answer.status !== 200 && !Array.isArray(answer.body.errors))) {
      return setState({
        step: "choose",
        problem: answer.body?.detail ?? "Serveren kunne ikke importere filen.",
      });
    }
    setState({ step: dryRun ? "checked" : "done", summary: answer.body });
  }

  const summary = state.summary;
  return (
    <>
      <h1>Importér fra fagsystem</h1>
      <p>
        Vælg fagsystemets CSV-udtræk (UTF-8 eller Windows-1252, semikolon eller komma). Først vises
        en prøvekørsel; intet gemmes, før du vælger "Importér". Borgere genkendes på CPR-nummer,
        virksomheder på CVR-nummer og forløb på borger, virksomhed, forløbstype og startdato.
      </p>
      <div class="card form-grid">
        <div>
          <label for="import-file">CSV-fil</label>
          <input
            id="import-file"
            type="file"
            accept=".csv,text/csv"
            onChange={(e) => {
              setFile(e.currentTarget.files[0] ?? null);
              setState({ step: "choose" });
            }}
          />
        </div>
        <div>
          <label for="import-team">Team</label>
          <select
            id="import-team"
            value={teamId}
            onChange={(e) => {
              setTeamId(e.currentTarget.value);
              setState({ step: "choose" });
            }}
          >
            {teams.map((t) => (
              <option key={t.id} value={t.id}>
                {t.name}
              </option>
            ))}
          </select>
        </div>
      </div>
      <div class="actions">
        <button
          type="button"
          class="secondary"
          disabled={!file || state.busy}
          onClick={() => run(true)}
        >
          Prøvekørsel
        </button>
        {state.step === "checked" && !summary.errors.length && (
          <button type="button" disabled={state.busy} onClick={() => run(false)}>
            Importér
          </button>
        )}
        <span aria-live="polite">{state.busy ? "Arbejder …" : ""}</span>
      </div>
      {state.problem && (
        <p class="message error" role="alert">
          {state.problem}
        </p>
      )}
      {summary && (
        <section class="card" aria-labelledby="import-result" aria-live="polite">
          <h2 id="import-result">{state.step === "done" ? "Importeret" : "Prøvekørsel"}</h2>
          {state.step === "done" && (
            <p class="message ok">
              Importen er gemt. Teamets tablets får posterne ved næste synkronisering.
            </p>
          )}
          <Summary summary={summary} />
          {summary.errors.length > 0 && <Problems errors={summary.errors} />}
        </section>
      )}
    </>
  );
}
