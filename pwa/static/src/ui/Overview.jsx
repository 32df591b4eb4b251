// "Overblik" (leads: the team) and "Mit overblik" (a consultant: their own figures, the
// same screen): the activity report for a period as charts and tables (docs/protocol.md 8), the
// Brancheredskab charts and Målstyring. The report needs the network; offline the screen
// shows the last figures it fetched, with their time. The register charts come from the
// records on the device.
import { useEffect, useState } from "preact/hooks";
import { danishDateTime, todayIso } from "../dates.js";
import { useObservable } from "../observable.js";
import { fetchReport, reportFile } from "../net/reports.js";
import { useSettledQuery } from "./useQuery.js";
import { sessionState } from "../store/session.js";
import { userName, useUsers } from "../net/users.js";
import { readOpenPositions } from "./OpenPositions.jsx";
import { TextField } from "./meeting/fields.jsx";
import { Brancheredskab } from "./team/Brancheredskab.jsx";
import { Goals } from "./team/Goals.jsx";
import { PERIODS, periodOf } from "./team/periods.js";
import { ReportTables } from "./team/ReportTables.jsx";
import "./team/team.css";

function useReport(query) {
  const [state, setState] = useState({ loading: true });
  const key = JSON.stringify(query);
  useEffect(() => {
    let stopped = false;
    setState((old) => ({ ...old, loading: true }));
    fetchReport(query).then(
      (answer) => !stopped && setState({ ...answer, loading: false }),
      () => !stopped && setState({ loading: false, problem: "Rapporten kunne ikke hentes" }),
    );
    return () => {
      stopped = true;
    };
  }, [key]);
  return state;
}

/** Save the report as a file through a temporary download link. */
async function download(period, format) {
  const blob = await reportFile(period, format);
  if (!blob) return;
  const link = document.createElement("a");
  link.href = URL.createObjectURL(blob);
  link.download = `aktivitet-${period.from}-${period.to}.${format}`;
  link.click();
  setTimeout(() => URL.revokeObjectURL(link.href), 1000);
}

function Fetched({ state }) {
  if (state.loading && !state.report) return <p>Henter tal …</p>;
  if (state.problem)
    return (
      <p class="message error" role="alert">
        {state.problem}
      </p>
    );
  if (state.offline && !state.report)
    return (
      <p class="message info">
        Overblikket kræver netværk, og der er ingen hentede tal for perioden på enheden.
      </p>
    );
  const time = danishDateTime(new Date(state.fetchedAt).toISOString());
  return (
    <p class={state.offline ? "message info" : "meta"} aria-live="polite">
      {state.offline ? `Offline: viser tallene hentet ${time}.` : `Hentet ${time}.`}
    </p>
  );
}

/** The overview screen. */
export function Overview() {
  const { user } = useObservable(sessionState);
  const users = useUsers();
  const lead = user?.role === "lead" || user?.role === "admin";
  const today = todayIso();
  const [kind, setKind] = useState("month");
  const [custom, setCustom] = useState(periodOf("month", today));
  const period = kind === "custom" ? custom : periodOf(kind, today);
  const valid =
    /^\d{4}-\d{2}-\d{2}$/.test(period.from) &&
    /^\d{4}-\d{2}-\d{2}$/.test(period.to) &&
    period.from <= period.to;
  const state = useReport(valid ? period : periodOf("month", today));
  const year = useReport(periodOf("year", today));
  const positions = useSettledQuery(() => readOpenPositions(user?.id ?? null), [user?.id]);
  const nameOf = (id) => userName(users, id);
  return (
    <div class="team overview">
      <h1>{lead ? "Overblik" : "Mit overblik"}</h1>
      <section class="card" aria-labelledby="period-title">
        <h2 id="period-title">Periode</h2>
        <div class="periods" role="group" aria-label="Vælg periode">
          {Object.entries({ ...PERIODS, custom: "Fra–til" }).map(([k, label]) => (
            <button
              key={k}
              type="button"
              class="secondary"
              aria-pressed={kind === k ? "true" : "false"}
              onClick={() => setKind(k)}
            >
              {label}
            </button>
          ))}
        </div>
        {kind === "custom" && (
          <div class="form-grid">
            <TextField
              id="period-from"
              type="date"
              label="Fra"
              value={custom.from}
              onInput={(v) => setCustom({ ...custom, from: v })}
            />
            <TextField
              id="period-to"
              type="date"
              label="Til"
              value={custom.to}
              onInput={(v) => setCustom({ ...custom, to: v })}
              error={valid ? undefined : "Til-datoen må ikke ligge før fra-datoen"}
            />
          </div>
        )}
        <p class="meta">
          {period.from} – {period.to}
        </p>
        <Fetched state={state} />
        {state.report && !state.offline && (
          <div class="actions">
            <button type="button" class="secondary" onClick={() => download(period, "xlsx")}>
              Hent som Excel
            </button>
            <button type="button" class="secondary" onClick={() => download(period, "csv")}>
              Hent som CSV
            </button>
          </div>
        )}
      </section>
      {state.report && <ReportTables report={state.report} nameOf={nameOf} single={!lead} />}
      {positions && <Brancheredskab positions={positions} />}
      <Goals
        totals={year.report?.totals ?? null}
        byWeek={year.report?.by_week ?? null}
        canEdit={user?.role === "lead"}
      />
    </div>
  );
}
