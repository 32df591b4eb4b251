// "Hent PDF": the sealed agreement PDF from the server, saved as "aftale-<dato>.pdf".
import { apiBlob, NetworkError } from "../../transport.js";
import { currentSession } from "../../store/session.js";
import { todayIso } from "../../dates.js";

/** Fetch and download agreement `id`'s PDF; returns "" or a Danish message of what failed. */
export async function downloadPdf(id) {
  const { token } = await currentSession();
  let answer;
  try {
    answer = await apiBlob(`/agreements/${id}/pdf`, { token });
  } catch (error) {
    if (error instanceof NetworkError) return "Ingen forbindelse til serveren. Prøv igen, når enheden er online.";
    throw error;
  }
  if (answer.status === 404) return "Serveren har ikke aftalen endnu. Synkronisér, og prøv igen.";
  if (!answer.blob) return "Serveren kunne ikke lave PDF'en lige nu. Prøv igen om lidt.";
  const url = URL.createObjectURL(answer.blob);
  const link = document.createElement("a");
  link.href = url;
  link.download = `aftale-${todayIso()}.pdf`;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
  return "";
}
