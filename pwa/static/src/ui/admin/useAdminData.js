// Fetch an admin list once on mount and again on reload(): {answer, reload}.
import { useEffect, useState } from "preact/hooks";
import { adminCall } from "./adminApi.js";

/** The answer of GET `path` (null while loading) and a function that fetches it again. */
export function useAdminData(path) {
  const [answer, setAnswer] = useState(null);
  const reload = () => adminCall("GET", path).then(setAnswer);
  useEffect(() => {
    reload();
  }, [path]);
  return { answer, reload };
}
