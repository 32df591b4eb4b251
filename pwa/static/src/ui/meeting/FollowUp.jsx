// The follow-up agenda (seed 004, T20d) as prompts, and the visit guide's themes (seed 000,
// guide B). Attendance is hours, norm hours and the period; the share is shown next to them.
import { attendanceFromRaw, attendanceShare } from "./model.js";
import { INTEREST_LABELS } from "../company-model.js";
import {
  ATTENDANCE_LABELS,
  FOLLOW_UP_PROMPTS,
  MEETING_LABELS,
  THEME_LABELS,
  THEME_QUESTIONS,
} from "./labels.js";
import { CheckGroup, FieldError, RadioGroup, TextArea } from "./fields.jsx";

const YES_NO = { yes: "Ja", no: "Nej" };

function Attendance({ raw, onChange, errors }) {
  const [label, hint] = FOLLOW_UP_PROMPTS.attendance;
  const set = (field, text) => onChange({ ...raw, [field]: text });
  const share = attendanceShare(attendanceFromRaw(raw).value);
  const input = (field, attrs) => (
    <div key={field}>
      <label for={`attendance-${field}`}>{ATTENDANCE_LABELS[field]}</label>
      <input
        id={`attendance-${field}`}
        value={raw[field]}
        {...attrs}
        aria-invalid={errors[field] ? "true" : undefined}
        aria-describedby={errors[field] ? `attendance-${field}-error` : undefined}
        onInput={(e) => set(field, e.currentTarget.value)}
      />
      <FieldError id={`attendance-${field}`} error={errors[field]} />
    </div>
  );
  return (
    <fieldset class="attendance" aria-describedby="attendance-hint">
      <legend>{label}</legend>
      <p class="hint" id="attendance-hint">
        {hint}
      </p>
      <div class="attendance-grid">
        {input("attended_hours", { inputMode: "decimal" })}
        {input("norm_hours", { inputMode: "decimal" })}
        {input("period_start", { type: "date" })}
        {input("period_end", { type: "date" })}
      </div>
      {share && (
        <p class="share" aria-live="polite">
          Fremmøde: {share}
        </p>
      )}
      <FieldError id="attendance" error={errors.attendance} />
    </fieldset>
  );
}

/** The follow-up prompts; `value(path)` reads the form, `edit(path, v)` changes it. */
export function FollowUp({ value, edit, errors }) {
  const text = (field) => {
    const [label, hint] = FOLLOW_UP_PROMPTS[field];
    return (
      <TextArea
        id={`follow_up-${field}`}
        class="short"
        label={label}
        hint={hint}
        value={value(`follow_up.${field}`)}
        onInput={(v) => edit(`follow_up.${field}`, v)}
      />
    );
  };
  const answer = value("follow_up.ordinary_hours_discussed");
  const [ordinaryLabel, ordinaryHint] = FOLLOW_UP_PROMPTS.ordinary_hours_discussed;
  return (
    <section class="card" aria-labelledby="meeting-follow-up-title">
      <h2 id="meeting-follow-up-title">Opfølgning under forløbet</h2>
      {text("tasks")}
      <Attendance
        raw={value("follow_up.attendance")}
        onChange={(raw) => edit("follow_up.attendance", raw)}
        errors={errors}
      />
      {text("works_well")}
      {text("difficult")}
      {text("adjustments")}
      <RadioGroup
        id="ordinary_hours_discussed"
        legend={`${ordinaryLabel} (skal besvares)`}
        hint={ordinaryHint}
        options={YES_NO}
        value={answer === true ? "yes" : answer === false ? "no" : ""}
        onChange={(key) => edit("follow_up.ordinary_hours_discussed", key === "yes")}
        error={errors.ordinary_hours_discussed}
      />
    </section>
  );
}

/** The visit guide's four themes as checkboxes; on a first visit with the guide's questions,
 * and the offer catalogue ticked into the company's interests (`interests`, `onInterests`). */
export function Themes({ value, edit, firstVisit, interests, onInterests }) {
  return (
    <section class="card" aria-labelledby="meeting-themes-title">
      <h2 id="meeting-themes-title">{MEETING_LABELS.themes_covered}</h2>
      <p class="hint">
        Guiden skal ikke følges slavisk, men det er vigtigt, at alle emner/temaer berøres.
      </p>
      <CheckGroup
        id="themes_covered"
        legend="Berørte temaer"
        options={THEME_LABELS}
        values={value("themes_covered")}
        onChange={(list) => edit("themes_covered", list)}
      />
      {firstVisit &&
        Object.entries(THEME_QUESTIONS)
          .filter(([, questions]) => questions.length)
          .map(([theme, questions]) => (
            <div key={theme} class="guide">
              <h3>{THEME_LABELS[theme]}</h3>
              <ul aria-label={`Spørgsmål: ${THEME_LABELS[theme]}`}>
                {questions.map((q) => (
                  <li key={q}>{q}</li>
                ))}
              </ul>
            </div>
          ))}
      {onInterests && (
        <CheckGroup
          id="meeting-interests"
          legend="Virksomheden er interesseret i (redskabsviften)"
          options={INTEREST_LABELS}
          values={interests}
          onChange={onInterests}
        />
      )}
    </section>
  );
}
