// "Journalnotat" of an assessment or an agreement: the template's own section titles and
// item labels (the sources' wording) with the answers, as plain text to paste into the case
// system. Rules: unanswered items are left out; a repeat group lists each row under its
// work function's name (or "Række n"); level answers show their label and points, and a
// template with levels ends its section list with the total; lines end with "\n". Pure.
import { danishDate } from "../../dates.js";
import { ASSESSOR_ROLES, SIGNER_ROLES } from "../words.js";
import { answerText, getAnswer, groupRows, hasTotal, totals } from "../template/model.js";

function itemLines(items, values, indent = "") {
  const lines = [];
  for (const item of items) {
    const text = answerText(item, values?.[item.id]);
    if (text) lines.push(`${indent}${item.label}: ${text.replace(/\n+/g, `\n${indent}  `)}`);
  }
  return lines;
}

function groupLines(group, answers, workFunctions) {
  const lines = [];
  groupRows(group, answers, workFunctions).forEach((row, index) => {
    const values = getAnswer(answers, [group.id, row.key]);
    const inner = itemLines(group.items, values, "  ");
    if (inner.length) lines.push(`- ${row.name || `Række ${index + 1}`}:`, ...inner);
  });
  return lines.length ? [`${group.label ?? "Rækker"}:`, ...lines] : [];
}

function sectionLines(definition, answers, workFunctions) {
  const lines = [];
  for (const section of definition?.sections ?? []) {
    const body = section.items.flatMap((item) =>
      item.type === "repeat"
        ? groupLines(item, answers, workFunctions)
        : itemLines([item], answers),
    );
    if (body.length) lines.push(`${section.title}:`, ...body, "");
  }
  return lines;
}

/** The journal note of an assessment; `context` = {citizenName, companyName, workFunctions, assessorName}. */
export function assessmentNote(template, data, context = {}) {
  const lines = [
    `${template?.title ?? "Progressionsvurdering"}${context.citizenName ? ` – ${context.citizenName}` : ""}`,
  ];
  if (context.companyName) lines.push(`Virksomhed: ${context.companyName}`);
  if (data.assessed_on) lines.push(`Vurderingsdato: ${danishDate(data.assessed_on)}`);
  if (data.assessor_role)
    lines.push(
      `Vurderingen udført af: ${ASSESSOR_ROLES[data.assessor_role] ?? data.assessor_role}`,
    );
  if (context.assessorName) lines.push(`Registreret af: ${context.assessorName}`);
  lines.push("", ...sectionLines(template?.definition, data.answers, context.workFunctions));
  if (template && hasTotal(template.definition)) {
    const sum = totals(template.definition, data.answers);
    lines.push(`Point i alt: ${sum.total} af ${sum.max}`, "");
  }
  if (String(data.comment ?? "").trim()) lines.push("Kommentar:", String(data.comment).trim(), "");
  return `${lines
    .join("\n")
    .replace(/\n{3,}/g, "\n\n")
    .trim()}\n`;
}

/** The journal note of an agreement; `context` adds {signatures: [{role, signer_name, signed_at}]}. */
export function agreementNote(template, data, context = {}) {
  const lines = [
    `${template?.title ?? "Aftale"}${context.citizenName ? ` – ${context.citizenName}` : ""}`,
  ];
  if (context.companyName) lines.push(`Virksomhed: ${context.companyName}`);
  lines.push("", ...sectionLines(template?.definition, data.content, context.workFunctions));
  const signed = (context.signatures ?? []).map(
    (s) =>
      `- ${SIGNER_ROLES[s.role] ?? s.role}: ${s.signer_name}, ${danishDate(String(s.signed_at ?? "").slice(0, 10))}`,
  );
  if (signed.length) lines.push("Underskrevet af:", ...signed, "");
  return `${lines
    .join("\n")
    .replace(/\n{3,}/g, "\n\n")
    .trim()}\n`;
}
