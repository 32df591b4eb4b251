// The agreement's content, editable with autosave or shown read-only. Rules:
// - The edits are the agreement form's draft (forms/useAutosave.js over
//   agreement/content.js agreementModel): written as they are typed, at once when the page
//   asks (before "Klar til underskrift" and the hand-over) and when the screen is left.
// - A value the server would reject stays on screen with a Danish message next to the
//   field and is not saved until it is fixed.
import { TemplateForm } from "../template/TemplateForm.jsx";
import { answerPath, draftAnswers } from "../template/draftModel.js";

/** The content form over `form` (useAutosave); `extraErrors` are the page's own (ready). */
export function ContentEditor({ definition, form, readOnly, workFunctions, extraErrors }) {
  const values = draftAnswers(form.current.content, form.draft, "content");
  const state =
    form.saveError ||
    (Object.keys(form.inputErrors).length
      ? "Ikke gemt: ret felterne med fejl"
      : !form.saving && form.savedAt
        ? "Gemt"
        : "");
  return (
    <>
      <TemplateForm
        definition={definition}
        values={values}
        onChange={(path, value) => form.edit(answerPath("content", path), value)}
        readOnly={readOnly}
        context={{ workFunctions }}
        errors={{ ...extraErrors, ...form.inputErrors }}
        idPrefix="ag"
      />
      {!readOnly && (
        <p
          class={`autosave ${state === "Gemt" ? "message ok" : state ? "message error" : ""}`}
          aria-live="polite"
        >
          {state || "Ændringer gemmes automatisk på enheden."}
        </p>
      )}
    </>
  );
}
