// Hash routes ("#/virksomheder/<id>"): the app is one page served from the service worker's
// precache, so routes live in the hash and never reach the server.
import { useEffect, useState } from "preact/hooks";

/** The current route as path segments, re-rendering on every hash change. */
export function useRoute() {
  const [segments, setSegments] = useState(parse);
  useEffect(() => {
    const update = () => setSegments(parse());
    window.addEventListener("hashchange", update);
    return () => window.removeEventListener("hashchange", update);
  }, []);
  return segments;
}

/** Go to a route given as path segments. */
export function navigate(...segments) {
  window.location.hash = `#/${segments.map(encodeURIComponent).join("/")}`;
}

function parse() {
  return window.location.hash
    .replace(/^#\/?/, "")
    .split("/")
    .filter(Boolean)
    .map(decodeURIComponent);
}
