// Choosing the device PIN: after the first login and after unlocking with the password when
// no PIN exists ("Vælg PIN-kode", "Gentag PIN-kode", "Gem PIN-kode").
import { useState } from "preact/hooks";
import { PIN_MIN_LENGTH, pinProblem } from "../store/pinRules.js";
import { setPin, sessionState } from "../store/session.js";
import { useObservable } from "../observable.js";
import { deviceError } from "./labels.js";
import "./security.css";

/** The PIN setup screen (the key is unlocked; the app continues once a PIN is saved). */
export function PinSetup() {
  const { pinDeleted } = useObservable(sessionState);
  const [error, setError] = useState("");
  const [busy, setBusy] = useState(false);

  async function submit(event) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const pin = String(form.get("pin"));
    const problem = pinProblem(pin, String(form.get("repeat")));
    setError(problem);
    if (problem) return;
    setBusy(true);
    try {
      await setPin(pin);
    } catch (failure) {
      setError(deviceError(failure));
      setBusy(false);
    }
  }

  return (
    <main class="auth">
      <h1>Vælg en PIN-kode</h1>
      {pinDeleted && (
        <p class="message info" role="status">
          Din gamle PIN-kode er slettet. Vælg en ny.
        </p>
      )}
      <p>
        Feltmappe gemmer dine data krypteret på denne enhed. Med PIN-koden låser du op – også uden
        net – når appen har været låst. PIN-koden gælder kun denne enhed og sendes aldrig til
        serveren.
      </p>
      <p>
        Brug mindst {PIN_MIN_LENGTH} cifre, og undgå fødselsdatoer og cifre i rækkefølge. Efter 10
        forkerte forsøg slettes PIN-koden, og så skal du bruge din adgangskode.
      </p>
      <form onSubmit={submit} class="card" noValidate>
        <label for="pin-new">Vælg PIN-kode</label>
        <input
          id="pin-new"
          name="pin"
          type="password"
          inputMode="numeric"
          autocomplete="off"
          aria-invalid={error ? "true" : undefined}
          aria-describedby={error ? "pin-error" : undefined}
          required
        />
        <label for="pin-repeat">Gentag PIN-kode</label>
        <input
          id="pin-repeat"
          name="repeat"
          type="password"
          inputMode="numeric"
          autocomplete="off"
          required
        />
        {error && (
          <p id="pin-error" class="message error" role="alert">
            {error}
          </p>
        )}
        <button type="submit" disabled={busy}>
          {busy ? "Gemmer …" : "Gem PIN-kode"}
        </button>
      </form>
    </main>
  );
}
