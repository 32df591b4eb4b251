// "Enheder" (Indstillinger → Enheder, #/indstillinger/enheder): the user's devices (admins:
// every device, as GET /devices answers), when each was last seen, this device marked, and
// "Tilbagekald" with a confirmation. A revoked device erases its local data at its next
// contact with the server (docs/protocol.md 1). Needs the network; offline it says so.
import { useEffect, useState } from "preact/hooks";
import { useObservable } from "../observable.js";
import { currentSession, sessionState } from "../store/session.js";
import { requestSync } from "../sync/client.js";
import { NetworkError, api } from "../transport.js";
import { danishDateTime } from "../dates.js";
import { paths } from "./routes.js";
import "./security.css";

/** The device management page (`inAdmin`: under Administration, which has its own back link). */
export function Devices({ inAdmin = false }) {
  const { user } = useObservable(sessionState);
  const [state, setState] = useState({ devices: null, names: {}, self: null, problem: "" });
  const reload = () => loadDevices(user).then(setState);
  useEffect(() => {
    reload();
  }, []);

  return (
    <>
      {!inAdmin && (
        <a class="back" href={paths.settings()}>
          ← Indstillinger
        </a>
      )}
      <h1>Enheder</h1>
      <p>
        {user?.role === "admin"
          ? "Som administrator ser du alle enheder."
          : "Her er de enheder, du har logget ind på."}{" "}
        Mister du en enhed, så tilbagekald den: den kan ikke længere synkronisere, og den sletter
        alle sine lokale data, næste gang den har forbindelse.
      </p>
      {state.problem && (
        <p class="message error" role="alert">
          {state.problem}
        </p>
      )}
      {!state.devices && !state.problem && <p aria-live="polite">Henter enheder …</p>}
      {state.devices && (
        <ul class="devices" aria-label="Enheder">
          {state.devices.map((device) => (
            <DeviceItem
              key={device.id}
              device={device}
              owner={state.names[device.user_id]}
              self={device.id === state.self}
              onRevoked={reload}
            />
          ))}
        </ul>
      )}
    </>
  );
}

function DeviceItem({ device, owner, self, onRevoked }) {
  const [step, setStep] = useState("idle");
  const [problem, setProblem] = useState("");
  async function revoke() {
    setStep("busy");
    const answer = await call("POST", `/devices/${device.id}/revoke`);
    if (answer.problem) {
      setProblem(answer.problem);
      setStep("idle");
    } else {
      if (self) requestSync();
      onRevoked();
    }
  }
  return (
    <li>
      <strong>{device.name}</strong>
      {self && <span class="this"> Denne enhed</span>}
      {device.revoked && <span class="revoked"> Tilbagekaldt</span>}
      <dl class="facts">
        {owner && (
          <>
            <dt>Bruger</dt>
            <dd>{owner}</dd>
          </>
        )}
        <dt>Sidst set</dt>
        <dd>{danishDateTime(device.last_seen_at) || "–"}</dd>
        <dt>Logget ind første gang</dt>
        <dd>{danishDateTime(device.created_at) || "–"}</dd>
      </dl>
      {problem && (
        <p class="message error" role="alert">
          {problem}
        </p>
      )}
      {!device.revoked && step !== "confirm" && (
        <button
          type="button"
          class="danger"
          disabled={step === "busy"}
          onClick={() => setStep("confirm")}
          aria-label={`Tilbagekald ${device.name}`}
        >
          Tilbagekald
        </button>
      )}
      {step === "confirm" && (
        <div class="message error stack" role="alertdialog" aria-labelledby={`revoke-${device.id}`}>
          <p id={`revoke-${device.id}`}>
            ⚠{" "}
            {self
              ? "Det er den enhed, du bruger nu. Den logges ud og sletter alle lokale data, også ændringer, der ikke er sendt. "
              : `«${device.name}» kan ikke længere synkronisere og sletter sine lokale data ved næste forbindelse. `}
            Vil du tilbagekalde enheden?
          </p>
          <div class="actions">
            <button type="button" class="danger" onClick={revoke}>
              Ja, tilbagekald
            </button>
            <button type="button" class="secondary" onClick={() => setStep("idle")}>
              Annullér
            </button>
          </div>
        </div>
      )}
    </li>
  );
}

async function loadDevices(user) {
  const [devices, users, session] = await Promise.all([
    call("GET", "/devices"),
    call("GET", "/users"),
    currentSession(),
  ]);
  if (devices.problem) return { devices: null, names: {}, self: null, problem: devices.problem };
  const names = {};
  if (user?.role === "admin" && !users.problem)
    users.body.users.forEach((u) => {
      names[u.id] = u.display_name;
    });
  const sorted = [...devices.body.devices].sort(
    (a, b) =>
      Number(a.revoked) - Number(b.revoked) ||
      String(b.last_seen_at).localeCompare(String(a.last_seen_at)),
  );
  return { devices: sorted, names, self: session.device_id, problem: "" };
}

async function call(method, path) {
  try {
    const { token } = await currentSession();
    const answer = await api(method, path, { token });
    if (answer.status === 200) return { body: answer.body };
    return { problem: "Serveren kunne ikke svare lige nu. Prøv igen om lidt." };
  } catch (error) {
    if (error instanceof NetworkError)
      return { problem: "Ingen forbindelse. Enhederne kan kun ses og tilbagekaldes med net." };
    throw error;
  }
}
