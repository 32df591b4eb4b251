// "Til journalisering" ("#/journalisering"): final meetings and assessments and signed
// agreements whose journal note has not been marked "Overført til fagsystemet", oldest
// first. Each row opens the record (where the note is, with "Kopiér") and can be marked here.
import { readWaiting } from "../store/journalising.js";
import { useSettledQuery } from "./useQuery.js";
import { danishDate } from "../dates.js";
import { JournalMark } from "./journal/JournalMark.jsx";
import { MEETING_KINDS } from "./words.js";
import { paths } from "./routes.js";

const OPEN = { meeting: paths.meeting, assessment: paths.assessment, agreement: paths.agreement };
const KIND = { assessment: "Progressionsvurdering", agreement: "Aftale" };

function title(record) {
  return record.type === "meeting"
    ? (MEETING_KINDS[record.data.kind] ?? "Møde")
    : KIND[record.type];
}

/** The list of records waiting to be journalised. */
export function Journalising() {
  const waiting = useSettledQuery(() => readWaiting(), []);
  return (
    <>
      <h1>Til journalisering</h1>
      <p class="meta">
        Afsluttede møder og vurderinger og underskrevne aftaler, hvis journalnotat ikke er markeret
        som overført til fagsystemet. Ældste først.
      </p>
      {waiting === undefined ? (
        <p>Henter …</p>
      ) : waiting.length === 0 ? (
        <p class="message ok">Alle journalnotater er overført til fagsystemet.</p>
      ) : (
        <ul class="journal-list" aria-label="Venter på journalisering">
          {waiting.map((record) => (
            <li key={record.id} class="card">
              <p>
                <a href={OPEN[record.type](record.id)}>{title(record)}</a>
                {record.date && ` · ${danishDate(record.date.slice(0, 10))}`}
                {record.companyName && ` · ${record.companyName}`}
                {record.citizenName && ` · ${record.citizenName}`}
              </p>
              <JournalMark record={record} />
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
