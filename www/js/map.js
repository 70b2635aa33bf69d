// The map (#map-panel): one marker per geocoded event over an offline base map of the
// region (data/world.json, made once by scripts/world-map.mjs). Markers are sized by
// toll (square root of the fatalities, a minimum size for none or unknown) and
// coloured by event type; events at the same place are spread around it. Hover or
// focus shows what happened; a click (or Enter) asks the reading view to open the
// event: emit('open', { docId, eventId }). Shows the collection when it has articles,
// else the article in the reading view (docId null).
//
// Everything is built with createElementNS/textContent: names and places come from
// article text, which is never parsed as markup.

import { on, emit, store } from './store.js';
import { eventRecords } from './export-acled.js';
import { svg, typeColour, typeName, typeLegend, shownDocs, makeTooltip, renderScheduler } from './map-palette.js';
import { el } from './dom.js';

const W = 900;          // viewBox width; the height follows the extent, within limits
const H = 540;
const MIN_SPAN = 4.5;   // degrees of latitude at least: one town still shows its region
const PAD = 0.18;       // share of the extent added around the events
const R_MIN = 5.5;      // marker radius for no or unknown fatalities (viewBox units)
const R_PER_SQRT = 1.9; // radius added per square root of a death
const DEFAULT_VIEW = [30, 27, 50, 42]; // w, s, e, n: the Levant and Mesopotamia
const MAX_SPAN = 70;       // zoomed out at most this many degrees of latitude
const MIN_ZOOM_SPAN = 0.3; // zoomed in at most

/** Marker radius for a toll: sqrt scale, R_MIN for 0 or unknown. */
export function radiusFor(fatalities) {
  const f = Number.isFinite(fatalities) && fatalities > 0 ? fatalities : 0;
  return R_MIN + R_PER_SQRT * Math.sqrt(f);
}

// ---- the base map -----------------------------------------------------------------------

let world = null;      // { countries: [{ id, name, rings: [[[lon, lat]...]], bbox }] }
let worldState = 'idle'; // idle | loading | ready | failed
const afterWorld = new Set();

function decodeWorld(data) {
  const k = 1 / (data.scale || 100);
  const countries = data.countries.map((c) => {
    let w = Infinity, s = Infinity, e = -Infinity, n = -Infinity;
    const rings = c.rings.map((flat) => {
      const pts = [];
      let x = 0, y = 0;
      for (let i = 0; i < flat.length; i += 2) {
        x += flat[i]; y += flat[i + 1];
        const lon = x * k, lat = y * k;
        pts.push([lon, lat]);
        if (lon < w) w = lon; if (lon > e) e = lon; if (lat < s) s = lat; if (lat > n) n = lat;
      }
      return pts;
    });
    return { id: c.id, name: c.name, rings, bbox: [w, s, e, n] };
  });
  return { countries, bbox: data.bbox, licence: data.licence };
}

function loadWorld() {
  if (worldState !== 'idle') return;
  worldState = 'loading';
  // same origin, relative to this module: works wherever www/ is served
  fetch(new URL('../data/world.json', import.meta.url))
    .then((res) => (res.ok ? res.json() : Promise.reject(new Error(`HTTP ${res.status}`))))
    .then((data) => { world = decodeWorld(data); worldState = 'ready'; })
    .catch(() => { worldState = 'failed'; })
    .finally(() => { for (const fn of afterWorld) fn(); });
}

// ---- projection ---------------------------------------------------------------------------

/**
 * The points a view should fit: all of them, unless a few (at most 15%) lie far from
 * the rest (an event in North Ossetia among fifty in Syria), which then stay outside.
 * Returns the indices of the points to fit.
 */
