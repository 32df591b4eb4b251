// Line-based three-way text merge (docs/protocol.md 3a): a port of what sync/merge.py runs,
// so that the client and the server find the same merges and the same conflicts.
//
// - A line ends at "\n" only and keeps it; "\r", U+2028 and the like stay inside lines.
// - Pairwise matching as sync/merge.py's _LineMatcher: the common prefix and suffix, and
//   between them CPython's difflib.SequenceMatcher (longest block first, recursively; in
//   a side of 200+ lines a line occurring more than 1% + 1 times is only matched next to
//   a match of other lines). A poorer match only adds conflicts.
// - Three-way as merge3.Merge3.merge_groups: the sync regions are the base lines that
//   both sides match; between two sync regions one side changed -> that side, both
//   changed alike -> that text, both changed differently -> conflict. So edits with an
//   unchanged line between them combine; edits to the same or adjacent lines (an
//   insertion next to an edited line included) and different insertions at one place
//   conflict. A merge never applies a patch by approximate matching.

/** Split `text` into lines ending at "\n" only, keeping the line ends. */
function splitLines(text) {
  const lines = text.split("\n");
  const last = lines.pop();
  return [...lines.map((line) => `${line}\n`), ...(last ? [last] : [])];
}

/** The merge of base -> server and base -> client as one text, or null on a conflict. */
export function mergeLines(base, server, client) {
  const [o, a, b] = [base, server, client].map(splitLines);
  const parts = [];
  let [iz, ia, ib] = [0, 0, 0];
  for (const [zmatch, zend, amatch, aend, bmatch, bend] of syncRegions(o, a, b)) {
    if (amatch > ia || bmatch > ib) {
      const [ours, theirs, old] = [a.slice(ia, amatch), b.slice(ib, bmatch), o.slice(iz, zmatch)];
      if (sameLines(ours, theirs) || sameLines(theirs, old)) parts.push(ours);
      else if (sameLines(ours, old)) parts.push(theirs);
      else return null;
      [ia, ib] = [amatch, bmatch];
    }
    iz = zmatch;
    if (zend > zmatch) {
      parts.push(o.slice(zmatch, zend));
      [iz, ia, ib] = [zend, aend, bend];
    }
  }
  return parts.flat().join("");
}

function sameLines(x, y) {
  return x.length === y.length && x.every((line, i) => line === y[i]);
}

/** [base start, base end, a start, a end, b start, b end] where both sides match the base. */
function syncRegions(o, a, b) {
  const [am, bm] = [matchingBlocks(o, a), matchingBlocks(o, b)];
  const regions = [];
  let [ia, ib] = [0, 0];
  while (ia < am.length && ib < bm.length) {
    const [abase, amatch, alen] = am[ia];
    const [bbase, bmatch, blen] = bm[ib];
    const [start, end] = [Math.max(abase, bbase), Math.min(abase + alen, bbase + blen)];
    if (start < end) {
      const [asub, bsub] = [amatch + start - abase, bmatch + start - bbase];
      regions.push([start, end, asub, asub + end - start, bsub, bsub + end - start]);
    }
    if (abase + alen < bbase + blen) ia += 1;
    else ib += 1;
  }
  regions.push([o.length, o.length, a.length, a.length, b.length, b.length]);
  return regions;
}

/** [i, j, n] blocks with a[i:i+n] equal to b[j:j+n], ending with [a.length, b.length, 0]. */
function matchingBlocks(a, b) {
  const limit = Math.min(a.length, b.length);
  let prefix = 0;
  while (prefix < limit && a[prefix] === b[prefix]) prefix += 1;
  let suffix = 0;
  while (suffix < limit - prefix && a.at(-1 - suffix) === b.at(-1 - suffix)) suffix += 1;
  const middle = sequenceMatcherBlocks(
    a.slice(prefix, a.length - suffix),
    b.slice(prefix, b.length - suffix),
  );
  const blocks = [
    [0, 0, prefix],
    ...middle.map(([i, j, n]) => [i + prefix, j + prefix, n]),
    [a.length - suffix, b.length - suffix, suffix],
  ];
  return [...blocks.filter(([, , n]) => n), [a.length, b.length, 0]];
}

/** difflib.SequenceMatcher(None, a, b).get_matching_blocks() (autojunk on). */
function sequenceMatcherBlocks(a, b) {
  const b2j = new Map();
  b.forEach((line, j) => (b2j.get(line) ?? b2j.set(line, []).get(line)).push(j));
  if (b.length >= 200) {
    const popular = Math.floor(b.length / 100) + 1;
    for (const [line, indices] of b2j) if (indices.length > popular) b2j.delete(line);
  }
  const found = [];
  const queue = [[0, a.length, 0, b.length]];
  while (queue.length) {
    const [alo, ahi, blo, bhi] = queue.pop();
    const [i, j, n] = longestMatch(a, b, b2j, alo, ahi, blo, bhi);
    if (n) {
      found.push([i, j, n]);
      if (alo < i && blo < j) queue.push([alo, i, blo, j]);
      if (i + n < ahi && j + n < bhi) queue.push([i + n, ahi, j + n, bhi]);
    }
  }
  found.sort((x, y) => x[0] - y[0] || x[1] - y[1] || x[2] - y[2]);
  const blocks = [];
  for (const [i, j, n] of found) {
    const last = blocks.at(-1);
    if (last && last[0] + last[2] === i && last[1] + last[2] === j) last[2] += n;
    else blocks.push([i, j, n]);
  }
  return [...blocks, [a.length, b.length, 0]];
}

/** The longest a[alo:ahi] / b[blo:bhi] block, earliest in a, then in b; then extended. */
function longestMatch(a, b, b2j, alo, ahi, blo, bhi) {
  let [besti, bestj, best] = [alo, blo, 0];
  let lengths = new Map(); // j -> length of the match ending at a[i - 1], b[j]
  for (let i = alo; i < ahi; i += 1) {
    const next = new Map();
    for (const j of b2j.get(a[i]) ?? []) {
      if (j < blo) continue;
      if (j >= bhi) break;
      const n = (lengths.get(j - 1) ?? 0) + 1;
      next.set(j, n);
      if (n > best) [besti, bestj, best] = [i - n + 1, j - n + 1, n];
    }
    lengths = next;
  }
  // Popular lines are not in b2j: take those next to the block as difflib does.
  while (besti > alo && bestj > blo && a[besti - 1] === b[bestj - 1]) {
    [besti, bestj, best] = [besti - 1, bestj - 1, best + 1];
  }
  while (besti + best < ahi && bestj + best < bhi && a[besti + best] === b[bestj + best]) best += 1;
  return [besti, bestj, best];
}
