// Canonical JSON (RFC 8785) and content hashes, checked against the RFC's vectors and
// against the server's canonical_sha256 (fixtures/merge-cases.json, "hashes").
import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { test } from "node:test";

import { canonicalJson, contentSha256 } from "../../pwa/static/src/signature/hash.js";

const FIXTURES = JSON.parse(
  readFileSync(new URL("fixtures/merge-cases.json", import.meta.url), "utf8"),
);

/** The double with the given IEEE 754 bits. */
function double(bits) {
  const view = new DataView(new ArrayBuffer(8));
  view.setBigUint64(0, BigInt(bits));
  return view.getFloat64(0);
}

test("numbers print as RFC 8785 appendix B says", () => {
  const vectors = [
    ["0x0000000000000000", "0"],
    ["0x8000000000000000", "0"],
    ["0x0000000000000001", "5e-324"],
    ["0x8000000000000001", "-5e-324"],
    ["0x7fefffffffffffff", "1.7976931348623157e+308"],
    ["0x4340000000000000", "9007199254740992"],
    ["0x4430000000000000", "295147905179352830000"],
    ["0x44b52d02c7e14af5", "9.999999999999997e+22"],
    ["0x44b52d02c7e14af6", "1e+23"],
    ["0x444b1ae4d6e2ef4f", "999999999999999900000"],
    ["0x444b1ae4d6e2ef50", "1e+21"],
    ["0x3eb0c6f7a0b5ed8c", "9.999999999999997e-7"],
    ["0x3eb0c6f7a0b5ed8d", "0.000001"],
    ["0x41b3de4355555553", "333333333.3333332"],
    ["0xbecbf647612f3696", "-0.0000033333333333333333"],
    ["0x43143ff3c1cb0959", "1424953923781206.2"],
  ];
  for (const [bits, text] of vectors) assert.equal(canonicalJson(double(bits)), text, bits);
  assert.equal(canonicalJson([1e21, 0.1, 1.0, 1e-7]), "[1e+21,0.1,1,1e-7]");
});

test("the RFC 8785 section 3.2.2 example", () => {
  const input = JSON.parse(
    '{"numbers": [333333333.33333329, 1E30, 4.50, 2e-3, 0.000000000000000000000000001],' +
      ' "string": "\\u20ac$\\u000F\\u000aA\'\\u0042\\u0022\\u005c\\\\\\"\\/", "literals": [null, true, false]}',
  );
  assert.equal(
    canonicalJson(input),
    '{"literals":[null,true,false],"numbers":[333333333.3333333,1e+30,4.5,0.002,1e-27],' +
      '"string":"€$\\u000f\\nA\'B\\"\\\\\\\\\\"/"}',
  );
});

test("keys sort by UTF-16 code units (RFC 8785 section 3.2.3), Danish letters included", () => {
  const input = {
    "\u20ac": 1,
    "\r": 2,
    "\ufb33": 3,
    1: 4,
    "\ud83d\ude00": 5,
    "\u0080": 6,
    "\u00f6": 7,
  };
  assert.equal(
    canonicalJson(input),
    '{"\\r":2,"1":4,"\u0080":6,"\u00f6":7,"\u20ac":1,"\ud83d\ude00":5,"\ufb33":3}',
  );
  assert.equal(canonicalJson({ ø: 1, å: 2, æ: 3, z: 0, Å: 4 }), '{"z":0,"Å":4,"å":2,"æ":3,"ø":1}');
});

test("nested lists and objects keep list order and sort keys at every depth", () => {
  assert.equal(
    canonicalJson({ b: [[1, [2, { y: 1, x: [] }]], {}], a: { d: null, c: "æ" } }),
    '{"a":{"c":"æ","d":null},"b":[[1,[2,{"x":[],"y":1}]],{}]}',
  );
});

test("values without a JSON form throw", () => {
  assert.throws(() => canonicalJson(undefined), /no JSON form/);
  assert.throws(() => canonicalJson(Number.NaN), /NaN/);
  assert.throws(() => canonicalJson("\ud800"), /surrogate/i);
});

test("contentSha256 is the hex SHA-256 of the canonical JSON", async () => {
  const value = { b: "Ærø", a: [1, 2.5] };
  assert.equal(
    await contentSha256(value),
    createHash("sha256").update(canonicalJson(value), "utf8").digest("hex"),
  );
  assert.equal(
    await contentSha256({ a: 1 }),
    "015abd7f5cc57a2dd94b7590f04ad8084273905ee33ec5cebeae62276a97f862",
  );
});

test("the same hashes as the server", async () => {
  assert.ok(FIXTURES.hashes.length >= 5);
  for (const { value, sha256 } of FIXTURES.hashes)
    assert.equal(await contentSha256(value), sha256, JSON.stringify(value));
});
