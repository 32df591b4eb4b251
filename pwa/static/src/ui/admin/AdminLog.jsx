// "Administrationslog" (#/admin/log): every administrative change, newest first, with who
// made it (or "kommandolinjen"), what and on whom; never a password. Leads see their team's.
import { danishDateTime } from "../../dates.js";
import { CallProblem } from "./Offline.jsx";
import { useAdminData } from "./useAdminData.js";

const ACTIONS = {
  "user.create": "Oprettede bruger",
  "user.rename": "Omdøbte bruger",
  "user.role": "Skiftede rolle",
  "user.move": "Flyttede til andet team",
  "user.deactivate": "Deaktiverede bruger",
  "user.reactivate": "Genaktiverede bruger",
  "user.password": "Satte ny adgangskode",
  "team.create": "Oprettede team",
  "template.publish": "Udgav skabelonversion",
  "template.retire": "Udfasede skabelonversion",
  "template.restore": "Tog skabelonversion i brug igen",
};

/** The admin log screen. */
export function AdminLog() {
  const log = useAdminData("/admin/log");
  const users = useAdminData("/admin/users");
  const teams = useAdminData("/admin/teams");
  const names = Object.fromEntries([
    ...(users.answer?.body?.users ?? []).map((u) => [u.id, u.display_name]),
    ...(teams.answer?.body?.teams ?? []).map((t) => [t.id, t.name]),
  ]);
  const entries = log.answer?.body?.entries ?? [];
  return (
    <>
      <h1>Administrationslog</h1>
      <CallProblem answer={log.answer} />
      {log.answer?.ok && entries.length === 0 && <p>Ingen ændringer endnu.</p>}
      {entries.length > 0 && (
        <div class="admin-table-wrap">
          <table class="admin-table">
            <caption class="visually-hidden">Administrative ændringer, nyeste først</caption>
            <thead>
              <tr>
                <th scope="col">Tidspunkt</th>
                <th scope="col">Hvem</th>
                <th scope="col">Handling</th>
                <th scope="col">Hvad</th>
                <th scope="col">Detaljer</th>
              </tr>
            </thead>
            <tbody>
              {entries.map((e, index) => (
                <tr key={`${e.at}-${index}`}>
                  <td>{danishDateTime(e.at)}</td>
                  <td>{e.via === "cli" ? "Kommandolinjen" : (names[e.user_id] ?? e.user_id)}</td>
                  <td>{ACTIONS[e.action] ?? e.action}</td>
                  <td>{names[e.target_id] ?? e.target_id}</td>
                  <td>{e.detail}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
