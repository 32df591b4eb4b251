// A progression assessment (docs/domain.md assessment) filled from its template: routes
// "#/vurdering/<id>" and "#/vurdering/ny/<placementId>/<templateKey>". Rules:
// - A new assessment takes the newest template version on the device; the record id is
//   made at the first save and the route is then replaced by the record's own. A new one
//   with task rows (progression-mod-job) starts from the newest earlier one's tasks, same
//   row ids, so each task is one line across dates.
// - An existing assessment opens with its own template version, even after a newer one
//   ships; when the device lacks that version, the screen says so.
// - Autosave: every change is written with only the changed fields (answers whole).
// - "Afslut vurdering" needs every required item; a final assessment shows read-only
//   until it is reopened as a draft.
import { useEffect, useRef, useState } from "preact/hooks";
import { logOpened } from "../store/audit.js";
import { listReferencing } from "../store/queries.js";
import { getRecord, saveRecord } from "../store/records.js";
import { useQuery } from "./useQuery.js";
import { findTemplate, latestTemplate, useTemplates } from "../net/templates.js";
import { useObservable } from "../observable.js";
import { sessionState } from "../store/session.js";
import { userName, useUsers } from "../net/users.js";
import { longDate, todayIso } from "../dates.js";
import { carriedTasks } from "./charts/series.js";
import { assessmentNote } from "./journal/templateNote.js";
import { JournalMark } from "./journal/JournalMark.jsx";
import { problemLines } from "./labels.js";
import { Journal } from "./meeting/Journal.jsx";
import { RemoteTemplateRecord } from "./RemoteViews.jsx";
import { ServerCopy } from "./ServerCopy.jsx";
import { ASSESSOR_ROLES } from "./words.js";
import { KortHeader } from "./template/KortHeader.jsx";
import { TemplateForm } from "./template/TemplateForm.jsx";
import { getAnswer, isAnswered, missingRequired, pathKey, setAnswer } from "./template/model.js";
import { isTextPath } from "./template/rebase.js";
import { saveStateText, useDraft } from "./template/useDraft.js";
import { currentRoute, paths, replaceRoute } from "./routes.js";
import "./assessment.css";

/** The record changes of waiting edits ({field, value} or {path, value}) on top of `data`. */
function changesOf(data, entries) {
  let answers = data.answers ?? {};
  let anyAnswer = false;
  const changes = {};
  for (const entry of entries) {
    if (entry.path) {
      answers = setAnswer(answers, entry.path, entry.value);
      anyAnswer = true;
    } else if ((entry.value ?? null) !== (data[entry.field] ?? null))
      changes[entry.field] = entry.value ?? null;
  }
  if (anyAnswer) changes.answers = isAnswered(answers) ? answers : null;
  return changes;
}

