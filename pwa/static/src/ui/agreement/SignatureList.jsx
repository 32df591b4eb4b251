// The agreement's signatures: those that cover the current content, the roles still
// missing, and, for signatures that covered another version, "Underskrevet version afviger
// fra den nuværende" with both versions side by side and the differences marked. Nothing
// is merged into signed content: the signed version is the signature's own copy.
import { changedItems, missingRoles, shortHash } from "../../signature/coverage.js";
import { problemLines } from "../labels.js";
import { answerText, itemsOf } from "../template/model.js";
import { SignatureShown } from "./SignSlot.jsx";
import { SIGNER_ROLES } from "../words.js";

/** The signatures section of the agreement screen. */
export function SignatureList({ view, template, templateOf }) {
  const { signatures, covering, other, record } = view;
  const missing = missingRoles(template?.roles, covering).filter((r) => r.required);
  const groups = [...new Set(other.map((s) => s.content_sha256))].map((hash) => ({
    hash,
    signatures: other.filter((s) => s.content_sha256 === hash),
  }));
  return (
    <section class="card" aria-labelledby="ag-signatures">
      <h2 id="ag-signatures">Underskrifter</h2>
      {!signatures.length && <p class="empty">Ingen underskrifter endnu.</p>}
      {covering.length > 0 && (
        <ul class="sig-list">
          {covering.map((s) => (
            <li key={s.id}>
              <SignatureShown signature={s} />
              <p class="covers">
                ✓ Dækker det nuværende indhold{s.pending ? " · ikke sendt endnu" : ""}
              </p>
              <SignatureProblem signature={s} />
            </li>
          ))}
        </ul>
      )}
      {record.data.status !== "void" && missing.length > 0 && (
        <p>
          Mangler underskrift fra: {missing.map((r) => SIGNER_ROLES[r.role] ?? r.role).join(", ")}
        </p>
      )}
      {groups.map((group) => (
        <Deviation
          key={group.hash}
          group={group}
          current={record.data.content ?? {}}
          currentTemplate={template}
          templateOf={templateOf}
        />
      ))}
    </section>
  );
}

function SignatureProblem({ signature }) {
  if (!signature.problem) return null;
  return (
    <div class="message error">
      <p>Serveren afviste underskriften:</p>
      <ul>
        {problemLines(signature.problem, "signature").map((line) => (
          <li key={line}>{line}</li>
        ))}
      </ul>
    </div>
  );
}

function Deviation({ group, current, currentTemplate, templateOf }) {
  const signed = group.signatures[0].content;
  const signedTemplate =
    templateOf(signed.template_key, signed.template_version) ?? currentTemplate;
  const changed = new Set(changedItems(signed.content, current));
  const items = new Map();
  for (const t of [signedTemplate, currentTemplate]) {
    for (const { item } of itemsOf(t?.definition))
      if (!items.has(item.id)) items.set(item.id, item);
  }
  for (const id of changed) if (!items.has(id)) items.set(id, { id, label: id, type: "text" });
  const text = (item, value) => answerText(item, value) || "Ikke udfyldt";
  const cell = (item, value) =>
    typeof value === "object" && value !== null && !Array.isArray(value)
      ? JSON.stringify(value)
      : text(item, value);
  return (
    <div class="deviation" role="group" aria-labelledby={`dev-${group.hash}`}>
      <p class="message error" id={`dev-${group.hash}`}>
        Underskrevet version afviger fra den nuværende
      </p>
      <p>
        Underskrevet af{" "}
        {group.signatures
          .map((s) => `${s.signer_name} (${SIGNER_ROLES[s.role] ?? s.role})`)
          .join(", ")}
        . Fingeraftryk for den underskrevne version:{" "}
        <span class="hash" title={group.hash}>
          {shortHash(group.hash)}
        </span>
        . {changed.size === 1 ? "1 felt er ændret" : `${changed.size} felter er ændret`} siden
        underskriften.
      </p>
      <table class="compare">
        <caption class="visually-hidden">Den underskrevne og den nuværende version</caption>
        <thead>
          <tr>
            <th scope="col">Felt</th>
            <th scope="col">Underskrevet version</th>
            <th scope="col">Nuværende version</th>
          </tr>
        </thead>
        <tbody>
          {[...items.values()].map((item) => {
            const differs = changed.has(item.id);
            return (
              <tr key={item.id} class={differs ? "changed" : ""}>
                <th scope="row">
                  {item.label}
                  {differs && <span class="tag changed-tag"> Ændret</span>}
                </th>
                <td class="value" data-label="Underskrevet version">
                  {cell(item, signed.content?.[item.id])}
                </td>
                <td class="value" data-label="Nuværende version">
                  {cell(item, current[item.id])}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
