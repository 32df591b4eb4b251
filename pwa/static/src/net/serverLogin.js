// The server side of logging in: POST /auth/login with this device's name, and the
// reasons a login fails, for the screens' messages, and the logout (store/session.js uses
// them: the session reaches the server only through this module).
import { api, NetworkError, problemSlug } from "../transport.js";

/** A login the server or the network refused; `reason` names why, for the message. */
export class LoginError extends Error {
  constructor(reason, retryAfter = 0) {
    super(reason);
    this.name = "LoginError";
    this.reason = reason; // "credentials" | "rate-limited" | "offline" | "outdated" | "server"
    this.retryAfter = retryAfter;
  }
}

function deviceName() {
  const platform = navigator.userAgentData?.platform || navigator.platform || "browser";
  return `Feltmappe på ${platform}`.slice(0, 200);
}

/** Log in at the server; the answer body {token, device_id, user} or a LoginError. */
export async function serverLogin(fields) {
  let answer;
  try {
    answer = await api("POST", "/auth/login", { body: { ...fields, device_name: deviceName() } });
  } catch (error) {
    if (error instanceof NetworkError) throw new LoginError("offline");
    throw error;
  }
  if (answer.status === 200) return answer.body;
  const slug = problemSlug(answer.body);
  if (slug === "unauthorized") throw new LoginError("credentials");
  if (slug === "rate-limited") {
    throw new LoginError("rate-limited", Number(answer.headers.get("Retry-After")) || 60);
  }
  if (slug === "client-outdated") throw new LoginError("outdated");
  throw new LoginError("server");
}

/** Tell the server this device logs out (best effort: a failure is ignored). */
export async function serverLogout(token) {
  await api("POST", "/auth/logout", { token }).catch(() => null);
}
