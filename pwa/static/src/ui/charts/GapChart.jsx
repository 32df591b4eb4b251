// "Progression mod job": per task the employer's and the citizen's own rating (1–10) side
// by side, the new-hire benchmark as a dashed mark, and the gap in words ("Forskel: 3");
// a gap of 2 or more is framed and marked "⚠", never by colour alone.
import { longDate } from "../../dates.js";
import { gapWords, linearScale, ratingGaps } from "./series.js";
import "./charts.css";

const W = 520;
const ROW = 26;
const LEFT = 110;

/** The ratings of the newest final progression-mod-job assessment. */
export function GapChart({ template, measured }) {
  const newest = measured.at(-1);
  const rows = ratingGaps(template.definition, newest);
  if (!rows.length) return <p class="empty">Ingen afsluttede vurderinger med opgaver endnu.</p>;
  return (
    <div class="gaps">
      <p>Vurdering fra {longDate(newest.data.assessed_on)}.</p>
      {rows.map((row, i) => {
        const x = linearScale(0, row.max, LEFT, W - 20);
        const big = row.gap !== null && Math.abs(row.gap) >= 2;
        const bar = (value, index, cls, who) =>
          value === null ? (
            <text x={LEFT} y={index * ROW + 18} class="tick">
              {who}: ikke vurderet
            </text>
          ) : (
            <g>
              <text x={LEFT - 8} y={index * ROW + 18} text-anchor="end" class="tick">
                {who}
              </text>
              <rect
                x={LEFT}
                y={index * ROW + 5}
                width={x(value) - LEFT}
                height={ROW - 8}
                class={`bar ${cls}`}
              />
              <text x={x(value) + 6} y={index * ROW + 18} class="value-label">
                {value}
              </text>
            </g>
          );
        const height = ROW * 2 + 22;
        return (
          <figure key={row.key} class={big ? "chart gap big" : "chart gap"}>
            <figcaption>
              <strong>{row.task || `Opgave ${i + 1}`}</strong>
            </figcaption>
            <svg viewBox={`0 0 ${W} ${height}`} class="chart-svg" aria-hidden="true">
              {bar(row.employer, 0, "employer", "Arbejdsgiver")}
              {bar(row.citizen, 1, "citizen", "Borger")}
              {row.newHire !== null && (
                <g>
                  <line
                    x1={x(row.newHire)}
                    x2={x(row.newHire)}
                    y1="0"
                    y2={ROW * 2 + 4}
                    class="benchmark"
                  />
                  <text x={x(row.newHire)} y={height - 4} text-anchor="middle" class="tick">
                    Nyansat: {row.newHire}
                  </text>
                </g>
              )}
            </svg>
            <p class="gap-words">
              {big && <span aria-hidden="true">⚠ </span>}
              {gapWords(row.gap)}
            </p>
            <p class="visually-hidden">
              {`Arbejdsgiverens vurdering: ${row.employer ?? "ikke vurderet"} af ${row.max}. Borgerens egen vurdering: ${row.citizen ?? "ikke vurderet"} af ${row.max}. En nyansat: ${row.newHire ?? "ikke vurderet"}.`}
            </p>
          </figure>
        );
      })}
      <p class="legend">
        Mørk bjælke: arbejdsgiverens vurdering · lys, skraveret bjælke: borgerens egen vurdering ·
        stiplet streg: hvor en nyansat ligger
      </p>
    </div>
  );
}
