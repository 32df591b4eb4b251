// The job order form (jobordre), captured during a meeting when the company mentions a
// need: the order form's fields (seed 000, 2.C and 2.J), the contact log and the order's
// age (derived, never stored). Saved on the device as it is typed once the job title is
// filled in. Routes (ui/routes.js): jobOrder(id, meetingId?) or newJobOrder(companyId,
// meetingId?); with a meeting,
// "Tilbage til mødet" returns to it.
import { useRef, useState } from "preact/hooks";
import { useObservable } from "../observable.js";
import { listReferencing } from "../store/queries.js";
import { getRecord } from "../store/records.js";
import { useQuery } from "./useQuery.js";
import { sessionState } from "../store/session.js";
import { validateRecord } from "../validate.js";
import { problemLines } from "./labels.js";
import { CheckGroup, RadioGroup, TextArea, TextField } from "./meeting/fields.jsx";
import {
  JOB_ORDER_MODEL,
  JOB_ORDER_HINTS,
  JOB_ORDER_LABELS as L,
  JOB_ORDER_OPTIONS,
  jobOrderAge,
} from "./meeting/jobOrder.js";
import { clockTime, danishDate, todayIso } from "../dates.js";
import { copenhagenDay } from "./team/positions.js";
import { useAutosave } from "./forms/useAutosave.js";
import { currentRoute, navigate, paths, replaceRoute } from "./routes.js";
import "./meeting/meeting.css";

/** The job order screen: "jobOrder" {id, meetingId?} or "newJobOrder" {companyId, meetingId?}. */
export function JobOrderForm({ screen, params }) {
  const pending = useRef({});
  const isNew = screen === "newJobOrder";
  if (!isNew) pending.current = {};
  const id = isNew ? (pending.current[JSON.stringify(params)] ??= crypto.randomUUID()) : params.id;
  return (
    <JobOrder
      key={id}
      id={id}
      isNew={isNew}
      companyId={isNew ? params.companyId : undefined}
      meetingId={params.meetingId}
    />
  );
}

function ContactLog({ log, user, onAdd }) {
  const [date, setDate] = useState(todayIso());
  const [text, setText] = useState("");
  function add() {
    if (!text.trim()) return;
    onAdd({ id: crypto.randomUUID(), date, user_id: user?.id, text: text.trim() });
    setText("");
  }
  const who = (entry) =>
    entry.user_id && entry.user_id === user?.id ? user.display_name || user.username : "Kollega";
  return (
    <section class="card" aria-labelledby="job-order-log-title">
      <h2 id="job-order-log-title">{L.log}</h2>
      {log.length === 0 && <p class="empty">Ingen kontakter endnu.</p>}
      <ul class="rows">
        {[...log]
          .sort((a, b) => String(b.date).localeCompare(String(a.date)))
          .map((entry) => (
            <li key={entry.id} class="log-entry">
              <p class="meta">
                {danishDate(entry.date)} · {who(entry)}
              </p>
              <p class="value">{entry.text}</p>
            </li>
          ))}
      </ul>
      <div class="form-grid">
        <TextField
          id="job-order-log-date"
          type="date"
          label="Dato"
          value={date}
          onInput={setDate}
        />
        <TextArea
          id="job-order-log-text"
          class="wide short"
          label="Kommentarer"
          value={text}
          onInput={setText}
        />
      </div>
      <div class="actions">
        <button type="button" class="secondary" onClick={add}>
          Tilføj kontakt
        </button>
      </div>
    </section>
  );
}