export function mainCluster(points) {
  const all = points.map((_, i) => i);
  if (points.length < 4) return all;
  const median = (xs) => { const v = [...xs].sort((a, b) => a - b); return v[Math.floor(v.length / 2)]; };
  const mx = median(points.map((p) => p[0])), my = median(points.map((p) => p[1]));
  const dist = points.map((p) => Math.hypot(p[0] - mx, p[1] - my));
  const sorted = [...dist].sort((a, b) => a - b);
  const p75 = sorted[Math.floor(sorted.length * 0.75)];
  const limit = Math.max(4, 3 * p75);
  const keep = all.filter((i) => dist[i] <= limit);
  return keep.length >= points.length * 0.85 ? keep : all;
}

/**
 * An equirectangular projection (longitudes shrunk by the cosine of the middle
 * latitude) fitted to the points, padded, at least MIN_SPAN tall, to the box's aspect.
 */
export function fitView(points, width = W, maxHeight = H) {
  let [w, s, e, n] = DEFAULT_VIEW;
  if (points.length) {
    [w, s, e, n] = [Infinity, Infinity, -Infinity, -Infinity];
    for (const [x, y] of points) {
      if (x < w) w = x; if (x > e) e = x; if (y < s) s = y; if (y > n) n = y;
    }
  }
  const mid = (s + n) / 2;
  const k = Math.cos((mid * Math.PI) / 180);
  let spanY = Math.max((n - s) * (1 + 2 * PAD), MIN_SPAN);
  let spanX = Math.max((e - w) * k * (1 + 2 * PAD), MIN_SPAN * k);
  const cx = ((w + e) / 2) * k, cy = mid;
  // the box: as wide as given; as tall as the extent asks, between 60% and 100% of maxHeight
  let height = Math.min(maxHeight, Math.max(maxHeight * 0.6, (width * spanY) / spanX));
  if (spanX / spanY < width / height) spanX = (spanY * width) / height; else spanY = (spanX * height) / width;
  height = Math.round(height);
  return viewAt(cx / k, cy, spanY, width, height);
}

/**
 * The view centred on (lon, lat), `spanY` degrees of latitude tall, in a box of
 * width × height; longitudes are shrunk by the cosine of the centre's latitude.
 */
export function viewAt(lon, lat, spanY, width, height) {
  const k = Math.cos((lat * Math.PI) / 180);
  const spanX = (spanY * width) / height;
  const scale = width / spanX;
  const x0 = lon * k - spanX / 2, y0 = lat + spanY / 2;
  return {
    width, height, scale, k, center: [lon, lat], spanY,
    bounds: [x0 / k, y0 - spanY, (x0 + spanX) / k, y0], // w, s, e, n in degrees
    project: ([lo, la]) => [(lo * k - x0) * scale, (y0 - la) * scale],
    invert: ([x, y]) => [(x / scale + x0) / k, y0 - y / scale],
  };
}

const fmt = (v) => (Math.round(v * 10) / 10).toString();

function countryPath(c, view) {
  let d = '';
  for (const ring of c.rings) {
    let prev = '';
    ring.forEach((p, i) => {
      const [x, y] = view.project(p);
      const pt = `${fmt(x)} ${fmt(y)}`;
      if (pt === prev) return;
      d += `${i ? 'L' : 'M'}${pt}`;
      prev = pt;
    });
    d += 'Z';
  }
  return d;
}

function ringArea(ring) {
  let a = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) a += ring[j][0] * ring[i][1] - ring[i][0] * ring[j][1];
  return a / 2;
}

function inside([x, y], ring) {
  let hit = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i], [xj, yj] = ring[j];
    if ((yi > y) !== (yj > y) && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) hit = !hit;
  }
  return hit;
}

/**
 * Where to write a country's name: the centroid of its largest ring, in screen units,
 * when that ring is big on screen, the centroid inside it and in view; else null.
 */
