// The main navigation: "I dag", "Virksomheder", "Opgaver", "Åbne pladser", "Til
// journalisering" (with its count), "Overblik" (a consultant's: "Mit overblik"), "Konflikter",
// "Afviste ændringer" (when any), "Administration" (admins; leads read their team),
// settings. It wraps on a phone, so every section stays one tap away.
import { useObservable } from "../observable.js";
import { countWaiting } from "../store/journalising.js";
import { sessionState } from "../store/session.js";
import { useSettledQuery } from "./useQuery.js";
import { syncStatus } from "../sync/status.js";

/** The navigation links; `section` is the current route's first segment. */
export function Nav({ section }) {
  const { rejected } = useObservable(syncStatus);
  const { user } = useObservable(sessionState);
  const waiting = useSettledQuery(() => countWaiting(), []) ?? 0;
  const link = (id, label) => (
    <a href={`#/${id}`} aria-current={section === id ? "page" : undefined}>
      {label}
    </a>
  );
  return (
    <nav class="nav" aria-label="Hovedmenu">
      {link("i-dag", "I dag")}
      {link("virksomheder", "Virksomheder")}
      {link("opgaver", "Opgaver")}
      {link("aabne-pladser", "Åbne pladser")}
      {link("journalisering", waiting ? `Til journalisering (${waiting})` : "Til journalisering")}
      {link("overblik", user?.role === "consultant" ? "Mit overblik" : "Overblik")}
      {link("konflikter", "Konflikter")}
      {(rejected > 0 || section === "afviste") && link("afviste", "Afviste ændringer")}
      {["admin", "lead"].includes(user?.role) && link("admin", "Administration")}
      {link("indstillinger", "Indstillinger")}
    </nav>
  );
}
