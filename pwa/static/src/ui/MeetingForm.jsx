// The meeting form (møde) for every kind: GameMaster's frame, participants and roles, the
// two note dimensions, the follow-up agenda or the visit guide's themes, agreements (and
// the previous meeting's open ones), next follow-up, and the journal note. Everything typed
// is written to the device as it is typed (forms/useAutosave.js); "Afslut mødet" checks
// completeness, then actions/meeting.js sets status final and makes the follow-up tasks.
import { useEffect, useRef, useState } from "preact/hooks";
import { logOpened } from "../store/audit.js";
import { getMany, listReferencing } from "../store/queries.js";
import { getRecord, saveRecord } from "../store/records.js";
import { finishMeeting, markAgreementDone } from "./actions/meeting.js";
import { useQuery } from "./useQuery.js";
import { validateRecord } from "../validate.js";
import { deviceError, problemLines } from "./labels.js";
import { Agreements, PreviousAgreements } from "./meeting/Agreements.jsx";
import { FollowUp, Themes } from "./meeting/FollowUp.jsx";
import { Frame } from "./meeting/Frame.jsx";
import { JournalMark } from "./journal/JournalMark.jsx";
import { Journal } from "./meeting/Journal.jsx";
import { journalText } from "./meeting/journal.js";
import { HINTS, MEETING_LABELS } from "./meeting/labels.js";
import { RemoteMeeting } from "./RemoteViews.jsx";
import { ServerCopy } from "./ServerCopy.jsx";
import { MEETING_KINDS } from "./words.js";
import { defaultKind, finishErrors, meetingParts, previousMeeting } from "./meeting/model.js";
import { Notes } from "./meeting/Notes.jsx";
import { Participants } from "./meeting/Participants.jsx";
import { TextField } from "./meeting/fields.jsx";
import { clockTime, danishDate } from "../dates.js";
import { useAutosave } from "./forms/useAutosave.js";
import { MEETING_MODEL } from "./meeting/codecs.js";
import { currentRoute, navigate, paths, replaceRoute } from "./routes.js";
import "./meeting/meeting.css";

/** The meeting screen: "meeting" {id} or "newMeeting" {companyId, placementId?, kind?}. */
export function MeetingForm({ screen, params }) {
  const pending = useRef({});
  const isNew = screen === "newMeeting";
  if (!isNew) pending.current = {};
  const key = JSON.stringify(params);
  const id = isNew ? (pending.current[key] ??= crypto.randomUUID()) : params.id;
  useEffect(() => {
    if (!isNew) logOpened("meeting", id);
  }, [id]);
  return (
    <Meeting
      key={id}
      id={id}
      isNew={isNew}
      companyId={isNew ? params.companyId : undefined}
      placementId={isNew ? params.placementId : undefined}
      kind={isNew ? params.kind : undefined}
    />
  );
}

const ERROR_LABELS = {
  ...MEETING_LABELS,
  ordinary_hours_discussed: "Ordinære timer",
  attendance: "Fremmøde",
  attended_hours: "Fremmødte timer",
  norm_hours: "Normtid",
  period_end: "Perioden til",
};

/** The finish errors as "Felt: besked" lines (agreement rows as "Aftale"). */
function errorLines(errors) {
  return Object.entries(errors).map(([key, message]) => {
    const field = key.startsWith("agreement.")
      ? "Aftale"
      : (ERROR_LABELS[key.split(".").pop()] ?? ERROR_LABELS[key] ?? key);
    return `${field}: ${message}`;
  });
}

/** Buttons that jump to a section (by its heading's id) and focus its first field. */
function JumpNav({ sections }) {
  function jump(headingId) {
    const heading = document.getElementById(headingId);
    heading?.scrollIntoView({ block: "start" });
    heading
      ?.closest("section")
      ?.querySelector("textarea, input, select")
      ?.focus({ preventScroll: true });
  }
  return (
    <nav class="jump" aria-label="Gå til afsnit">
      {sections.map(([id, label]) => (
        <button key={id} type="button" class="secondary" onClick={() => jump(id)}>
          {label}
        </button>
      ))}
    </nav>
  );
}

async function readPlacements(companyId) {
  const placements = await listReferencing("placement", companyId);
  const citizens = await getMany(placements.map((p) => p.data.citizen_id));
  return placements.map((p, i) => ({
    id: p.id,
    status: p.data.status,
    kind: p.data.kind,
    citizenName: citizens[i]?.data?.name || "Borger",
  }));
}

