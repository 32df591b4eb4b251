// What hangs on a placement: its meetings (newest first), assessments and agreements,
// each a link to its screen, with the buttons that start a new one.
import { latestTemplate, templatesOfKind } from "../../net/templates.js";
import { navigate, paths } from "../routes.js";
import { longDate, longDateTime } from "../../dates.js";
import { AGREEMENT_STATUSES, ASSESSOR_ROLES, MEETING_KINDS } from "../words.js";

const meetingTime = (m) => String(m.data.held_at ?? m.data.scheduled_at ?? "");

/** The placement's meetings with "Nyt møde". */
export function Meetings({ meetings, companyId, placementId }) {
  const sorted = [...meetings].sort((a, b) => meetingTime(b).localeCompare(meetingTime(a)));
  return (
    <section class="card" aria-labelledby="pl-meetings">
      <div class="card-head">
        <h2 id="pl-meetings">Møder</h2>
        <button type="button" onClick={() => navigate(paths.newMeeting(companyId, placementId))}>
          Nyt møde
        </button>
      </div>
      {sorted.length === 0 ? (
        <p class="empty">Ingen møder endnu.</p>
      ) : (
        <ul class="list" aria-label="Møder, nyeste først">
          {sorted.map((m) => (
            <li key={m.id}>
              <a href={paths.meeting(m.id)}>
                <span class="name">{MEETING_KINDS[m.data.kind] ?? "Møde"}</span>
                <span class="meta">
                  {longDateTime(meetingTime(m)) || "Uden tidspunkt"}
                  {m.data.status === "final" ? " · Afsluttet" : " · Kladde"}
                </span>
                {m.pending && <span class="tag">Ikke sendt</span>}
              </a>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** The placement's assessments with one "Ny vurdering: <title>" per assessment template. */
export function Assessments({ assessments, templates, placementId }) {
  const sorted = [...assessments].sort((a, b) =>
    String(b.data.assessed_on ?? "").localeCompare(String(a.data.assessed_on ?? "")),
  );
  const title = (key) => latestTemplate(templates, key)?.title ?? key;
  return (
    <section class="card" aria-labelledby="pl-assessments">
      <h2 id="pl-assessments">Vurderinger</h2>
      <div class="inline new-buttons">
        {templatesOfKind(templates, "assessment").map((t) => (
          <button
            key={t.key}
            type="button"
            class="secondary"
            onClick={() => navigate(paths.newAssessment(placementId, t.key))}
          >
            Ny vurdering: {t.title}
          </button>
        ))}
      </div>
      {sorted.length === 0 ? (
        <p class="empty">Ingen vurderinger endnu.</p>
      ) : (
        <ul class="list" aria-label="Vurderinger, nyeste først">
          {sorted.map((a) => (
            <li key={a.id}>
              <a href={paths.assessment(a.id)}>
                <span class="name">{title(a.data.template_key)}</span>
                <span class="meta">
                  {longDate(a.data.assessed_on)}
                  {a.data.assessor_role ? ` · ${ASSESSOR_ROLES[a.data.assessor_role] ?? ""}` : ""}
                  {a.data.status === "final" ? " · Afsluttet" : " · Kladde"}
                </span>
                {a.pending && <span class="tag">Ikke sendt</span>}
              </a>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** The placement's agreements with "Ny <title>" per agreement template. */
export function Agreements({ agreements, templates, placementId }) {
  const title = (key) => latestTemplate(templates, key)?.title ?? key;
  return (
    <section class="card" aria-labelledby="pl-agreements">
      <h2 id="pl-agreements">Aftaler</h2>
      <div class="inline new-buttons">
        {templatesOfKind(templates, "agreement").map((t) => (
          <button
            key={t.key}
            type="button"
            class="secondary"
            onClick={() => navigate(paths.newAgreement(placementId, t.key))}
          >
            Ny {t.title.toLocaleLowerCase("da")}
          </button>
        ))}
      </div>
      {agreements.length === 0 ? (
        <p class="empty">Ingen aftaler endnu.</p>
      ) : (
        <ul class="list" aria-label="Aftaler">
          {agreements.map((a) => (
            <li key={a.id}>
              <a href={paths.agreement(a.id)}>
                <span class="name">{title(a.data.template_key)}</span>
                <span class="meta">{AGREEMENT_STATUSES[a.data.status] ?? "Kladde"}</span>
                {a.pending && <span class="tag">Ikke sendt</span>}
              </a>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
