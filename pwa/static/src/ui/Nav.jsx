// The main navigation: "I dag", "Virksomheder", "Opgaver", "Åbne pladser", "Til
// journalisering" (with its count), "Overblik" (a consultant's: "Mit overblik"), "Konflikter",
// "Afviste ændringer" (when any), "Administration" (admins; leads read their team),
// settings. It wraps on a phone, so every section stays one tap away.
import { useObservable } from "../observable.js";
import { countWaiting } from "../store/journalising.js";
import { sessionState } from "../store/session.js";
import { parseRoute, paths } from "./routes.js";
import { useSettledQuery } from "./useQuery.js";
import { syncStatus } from "../sync/status.js";

/** The navigation links; `route` is the current one (ui/routes.js). */
export function Nav({ route }) {
  const { rejected } = useObservable(syncStatus);
  const { user } = useObservable(sessionState);
  const waiting = useSettledQuery(() => countWaiting(), []) ?? 0;
  const link = (href, label) => (
    <a href={href} aria-current={parseRoute(href).section === route.section ? "page" : undefined}>
      {label}
    </a>
  );
  return (
    <nav class="nav" aria-label="Hovedmenu">
      {link(paths.today(), "I dag")}
      {link(paths.companies(), "Virksomheder")}
      {link(paths.tasks(), "Opgaver")}
      {link(paths.openPositions(), "Åbne pladser")}
      {link(
        paths.journalising(),
        waiting ? `Til journalisering (${waiting})` : "Til journalisering",
      )}
      {link(paths.overview(), user?.role === "consultant" ? "Mit overblik" : "Overblik")}
      {link(paths.conflicts(), "Konflikter")}
      {(rejected > 0 || route.screen === "rejected") && link(paths.rejected(), "Afviste ændringer")}
      {["admin", "lead"].includes(user?.role) && link(paths.admin(), "Administration")}
      {link(paths.settings(), "Indstillinger")}
    </nav>
  );
}
