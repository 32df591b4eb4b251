// Målstyring (seed 003; docs/domain.md team_goal): the year's target per indicator, the year so
// far against the target and against where the team should be by now. The figures of the
// record indicators come from the activity report (the year so far); custom indicators are
// registered by hand per week. Leads set targets; consultants see the goals read-only.
import { useState } from "preact/hooks";
import { todayIso } from "../../dates.js";
import { listRecords } from "../../store/queries.js";
import { saveRecord } from "../../store/records.js";
import { useSettledQuery } from "../useQuery.js";
import { TextField } from "../meeting/fields.jsx";
import { expectedByNow, isoWeek } from "./periods.js";
import { INDICATORS } from "./words.js";

const sum = (values) => Object.values(values ?? {}).reduce((a, b) => a + b, 0);

/** The year so far of a goal: from the report's totals, or the hand-registered weeks. */
export function soFar(goal, totals) {
  if (goal.indicator === "custom")
    return (goal.weekly ?? []).reduce((n, w) => n + (w.count ?? 0), 0);
  if (!totals) return null;
  const value = totals[goal.indicator];
  return typeof value === "number" ? value : sum(value);
}

/** A goal's count in one week: the report's week figures or the hand-registered count. */
function weekCount(goal, week, figures) {
  if (goal.indicator === "custom")
    return (goal.weekly ?? []).find((w) => w.week === week)?.count ?? 0;
  return figures ? soFar(goal, figures) : "–";
}

function Weeks({ goals, byWeek }) {
  const weeks = byWeek.map((w) => w.week).reverse();
  const figures = new Map(byWeek.map((w) => [w.week, w]));
  return (
    <details>
      <summary>Ugerne</summary>
      <div class="scroll" tabIndex={0} role="region" aria-label="Ugerne">
        <table class="figures">
          <caption>Pr. uge, nyeste først</caption>
          <thead>
            <tr>
              <th scope="col">Uge</th>
              {goals.map((g) => (
                <th key={g.id} scope="col" class="n">
                  {g.data.indicator === "custom" ? g.data.name : INDICATORS[g.data.indicator]}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {weeks.map((week) => (
              <tr key={week}>
                <th scope="row">{week.replace("-W", ", uge ")}</th>
                {goals.map((g) => (
                  <td key={g.id} class="n">
                    {weekCount(g.data, week, figures.get(week))}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </details>
  );
}

function WeekCount({ goal }) {
  const [week, setWeek] = useState(isoWeek(todayIso()));
  const [count, setCount] = useState("");
  async function add() {
    if (!/^\d+$/.test(count)) return;
    const weekly = (goal.data.weekly ?? []).filter((w) => w.week !== week);
    await saveRecord("team_goal", goal.id, {
      weekly: [...weekly, { id: crypto.randomUUID(), week, count: Number(count) }],
    });
    setCount("");
  }
  return (
    <div class="form-grid">
      <TextField id={`week-${goal.id}`} label="Uge (ÅÅÅÅ-Uuu)" value={week} onInput={setWeek} />
      <TextField
        id={`count-${goal.id}`}
        label="Antal i ugen"
        inputMode="numeric"
        value={count}
        onInput={setCount}
      />
      <div>
        <button type="button" class="secondary" onClick={add}>
          Registrér uge
        </button>
      </div>
    </div>
  );
}

function NewGoal({ year }) {
  const [indicator, setIndicator] = useState("meetings_held");
  const [name, setName] = useState("");
  const [target, setTarget] = useState("");
  const [error, setError] = useState("");
  async function add(event) {
    event.preventDefault();
    if (!/^\d+$/.test(target) || (indicator === "custom" && !name.trim())) {
      setError("Udfyld et mål (et helt tal) og et navn for en egen indikator.");
      return;
    }
    setError("");
    await saveRecord("team_goal", "", {
      indicator,
      year,
      target: Number(target),
      ...(indicator === "custom" ? { name: name.trim() } : {}),
    });
    setTarget("");
    setName("");
  }
  return (
    <form onSubmit={add} class="form-grid" aria-labelledby="new-goal-title">
      <h3 id="new-goal-title" class="wide">
        Nyt mål for {year}
      </h3>
      <div>
        <label for="goal-indicator">Indikator</label>
        <select
          id="goal-indicator"
          value={indicator}
          onChange={(e) => setIndicator(e.currentTarget.value)}
        >
          {Object.entries(INDICATORS).map(([k, label]) => (
            <option key={k} value={k}>
              {label}
            </option>
          ))}
        </select>
      </div>
      {indicator === "custom" && (
        <TextField id="goal-name" label="Navn" value={name} onInput={setName} />
      )}
      <TextField
        id="goal-target"
        label="Mål for året"
        inputMode="numeric"
        value={target}
        onInput={setTarget}
      />
      <div>
        <button type="submit">Tilføj mål</button>
      </div>
      {error && (
        <p class="message error wide" role="alert">
          {error}
        </p>
      )}
    </form>
  );
}

/** The year's goals; `totals` and `byWeek` are the report's year so far (null offline). */
export function Goals({ totals, byWeek, canEdit, year = Number(todayIso().slice(0, 4)) }) {
  const goals = useSettledQuery(() => listRecords("team_goal"), []);
  const today = todayIso();
  const ofYear = (goals ?? []).filter((g) => g.data.year === year);
  return (
    <section class="card goal" aria-labelledby="goals-title">
      <h2 id="goals-title">Målstyring {year}</h2>
      {ofYear.length === 0 && <p class="empty">Ingen mål for {year} endnu.</p>}
      {ofYear.length > 0 && (
        <div class="scroll" tabIndex={0} role="region" aria-label="Mål">
          <table class="figures">
            <caption>Året indtil nu mod målet og mod, hvor teamet burde være nu</caption>
            <thead>
              <tr>
                <th scope="col">Indikator</th>
                <th scope="col" class="n">
                  Mål
                </th>
                <th scope="col" class="n">
                  Indtil nu
                </th>
                <th scope="col" class="n">
                  Burde være nu
                </th>
                <th scope="col">Status</th>
              </tr>
            </thead>
            <tbody>
              {ofYear.map((g) => {
                const done = soFar(g.data, totals);
                const pace = expectedByNow(g.data.target, year, today);
                return (
                  <tr key={g.id}>
                    <th scope="row">
                      {g.data.indicator === "custom" ? g.data.name : INDICATORS[g.data.indicator]}
                    </th>
                    <td class="n">{g.data.target}</td>
                    <td class="n">{done ?? "–"}</td>
                    <td class="n">{pace}</td>
                    <td>
                      {done === null
                        ? "Kræver netværk"
                        : done >= pace
                          ? "✓ Foran eller på niveau"
                          : `⚠ ${pace - done} bagud`}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      {ofYear.length > 0 && byWeek && <Weeks goals={ofYear} byWeek={byWeek} />}
      {canEdit &&
        ofYear
          .filter((g) => g.data.indicator === "custom")
          .map((g) => (
            <div key={g.id}>
              <h3>{g.data.name}: registrér en uge</h3>
              <WeekCount goal={g} />
            </div>
          ))}
      {canEdit ? <NewGoal year={year} /> : <p class="meta">Teamlederen sætter målene.</p>}
    </section>
  );
}
