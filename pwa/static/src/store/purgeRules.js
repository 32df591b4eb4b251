// Which records data minimisation removes from the device, as a pure function (node tests:
// tests/js/purgeRules.test.mjs; net/minimise.js reads the rows and applies the answer).
// Rules:
// - A placement whose end_date lies before the cut-off (today − keepDays) goes, with the
//   records that belong only to it: meetings, assessments and agreements naming it, and the
//   signatures of those agreements. Its citizen goes when no kept placement names them.
// - Nothing with unsent changes goes: one pending record keeps its placement's whole group.
// - `purged` remembers every id that went ({id: {type, citizen_id?}}), so a record of a purged group
//   that a later pull brings (it changed) goes again, and a purged placement that comes
//   back not ended, or a purged citizen a kept placement names again, asks for a full pull
//   (`refetch`) to bring back what went with it.

const CHILD_TYPES = ["meeting", "assessment", "agreement"];

/** The ISO date `days` before the ISO date `today` ("2026-11-23", 90 → "2026-08-25"). */
export function cutoffDate(today, days) {
  const [y, m, d] = today.split("-").map(Number);
  return new Date(Date.UTC(y, m - 1, d - days)).toISOString().slice(0, 10);
}

/** Whether a placement ended before the cut-off date. */
export function isEnded(placement, cutoff) {
  const end = placement.data?.end_date;
  return !placement.deleted && typeof end === "string" && end !== "" && end < cutoff;
}

/**
 * Decide a purge. placements: every local placement {id, pending, deleted, data};
 * rows: local records that may belong to them {id, type, pending, refs} (meetings,
 * assessments, agreements, signatures naming a placement or agreement, and citizens);
 * purged: the earlier answer's map; keep: ids that must stay (e.g. in hand-over mode).
 * → {remove: ids, purged: the new map, refetch: bool}
 */
export function selectPurge({ placements, rows, purged = {}, cutoff, keep = [] }) {
  const live = placements.filter((p) => !p.deleted);
  const ended = (p) => isEnded(p, cutoff);
  const next = { ...purged };
  const remove = [];
  let refetch = false;
  const kept = new Set(keep);
  const byRef = (id, types) =>
    rows.filter((row) => types.includes(row.type) && row.refs.includes(id));

  const groups = [
    ...live.filter(ended).map((p) => ({ id: p.id, placement: p, citizen: p.data.citizen_id })),
    ...Object.entries(purged)
      .filter(([id, entry]) => entry.type === "placement" && !live.some((p) => p.id === id))
      .map(([id, entry]) => ({ id, placement: null, citizen: entry.citizen_id })),
  ];
  for (const group of groups) {
    const children = byRef(group.id, CHILD_TYPES);
    const agreements = children.filter((row) => row.type === "agreement").map((row) => row.id);
    const signatures = agreements.flatMap((id) => byRef(id, ["signature"]));
    const members = [...(group.placement ? [group.placement] : []), ...children, ...signatures];
    if (members.some((row) => row.pending || kept.has(row.id))) continue;
    remove.push(...members.map((row) => row.id));
    members.forEach((row) => {
      next[row.id] = { type: row.type };
    });
    next[group.id] = { type: "placement", citizen_id: group.citizen };
  }
  const orphanSignatures = Object.entries(purged)
    .filter(([, entry]) => entry.type === "agreement")
    .flatMap(([id]) => byRef(id, ["signature"]))
    .filter((row) => !row.pending && !remove.includes(row.id));
  remove.push(...orphanSignatures.map((row) => row.id));
  orphanSignatures.forEach((row) => {
    next[row.id] = { type: "signature" };
  });

  for (const placement of live.filter((p) => !ended(p) && purged[p.id])) {
    delete next[placement.id];
    refetch = true;
  }
  const gone = new Set(remove);
  const keptCitizens = new Set(live.filter((p) => !gone.has(p.id)).map((p) => p.data.citizen_id));
  const candidates = new Set(
    Object.values(next)
      .filter((entry) => entry.type === "placement")
      .map((entry) => entry.citizen_id)
      .filter(Boolean),
  );
  for (const citizen of rows.filter((row) => row.type === "citizen" && candidates.has(row.id))) {
    if (!keptCitizens.has(citizen.id) && !citizen.pending && !kept.has(citizen.id)) {
      remove.push(citizen.id);
      next[citizen.id] = { type: "citizen" };
    }
  }
  for (const [id, entry] of Object.entries(next)) {
    if (entry.type === "citizen" && keptCitizens.has(id)) {
      delete next[id];
      if (!rows.some((row) => row.id === id)) refetch = true;
    }
  }
  return { remove, purged: next, refetch };
}
