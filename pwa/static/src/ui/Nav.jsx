// The main navigation: "I dag", "Virksomheder", "Opgaver", "Åbne pladser", "Overblik" (a
// consultant's: "Mit overblik"), "Konflikter", "Afviste ændringer" (when any), settings. It wraps on a phone, so every section stays one tap away.
import { useObservable } from "../observable.js";
import { sessionState } from "../store/session.js";
import { syncStatus } from "../sync/status.js";

/** The navigation links; `section` is the current route's first segment. */
export function Nav({ section }) {
  const { rejected } = useObservable(syncStatus);
  const { user } = useObservable(sessionState);
  const link = (id, label) => (
    <a href={`#/${id}`} aria-current={section === id ? "page" : undefined}>{label}</a>
  );
  return (
    <nav class="nav" aria-label="Hovedmenu">
      {link("i-dag", "I dag")}
      {link("virksomheder", "Virksomheder")}
      {link("opgaver", "Opgaver")}
      {link("aabne-pladser", "Åbne pladser")}
      {link("overblik", user?.role === "consultant" ? "Mit overblik" : "Overblik")}
      {link("konflikter", "Konflikter")}
      {(rejected > 0 || section === "afviste") && link("afviste", "Afviste ændringer")}
      {link("indstillinger", "Indstillinger")}
    </nav>
  );
}
