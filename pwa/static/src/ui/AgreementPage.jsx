// The agreement screen ("#/aftale/<id>", "#/aftale/ny/<placementId>/<templateKey>"): an
// opstartsaftale or praktikaftale filled from the placement, edited offline with autosave,
// set "Klar til underskrift", signed in hand-over mode, locked while a signature covers
// its content, replaced by "Ny version", downloaded as the sealed PDF when online.
// Rules:
// - A new agreement's id is made when the screen opens; its first save (forms/useAutosave.js)
//   makes the address its own (history.replaceState, without remounting the form), so a
//   reload never duplicates it.
// - Coverage and the lock are computed from the signatures when shown (signature/coverage.js).
import { useEffect, useMemo, useRef, useState } from "preact/hooks";
import { useObservable } from "../observable.js";
import { fullySigned, shortHash } from "../signature/coverage.js";
import { logOpened } from "../store/audit.js";
import { startHandOver } from "../store/handover.js";
import { getRecord, saveRecord } from "../store/records.js";
import { newAgreementVersion } from "./actions/agreement.js";
import { useQuery } from "./useQuery.js";
import { sessionState } from "../store/session.js";
import { findTemplate, latestTemplate, useTemplates } from "../net/templates.js";
import { validateRecord } from "../validate.js";
import { Actions } from "./agreement/Actions.jsx";
import { ContentEditor } from "./agreement/ContentEditor.jsx";
import { agreementModel, readyErrors } from "./agreement/content.js";
import { useAutosave } from "./forms/useAutosave.js";
import { prefillContent } from "./agreement/prefill.js";
import { readAgreement, readPlacementSources } from "./agreement/read.js";
import { SignatureList } from "./agreement/SignatureList.jsx";
import { changedDuringHandOver, handOverNotice, takeSnapshot } from "./agreement/snapshot.js";
import { consultantName } from "./agreement/words.js";
import { RemoteTemplateRecord } from "./RemoteViews.jsx";
import { ServerCopy } from "./ServerCopy.jsx";
import { AGREEMENT_STATUSES } from "./words.js";
import { JournalMark } from "./journal/JournalMark.jsx";
import { agreementNote } from "./journal/templateNote.js";
import { problemLines } from "./labels.js";
import { Journal } from "./meeting/Journal.jsx";
import { navigate, paths } from "./routes.js";
import "./agreement/agreement.css";

/** A new agreement's view, shaped like an existing one's (record data from the prefill). */
async function readNew(placementId, template) {
  const sources = await readPlacementSources(placementId);
  if (!sources.placement) return { missing: "placement" };
  const data = {
    placement_id: placementId,
    template_key: template.key,
    template_version: template.version,
    content: prefillContent(template.definition, sources),
    status: "draft",
  };
  return {
    record: { data, pending: false, problem: null },
    isNew: true,
    parties: sources.parties,
    signatures: [],
    covering: [],
    other: [],
    locked: false,
    deviates: false,
    replacedBy: null,
    hash: "",
  };
}

