// "Overført til fagsystemet": the user marks that a final record's journal note is in the
// case system (journalized_at, journalized_by), or takes the mark back. The mark is cleared
// by itself when the note changes (journal-rules.js, applied in store/records.js).
import { useState } from "preact/hooks";
import { danishDateTime } from "../../dates.js";
import { isFinal } from "../../journal-rules.js";
import { useObservable } from "../../observable.js";
import { sessionState } from "../../store/session.js";
import { userName, useUsers } from "../../net/users.js";
import { markJournalised } from "../actions/journal.js";
import { deviceError } from "../labels.js";

/** The mark of one record ({id, type, data}); `before` runs first (e.g. the form's flush). */
export function JournalMark({ record, before }) {
  const { user } = useObservable(sessionState);
  const users = useUsers();
  const [message, setMessage] = useState("");
  const d = record.data;
  if (!isFinal(record.type, d)) {
    return (
      <p class="meta">
        Journalnotatet kan markeres som overført, når{" "}
        {record.type === "agreement" ? "aftalen er underskrevet" : "den er afsluttet"}.
      </p>
    );
  }

  async function mark(on) {
    try {
      await before?.();
      await markJournalised(record, on, user?.id);
      setMessage(on ? "Markeret som overført til fagsystemet." : "Markeringen er fjernet.");
    } catch (failure) {
      setMessage(deviceError(failure));
    }
  }

  return (
    <div class="actions journal-mark">
      {d.journalized_at ? (
        <>
          <span class="tag-status">
            ✓ Overført til fagsystemet {danishDateTime(d.journalized_at)}
            {d.journalized_by ? ` af ${userName(users, d.journalized_by)}` : ""}
          </span>
          <button type="button" class="secondary" onClick={() => mark(false)}>
            Fjern markeringen
          </button>
        </>
      ) : (
        <button type="button" onClick={() => mark(true)}>
          Overført til fagsystemet
        </button>
      )}
      <span aria-live="polite" class={message ? "message ok" : ""}>
        {message}
      </span>
    </div>
  );
}
