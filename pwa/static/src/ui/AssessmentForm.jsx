// A progression assessment (docs/domain.md assessment) filled from its template: routes
// "#/vurdering/<id>" and "#/vurdering/ny/<placementId>/<templateKey>". Rules:
// - A new assessment takes the newest template version on the device; its id is made when
//   the form opens, and the first save moves the route to the record's own. A new one
//   with task rows (progression-mod-job) starts from the newest earlier one's tasks, same
//   row ids, so each task is one line across dates.
// - An existing assessment opens with its own template version, even after a newer one
//   ships; when the device lacks that version, the screen says so.
// - Autosave (forms/useAutosave.js): every change is written with only the changed fields
//   (answers whole).
// - "Afslut vurdering" needs every required item; a final assessment shows read-only
//   until it is reopened as a draft.
import { useEffect, useMemo, useRef, useState } from "preact/hooks";
import { logOpened } from "../store/audit.js";
import { listReferencing } from "../store/queries.js";
import { getRecord } from "../store/records.js";
import { useQuery } from "./useQuery.js";
import { findTemplate, latestTemplate, useTemplates } from "../net/templates.js";
import { useObservable } from "../observable.js";
import { sessionState } from "../store/session.js";
import { userName, useUsers } from "../net/users.js";
import { longDate, todayIso } from "../dates.js";
import { carriedTasks } from "./charts/series.js";
import { choiceCodec } from "./forms/draft.js";
import { useAutosave } from "./forms/useAutosave.js";
import { assessmentNote } from "./journal/templateNote.js";
import { JournalMark } from "./journal/JournalMark.jsx";
import { problemLines } from "./labels.js";
import { Journal } from "./meeting/Journal.jsx";
import { RemoteTemplateRecord } from "./RemoteViews.jsx";
import { ServerCopy } from "./ServerCopy.jsx";
import { ASSESSOR_ROLES } from "./words.js";
import { KortHeader } from "./template/KortHeader.jsx";
import { answerPath, templateModel } from "./template/draftModel.js";
import { TemplateForm } from "./template/TemplateForm.jsx";
import { isAnswered, missingRequired, pathKey } from "./template/model.js";
import { currentRoute, paths, replaceRoute } from "./routes.js";
import "./assessment.css";

const CODECS = { assessed_on: choiceCodec, assessor_role: choiceCodec, status: choiceCodec };

/** The assessment screen: `id` of an existing one, or `placementId` + `templateKey` for a new one. */
export function AssessmentForm({ id, placementId, templateKey }) {
  // A new assessment gets its id now; its first save moves it to its own address, and the
  // same form (its draft and defaults) goes on there.
  const opened = useRef(null);
  const key = `${placementId}/${templateKey}`;
  if (id && opened.current?.id !== id) opened.current = null;
  if (!id && opened.current?.key !== key)
    opened.current = { key, id: crypto.randomUUID(), placementId, templateKey };
  const fresh = opened.current?.id === (id ?? opened.current?.id) ? opened.current : null;
  const recordId = id ?? fresh.id;
  return (
    <Assessment
      key={recordId}
      id={recordId}
      isNew={Boolean(fresh)}
      placementId={fresh?.placementId}
      templateKey={fresh?.templateKey}
    />
  );
}

function Assessment({ id, isNew, placementId, templateKey }) {
  useEffect(() => {
    if (!isNew) logOpened("assessment", id);
  }, [id]);
  const record = useQuery(() => getRecord(id), [id]);
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
  const template = record
    ? findTemplate(templates, stored.template_key, stored.template_version)
    : latestTemplate(templates, templateKey);
  const earlier =
    useQuery(
      () => (isNew && placementId ? listReferencing("assessment", placementId) : []),
      [isNew, placementId],
    ) ?? [];
  const carried =
    isNew && template
      ? carriedTasks(
          template.definition,
          earlier.filter((a) => a.data.template_key === template.key),
        )
      : {};
  const [errors, setErrors] = useState({});
  const [notice, setNotice] = useState(null);
  const summary = useRef(null);
  const model = useMemo(
    () => templateModel(template?.definition, "answers", CODECS),
    [template?.definition],
  );
  const form = useAutosave({
    type: "assessment",
    id,
    record,
    model,
    defaults: {
      placement_id: placementId,
      template_key: template?.key,
      template_version: template?.version,
      assessed_on: todayIso(),
      assessor_role: "consultant",
      status: "draft",
      ...(isAnswered(carried) ? { answers: carried } : {}),
    },
    ready: () => Boolean(template),
    onCreated: () =>
      currentRoute().screen === "newAssessment" && replaceRoute(paths.assessment(id)),
  });

  if (record === undefined) return <p>Henter …</p>;
  if (!isNew && (!record || record.type !== "assessment")) {
    return (
      <ServerCopy
        type="assessment"
        id={id}
        missing="Vurderingen findes ikke på enheden."
        deleted="Vurderingen er slettet."
      >
        {(remote) => <RemoteTemplateRecord record={remote} />}
      </ServerCopy>
    );
  }
  if (record?.deleted) return <p class="message info">Vurderingen er slettet.</p>;
  if (isNew && !placementId) return <p class="message error">Vurderingen mangler et forløb.</p>;

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
          {record
            ? `Skabelonen "${stored.template_key}" version ${stored.template_version} findes ikke på enheden endnu. Synkronisér, når der er net, så hentes den.`
            : `Skabelonen "${templateKey}" findes ikke på enheden. Synkronisér, når der er net, så hentes den.`}
        </p>
      </>
    );
  }

  const answers = form.current.answers ?? {};
  const fieldValue = (field, fallback) => form.value(field) || fallback;
  const status = fieldValue("status", "draft");
  const final = status === "final";
  const setField = (field, value) => form.edit(field, value);
  const saveState =
    form.saveError || (form.saving ? "Gemmer …" : form.savedAt ? "Gemt på enheden" : "");

  function changeAnswer(path, value) {
    form.edit(answerPath("answers", path), value);
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
    setField("status", "final");
  }

  function keepDraft() {
    setErrors({});
    setNotice({ kind: "ok", text: "Gemt som kladde." });
    setField("status", "draft");
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
            onChange={(e) => setField("assessor_role", e.currentTarget.value)}
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
            onInput={(e) => setField("comment", e.currentTarget.value)}
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
          {saveState}
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
        {record && <JournalMark record={record} before={() => form.flush()} />}
      </Journal>
    </>
  );
}

function jump(elementId) {
  return (event) => {
    event.preventDefault();
    const target = document.getElementById(elementId);
    target?.scrollIntoView({ block: "center" });
    (target?.querySelector("input, textarea, select") ?? target)?.focus();
  };
}
