// "Progression": one chart per assessment template used on the placement, chosen by the
// template's shape: anchored levels at the top level (progressionskort) → levels and
// totals over dates; a group over work functions (progressionsvaerktoej) → staircases;
// a group over rows with ratings (progression-mod-job) → employer vs. citizen with gaps,
// and each task's ratings over all dates.
import { findTemplate, latestTemplate } from "../../net/templates.js";
import { hasTotal } from "../template/model.js";
import { GapChart } from "./GapChart.jsx";
import { LevelChart } from "./LevelChart.jsx";
import { finalAssessments, groupOf } from "./series.js";
import { StaircaseChart } from "./StaircaseChart.jsx";
import { TaskTrend } from "./TaskTrend.jsx";

/** The progression charts of a placement's assessments. */
export function Progression({ assessments, templates, workFunctions }) {
  const keys = [
    ...new Set(assessments.filter((a) => !a.deleted).map((a) => a.data.template_key)),
  ].sort();
  const shown = keys
    .map((key) => ({
      key,
      template: latestTemplate(templates, key),
      measured: finalAssessments(assessments, key),
    }))
    .filter((entry) => entry.template);
  if (!shown.length)
    return (
      <p class="empty">
        Ingen vurderinger endnu. Progressionen vises her, når en vurdering er afsluttet.
      </p>
    );
  const definitionOf = (a) =>
    findTemplate(templates, a.data.template_key, a.data.template_version)?.definition;
  return shown.map(({ key, template, measured }) => (
    <section key={key} class="progression" aria-labelledby={`progress-${key}`}>
      <h3 id={`progress-${key}`}>{template.title}</h3>
      {chartFor(template, measured, definitionOf, workFunctions, key)}
    </section>
  ));
}

function chartFor(template, measured, definitionOf, workFunctions, key) {
  if (hasTotal(template.definition)) {
    return (
      <LevelChart
        template={template}
        measured={measured}
        definitionOf={definitionOf}
        idPrefix={`chart-${key}`}
      />
    );
  }
  if (groupOf(template.definition, "work_functions")) {
    return <StaircaseChart template={template} measured={measured} workFunctions={workFunctions} />;
  }
  if (groupOf(template.definition, "rows")) {
    return (
      <>
        <GapChart template={template} measured={measured} />
        <TaskTrend template={template} measured={measured} definitionOf={definitionOf} />
      </>
    );
  }
  return <p class="empty">Denne skabelon har ingen graf.</p>;
}
