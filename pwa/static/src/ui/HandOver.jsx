// Hand-over mode: the tablet is handed to the citizen or the employer to read and sign one
// agreement. App.jsx renders only this screen while handOverState names an agreement: no
// status bar, no navigation, nothing else reachable. It shows the snapshot taken when the
// mode started (ui/agreement/snapshot.js) in large text with one place per signer role;
// leaving asks for the PIN (the password while the device has no PIN).
import { useEffect, useState } from "preact/hooks";
import { useObservable } from "../observable.js";
import { coverage, shortHash } from "../signature/coverage.js";
import { endHandOver } from "../store/handover.js";
import { listReferencing } from "../store/queries.js";
import { useQuery } from "./useQuery.js";
import { checkPin, sessionState } from "../store/session.js";
import { findTemplate, useTemplates } from "../net/templates.js";
import { deviceError } from "./labels.js";
import { markSignedIfComplete } from "./actions/agreement.js";
import { SignatureShown, SignSlot } from "./agreement/SignSlot.jsx";
import { dropSnapshot, snapshotOf, takeSnapshot } from "./agreement/snapshot.js";
import { consultantName } from "./agreement/words.js";
import { SIGNER_ROLES } from "./words.js";
import { TemplateForm } from "./template/TemplateForm.jsx";
import { paths } from "./routes.js";
import "./agreement/agreement.css";

/** The hand-over screen for agreement `id`. */
export function HandOver({ id }) {
  const [snapshot, setSnapshot] = useState(() => snapshotOf(id));
  const templates = useTemplates();
  const user = useObservable(sessionState).user;
  const signatures = useQuery(() => listReferencing("signature", id), [id]);
  const [extra, setExtra] = useState([]);

  useEffect(() => {
    if (!snapshot) takeSnapshot(id).then((taken) => setSnapshot(taken ?? "missing"));
  }, [id]);

  if (snapshot === "missing") {
    return (
      <main class="handover">
        <p class="message error">Aftalen findes ikke på enheden.</p>
        <LeaveHandOver id={id} />
      </main>
    );
  }
  if (!snapshot || signatures === undefined)
    return (
      <main class="handover">
        <p>Henter aftalen …</p>
      </main>
    );
  const { covered, parties, hash } = snapshot;
  const template = findTemplate(templates, covered.template_key, covered.template_version);
  const signed = coverage(
    hash,
    signatures.map((s) => s.data),
  ).covering;
  const roles = template?.roles ?? [];
  const optional = roles
    .filter((r) => !r.required && !extra.includes(r.role) && !signed.some((s) => s.role === r.role))
    .map((r) => r.role);
  const defaults = {
    citizen: parties.citizen,
    company: parties.contact,
    consultant: consultantName(user),
    mentor: parties.mentor,
    caseworker: parties.caseworker,
  };

  return (
    <main class="handover" aria-labelledby="handover-title">
      <header class="handover-head">
        <h1 id="handover-title">{template?.title ?? "Aftale"}: til gennemlæsning og underskrift</h1>
        <p>Læs aftalen igennem. Underskriv derefter i feltet med din rolle.</p>
        <dl class="facts parties">
          <dt>Borger</dt>
          <dd>{parties.citizen || "Ukendt"}</dd>
          <dt>Virksomhed</dt>
          <dd>{parties.company || "Ukendt"}</dd>
          <dt>Virksomhedskonsulent</dt>
          <dd>{consultantName(user)}</dd>
        </dl>
      </header>
      {template ? (
        <TemplateForm
          definition={template.definition}
          values={covered.content ?? {}}
          readOnly
          context={{ workFunctions: parties.workFunctions }}
          idPrefix="ho"
        />
      ) : (
        <p class="message error">Skabelonen til aftalen findes ikke på enheden.</p>
      )}
      <p class="fingerprint">
        Indholdets fingeraftryk:{" "}
        <span class="hash" title={hash}>
          {shortHash(hash)}
        </span>
      </p>
      <h2>Underskrifter</h2>
      <div class="sign-slots">
        {roles.map(({ role, required }) => {
          const done = signed.find((s) => s.role === role);
          if (done) {
            return (
              <section
                class="card sign-slot done"
                key={role}
                aria-label={`Underskrift: ${done.signer_name}`}
              >
                <SignatureShown signature={done} />
              </section>
            );
          }
          if (!required && !extra.includes(role)) return null;
          return (
            <SignSlot
              key={role}
              role={role}
              required={required}
              agreementId={id}
              snapshot={snapshot}
              defaultName={defaults[role]}
              onSigned={() => markSignedIfComplete(id, hash, roles)}
            />
          );
        })}
      </div>
      {optional.length > 0 && (
        <div class="actions">
          {optional.map((role) => (
            <button
              key={role}
              type="button"
              class="secondary"
              onClick={() => setExtra([...extra, role])}
            >
              Tilføj underskrift fra {SIGNER_ROLES[role].toLocaleLowerCase("da")} (valgfri)
            </button>
          ))}
        </div>
      )}
      <LeaveHandOver id={id} />
    </main>
  );
}

function LeaveHandOver({ id }) {
  const { hasPin } = useObservable(sessionState);
  const [open, setOpen] = useState(false);
  const [secret, setSecret] = useState("");
  const [message, setMessage] = useState("");
  const [busy, setBusy] = useState(false);
  const label = hasPin ? "PIN-kode" : "PIN-kode eller adgangskode";

  async function leave(event) {
    event.preventDefault();
    if (!secret) {
      setMessage(`Skriv ${hasPin ? "PIN-koden" : "PIN-koden eller adgangskoden"}`);
      return;
    }
    setBusy(true);
    try {
      if (!(await checkPin(secret))) {
        setMessage(`Forkert ${label}. Overdragelsen fortsætter.`);
        setSecret("");
        return;
      }
      dropSnapshot(id);
      endHandOver();
      window.history.replaceState(null, "", paths.agreement(id));
      window.dispatchEvent(new HashChangeEvent("hashchange"));
    } catch (error) {
      setMessage(deviceError(error));
    } finally {
      setBusy(false);
    }
  }

  if (!open) {
    return (
      <div class="actions handover-leave">
        <button type="button" class="secondary" onClick={() => setOpen(true)}>
          Afslut overdragelse
        </button>
      </div>
    );
  }
  return (
    <form class="card handover-leave" onSubmit={leave} noValidate>
      <h2>Afslut overdragelse</h2>
      <p>Kun konsulenten kan afslutte overdragelsen.</p>
      <label for="handover-secret">{label}</label>
      <input
        id="handover-secret"
        type="password"
        autocomplete="off"
        value={secret}
        inputMode={hasPin ? "numeric" : undefined}
        aria-invalid={message ? "true" : undefined}
        aria-describedby={message ? "handover-secret-error" : undefined}
        onInput={(e) => setSecret(e.currentTarget.value)}
      />
      {message && (
        <p class="field-error" id="handover-secret-error" role="alert">
          {message}
        </p>
      )}
      <div class="actions">
        <button type="submit" disabled={busy}>
          Afslut overdragelse
        </button>
        <button
          type="button"
          class="secondary"
          onClick={() => {
            setOpen(false);
            setMessage("");
            setSecret("");
          }}
        >
          Fortsæt overdragelsen
        </button>
      </div>
    </form>
  );
}
