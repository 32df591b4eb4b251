// The app's frame: which screen shows for the session's phase, and, once unlocked, the
// status bar, navigation and the routed screen.
import { useObservable } from "../observable.js";
import { sessionState } from "../store/session.js";
import { Companies } from "./Companies.jsx";
import { CompanyForm } from "./CompanyForm.jsx";
import { Conflicts } from "./Conflicts.jsx";
import { Login } from "./Login.jsx";
import { Nav } from "./Nav.jsx";
import { Rejected } from "./Rejected.jsx";
import { Relogin } from "./Relogin.jsx";
import { useRoute } from "./route.js";
import { Settings } from "./Settings.jsx";
import { StatusBar } from "./StatusBar.jsx";
import { Unlock } from "./Unlock.jsx";
import { UpdateBanner } from "./UpdateBanner.jsx";

/** The whole app. */
export function App() {
  const session = useObservable(sessionState);
  if (session.phase === "starting") return <main class="boot"><h1>Feltmappe</h1><p>Starter …</p></main>;
  if (session.phase === "login") return <><UpdateBanner /><Login notice={session.notice} /></>;
  if (session.phase === "locked") return <><UpdateBanner /><Unlock /></>;
  return <Unlocked relogin={session.relogin} />;
}

function Unlocked({ relogin }) {
  const [section = "virksomheder", ...rest] = useRoute();
  return (
    <div class="layout">
      <header class="topbar">
        <UpdateBanner />
        <StatusBar />
        {relogin && <Relogin />}
        <Nav section={section} />
      </header>
      <main>
        <Screen section={section} rest={rest} />
      </main>
    </div>
  );
}

/** The routed screen: `section` is the route's first segment, `rest` the others. */
function Screen({ section, rest }) {
  const [id, sub] = rest;
  switch (section) {
    case "virksomheder":
      return id ? <CompanyForm id={id === "ny" ? undefined : id} sub={sub} /> : <Companies />;
    case "konflikter": return <Conflicts />;
    case "afviste": return <Rejected />;
    case "indstillinger": return <Settings />;
    default: return <Companies />;
  }
}
