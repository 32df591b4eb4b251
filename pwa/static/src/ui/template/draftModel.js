// The form model (forms/draft.js) of a record filled from a template: the assessment's
// `answers`, the agreement's `content`. Pure: no DOM or storage. Rules:
// - A draft path is `<field>:<item path>` for an answer ("answers:tasks.<row>.task": item
//   ids and row keys hold no dot) and a plain field name ("comment") for the record's own
//   fields, converted by `codecs` as in every form.
// - The answers are saved whole, with only the edited paths changed, and null once none
//   is answered (template/model.js setAnswer, isAnswered).
// - Only free-text items (text, longtext) are rebased onto a colleague's pulled text;
//   a choice or number the user set stays the user's (template/rebase.js isTextPath).
import { fieldModel } from "../forms/draft.js";
import { getAnswer, isAnswered, pathKey, setAnswer } from "./model.js";
import { isTextPath } from "./rebase.js";

const same = (a, b) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

function itemPathOf(prefix, path) {
  return path.startsWith(prefix) ? path.slice(prefix.length).split(".") : null;
}

/** The answers in `field` with every answer path of `draft` applied (shown as typed). */
export function draftAnswers(answers, draft, field) {
  let next = answers ?? {};
  for (const [path, value] of Object.entries(draft)) {
    const at = itemPathOf(`${field}:`, path);
    if (at) next = setAnswer(next, at, value);
  }
  return next;
}

/** The draft path of an item path of `field` ("answers", ["tasks", row, "task"]). */
export function answerPath(field, path) {
  return `${field}:${pathKey(path)}`;
}

/** The model of a template record: answers in `field` by `definition`, other fields by `codecs`. */
export function templateModel(definition, field, codecs = {}) {
  const isText = isTextPath(definition);
  const fields = fieldModel(codecs);
  const prefix = `${field}:`;
  const itemPath = (path) => itemPathOf(prefix, path);
  return {
    shown(data, path) {
      const at = itemPath(path);
      if (!at) return fields.shown(data, path);
      const value = getAnswer(data[field], at);
      return value ?? (isText(at) ? "" : undefined);
    },
    changes(data, draft) {
      const own = Object.fromEntries(Object.entries(draft).filter(([path]) => !itemPath(path)));
      const touched = Object.keys(own).length < Object.keys(draft).length;
      const answers = draftAnswers(data[field], draft, field);
      const { changes, errors } = fields.changes(data, own);
      const saved = isAnswered(answers) ? answers : null;
      if (touched && !same(saved, isAnswered(data[field]) ? data[field] : null))
        changes[field] = saved;
      return { changes, errors };
    },
    isText(path) {
      const at = itemPath(path);
      return at ? isText(at) : fields.isText(path);
    },
  };
}
