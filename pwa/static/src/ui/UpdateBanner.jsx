// "Ny version klar" with "Opdatér": shown when a new service worker waits.
import { useObservable } from "../observable.js";
import { applyUpdate, updateState } from "../sw-register.js";

/** The update banner, or nothing when no new version waits. */
export function UpdateBanner() {
  const { waiting, activating } = useObservable(updateState);
  if (!waiting) return null;
  return (
    <div class="banner info" role="region" aria-label="Opdatering">
      <span>Ny version klar</span>
      <button type="button" onClick={applyUpdate} disabled={activating}>
        Opdatér
      </button>
    </div>
  );
}
