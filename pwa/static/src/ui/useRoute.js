// The current route ({screen, params, section} of ui/routes.js) as a hook.
import { useEffect, useState } from "preact/hooks";
import { currentRoute } from "./routes.js";

/** The current route, re-rendering on every hash change. */
export function useRoute() {
  const [route, setRoute] = useState(currentRoute);
  useEffect(() => {
    const update = () => setRoute(currentRoute());
    window.addEventListener("hashchange", update);
    return () => window.removeEventListener("hashchange", update);
  }, []);
  return route;
}
