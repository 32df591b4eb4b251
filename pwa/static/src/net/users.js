// The colleagues of the user's team (GET /api/v1/users), kept on the device so names show
// offline. Names are personal data, so the meta row "users" is sealed under the data key
// (keyring.js sealMeta/openMeta). The sync client refreshes it after every pull.
import { useEffect } from "preact/hooks";
import { observable, useObservable } from "../observable.js";
import { api } from "../transport.js";
import { db } from "../store/db.js";
import { Locked, openMeta, sealMeta } from "../store/keyring.js";
import { sessionState } from "../store/session.js";

const ROW = "users";

/** The users on the device: {users: [{id, username, display_name, role, active}], loaded}. */
export const usersState = observable({ users: [], loaded: false });

// A logout or wipe forgets the list held in memory too (the next user may be of another team).
sessionState.subscribe(({ phase }) => {
  if (phase === "login" && usersState.get().loaded) usersState.set({ users: [], loaded: false });
});

/** Load the stored users into usersState (offline too); nothing while locked. */
export async function loadUsers() {
  try {
    const value = await openMeta(await db.meta.get(ROW));
    usersState.set({ users: value?.users ?? [], loaded: true });
  } catch (error) {
    if (!(error instanceof Locked)) throw error;
  }
}

/** Fetch the team's users and store them sealed; true when a list was stored. */
export async function refreshUsers(token) {
  const answer = await api("GET", "/users", { token });
  if (answer.status !== 200) return false;
  const users = answer.body.users ?? [];
  await db.meta.put(await sealMeta(ROW, { users }));
  usersState.set({ users, loaded: true });
  return true;
}

/** The users on the device, loading them on first use. */
export function useUsers() {
  const { users, loaded } = useObservable(usersState);
  useEffect(() => {
    if (!loaded) loadUsers().catch((error) => console.error("users not loaded", error));
  }, [loaded]);
  return users;
}

/** A user's display name (or username); "" for no id, "Ukendt bruger" when not known. */
export function userName(users, id) {
  if (!id) return "";
  const user = users.find((u) => u.id === id);
  return user ? user.display_name || user.username : "Ukendt bruger";
}
