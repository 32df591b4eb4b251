// "Progression mod job" over time: per task (one row id across assessments) the employer's
// and the citizen's own rating at every final date as two lines (solid and dashed, never
// colour alone), the new-hire benchmark as a dotted mark, and the same figures as a table.
import { danishDate } from "../../dates.js";
import { dayNumber, linearScale, taskHistory } from "./series.js";
import "./charts.css";

const W = 520;
const H = 150;
const PAD = { left: 34, right: 16, top: 10, bottom: 26 };

function path(points, x, y, field) {
  return points
    .filter((p) => p[field] !== null)
    .map((p) => `${x(dayNumber(p.date))},${y(p[field])}`)
    .join(" ");
}

/** One chart and table per task of the final progression-mod-job assessments. */
export function TaskTrend({ template, measured, definitionOf }) {
  const tasks = taskHistory(template.definition, measured, definitionOf);
  if (!tasks.length || measured.length < 1) return null;
  const days = measured.map((a) => dayNumber(a.data.assessed_on));
  const first = Math.min(...days);
  const last = Math.max(...days, first + 1);
  const x = linearScale(first, last, PAD.left, W - PAD.right);
  const y = linearScale(1, 10, H - PAD.bottom, PAD.top);
  return (
    <div class="task-trends">
      <h4>Udvikling over tid</h4>
      {tasks.map((task, i) => {
        const newHire =
          task.points
            .map((p) => p.newHire)
            .filter((v) => v !== null)
            .at(-1) ?? null;
        const name = task.task || `Opgave ${i + 1}`;
        return (
          <figure key={task.key} class="chart trend">
            <figcaption>
              <strong>{name}</strong>
            </figcaption>
            <svg viewBox={`0 0 ${W} ${H}`} class="chart-svg" aria-hidden="true">
              {[1, 5, 10].map((v) => (
                <text key={v} x={PAD.left - 8} y={y(v) + 4} text-anchor="end" class="tick">
                  {v}
                </text>
              ))}
              {newHire !== null && (
                <line
                  x1={PAD.left}
                  x2={W - PAD.right}
                  y1={y(newHire)}
                  y2={y(newHire)}
                  class="benchmark"
                />
              )}
              <polyline points={path(task.points, x, y, "employer")} class="line internship" />
              <polyline points={path(task.points, x, y, "citizen")} class="line paid" />
              {task.points.map((p) => (
                <text
                  key={p.date}
                  x={x(dayNumber(p.date))}
                  y={H - 6}
                  text-anchor="middle"
                  class="tick"
                >
                  {danishDate(p.date)}
                </text>
              ))}
            </svg>
            <table class="trend-table">
              <caption class="visually-hidden">{name}: vurderinger over tid</caption>
              <thead>
                <tr>
                  <th scope="col">Dato</th>
                  <th scope="col">Arbejdsgiver</th>
                  <th scope="col">Borger</th>
                  <th scope="col">Nyansat</th>
                </tr>
              </thead>
              <tbody>
                {task.points.map((p) => (
                  <tr key={p.date}>
                    <th scope="row">{danishDate(p.date)}</th>
                    <td>{p.employer ?? "–"}</td>
                    <td>{p.citizen ?? "–"}</td>
                    <td>{p.newHire ?? "–"}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </figure>
        );
      })}
      <p class="legend">
        Fuld linje: arbejdsgiverens vurdering · stiplet linje: borgerens egen vurdering · prikket
        vandret streg: hvor en nyansat ligger
      </p>
    </div>
  );
}
