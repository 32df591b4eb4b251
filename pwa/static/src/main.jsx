// The app's entry: render, register the service worker, decide login or unlock, and run
// the sync client while the session is unlocked.
import "./app.css";
import { render } from "preact";
import { onErasedElsewhere } from "./store/db.js";
import { sessionState, startSession } from "./store/session.js";
import { startSync, stopSync } from "./sync/client.js";
import { registerServiceWorker } from "./sw-register.js";
import { App } from "./ui/App.jsx";

render(<App />, document.getElementById("app"));
registerServiceWorker();
onErasedElsewhere(() => window.location.reload());
sessionState.subscribe(({ phase }) => (phase === "ready" ? startSync() : stopSync()));
startSession();
