// The sealed agreement PDF from the server, shown inside the app.
// Rules (docs/security.md): the PDF holds the citizen's name, special considerations and
// signatures, so it stays where the app's lock and wipe reach it:
// - "Vis PDF" fetches it into memory as a blob and shows it in the app; the blob URL is
//   revoked when the viewer is closed and as soon as the app locks or logs out.
// - Saving it on the device is a separate, explained step: a saved file lies in the
//   browser's downloads, outside the encryption, the lock and the wipe.
import { observable } from "../../observable.js";
import { apiBlob, NetworkError } from "../../transport.js";
import { currentSession, sessionState } from "../../store/session.js";
import { todayIso } from "../../dates.js";

/** The PDF shown now: {url (a blob: URL, "" when none), name, agreementId}. */
export const shownPdf = observable({ url: "", name: "", agreementId: "" });

sessionState.subscribe(({ phase }) => {
  if (phase !== "ready") closePdf();
});

/** Fetch agreement `id`'s PDF and show it; returns "" or a Danish message of what failed. */
export async function openPdf(id) {
  const { token } = await currentSession();
  let answer;
  try {
    answer = await apiBlob(`/agreements/${id}/pdf`, { token });
  } catch (error) {
    if (error instanceof NetworkError)
      return "Ingen forbindelse til serveren. Prøv igen, når enheden er online.";
    throw error;
  }
  if (answer.status === 404) return "Serveren har ikke aftalen endnu. Synkronisér, og prøv igen.";
  if (!answer.blob) return "Serveren kunne ikke lave PDF'en lige nu. Prøv igen om lidt.";
  if (sessionState.get().phase !== "ready") return "";
  closePdf();
  shownPdf.set({
    url: URL.createObjectURL(answer.blob),
    name: `aftale-${todayIso()}.pdf`,
    agreementId: id,
  });
  return "";
}

/** Close the viewer and revoke the blob URL (the PDF leaves memory). */
export function closePdf() {
  const { url } = shownPdf.get();
  if (url) URL.revokeObjectURL(url);
  if (url || shownPdf.get().agreementId) shownPdf.set({ url: "", name: "", agreementId: "" });
}

/** Save the shown PDF in the browser's downloads (after the user was told what that means). */
export function savePdf() {
  const { url, name } = shownPdf.get();
  if (!url) return;
  const link = document.createElement("a");
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
}
