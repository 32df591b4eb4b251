// One template item as a control (model.js describeItem): text, longtext, date, time,
// integer, number, boolean, choice, multichoice, level (a radio group whose options are the
// anchor texts with their points) and rating (a row of radios from min to max).
// Every control has its visible label; help text and errors are tied to it by
// aria-describedby; a required item says so in words.
import { useState } from "preact/hooks";
import { describeItem, levelPoints, optionsOf, parseNumberInput } from "./model.js";

/** "(skal udfyldes)" after a required item's label. */
export function Required({ item }) {
  return item.required ? <span class="tf-required"> (skal udfyldes)</span> : null;
}

function describedBy(id, item, error) {
  const ids = [item.help && `${id}-help`, error && `${id}-error`].filter(Boolean);
  return ids.length ? ids.join(" ") : undefined;
}

function Notes({ id, item, error }) {
  return (
    <>
      {item.help && (
        <p class="tf-help" id={`${id}-help`}>
          {item.help}
        </p>
      )}
      {error && (
        <p class="field-error" id={`${id}-error`}>
          {error}
        </p>
      )}
    </>
  );
}

/** An item's input, calling onChange(value) with the new value (undefined = no value); level points shown with showPoints. */
export function ItemField({ item, id, value, onChange, error, showPoints = true }) {
  const control = describeItem(item);
  const common = {
    id,
    "aria-describedby": describedBy(id, item, error),
    "aria-invalid": error ? "true" : undefined,
    "aria-required": item.required ? "true" : undefined,
  };
  switch (control.control) {
    case "text":
    case "date":
    case "time":
    case "textarea": {
      const Tag = control.control === "textarea" ? "textarea" : "input";
      const type = control.control === "textarea" ? undefined : control.control;
      return (
        <div class="tf-field">
          <label for={id}>
            {item.label}
            <Required item={item} />
          </label>
          <Notes id={id} item={item} error={error} />
          <Tag
            {...common}
            type={type}
            value={value ?? ""}
            onInput={(e) =>
              onChange(e.currentTarget.value === "" ? undefined : e.currentTarget.value)
            }
          />
        </div>
      );
    }
    case "number":
      return (
        <NumberField
          item={item}
          common={common}
          value={value}
          onChange={onChange}
          integer={control.parse === "integer"}
          error={error}
        />
      );
    case "checkbox":
      return (
        <div class="tf-field tf-check">
          <input
            {...common}
            type="checkbox"
            checked={value === true}
            onChange={(e) => onChange(e.currentTarget.checked ? true : undefined)}
          />
          <label for={id}>
            {item.label}
            <Required item={item} />
          </label>
          <Notes id={id} item={item} error={error} />
        </div>
      );
    case "radios":
    case "levels":
    case "rating":
      return (
        <Choices
          item={item}
          id={id}
          options={control.options}
          kind={control.control}
          showPoints={showPoints}
          selected={(option) => option.value === value}
          error={error}
          pick={(option) => onChange(option.value)}
          clear={() => onChange(undefined)}
          answered={value !== undefined}
        />
      );
    case "checkboxes": {
      const list = Array.isArray(value) ? value : [];
      const toggle = (option, on) => {
        const next = on ? [...list, option.value] : list.filter((v) => v !== option.value);
        onChange(
          next.length
            ? optionsOf(item)
                .map((o) => o.value)
                .filter((v) => next.includes(v))
            : undefined,
        );
      };
      return (
        <Choices
          item={item}
          id={id}
          options={control.options}
          kind="checkboxes"
          multiple
          error={error}
          selected={(option) => list.includes(option.value)}
          pick={(option, on) => toggle(option, on)}
        />
      );
    }
    default:
      return null;
  }
}

function NumberField({ item, common, value, onChange, integer, error }) {
  const [text, setText] = useState(null);
  const shown =
    text ?? (value === undefined || value === null ? "" : String(value).replace(".", ","));
  const parsed = parseNumberInput(shown, integer);
  const ownError = Number.isNaN(parsed)
    ? integer
      ? "Skriv et helt tal"
      : "Skriv et tal, fx 7,5"
    : null;
  const message = ownError ?? error;
  return (
    <div class="tf-field">
      <label for={common.id}>
        {item.label}
        <Required item={item} />
      </label>
      <Notes id={common.id} item={item} error={message} />
      <input
        {...common}
        aria-describedby={describedBy(common.id, item, message)}
        aria-invalid={message ? "true" : undefined}
        inputMode={integer ? "numeric" : "decimal"}
        value={shown}
        onInput={(e) => {
          const next = e.currentTarget.value;
          setText(next);
          const number = parseNumberInput(next, integer);
          if (!Number.isNaN(number)) onChange(number);
        }}
      />
    </div>
  );
}

function Choices({
  item,
  id,
  options,
  kind,
  selected,
  pick,
  clear,
  answered,
  multiple,
  error,
  showPoints,
}) {
  const points =
    kind === "levels" && showPoints && answered
      ? levelPoints(item, options.find(selected)?.value)
      : null;
  return (
    <fieldset
      class={`tf-choices tf-${kind}`}
      id={id}
      aria-describedby={describedBy(id, item, error)}
      aria-invalid={error ? "true" : undefined}
    >
      <legend>
        {item.label}
        <Required item={item} />
        {kind === "rating" && (
          <span class="tf-scale">
            {" "}
            ({item.min}–{item.max}, {item.max} er højest)
          </span>
        )}
      </legend>
      <Notes id={id} item={item} error={error} />
      <div class="tf-options">
        {options.map((option) => (
          <label key={String(option.value)} class="tf-option">
            <input
              type={multiple ? "checkbox" : "radio"}
              name={id}
              value={String(option.value)}
              checked={selected(option)}
              onChange={(e) => pick(option, e.currentTarget.checked)}
            />
            <span class="tf-option-text">
              <span>{option.label}</span>
              {option.description && <span class="tf-option-desc">{option.description}</span>}
              {showPoints && option.points !== undefined && (
                <span class="tf-points">{option.points} point</span>
              )}
            </span>
          </label>
        ))}
      </div>
      {(points !== null || (answered && !item.required && clear)) && (
        <p class="tf-after">
          {points !== null && <span class="tf-points-now">Point: {points}</span>}
          {answered && !item.required && clear && (
            <button type="button" class="secondary" onClick={clear}>
              Ryd svar<span class="visually-hidden">: {item.label}</span>
            </button>
          )}
        </p>
      )}
    </fieldset>
  );
}
