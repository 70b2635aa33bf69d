// Event-type colours shared by the map and the timeline, the legend that names them,
// and the small DOM/SVG helpers both use. Colours (after Okabe & Ito, darkened) keep at
// least 3:1 against white and the map's land, and stay apart for colour-blind readers.

import { el } from './dom.js';
export const EVENT_TYPES = {
  battle:                     { name: 'Battle',                     colour: '#c84f00' },
  remote_violence:            { name: 'Remote violence',            colour: '#0068a8' },
  violence_against_civilians: { name: 'Violence against civilians', colour: '#9b2a7d' },
  strategic:                  { name: 'Strategic development',      colour: '#00775a' },
  unrest:                     { name: 'Unrest',                     colour: '#8f6a00' },
};
const OTHER = { name: 'Other', colour: '#5d6672' };

export function typeColour(type) {
  return (EVENT_TYPES[type] || OTHER).colour;
}

export function typeName(type) {
  return (EVENT_TYPES[type] || { name: String(type || 'other').replace(/_/g, ' ') }).name;
}

/** Types in a fixed order: the known ones first, then unknown ones by name. */
export function orderTypes(types) {
  const known = Object.keys(EVENT_TYPES);
  const set = new Set(types);
  return [...known.filter((t) => set.has(t)), ...[...set].filter((t) => !known.includes(t)).sort()];
}

export const SVG_NS = 'http://www.w3.org/2000/svg';

export function svg(tag, attrs = {}) {
  const node = document.createElementNS(SVG_NS, tag);
  for (const [k, v] of Object.entries(attrs)) if (v !== undefined && v !== null) node.setAttribute(k, String(v));
  return node;
}


/** The legend of event types: a swatch and a name for each type present, with counts. */
export function typeLegend(counts) {
  const list = el('ul', 'viz-legend');
  list.setAttribute('aria-label', 'Event types');
  for (const t of orderTypes([...counts.keys()])) {
    const li = el('li', 'viz-legend-item');
    li.dataset.type = t;
    const sw = el('span', 'viz-swatch');
    sw.style.backgroundColor = typeColour(t);
    sw.setAttribute('aria-hidden', 'true');
    li.append(sw, el('span', '', `${typeName(t)} `), el('span', 'viz-n', `(${counts.get(t)})`));
    list.append(li);
  }
  return list;
}

/**
 * The docs the map and timeline show: the collection's analysed articles when it has
 * any article, else the article in the reading view (docId null).
 */
export function shownDocs(store) {
  const items = store.collection || [];
  if (items.length) return { source: 'collection', docs: items.filter((it) => it && it.analysis), total: items.length };
  const c = store.current;
  if (c && c.analysis) return { source: 'current', docs: [{ id: null, name: c.name || '', text: c.text || '', referenceDate: '', analysis: c.analysis }], total: 1 };
  return { source: 'none', docs: [], total: 0 };
}

/**
 * A tooltip for targets inside `box` (an element with position: relative that does
 * not scroll, so that the tooltip is never clipped by a scrolling frame within it).
 */
export function makeTooltip(box) {
  const tip = el('div', 'viz-tooltip');
  tip.setAttribute('role', 'tooltip');
  tip.hidden = true;
  box.append(tip);
  return {
    node: tip,
    show(lines, target) {
      tip.replaceChildren();
      lines.forEach((line, i) => tip.append(el(i === 0 ? 'strong' : 'span', '', line)));
      tip.hidden = false;
      const b = box.getBoundingClientRect();
      const r = target.getBoundingClientRect();
      const w = tip.offsetWidth, h = tip.offsetHeight;
      let x = r.left + r.width / 2 - b.left - w / 2;
      x = Math.max(4, Math.min(x, box.clientWidth - w - 4));
      let y = r.top - b.top - h - 8;
      if (y < 0) y = r.bottom - b.top + 8;
      tip.style.left = `${Math.round(x)}px`;
      tip.style.top = `${Math.round(y)}px`;
    },
    hide() { tip.hidden = true; },
  };
}

/**
 * A render scheduler for a panel of the collection view: renders at most every `minGap`
 * ms while data keeps coming (the collection is published a few times a second while
 * it is analysed), and not at all while the panel is hidden: then once it shows.
 * `on` is the store's. Returns `schedule()`.
 */
export function renderScheduler(panel, render, on, minGap = 700) {
  let timer = 0, last = -Infinity, dirty = true;
  const visible = () => !panel.closest('[hidden]');
  const run = () => {
    timer = 0;
    if (!visible()) { dirty = true; return; }
    dirty = false;
    last = performance.now();
    render();
  };
  const schedule = () => {
    if (timer) return;
    timer = setTimeout(run, Math.max(30, minGap - (performance.now() - last)));
  };
  on('view', () => { if (dirty && visible()) schedule(); });
  return schedule;
}
