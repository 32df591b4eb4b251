// "Brugere" (#/admin/brugere): search, create, and per user: name, role, team, a new
// password, deactivate (every device of the user erases its data at its next contact and
// the password stops working) or reactivate. Leads see their team without the buttons.
import { useState } from "preact/hooks";
import { danishDateTime } from "../../dates.js";
import { adminCall, fieldError } from "./adminApi.js";
import { CallProblem } from "./Offline.jsx";
import { useAdminData } from "./useAdminData.js";

/** Danish names of the roles. */
export const ROLE_NAMES = { consultant: "Konsulent", lead: "Leder", admin: "Administrator" };

/** The users screen. */
export function Users({ admin, self }) {
  const users = useAdminData("/admin/users");
  const teams = useAdminData("/admin/teams");
  const [search, setSearch] = useState("");
  const [open, setOpen] = useState(null);
  const teamList = teams.answer?.body?.teams ?? [];
  const teamName = Object.fromEntries(teamList.map((t) => [t.id, t.name]));
  const wanted = search.trim().toLocaleLowerCase("da");
  const shown = (users.answer?.body?.users ?? []).filter(
    (u) =>
      !wanted ||
      `${u.display_name} ${u.username} ${teamName[u.team_id] ?? ""}`
        .toLocaleLowerCase("da")
        .includes(wanted),
  );
  const changed = () => {
    users.reload();
    teams.reload();
  };
  return (
    <>
      <h1>Brugere</h1>
      <CallProblem answer={users.answer} />
      <label for="user-search">Søg efter navn, brugernavn eller team</label>
      <input
        id="user-search"
        type="search"
        value={search}
        onInput={(e) => setSearch(e.currentTarget.value)}
      />
      {!users.answer && <p aria-live="polite">Henter brugere …</p>}
      <div class="admin-table-wrap">
        <table class="admin-table">
          <caption class="visually-hidden">Brugere</caption>
          <thead>
            <tr>
              <th scope="col">Navn</th>
              <th scope="col">Brugernavn</th>
              <th scope="col">Rolle</th>
              <th scope="col">Team</th>
              <th scope="col">Status</th>
              <th scope="col">Sidst set</th>
              {admin && (
                <th scope="col">
                  <span class="visually-hidden">Handlinger</span>
                </th>
              )}
            </tr>
          </thead>
          <tbody>
            {shown.map((u) => (
              <tr key={u.id}>
                <td>{u.display_name}</td>
                <td>{u.username}</td>
                <td>{ROLE_NAMES[u.role]}</td>
                <td>{teamName[u.team_id] ?? "–"}</td>
                <td class={u.active ? "" : "state-inactive"}>
                  {u.active ? "Aktiv" : "Deaktiveret"}
                </td>
                <td>{danishDateTime(u.last_seen_at) || "–"}</td>
                {admin && (
                  <td>
                    <button
                      type="button"
                      class="secondary"
                      aria-expanded={open === u.id}
                      onClick={() => setOpen(open === u.id ? null : u.id)}
                      aria-label={`Redigér ${u.display_name}`}
                    >
                      Redigér
                    </button>
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {admin && open && shown.some((u) => u.id === open) && (
        <EditUser
          key={open}
          user={shown.find((u) => u.id === open)}
          teams={teamList}
          self={self}
          onChanged={changed}
        />
      )}
      {admin && <NewUser teams={teamList} onCreated={changed} />}
    </>
  );
}

function RoleAndTeam({ prefix, values, set, teams, errors }) {
  return (
    <>
      <label for={`${prefix}-role`}>
        Rolle
        <select
          id={`${prefix}-role`}
          value={values.role}
          onChange={(e) => set({ role: e.currentTarget.value })}
        >
          {Object.entries(ROLE_NAMES).map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </select>
      </label>
      <label for={`${prefix}-team`}>
        Team
        <select
          id={`${prefix}-team`}
          value={values.team_id}
          onChange={(e) => set({ team_id: e.currentTarget.value })}
          aria-invalid={Boolean(fieldError(errors, "team_id"))}
        >
          <option value="">Vælg team</option>
          {teams.map((t) => (
            <option key={t.id} value={t.id}>
              {t.name}
            </option>
          ))}
        </select>
        {fieldError(errors, "team_id") && (
          <span class="field-error">{fieldError(errors, "team_id")}</span>
        )}
      </label>
    </>
  );
}

function TextField({ id, label, value, onInput, errors, field, type = "text", autocomplete }) {
  const error = fieldError(errors, field);
  return (
    <label for={id}>
      {label}
      <input
        id={id}
        type={type}
        value={value}
        autocomplete={autocomplete}
        aria-invalid={Boolean(error)}
        aria-describedby={error ? `${id}-error` : undefined}
        onInput={(e) => onInput(e.currentTarget.value)}
      />
      {error && (
        <span id={`${id}-error`} class="field-error">
          {error}
        </span>
      )}
    </label>
  );
}

function EditUser({ user, teams, self, onChanged }) {
  const [values, setValues] = useState({
    display_name: user.display_name,
    role: user.role,
    team_id: user.team_id,
    password: "",
  });
  const [answer, setAnswer] = useState(null);
  const [confirm, setConfirm] = useState(false);
  const set = (change) => setValues({ ...values, ...change });
  async function save(changes) {
    const result = await adminCall("PATCH", `/admin/users/${user.id}`, { body: changes });
    setAnswer(result);
    setConfirm(false);
    if (result.ok) {
      setValues({ ...values, password: "" });
      onChanged();
    }
  }
  function submit(event) {
    event.preventDefault();
    const changes = {};
    for (const name of ["display_name", "role", "team_id"])
      if (values[name] !== user[name]) changes[name] = values[name];
    if (values.password) changes.password = values.password;
    save(changes);
  }
  const isSelf = self?.id === user.id;
  return (
    <section class="card" aria-labelledby="edit-user-title">
      <h2 id="edit-user-title">
        {user.display_name} ({user.username})
      </h2>
      <form class="admin-form" onSubmit={submit}>
        <TextField
          id="edit-name"
          label="Navn"
          value={values.display_name}
          field="display_name"
          errors={answer?.errors}
          onInput={(v) => set({ display_name: v })}
        />
        <RoleAndTeam
          prefix="edit"
          values={values}
          set={set}
          teams={teams}
          errors={answer?.errors}
        />
        <TextField
          id="edit-password"
          label="Ny adgangskode (mindst 12 tegn)"
          type="password"
          autocomplete="new-password"
          value={values.password}
          field="password"
          errors={answer?.errors}
          onInput={(v) => set({ password: v })}
        />
        <div class="actions">
          <button type="submit">Gem ændringer</button>
        </div>
      </form>
      {answer?.ok && (
        <p class="message ok" role="status">
          Gemt. Ændring af rolle eller team får brugerens enheder til at hente alt igen.
        </p>
      )}
      {answer && !answer.ok && Object.keys(answer.errors).length === 0 && (
        <CallProblem answer={answer} />
      )}
      {!isSelf && user.active && !confirm && (
        <button type="button" class="danger" onClick={() => setConfirm(true)}>
          Deaktivér {user.display_name}
        </button>
      )}
      {!isSelf && !user.active && (
        <button type="button" class="secondary" onClick={() => save({ active: true })}>
          Genaktivér {user.display_name}
        </button>
      )}
      {confirm && (
        <div class="message error stack" role="alertdialog" aria-labelledby="deactivate-text">
          <p id="deactivate-text">
            {user.display_name} kan ikke længere logge ind. Alle brugerens enheder bliver
            tilbagekaldt og sletter deres lokale data ved næste forbindelse, også ændringer, der
            ikke er sendt. Navnet bliver stående på alt, brugeren har skrevet. Vil du deaktivere
            brugeren?
          </p>
          <div class="actions">
            <button type="button" class="danger" onClick={() => save({ active: false })}>
              Ja, deaktivér og slet enhedernes data
            </button>
            <button type="button" class="secondary" onClick={() => setConfirm(false)}>
              Annullér
            </button>
          </div>
        </div>
      )}
    </section>
  );
}

const EMPTY = { username: "", display_name: "", role: "consultant", team_id: "", password: "" };

function NewUser({ teams, onCreated }) {
  const [values, setValues] = useState(EMPTY);
  const [answer, setAnswer] = useState(null);
  const set = (change) => setValues({ ...values, ...change });
  async function submit(event) {
    event.preventDefault();
    const result = await adminCall("POST", "/admin/users", { body: values });
    setAnswer(result);
    if (result.ok) {
      setValues(EMPTY);
      onCreated();
    }
  }
  return (
    <section class="card" aria-labelledby="new-user-title">
      <h2 id="new-user-title">Ny bruger</h2>
      <form class="admin-form" onSubmit={submit}>
        <TextField
          id="new-username"
          label="Brugernavn"
          value={values.username}
          field="username"
          errors={answer?.errors}
          autocomplete="off"
          onInput={(v) => set({ username: v })}
        />
        <TextField
          id="new-name"
          label="Navn"
          value={values.display_name}
          field="display_name"
          errors={answer?.errors}
          onInput={(v) => set({ display_name: v })}
        />
        <RoleAndTeam prefix="new" values={values} set={set} teams={teams} errors={answer?.errors} />
        <TextField
          id="new-password"
          label="Adgangskode (mindst 12 tegn)"
          type="password"
          autocomplete="new-password"
          value={values.password}
          field="password"
          errors={answer?.errors}
          onInput={(v) => set({ password: v })}
        />
        <div class="actions">
          <button type="submit">Opret bruger</button>
        </div>
      </form>
      {answer?.ok && (
        <p class="message ok" role="status">
          Brugeren {answer.body.user.username} er oprettet.
        </p>
      )}
      {answer && !answer.ok && Object.keys(answer.errors).length === 0 && (
        <CallProblem answer={answer} />
      )}
    </section>
  );
}
