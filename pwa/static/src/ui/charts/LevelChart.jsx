// Progression over assessment dates for a template of anchored levels (progressionskort):
// the total points per date as bars with their numbers, then one small chart per
// criterion (level 1–5 per date, the newest level and its change in words), and every
// number in a table for screen readers.
import { axisDate, longDate } from "../../dates.js";
import { levelHistory, linearScale } from "./series.js";
import "./charts.css";

/** The level chart of a template's final assessments (`measured`, oldest first). */
export function LevelChart({ template, measured, definitionOf, idPrefix }) {
  const history = levelHistory(template.definition, measured, definitionOf);
  if (!history.dates.length) return <p class="empty">Ingen afsluttede vurderinger endnu.</p>;
  return (
    <figure class="chart">
      <TotalBars totals={history.totals} idPrefix={idPrefix} />
      <div class="small-multiples">
        {history.criteria.map((criterion) => (
          <Criterion key={criterion.id} criterion={criterion} />
        ))}
      </div>
      <div class="visually-hidden">
        <table>
          <caption>{template.title}: niveau og point pr. dato</caption>
          <thead>
            <tr>
              <th scope="col">Kriterium</th>
              {history.dates.map((d, i) => (
                <th key={i} scope="col">
                  {longDate(d)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {history.criteria.map((c) => (
              <tr key={c.id}>
                <th scope="row">{c.label}</th>
                {c.values.map((v, i) => (
                  <td key={i}>
                    {v.level === null ? "Ikke vurderet" : `Niveau ${v.level} (${v.points} point)`}
                  </td>
                ))}
              </tr>
            ))}
            <tr>
              <th scope="row">Point i alt</th>
              {history.totals.map((t, i) => (
                <td key={i}>
                  {t.total} af {t.max}
                </td>
              ))}
            </tr>
          </tbody>
        </table>
      </div>
    </figure>
  );
}

function TotalBars({ totals, idPrefix }) {
  const width = 640;
  const height = 180;
  const max = Math.max(...totals.map((t) => t.max), 1);
  const y = linearScale(0, max, height - 30, 24);
  const slot = Math.min(110, (width - 60) / totals.length);
  return (
    <svg
      viewBox={`0 0 ${width} ${height}`}
      class="chart-svg totals"
      role="img"
      aria-labelledby={`${idPrefix}-totals`}
    >
      <title id={`${idPrefix}-totals`}>
        {`Point i alt pr. dato: ${totals.map((t) => `${longDate(t.date)}: ${t.total} af ${t.max}`).join("; ")}`}
      </title>
      <text x="0" y="14" class="tick">
        Point i alt (højst {max})
      </text>
      <line x1="50" x2={width} y1={y(max)} y2={y(max)} class="grid" />
      <line x1="50" x2={width} y1={y(0)} y2={y(0)} class="axis" />
      <text x="44" y={y(max) + 4} text-anchor="end" class="tick">
        {max}
      </text>
      <text x="44" y={y(0) + 4} text-anchor="end" class="tick">
        0
      </text>
      {totals.map((t, i) => {
        const cx = 60 + slot * i + slot / 2;
        return (
          <g key={i}>
            <rect
              x={cx - 20}
              y={y(t.total)}
              width="40"
              height={y(0) - y(t.total)}
              class={i === totals.length - 1 ? "bar newest" : "bar"}
            />
            <text x={cx} y={y(t.total) - 6} text-anchor="middle" class="value-label">
              {t.total}
            </text>
            <text x={cx} y={height - 10} text-anchor="middle" class="tick">
              {axisDate(t.date)}
            </text>
          </g>
        );
      })}
    </svg>
  );
}

function Criterion({ criterion }) {
  const values = criterion.values;
  const w = 170;
  const h = 64;
  const x = linearScale(0, Math.max(values.length - 1, 1), 12, w - 12);
  const y = linearScale(criterion.min, criterion.max, h - 8, 8);
  const points = values
    .map((v, i) =>
      v.level === null ? null : { x: values.length === 1 ? w / 2 : x(i), y: y(v.level) },
    )
    .filter(Boolean);
  const rated = values.filter((v) => v.level !== null);
  const last = rated.at(-1);
  const before = rated.at(-2);
  const change = !last
    ? "Ikke vurderet"
    : !before
      ? `Niveau ${last.level}`
      : last.level > before.level
        ? `Niveau ${last.level}, op fra ${before.level}`
        : last.level < before.level
          ? `Niveau ${last.level}, ned fra ${before.level}`
          : `Niveau ${last.level}, uændret`;
  return (
    <div class="multiple">
      <h4>{criterion.label}</h4>
      <svg viewBox={`0 0 ${w} ${h}`} class="chart-svg" aria-hidden="true">
        {[criterion.min, criterion.max].map((l) => (
          <line key={l} x1="0" x2={w} y1={y(l)} y2={y(l)} class="grid" />
        ))}
        <polyline points={points.map((p) => `${p.x},${p.y}`).join(" ")} class="line internship" />
        {points.map((p, i) => (
          <circle
            key={i}
            cx={p.x}
            cy={p.y}
            r={i === points.length - 1 ? 5.5 : 4}
            class="mark internship"
          />
        ))}
      </svg>
      <p class="multiple-text">
        {change}
        {last ? ` (${last.points} point)` : ""}
      </p>
    </div>
  );
}
