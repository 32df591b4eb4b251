// The main navigation: "Virksomheder", "Konflikter", "Afviste ændringer" (when any), settings.
import { useObservable } from "../observable.js";
import { syncStatus } from "../sync/status.js";

/** The navigation links; `section` is the current route's first segment. */
export function Nav({ section }) {
  const { rejected } = useObservable(syncStatus);
  const link = (id, label) => (
    <a href={`#/${id}`} aria-current={section === id ? "page" : undefined}>{label}</a>
  );
  return (
    <nav class="nav" aria-label="Hovedmenu">
      {link("virksomheder", "Virksomheder")}
      {link("konflikter", "Konflikter")}
      {(rejected > 0 || section === "afviste") && link("afviste", "Afviste ændringer")}
      {link("indstillinger", "Indstillinger")}
    </nav>
  );
}
