// Which device PINs are accepted (store/pinRules.js).
import assert from "node:assert/strict";
import { describe, test } from "node:test";

import { PIN_MIN_LENGTH, pinProblem } from "../../pwa/static/src/store/pinRules.js";

describe("pinProblem", () => {
  test("accepts six or more digits entered twice alike", () => {
    assert.equal(PIN_MIN_LENGTH, 6);
    assert.equal(pinProblem("246810", "246810"), "");
    assert.equal(pinProblem("90817263", "90817263"), "");
  });

  test("refuses non-digits, short PINs and a different repetition", () => {
    assert.match(pinProblem("24681a", "24681a"), /kun indeholde cifre/);
    assert.match(pinProblem("24681", "24681"), /mindst 6 cifre/);
    assert.match(pinProblem("", ""), /mindst 6 cifre/);
    assert.match(pinProblem("246810", "246811"), /ikke ens/);
  });

  test("refuses one repeated digit and runs of consecutive digits", () => {
    for (const pin of ["000000", "111111", "123456", "234567890", "987654", "890123"]) {
      assert.match(pinProblem(pin, pin), /for let at gætte/, pin);
    }
    assert.equal(pinProblem("135790", "135790"), "");
  });
});
