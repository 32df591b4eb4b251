// "Administration" (#/admin/…): the menu and its sub-screens. Admins change users, teams,
// templates and lists; leads read their own team (no buttons that change anything). Every
// screen here needs the network and says so offline (adminApi.js).
import { useObservable } from "../../observable.js";
import { sessionState } from "../../store/session.js";
import { Devices } from "../Devices.jsx";
import { AccessAudit } from "./AccessAudit.jsx";
import { AdminLog } from "./AdminLog.jsx";
import { ImportCases } from "./ImportCases.jsx";
import { Lists } from "./Lists.jsx";
import { Teams } from "./Teams.jsx";
import { Templates } from "./Templates.jsx";
import { Users } from "./Users.jsx";
import { paths } from "../routes.js";
import "./admin.css";

const SCREENS = {
  brugere: Users,
  teams: Teams,
  enheder: () => <Devices inAdmin />,
  skabeloner: Templates,
  log: AdminLog,
  adgang: AccessAudit,
  import: ImportCases,
  lister: Lists,
};

/** The admin area; `screen` is the sub-screen of the route ("brugere", …), if any. */
export function Admin({ screen }) {
  const { user } = useObservable(sessionState);
  if (!user || !["admin", "lead"].includes(user.role)) {
    return (
      <p class="message error" role="alert">
        Administration er kun for administratorer og ledere.
      </p>
    );
  }
  const Screen = SCREENS[screen];
  if (!Screen) return <AdminMenu admin={user.role === "admin"} />;
  return (
    <>
      <a class="back" href={paths.admin()}>
        ← Administration
      </a>
      <Screen admin={user.role === "admin"} self={user} />
    </>
  );
}

function AdminMenu({ admin }) {
  const entry = (href, title, text) => (
    <li>
      <a href={href}>
        <strong>{title}</strong>
      </a>
      <span>{text}</span>
    </li>
  );
  return (
    <>
      <h1>Administration</h1>
      <p>
        {admin
          ? "Her styrer du brugere, teams, skabeloner og lister. Alle ændringer skrives i administrationsloggen."
          : "Som leder kan du se dit teams brugere og loggen, men ikke ændre dem."}{" "}
        Administration kræver net.
      </p>
      <ul class="admin-menu" aria-label="Administration">
        {entry(
          paths.admin("brugere"),
          "Brugere",
          "Opret, skift rolle eller team, ny adgangskode, deaktivér",
        )}
        {entry(paths.admin("teams"), "Teams", "Teams og antal aktive brugere")}
        {entry(paths.admin("enheder"), "Enheder", "Tilbagekald en mistet enhed")}
        {entry(
          paths.admin("skabeloner"),
          "Skabeloner",
          "Vurderings- og aftaleskemaer: upload, forhåndsvis, udgiv, udfas",
        )}
        {entry(paths.admin("lister"), "Lister", "Virksomhedstyper og jobfunktioner")}
        {admin &&
          entry(
            paths.admin("import"),
            "Importér fra fagsystem",
            "Borgere, virksomheder og forløb fra en CSV-fil",
          )}
        {entry(
          paths.admin("adgang"),
          "Adgangslog",
          "Hvem har set eller ændret en borgers oplysninger (indsigt, tilsyn)",
        )}
        {entry(
          paths.admin("log"),
          "Administrationslog",
          "Alle ændringer af brugere, teams og skabeloner",
        )}
      </ul>
    </>
  );
}
