// Open conflicts: per unit the common base, the other change and yours side by side; the
// user keeps one side or saves a merged value. The resolution is queued in the outbox and
// sent through the resolve endpoint by the sync client (also when made offline).
import { useObservable } from "../observable.js";
import { openConflicts } from "../store/records.js";
import { useQuery } from "./useQuery.js";
import { sessionState } from "../store/session.js";
import { ConflictCard } from "./ConflictCard.jsx";

/** The list of open conflicts (the user's own first). */
export function Conflicts() {
  const userId = useObservable(sessionState).user?.id;
  const conflicts = useQuery(() => openConflicts(userId), [userId]);
  if (conflicts === undefined) return <p>Henter …</p>;
  return (
    <>
      <h1>Konflikter</h1>
      {conflicts.length === 0 && <p class="empty">Ingen åbne konflikter.</p>}
      {conflicts.map((conflict) => (
        <ConflictCard key={conflict.id} conflict={conflict} />
      ))}
    </>
  );
}
