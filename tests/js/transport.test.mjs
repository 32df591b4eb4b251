import { test } from "node:test";
import assert from "node:assert/strict";
import { gunzipSync } from "node:zlib";
import { encodeBody } from "../../pwa/static/src/transport.js";

test("a large body goes gzipped with its Content-Encoding and inflates to the same JSON", async () => {
  const text = JSON.stringify({
    changes: Array.from({ length: 50 }, (_, i) => ({ note: `Notat ${i} æøå` })),
  });
  const headers = {};
  const body = await encodeBody(text, headers);
  assert.equal(headers["Content-Encoding"], "gzip");
  assert.equal(headers["Content-Type"], "application/json");
  assert.equal(gunzipSync(Buffer.from(body)).toString("utf8"), text);
  assert.ok(body.byteLength < Buffer.byteLength(text) / 3);
});

test("a small body stays plain", async () => {
  const headers = {};
  assert.equal(await encodeBody('{"events":[]}', headers), '{"events":[]}');
  assert.equal(headers["Content-Encoding"], undefined);
});
