// A template version rendered by the tablet's own renderer (ui/template/TemplateForm), with
// two sample work functions for groups over work functions; answers typed here are not saved.
import { useState } from "preact/hooks";
import { setAnswer } from "../template/model.js";
import { TemplateForm } from "../template/TemplateForm.jsx";

const SAMPLE_WORK_FUNCTIONS = [
  { id: "00000000-0000-4000-8000-000000000001", name: "Eksempel: lager" },
  { id: "00000000-0000-4000-8000-000000000002", name: "Eksempel: kundeservice" },
];

/** The preview of a template as the tablet shows it. */
export function TemplatePreview({ template }) {
  const [answers, setAnswers] = useState({});
  return (
    <div class="preview-frame" aria-label={`Forhåndsvisning af ${template.title}`} role="region">
      <h3>{template.title}</h3>
      <TemplateForm
        definition={template.definition}
        values={answers}
        idPrefix="preview"
        context={{ workFunctions: SAMPLE_WORK_FUNCTIONS }}
        onChange={(path, value) => setAnswers(setAnswer(answers, path, value))}
      />
    </div>
  );
}
