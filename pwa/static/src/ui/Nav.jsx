// The main navigation: "I dag", "Virksomheder", "Opgaver", "Til journalisering" (with its
// count), "Konflikter", "Afviste ændringer"
// (when any), settings. It wraps on a phone, so every section stays one tap away.
import { useObservable } from "../observable.js";
import { countWaiting } from "../store/journalising.js";
import { useSettledQuery } from "../store/records.js";
import { syncStatus } from "../sync/status.js";

/** The navigation links; `section` is the current route's first segment. */
export function Nav({ section }) {
  const { rejected } = useObservable(syncStatus);
  const waiting = useSettledQuery(() => countWaiting(), []) ?? 0;
  const link = (id, label) => (
    <a href={`#/${id}`} aria-current={section === id ? "page" : undefined}>{label}</a>
  );
  return (
    <nav class="nav" aria-label="Hovedmenu">
      {link("i-dag", "I dag")}
      {link("virksomheder", "Virksomheder")}
      {link("opgaver", "Opgaver")}
      {link("journalisering", waiting ? `Til journalisering (${waiting})` : "Til journalisering")}
      {link("konflikter", "Konflikter")}
      {(rejected > 0 || section === "afviste") && link("afviste", "Afviste ændringer")}
      {link("indstillinger", "Indstillinger")}
    </nav>
  );
}
