// Unlocking stored data offline: with the PIN by default ("PIN-kode", "Lås op"), or with the
// password ("Brug adgangskode i stedet": a forgotten PIN; a new PIN is chosen afterwards).
// Wrong tries are counted and shown; the fifth password try must be confirmed first, because
// a wrong one erases every local record, and the screen says how many unsent changes go.
import { useEffect, useState } from "preact/hooks";
import { useObservable } from "../observable.js";
import { WrongSecret } from "../store/crypto.js";
import {
  EraseUnconfirmed,
  MAX_PASSWORD_TRIES,
  MAX_PIN_TRIES,
  sessionState,
  unlock,
  unsentCount,
} from "../store/session.js";
import { count, deviceError } from "./labels.js";
import "./security.css";

/** The unlock screen shown when the app starts with stored, locked data. */
export function Unlock() {
  const { hasPin, tries, pinDeleted } = useObservable(sessionState);
  const [usePassword, setUsePassword] = useState(false);
  const kind = hasPin && !usePassword ? "pin" : "password";
  const lastTry = tries.password >= MAX_PASSWORD_TRIES - 1;
  const [error, setError] = useState("");
  const [busy, setBusy] = useState(false);
  const [unsent, setUnsent] = useState(null);
  useEffect(() => {
    if (lastTry) unsentCount().then(setUnsent);
  }, [lastTry]);

  async function submit(event) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setBusy(true);
    setError("");
    try {
      await unlock(kind, String(form.get("secret")), { confirmErase: form.get("erase") === "yes" });
    } catch (failure) {
      setError(
        failure instanceof WrongSecret
          ? kind === "pin"
            ? "Forkert PIN-kode"
            : "Forkert adgangskode"
          : failure instanceof EraseUnconfirmed
            ? "Bekræft først, at du forstår, hvad der slettes."
            : deviceError(failure),
      );
      setBusy(false);
      event.target.reset?.();
    }
  }

  return (
    <main class="auth">
      <h1>Feltmappe er låst</h1>
      {pinDeleted && kind === "password" && (
        <p class="message error" role="alert">
          PIN-koden er slettet efter {MAX_PIN_TRIES} forkerte forsøg. Skriv din adgangskode for at
          låse op; bagefter vælger du en ny PIN-kode.
        </p>
      )}
      <p>
        Dine data er krypteret på enheden.{" "}
        {kind === "pin" ? "Skriv din PIN-kode" : "Skriv din adgangskode"} for at låse op – det
        virker også uden net.
      </p>
      <form onSubmit={submit} class="card" key={kind}>
        {kind === "pin" ? (
          <>
            <label for="unlock-pin">PIN-kode</label>
            <input
              id="unlock-pin"
              name="secret"
              type="password"
              inputMode="numeric"
              autocomplete="off"
              required
            />
            {tries.pin > 0 && (
              <p class="tries" role="status">
                {count(tries.pin, "forkert forsøg", "forkerte forsøg")}. Efter {MAX_PIN_TRIES}{" "}
                slettes PIN-koden.
              </p>
            )}
          </>
        ) : (
          <>
            <label for="unlock-password">Adgangskode</label>
            <input
              id="unlock-password"
              name="secret"
              type="password"
              autocomplete="current-password"
              required
            />
            {tries.password > 0 && !lastTry && (
              <p class="tries" role="status">
                {count(tries.password, "forkert forsøg", "forkerte forsøg")} med adgangskoden. Efter{" "}
                {MAX_PASSWORD_TRIES} slettes alle data på enheden.
              </p>
            )}
            {lastTry && <LastTryWarning unsent={unsent} />}
          </>
        )}
        {error && (
          <p class="message error" role="alert">
            {error}
          </p>
        )}
        <button type="submit" disabled={busy}>
          {busy ? "Låser op …" : "Lås op"}
        </button>
      </form>
      {hasPin && (
        <button
          type="button"
          class="link-button"
          onClick={() => {
            setUsePassword(!usePassword);
            setError("");
          }}
        >
          {usePassword ? "Brug PIN-kode i stedet" : "Brug adgangskode i stedet"}
        </button>
      )}
    </main>
  );
}

function LastTryWarning({ unsent }) {
  return (
    <div class="message error stack">
      <p>
        ⚠ Du har skrevet forkert adgangskode {MAX_PASSWORD_TRIES - 1} gange. Er den forkert igen,
        slettes alle data i Feltmappe på denne enhed
        {unsent === null
          ? "."
          : unsent === 0
            ? ". Alle dine ændringer er sendt til serveren, så intet går tabt."
            : `, også ${count(unsent, "post med ændringer", "poster med ændringer")}, der ikke er sendt til serveren. De går tabt.`}
      </p>
      <label class="confirm-erase">
        <input type="checkbox" name="erase" value="yes" />
        Jeg forstår, at alle data på enheden slettes ved endnu et forkert forsøg
      </label>
    </div>
  );
}
