// Which template version a new record uses: the newest one not retired; a retired version is
// still found for the records made with it (net/templates.js).
import assert from "node:assert/strict";
import { test } from "node:test";

import {
  findTemplate,
  latestTemplate,
  templatesOfKind,
} from "../../pwa/static/src/net/templates.js";

const kort = (version, retired = false) => ({ kind: "assessment", key: "kort", version, retired });
const CASES = [
  // [versions on the device, the version a new record uses (null: none)]
  [[kort(1)], 1],
  [[kort(1), kort(2)], 2],
  [[kort(1), kort(2, true)], 1],
  [[kort(1, true), kort(2)], 2],
  [[kort(1, true), kort(2, true)], null],
];

for (const [versions, expected] of CASES) {
  test(`new records use version ${expected} of ${JSON.stringify(versions.map((v) => [v.version, v.retired]))}`, () => {
    assert.equal(latestTemplate(versions, "kort")?.version ?? null, expected);
    assert.deepEqual(
      templatesOfKind(versions, "assessment").map((t) => t.version),
      expected ? [expected] : [],
    );
    for (const v of versions) assert.equal(findTemplate(versions, "kort", v.version), v);
  });
}
