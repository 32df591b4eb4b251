// The always-visible sync status: online state, pending and rejected changes, conflicts,
// the last successful sync, the initial-sync progress and "Synkronisér nu"; a warning when
// unsent changes have waited 3 days or more (only this device holds them).
import { useObservable } from "../observable.js";
import { requestSync } from "../sync/client.js";
import { syncStatus } from "../sync/status.js";
import { clockTime } from "../dates.js";
import { count } from "./labels.js";

/** The status bar (role="status", labelled "Synkroniseringsstatus"). */
export function StatusBar() {
  const s = useObservable(syncStatus);
  const waiting = s.pending > 0;
  const synced = !waiting && s.rejected === 0 && s.lastOk;
  return (
    <div class="statusbar" role="status" aria-label="Synkroniseringsstatus">
      <span class={`state ${s.online ? "online" : "offline"}`}>
        {s.online ? "Online" : "Offline"}
      </span>
      {waiting && (
        <span>{s.pending === 1 ? "1 ændring venter" : `${s.pending} ændringer venter`}</span>
      )}
      {synced && <span class="synced">Alt er synkroniseret</span>}
      {s.lastSyncedAt && <span>Sidst synkroniseret kl. {clockTime(s.lastSyncedAt)}</span>}
      {s.conflicts > 0 && <span class="alert">{count(s.conflicts, "konflikt", "konflikter")}</span>}
      {s.rejected > 0 && (
        <span class="alert">{count(s.rejected, "afvist ændring", "afviste ændringer")}</span>
      )}
      {s.staleDays > 0 && (
        <span class="alert">
          Ændringer har ikke været sendt i {s.staleDays} dage og findes kun på denne enhed. Få
          forbindelse, og synkronisér.
        </span>
      )}
      {s.running && !s.progress && <span>Synkroniserer …</span>}
      {s.progress && <Progress {...s.progress} />}
      {s.outdated && <span class="alert">Der kræves en ny version af appen</span>}
      {s.problem && !s.outdated && <span class="alert">{s.problem}</span>}
      <button type="button" class="secondary sync-now" onClick={requestSync} disabled={s.running}>
        Synkronisér nu
      </button>
    </div>
  );
}

function Progress({ done, total }) {
  const text = total ? `${done} af ${total} poster` : `${done} poster hentet`;
  return (
    <span>
      <progress
        role="progressbar"
        aria-label="Henter data"
        value={total ? done : undefined}
        max={total || undefined}
        aria-valuemin={0}
        aria-valuemax={total || undefined}
        aria-valuenow={done}
        aria-valuetext={text}
      />{" "}
      {text}
    </span>
  );
}
