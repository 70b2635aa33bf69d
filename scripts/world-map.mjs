#!/usr/bin/env node
// Builds www/data/world.json, the offline base map of js/map.js, ONCE from the npm
// package world-atlas (Natural Earth 1:50m admin-0 countries as TopoJSON), with
// topojson-client. Run it again only to change the region or the detail:
//
//   npm install && node scripts/world-map.mjs [--tolerance 0.02] [--out www/data/world.json]
//
// What it keeps: the countries of the region the lexicons cover (Middle East, North
// Africa, Sahel, Horn of Africa, Ukraine), each clipped to the box REGION below.
// How it shrinks the file: the shared arcs of the topology are simplified once
// (Douglas–Peucker, so that two neighbours keep the same border), then clipped,
// rounded to hundredths of a degree (about 1 km) and delta-encoded.
//
// The output format (small, and read only by js/map.js):
//   { "licence", "source", "bbox": [w, s, e, n], "scale": 100,
//     "countries": [{ "id": ISO 3166-1 numeric, "name", "rings": [[x0, y0, dx1, dy1, ...], ...] }] }
// A ring is flat integers: the first point in hundredths of a degree (lon, lat), then
// the difference from the previous point; every ring is closed implicitly.

import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { feature } from 'topojson-client';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);

const args = process.argv.slice(2);
const opt = (name, dflt) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && args[i + 1] ? args[i + 1] : dflt;
};
const TOLERANCE = Number(opt('tolerance', '0.02')); // degrees, Douglas–Peucker
const OUT = path.resolve(ROOT, opt('out', 'www/data/world.json'));
const SCALE = 100; // coordinates kept in hundredths of a degree
// lon -20..65, lat -15..55 asked for, with a margin so that a map fitted to events
// near the edge (Dakar, Kabul, Kyiv) still has land around them.
const REGION = [-26, -20, 72, 60];

const atlasPath = require.resolve('world-atlas/countries-50m.json');
const atlasVersion = JSON.parse(readFileSync(require.resolve('world-atlas/package.json'), 'utf8')).version;
const topo = JSON.parse(readFileSync(atlasPath, 'utf8'));

// ---- simplify the shared arcs (in the topology, before they become rings) ----------

/** Decode the quantised, delta-encoded arcs into absolute [lon, lat]. */
function decodeArcs(t) {
  const [sx, sy] = t.transform.scale;
  const [tx, ty] = t.transform.translate;
  return t.arcs.map((arc) => {
    let x = 0, y = 0;
    return arc.map(([dx, dy]) => { x += dx; y += dy; return [x * sx + tx, y * sy + ty]; });
  });
}

function perpDist(p, a, b) {
  const dx = b[0] - a[0], dy = b[1] - a[1];
  const len2 = dx * dx + dy * dy;
  if (!len2) return Math.hypot(p[0] - a[0], p[1] - a[1]);
  const t = Math.max(0, Math.min(1, ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / len2));
  return Math.hypot(p[0] - (a[0] + t * dx), p[1] - (a[1] + t * dy));
}

/** Douglas–Peucker, iterative; the ends always stay. */
function simplify(points, tol) {
  if (points.length <= 2) return points;
  const keep = new Uint8Array(points.length);
  keep[0] = keep[points.length - 1] = 1;
  const stack = [[0, points.length - 1]];
  while (stack.length) {
    const [i, j] = stack.pop();
    let max = -1, at = -1;
    for (let k = i + 1; k < j; k++) {
      const d = perpDist(points[k], points[i], points[j]);
      if (d > max) { max = d; at = k; }
    }
    if (max > tol) { keep[at] = 1; stack.push([i, at], [at, j]); }
  }
  // A closed arc (an island) must keep a third point, or it collapses.
  if (points.length > 3 && points[0][0] === points.at(-1)[0] && points[0][1] === points.at(-1)[1]) {
    let far = 1, max = -1;
    for (let k = 1; k < points.length - 1; k++) {
      const d = Math.hypot(points[k][0] - points[0][0], points[k][1] - points[0][1]);
      if (d > max) { max = d; far = k; }
    }
    keep[far] = 1;
  }
  return points.filter((_, k) => keep[k]);
}

const arcs = decodeArcs(topo).map((a) => simplify(a, TOLERANCE));
// Back into a topology without a transform (absolute coordinates), for topojson-client.
const simplified = { type: 'Topology', objects: topo.objects, arcs };

