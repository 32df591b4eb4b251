// The data behind the placement's charts, shaped from records. Pure: no DOM, storage or
// network. Rules:
// - Only final assessments count as measurements; they are ordered by `assessed_on`
//   (then id), so two assessments on one day keep a stable order.
// - Points and totals are derived from each assessment's own template definition
//   (docs/domain.md "Derived values"), never read from the record.
// - A work function keeps its key across assessments, so its levels line up over dates.
// - A gap is the employer's rating minus the citizen's own (positive: the employer rates
//   the citizen higher than the citizen does).
import { getAnswer, levelPoints, totals } from "../template/model.js";

/** Final assessments of a template key, oldest first. */
export function finalAssessments(assessments, templateKey) {
  return assessments
    .filter(
      (a) =>
        !a.deleted &&
        a.data.template_key === templateKey &&
        a.data.status === "final" &&
        a.data.assessed_on,
    )
    .sort(
      (a, b) => a.data.assessed_on.localeCompare(b.data.assessed_on) || a.id.localeCompare(b.id),
    );
}

/** Per criterion (top-level level item) its level and points per date, and the totals. */
export function levelHistory(definition, measured, definitionOf = () => definition) {
  const criteria = definition.sections.flatMap((section) =>
    section.items
      .filter((item) => item.type === "level")
      .map((item) => ({
        id: item.id,
        label: item.label,
        section: section.title,
        max: Math.max(...item.levels.map((l) => l.value)),
        min: Math.min(...item.levels.map((l) => l.value)),
        values: [],
      })),
  );
  const dates = [];
  const sums = [];
  for (const assessment of measured) {
    const own = definitionOf(assessment) ?? definition;
    const answers = assessment.data.answers ?? {};
    dates.push(assessment.data.assessed_on);
    const sum = totals(own, answers);
    sums.push({
      date: assessment.data.assessed_on,
      total: sum.total,
      max: sum.max,
      answered: sum.answered,
      count: sum.count,
    });
    for (const criterion of criteria) {
      const item = own.sections
        .flatMap((s) => s.items)
        .find((i) => i.id === criterion.id && i.type === "level");
      const level = getAnswer(answers, [criterion.id]);
      const anchor = item?.levels.find((l) => l.value === level);
      criterion.values.push({
        date: assessment.data.assessed_on,
        level: anchor ? level : null,
        label: anchor?.label ?? null,
        points: item ? levelPoints(item, level) : null,
      });
    }
  }
  return { dates, criteria, totals: sums };
}

/** The repeat group of a definition over `over` ("work_functions" | "rows"), or null. */
export function groupOf(definition, over) {
  return (
    definition.sections
      .flatMap((s) => s.items)
      .find((i) => i.type === "repeat" && i.over === over) ?? null
  );
}

/** Per work function: assessed start levels over dates and the newest dated targets. */
export function staircases(definition, measured, workFunctions = []) {
  const group = groupOf(definition, "work_functions");
  if (!group) return { steps: [], functions: [] };
  const stepItem = group.items.find((i) => i.type === "level");
  const steps = stepItem ? stepItem.levels.map((l) => ({ value: l.value, label: l.label })) : [];
  const keys = [...workFunctions.map((wf) => wf.id)];
  for (const a of measured)
    for (const key of Object.keys(a.data.answers?.[group.id] ?? {}))
      if (!keys.includes(key)) keys.push(key);
  const names = new Map(workFunctions.map((wf) => [wf.id, wf.name]));
  const functions = keys
    .map((key) => {
      const rows = measured
        .map((a) => ({ date: a.data.assessed_on, row: a.data.answers?.[group.id]?.[key] }))
        .filter(({ row }) => row && Object.keys(row).length);
      const assessed = rows
        .filter(({ row }) => row.start_level !== undefined)
        .map(({ date, row }) => ({ date: row.start_date ?? date, level: row.start_level }));
      const newest = rows.at(-1)?.row ?? {};
      const targets = [1, 2, 3]
        .map((n) => ({
          n,
          level: newest[`target_${n}_level`],
          date: newest[`target_${n}_date`] ?? null,
        }))
        .filter((t) => t.level !== undefined);
      return { key, name: names.get(key) ?? null, removed: !names.has(key), assessed, targets };
    })
    .filter((f) => !f.removed || f.assessed.length || f.targets.length);
  return { steps, functions };
}

