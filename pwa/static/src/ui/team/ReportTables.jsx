// The activity report's figures as tables (totals, per consultant, per week) and as bars
// whose numbers are written beside them, so no figure lives in a chart alone.
import { CONTACT_RESULTS, OUTCOMES } from "./words.js";
import { PLACEMENT_KINDS } from "../words.js";

/** The report's figures with their Danish names, in column order. */
export const FIGURES = [
  ["meetings_held", "Møder holdt"],
  ["companies_visited", "Virksomheder besøgt"],
  ["company_contacts", "Virksomhedskontakter"],
  ["job_orders_created", "Jobordrer oprettet"],
  ["positions_open", "Åbne pladser"],
  ["positions_filled", "Besatte pladser"],
];

const sum = (values) => Object.values(values ?? {}).reduce((a, b) => a + b, 0);

/** Horizontal bars: [[label, value]]; each bar has its number in text. */
export function Bars({ id, title, rows }) {
  const max = Math.max(1, ...rows.map(([, n]) => n));
  return (
    <figure class="chart" aria-labelledby={`${id}-title`}>
      <figcaption id={`${id}-title`}>{title}</figcaption>
      <ul class="bars">
        {rows.map(([label, n]) => (
          <li key={label}>
            <span>{label}</span>
            <span class="bar-wrap" aria-hidden="true">
              <span class="bar" style={{ width: `${(n / max) * 100}%` }} />
            </span>
            <span class="n">{n}</span>
          </li>
        ))}
      </ul>
    </figure>
  );
}

/** A table of rows (each with the report's figures) under a first column. */
export function FigureTable({ caption, first, rows }) {
  return (
    <div class="scroll" tabIndex={0} role="region" aria-label={caption}>
      <table class="figures">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{first}</th>
            {FIGURES.map(([k, label]) => (
              <th key={k} scope="col" class="n">
                {label}
              </th>
            ))}
            <th scope="col" class="n">
              Forløb startet
            </th>
            <th scope="col" class="n">
              Forløb afsluttet
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map(([name, f]) => (
            <tr key={name}>
              <th scope="row">{name}</th>
              {FIGURES.map(([k]) => (
                <td key={k} class="n">
                  {f[k]}
                </td>
              ))}
              <td class="n">{sum(f.placements_started)}</td>
              <td class="n">{sum(f.placements_ended)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** A breakdown ({word: n}) as a two-column table. */
export function Breakdown({ caption, labels, values }) {
  return (
    <table class="figures">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">Hvad</th>
          <th scope="col" class="n">
            Antal
          </th>
        </tr>
      </thead>
      <tbody>
        {Object.entries(labels).map(([k, label]) => (
          <tr key={k}>
            <th scope="row">{label}</th>
            <td class="n">{values?.[k] ?? 0}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** The whole report: totals, breakdowns, per consultant and per week. */
export function ReportTables({ report, nameOf, single }) {
  const t = report.totals;
  return (
    <>
      <section class="card" aria-labelledby="totals-title">
        <h2 id="totals-title">Totaler</h2>
        <Bars
          id="totals"
          title="Aktivitet i perioden"
          rows={FIGURES.map(([k, label]) => [label, t[k]])}
        />
        <div class="form-grid">
          <Breakdown
            caption="Virksomhedskontakter efter resultat"
            labels={CONTACT_RESULTS}
            values={t.contacts_by_result}
          />
          <Breakdown
            caption="Forløb startet efter type"
            labels={PLACEMENT_KINDS}
            values={t.placements_started}
          />
          <Breakdown
            caption="Forløb afsluttet efter udfald"
            labels={OUTCOMES}
            values={t.placements_ended}
          />
        </div>
      </section>
      {!single && (
        <section class="card" aria-labelledby="per-user-title">
          <h2 id="per-user-title">Pr. medarbejder</h2>
          <Bars
            id="per-user"
            title="Møder holdt pr. medarbejder"
            rows={report.by_user.map((u) => [nameOf(u.user_id), u.meetings_held])}
          />
          <FigureTable
            caption="Tal pr. medarbejder"
            first="Medarbejder"
            rows={report.by_user.map((u) => [nameOf(u.user_id), u])}
          />
        </section>
      )}
      <section class="card" aria-labelledby="per-week-title">
        <h2 id="per-week-title">Pr. uge</h2>
        <FigureTable
          caption="Tal pr. uge"
          first="Uge"
          rows={report.by_week.map((w) => [w.week.replace("-W", ", uge "), w])}
        />
      </section>
    </>
  );
}
