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
import { useRoute } from "./useRoute.js";
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
  const route = useRoute();
  const { agreementId: handOverId } = useObservable(handOverState);
  if (handOverId) return <HandOver key={handOverId} id={handOverId} />;
  return (
    <div class="layout">
      <header class="topbar">
        <UpdateBanner />
        <StatusBar />
        {relogin && <Relogin />}
        <Nav route={route} />
      </header>
      <main>
        <Screen route={route} />
      </main>
    </div>
  );
}

/** The routed screen for a route of ui/routes.js. */
function Screen({ route: { screen, params: p } }) {
  switch (screen) {
    case "companies":
      return <Companies />;
    case "newCompany":
      return <CompanyForm />;
    case "editCompany":
      return <CompanyForm id={p.id} />;
    case "company":
      return <CompanyPage key={p.id} id={p.id} />;
    case "tasks":
      return <Tasks />;
    case "newMeeting":
    case "meeting":
      return <MeetingForm screen={screen} params={p} />;
    case "newJobOrder":
    case "jobOrder":
      return <JobOrderForm screen={screen} params={p} />;
    case "newContact":
    case "contact":
      return <ContactRegister screen={screen} params={p} />;
    case "openPositions":
      return <OpenPositions />;
    case "overview":
      return <Overview />;
    case "newPlacement":
      return <NewPlacement key={p.companyId} companyId={p.companyId} />;
    case "placement":
      return <PlacementPage key={p.id} id={p.id} />;
    case "citizen":
      return <CitizenForm key={p.id} id={p.id} />;
    case "journalising":
      return <Journalising />;
    case "newAssessment":
      return <AssessmentForm placementId={p.placementId} templateKey={p.templateKey} />;
    case "assessment":
      return <AssessmentForm id={p.id} />;
    case "newAgreement":
      return (
        <AgreementPage
          key={`${p.placementId}/${p.templateKey}`}
          placementId={p.placementId}
          templateKey={p.templateKey}
        />
      );
    case "agreement":
      return <AgreementPage key={p.id} id={p.id} />;
    case "conflicts":
      return <Conflicts />;
    case "rejected":
      return <Rejected />;
    case "devices":
      return <Devices />;
    case "settings":
      return <Settings />;
    case "admin":
      return <Admin screen={p.screen} />;
    default:
      return <Today />;
  }
}
