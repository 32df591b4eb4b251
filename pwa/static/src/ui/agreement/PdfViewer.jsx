// The agreement PDF inside the app (ui/agreement/pdf.js): "Luk PDF", and "Gem på enheden",
// which first says that a saved copy is outside the app's encryption, lock and wipe.
import { useState } from "preact/hooks";
import { useObservable } from "../../observable.js";
import { closePdf, savePdf, shownPdf } from "./pdf.js";

/** The PDF of agreement `agreementId` when it is the one shown; nothing otherwise. */
export function PdfViewer({ agreementId }) {
  const { url, agreementId: shownId } = useObservable(shownPdf);
  const [asking, setAsking] = useState(false);
  if (!url || shownId !== agreementId) return null;
  return (
    <section class="card pdf-viewer" aria-labelledby="ag-pdf">
      <h2 id="ag-pdf">Aftalen som PDF</h2>
      <p class="ag-hint">PDF'en vises kun her i appen og forsvinder, når appen låses.</p>
      <iframe src={url} title="Aftalen som PDF" class="pdf-frame" />
      <div class="actions">
        <button type="button" onClick={closePdf}>
          Luk PDF
        </button>
        {!asking && (
          <button type="button" class="secondary" onClick={() => setAsking(true)}>
            Gem på enheden…
          </button>
        )}
      </div>
      {asking && (
        <div class="card confirm-box" role="group" aria-labelledby="ag-pdf-save">
          <h3 id="ag-pdf-save">Gem PDF'en på enheden?</h3>
          <p>
            En gemt PDF ligger i enhedens overførsler uden for appens kryptering, lås og sletning,
            med borgerens navn, skånehensyn og underskrifter. Gem den kun, hvis den skal bruges uden
            for appen, og slet den, når den er brugt.
          </p>
          <div class="actions">
            <button
              type="button"
              onClick={() => {
                savePdf();
                setAsking(false);
              }}
            >
              Gem alligevel
            </button>
            <button type="button" class="secondary" onClick={() => setAsking(false)}>
              Fortryd
            </button>
          </div>
        </div>
      )}
    </section>
  );
}
