// The first login (network needed): "Brugernavn", "Adgangskode", "Log ind".
import { useState } from "preact/hooks";
import { LoginError, login } from "../store/session.js";
import { deviceError, loginMessage } from "./labels.js";

/** The login screen; `notice` explains why it shows (e.g. after a remote wipe). */
export function Login({ notice }) {
  const [error, setError] = useState("");
  const [busy, setBusy] = useState(false);

  async function submit(event) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setBusy(true);
    setError("");
    try {
      await login(String(form.get("username")).trim(), String(form.get("password")));
    } catch (failure) {
      setError(failure instanceof LoginError ? loginMessage(failure) : deviceError(failure));
      setBusy(false);
    }
  }

  return (
    <main class="auth">
      <h1>Feltmappe</h1>
      {notice && (
        <p class="message info" role="status">
          {notice}
        </p>
      )}
      <form onSubmit={submit} class="card">
        <label for="login-username">Brugernavn</label>
        <input
          id="login-username"
          name="username"
          autocomplete="username"
          required
          autocapitalize="none"
          spellcheck={false}
        />
        <label for="login-password">Adgangskode</label>
        <input
          id="login-password"
          name="password"
          type="password"
          autocomplete="current-password"
          required
        />
        {error && (
          <p class="message error" role="alert">
            {error}
          </p>
        )}
        <button type="submit" disabled={busy}>
          Log ind
        </button>
      </form>
    </main>
  );
}