/** The assessment screen: `id` of an existing one, or `placementId` + `templateKey` for a new one. */
export function AssessmentForm({ id, placementId, templateKey }) {
  const made = useRef(null);
  const recordId = id ?? made.current;
  useEffect(() => {
    if (id) logOpened("assessment", id);
  }, [id]);
  const record = useQuery(() => (recordId ? getRecord(recordId) : null), [recordId]);
  const stored = record?.data ?? {};
  const forPlacement = stored.placement_id ?? placementId;
  const placement = useQuery(() => (forPlacement ? getRecord(forPlacement) : null), [forPlacement]);
  const citizenId = placement?.data.citizen_id;
  const citizen = useQuery(() => (citizenId ? getRecord(citizenId) : null), [citizenId]);
  const companyId = placement?.data.company_id;
  const company = useQuery(() => (companyId ? getRecord(companyId) : null), [companyId]);
  const templates = useTemplates();
  const users = useUsers();
  const { user } = useObservable(sessionState);
  const template = recordId
    ? findTemplate(templates, stored.template_key, stored.template_version)
    : latestTemplate(templates, templateKey);
  const earlier =
    useQuery(
      () => (!recordId && placementId ? listReferencing("assessment", placementId) : []),
      [recordId, placementId],
    ) ?? [];
  const carried = useRef({});
  carried.current =
    !recordId && template
      ? carriedTasks(
          template.definition,
          earlier.filter((a) => a.data.template_key === template.key),
        )
      : {};
  const [errors, setErrors] = useState({});
  const [notice, setNotice] = useState(null);
  const summary = useRef(null);

  async function save(batch) {
    const current = made.current || id ? await getRecord(made.current ?? id) : null;
    const changes = changesOf(current?.data ?? {}, batch.values());
    if (current) {
      if (Object.keys(changes).length) await saveRecord("assessment", current.id, changes);
      return;
    }
    const start = carried.current;
    const created = await saveRecord("assessment", crypto.randomUUID(), {
      placement_id: placementId,
      template_key: template.key,
      template_version: template.version,
      assessed_on: todayIso(),
      assessor_role: "consultant",
      status: "draft",
      ...(isAnswered(start) ? { answers: start } : {}),
      ...changesOf({ answers: start }, batch.values()),
    });
    made.current = created;
    if (currentRoute().screen === "newAssessment") replaceRoute(paths.assessment(created));
  }
  const rescue = () =>
    record?.data
      ? {
          type: "assessment",
          id: record.id,
          changes: changesOf(record.data, draft.pending.values()),
        }
      : null;
  const draft = useDraft(save, { rescue });
  useEffect(() => {
    if (!record?.data || !template) return;
    const isText = isTextPath(template.definition);
    draft.follow(
      record.rev,
      record.data,
      (data, entry) => (entry.path ? getAnswer(data.answers, entry.path) : data[entry.field]),
      (entry) => Boolean(entry.path) && isText(entry.path),
    );
  }, [record, template]);

  if (recordId && record === undefined) return <p>Henter …</p>;
  if (recordId && (!record || record.type !== "assessment")) {
    return (
      <ServerCopy
        type="assessment"
        id={recordId}
        missing="Vurderingen findes ikke på enheden."
        deleted="Vurderingen er slettet."
      >
        {(remote) => <RemoteTemplateRecord record={remote} />}
      </ServerCopy>
    );
  }
  if (record?.deleted) return <p class="message info">Vurderingen er slettet.</p>;
  if (!recordId && !placementId) return <p class="message error">Vurderingen mangler et forløb.</p>;

  const back = (
    <p>
      <a class="back" href={paths.placement(forPlacement)}>
        ← Tilbage til forløbet
      </a>
    </p>
  );
  if (!template) {
    return (
      <>
        {back}
        <h1>Progressionsvurdering</h1>
        <p class="message error">
          {recordId
            ? `Skabelonen "${stored.template_key}" version ${stored.template_version} findes ikke på enheden endnu. Synkronisér, når der er net, så hentes den.`
            : `Skabelonen "${templateKey}" findes ikke på enheden. Synkronisér, når der er net, så hentes den.`}
        </p>
      </>
    );
  }

  draft.prune((entry) =>
    sameValue(
      entry.path ? getAnswer(stored.answers, entry.path) : stored[entry.field],
      entry.value,
    ),
  );
  const waiting = [...draft.pending.values()];
  let answers = stored.answers ?? carried.current;
  for (const entry of waiting)
    if (entry.path) answers = setAnswer(answers, entry.path, entry.value);
  const fieldValue = (field, fallback) => {
    const edit = draft.pending.get(`f:${field}`);
    return edit ? edit.value : (stored[field] ?? fallback);
  };
  const status = fieldValue("status", "draft");
  const final = status === "final";
  const setField = (field, value, now = false) => draft.edit(`f:${field}`, { field, value }, now);

  function changeAnswer(path, value) {
    draft.edit(`a:${pathKey(path)}`, { path, value });
    if (errors[pathKey(path)] && isAnswered(value)) {
      const rest = { ...errors };
      delete rest[pathKey(path)];
      setErrors(rest);
    }
  }

  function changeDate(value) {
    const rest = { ...errors };
    delete rest.assessed_on;
    setErrors(value ? rest : { ...rest, assessed_on: "Skriv datoen for vurderingen" });
    if (value) setField("assessed_on", value);
  }

  function finish() {
    const missing = missingRequired(template.definition, answers);
    const found = Object.fromEntries(
      missing.map((m) => [pathKey(m.path), "Skal udfyldes, før vurderingen kan afsluttes"]),
    );
    if (!fieldValue("assessed_on", todayIso())) found.assessed_on = "Skriv datoen for vurderingen";
    setErrors(found);
    if (Object.keys(found).length) {
      setNotice({ kind: "error", missing });
      queueMicrotask(() => summary.current?.focus());
      return;
    }
    setNotice({ kind: "ok", text: "Vurderingen er afsluttet og gemt på enheden." });
    setField("status", "final", true);
  }

  function keepDraft() {
    setErrors({});
    setNotice({ kind: "ok", text: "Gemt som kladde." });
    setField("status", "draft", true);
  }

  const name = citizen?.data.name;
  const assessor = record?.createdBy
    ? userName(users, record.createdBy)
    : (user?.display_name ?? "");
  return (
    <>
      {back}
      <h1>{template.title}</h1>
      <p class="as-sub">
        {name ? `${name} · ` : ""}
        {longDate(fieldValue("assessed_on", todayIso()))}
        {" · "}
        <strong>{final ? "Afsluttet" : "Kladde"}</strong>
        {template.version !== latestTemplate(templates, template.key)?.version &&
          ` · Skabelon version ${template.version}`}
      </p>
      {record?.problem && (
        <div class="message error">
          <p>Serveren afviste den seneste ændring:</p>
          <ul>
            {problemLines(record.problem, "assessment").map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
        </div>
      )}
      {notice?.kind === "error" && Object.keys(errors).length > 0 && (
        <div class="message error" tabIndex={-1} ref={summary}>
          <p>Vurderingen kan ikke afsluttes endnu. Udfyld:</p>
          <ul>
            {errors.assessed_on && (
              <li>
                <a href="#as-date" onClick={jump("as-date")}>
                  Dato
                </a>
              </li>
            )}
            {notice.missing
              .filter((m) => errors[pathKey(m.path)])
              .map((m) => (
                <li key={pathKey(m.path)}>
                  <a href={`#tf-${m.path.join("-")}`} onClick={jump(`tf-${m.path.join("-")}`)}>
                    {m.label}
                  </a>
                </li>
              ))}
          </ul>
        </div>
      )}
      {notice?.kind === "ok" && (
        <p class="message ok" role="status">
          {notice.text}
        </p>
      )}
      <div class="card form-grid as-meta">
        <div>
          <label for="as-date">Dato</label>
          <input
            id="as-date"
            type="date"
            value={fieldValue("assessed_on", todayIso())}
            disabled={final}
            aria-invalid={errors.assessed_on ? "true" : undefined}
            aria-describedby={errors.assessed_on ? "as-date-error" : undefined}
            onInput={(e) => changeDate(e.currentTarget.value)}
          />
          {errors.assessed_on && (
            <p class="field-error" id="as-date-error">
              {errors.assessed_on}
            </p>
          )}
        </div>
        <div>
          <label for="as-role">Vurderingen udført af</label>
          <select
            id="as-role"
            value={fieldValue("assessor_role", "consultant")}
            disabled={final}
            onChange={(e) => setField("assessor_role", e.currentTarget.value, true)}
          >
            {Object.entries(ASSESSOR_ROLES).map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
          {assessor && <p class="hint">Registreret af {assessor}</p>}
        </div>
      </div>
      {template.key === "progressionskort" && (
        <KortHeader placement={placement} citizen={citizen} />
      )}
      <TemplateForm
        definition={template.definition}
        values={answers}
        onChange={changeAnswer}
        readOnly={final}
        context={{ workFunctions: placement?.data.work_functions ?? [] }}
        errors={errors}
      />
      <div class="card">
        <label for="as-comment">Kommentar</label>
        {final ? (
          <p class="value">{fieldValue("comment", "") || "Ingen kommentar"}</p>
        ) : (
          <textarea
            id="as-comment"
            value={fieldValue("comment", "")}
            onInput={(e) => setField("comment", e.currentTarget.value || undefined)}
          />
        )}
      </div>
      <div class="actions as-actions">
        {final ? (
          <button type="button" class="secondary" onClick={keepDraft}>
            Genåbn som kladde
          </button>
        ) : (
          <>
            <button type="button" class="secondary" onClick={keepDraft}>
              Gem som kladde
            </button>
            <button type="button" onClick={finish}>
              Afslut vurdering
            </button>
          </>
        )}
        <span aria-live="polite" class="as-state">
          {saveStateText(draft.state)}
        </span>
      </div>
      <Journal
        prefix="as"
        asText
        text={assessmentNote(
          template,
          {
            ...stored,
            answers,
            assessed_on: fieldValue("assessed_on", todayIso()),
            assessor_role: fieldValue("assessor_role", "consultant"),
            comment: fieldValue("comment", ""),
          },
          {
            citizenName: name,
            companyName: company?.data.name,
            assessorName: assessor,
            workFunctions: placement?.data.work_functions ?? [],
          },
        )}
      >
        {record && <JournalMark record={record} before={() => draft.flush?.()} />}
      </Journal>
    </>
  );
}

function sameValue(a, b) {
  return JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
}

function jump(elementId) {
  return (event) => {
    event.preventDefault();
    const target = document.getElementById(elementId);
    target?.scrollIntoView({ block: "center" });
    (target?.querySelector("input, textarea, select") ?? target)?.focus();
  };
}