function Meeting({ id, ...props }) {
  // The route the form was opened with, kept for its life (it is keyed by the id): a new
  // meeting's first save moves it to its own address, and this same form goes on with its
  // draft and defaults; it never turns into the form of a stored meeting mid-typing.
  const { isNew, ...fromRoute } = useRef(props).current;
  const record = useQuery(() => getRecord(id), [id]);
  const stored = record?.data;
  const companyId = stored?.company_id ?? fromRoute.companyId;
  const defaults = {
    company_id: companyId,
    ...(fromRoute.placementId ? { placement_id: fromRoute.placementId } : {}),
    kind: MEETING_KINDS[fromRoute.kind] ? fromRoute.kind : defaultKind(fromRoute.placementId),
    status: "draft",
  };
  const form = useAutosave({
    type: "meeting",
    id,
    record,
    defaults,
    model: MEETING_MODEL,
    onCreated: () =>
      isNew && currentRoute().screen === "newMeeting" && replaceRoute(paths.meeting(id)),
  });
  const data = stored ?? defaults;
  const current = form.current;
  const company = useQuery(() => (companyId ? getRecord(companyId) : null), [companyId]);
  const contacts =
    useQuery(() => (companyId ? listReferencing("contact", companyId) : []), [companyId]) ?? [];
  const meetings =
    useQuery(() => (companyId ? listReferencing("meeting", companyId) : []), [companyId]) ?? [];
  const placements =
    useQuery(() => (companyId ? readPlacements(companyId) : []), [companyId]) ?? [];
  const [attempted, setAttempted] = useState(false);
  const [outcome, setOutcome] = useState(null);
  const asked = useRef(false);

  if (record === undefined) return <p>Henter …</p>;
  if (!isNew && !record) {
    return (
      <ServerCopy
        type="meeting"
        id={id}
        missing="Mødet findes ikke på enheden."
        deleted="Mødet er slettet."
      >
        {(meeting) => <RemoteMeeting meeting={meeting} />}
      </ServerCopy>
    );
  }
  if (record?.deleted) return <p class="message info">Mødet er slettet.</p>;
  if (!companyId) return <p class="message error">Mødet mangler en virksomhed.</p>;

  const value = form.value;
  const placement = placements.find((p) => p.id === current.placement_id);
  const parts = meetingParts(current.kind, current.placement_id);
  const errors = {
    ...form.inputErrors,
    ...(attempted ? { ...validateRecord("meeting", current), ...finishErrors(current) } : {}),
  };
  const companyName = company?.data?.name ?? "";
  const previous = previousMeeting(meetings, { id, data: current });
  const contactsById = Object.fromEntries(contacts.map((c) => [c.id, c.data]));

  async function markDone(item) {
    try {
      await markAgreementDone(previous, item.id);
    } catch (failure) {
      setOutcome({ error: deviceError(failure) });
    }
  }

  async function finish() {
    setAttempted(true);
    setOutcome(null);
    try {
      await form.flush({ create: true });
      const full = (await getRecord(id))?.data ?? defaults;
      const found = { ...validateRecord("meeting", full), ...finishErrors(full) };
      if (Object.keys(found).length || Object.keys(form.inputErrors).length) {
        setTimeout(() => document.querySelector('.meeting [aria-invalid="true"]')?.focus(), 0);
        return;
      }
      if (!String(full.notes_company ?? "").trim() && !asked.current) {
        asked.current = true;
        setOutcome({
          ask: `"${MEETING_LABELS.notes_company}" er tomt. Er det meningen? Tryk "Afslut mødet" igen for at afslutte alligevel.`,
        });
        return;
      }
      await finishMeeting(id, full, companyName);
      const where = companyName || "virksomheden";
      setOutcome({
        ok: `Mødet er afsluttet. Næste opfølgning hos ${where} ${danishDate(full.next_follow_up)} er lagt i Opgaver.`,
      });
    } catch (failure) {
      setOutcome({ error: deviceError(failure) });
    }
  }

  async function setInterests(list) {
    try {
      await saveRecord("company", companyId, { interests: list.length ? list : null });
    } catch (failure) {
      setOutcome({ error: deviceError(failure) });
    }
  }

  async function registerContact() {
    await form.flush({ create: true });
    navigate(paths.newContact(companyId, id));
  }

  async function newJobOrder() {
    await form.flush({ create: true });
    navigate(paths.newJobOrder(companyId, id));
  }

  const final = data.status === "final";
  return (
    <div class="meeting" onFocusOut={() => form.flush()}>
      <p>
        <a class="back" href={paths.company(companyId)}>
          ← {companyName || "Virksomheden"}
        </a>
      </p>
      <div class="meeting-head">
        <div>
          <h1>
            {MEETING_KINDS[current.kind] ?? "Møde"}
            {companyName ? ` – ${companyName}` : ""}
          </h1>
          {placement && <p class="meta">Forløb: {placement.citizenName}</p>}
          <p class="meta">
            <span class="tag-status">{final ? "✓ Afsluttet" : "Kladde"}</span>
            <span aria-live="polite" class="saved">
              {form.saveError
                ? ""
                : form.savedAt
                  ? ` · Gemt på enheden kl. ${clockTime(form.savedAt)}`
                  : ""}
            </span>
          </p>
        </div>
        <button type="button" class="secondary" onClick={newJobOrder}>
          Ny jobordre
        </button>
      </div>
      <JumpNav
        sections={[
          ["meeting-notes-title", "Noter"],
          parts.followUp && ["meeting-follow-up-title", "Opfølgning"],
          parts.themes && ["meeting-themes-title", "Temaer"],
          ["meeting-agreements-title", "Aftaler"],
          ["meeting-finish-title", "Afslutning"],
          ["meeting-journal-title", "Journalnotat"],
        ].filter(Boolean)}
      />
      {form.saveError && (
        <p class="message error" role="alert">
          {form.saveError}
        </p>
      )}
      {record?.problem && (
        <div class="message error">
          <p>Serveren afviste den seneste ændring:</p>
          <ul>
            {problemLines(record.problem, "meeting").map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
        </div>
      )}
      <PreviousAgreements meeting={previous} onDone={markDone} />
      <Frame value={value} edit={form.edit} errors={errors} placements={placements} />
      <Participants
        participants={value("participants")}
        contacts={contacts}
        onChange={(list) => form.edit("participants", list)}
      />
      <Notes value={value} edit={form.edit} errors={errors} />
      {parts.followUp && <FollowUp value={value} edit={form.edit} errors={errors} />}
      {parts.themes && (
        <Themes
          value={value}
          edit={form.edit}
          firstVisit={current.kind === "first_visit"}
          interests={company?.data?.interests ?? []}
          onInterests={company ? setInterests : undefined}
        />
      )}
      <Agreements
        items={value("agreements")}
        onChange={(list) => form.edit("agreements", list)}
        errors={errors}
      />
      <section class="card finish" aria-labelledby="meeting-finish-title">
        <h2 id="meeting-finish-title">Afslutning af mødet</h2>
        <TextField
          id="meeting-next_follow_up"
          type="date"
          label={`${MEETING_LABELS.next_follow_up} (skal udfyldes)`}
          hint={HINTS.next_follow_up}
          value={value("next_follow_up")}
          error={errors.next_follow_up}
          onInput={(v) => form.edit("next_follow_up", v)}
        />
        <div class="actions">
          <button type="button" onClick={finish}>
            {final ? "Opdatér opgaver" : "Afslut mødet"}
          </button>
          {final && (
            <button type="button" class="secondary" onClick={() => form.edit("status", "draft")}>
              Åbn som kladde igen
            </button>
          )}
          <button type="button" class="secondary" onClick={registerContact}>
            Registrér kontakt
          </button>
        </div>
        {attempted && Object.keys(errors).length > 0 && (
          <div class="message error" role="alert">
            <p>Mødet kan ikke afsluttes endnu:</p>
            <ul>
              {errorLines(errors).map((line) => (
                <li key={line}>{line}</li>
              ))}
            </ul>
          </div>
        )}
        {outcome?.ask && (
          <p class="message info" role="alert">
            {outcome.ask}
          </p>
        )}
        {(outcome?.ok || outcome?.error) && (
          <p class={`message ${outcome.ok ? "ok" : "error"}`} role="status">
            {outcome.ok || outcome.error}
          </p>
        )}
      </section>
      <Journal
        text={journalText(current, {
          companyName,
          contactsById,
          followedUp: previous?.data.agreements,
        })}
      >
        {record && <JournalMark record={record} before={() => form.flush()} />}
      </Journal>
    </div>
  );
}