function JobOrder({ id, ...props }) {
  // The route the form was opened with, kept for its life (as the meeting form's): the
  // first save's move to the order's own address never shows "not on the device" mid-typing.
  const { isNew, meetingId, ...fromRoute } = useRef(props).current;
  const { user } = useObservable(sessionState);
  const record = useQuery(() => getRecord(id), [id]);
  const companyId = record?.data?.company_id ?? fromRoute.companyId;
  const company = useQuery(() => (companyId ? getRecord(companyId) : null), [companyId]);
  const contacts =
    useQuery(() => (companyId ? listReferencing("contact", companyId) : []), [companyId]) ?? [];
  const defaults = {
    company_id: companyId,
    status: "open",
    positions: 1,
    log: [
      {
        id: crypto.randomUUID(),
        date: todayIso(),
        ...(user?.id ? { user_id: user.id } : {}),
        text: meetingId ? "Jobordre modtaget ved møde" : "Jobordre oprettet",
      },
    ],
  };
  const form = useAutosave({
    type: "job_order",
    id,
    record,
    defaults,
    model: JOB_ORDER_MODEL,
    ready: (data) => Boolean(data.title?.trim()),
    onCreated: () =>
      isNew &&
      currentRoute().screen === "newJobOrder" &&
      replaceRoute(paths.jobOrder(id, meetingId)),
  });

  if (record === undefined) return <p>Henter …</p>;
  if (!isNew && !record) return <p class="message error">Jobordren findes ikke på enheden.</p>;
  if (record?.deleted) return <p class="message info">Jobordren er slettet.</p>;
  if (!companyId) return <p class="message error">Jobordren mangler en virksomhed.</p>;

  const data = record?.data ?? defaults;
  const value = form.value;
  const edit = form.edit;
  const current = form.current;
  const typed = Object.keys(form.draft).length > 0;
  const found = validateRecord("job_order", current);
  const errors = { ...(record || typed ? found : {}), ...form.inputErrors };
  const age = jobOrderAge(
    current,
    todayIso(),
    record?.createdAt ? copenhagenDay(record.createdAt) : "",
  );
  const text = (field, attrs = {}) => (
    <TextArea
      id={`job-order-${field}`}
      label={L[field]}
      value={value(field)}
      error={errors[field]}
      onInput={(v) => edit(field, v)}
      {...attrs}
    />
  );

  async function back() {
    await form.flush();
    navigate(paths.meeting(meetingId));
  }

  return (
    <div class="job-order" onFocusOut={() => form.flush()}>
      <p>
        {meetingId ? (
          <button type="button" class="secondary" onClick={back}>
            ← Tilbage til mødet
          </button>
        ) : (
          <a class="back" href={paths.company(companyId)}>
            ← {company?.data?.name || "Virksomheden"}
          </a>
        )}
      </p>
      <h1>
        {record ? `Jobordre: ${data.title || ""}` : "Ny jobordre"}
        {company?.data?.name ? ` – ${company.data.name}` : ""}
      </h1>
      <p class="meta">
        {age && (
          <span class={`age ${age.level}`}>
            {age.icon ? `${age.icon} ` : ""}
            {age.text}
          </span>
        )}
        <span aria-live="polite" class="saved">
          {form.savedAt ? ` · Gemt på enheden kl. ${clockTime(form.savedAt)}` : ""}
          {!record && !form.savedAt
            ? "Udfyld stillingsbetegnelsen, så gemmes jobordren på enheden, mens du skriver."
            : ""}
        </span>
      </p>
      {form.saveError && (
        <p class="message error" role="alert">
          {form.saveError}
        </p>
      )}
      {record?.problem && (
        <div class="message error">
          <p>Serveren afviste den seneste ændring:</p>
          <ul>
            {problemLines(record.problem, "job_order").map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
        </div>
      )}
      <section class="card" aria-labelledby="job-order-title">
        <h2 id="job-order-title">Ordren</h2>
        <div class="form-grid">
          <TextField
            id="job-order-title-input"
            class="wide"
            label={`${L.title} (skal udfyldes)`}
            value={value("title")}
            error={errors.title}
            onInput={(v) => edit("title", v)}
          />
          <TextField
            id="job-order-positions"
            label={L.positions}
            inputMode="numeric"
            value={value("positions")}
            error={errors.positions}
            onInput={(v) => edit("positions", v)}
          />
          <TextField
            id="job-order-filled"
            label={L.filled}
            inputMode="numeric"
            value={value("filled")}
            error={errors.filled}
            onInput={(v) => edit("filled", v)}
          />
          <div>
            <label for="job-order-status">{L.status}</label>
            <select
              id="job-order-status"
              value={value("status")}
              onChange={(e) => edit("status", e.currentTarget.value)}
            >
              {Object.entries(JOB_ORDER_OPTIONS.status).map(([k, label]) => (
                <option key={k} value={k}>
                  {label}
                </option>
              ))}
            </select>
          </div>
          <div>
            <label for="job-order-contact">{L.contact_id}</label>
            <select
              id="job-order-contact"
              value={value("contact_id")}
              onChange={(e) => edit("contact_id", e.currentTarget.value)}
            >
              <option value="">Ingen valgt</option>
              {contacts.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.data.name}
                </option>
              ))}
            </select>
          </div>
        </div>
        <CheckGroup
          id="offers"
          legend={L.offers}
          options={JOB_ORDER_OPTIONS.offers}
          values={value("offers")}
          onChange={(list) => edit("offers", list)}
          error={errors.offers}
        />
        <RadioGroup
          id="hours_type"
          legend={L.hours_type}
          options={JOB_ORDER_OPTIONS.hours_type}
          value={value("hours_type")}
          onChange={(v) => edit("hours_type", v)}
          error={errors.hours_type}
        />
        <div class="form-grid">
          <TextField
            id="job-order-hours"
            label={L.hours_per_week}
            inputMode="decimal"
            value={value("hours_per_week")}
            error={errors.hours_per_week}
            onInput={(v) => edit("hours_per_week", v)}
          />
          <TextField
            id="job-order-start"
            type="date"
            label={L.start_date}
            value={value("start_date")}
            error={errors.start_date}
            onInput={(v) => edit("start_date", v)}
          />
          <TextField
            id="job-order-deadline"
            type="date"
            label={L.deadline}
            value={value("deadline")}
            error={errors.deadline}
            onInput={(v) => edit("deadline", v)}
          />
        </div>
      </section>
      <section class="card" aria-labelledby="job-order-content-title">
        <h2 id="job-order-content-title">Indhold og krav</h2>
        {text("description")}
        {text("professional_qualifications")}
        {text("personal_qualifications", { hint: JOB_ORDER_HINTS.personal_qualifications })}
        {text("requirements_must", { hint: JOB_ORDER_HINTS.requirements_must, class: "short" })}
        {text("requirements_nice", { class: "short" })}
        <RadioGroup
          id="candidate_delivery"
          legend={L.candidate_delivery}
          options={JOB_ORDER_OPTIONS.candidate_delivery}
          value={value("candidate_delivery")}
          onChange={(v) => edit("candidate_delivery", v)}
          error={errors.candidate_delivery}
        />
      </section>
      {record && (
        <ContactLog
          log={value("log")}
          user={user}
          onAdd={(entry) => edit("log", [...value("log"), entry])}
        />
      )}
    </div>
  );
}
