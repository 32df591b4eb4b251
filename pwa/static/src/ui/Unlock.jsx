// Unlocking stored data offline with the password: "Adgangskode", "Lås op".
import { WrongSecret } from "../store/crypto.js";
import { unlock } from "../store/session.js";
import { deviceError } from "./labels.js";
import { usePasswordSubmit } from "./usePasswordSubmit.js";

/** The unlock screen shown when the app starts with stored, locked data. */
export function Unlock() {
  const { error, busy, submit } = usePasswordSubmit(
    (password) => unlock("password", password),
    (failure) => (failure instanceof WrongSecret ? "Forkert adgangskode" : deviceError(failure)));

  return (
    <main class="auth">
      <h1>Feltmappe er låst</h1>
      <p>Dine data er krypteret på enheden. Skriv din adgangskode for at låse op – det virker også uden net.</p>
      <form onSubmit={submit} class="card">
        <label for="unlock-password">Adgangskode</label>
        <input id="unlock-password" name="password" type="password" autocomplete="current-password" required />
        {error && <p class="message error" role="alert">{error}</p>}
        <button type="submit" disabled={busy}>{busy ? "Låser op …" : "Lås op"}</button>
      </form>
    </main>
  );
}