/** A ring (screen units) clipped to the rectangle [0, 0, w, h] (Sutherland–Hodgman). */
function clipToView(ring, w, h) {
  const edges = [
    [(p) => p[0] >= 0, (a, b) => [0, a[1] + ((b[1] - a[1]) * (0 - a[0])) / (b[0] - a[0])]],
    [(p) => p[0] <= w, (a, b) => [w, a[1] + ((b[1] - a[1]) * (w - a[0])) / (b[0] - a[0])]],
    [(p) => p[1] >= 0, (a, b) => [a[0] + ((b[0] - a[0]) * (0 - a[1])) / (b[1] - a[1]), 0]],
    [(p) => p[1] <= h, (a, b) => [a[0] + ((b[0] - a[0]) * (h - a[1])) / (b[1] - a[1]), h]],
  ];
  let pts = ring;
  for (const [isIn, cut] of edges) {
    if (!pts.length) break;
    const out = [];
    for (let i = 0; i < pts.length; i++) {
      const cur = pts[i], prev = pts[(i + pts.length - 1) % pts.length];
      if (isIn(cur)) { if (!isIn(prev)) out.push(cut(prev, cur)); out.push(cur); } else if (isIn(prev)) out.push(cut(prev, cur));
    }
    pts = out;
  }
  return pts;
}

function labelSpot(c, view) {
  // the part of each ring that is in view
  const rings = c.rings.map((r) => clipToView(r.map((p) => view.project(p)), view.width, view.height)).filter((r) => r.length > 2);
  let best = null, bestArea = 0;
  for (const r of rings) {
    const a = Math.abs(ringArea(r));
    if (a > bestArea) { bestArea = a; best = r; }
  }
  if (!best || bestArea < 9000) return null;
  let cx = 0, cy = 0, a6 = 0;
  for (let i = 0, j = best.length - 1; i < best.length; j = i++) {
    const f = best[j][0] * best[i][1] - best[i][0] * best[j][1];
    cx += (best[j][0] + best[i][0]) * f; cy += (best[j][1] + best[i][1]) * f; a6 += f * 3;
  }
  if (!a6) return null;
  const p = [cx / a6, cy / a6];
  if (p[0] < 30 || p[1] < 12 || p[0] > view.width - 30 || p[1] > view.height - 12 || !inside(p, best)) return null;
  return { x: p[0], y: p[1] };
}

function intersects([w, s, e, n], [W2, S2, E2, N2]) {
  return w <= E2 && e >= W2 && s <= N2 && n >= S2;
}

// ---- markers -----------------------------------------------------------------------------

/** Screen positions: events at the same place are spread on a sunflower around it. */
function layoutMarkers(recs, view) {
  const groups = new Map();
  for (const r of recs) {
    const key = `${r.place.lat.toFixed(3)},${r.place.lon.toFixed(3)}`;
    if (!groups.has(key)) groups.set(key, []);
    groups.get(key).push(r);
  }
  const out = [];
  const places = [];
  for (const group of groups.values()) {
    const [px, py] = view.project([group[0].place.lon, group[0].place.lat]);
    const n = group.length;
    const meanR = group.reduce((t, r) => t + radiusFor(r.fatalities), 0) / n;
    // sunflower spacing: neighbours touch a little, not more
    const step = Math.max(5.5, meanR * 1.6);
    let reach = 0;
    // the biggest in the middle, the others around it, clear of it
    const sorted = [...group].sort((a, b) => (b.fatalities ?? 0) - (a.fatalities ?? 0));
    const r0 = radiusFor(sorted[0].fatalities);
    sorted.forEach((r, i) => {
      const ri = radiusFor(r.fatalities);
      const d = i === 0 ? 0 : Math.max(step * Math.sqrt(i + 0.5), r0 + ri * 0.7);
      const a = i * 2.399963; // the golden angle
      const x = px + d * Math.cos(a), y = py + d * Math.sin(a);
      reach = Math.max(reach, d + ri);
      out.push({ rec: r, x, y, r: ri, stacked: n });
    });
    places.push({ x: px, y: py, n, reach, name: group[0].place.name });
  }
  return { markers: out, places };
}

