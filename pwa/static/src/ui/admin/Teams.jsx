// "Teams" (#/admin/teams): every team with its active users (a lead: their own); admins
// create a team. Users are moved between teams on "Brugere".
import { useState } from "preact/hooks";
import { adminCall, fieldError } from "./adminApi.js";
import { CallProblem } from "./Offline.jsx";
import { useAdminData } from "./useAdminData.js";

/** The teams screen. */
export function Teams({ admin }) {
  const teams = useAdminData("/admin/teams");
  const [name, setName] = useState("");
  const [answer, setAnswer] = useState(null);
  async function submit(event) {
    event.preventDefault();
    const result = await adminCall("POST", "/admin/teams", { body: { name } });
    setAnswer(result);
    if (result.ok) {
      setName("");
      teams.reload();
    }
  }
  const error = fieldError(answer?.errors, "name");
  return (
    <>
      <h1>Teams</h1>
      <CallProblem answer={teams.answer} />
      <ul class="devices" aria-label="Teams">
        {(teams.answer?.body?.teams ?? []).map((team) => (
          <li key={team.id}>
            <strong>{team.name}</strong>: {team.active_users} aktive brugere
          </li>
        ))}
      </ul>
      {admin && (
        <section class="card" aria-labelledby="new-team-title">
          <h2 id="new-team-title">Nyt team</h2>
          <form class="admin-form" onSubmit={submit}>
            <label for="team-name">
              Navn
              <input
                id="team-name"
                value={name}
                onInput={(e) => setName(e.currentTarget.value)}
                aria-invalid={Boolean(error)}
              />
              {error && <span class="field-error">{error}</span>}
            </label>
            <div class="actions">
              <button type="submit">Opret team</button>
            </div>
          </form>
          {answer?.ok && (
            <p class="message ok" role="status">
              Teamet {answer.body.team.name} er oprettet.
            </p>
          )}
          {answer && !answer.ok && !error && <CallProblem answer={answer} />}
        </section>
      )}
    </>
  );
}