/** Per task row of an assessment: employer, citizen and new-hire ratings and the gap. */
export function ratingGaps(definition, assessment) {
  const group = groupOf(definition, "rows");
  if (!group || !assessment) return [];
  const max = group.items.find((i) => i.type === "rating")?.max ?? 10;
  return Object.entries(assessment.data.answers?.[group.id] ?? {}).map(([key, row]) => {
    const employer = row.employer_rating ?? null;
    const citizen = row.citizen_rating ?? null;
    return {
      key,
      task: row.task ?? "",
      employer,
      citizen,
      newHire: row.new_hire_rating ?? null,
      max,
      gap: employer !== null && citizen !== null ? employer - citizen : null,
    };
  });
}

/** Per task row (one key across dates): its newest name and the ratings at every final date. */
export function taskHistory(definition, measured, definitionOf = () => definition) {
  const tasks = new Map();
  for (const assessment of measured) {
    const group = groupOf(definitionOf(assessment) ?? definition, "rows");
    if (!group) continue;
    for (const [key, row] of Object.entries(assessment.data.answers?.[group.id] ?? {})) {
      const entry = tasks.get(key) ?? { key, task: "", points: [] };
      entry.task = row.task || entry.task;
      entry.points.push({
        date: assessment.data.assessed_on,
        employer: row.employer_rating ?? null,
        citizen: row.citizen_rating ?? null,
        newHire: row.new_hire_rating ?? null,
      });
      tasks.set(key, entry);
    }
  }
  return [...tasks.values()];
}

/** A new assessment's answers carried from the newest earlier one: each task row's id and name. */
export function carriedTasks(definition, earlier) {
  const group = groupOf(definition, "rows");
  const newest = [...earlier]
    .filter((a) => !a.deleted && a.data.assessed_on)
    .sort(
      (a, b) => b.data.assessed_on.localeCompare(a.data.assessed_on) || b.id.localeCompare(a.id),
    )[0];
  const rows = group && newest ? (newest.data.answers?.[group.id] ?? {}) : {};
  const carried = Object.fromEntries(
    Object.entries(rows)
      .filter(([, row]) => row?.task)
      .map(([key, row]) => [key, { task: row.task }]),
  );
  return Object.keys(carried).length ? { [group.id]: carried } : {};
}

/** The gap in words: "Forskel: 3 (arbejdsgiveren vurderer højere end borgeren)". */
export function gapWords(gap) {
  if (gap === null || gap === undefined) return "Forskel: kan ikke beregnes (mangler en vurdering)";
  if (gap === 0) return "Forskel: 0 (samme vurdering)";
  const side =
    gap > 0
      ? "arbejdsgiveren vurderer højere end borgeren"
      : "borgeren vurderer højere end arbejdsgiveren";
  return `Forskel: ${Math.abs(gap)} (${side})`;
}

/** The hours rows as steps, oldest first: [{from, internship, paid}] (missing hours = 0). */
export function hourSteps(hours = []) {
  return hours
    .filter((h) => h.from_date)
    .map((h) => ({
      from: h.from_date,
      internship: h.internship_hours ?? 0,
      paid: h.paid_hours ?? 0,
    }))
    .sort((a, b) => a.from.localeCompare(b.from));
}

/** Days since 1970-01-01 of a date (YYYY-MM-DD). */
export function dayNumber(iso) {
  const [y, m, d] = iso.slice(0, 10).split("-").map(Number);
  return Date.UTC(y, m - 1, d) / 86_400_000;
}

/** A linear map from [d0, d1] to [r0, r1] (the middle of the range when d0 = d1). */
export function linearScale(d0, d1, r0, r1) {
  return (value) => (d1 === d0 ? (r0 + r1) / 2 : r0 + ((value - d0) / (d1 - d0)) * (r1 - r0));
}

/** An SVG path of a step series: flat from each point to the next x, then up or down; to `endX`. */
export function stepPath(points, endX) {
  if (!points.length) return "";
  const parts = [`M${round(points[0].x)},${round(points[0].y)}`];
  points.forEach((point, i) => {
    const nextX = i + 1 < points.length ? points[i + 1].x : endX;
    parts.push(`H${round(nextX)}`);
    if (i + 1 < points.length) parts.push(`V${round(points[i + 1].y)}`);
  });
  return parts.join(" ");
}

/** A tidy upper bound for an axis (a multiple of `step`, at least `minimum`). */
export function niceMax(values, minimum, step = 5) {
  const top = Math.max(minimum, ...values.filter((v) => Number.isFinite(v)));
  return Math.ceil(top / step) * step;
}

function round(value) {
  return Math.round(value * 10) / 10;
}
