// The citizen's fields (DOMAIN citizen), shared by "Nyt forløb" (a new citizen) and the
// citizen page (editing). On the citizen page the CPR number and skånehensyn stay masked
// until tapped ("Vis …"), as on the placement page, and showing them is audited.
import { useState } from "preact/hooks";
import { logOpened } from "../../store/audit.js";
import { FieldError, TextArea, TextField } from "../meeting/fields.jsx";
import { JOB_GOALS, TARGET_GROUPS } from "../words.js";

/** A masked field's "Vis …" button until tapped, then the field itself. */
function Revealed({ id, label, show, citizenId, children }) {
  const [open, setOpen] = useState(false);
  if (open) return children;
  return (
    <div>
      <span class="masked-label" id={`${id}-label`}>
        {label}
      </span>
      <span class="masked-dots" aria-label={`${label} er skjult`}>
        Skjult
      </span>{" "}
      <button
        type="button"
        class="secondary"
        onClick={() => {
          setOpen(true);
          logOpened("citizen", citizenId);
        }}
      >
        {show}
      </button>
    </div>
  );
}

/** The inputs; `value(path)` and `edit(path, text)` as the autosave hook gives them; `citizenId` masks. */
export function CitizenFields({ prefix, value, edit, errors = {}, citizenId }) {
  const field = (path, label, attrs = {}) => (
    <TextField
      id={`${prefix}-${path.replace(".", "-")}`}
      label={label}
      value={value(path)}
      error={errors[path]}
      onInput={(v) => edit(path, v)}
      {...attrs}
    />
  );
  const mask = (id, label, show, input) =>
    citizenId ? (
      <Revealed id={id} label={label} show={show} citizenId={citizenId}>
        {input}
      </Revealed>
    ) : (
      input
    );
  return (
    <div class="form-grid">
      {field("name", "Navn (skal udfyldes)", { autoComplete: "off" })}
      {mask(
        `${prefix}-cpr`,
        "CPR-nummer",
        "Vis CPR-nummer",
        field("cpr", "CPR-nummer", {
          inputMode: "numeric",
          autoComplete: "off",
          placeholder: "DDMMÅÅ-NNNN",
        }),
      )}
      {field("phone", "Telefon", { type: "tel" })}
      {field("email", "E-mail", { type: "email" })}
      <div>
        <label for={`${prefix}-target_group`}>Målgruppe</label>
        <select
          id={`${prefix}-target_group`}
          value={value("target_group")}
          onChange={(e) => edit("target_group", e.currentTarget.value)}
        >
          <option value="">Ikke valgt</option>
          {Object.entries(TARGET_GROUPS).map(([word, label]) => (
            <option key={word} value={word}>
              {label}
            </option>
          ))}
        </select>
        <FieldError id={`${prefix}-target_group`} error={errors.target_group} />
      </div>
      {field("caseworker_name", "Sagsbehandler")}
      {field("caseworker_email", "Sagsbehandlers e-mail", { type: "email" })}
      {JOB_GOALS.map(([key, label]) => field(`job_goals.${key}`, label))}
      <div class="wide">
        {mask(
          `${prefix}-care`,
          "Skånehensyn",
          "Vis skånehensyn",
          <TextArea
            id={`${prefix}-special_considerations`}
            label="Skånehensyn"
            class="wide"
            value={value("special_considerations")}
            error={errors.special_considerations}
            onInput={(v) => edit("special_considerations", v)}
          />,
        )}
      </div>
    </div>
  );
}
