// Pure text segmentation: split a text at every entity and highlight boundary.
// Entities never overlap each other; highlights (an event's trigger and arguments)
// may overlap entities and each other, so every range boundary becomes a cut.
// Anchors (every event's trigger, marked at all times) are cut the same way and
// carried separately from highlight roles, as the ids of the events they belong to.

/**
 * @param {string} text
 * @param {{start:number,end:number}[]} entities  non-overlapping spans
 * @param {{start:number,end:number,role:string}[]} highlights  may overlap anything
 * @param {{start:number,end:number,id:string}[]} anchors  may overlap anything
 * @returns {{start:number,end:number,entity:object|null,pieces:{start:number,end:number,roles:string[],anchors:string[]}[]}[]}
 *   top-level runs (an entity or the plain text between entities), each cut into
 *   pieces carrying the highlight roles and the anchor ids that cover them.
 */
export function segment(text, entities, highlights = [], anchors = []) {
  const n = text.length;
  const clamp = (x) => Math.max(0, Math.min(n, x | 0));
  const ents = entities
    .filter((e) => Number.isInteger(e.start) && Number.isInteger(e.end) && e.end > e.start)
    .slice()
    .sort((a, b) => a.start - b.start || b.end - a.end);
  const hls = highlights
    .filter((h) => h && Number.isInteger(h.start) && Number.isInteger(h.end) && h.end > h.start)
    .map((h) => ({ start: clamp(h.start), end: clamp(h.end), role: h.role }));
  const anc = anchors
    .filter((a) => a && Number.isInteger(a.start) && Number.isInteger(a.end) && a.end > a.start)
    .map((a) => ({ start: clamp(a.start), end: clamp(a.end), id: String(a.id) }));

  // Top-level runs; an entity overlapping a previous one is dropped, not nested.
  const runs = [];
  let pos = 0;
  for (const e of ents) {
    const s = clamp(e.start), t = clamp(e.end);
    if (s < pos || t <= s) continue;
    if (s > pos) runs.push({ start: pos, end: s, entity: null });
    runs.push({ start: s, end: t, entity: e });
    pos = t;
  }
  if (pos < n) runs.push({ start: pos, end: n, entity: null });

  const cuts = new Set();
  for (const h of [...hls, ...anc]) { cuts.add(h.start); cuts.add(h.end); }
  const sortedCuts = [...cuts].sort((a, b) => a - b);

  for (const run of runs) {
    const bounds = [run.start, ...sortedCuts.filter((c) => c > run.start && c < run.end), run.end];
    run.pieces = [];
    for (let i = 0; i + 1 < bounds.length; i++) {
      const start = bounds[i], end = bounds[i + 1];
      const roles = hls.filter((h) => h.start <= start && h.end >= end).map((h) => h.role);
      const ids = anc.filter((a) => a.start <= start && a.end >= end).map((a) => a.id);
      run.pieces.push({ start, end, roles: [...new Set(roles)], anchors: [...new Set(ids)] });
    }
  }
  return runs;
}
