// "Journalnotat": the meeting as plain text in a read-only field, with "Kopiér". Where the
// clipboard is not available, the text is selected so the user can copy it by hand.
import { useRef, useState } from "preact/hooks";

/** The journal note of the meeting, ready to paste into the case system. */
export function Journal({ text }) {
  const area = useRef(null);
  const [message, setMessage] = useState("");

  async function copy() {
    try {
      await navigator.clipboard.writeText(text);
      setMessage("Kopieret. Indsæt teksten i journalen.");
    } catch {
      area.current.focus();
      area.current.select();
      setMessage("Teksten er markeret: kopiér den med Ctrl+C (eller Kopiér i menuen).");
    }
  }

  return (
    <section class="card" aria-labelledby="meeting-journal-title">
      <h2 id="meeting-journal-title">Journalnotat</h2>
      <label for="meeting-journal">Tekst til journalen</label>
      <textarea id="meeting-journal" class="journal" readOnly value={text} />
      <div class="actions">
        <button type="button" onClick={copy}>Kopiér</button>
        <span aria-live="polite" class={message ? "message ok" : ""}>{message}</span>
      </div>
    </section>
  );
}
