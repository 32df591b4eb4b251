// "I dag", the start screen: my meetings today and the coming days (time on the left,
// company, kind), one tap to start the next one, and the deadlines due: follow-ups,
// agreement items and tasks (ui/today-model.js decides what is shown).
import { useEffect, useState } from "preact/hooks";
import { useObservable } from "../observable.js";
import { readAgenda } from "../store/agenda.js";
import { useSettledQuery } from "./useQuery.js";
import { sessionState } from "../store/session.js";
import { danishDate } from "../dates.js";
import { InstallHint } from "./InstallHint.jsx";
import { buildAgenda, dayLabel } from "./today-model.js";
import { paths } from "./routes.js";
import "./day.css";

const DEADLINE_KINDS = { follow_up: "Opfølgning", agreement: "Aftale", task: "Opgave" };

/** The minute, re-rendering once a minute so "next" and "overdue" stay true. */
function useMinute() {
  const [now, setNow] = useState(Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 60_000);
    return () => clearInterval(timer);
  }, []);
  return now;
}

/** The start screen. */
export function Today() {
  const { user } = useObservable(sessionState);
  const [everyone, setEveryone] = useState(false);
  const now = useMinute();
  const records = useSettledQuery(() => readAgenda(), []);
  if (records === undefined) return <p>Henter …</p>;
  const agenda = buildAgenda({ ...records, userId: user?.id, now, everyone });
  const days = [...new Set(agenda.meetings.map((m) => m.day))];
  return (
    <div class="today">
      <h1>
        I dag <span class="subtle">{danishDate(agenda.today)}</span>
      </h1>
      <InstallHint />
      <div class="toolbar">
        {agenda.next ? (
          <a class="button big" href={paths.meeting(agenda.next.id)}>
            Start næste møde: {agenda.next.time} {agenda.next.companyName || "Virksomhed"}
          </a>
        ) : (
          <p class="empty">Ingen flere planlagte møder de næste dage.</p>
        )}
        <label class="check">
          <input
            type="checkbox"
            checked={everyone}
            onChange={(e) => setEveryone(e.currentTarget.checked)}
          />
          Vis hele teamets møder og frister
        </label>
      </div>
      <div class="today-columns">
        <section aria-labelledby="today-meetings">
          <h2 id="today-meetings">Møder</h2>
          {days.length === 0 && <p class="empty">Ingen møder i dag eller de næste dage.</p>}
          {days.map((day) => (
            <div key={day}>
              <h3 class="day">{dayLabel(day, agenda.today)}</h3>
              <ul class="agenda" aria-label={`Møder ${dayLabel(day, agenda.today)}`}>
                {agenda.meetings
                  .filter((m) => m.day === day)
                  .map((m) => (
                    <li key={m.id}>
                      <a href={paths.meeting(m.id)} class={m.held ? "held" : ""}>
                        <span class="time">{m.time}</span>
                        <span class="what">
                          <span class="name">{m.companyName || "Ukendt virksomhed"}</span>
                          <span class="meta">
                            {m.kind}
                            {m.held ? " · Afholdt" : ""}
                            {m.pending ? " · Ikke sendt" : ""}
                          </span>
                        </span>
                      </a>
                    </li>
                  ))}
              </ul>
            </div>
          ))}
        </section>
        <section aria-labelledby="today-deadlines">
          <h2 id="today-deadlines">Frister</h2>
          {agenda.deadlines.length === 0 && (
            <p class="empty">Ingen opfølgninger, aftaler eller opgaver med frist.</p>
          )}
          <ul class="agenda" aria-label="Frister">
            {agenda.deadlines.map((d) => (
              <Deadline key={d.key} item={d} />
            ))}
          </ul>
          <p>
            <a href={paths.tasks()}>Alle opgaver</a>
          </p>
        </section>
      </div>
    </div>
  );
}

function Deadline({ item }) {
  const href =
    item.kind === "task"
      ? paths.tasks()
      : item.kind === "follow_up"
        ? paths.newMeeting(item.companyId, item.placementId)
        : paths.meeting(item.meetingId);
  return (
    <li>
      <a href={href} class={item.overdue ? "overdue" : ""}>
        <span class="time">{danishDate(item.date).slice(0, 5)}</span>
        <span class="what">
          <span class="name">{item.title}</span>
          <span class="meta">
            {DEADLINE_KINDS[item.kind]}
            {item.kind === "agreement" && item.companyName ? ` · ${item.companyName}` : ""}
            {item.responsible ? ` · ${item.responsible}` : ""}
            {" · "}
            <strong class={item.overdue ? "late" : ""}>{item.words}</strong>
          </span>
        </span>
      </a>
    </li>
  );
}
