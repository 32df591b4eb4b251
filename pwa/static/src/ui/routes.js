// The route table: every screen's hash path ("#/moede/<id>"), built by `paths.<screen>(…)`
// and read back by `parseRoute(hash)`. The app is one page served from the service worker's
// precache, so routes live in the hash and never reach the server. No other module writes a
// "#/" path (tests/js/routes.test.mjs); the paths are users' bookmarks and must not change.

/** screen → pattern: literal segments, `:param` (required) and trailing `:param?` (optional). */
const TABLE = {
  today: "i-dag",
  companies: "virksomheder",
  newCompany: "virksomheder/ny",
  company: "virksomheder/:id",
  editCompany: "virksomheder/:id/rediger",
  tasks: "opgaver",
  newMeeting: "moede/ny/:companyId/:placementId?/:kind?",
  meeting: "moede/:id",
  newJobOrder: "jobordre/ny/:companyId/:meetingId?",
  jobOrder: "jobordre/:id/:meetingId?",
  newContact: "kontakt/ny/:companyId/:meetingId?",
  contact: "kontakt/:id",
  openPositions: "aabne-pladser",
  overview: "overblik",
  newPlacement: "forloeb/ny/:companyId",
  placement: "forloeb/:id",
  citizen: "borger/:id",
  journalising: "journalisering",
  newAssessment: "vurdering/ny/:placementId/:templateKey",
  assessment: "vurdering/:id",
  newAgreement: "aftale/ny/:placementId/:templateKey",
  agreement: "aftale/:id",
  conflicts: "konflikter",
  rejected: "afviste",
  settings: "indstillinger",
  devices: "indstillinger/enheder",
  admin: "admin/:screen?",
};

const ROUTES = Object.entries(TABLE).map(([screen, pattern]) => ({
  screen,
  parts: pattern
    .split("/")
    .map((part) =>
      part.startsWith(":")
        ? { param: part.slice(1).replace(/\?$/, ""), optional: part.endsWith("?") }
        : { literal: part },
    ),
}));

/** The path of a screen from its parameters in the table's order (trailing optional ones may be left out). */
function build({ screen, parts }, values) {
  const segments = [];
  let index = 0;
  let ended = false;
  for (const part of parts) {
    if (part.literal) {
      segments.push(part.literal);
      continue;
    }
    const value = values[index++];
    const given = value !== undefined && value !== null && value !== "";
    if (given && ended) throw new Error(`${screen}: ${part.param} follows a missing parameter`);
    if (!given && !part.optional) throw new Error(`${screen}: ${part.param} is missing`);
    if (given) segments.push(encodeURIComponent(value));
    else ended = true;
  }
  if (values.length > index) throw new Error(`${screen}: too many parameters`);
  return `#/${segments.join("/")}`;
}

/** `paths.meeting(id)`, `paths.newMeeting(companyId, placementId?, kind?)`, …: each screen's path. */
export const paths = Object.fromEntries(
  ROUTES.map((route) => [route.screen, (...values) => build(route, values)]),
);

/** The parameters of `segments` when they are a path of `route`, else null. */
function match({ parts }, segments) {
  const required = parts.filter((part) => !part.optional).length;
  if (segments.length < required || segments.length > parts.length) return null;
  const params = {};
  for (const [i, segment] of segments.entries()) {
    const part = parts[i];
    if (part.param) params[part.param] = segment;
    else if (part.literal !== segment) return null;
  }
  return params;
}

/** {screen, params, section} of a hash ("#/moede/<id>"); unknown or empty paths are "today". */
export function parseRoute(hash) {
  const segments = String(hash ?? "")
    .replace(/^#\/?/, "")
    .split("/")
    .filter(Boolean)
    .map(decoded);
  for (const route of ROUTES) {
    const params = match(route, segments);
    if (params) return { screen: route.screen, params, section: route.parts[0].literal };
  }
  return { screen: "today", params: {}, section: TABLE.today };
}

function decoded(segment) {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment; // a stray "%" typed into the address bar
  }
}

/** The route of the page's current hash. */
export function currentRoute() {
  return parseRoute(window.location.hash);
}

/** Go to a path of `paths` (a new history entry). */
export function navigate(path) {
  window.location.hash = path;
}

/** Show a path of `paths` in place of the current one (no history entry), e.g. once a new record is saved. */
export function replaceRoute(path) {
  window.location.replace(path);
}
