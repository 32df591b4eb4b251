// "Journalnotat": a record as plain text in a read-only field, with "Kopiér". Where the
// clipboard is not available, the text is selected so the user can copy it by hand. The
// children (the "Overført til fagsystemet" mark) follow the buttons.
import { useRef, useState } from "preact/hooks";

/** The journal note, ready to paste into the case system; `prefix` makes the element ids. */
export function Journal({ text, prefix = "meeting", children }) {
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
    <section class="card" aria-labelledby={`${prefix}-journal-title`}>
      <h2 id={`${prefix}-journal-title`}>Journalnotat</h2>
      <label for={`${prefix}-journal`}>Tekst til journalen</label>
      <textarea id={`${prefix}-journal`} ref={area} class="journal" readOnly value={text} />
      <div class="actions">
        <button type="button" onClick={copy}>Kopiér</button>
        <span aria-live="polite" class={message ? "message ok" : ""}>{message}</span>
      </div>
      {children}
    </section>
  );
}
