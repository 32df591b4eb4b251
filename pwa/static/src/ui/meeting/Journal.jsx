// "Journalnotat": a record as plain text to paste into the case system, with "Kopiér".
// The meeting shows it in a read-only field. An agreement or assessment (`asText`) keeps
// its page free of text fields and of a second copy of its content: "Kopiér" copies the
// note directly, and "Vis teksten" shows it. Where the clipboard is not available, the
// text is shown and selected so the user can copy it by hand. The children (the
// "Overført til fagsystemet" mark) follow the buttons.
import { useEffect, useRef, useState } from "preact/hooks";

/** The journal note; `prefix` makes the element ids; `asText` shows it on demand, as text. */
export function Journal({ text, prefix = "meeting", asText = false, children }) {
  const area = useRef(null);
  const [message, setMessage] = useState("");
  const [shown, setShown] = useState(!asText);
  const [select, setSelect] = useState(false);

  useEffect(() => {
    if (!select || !area.current) return;
    setSelect(false);
    if (asText) window.getSelection().selectAllChildren(area.current);
    else {
      area.current.focus();
      area.current.select();
    }
  }, [select, shown]);

  async function copy() {
    try {
      await navigator.clipboard.writeText(text);
      setMessage("Kopieret. Indsæt teksten i journalen.");
    } catch {
      setShown(true);
      setSelect(true);
      setMessage("Teksten er markeret: kopiér den med Ctrl+C (eller Kopiér i menuen).");
    }
  }

  return (
    <section class="card" aria-labelledby={`${prefix}-journal-title`}>
      <h2 id={`${prefix}-journal-title`}>Journalnotat</h2>
      {!asText && (
        <>
          <label for={`${prefix}-journal`}>Tekst til journalen</label>
          <textarea id={`${prefix}-journal`} ref={area} class="journal" readOnly value={text} />
        </>
      )}
      {asText && shown && (
        <figure class="journal-figure">
          <figcaption>Tekst til journalen</figcaption>
          <pre id={`${prefix}-journal`} ref={area} class="journal-text">
            {text}
          </pre>
        </figure>
      )}
      <div class="actions">
        <button type="button" onClick={copy}>
          Kopiér
        </button>
        {asText && (
          <button
            type="button"
            class="secondary"
            aria-expanded={shown ? "true" : "false"}
            onClick={() => setShown(!shown)}
          >
            {shown ? "Skjul teksten" : "Vis teksten"}
          </button>
        )}
        <span aria-live="polite" class={message ? "message ok" : ""}>
          {message}
        </span>
      </div>
      {children}
    </section>
  );
}
