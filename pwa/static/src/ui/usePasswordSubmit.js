// The submit handling the password forms share: busy while it runs, the error shown after.
import { useState } from "preact/hooks";

/** A submit handler that calls `action(password)`; a failure becomes `describe(failure)`. */
export function usePasswordSubmit(action, describe) {
  const [error, setError] = useState("");
  const [busy, setBusy] = useState(false);

  async function submit(event) {
    event.preventDefault();
    const password = String(new FormData(event.currentTarget).get("password"));
    setBusy(true);
    setError("");
    try {
      await action(password);
    } catch (failure) {
      setError(describe(failure));
      setBusy(false);
    }
  }

  return { error, busy, submit };
}