/** The agreement screen: `id`, or `placementId` and `templateKey` for a new one. */
export function AgreementPage({ id, placementId, templateKey }) {
  const [createdId, setCreatedId] = useState(null);
  const newId = useRef(id ? null : crypto.randomUUID());
  const agreementId = id ?? createdId;
  const recordId = id ?? newId.current;
  const templates = useTemplates();
  const newTemplate = agreementId ? null : latestTemplate(templates, templateKey);
  const read = useQuery(
    () =>
      agreementId
        ? readAgreement(agreementId)
        : newTemplate
          ? readNew(placementId, newTemplate)
          : { missing: "template" },
    [agreementId, placementId, newTemplate],
  );
  const last = useRef(undefined);
  if (read !== undefined) last.current = read;
  const view = last.current;
  const user = useObservable(sessionState).user;
  const notice = useObservable(handOverNotice);
  const [extraErrors, setExtraErrors] = useState({});
  const [message, setMessage] = useState("");
  const shown = view?.record?.data;
  const definition = findTemplate(
    templates,
    shown?.template_key,
    shown?.template_version,
  )?.definition;
  const model = useMemo(() => agreementModel(definition), [definition]);
  const form = useAutosave({
    type: "agreement",
    id: recordId,
    record: view?.isNew ? null : view?.record,
    defaults: view?.isNew ? shown : {},
    model,
    ready: (fresh) => !Object.keys(validateRecord("agreement", fresh)).length,
    onCreated() {
      window.history.replaceState(null, "", paths.agreement(recordId));
      setCreatedId(recordId);
    },
  });

  useEffect(() => {
    if (!agreementId) return undefined;
    logOpened("agreement", agreementId);
    return () => {
      if (handOverNotice.get().agreementId === agreementId)
        handOverNotice.set({ agreementId: null, hash: null });
    };
  }, [agreementId]);

  if (view === undefined) return <p>Henter …</p>;
  if (view.missing === "template")
    return (
      <p class="message error">
        Skabelonen findes ikke på enheden endnu. Synkronisér, når enheden er online.
      </p>
    );
  if (view.missing === "placement")
    return <p class="message error">Forløbet findes ikke på enheden.</p>;
  if (!view.record) {
    return (
      <ServerCopy
        type="agreement"
        id={agreementId}
        missing="Aftalen findes ikke på enheden."
        deleted="Aftalen er slettet."
      >
        {(remote) => <RemoteTemplateRecord record={remote} />}
      </ServerCopy>
    );
  }
  const { record, parties } = view;
  const data = record.data;
  const template = findTemplate(templates, data.template_key, data.template_version);
  if (!template)
    return (
      <p class="message error">
        Skabelonen til aftalen findes ikke på enheden. Synkronisér, når enheden er online.
      </p>
    );
  const editable = data.status !== "void" && !view.locked && (data.status ?? "draft") === "draft";

  async function setStatus(status) {
    if (!(await form.flush({ create: true }))) return;
    const saved = await getRecord(recordId);
    if (!saved) return;
    const content = saved.data.content ?? {};
    if (status === "ready") {
      const missing = readyErrors(template.definition, content);
      setExtraErrors(missing);
      if (Object.keys(missing).length) {
        setMessage("Udfyld de felter, der skal udfyldes, før aftalen er klar til underskrift.");
        return;
      }
    }
    setMessage("");
    await saveRecord("agreement", recordId, { status });
  }

  async function handOver() {
    if (!(await form.flush())) return;
    await takeSnapshot(agreementId);
    startHandOver(agreementId);
  }

  async function newVersion() {
    navigate(paths.agreement(await newAgreementVersion(agreementId, data)));
  }

  return (
    <article class="ag-page">
      <p>
        <a class="back" href={paths.placement(data.placement_id)}>
          ← Til forløbet
        </a>
      </p>
      <h1>
        {template.title}
        {view.isNew ? " (ny)" : ""}
      </h1>
      <p class="ag-status">
        Status: <strong>{AGREEMENT_STATUSES[data.status ?? "draft"]}</strong>
        {view.locked && <span class="locked-tag"> · Indholdet er låst</span>}
        {record.pending && <span class="tag"> · ikke sendt endnu</span>}
      </p>
      <dl class="facts parties card">
        <dt>Borger</dt>
        <dd>{parties.citizen || "Ukendt"}</dd>
        <dt>Virksomhed</dt>
        <dd>{parties.company || "Ukendt"}</dd>
        <dt>Kontaktperson</dt>
        <dd>{parties.contact || "Ikke angivet"}</dd>
        <dt>Virksomhedskonsulent</dt>
        <dd>{consultantName(user)}</dd>
      </dl>
      {record.problem && (
        <div class="message error">
          <p>Serveren afviste den seneste ændring:</p>
          <ul>
            {problemLines(record.problem, "agreement").map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
        </div>
      )}
      {changedDuringHandOver(notice, agreementId, view.hash, view.signatures) && (
        <div class="message error" role="alert">
          Aftalen blev ændret på en anden enhed, mens den var overladt til underskrift.
          Underskrifterne gælder den version, der blev vist under overdragelsen.{" "}
          <button
            type="button"
            class="secondary"
            onClick={() => handOverNotice.set({ agreementId: null, hash: null })}
          >
            OK
          </button>
        </div>
      )}
      {data.status === "void" &&
        (view.replacedBy ? (
          <p class="message info">
            Erstattet af ny version.{" "}
            <a href={paths.agreement(view.replacedBy.id)}>Åbn den nye version</a>
          </p>
        ) : (
          <p class="message info">Aftalen er annulleret.</p>
        ))}
      {data.replaces_id && (
        <p class="message info">
          Ny version af en tidligere aftale.{" "}
          <a href={paths.agreement(data.replaces_id)}>Se den tidligere version</a>
        </p>
      )}
      {view.locked && data.status !== "void" && (
        <p class="message info">
          Aftalen er underskrevet, så indholdet er låst og kan ikke ændres. Skal noget ændres, så
          opret en ny version: den skal underskrives igen, og denne version beholder sine
          underskrifter.
        </p>
      )}
      {!view.locked && data.status === "ready" && !view.signatures.length && (
        <p class="message info">
          Aftalen er klar til underskrift. Vælg "Tilbage til kladde" for at rette indholdet.
        </p>
      )}
      {view.deviates && data.status !== "void" && (
        <div class="message error">
          En underskrift gælder en anden version af indholdet end den nuværende.{" "}
          <button
            type="button"
            class="secondary"
            onClick={() => document.getElementById("ag-signatures")?.scrollIntoView()}
          >
            Se begge versioner
          </button>
        </div>
      )}
      {message && (
        <p class="message error" role="alert">
          {message}
        </p>
      )}
      <ContentEditor
        definition={template.definition}
        form={form}
        readOnly={!editable}
        workFunctions={parties.workFunctions}
        extraErrors={extraErrors}
      />
      {view.hash && (
        <p class="fingerprint">
          Indholdets fingeraftryk:{" "}
          <span class="hash" title={view.hash}>
            {shortHash(view.hash)}
          </span>
        </p>
      )}
      {!view.isNew && (
        <SignatureList
          view={view}
          template={template}
          templateOf={(k, v) => findTemplate(templates, k, v)}
        />
      )}
      <Actions
        view={view}
        agreementId={agreementId}
        setStatus={setStatus}
        handOver={handOver}
        newVersion={newVersion}
        complete={fullySigned(template.roles, view.covering)}
      />
      {!view.isNew && (
        <Journal
          prefix="ag"
          asText
          text={agreementNote(template, data, {
            citizenName: parties.citizen,
            companyName: parties.company,
            workFunctions: parties.workFunctions,
            signatures: view.covering,
          })}
        >
          <JournalMark record={{ ...record, id: agreementId, type: "agreement" }} />
        </Journal>
      )}
    </article>
  );
}
