// One signer's place in hand-over mode: the printed name, the signature drawn on the pad
// or (for a signer who cannot draw) the typed full name with an explicit confirmation,
// and "Underskriv". A signature is stored once, with a new id, and never edited.
import { useState } from "preact/hooks";
import { saveRecord } from "../../store/records.js";
import { hasInk, strokesPath } from "../../signature/strokes.js";
import { signingErrors } from "./content.js";
import { validateRecord } from "../../validate.js";
import { deviceError } from "../labels.js";
import { SignaturePad } from "../SignaturePad.jsx";
import { danishDateTime, rfc3339Now } from "../../dates.js";
import { SIGNER_ROLES } from "../words.js";
import { TYPED_CONFIRMATION } from "./words.js";

/** A stored signature shown: the drawing (or the typed name), the name and the time. */
export function SignatureShown({ signature }) {
  const label = SIGNER_ROLES[signature.role] ?? signature.role;
  return (
    <figure class="sig-shown">
      {signature.method === "drawn" && hasInk(signature.strokes) ? (
        <svg
          viewBox={`0 0 ${signature.width || 400} ${signature.height || 160}`}
          role="img"
          aria-label={`Tegnet underskrift: ${signature.signer_name}`}
          preserveAspectRatio="xMidYMid meet"
        >
          <path
            d={strokesPath(signature.strokes)}
            fill="none"
            stroke="#14215a"
            stroke-width="2.2"
            stroke-linecap="round"
            stroke-linejoin="round"
          />
        </svg>
      ) : (
        <p class="sig-typed">{signature.signer_name}</p>
      )}
      <figcaption>
        <strong>{signature.signer_name}</strong>, {label}
        <br />
        Underskrevet {danishDateTime(signature.signed_at)}
        {signature.method === "typed" ? " (skrevet navn)" : " (tegnet)"}
      </figcaption>
    </figure>
  );
}

/** The form that signs for `role` with the snapshot's covered object and hash. */
export function SignSlot({ role, required, agreementId, snapshot, defaultName, onSigned }) {
  const label = SIGNER_ROLES[role] ?? role;
  const id = `sign-${role}`;
  const [name, setName] = useState(defaultName ?? "");
  const [method, setMethod] = useState("drawn");
  const [drawing, setDrawing] = useState(null);
  const [typed, setTyped] = useState("");
  const [confirmed, setConfirmed] = useState(false);
  const [errors, setErrors] = useState({});
  const [failure, setFailure] = useState("");

  async function sign() {
    const found = signingErrors({ name, method, drawing, typed, confirmed });
    setErrors(found);
    if (Object.keys(found).length) return;
    const data = {
      agreement_id: agreementId,
      role,
      signer_name: name.trim(),
      signed_at: rfc3339Now(),
      content: snapshot.covered,
      content_sha256: snapshot.hash,
      method,
    };
    if (method === "drawn") Object.assign(data, drawing);
    const invalid = validateRecord("signature", data);
    if (Object.keys(invalid).length) {
      setFailure(`Underskriften kan ikke gemmes: ${Object.values(invalid).join(", ")}`);
      return;
    }
    try {
      await saveRecord("signature", crypto.randomUUID(), data);
      setFailure("");
      onSigned?.();
    } catch (error) {
      setFailure(deviceError(error));
    }
  }

  const error = (field) =>
    errors[field] && (
      <p class="field-error" id={`${id}-${field}-error`}>
        {errors[field]}
      </p>
    );
  const invalid = (field) =>
    errors[field] ? { "aria-invalid": "true", "aria-describedby": `${id}-${field}-error` } : {};
  return (
    <section class="card sign-slot" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>
        {label}
        {required ? "" : " (valgfri)"}
      </h3>
      <label for={`${id}-name`}>Underskriverens navn</label>
      <input
        id={`${id}-name`}
        value={name}
        autocomplete="off"
        {...invalid("name")}
        onInput={(e) => setName(e.currentTarget.value)}
      />
      {error("name")}
      <fieldset class="sign-method">
        <legend>Måde at underskrive på</legend>
        <label class="ag-choice">
          <input
            type="radio"
            name={`${id}-method`}
            checked={method === "drawn"}
            onChange={() => setMethod("drawn")}
          />{" "}
          Tegn underskrift
        </label>
        <label class="ag-choice">
          <input
            type="radio"
            name={`${id}-method`}
            checked={method === "typed"}
            onChange={() => setMethod("typed")}
          />{" "}
          Skriv navnet i stedet
        </label>
      </fieldset>
      {method === "drawn" ? (
        <>
          <p class="ag-hint" id={`${id}-hint`}>
            Tegn underskriften med fingeren, en pen eller musen.
          </p>
          <SignaturePad
            label={`Underskriftsfelt for ${label}`}
            value={drawing}
            onChange={setDrawing}
            describedBy={errors.drawing ? `${id}-drawing-error` : `${id}-hint`}
          />
          {error("drawing")}
        </>
      ) : (
        <>
          <label for={`${id}-typed`}>Skriv dit fulde navn</label>
          <input
            id={`${id}-typed`}
            value={typed}
            autocomplete="off"
            {...invalid("typed")}
            onInput={(e) => setTyped(e.currentTarget.value)}
          />
          {error("typed")}
          <label class="ag-choice ag-confirm">
            <input
              type="checkbox"
              checked={confirmed}
              {...invalid("confirmed")}
              onChange={(e) => setConfirmed(e.currentTarget.checked)}
            />{" "}
            {TYPED_CONFIRMATION}
          </label>
          {error("confirmed")}
        </>
      )}
      <div class="actions">
        <button type="button" onClick={sign}>
          Underskriv<span class="visually-hidden"> som {label}</span>
        </button>
        {failure && (
          <span class="message error" role="alert">
            {failure}
          </span>
        )}
      </div>
    </section>
  );
}
