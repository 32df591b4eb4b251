// The placement's weekly hours over time: a step chart of internship hours (solid line,
// round markers) and paid hours (dashed line, square markers), a legend in words, and the
// same numbers as a table for screen readers.
import { axisDate, longDate, todayIso } from "../../dates.js";
import { danishHours } from "../words.js";
import { dayNumber, hourSteps, linearScale, niceMax, stepPath } from "./series.js";
import "./charts.css";

const W = 640;
const H = 220;
const PAD = { left: 44, right: 16, top: 14, bottom: 34 };

/** The hours chart of a placement's `hours` rows (nothing when there are none). */
export function HoursChart({ hours, today = todayIso() }) {
  const steps = hourSteps(hours);
  if (!steps.length) return <p class="empty">Ingen timer registreret endnu.</p>;
  const start = dayNumber(steps[0].from);
  const end = Math.max(dayNumber(today), dayNumber(steps.at(-1).from) + 14, start + 14);
  const top = niceMax(
    steps.flatMap((s) => [s.internship, s.paid]),
    10,
  );
  const x = linearScale(start, end, PAD.left, W - PAD.right);
  const y = linearScale(0, top, H - PAD.bottom, PAD.top);
  const series = (field) => steps.map((s) => ({ x: x(dayNumber(s.from)), y: y(s[field]) }));
  const ticks = [0, top / 2, top];
  return (
    <figure class="chart">
      <svg
        viewBox={`0 0 ${W} ${H}`}
        role="img"
        aria-labelledby="hours-chart-title"
        class="chart-svg"
      >
        <title id="hours-chart-title">
          Timer pr. uge over tid: praktiktimer og løntimer (tallene står i tabellen)
        </title>
        {ticks.map((t) => (
          <g key={t}>
            <line x1={PAD.left} x2={W - PAD.right} y1={y(t)} y2={y(t)} class="grid" />
            <text x={PAD.left - 6} y={y(t) + 4} class="tick" text-anchor="end">
              {danishHours(t)}
            </text>
          </g>
        ))}
        {steps.map((s) => (
          <text key={s.from} x={x(dayNumber(s.from))} y={H - 12} class="tick" text-anchor="middle">
            {axisDate(s.from)}
          </text>
        ))}
        <path d={stepPath(series("internship"), W - PAD.right)} class="line internship" />
        <path d={stepPath(series("paid"), W - PAD.right)} class="line paid" />
        {series("internship").map((p, i) => (
          <circle key={`i${i}`} cx={p.x} cy={p.y} r="5" class="mark internship" />
        ))}
        {series("paid").map((p, i) => (
          <rect key={`p${i}`} x={p.x - 4.5} y={p.y - 4.5} width="9" height="9" class="mark paid" />
        ))}
      </svg>
      <figcaption class="legend">
        <span>
          <svg width="34" height="12" aria-hidden="true">
            <line x1="0" x2="34" y1="6" y2="6" class="line internship" />
            <circle cx="17" cy="6" r="4" class="mark internship" />
          </svg>{" "}
          Praktiktimer pr. uge (hel linje, runde punkter)
        </span>
        <span>
          <svg width="34" height="12" aria-hidden="true">
            <line x1="0" x2="34" y1="6" y2="6" class="line paid" />
            <rect x="13" y="2" width="8" height="8" class="mark paid" />
          </svg>{" "}
          Løntimer (ordinære timer) pr. uge (stiplet linje, firkantede punkter)
        </span>
      </figcaption>
      <div class="visually-hidden">
        <table>
          <caption>Timer pr. uge</caption>
          <thead>
            <tr>
              <th scope="col">Fra dato</th>
              <th scope="col">Praktiktimer pr. uge</th>
              <th scope="col">Løntimer pr. uge</th>
            </tr>
          </thead>
          <tbody>
            {steps.map((s) => (
              <tr key={s.from}>
                <th scope="row">{longDate(s.from)}</th>
                <td>{danishHours(s.internship)}</td>
                <td>{danishHours(s.paid)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </figure>
  );
}
