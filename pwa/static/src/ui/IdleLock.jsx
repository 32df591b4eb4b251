// The idle lock around the unlocked app: locks after the chosen idle time (15 minutes in
// hand-over mode), warns 30 seconds before with "Fortsæt" (role=alertdialog, WCAG 2.2.1),
// and locks at once when the page goes to the background (visibilitychange, pagehide).
// Locking drops the key (store/session.js lock()); main.jsx then stops the sync, and the
// app renders only the unlock screen. Hand-over state survives the lock (it is not personal).
import { useEffect, useRef, useState } from "preact/hooks";
import { useObservable } from "../observable.js";
import { deviceSettings, loadDeviceSettings } from "../store/deviceSettings.js";
import { handOverState } from "../store/handover.js";
import { lock } from "../store/session.js";
import { idleLimitMs, idleStep, secondsLeft } from "./idle.js";
import "./security.css";

const ACTIVITY = ["pointerdown", "keydown", "touchstart", "wheel", "scroll"];

/** Wrap the unlocked app: children render until the lock. */
export function IdleLock({ children }) {
  const { idleMinutes } = useObservable(deviceSettings);
  const { agreementId } = useObservable(handOverState);
  const idleMs = idleLimitMs(idleMinutes, Boolean(agreementId));
  const last = useRef(Date.now());
  const [view, setView] = useState({ warning: false, seconds: 0 });

  useEffect(() => {
    loadDeviceSettings();
  }, []);

  useEffect(() => {
    let timer = null;
    const decide = () => {
      const now = Date.now();
      const step = idleStep(now, last.current, idleMs);
      if (step.state === "lock") {
        lock();
        return;
      }
      const warning = step.state === "warning";
      setView({ warning, seconds: secondsLeft(now, last.current, idleMs) });
      timer = setTimeout(decide, warning ? Math.min(step.wakeIn, 1000) : step.wakeIn);
    };
    const active = () => {
      last.current = Date.now();
    };
    const hidden = () => {
      if (document.visibilityState === "hidden") lock();
    };
    ACTIVITY.forEach((name) =>
      window.addEventListener(name, active, { capture: true, passive: true }),
    );
    document.addEventListener("visibilitychange", hidden);
    window.addEventListener("pagehide", lock);
    decide();
    return () => {
      clearTimeout(timer);
      ACTIVITY.forEach((name) => window.removeEventListener(name, active, { capture: true }));
      document.removeEventListener("visibilitychange", hidden);
      window.removeEventListener("pagehide", lock);
    };
  }, [idleMs]);

  return (
    <>
      {children}
      {view.warning && (
        <IdleWarning
          seconds={view.seconds}
          onContinue={() => {
            last.current = Date.now();
            setView({ warning: false, seconds: 0 });
          }}
        />
      )}
    </>
  );
}

function IdleWarning({ seconds, onContinue }) {
  const button = useRef(null);
  useEffect(() => {
    button.current?.focus();
  }, []);
  return (
    <div class="idle-backdrop">
      <div
        class="idle-dialog card"
        role="alertdialog"
        aria-modal="true"
        aria-labelledby="idle-title"
        aria-describedby="idle-text"
      >
        <h2 id="idle-title">Appen låses om 30 sekunder</h2>
        <p id="idle-text">
          Du har ikke brugt Feltmappe i et stykke tid. Om {seconds} sekunder låses appen, og du skal
          bruge din PIN-kode for at fortsætte. Dine data og ændringer bliver gemt.
        </p>
        <button type="button" ref={button} onClick={onContinue}>
          Fortsæt
        </button>
      </div>
    </div>
  );
}
