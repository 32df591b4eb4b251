// Signature strokes: signature_pad point groups ⇄ stored [x, y, t] vectors, scaling on redraw.
import assert from "node:assert/strict";
import { test } from "node:test";

import {
  fitTransform,
  hasInk,
  strokesPath,
  toPointGroups,
  toStrokes,
} from "../../pwa/static/src/signature/strokes.js";

const GROUPS = [
  {
    penColor: "black",
    points: [
      { x: 10.04, y: 20.06, time: 1000, pressure: 0.5 },
      { x: 30.55, y: 40, time: 1016.4 },
    ],
  },
  { penColor: "black", points: [{ x: 50, y: 60, time: 1500 }] },
];

test("point groups become [x, y, t] strokes: one decimal, ms since the first point", () => {
  assert.deepEqual(toStrokes(GROUPS), [
    [
      [10, 20.1, 0],
      [30.6, 40, 16],
    ],
    [[50, 60, 500]],
  ]);
});

test("empty groups and no groups give no strokes", () => {
  assert.deepEqual(toStrokes([]), []);
  assert.deepEqual(toStrokes(undefined), []);
  assert.deepEqual(toStrokes([{ points: [] }]), []);
  assert.equal(hasInk([]), false);
  assert.equal(hasInk([[], []]), false);
  assert.equal(hasInk([[[1, 2, 0]]]), true);
});

test("strokes redraw at the same size unchanged and round-trip", () => {
  const strokes = toStrokes(GROUPS);
  const groups = toPointGroups(
    strokes,
    { width: 400, height: 200 },
    { width: 400, height: 200 },
    { penColor: "navy" },
  );
  assert.equal(groups[0].penColor, "navy");
  assert.deepEqual(groups[0].points[1], { x: 30.6, y: 40, time: 16, pressure: 0.5 });
  assert.deepEqual(toStrokes(groups), strokes);
});

test("a smaller or rotated pad scales uniformly and centres", () => {
  assert.deepEqual(fitTransform({ width: 400, height: 200 }, { width: 200, height: 200 }), {
    scale: 0.5,
    dx: 0,
    dy: 50,
  });
  assert.deepEqual(fitTransform({ width: 400, height: 200 }, { width: 800, height: 200 }), {
    scale: 1,
    dx: 200,
    dy: 0,
  });
  const [[point]] = toPointGroups(
    [[[400, 200, 0]]],
    { width: 400, height: 200 },
    { width: 200, height: 200 },
  ).map((g) => g.points);
  assert.deepEqual([point.x, point.y], [200, 150]);
});

test("an unknown pad size draws the strokes as they are", () => {
  assert.deepEqual(fitTransform(undefined, { width: 10, height: 10 }), { scale: 1, dx: 0, dy: 0 });
});

test("an SVG path draws lines and dots", () => {
  assert.equal(
    strokesPath([
      [
        [1, 2, 0],
        [3, 4, 5],
      ],
      [[7, 8, 9]],
    ]),
    "M1 2L3 4M7 8l0.1 0",
  );
  assert.equal(strokesPath([]), "");
});
