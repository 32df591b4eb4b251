// The company as a briefing before a visit: facts, "Nyt møde", contacts (add/edit),
// active placements (citizen's name and current hours only), open job orders and
// agreements, the last follow-up's notes and agreements, interests, and the whole meeting
// history across colleagues, newest first.
import { useState } from "preact/hooks";
import { readBriefing } from "../store/briefing.js";
import { getRecord } from "../store/records.js";
import { useQuery } from "./useQuery.js";
import { findTemplate, useTemplates } from "../net/templates.js";
import { userName, useUsers } from "../net/users.js";
import {
  COMPANY_STATUS,
  CONTACT_ROLES,
  currentHours,
  hoursText,
  INTEREST_LABELS,
  isActivePlacement,
  isOpenAgreement,
  isOpenJobOrder,
  lastFollowUp,
  newestFirst,
} from "./company-model.js";
import { ContactForm } from "./ContactForm.jsx";
import { CompanyPositions } from "./team/CompanyPositions.jsx";
import { problemLines } from "./labels.js";
import { danishDate, danishDateTime, todayIso } from "../dates.js";
import { MEETING_KINDS, PLACEMENT_KINDS } from "./words.js";
import { paths } from "./routes.js";
import "./day.css";

/** The company briefing for `id`. */
export function CompanyPage({ id }) {
  const record = useQuery(() => getRecord(id), [id]);
  const briefing = useQuery(() => readBriefing(id), [id]);
  const users = useUsers();
  const templates = useTemplates();
  if (record === undefined || briefing === undefined) return <p>Henter …</p>;
  if (!record) return <p class="message error">Virksomheden findes ikke på enheden.</p>;
  if (record.deleted) return <p class="message info">Virksomheden er slettet.</p>;
  const c = record.data;
  const today = todayIso();
  const active = briefing.placements.filter((p) => isActivePlacement(p.data, today));
  const jobOrders = briefing.jobOrders.filter((j) => isOpenJobOrder(j.data));
  const agreements = briefing.agreements.filter((a) => isOpenAgreement(a.data));
  const citizenOf = new Map(briefing.placements.map((p) => [p.id, p.citizenName]));
  const last = lastFollowUp(briefing.meetings);
  return (
    <div class="briefing">
      <p>
        <a class="back" href={paths.companies()}>
          ← Tilbage til virksomheder
        </a>
      </p>
      <div class="briefing-head">
        <div>
          <h1>{c.name || "Virksomhed"}</h1>
          <p class="meta">
            {[
              c.status && COMPANY_STATUS[c.status],
              c.industry,
              [c.address, [c.postcode, c.city].filter(Boolean).join(" ")]
                .filter(Boolean)
                .join(", "),
              c.cvr && `CVR ${c.cvr}`,
              c.employees !== undefined && `${c.employees} ansatte`,
            ]
              .filter(Boolean)
              .join(" · ")}
          </p>
          <p class="meta">
            {[c.phone && `Tlf. ${c.phone}`, c.email, c.website].filter(Boolean).join(" · ")}
            {c.responsible_user_id && ` · Ansvarlig: ${userName(users, c.responsible_user_id)}`}
          </p>
        </div>
        <div class="head-actions">
          <a class="button big" href={paths.newMeeting(id)}>
            Nyt møde
          </a>
          <a class="button secondary" href={paths.newPlacement(id)}>
            Nyt forløb
          </a>
          <a class="button secondary" href={paths.newContact(id)}>
            Registrér kontakt
          </a>
          <a class="button secondary" href={paths.editCompany(id)}>
            Rediger
          </a>
        </div>
      </div>
      {record.problem && (
        <div class="message error">
          <p>Serveren afviste den seneste ændring:</p>
          <ul>
            {problemLines(record.problem, "company").map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
        </div>
      )}
      <div class="briefing-columns">
        <div>
          <Contacts companyId={id} contacts={briefing.contacts} />
          <section class="card" aria-labelledby="b-placements">
            <h2 id="b-placements">Aktive forløb</h2>
            {active.length === 0 ? (
              <p class="empty">Ingen aktive forløb.</p>
            ) : (
              <ul class="plain">
                {active.map((p) => {
                  const hours = currentHours(p.data.hours, today);
                  return (
                    <li key={p.id}>
                      <a href={paths.placement(p.id)}>{p.citizenName || "Borger"}</a>
                      <span class="meta">
                        {" "}
                        · {PLACEMENT_KINDS[p.data.kind] ?? p.data.kind}
                        {hours
                          ? ` · ${hoursText(hours.internship_hours)} praktiktimer og ${hoursText(hours.paid_hours)} ordinære timer pr. uge`
                          : " · Ingen timer registreret"}
                      </span>
                    </li>
                  );
                })}
              </ul>
            )}
          </section>
          <CompanyPositions companyId={id} />
          <section class="card" aria-labelledby="b-orders">
            <h2 id="b-orders">Åbne jobordrer</h2>
            {jobOrders.length === 0 ? (
              <p class="empty">Ingen åbne jobordrer.</p>
            ) : (
              <ul class="plain">
                {jobOrders.map((j) => (
                  <li key={j.id}>
                    <a href={paths.jobOrder(j.id)}>{j.data.title || "Jobordre"}</a>
                    {j.data.positions ? (
                      <span class="meta">
                        {" "}
                        · {j.data.filled ?? 0} af {j.data.positions} besat
                      </span>
                    ) : null}
                  </li>
                ))}
              </ul>
            )}
            <a class="button secondary" href={paths.newJobOrder(id)}>
              Ny jobordre
            </a>
          </section>
          <section class="card" aria-labelledby="b-agreements">
            <h2 id="b-agreements">Åbne aftaler</h2>
            {agreements.length === 0 ? (
              <p class="empty">Ingen åbne aftaler.</p>
            ) : (
              <ul class="plain">
                {agreements.map((a) => (
                  <li key={a.id}>
                    <a href={paths.agreement(a.id)}>
                      {findTemplate(templates, a.data.template_key, a.data.template_version)
                        ?.title ?? "Aftale"}
                    </a>
                    <span class="meta">
                      {" "}
                      · {citizenOf.get(a.data.placement_id) || "Borger"} ·{" "}
                      {a.data.status === "ready" ? "Klar til underskrift" : "Kladde"}
                    </span>
                  </li>
                ))}
              </ul>
            )}
          </section>
          <section class="card" aria-labelledby="b-interests">
            <h2 id="b-interests">Interesseret i</h2>
            {(c.interests ?? []).length === 0 ? (
              <p class="empty">Ikke registreret.</p>
            ) : (
              <ul class="plain">
                {c.interests.map((i) => (
                  <li key={i}>{INTEREST_LABELS[i] ?? i}</li>
                ))}
              </ul>
            )}
            {c.knowledge && (
              <>
                <h3>Viden om virksomheden</h3>
                <p class="value">{c.knowledge}</p>
              </>
            )}
          </section>
        </div>
        <div>
          <section class="card" aria-labelledby="b-last">
            <h2 id="b-last">Seneste opfølgning</h2>
            {last ? (
              <>
                <p class="meta">
                  <a href={paths.meeting(last.id)}>
                    {MEETING_KINDS[last.data.kind] ?? last.data.kind}{" "}
                    {danishDateTime(last.data.held_at || last.data.scheduled_at)}
                  </a>
                  {last.data.placement_id &&
                    ` · ${citizenOf.get(last.data.placement_id) || "Borger"}`}
                </p>
                <h3>Om borgeren</h3>
                <p class="value">{last.data.notes_citizen || "–"}</p>
                <h3>Aftalt med virksomheden</h3>
                <p class="value">{last.data.notes_company || "–"}</p>
                <Agreements items={last.data.agreements} />
                {last.data.next_follow_up && (
                  <p>
                    <strong>Næste opfølgning:</strong> {danishDate(last.data.next_follow_up)}
                  </p>
                )}
              </>
            ) : (
              <p class="empty">Ingen afholdte opfølgninger endnu.</p>
            )}
          </section>
          <section class="card" aria-labelledby="b-history">
            <h2 id="b-history">Mødehistorik</h2>
            {briefing.meetings.length === 0 ? (
              <p class="empty">Ingen møder endnu.</p>
            ) : (
              <ol class="history">
                {newestFirst(briefing.meetings).map((m) => (
                  <li key={m.id}>
                    <a href={paths.meeting(m.id)}>
                      {danishDateTime(m.data.held_at || m.data.scheduled_at) || "Uden dato"}:{" "}
                      {MEETING_KINDS[m.data.kind] ?? m.data.kind}
                    </a>
                    <span class="meta">
                      {m.data.held_at || m.data.status === "final" ? " · Afholdt" : " · Planlagt"}
                      {` · ${m.createdBy ? userName(users, m.createdBy) : "Dig (ikke sendt)"}`}
                      {(m.data.participants ?? []).length > 0 &&
                        ` med ${m.data.participants
                          .map((p) => p.name)
                          .filter(Boolean)
                          .join(", ")}`}
                      {m.data.placement_id &&
                        ` · ${citizenOf.get(m.data.placement_id) || "Borger"}`}
                    </span>
                    <Agreements items={m.data.agreements} />
                  </li>
                ))}
              </ol>
            )}
          </section>
        </div>
      </div>
    </div>
  );
}

function Agreements({ items }) {
  if (!items?.length) return null;
  return (
    <ul class="agreements" aria-label="Aftaler">
      {items.map((a) => (
        <li key={a.id}>
          {a.done ? "✓ Udført: " : "Åben: "}
          {a.text}
          {(a.responsible || a.due_date) && (
            <span class="meta">
              {" "}
              (
              {[a.responsible, a.due_date && `senest ${danishDate(a.due_date)}`]
                .filter(Boolean)
                .join(", ")}
              )
            </span>
          )}
        </li>
      ))}
    </ul>
  );
}

function Contacts({ companyId, contacts }) {
  const [editing, setEditing] = useState(null);
  const sorted = [...contacts].sort(
    (a, b) =>
      Number(Boolean(b.data.is_primary)) - Number(Boolean(a.data.is_primary)) ||
      String(a.data.name ?? "").localeCompare(String(b.data.name ?? ""), "da"),
  );
  return (
    <section class="card" aria-labelledby="b-contacts">
      <h2 id="b-contacts">Kontaktpersoner</h2>
      {sorted.length === 0 && <p class="empty">Ingen kontaktpersoner endnu.</p>}
      <ul class="plain contacts">
        {sorted.map((ct) =>
          editing === ct.id ? (
            <li key={ct.id}>
              <ContactForm
                companyId={companyId}
                contact={ct}
                others={contacts}
                onDone={() => setEditing(null)}
              />
            </li>
          ) : (
            <li key={ct.id}>
              <span class="name">{ct.data.name}</span>
              {ct.data.is_primary && <span class="tag primary"> Primær</span>}
              <span class="meta">
                {" "}
                {[
                  ct.data.title,
                  CONTACT_ROLES[ct.data.role],
                  ct.data.phone,
                  ct.data.mobile,
                  ct.data.email,
                ]
                  .filter(Boolean)
                  .join(" · ")}
              </span>
              <button
                type="button"
                class="secondary small"
                aria-label={`Rediger ${ct.data.name}`}
                onClick={() => setEditing(ct.id)}
              >
                Rediger
              </button>
            </li>
          ),
        )}
      </ul>
      {editing === "new" ? (
        <ContactForm
          companyId={companyId}
          contact={null}
          others={contacts}
          onDone={() => setEditing(null)}
        />
      ) : (
        <button type="button" class="secondary" onClick={() => setEditing("new")}>
          Tilføj kontaktperson
        </button>
      )}
    </section>
  );
}
