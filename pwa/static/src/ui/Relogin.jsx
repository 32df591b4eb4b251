// Logging in again after the server refused the token (401): the data and the outbox stay.
import { LoginError, relogin } from "../store/session.js";
import { requestSync } from "../sync/client.js";
import { deviceError, loginMessage } from "./labels.js";
import { usePasswordSubmit } from "./usePasswordSubmit.js";

/** The re-login panel: "Adgangskode" and "Log ind igen". */
export function Relogin() {
  const { error, busy, submit } = usePasswordSubmit(
    async (password) => {
      await relogin(password);
      requestSync();
    },
    (failure) =>
      failure instanceof LoginError
        ? loginMessage(failure, "Forkert adgangskode")
        : deviceError(failure),
  );

  return (
    <section class="relogin" aria-labelledby="relogin-title">
      <h2 id="relogin-title">Log ind igen for at synkronisere</h2>
      <p>Dine ændringer er gemt på enheden og sendes, når du har logget ind igen.</p>
      <form onSubmit={submit}>
        <label for="relogin-password">Adgangskode</label>
        <div class="inline">
          <input
            id="relogin-password"
            name="password"
            type="password"
            autocomplete="current-password"
            required
          />
          <button type="submit" disabled={busy}>
            Log ind igen
          </button>
        </div>
        {error && (
          <p class="message error" role="alert">
            {error}
          </p>
        )}
      </form>
    </section>
  );
}
