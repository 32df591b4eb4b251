// The app's entry: render, register the service worker, decide login or unlock, and run
// the sync client while the session is unlocked.
import "./app.css";
import { render } from "preact";
import { onErasedElsewhere } from "./store/db.js";
import { reindexRows } from "./store/queries.js";
import { recoverRescues } from "./store/rescue.js";
import { sessionState, startSession } from "./store/session.js";
import { loadTemplates } from "./net/templates.js";
import { loadLists } from "./net/lists.js";
import { startSync, stopSync } from "./sync/client.js";
import { registerServiceWorker } from "./sw-register.js";
import { App } from "./ui/App.jsx";

render(<App />, document.getElementById("app"));
registerServiceWorker();
onErasedElsewhere(() => window.location.reload());
let lastPhase = null;
sessionState.subscribe(({ phase }) => {
  const entered = phase !== lastPhase;
  lastPhase = phase;
  if (phase !== "ready") stopSync();
  else if (entered) {
    loadTemplates();
    loadLists();
    recoverRescues();
    reindexRows()
      .catch((error) => console.error("reindex failed", error))
      .finally(startSync);
  }
});
startSession();
