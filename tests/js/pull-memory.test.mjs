// What a pull into an empty store remembers of its own pages (sync/pullMemory.js): trusted
// only at the version its last page wrote and with its mark still stored.
import assert from "node:assert/strict";
import { test } from "node:test";

import {
  newMemory,
  remember,
  rowsFromMemory,
  trusted,
} from "../../pwa/static/src/sync/pullMemory.js";

const page = (version, ...rows) => ({ known: true, version, records: rows });

test("a new memory is not trusted before a page was stored", () => {
  const memory = newMemory();
  assert.equal(trusted(memory, 0, undefined), false);
  assert.equal(trusted(memory, 0, memory.mark), false);
});

test("after a page, the memory knows its revs at the version it wrote", () => {
  const memory = newMemory();
  remember(memory, page(4, { id: "a", rev: 7 }, { id: "b", rev: 2 }));
  assert.equal(trusted(memory, 4, memory.mark), true);
  assert.deepEqual(rowsFromMemory(memory, ["b", "x", "a"]), [
    { id: "b", rev: 2 },
    undefined,
    { id: "a", rev: 7 },
  ]);
  remember(memory, page(5, { id: "a", rev: 9 }));
  assert.deepEqual(rowsFromMemory(memory, ["a"]), [{ id: "a", rev: 9 }]);
});

test("another write (a moved version) or a wipe (mark gone) makes it untrusted", () => {
  const memory = newMemory();
  remember(memory, page(3, { id: "a", rev: 1 }));
  assert.equal(trusted(memory, 4, memory.mark), false);
  assert.equal(trusted(memory, 3, undefined), false);
  assert.equal(trusted(memory, 3, newMemory().mark), false);
});

test("a page stored from rows read back ends the memory for good", () => {
  const memory = newMemory();
  remember(memory, page(1, { id: "a", rev: 1 }));
  remember(memory, { known: false, version: 2, records: [] });
  remember(memory, page(3, { id: "b", rev: 1 }));
  assert.equal(trusted(memory, 3, memory.mark), false);
});

test("every pull has a mark of its own", () => {
  assert.notEqual(newMemory().mark, newMemory().mark);
});
