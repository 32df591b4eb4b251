// The two note dimensions side by side and equally prominent (stacked on a phone), with
// Cabi's writing rules next to them, collapsible.
import { HINTS, MEETING_LABELS, WRITING_RULES } from "./labels.js";
import { TextArea } from "./fields.jsx";

/** "Om borgeren" and "Aftalt med virksomheden". */
export function Notes({ value, edit, errors }) {
  return (
    <section class="card" aria-labelledby="meeting-notes-title">
      <h2 id="meeting-notes-title">Noter</h2>
      <details class="rules" open>
        <summary>Sådan skriver du (Cabi: Skriftlighed)</summary>
        <ul>
          {WRITING_RULES.map((rule) => (
            <li key={rule}>{rule}</li>
          ))}
        </ul>
      </details>
      <div class="notes">
        <TextArea
          id="meeting-notes_citizen"
          label={MEETING_LABELS.notes_citizen}
          hint={HINTS.notes_citizen}
          value={value("notes_citizen")}
          onInput={(v) => edit("notes_citizen", v)}
          error={errors.notes_citizen}
        />
        <TextArea
          id="meeting-notes_company"
          label={MEETING_LABELS.notes_company}
          hint={HINTS.notes_company}
          value={value("notes_company")}
          onInput={(v) => edit("notes_company", v)}
          error={errors.notes_company}
        />
      </div>
    </section>
  );
}
