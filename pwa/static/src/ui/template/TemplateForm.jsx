// Renders a template definition (docs/domain.md "Templates") with its values: assessment
// `answers` or agreement `content`. Generic on purpose, also for agreements:
//   <TemplateForm definition values onChange(itemPath, value) context={{workFunctions}}
//     readOnly errors={{"<path.key>": "Dansk besked"}} idPrefix="tf" />
// itemPath is [itemId] or [groupId, rowKey, itemId]; onChange([groupId, rowKey], undefined)
// removes a row. Labels, anchor texts and help come from the template JSON as they are.
// Points per section and the total are computed here when shown, never stored.
import { useState } from "preact/hooks";
import { ItemField, Required } from "./fields.jsx";
import { answerText, getAnswer, groupRows, hasTotal, pathKey, totals } from "./model.js";
import "./template.css";

/** The form (or, with readOnly, the answers as text) of a template definition. */
export function TemplateForm({
  definition,
  values,
  onChange,
  context = {},
  readOnly = false,
  errors = {},
  idPrefix = "tf",
}) {
  const answers = values ?? {};
  const sums = hasTotal(definition) ? totals(definition, answers) : null;
  const field = (item, path) => {
    const id = `${idPrefix}-${path.join("-")}`;
    const value = getAnswer(answers, path);
    if (readOnly) return <ReadOnlyItem key={id} item={item} value={value} />;
    return (
      <ItemField
        key={id}
        item={item}
        id={id}
        value={value}
        error={errors[pathKey(path)]}
        showPoints={path.length === 1}
        onChange={(next) => onChange(path, next)}
      />
    );
  };
  return (
    <div class="tf">
      {definition.sections.map((section) => {
        const part = sums?.sections[section.id];
        return (
          <section
            key={section.id}
            class="card tf-section"
            aria-labelledby={`${idPrefix}-s-${section.id}`}
          >
            <h2 id={`${idPrefix}-s-${section.id}`}>{section.title}</h2>
            {section.items.map((item) =>
              item.type === "repeat" ? (
                <Group
                  key={item.id}
                  group={item}
                  answers={answers}
                  field={field}
                  readOnly={readOnly}
                  onChange={onChange}
                  workFunctions={context.workFunctions ?? []}
                  errors={errors}
                />
              ) : (
                field(item, [item.id])
              ),
            )}
            {part && part.max > 0 && (
              <p class="tf-subtotal">
                Point i afsnittet: {part.total} af {part.max}
              </p>
            )}
          </section>
        );
      })}
      {sums && (
        <p class="tf-total" role="status" aria-live="polite">
          Point i alt: <strong>{sums.total}</strong> af {sums.max} ({sums.answered} af {sums.count}{" "}
          kriterier besvaret)
        </p>
      )}
    </div>
  );
}

function ReadOnlyItem({ item, value }) {
  const text = answerText(item, value);
  return (
    <div class="tf-readonly">
      <p class="tf-ro-label">{item.label}</p>
      {text ? <p class="value">{text}</p> : <p class="empty">Ikke udfyldt</p>}
    </div>
  );
}

function Group({ group, answers, field, readOnly, onChange, workFunctions, errors }) {
  const [fresh, setFresh] = useState([]);
  const stored = groupRows(group, answers, workFunctions);
  const known = new Set(stored.map((row) => row.key));
  const rows = stored.concat(
    fresh.filter((key) => !known.has(key)).map((key) => ({ key, name: null, removed: false })),
  );
  const byRows = group.over === "rows";
  const rowMissing = errors[pathKey([group.id])];
  return (
    <div class="tf-group">
      {byRows && (
        <h3 class="tf-group-title">
          {group.label ?? ""}
          <Required item={group} />
        </h3>
      )}
      {group.help && <p class="tf-help">{group.help}</p>}
      {rowMissing && <p class="field-error">{rowMissing}</p>}
      {rows.length === 0 && (
        <p class="empty">
          {byRows
            ? "Ingen rækker endnu."
            : "Forløbet har ingen arbejdsfunktioner endnu. Tilføj dem på forløbssiden."}
        </p>
      )}
      {rows.map((row, index) => {
        const title = byRows
          ? rowTitle(group, answers, row.key, index)
          : row.removed
            ? "Arbejdsfunktion (fjernet fra forløbet)"
            : `${group.label ?? "Arbejdsfunktion"}: ${row.name || "uden navn"}`;
        return (
          <div key={row.key} class="tf-row" role="group" aria-label={title}>
            <h4>{title}</h4>
            {group.items.map((item) => field(item, [group.id, row.key, item.id]))}
            {byRows && !readOnly && (
              <button
                type="button"
                class="secondary"
                onClick={() => {
                  setFresh(fresh.filter((key) => key !== row.key));
                  onChange([group.id, row.key], undefined);
                }}
              >
                Fjern række {index + 1}
              </button>
            )}
          </div>
        );
      })}
      {byRows && !readOnly && (
        <button
          type="button"
          class="secondary"
          onClick={() => setFresh([...fresh, crypto.randomUUID()])}
        >
          Tilføj række
        </button>
      )}
    </div>
  );
}

function rowTitle(group, answers, key, index) {
  const first = group.items.find((item) => item.type === "text");
  const name = first && getAnswer(answers, [group.id, key, first.id]);
  return name ? `${index + 1}. ${name}` : `Række ${index + 1}`;
}