// ---- keep the region ----------------------------------------------------------------

/** Sutherland–Hodgman clipping of one ring to the box [w, s, e, n]. */
function clipRing(ring, [w, s, e, n]) {
  const edges = [
    [(p) => p[0] >= w, (a, b) => [w, a[1] + (b[1] - a[1]) * (w - a[0]) / (b[0] - a[0])]],
    [(p) => p[0] <= e, (a, b) => [e, a[1] + (b[1] - a[1]) * (e - a[0]) / (b[0] - a[0])]],
    [(p) => p[1] >= s, (a, b) => [a[0] + (b[0] - a[0]) * (s - a[1]) / (b[1] - a[1]), s]],
    [(p) => p[1] <= n, (a, b) => [a[0] + (b[0] - a[0]) * (n - a[1]) / (b[1] - a[1]), n]],
  ];
  let pts = ring.slice(0, -1); // open
  for (const [inside, cut] of edges) {
    if (!pts.length) break;
    const out = [];
    for (let i = 0; i < pts.length; i++) {
      const cur = pts[i], prev = pts[(i + pts.length - 1) % pts.length];
      if (inside(cur)) {
        if (!inside(prev)) out.push(cut(prev, cur));
        out.push(cur);
      } else if (inside(prev)) {
        out.push(cut(prev, cur));
      }
    }
    pts = out;
  }
  return pts;
}

/** Rounded, deduplicated, delta-encoded; null when too small to draw. */
function encodeRing(pts) {
  const q = [];
  for (const [x, y] of pts) {
    const p = [Math.round(x * SCALE), Math.round(y * SCALE)];
    const last = q.at(-1);
    if (!last || last[0] !== p[0] || last[1] !== p[1]) q.push(p);
  }
  while (q.length > 1 && q[0][0] === q.at(-1)[0] && q[0][1] === q.at(-1)[1]) q.pop();
  if (q.length < 3) return null;
  // drop rings whose area is under about 0.02 square degrees (specks)
  let area = 0;
  for (let i = 0; i < q.length; i++) {
    const a = q[i], b = q[(i + 1) % q.length];
    area += a[0] * b[1] - b[0] * a[1];
  }
  if (Math.abs(area) / 2 < 0.02 * SCALE * SCALE) return null;
  const flat = [q[0][0], q[0][1]];
  for (let i = 1; i < q.length; i++) flat.push(q[i][0] - q[i - 1][0], q[i][1] - q[i - 1][1]);
  return flat;
}

const fc = feature(simplified, simplified.objects.countries);
const countries = [];
let points = 0;
for (const f of fc.features) {
  if (!f.geometry) continue;
  const polys = f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates;
  const rings = [];
  for (const poly of polys) {
    for (const ring of poly) {
      // rings across the antimeridian (Fiji, Chukotka) are far away and would clip
      // into a band across the whole box
      if (ring.some((p, i) => i && Math.abs(p[0] - ring[i - 1][0]) > 180)) continue;
      const enc = encodeRing(clipRing(ring, REGION));
      if (enc) { rings.push(enc); points += enc.length / 2; }
    }
  }
  if (rings.length) countries.push({ id: f.id ?? '', name: f.properties?.name ?? '', rings });
}
countries.sort((a, b) => a.name.localeCompare(b.name));

const out = {
  licence: 'Country outlines: Natural Earth (public domain), via the npm package world-atlas '
    + `${atlasVersion} (ISC licence, Copyright 2013-2019 Michael Bostock). Simplified and clipped by scripts/world-map.mjs.`,
  source: `world-atlas@${atlasVersion}/countries-50m.json, Douglas–Peucker ${TOLERANCE}°, clipped to ${REGION.join(',')}`,
  bbox: REGION,
  scale: SCALE,
  countries,
};
mkdirSync(path.dirname(OUT), { recursive: true });
// One country per line: small, and diffs stay readable.
const body = countries.map((c) => JSON.stringify(c)).join(',\n');
const head = JSON.stringify({ ...out, countries: [] }).replace(/\[\]\}$/, '');
writeFileSync(OUT, `${head}[\n${body}\n]}\n`);
const bytes = readFileSync(OUT).length;
console.log(`${path.relative(ROOT, OUT)}: ${countries.length} countries, ${points} points, ${(bytes / 1024).toFixed(1)} KB`);
