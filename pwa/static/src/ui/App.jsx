// The app's frame: which screen shows for the session's phase, and, once unlocked, the
// status bar, navigation and the routed screen.
import { useObservable } from "../observable.js";
import { handOverState } from "../store/handover.js";
import { sessionState } from "../store/session.js";
import { Admin } from "./admin/Admin.jsx";
import { AgreementPage } from "./AgreementPage.jsx";
import { AssessmentForm } from "./AssessmentForm.jsx";
import { CitizenForm } from "./CitizenForm.jsx";
import { Companies } from "./Companies.jsx";
import { CompanyForm } from "./CompanyForm.jsx";
import { CompanyPage } from "./CompanyPage.jsx";
import { ContactRegister } from "./ContactRegister.jsx";
import { Conflicts } from "./Conflicts.jsx";
import { Devices } from "./Devices.jsx";
import { HandOver } from "./HandOver.jsx";
import { IdleLock } from "./IdleLock.jsx";
import { JobOrderForm } from "./JobOrderForm.jsx";
import { Journalising } from "./Journalising.jsx";
import { Login } from "./Login.jsx";
import { MeetingForm } from "./MeetingForm.jsx";
import { Nav } from "./Nav.jsx";
import { NewPlacement } from "./placement/NewPlacement.jsx";
import { OpenPositions } from "./OpenPositions.jsx";
import { Overview } from "./Overview.jsx";
import { PlacementPage } from "./PlacementPage.jsx";
import { PinSetup } from "./PinSetup.jsx";
import { Rejected } from "./Rejected.jsx";
import { Relogin } from "./Relogin.jsx";
import { useRoute } from "./route.js";
import { Settings } from "./Settings.jsx";
import { StatusBar } from "./StatusBar.jsx";
import { Tasks } from "./Tasks.jsx";
import { Today } from "./Today.jsx";
import { Unlock } from "./Unlock.jsx";
import { UpdateBanner } from "./UpdateBanner.jsx";

/** The whole app. */
export function App() {
  const session = useObservable(sessionState);
  if (session.phase === "starting")
    return (
      <main class="boot">
        <h1>Feltmappe</h1>
        <p>Starter …</p>
      </main>
    );
  if (session.phase === "login")
    return (
      <>
        <UpdateBanner />
        <Login notice={session.notice} />
      </>
    );
  if (session.phase === "locked")
    return (
      <>
        <UpdateBanner />
        <Unlock />
      </>
    );
  return (
    <IdleLock>{session.needsPin ? <PinSetup /> : <Unlocked relogin={session.relogin} />}</IdleLock>
  );
}

function Unlocked({ relogin }) {
  const [section = "i-dag", ...rest] = useRoute();
  const { agreementId: handOverId } = useObservable(handOverState);
  if (handOverId) return <HandOver key={handOverId} id={handOverId} />;
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
      if (!id) return <Companies />;
      return id === "ny" || sub === "rediger" ? (
        <CompanyForm id={id === "ny" ? undefined : id} />
      ) : (
        <CompanyPage key={id} id={id} />
      );
    case "i-dag":
      return <Today />;
    case "opgaver":
      return <Tasks />;
    case "moede":
      return <MeetingForm route={rest} />;
    case "jobordre":
      return <JobOrderForm route={rest} />;
    case "kontakt":
      return <ContactRegister route={rest} />;
    case "aabne-pladser":
      return <OpenPositions />;
    case "overblik":
      return <Overview />;
    case "forloeb":
      return id === "ny" ? (
        <NewPlacement key={sub} companyId={sub} />
      ) : (
        <PlacementPage key={id} id={id} />
      );
    case "borger":
      return <CitizenForm key={id} id={id} />;
    case "journalisering":
      return <Journalising />;
    case "vurdering":
      return id === "ny" ? (
        <AssessmentForm placementId={sub} templateKey={rest[2]} />
      ) : (
        <AssessmentForm id={id} />
      );
    case "aftale":
      return id === "ny" ? (
        <AgreementPage key={rest.join("/")} placementId={sub} templateKey={rest[2]} />
      ) : (
        <AgreementPage key={id} id={id} />
      );
    case "konflikter":
      return <Conflicts />;
    case "afviste":
      return <Rejected />;
    case "indstillinger":
      return id === "enheder" ? <Devices /> : <Settings />;
    case "admin":
      return <Admin rest={rest} />;
    default:
      return <Today />;
  }
}
