// Small labelled inputs of the meeting and job-order forms: a visible Danish label, an
// optional hint and a Danish error next to the field, tied together for screen readers.

/** The error text under a field (id `${id}-error`), or nothing. */
export function FieldError({ id, error }) {
  return error ? (
    <p class="field-error" id={`${id}-error`}>
      {error}
    </p>
  ) : null;
}

function described(id, hint, error) {
  const ids = [hint && `${id}-hint`, error && `${id}-error`].filter(Boolean).join(" ");
  return ids || undefined;
}

/** A labelled text input (or another `type`). */
export function TextField({ id, label, hint, error, value, onInput, class: cls, ...attrs }) {
  return (
    <div class={cls}>
      <label for={id}>{label}</label>
      {hint && (
        <p class="hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      <input
        id={id}
        value={value ?? ""}
        aria-invalid={error ? "true" : undefined}
        aria-describedby={described(id, hint, error)}
        onInput={(e) => onInput(e.currentTarget.value)}
        {...attrs}
      />
      <FieldError id={id} error={error} />
    </div>
  );
}

/** A labelled textarea. */
export function TextArea({ id, label, hint, error, value, onInput, class: cls, ...attrs }) {
  return (
    <div class={cls}>
      <label for={id}>{label}</label>
      {hint && (
        <p class="hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      <textarea
        id={id}
        value={value ?? ""}
        aria-invalid={error ? "true" : undefined}
        aria-describedby={described(id, hint, error)}
        onInput={(e) => onInput(e.currentTarget.value)}
        {...attrs}
      />
      <FieldError id={id} error={error} />
    </div>
  );
}

/** A group of checkboxes over `options` ({value: label}); `values` is the checked list. */
export function CheckGroup({ id, legend, options, values, onChange, error }) {
  const toggle = (value, checked) =>
    onChange(
      checked ? [...values.filter((v) => v !== value), value] : values.filter((v) => v !== value),
    );
  return (
    <fieldset class="choices" aria-describedby={error ? `${id}-error` : undefined}>
      <legend>{legend}</legend>
      {Object.entries(options).map(([value, label]) => (
        <label class="choice" key={value}>
          <input
            type="checkbox"
            name={id}
            value={value}
            checked={values.includes(value)}
            onChange={(e) => toggle(value, e.currentTarget.checked)}
          />
          <span>{label}</span>
        </label>
      ))}
      <FieldError id={id} error={error} />
    </fieldset>
  );
}

/** A group of radio buttons over `options` ({value: label}). */
export function RadioGroup({ id, legend, hint, options, value, onChange, error }) {
  return (
    <fieldset class="choices" aria-describedby={described(id, hint, error)}>
      <legend>{legend}</legend>
      {hint && (
        <p class="hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      {Object.entries(options).map(([key, label]) => (
        <label class="choice" key={key}>
          <input
            type="radio"
            name={id}
            value={key}
            checked={value === key}
            aria-invalid={error ? "true" : undefined}
            onChange={() => onChange(key)}
          />
          <span>{label}</span>
        </label>
      ))}
      <FieldError id={id} error={error} />
    </fieldset>
  );
}
