// The citizen's sensitive fields (CPR number, skånehensyn): masked until tapped, never in
// the page before that, hidden again when the page is left or hidden. Showing one logs
// the access ("citizen") in the device's audit.
import { useEffect, useState } from "preact/hooks";
import { logOpened } from "../../store/audit.js";

/** One masked value with a "Vis …"/"Skjul …" button; `value` enters the DOM only when shown. */
export function Masked({ label, value, citizenId, show, hide, mask, multiline = false, id }) {
  const [open, setOpen] = useState(false);
  useEffect(() => {
    const hidden = () => {
      if (document.visibilityState === "hidden") setOpen(false);
    };
    document.addEventListener("visibilitychange", hidden);
    return () => document.removeEventListener("visibilitychange", hidden);
  }, []);
  if (!value) {
    return (
      <div class="masked">
        <span class="masked-label">{label}</span>
        <span class="empty">Ikke registreret</span>
      </div>
    );
  }
  function reveal() {
    setOpen(true);
    logOpened("citizen", citizenId);
  }
  return (
    <div class="masked">
      <span class="masked-label" id={`${id}-label`}>
        {label}
      </span>
      {open ? (
        multiline ? (
          <p class="value" aria-labelledby={`${id}-label`}>
            {value}
          </p>
        ) : (
          <span class="value masked-value" aria-labelledby={`${id}-label`}>
            {value}
          </span>
        )
      ) : (
        <span class="masked-dots" aria-label={`${label} er skjult`}>
          {mask}
        </span>
      )}
      <button
        type="button"
        class="secondary"
        aria-expanded={open ? "true" : "false"}
        onClick={() => (open ? setOpen(false) : reveal())}
      >
        {open ? hide : show}
      </button>
    </div>
  );
}