function describe(rec) {
  const lines = [];
  lines.push(`${typeName(rec.type)}${rec.subtype ? ` · ${rec.subtype.replace(/_/g, ' ')}` : ''}${rec.modality !== 'actual' ? ` (${rec.modality})` : ''}`);
  const p = rec.place;
  lines.push(p.admin1 && p.admin1 !== p.name ? `${p.name}, ${p.admin1}` : p.country && p.country !== p.name ? `${p.name}, ${p.country}` : p.name);
  lines.push(rec.date ? `Date: ${rec.date}` : 'Date: undated');
  const f = rec.event.fatalities;
  lines.push(rec.fatalities === null ? 'Toll: no figure' : `Toll: ${f && f.approximate ? '≈' : ''}${rec.fatalities} killed`);
  lines.push(`Article: ${rec.docName || '(typed text)'} · ${rec.eventId}`);
  return lines;
}

// ---- the panel ---------------------------------------------------------------------------

/** Circles for 0, 10 and 100 dead, at the scale the map is drawn at (`ratio` px per unit). */
function sizeLegend(ratio = 1) {
  const box = el('div', 'map-size-legend');
  const tolls = [0, 10, 100];
  const radius = (t) => radiusFor(t) * ratio;
  const rMax = radius(tolls.at(-1));
  const s = svg('svg', { width: 150, height: Math.ceil(rMax * 2 + 4), viewBox: `0 0 150 ${Math.ceil(rMax * 2 + 4)}`, 'aria-hidden': 'true' });
  let x = 2;
  for (const t of tolls) {
    const r = radius(t);
    s.append(svg('circle', { cx: x + r, cy: rMax + 2 - 0, r, class: 'map-size-key' }));
    const label = svg('text', { x: x + 2 * r + 3, y: rMax + 6, class: 'map-size-label' });
    label.textContent = String(t);
    s.append(label);
    x += 2 * r + 8 + String(t).length * 7;
  }
  box.append(el('span', 'viz-legend-title', 'Killed:'), s);
  return box;
}

