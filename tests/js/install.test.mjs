// What the app says about installing it (ui/install.js), table-driven.
import assert from "node:assert/strict";
import { test } from "node:test";

import { installAdvice } from "../../pwa/static/src/ui/install.js";

const IPAD_OS =
  "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Safari/605.1.15";
const OLD_IPAD =
  "Mozilla/5.0 (iPad; CPU OS 15_7 like Mac OS X) AppleWebKit/605.1.15 Version/15.6 Mobile/15E148 Safari/604.1";
const MAC = IPAD_OS;
const ANDROID =
  "Mozilla/5.0 (Linux; Android 14; SM-X710) AppleWebKit/537.36 Chrome/126.0 Safari/537.36";

const CASES = [
  ["installed on an iPad", { standalone: true, userAgent: IPAD_OS, maxTouchPoints: 5 }, null],
  [
    "iPadOS tab (desktop user agent, touch)",
    { standalone: false, userAgent: IPAD_OS, maxTouchPoints: 5 },
    true,
  ],
  ["older iPad tab", { standalone: false, userAgent: OLD_IPAD, maxTouchPoints: 5 }, true],
  ["a Mac without touch", { standalone: false, userAgent: MAC, maxTouchPoints: 0 }, false],
  ["an Android tablet tab", { standalone: false, userAgent: ANDROID, maxTouchPoints: 10 }, false],
  ["installed on Android", { standalone: true, userAgent: ANDROID, maxTouchPoints: 10 }, null],
];

for (const [name, facts, ipad] of CASES) {
  test(`install advice: ${name}`, () => {
    const advice = installAdvice(facts);
    if (ipad === null) return assert.equal(advice, null);
    assert.equal(advice.ipad, ipad);
    if (ipad) {
      assert.match(advice.steps, /Del .*→ Føj til hjemmeskærm/);
      assert.match(advice.why, /7 dage/);
    } else assert.match(advice.steps, /Installér Feltmappe/);
  });
}
