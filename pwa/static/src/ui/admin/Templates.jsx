// "Skabeloner" (#/admin/skabeloner): every assessment and agreement template version, built
// in or uploaded, in use or retired. An admin pastes or chooses a JSON version (or copies an
// existing one as the next version), has the server check it (its problems are listed by
// path), sees it rendered by the same renderer the tablet uses (ui/template/TemplateForm),
// and publishes it. A version never changes; retiring hides it from new records only.
import { useState } from "preact/hooks";
import { useTemplates } from "../../net/templates.js";
import { adminCall } from "./adminApi.js";
import { CallProblem } from "./Offline.jsx";
import { TemplatePreview } from "./TemplatePreview.jsx";
import { useAdminData } from "./useAdminData.js";

const KINDS = { assessment: "Vurdering", agreement: "Aftale" };

/** The templates screen. */
export function Templates({ admin }) {
  const versions = useAdminData("/admin/templates");
  const [draft, setDraft] = useState("");
  const list = versions.answer?.body?.versions ?? [];
  return (
    <>
      <h1>Skabeloner</h1>
      <CallProblem answer={versions.answer} />
      <div class="admin-table-wrap">
        <table class="admin-table">
          <caption class="visually-hidden">Skabelonversioner</caption>
          <thead>
            <tr>
              <th scope="col">Skabelon</th>
              <th scope="col">Nøgle</th>
              <th scope="col">Version</th>
              <th scope="col">Art</th>
              <th scope="col">Oprindelse</th>
              <th scope="col">Status</th>
              {admin && (
                <th scope="col">
                  <span class="visually-hidden">Handlinger</span>
                </th>
              )}
            </tr>
          </thead>
          <tbody>
            {list.map((v) => (
              <VersionRow
                key={`${v.key}/${v.version}`}
                version={v}
                admin={admin}
                onChanged={versions.reload}
                next={Math.max(...list.filter((o) => o.key === v.key).map((o) => o.version)) + 1}
                onCopy={setDraft}
              />
            ))}
          </tbody>
        </table>
      </div>
      {admin && <Upload draft={draft} setDraft={setDraft} onPublished={versions.reload} />}
    </>
  );
}

function VersionRow({ version: v, admin, next, onChanged, onCopy }) {
  const templates = useTemplates();
  const [answer, setAnswer] = useState(null);
  const label = `${v.title} version ${v.version}`;
  async function toggle() {
    const result = await adminCall("PATCH", `/admin/templates/${v.key}/${v.version}`, {
      body: { retired: !v.retired },
    });
    setAnswer(result);
    if (result.ok) onChanged();
  }
  const body = templates.find((t) => t.key === v.key && t.version === v.version);
  return (
    <tr>
      <td>
        {v.title}
        {answer && !answer.ok && <CallProblem answer={answer} />}
      </td>
      <td>{v.key}</td>
      <td>{v.version}</td>
      <td>{KINDS[v.kind]}</td>
      <td>{v.builtin ? "Indbygget" : "Uploadet"}</td>
      <td>{v.retired ? "Udfaset" : "I brug"}</td>
      {admin && (
        <td class="actions">
          <button
            type="button"
            class="secondary"
            onClick={toggle}
            aria-label={`${v.retired ? "Tag i brug igen" : "Udfas"}: ${label}`}
          >
            {v.retired ? "Tag i brug igen" : "Udfas"}
          </button>
          {body && (
            <button
              type="button"
              class="secondary"
              aria-label={`Kopiér som ny version: ${label} som version ${next}`}
              onClick={() => onCopy(JSON.stringify({ ...strip(body), version: next }, null, 2))}
            >
              Kopiér som ny version
            </button>
          )}
        </td>
      )}
    </tr>
  );
}

function strip(template) {
  const { retired: _retired, ...rest } = template;
  return rest;
}

function Upload({ draft, setDraft, onPublished }) {
  const [checked, setChecked] = useState(null);
  const [published, setPublished] = useState(null);
  const parsed = () => {
    try {
      return { template: JSON.parse(draft) };
    } catch (error) {
      return { problem: `Ikke gyldig JSON: ${error.message}` };
    }
  };
  async function check() {
    setPublished(null);
    const { template, problem } = parsed();
    if (problem) {
      setChecked({ ok: false, problem, errors: {} });
      return;
    }
    setChecked({
      ...(await adminCall("POST", "/admin/templates", { body: template, query: { dry_run: "1" } })),
      template,
    });
  }
  async function publish() {
    const result = await adminCall("POST", "/admin/templates", { body: checked.template });
    setPublished(result);
    if (result.ok) {
      setChecked(null);
      setDraft("");
      onPublished();
    }
  }
  async function choose(event) {
    const file = event.currentTarget.files?.[0];
    if (file) {
      setDraft(await file.text());
      setChecked(null);
    }
  }
  const problems = Object.entries(checked?.errors ?? {});
  return (
    <section class="card" aria-labelledby="upload-title">
      <h2 id="upload-title">Ny version</h2>
      <p>
        Vælg en JSON-fil, indsæt skabelonen, eller kopiér en eksisterende version ovenfor. En
        udgivet version kan ikke ændres; nye vurderinger og aftaler bruger den nyeste version, der
        er i brug, og gamle åbner med deres egen version.
      </p>
      <label for="template-file">JSON-fil</label>
      <input id="template-file" type="file" accept="application/json,.json" onChange={choose} />
      <label for="template-json">Skabelon (JSON)</label>
      <textarea
        id="template-json"
        class="template-json"
        value={draft}
        spellcheck={false}
        onInput={(e) => {
          setDraft(e.currentTarget.value);
          setChecked(null);
        }}
      />
      <div class="actions">
        <button type="button" onClick={check} disabled={!draft.trim()}>
          Kontrollér og forhåndsvis
        </button>
      </div>
      {checked && !checked.ok && problems.length === 0 && <CallProblem answer={checked} />}
      {problems.length > 0 && (
        <div class="message error" role="alert">
          <p>Skabelonen kan ikke udgives:</p>
          <ul class="admin-problems">
            {problems.map(([path, messages]) => (
              <li key={path}>
                <code>{path}</code>: {messages.join(" ")}
              </li>
            ))}
          </ul>
        </div>
      )}
      {checked?.ok && (
        <>
          <p class="message ok" role="status">
            Skabelonen følger formatet. Sådan ser den ud på tabletten:
          </p>
          <TemplatePreview template={checked.template} />
          <div class="actions">
            <button type="button" onClick={publish}>
              Udgiv {checked.template.title} version {checked.template.version}
            </button>
          </div>
        </>
      )}
      {published?.ok && (
        <p class="message ok" role="status">
          Udgivet. Tabletterne får versionen ved næste synkronisering.
        </p>
      )}
      {published && !published.ok && <CallProblem answer={published} />}
    </section>
  );
}
