// The agreement screen's actions, by status: "Klar til underskrift", "Tilbage til kladde",
// "Overlad til underskrift", "Ny version" (asked first) and "Vis PDF" (online only; the
// reason is said in words when it cannot be used; the PDF opens inside the app, PdfViewer).
import { useState } from "preact/hooks";
import { useObservable } from "../../observable.js";
import { syncStatus } from "../../sync/status.js";
import { deviceError } from "../labels.js";
import { openPdf } from "./pdf.js";
import { PdfViewer } from "./PdfViewer.jsx";

/** The action buttons for the agreement `view`; `complete`: every required role has signed. */
export function Actions({ view, agreementId, setStatus, handOver, newVersion, complete }) {
  const { online } = useObservable(syncStatus);
  const [asking, setAsking] = useState(false);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState("");
  const status = view.record.data.status ?? "draft";
  const unsent = view.record.pending || view.signatures.some((s) => s.pending);
  const pdfReason = view.isNew
    ? "Aftalen er ikke gemt endnu."
    : !online
      ? "PDF'en kan kun hentes, når enheden er online."
      : unsent
        ? "Aftalen eller en underskrift er ikke sendt til serveren endnu. Synkronisér først."
        : "";

  async function run(action) {
    setBusy(true);
    setMessage("");
    try {
      const problem = await action();
      if (typeof problem === "string") setMessage(problem);
    } catch (error) {
      setMessage(deviceError(error));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section class="card" aria-labelledby="ag-actions">
      <h2 id="ag-actions">Handlinger</h2>
      <div class="actions">
        {status === "draft" && !view.locked && (
          <button type="button" disabled={busy} onClick={() => run(() => setStatus("ready"))}>
            Klar til underskrift
          </button>
        )}
        {status === "ready" && !view.locked && !view.signatures.length && (
          <button
            type="button"
            class="secondary"
            disabled={busy}
            onClick={() => run(() => setStatus("draft"))}
          >
            Tilbage til kladde
          </button>
        )}
        {(status === "ready" || view.locked) && status !== "void" && !complete && (
          <button type="button" disabled={busy} onClick={() => run(handOver)}>
            Overlad til underskrift
          </button>
        )}
        {!view.isNew && status !== "void" && view.signatures.length > 0 && !asking && (
          <button type="button" class="secondary" disabled={busy} onClick={() => setAsking(true)}>
            Ny version
          </button>
        )}
        {!view.isNew && (
          <button
            type="button"
            class="secondary"
            disabled={busy || Boolean(pdfReason)}
            aria-describedby={pdfReason ? "ag-pdf-reason" : undefined}
            onClick={() => run(() => openPdf(agreementId))}
          >
            Vis PDF
          </button>
        )}
      </div>
      {pdfReason && !view.isNew && (
        <p class="ag-hint" id="ag-pdf-reason">
          {pdfReason}
        </p>
      )}
      {asking && (
        <div class="card confirm-box" role="group" aria-labelledby="ag-new-version">
          <h3 id="ag-new-version">Opret en ny version?</h3>
          <p>
            Den nuværende aftale annulleres og beholder sine underskrifter og sin PDF. Den nye
            version får en kopi af indholdet og skal underskrives igen.
          </p>
          <div class="actions">
            <button type="button" disabled={busy} onClick={() => run(newVersion)}>
              Opret ny version
            </button>
            <button type="button" class="secondary" onClick={() => setAsking(false)}>
              Fortryd
            </button>
          </div>
        </div>
      )}
      {message && (
        <p class="message error" role="alert">
          {message}
        </p>
      )}
      <PdfViewer agreementId={agreementId} />
    </section>
  );
}
