// The admin screens' calls to the server (online only, docs/architecture.md "Growing it"): each
// answer is {ok, status, body, problem, errors, offline}; `problem` is a Danish sentence and
// `errors` the problem's fields (path → messages). The last answer of every GET is kept in
// memory with its time, so an offline screen can show what it last fetched.
import { currentSession } from "../../store/session.js";
import { NetworkError, api, apiBlob } from "../../transport.js";

const lastFetched = new Map();

/** Call /api/v1<path> with the session's token. */
export async function adminCall(method, path, { body, query } = {}) {
  const key = `${path}?${new URLSearchParams(query ?? {})}`;
  try {
    const { token } = await currentSession();
    const answer = await api(method, path, { token, body, query });
    const ok = answer.status >= 200 && answer.status < 300;
    const result = {
      ok,
      status: answer.status,
      body: answer.body,
      problem: ok ? "" : problemText(answer),
      errors: ok ? {} : (answer.body?.errors ?? {}),
      offline: false,
    };
    if (ok && method === "GET") lastFetched.set(key, { body: answer.body, at: new Date() });
    return result;
  } catch (error) {
    if (!(error instanceof NetworkError)) throw error;
    const last = method === "GET" ? lastFetched.get(key) : undefined;
    return {
      ok: false,
      status: 0,
      body: last?.body ?? null,
      fetchedAt: last?.at ?? null,
      errors: {},
      offline: true,
      problem: "Ingen forbindelse. Administration kræver net; prøv igen, når du er online.",
    };
  }
}

/** Download a file from the API (the audit CSV) under a file name. */
export async function download(path, fileName) {
  const { token } = await currentSession();
  const answer = await apiBlob(path, { token });
  if (!answer.blob) return false;
  const url = URL.createObjectURL(answer.blob);
  const link = Object.assign(document.createElement("a"), { href: url, download: fileName });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
  return true;
}

function problemText(answer) {
  if (answer.status === 403) return "Det har du ikke adgang til.";
  if (answer.status === 404) return "Findes ikke (eller du har ikke adgang).";
  if (answer.status === 409) return answer.body?.detail ?? "Findes allerede.";
  if (answer.status === 400) return answer.body?.title ?? "Noget er ikke udfyldt rigtigt.";
  return "Serveren kunne ikke svare lige nu. Prøv igen om lidt.";
}

/** The first message for a field of an answer's errors, or "". */
export function fieldError(errors, field) {
  const messages = errors?.[field];
  return Array.isArray(messages) ? messages.join(" ") : "";
}
