// The progression tool's staircase per work function (Begynder … Oplært): the levels
// assessed over time as filled dots on a line, the newest targets as open diamonds at
// their dates, the steps named on the axis, and the same facts as a list in words.
import { axisDate, longDate } from "../../dates.js";
import { dayNumber, linearScale, staircases } from "./series.js";
import "./charts.css";

const W = 560;
const H = 200;
const PAD = { left: 140, right: 20, top: 14, bottom: 30 };

/** One staircase per work function from the final progressionsvaerktoej assessments. */
export function StaircaseChart({ template, measured, workFunctions }) {
  const { steps, functions } = staircases(template.definition, measured, workFunctions);
  if (!functions.length) return <p class="empty">Ingen afsluttede vurderinger endnu.</p>;
  const stepName = (value) => steps.find((s) => s.value === value)?.label ?? String(value);
  return (
    <div class="staircases">
      {functions.map((f) => {
        const name = f.removed
          ? "Arbejdsfunktion (fjernet fra forløbet)"
          : f.name || "Arbejdsfunktion uden navn";
        return (
          <figure class="chart" key={f.key}>
            <figcaption>
              <strong>{name}</strong>
            </figcaption>
            <Stairs f={f} steps={steps} name={name} />
            <ul class="chart-words">
              {f.assessed.map((a, i) => (
                <li key={`a${i}`}>
                  ● Vurderet {longDate(a.date)}: {stepName(a.level)}
                </li>
              ))}
              {f.targets.map((t) => (
                <li key={`t${t.n}`}>
                  ◇ {t.n}. målsætning: {stepName(t.level)}
                  {t.date ? ` senest ${longDate(t.date)}` : ""}
                </li>
              ))}
            </ul>
          </figure>
        );
      })}
      <p class="legend">● fyldt prik: vurderet niveau · ◇ åben rombe: målsætning</p>
    </div>
  );
}

function Stairs({ f, steps, name }) {
  const values = steps.map((s) => s.value);
  const lo = Math.min(...values);
  const hi = Math.max(...values);
  const dates = [...f.assessed.map((a) => a.date), ...f.targets.map((t) => t.date)]
    .filter(Boolean)
    .map(dayNumber);
  const start = Math.min(...dates);
  const end = Math.max(...dates, start + 7);
  const x = linearScale(start, end, PAD.left + 10, W - PAD.right - 10);
  const y = linearScale(lo, hi, H - PAD.bottom, PAD.top);
  const assessed = f.assessed.map((a) => ({
    x: x(dayNumber(a.date)),
    y: y(a.level),
    date: a.date,
  }));
  const targets = f.targets.map((t, i) => ({
    x: t.date ? x(dayNumber(t.date)) : W - PAD.right - 10 - i * 14,
    y: y(t.level),
    n: t.n,
    date: t.date,
  }));
  return (
    <svg
      viewBox={`0 0 ${W} ${H}`}
      class="chart-svg"
      role="img"
      aria-label={`Trappe for ${name}: se listen under figuren`}
    >
      {steps.map((s) => (
        <g key={s.value}>
          <line x1={PAD.left} x2={W - PAD.right} y1={y(s.value)} y2={y(s.value)} class="grid" />
          <text x={PAD.left - 8} y={y(s.value) + 4} text-anchor="end" class="tick">
            {s.label}
          </text>
        </g>
      ))}
      {assessed.length > 1 && (
        <polyline points={assessed.map((p) => `${p.x},${p.y}`).join(" ")} class="line internship" />
      )}
      {assessed.map((p, i) => (
        <circle key={i} cx={p.x} cy={p.y} r="6" class="mark internship" />
      ))}
      {targets.map((p) => (
        <g key={p.n}>
          <path
            d={`M${p.x},${p.y - 8} L${p.x + 8},${p.y} L${p.x},${p.y + 8} L${p.x - 8},${p.y} Z`}
            class="target"
          />
          <text x={p.x} y={p.y - 11} text-anchor="middle" class="tick">
            {p.n}.
          </text>
        </g>
      ))}
      {[...assessed, ...targets]
        .filter((p) => p.date)
        .map((p, i) => (
          <text key={`d${i}`} x={p.x} y={H - 8} text-anchor="middle" class="tick">
            {axisDate(p.date)}
          </text>
        ))}
    </svg>
  );
}
