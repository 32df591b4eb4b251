// Settings and about: who is logged in, storage use and whether it is protected, how to
// install the app when it runs in a tab (ui/install.js), the device lock (idle time, "Lås nu"),
// how long ended placements stay on the device, the devices page ("Enheder"), and "Log ud"
// (which pushes the outbox first; if changes remain unsent it says how many will be lost).
import { useEffect, useState } from "preact/hooks";
import { useObservable } from "../observable.js";
import {
  IDLE_CHOICES,
  KEEP_CHOICES,
  changeDeviceSettings,
  deviceSettings,
} from "../store/deviceSettings.js";
import { storageInfo } from "../store/records.js";
import { lock, logout, sessionState } from "../store/session.js";
import { flushOutbox } from "../sync/client.js";
import { APP_VERSION } from "../transport.js";
import { InstallHint } from "./InstallHint.jsx";
import { count, megabytes } from "./labels.js";
import { paths } from "./routes.js";

/** The settings screen. */
export function Settings() {
  const { user } = useObservable(sessionState);
  const [storage, setStorage] = useState(null);
  useEffect(() => {
    storageInfo().then(setStorage);
  }, []);
  return (
    <>
      <h1>Indstillinger</h1>
      <section class="card" aria-labelledby="about-title">
        <h2 id="about-title">Om Feltmappe</h2>
        <dl class="facts">
          <dt>Logget ind som</dt>
          <dd>{user ? `${user.display_name} (${user.username})` : "–"}</dd>
          <dt>Version</dt>
          <dd>{APP_VERSION}</dd>
        </dl>
        {storage && (
          <>
            <p>
              Lagerplads: {megabytes(storage.usage)} MB brugt af {megabytes(storage.quota)} MB
            </p>
            <p>
              Lagring:{" "}
              {storage.persisted
                ? "beskyttet – browseren sletter ikke appens data af sig selv."
                : "ikke beskyttet – browseren kan slette appens data, hvis pladsen bliver knap, eller hvis appen ikke bruges i en periode."}
            </p>
          </>
        )}
      </section>
      <InstallHint always />
      <section class="card" aria-labelledby="session-title">
        <h2 id="session-title">Session</h2>
        <p>Låsen fjerner nøglen fra hukommelsen; dine data bliver på enheden, krypteret.</p>
        <DeviceChoices />
        <div class="actions">
          <button type="button" class="secondary" onClick={lock}>
            Lås nu
          </button>
          <a class="button secondary" href={paths.devices()}>
            Enheder
          </a>
          {user?.role === "admin" && (
            <a class="button secondary" href={paths.admin("import")}>
              Importér fra fagsystem
            </a>
          )}
        </div>
        <Logout />
      </section>
    </>
  );
}

function DeviceChoices() {
  const settings = useObservable(deviceSettings);
  const change = (name) => (event) =>
    changeDeviceSettings({ [name]: Number(event.currentTarget.value) });
  return (
    <>
      <label for="idle-minutes">Lås appen efter så lang tid uden brug</label>
      <select id="idle-minutes" value={settings.idleMinutes} onChange={change("idleMinutes")}>
        {IDLE_CHOICES.map((n) => (
          <option value={n} key={n}>
            {count(n, "minut", "minutter")}
          </option>
        ))}
      </select>
      <p>
        Appen advarer 30 sekunder før og låser også, når du skifter til en anden app. I overdragelse
        låses efter 15 minutter.
      </p>
      <label for="keep-days">Behold afsluttede forløb på enheden i</label>
      <select id="keep-days" value={settings.keepDays} onChange={change("keepDays")}>
        {KEEP_CHOICES.map((n) => (
          <option value={n} key={n}>
            {n} dage efter slutdatoen
          </option>
        ))}
      </select>
      <p>
        Ældre forløb slettes fra enheden (ikke fra serveren) og hentes igen, når du åbner dem med
        net.
      </p>
    </>
  );
}

function Logout() {
  const [state, setState] = useState({ step: "idle", left: 0 });
  async function start() {
    setState({ step: "pushing", left: 0 });
    const left = await flushOutbox();
    if (left === 0) await logout();
    else setState({ step: "confirm", left });
  }
  if (state.step === "confirm") {
    return (
      <div class="message error" role="alert">
        <p>
          {count(state.left, "ændring", "ændringer")} kunne ikke sendes og går tabt, hvis du logger
          ud nu. Vil du logge ud alligevel?
        </p>
        <div class="actions">
          <button type="button" class="danger" onClick={logout}>
            Log ud og kassér ændringerne
          </button>
          <button
            type="button"
            class="secondary"
            onClick={() => setState({ step: "idle", left: 0 })}
          >
            Annullér
          </button>
        </div>
      </div>
    );
  }
  return (
    <div class="actions">
      <button type="button" class="danger" onClick={start} disabled={state.step === "pushing"}>
        Log ud
      </button>
      {state.step === "pushing" && <span aria-live="polite">Sender ændringer …</span>}
    </div>
  );
}
