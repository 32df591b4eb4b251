// Pulled pages on their way to the store (sync/pages.js): fetched one after the other and
// ahead, taken together only when they have arrived, any other answer taken alone.
import assert from "node:assert/strict";
import { test } from "node:test";

import { latestChanges, pageQueue } from "../../pwa/static/src/sync/pages.js";

/** A feed of `count` pages whose fetches resolve only when the test lets them. */
function feed(count, { failAt = null } = {}) {
  const asked = [];
  const waiting = [];
  const fetchPage = (since) => {
    const n = since === undefined ? 0 : Number(since);
    asked.push(n);
    return new Promise((resolve) => waiting.push({ n, resolve }));
  };
  const answer = async () => {
    await tick();
    const { n, resolve } = waiting.shift();
    const status = n === failAt ? 410 : 200;
    const body = { changes: [{ id: `r${n}` }], checkpoint: String(n + 1), has_more: n + 1 < count };
    resolve({ answer: { status, body }, n });
    await tick();
  };
  return { asked, fetchPage, answer };
}

const tick = () => new Promise((resolve) => setImmediate(resolve));

test("a take waits for the next page and adds those that have already arrived", async () => {
  const pages = feed(6);
  const queue = pageQueue(pages.fetchPage, undefined, 8);
  await pages.answer();
  await pages.answer();
  await pages.answer();
  const taken = await queue.take(5);
  assert.deepEqual(
    taken.map((got) => got.n),
    [0, 1, 2],
  );
  assert.deepEqual(pages.asked, [0, 1, 2, 3]);
  const next = queue.take(5);
  await pages.answer();
  assert.deepEqual(
    (await next).map((got) => got.n),
    [3],
  );
});

test("a take stops at `most` pages, and no more than `ahead` are fetched and not taken", async () => {
  const pages = feed(10);
  const queue = pageQueue(pages.fetchPage, undefined, 3);
  for (let i = 0; i < 3; i += 1) await pages.answer();
  assert.deepEqual(pages.asked, [0, 1, 2]);
  assert.deepEqual(
    (await queue.take(2)).map((got) => got.n),
    [0, 1],
  );
  assert.deepEqual(pages.asked, [0, 1, 2, 3]);
});

test("the last page (has_more false) asks for nothing more", async () => {
  const pages = feed(2);
  const queue = pageQueue(pages.fetchPage, undefined, 8);
  await pages.answer();
  await pages.answer();
  assert.deepEqual(
    (await queue.take(5)).map((got) => got.n),
    [0, 1],
  );
  assert.deepEqual(pages.asked, [0, 1]);
});

test("an answer other than a page of records is taken alone, after the pages before it", async () => {
  const pages = feed(5, { failAt: 2 });
  const queue = pageQueue(pages.fetchPage, undefined, 8);
  await pages.answer();
  await pages.answer();
  await pages.answer();
  assert.deepEqual(
    (await queue.take(5)).map((got) => got.n),
    [0, 1],
  );
  const alone = await queue.take(5);
  assert.deepEqual(
    alone.map((got) => got.answer.status),
    [410],
  );
  assert.deepEqual(pages.asked, [0, 1, 2]);
});

test("a failed fetch fails the take that reaches it", async () => {
  const queue = pageQueue(() => Promise.reject(new Error("offline")), undefined, 8);
  await assert.rejects(queue.take(5), /offline/);
});

test("pages stored together keep each record's last change, in feed order", () => {
  const pages = [
    {
      changes: [
        { id: "a", rev: 1 },
        { id: "b", rev: 4 },
      ],
    },
    {
      changes: [
        { id: "c", rev: 1 },
        { id: "a", rev: 2 },
      ],
    },
  ];
  const { changes, keep } = latestChanges(pages);
  assert.deepEqual(changes, [
    { id: "b", rev: 4 },
    { id: "c", rev: 1 },
    { id: "a", rev: 2 },
  ]);
  assert.deepEqual(["a1", "b4", "c1", "a2"].filter(keep), ["b4", "c1", "a2"]);
});
