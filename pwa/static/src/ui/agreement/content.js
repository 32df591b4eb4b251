// Checks of an agreement's content before it is saved or set ready, with Danish messages
// keyed like TemplateForm's errors ("<item id>"). Rules (docs/domain.md "Values", server
// answers.py): text ≤ 500 characters, longtext ≤ 100,000, dates YYYY-MM-DD, times HH:MM;
// "Klar til underskrift" needs every required item answered. A signing form needs the
// signer's name and a drawing, or the same name typed and the confirmation ticked. Pure.
import { hasInk } from "../../signature/strokes.js";
import { templateModel } from "../template/draftModel.js";
import { getAnswer, isAnswered, itemsOf, missingRequired, pathKey } from "../template/model.js";

const LIMITS = { text: 500, longtext: 100_000 };
const FORMATS = {
  date: [/^\d{4}-\d{2}-\d{2}$/, "Skriv en dato"],
  time: [/^(?:[01]\d|2[0-3]):[0-5]\d$/, "Skriv et klokkeslæt som TT:MM"],
};

/** Errors of values that the server would reject: {itemId: message}. */
export function contentErrors(definition, content) {
  const errors = {};
  for (const { item } of itemsOf(definition)) {
    const value = getAnswer(content, [item.id]);
    if (!isAnswered(value)) continue;
    const limit = LIMITS[item.type];
    if (limit && typeof value === "string" && value.length > limit)
      errors[item.id] = `Højst ${limit.toLocaleString("da-DK")} tegn`;
    const format = FORMATS[item.type];
    if (format && !format[0].test(String(value))) errors[item.id] = format[1];
  }
  return errors;
}

/**
 * The agreement form's model (template/draftModel.js over `content`): a value the server
 * would reject (contentErrors) is left out of the changes, with its message, until fixed.
 */
export function agreementModel(definition) {
  const model = templateModel(definition, "content");
  return {
    ...model,
    changes(data, draft) {
      const { changes } = model.changes(data, draft);
      const errors = changes.content ? contentErrors(definition, changes.content) : {};
      if (!Object.keys(errors).length) return { changes, errors };
      const valid = Object.entries(draft).filter(
        ([path]) => !(path.slice("content:".length).split(".")[0] in errors),
      );
      return { changes: model.changes(data, Object.fromEntries(valid)).changes, errors };
    },
  };
}

/** Errors for the required items without an answer: {pathKey: "Skal udfyldes"}. */
export function readyErrors(definition, content) {
  return Object.fromEntries(
    missingRequired(definition, content).map(({ path }) => [pathKey(path), "Skal udfyldes"]),
  );
}

const sameName = (a, b) => a.trim().toLocaleLowerCase("da") === b.trim().toLocaleLowerCase("da");

/** The errors of a signing form as {field: Danish message}; {} when it may be signed. */
export function signingErrors({ name, method, drawing, typed, confirmed }) {
  const errors = {};
  if (!name.trim()) errors.name = "Skriv underskriverens navn";
  else if (name.length > 200) errors.name = "Højst 200 tegn";
  if (method === "drawn" && !hasInk(drawing?.strokes))
    errors.drawing = "Tegn underskriften i feltet";
  if (method === "typed") {
    if (!typed.trim()) errors.typed = "Skriv dit fulde navn";
    else if (name.trim() && !sameName(typed, name))
      errors.typed = "Navnet skal være det samme som underskriverens navn";
    if (!confirmed) errors.confirmed = "Sæt kryds for at bekræfte underskriften";
  }
  return errors;
}
