// The meeting frame from GameMaster's "kontrakt" (seed 002, 3.1): kind, time, place,
// purpose, agenda and time available. Roles are set per participant (Participants.jsx).
import { MEETING_KINDS } from "../words.js";
import { HINTS, MEETING_LABELS } from "./labels.js";
import { TextArea, TextField } from "./fields.jsx";
import { agendaPrompts, withPrompts } from "./model.js";
import { nowLocal } from "../../dates.js";

const LINKABLE = new Set(["planned", "active", undefined]);

/**
 * The frame fields; `value(path)` reads the form, `edit(path, v)` changes it; `placements`
 * ({id, status, citizenName}) are the company's, offered as the meeting's placement.
 */
export function Frame({ value, edit, errors, placements }) {
  const linked = value("placement_id");
  const prompts = agendaPrompts(value("kind"));
  const offered = placements.filter((p) => LINKABLE.has(p.status) || p.id === linked);
  function link(placementId) {
    edit("placement_id", placementId);
    if (placementId && value("kind") === "first_visit") edit("kind", "follow_up");
  }
  return (
    <section class="card" aria-labelledby="meeting-frame-title">
      <h2 id="meeting-frame-title">Rammen for mødet</h2>
      <div class="form-grid">
        <div>
          <label for="meeting-kind">{MEETING_LABELS.kind}</label>
          <select
            id="meeting-kind"
            value={value("kind")}
            onChange={(e) => edit("kind", e.currentTarget.value)}
          >
            {Object.entries(MEETING_KINDS).map(([kind, label]) => (
              <option key={kind} value={kind}>
                {label}
              </option>
            ))}
          </select>
        </div>
        {(offered.length > 0 || linked) && (
          <div>
            <label for="meeting-placement">Forløb (borger)</label>
            <select
              id="meeting-placement"
              value={linked}
              onChange={(e) => link(e.currentTarget.value)}
            >
              <option value="">Intet forløb: møde med virksomheden</option>
              {offered.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.citizenName}
                </option>
              ))}
            </select>
          </div>
        )}
        <TextField
          id="meeting-location"
          label={MEETING_LABELS.location}
          value={value("location")}
          onInput={(v) => edit("location", v)}
          placeholder="Fx på virksomheden"
        />
        <TextField
          id="meeting-scheduled_at"
          type="datetime-local"
          label={MEETING_LABELS.scheduled_at}
          value={value("scheduled_at")}
          onInput={(v) => edit("scheduled_at", v)}
          error={errors.scheduled_at}
        />
        <div>
          <label for="meeting-held_at">{MEETING_LABELS.held_at}</label>
          <div class="with-button">
            <input
              id="meeting-held_at"
              type="datetime-local"
              value={value("held_at")}
              aria-invalid={errors.held_at ? "true" : undefined}
              aria-describedby={errors.held_at ? "meeting-held_at-error" : undefined}
              onInput={(e) => edit("held_at", e.currentTarget.value)}
            />
            <button type="button" class="secondary" onClick={() => edit("held_at", nowLocal())}>
              Nu
            </button>
          </div>
          {errors.held_at && (
            <p class="field-error" id="meeting-held_at-error">
              {errors.held_at}
            </p>
          )}
        </div>
        <TextField
          id="meeting-duration"
          label={MEETING_LABELS.duration_minutes}
          inputMode="numeric"
          value={value("duration_minutes")}
          onInput={(v) => edit("duration_minutes", v)}
          error={errors.duration_minutes}
        />
        <TextArea
          id="meeting-purpose"
          class="wide short"
          label={MEETING_LABELS.purpose}
          hint={HINTS.purpose}
          value={value("purpose")}
          onInput={(v) => edit("purpose", v)}
        />
        <TextArea
          id="meeting-agenda"
          class="wide short"
          label={MEETING_LABELS.agenda}
          hint={HINTS.agenda}
          value={value("agenda")}
          onInput={(v) => edit("agenda", v)}
        />
        {prompts.length > 0 && (
          <details class="wide prompts" open>
            <summary>Dagsorden fra Cabis guide til det gode praktikforløb</summary>
            <ul>
              {prompts.map((p) => (
                <li key={p}>{p}</li>
              ))}
            </ul>
            <button
              type="button"
              class="secondary"
              onClick={() => edit("agenda", withPrompts(value("agenda"), prompts))}
            >
              Indsæt i dagsordenen
            </button>
          </details>
        )}
      </div>
    </section>
  );
}
