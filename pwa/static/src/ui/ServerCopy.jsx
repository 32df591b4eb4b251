// Records the device no longer holds (data minimisation, net/minimise.js): a link to a
// placement that ended long ago, or to one of its meetings, assessments or agreements,
// shows the server's copy read-only when online (nothing is stored on the device), the
// Danish explanation (OnlyOnServer) offline, else that the record is not on the device.
import { useEffect, useState } from "preact/hooks";
import { getOrFetch, OnlyOnServer } from "../net/minimise.js";
import { deviceError } from "./labels.js";

/** The server's copy notice above a read-only record. */
export const REMOTE_NOTICE =
  "Hentet fra serveren: forløbet er afsluttet og ligger ikke længere på enheden. Visningen er skrivebeskyttet.";

/** A record by getOrFetch: undefined while asking, then {record} (local or remote, or null) or {message}. */
export function useServerCopy(type, id) {
  const [state, setState] = useState(undefined);
  useEffect(() => {
    if (!id) {
      setState({ record: null });
      return undefined;
    }
    let current = true;
    setState(undefined);
    getOrFetch(type, id).then(
      (record) => {
        if (current) setState({ record });
      },
      (failure) => {
        if (current)
          setState({
            message: failure instanceof OnlyOnServer ? failure.message : deviceError(failure),
          });
      },
    );
    return () => {
      current = false;
    };
  }, [type, id]);
  return state;
}

/**
 * A record missing on the device: `children(record)` renders the server's copy read-only;
 * `missing` is the message when neither the device nor the server has it, `deleted` when
 * the server's copy is deleted.
 */
export function ServerCopy({ type, id, missing, deleted, children }) {
  const found = useServerCopy(type, id);
  if (found === undefined) return <p role="status">Henter fra serveren …</p>;
  if (found.message)
    return (
      <p class="message info" role="status">
        {found.message}
      </p>
    );
  const { record } = found;
  if (!record || record.type !== type) return <p class="message error">{missing}</p>;
  if (record.deleted) return <p class="message info">{deleted}</p>;
  return (
    <div class="server-copy">
      {record.remote && (
        <p class="message info" role="status">
          {REMOTE_NOTICE}
        </p>
      )}
      {children(record)}
    </div>
  );
}
