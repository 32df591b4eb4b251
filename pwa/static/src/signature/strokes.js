// Signature strokes: between signature_pad's point groups and docs/domain.md's stored vectors.
// Rules:
// - A stored stroke is a list of [x, y, t] points: x and y in CSS pixels of the pad
//   (origin top left, y grows downwards; `width` × `height` the pad's CSS size when signed),
//   t in milliseconds since the signature's first point. Coordinates keep one decimal,
//   times are whole milliseconds, so the record stays small and the hash stable.
// - Redrawing on a pad of another size (rotation, resize) scales uniformly to fit and
//   centres, so a signature is never distorted or cut off.
// Pure: no DOM, storage or network.

const round1 = (value) => Math.round(value * 10) / 10;

/** signature_pad point groups ([{points: [{x, y, time}]}]) → strokes [[x, y, t], …]. */
export function toStrokes(pointGroups) {
  const groups = (pointGroups ?? []).filter((group) => group?.points?.length);
  if (!groups.length) return [];
  const start = Math.min(...groups.map((group) => group.points[0].time ?? 0));
  return groups.map((group) =>
    group.points.map((point) => [
      round1(point.x),
      round1(point.y),
      Math.max(0, Math.round((point.time ?? start) - start)),
    ]),
  );
}

/** The uniform scale and offset that fit a `from` {width, height} pad into `to`. */
export function fitTransform(from, to) {
  if (!from?.width || !from?.height || !to?.width || !to?.height) return { scale: 1, dx: 0, dy: 0 };
  const scale = Math.min(to.width / from.width, to.height / from.height);
  return {
    scale,
    dx: (to.width - from.width * scale) / 2,
    dy: (to.height - from.height * scale) / 2,
  };
}

/**
 * Stored strokes → signature_pad point groups for a pad of size `to`, drawn with `options`
 * (penColor, minWidth, …); `from` is the size the strokes were drawn at.
 */
export function toPointGroups(strokes, from, to, options = {}) {
  const { scale, dx, dy } = fitTransform(from, to);
  return (strokes ?? [])
    .filter((stroke) => stroke.length)
    .map((stroke) => ({
      ...options,
      points: stroke.map(([x, y, t]) => ({
        x: dx + x * scale,
        y: dy + y * scale,
        time: t,
        pressure: 0.5,
      })),
    }));
}

/** Whether strokes hold at least one point. */
export function hasInk(strokes) {
  return (strokes ?? []).some((stroke) => stroke.length > 0);
}

/** An SVG path (`d`) drawing the strokes as lines; a one-point stroke is a dot. */
export function strokesPath(strokes) {
  return (strokes ?? [])
    .filter((stroke) => stroke.length)
    .map((stroke) => {
      const [[x0, y0], ...rest] = stroke;
      const tail = rest.length ? rest.map(([x, y]) => `L${x} ${y}`).join("") : `l0.1 0`;
      return `M${x0} ${y0}${tail}`;
    })
    .join("");
}
