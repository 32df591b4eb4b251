// The route table (ui/routes.js): every builder gives the path users have bookmarked and
// parseRoute reads it back to the same screen and parameters; no other module writes a
// "#/" path.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { transformSync } from "esbuild";
import { parseRoute, paths } from "../../pwa/static/src/ui/routes.js";

const SRC = resolve(dirname(fileURLToPath(import.meta.url)), "../../pwa/static/src");
const CO = "aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa";
const PL = "cccccccc-cccc-4ccc-8ccc-cccccccccccc";
const ID = "dddddddd-dddd-4ddd-8ddd-dddddddddddd";

// [screen, builder arguments, the path, the parameters parseRoute finds]
const CASES = [
  ["today", [], "#/i-dag", {}],
  ["companies", [], "#/virksomheder", {}],
  ["newCompany", [], "#/virksomheder/ny", {}],
  ["company", [CO], `#/virksomheder/${CO}`, { id: CO }],
  ["editCompany", [CO], `#/virksomheder/${CO}/rediger`, { id: CO }],
  ["tasks", [], "#/opgaver", {}],
  ["newMeeting", [CO], `#/moede/ny/${CO}`, { companyId: CO }],
  ["newMeeting", [CO, PL], `#/moede/ny/${CO}/${PL}`, { companyId: CO, placementId: PL }],
  [
    "newMeeting",
    [CO, PL, "closing"],
    `#/moede/ny/${CO}/${PL}/closing`,
    { companyId: CO, placementId: PL, kind: "closing" },
  ],
  ["meeting", [ID], `#/moede/${ID}`, { id: ID }],
  ["newJobOrder", [CO], `#/jobordre/ny/${CO}`, { companyId: CO }],
  ["newJobOrder", [CO, ID], `#/jobordre/ny/${CO}/${ID}`, { companyId: CO, meetingId: ID }],
  ["jobOrder", [PL], `#/jobordre/${PL}`, { id: PL }],
  ["jobOrder", [PL, ID], `#/jobordre/${PL}/${ID}`, { id: PL, meetingId: ID }],
  ["newContact", [CO], `#/kontakt/ny/${CO}`, { companyId: CO }],
  ["newContact", [CO, ID], `#/kontakt/ny/${CO}/${ID}`, { companyId: CO, meetingId: ID }],
  ["contact", [ID], `#/kontakt/${ID}`, { id: ID }],
  ["openPositions", [], "#/aabne-pladser", {}],
  ["overview", [], "#/overblik", {}],
  ["newPlacement", [CO], `#/forloeb/ny/${CO}`, { companyId: CO }],
  ["placement", [PL], `#/forloeb/${PL}`, { id: PL }],
  ["citizen", [ID], `#/borger/${ID}`, { id: ID }],
  ["journalising", [], "#/journalisering", {}],
  [
    "newAssessment",
    [PL, "progressionskort"],
    `#/vurdering/ny/${PL}/progressionskort`,
    { placementId: PL, templateKey: "progressionskort" },
  ],
  ["assessment", [ID], `#/vurdering/${ID}`, { id: ID }],
  [
    "newAgreement",
    [PL, "praktikaftale"],
    `#/aftale/ny/${PL}/praktikaftale`,
    { placementId: PL, templateKey: "praktikaftale" },
  ],
  ["agreement", [ID], `#/aftale/${ID}`, { id: ID }],
  ["conflicts", [], "#/konflikter", {}],
  ["rejected", [], "#/afviste", {}],
  ["settings", [], "#/indstillinger", {}],
  ["devices", [], "#/indstillinger/enheder", {}],
  ["admin", [], "#/admin", {}],
  ["admin", ["brugere"], "#/admin/brugere", { screen: "brugere" }],
];

for (const [screen, args, path, params] of CASES) {
  test(`${screen}(${args.join(", ")}) is ${path} and parses back`, () => {
    assert.equal(paths[screen](...args), path);
    assert.deepEqual(parseRoute(path), { screen, params, section: path.split("/")[1] });
  });
}

test("every screen of the table has a case above", () => {
  const tested = new Set(CASES.map(([screen]) => screen));
  assert.deepEqual(
    Object.keys(paths).filter((screen) => !tested.has(screen)),
    [],
  );
});

test("parameters are encoded in the path and decoded by parseRoute", () => {
  const path = paths.newAssessment(PL, "mod job/æ ø");
  assert.equal(path, `#/vurdering/ny/${PL}/mod%20job%2F%C3%A6%20%C3%B8`);
  assert.equal(parseRoute(path).params.templateKey, "mod job/æ ø");
});

test("empty, unknown and malformed hashes are today's screen", () => {
  for (const hash of ["", "#", "#/", "#/findes-ikke", `#/moede/${ID}/ekstra`, "#/admin/a/b"])
    assert.equal(parseRoute(hash).screen, "today", hash);
  assert.equal(parseRoute("#/borger/100%").params.id, "100%");
});

test("a missing required parameter, a gap or an extra one is a programming error", () => {
  assert.throws(() => paths.meeting(), /id is missing/);
  assert.throws(() => paths.newMeeting(CO, undefined, "closing"), /kind follows a missing/);
  assert.throws(() => paths.tasks(ID), /too many parameters/);
});

/** Every .js/.jsx file under a folder. */
function files(folder) {
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name);
    if (statSync(path).isDirectory()) return files(path);
    return /\.jsx?$/.test(name) ? [path] : [];
  });
}

test('no "#/" path outside ui/routes.js (comments may name one)', () => {
  const found = files(SRC)
    .filter((path) => relative(SRC, path) !== join("ui", "routes.js"))
    .filter((path) => {
      const { code } = transformSync(readFileSync(path, "utf8"), {
        loader: path.endsWith(".jsx") ? "jsx" : "js",
        jsx: "automatic",
        jsxImportSource: "preact",
        legalComments: "none",
      });
      return code.includes("#/");
    })
    .map((path) => relative(SRC, path));
  assert.deepEqual(found, []);
});

test('the "#/" check sees strings, template literals and JSX attributes, not comments', () => {
  const hits = [
    'const a = "#/x";',
    "const b = `#/${id}`;",
    'const c = <a href="#/x">x</a>;',
    "const d = <p>#/x</p>;",
    "// #/x\nconst e = 1; /* #/y */",
  ].map((source) =>
    transformSync(source, { loader: "jsx", jsx: "automatic", legalComments: "none" }).code.includes(
      "#/",
    ),
  );
  assert.deepEqual(hits, [true, true, true, true, false]);
});