export function initMap() {
  const panel = document.getElementById('map-panel');
  if (!panel) return;

  const head = el('div', 'viz-head');
  const title = el('h3', 'viz-title', 'Map');
  const coverage = el('p', 'map-coverage');
  coverage.setAttribute('aria-live', 'polite');
  head.append(title, coverage);
  const frame = el('div', 'map-frame');
  const hoverName = el('div', 'map-country-name');
  hoverName.setAttribute('aria-hidden', 'true');
  const note = el('p', 'viz-note');
  const legendRow = el('div', 'viz-legend-row');
  const credit = el('p', 'map-credit', 'Country outlines: Natural Earth (public domain), via world-atlas.');
  const fitBox = el('p', 'map-fit');
  const fitNote = el('span', 'map-fit-note');
  const fitButton = el('button', 'map-fit-button');
  fitButton.type = 'button';
  fitBox.append(fitNote, ' ', fitButton);
  fitBox.hidden = true;
  let showAll = false;
  fitButton.addEventListener('click', () => {
    if (zoom) zoom = null; else showAll = !showAll;
    render();
    fitButton.focus();
  });

  // zoom (buttons) and pan (drag): the map is drawn again for the new view, so that
  // markers keep their size
  let zoom = null;      // { lon, lat, spanY } once the user zoomed or panned
  let lastView = null;
  const zoomBar = el('div', 'map-zoom');
  zoomBar.setAttribute('role', 'group');
  zoomBar.setAttribute('aria-label', 'Zoom');
  const zbutton = (label, title, fn) => {
    const b = el('button', 'map-zoom-button', label);
    b.type = 'button';
    b.title = title;
    b.setAttribute('aria-label', title);
    b.addEventListener('click', fn);
    zoomBar.append(b);
    return b;
  };
  const zoomBy = (f) => {
    const v = lastView;
    if (!v) return;
    const spanY = Math.min(MAX_SPAN, Math.max(MIN_ZOOM_SPAN, v.spanY * f));
    zoom = { lon: v.center[0], lat: v.center[1], spanY };
    render();
  };
  const zoomIn = zbutton('+', 'Zoom in', () => zoomBy(0.5));
  const zoomOut = zbutton('−', 'Zoom out', () => zoomBy(2));
  const zoomFit = zbutton('Fit', 'Fit the map to the events', () => { zoom = null; render(); });
  let drag = null;
  frame.addEventListener('pointerdown', (ev) => {
    if (ev.button !== 0 || ev.pointerType === 'touch' || !lastView || (ev.target.closest && ev.target.closest('.map-marker, .map-zoom'))) return;
    const svgEl = frame.querySelector('.map-svg');
    if (!svgEl) return;
    drag = { x: ev.clientX, y: ev.clientY, view: lastView, ratio: lastView.width / svgEl.getBoundingClientRect().width, moved: false };
    frame.setPointerCapture(ev.pointerId);
  });
  frame.addEventListener('pointermove', (ev) => {
    if (!drag) return;
    const dx = (ev.clientX - drag.x) * drag.ratio, dy = (ev.clientY - drag.y) * drag.ratio;
    if (!drag.moved && Math.hypot(dx, dy) < 4) return;
    drag.moved = true;
    const g = frame.querySelector('.map-svg > .map-pan');
    if (g) g.setAttribute('transform', `translate(${dx.toFixed(1)} ${dy.toFixed(1)})`);
  });
  const endDrag = (ev) => {
    if (!drag) return;
    const d = drag;
    drag = null;
    if (!d.moved) return;
    const dx = (ev.clientX - d.x) * d.ratio, dy = (ev.clientY - d.y) * d.ratio;
    const [lon, lat] = d.view.invert([d.view.width / 2 - dx, d.view.height / 2 - dy]);
    zoom = { lon, lat, spanY: d.view.spanY };
    render();
  };
  frame.addEventListener('pointerup', endDrag);
  frame.addEventListener('pointercancel', () => { drag = null; });
  panel.replaceChildren(head, fitBox, frame, legendRow, note, credit);
  const tooltip = makeTooltip(frame);

  const schedule = renderScheduler(panel, render, on);
  afterWorld.add(schedule);

  function render() {
    const { source, docs } = shownDocs(store);
    const recs = docs.flatMap((d) => eventRecords(d));
    const geo = recs.filter((r) => r.place && Number.isFinite(r.place.lat) && Number.isFinite(r.place.lon));
    panel.dataset.source = source;
    panel.dataset.events = String(recs.length);
    panel.dataset.geocoded = String(geo.length);
    coverage.textContent = recs.length
      ? `${geo.length} of ${recs.length} event${recs.length === 1 ? ' has' : 's have'} coordinates`
      : '';
    note.textContent = source === 'current'
      ? `Showing the article in the reading view${docs[0].name ? ` (${docs[0].name})` : ''}; load articles in this tab to map them all.`
      : source === 'none' ? 'No events to map yet: analyse an article or load articles.' : '';
    note.hidden = !note.textContent;

    const focused = document.activeElement && frame.contains(document.activeElement) ? document.activeElement.dataset.key : null;
    const pts = geo.map((r) => [r.place.lon, r.place.lat]);
    const main = mainCluster(pts);
    const outside = geo.length - main.length;
    const fitted = fitView(showAll || !outside ? pts : main.map((i) => pts[i]));
    // the user's zoom and pan, if any, in the fitted box
    const view = zoom ? viewAt(zoom.lon, zoom.lat, zoom.spanY, fitted.width, fitted.height) : fitted;
    lastView = view;
    zoomOut.disabled = Boolean(zoom) && zoom.spanY >= MAX_SPAN;
    zoomIn.disabled = Boolean(zoom) && zoom.spanY <= MIN_ZOOM_SPAN;
    zoomFit.disabled = !zoom;
    if (outside) {
      const inMain = new Set(main);
      const names = [...new Set(geo.filter((_, i) => !inMain.has(i)).map((r) => r.place.name))];
      fitNote.textContent = showAll
        ? `All ${geo.length} geocoded events shown.`
        : `${outside} event${outside === 1 ? '' : 's'} far from the others not in view (${names.slice(0, 3).join(', ')}${names.length > 3 ? '…' : ''}).`;
      fitButton.textContent = showAll ? 'Zoom to the main group' : 'Show all';
      fitBox.hidden = false;
    } else {
      fitBox.hidden = true;
    }
    const root = svg('svg', { viewBox: `0 0 ${view.width} ${view.height}`, class: 'map-svg', role: 'group',
      'aria-label': `Map of ${geo.length} geocoded event${geo.length === 1 ? '' : 's'}` });
    root.append(svg('rect', { x: 0, y: 0, width: view.width, height: view.height, class: 'map-sea' }));
    // everything that moves while the map is dragged
    const pan = svg('g', { class: 'map-pan' });
    root.append(pan);

    const land = svg('g', { class: 'map-countries', 'aria-hidden': 'true' });
    const countryLabels = [];
    if (world) {
      const b = view.bounds;
      const margin = [b[0] - 1, b[1] - 1, b[2] + 1, b[3] + 1];
      for (const c of world.countries) {
        if (!intersects(c.bbox, margin)) continue;
        const path = svg('path', { d: countryPath(c, view), class: 'map-country' });
        path.dataset.name = c.name;
        const t = svg('title');
        t.textContent = c.name;
        path.append(t);
        land.append(path);
        const spot = labelSpot(c, view);
        if (spot) countryLabels.push({ name: c.name, ...spot });
      }
    } else if (worldState === 'idle') {
      loadWorld();
    }
    pan.append(land);
    frame.dataset.basemap = worldState;

    const [bw, bs, be, bn] = view.bounds;
    // only the markers in view (a marker out of sight must not take the keyboard focus)
    const mx = (be - bw) * 0.02, my = (bn - bs) * 0.02;
    const visible = geo.filter((r) => r.place.lon >= bw - mx && r.place.lon <= be + mx && r.place.lat >= bs - my && r.place.lat <= bn + my);
    panel.dataset.outside = String(geo.length - visible.length);
    if (zoom) {
      const off = geo.length - visible.length;
      fitNote.textContent = off ? `Zoomed: ${off} of ${geo.length} geocoded events out of view.` : `Zoomed: all ${geo.length} geocoded events in view.`;
      fitButton.textContent = 'Fit to the events';
      fitBox.hidden = false;
    }
    const { markers, places } = layoutMarkers(visible, view);
    const pins = svg('g', { class: 'map-places', 'aria-hidden': 'true' });
    for (const p of places) {
      if (p.n > 1) pins.append(svg('circle', { cx: fmt(p.x), cy: fmt(p.y), r: fmt(p.reach + 2), class: 'map-stack' }));
    }
    pan.append(pins);

    const g = svg('g', { class: 'map-markers' });
    // big ones first, so that small ones stay on top and reachable
    // (and the hollow ones, not reported as having happened, above the rest)
    const hollow = (m) => (m.rec.modality === 'actual' ? 0 : 1);
    markers.sort((a, b) => hollow(a) - hollow(b) || b.r - a.r);
    for (const m of markers) {
      const rec = m.rec;
      const c = svg('circle', {
        cx: fmt(m.x), cy: fmt(m.y), r: fmt(m.r), fill: typeColour(rec.type), stroke: typeColour(rec.type),
        class: `map-marker${rec.modality === 'actual' ? '' : ' not-actual'}`, tabindex: 0, role: 'button',
      });
      c.dataset.doc = rec.docId === null ? '' : String(rec.docId);
      c.dataset.event = rec.eventId;
      c.dataset.type = rec.type;
      c.dataset.fatalities = rec.fatalities === null ? '' : String(rec.fatalities);
      c.dataset.stacked = String(m.stacked);
      c.dataset.key = `${c.dataset.doc}/${rec.eventId}`;
      c.setAttribute('aria-label', describe(rec).join('. '));
      c.__rec = rec;
      g.append(c);
    }
    pan.append(g);

    // names of the busiest places beside them, where they do not run into each other
    const labels = svg('g', { class: 'map-place-labels', 'aria-hidden': 'true' });
    const taken = [];
    const clear = (b) => b.x >= 0 && b.x + b.w <= view.width && b.y >= 0 && b.y + b.h <= view.height
      && !taken.some((o) => b.x < o.x + o.w && b.x + b.w > o.x && b.y < o.y + o.h && b.y + b.h > o.y);
    for (const p of [...places].sort((a, b) => b.n - a.n).slice(0, 12)) {
      const w = p.name.length * 7 + 4, h = 15, gap = p.reach + 3;
      const spots = [
        { x: p.x + gap, y: p.y - h / 2, anchor: 'start' },
        { x: p.x - gap - w, y: p.y - h / 2, anchor: 'end' },
        { x: p.x - w / 2, y: p.y - gap - h, anchor: 'middle' },
        { x: p.x - w / 2, y: p.y + gap, anchor: 'middle' },
      ];
      const spot = spots.find((b) => clear({ ...b, w, h }));
      if (!spot) continue;
      taken.push({ ...spot, w, h });
      const tx = spot.anchor === 'start' ? spot.x : spot.anchor === 'end' ? spot.x + w : spot.x + w / 2;
      const t = svg('text', { x: fmt(tx), y: fmt(spot.y + 11.5), class: 'map-place-label', 'text-anchor': spot.anchor });
      t.textContent = p.name;
      labels.append(t);
    }
    // names of the larger countries in view, where the place names leave room
    for (const c of countryLabels) {
      const w = c.name.length * 6.2 + 4, h = 13;
      const b = { x: c.x - w / 2, y: c.y - h / 2, w, h };
      if (!clear(b)) continue;
      taken.push(b);
      const t = svg('text', { x: fmt(c.x), y: fmt(c.y + 4), class: 'map-country-label', 'text-anchor': 'middle' });
      t.textContent = c.name;
      land.append(t);
    }
    pan.append(labels);

    frame.replaceChildren(root, hoverName, zoomBar, tooltip.node);
    tooltip.hide();
    land.addEventListener('mouseover', (ev) => {
      const name = ev.target.dataset && ev.target.dataset.name;
      hoverName.textContent = name || '';
      hoverName.hidden = !name;
    });
    land.addEventListener('mouseleave', () => { hoverName.hidden = true; });
    hoverName.hidden = true;
    // countries sit under the markers but take the pointer where no marker is
    root.addEventListener('mouseleave', () => { hoverName.hidden = true; });

    const counts = new Map();
    for (const r of geo) counts.set(r.type, (counts.get(r.type) || 0) + 1);
    const ratio = frame.clientWidth > 100 ? frame.clientWidth / view.width : 0.86;
    legendRow.replaceChildren(typeLegend(counts), sizeLegend(ratio));
    if (geo.some((r) => r.modality !== 'actual')) {
      legendRow.append(el('span', 'viz-legend-note', 'Hollow: planned, negated or alleged.'));
    }
    if (focused) {
      const again = frame.querySelector(`.map-marker[data-key="${CSS.escape(focused)}"]`);
      if (again) again.focus();
    }
  }

  on('collection', schedule);
  on('current', () => { if (!(store.collection || []).length) schedule(); });
  schedule();

  // one set of listeners for every marker
  const markerOf = (ev) => (ev.target && ev.target.classList && ev.target.classList.contains('map-marker') ? ev.target : null);
  const show = (ev) => { const m = markerOf(ev); if (m && m.__rec) tooltip.show(describe(m.__rec), m); };
  const hide = (ev) => { if (markerOf(ev)) tooltip.hide(); };
  const open = (m) => emit('open', { docId: m.__rec.docId, eventId: m.__rec.eventId });
  frame.addEventListener('mouseover', show);
  frame.addEventListener('focusin', show);
  frame.addEventListener('mouseout', hide);
  frame.addEventListener('focusout', hide);
  frame.addEventListener('click', (ev) => { const m = markerOf(ev); if (m && m.__rec) open(m); });
  frame.addEventListener('keydown', (ev) => {
    const m = markerOf(ev);
    if (m && m.__rec && (ev.key === 'Enter' || ev.key === ' ')) { ev.preventDefault(); open(m); }
  });
}
