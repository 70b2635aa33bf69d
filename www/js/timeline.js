// The timeline (#timeline-panel): events by date, stacked by type in the map's colours.
// An event is placed at the start of its own date (`2024-08-08/2024-08-09` on 8 August;
// a month or a year on its first day, drawn paler: the text is no more precise than
// that); events without a date are counted apart ("12 undated"). Bins are days, weeks
// (from Monday) or months, chosen from the range (or by the user). Hover or focus a
// bin for its counts; click it to list its events, each of which opens in the reading
// view: emit('open', { docId, eventId }). Same docs as the map: the collection when it
// has articles, else the article in the reading view.

import { on, emit, store } from './store.js';
import { eventRecords, dateStart } from './export-acled.js';
import { svg, typeColour, typeName, orderTypes, typeLegend, shownDocs, makeTooltip, renderScheduler } from './map-palette.js';
import { el } from './dom.js';

const PLOT_H = 170;
const AXIS_H = 40;
const LEFT = 34;
const TOP = 10;
const MIN_W = 560;       // the width used while the panel is hidden (viewBox units = CSS pixels)
const MIN_BAR = 5;       // a bin is at least this wide; past that the timeline scrolls
const MAX_BINS = 1500;
const DAY = 86400000;
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** The start of an ISO date value as a UTC day, and how precise it is; null if none. */
export function startOf(value) {
  const s = dateStart(value);
  let m;
  if ((m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s))) return { t: Date.UTC(+m[1], +m[2] - 1, +m[3]), precision: 'day' };
  if ((m = /^(\d{4})-(\d{2})$/.exec(s))) return { t: Date.UTC(+m[1], +m[2] - 1, 1), precision: 'month' };
  if ((m = /^(\d{4})$/.exec(s))) return { t: Date.UTC(+m[1], 0, 1), precision: 'year' };
  return null;
}

const iso = (t) => new Date(t).toISOString().slice(0, 10);

/** The bin a day falls in: its key (ISO of the bin's first day) and the next bin's start. */
export function binOf(t, size) {
  const d = new Date(t);
  if (size === 'day') return { start: t, next: t + DAY };
  if (size === 'week') {
    const dow = (d.getUTCDay() + 6) % 7; // Monday 0
    const start = t - dow * DAY;
    return { start, next: start + 7 * DAY };
  }
  const start = Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1);
  return { start, next: Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1) };
}

function countBins(min, max, size) {
  if (size === 'day') return Math.round((max - min) / DAY) + 1;
  if (size === 'week') return Math.round((binOf(max, 'week').start - binOf(min, 'week').start) / (7 * DAY)) + 1;
  const a = new Date(min), b = new Date(max);
  return (b.getUTCFullYear() - a.getUTCFullYear()) * 12 + b.getUTCMonth() - a.getUTCMonth() + 1;
}

/** Day bins up to two months, week bins up to a year and a half, month bins beyond. */
export function autoBinSize(min, max) {
  const days = (max - min) / DAY;
  if (days <= 62) return 'day';
  if (days <= 550) return 'week';
  return 'month';
}

/**
 * Dated records into contiguous bins from the first to the last:
 * [{ key, start, next, recs }]. `recs` carry `when` ({ t, precision }).
 */
export function makeBins(dated, size) {
  if (!dated.length) return [];
  let min = Infinity, max = -Infinity;
  for (const r of dated) { if (r.when.t < min) min = r.when.t; if (r.when.t > max) max = r.when.t; }
  const bins = [];
  const index = new Map();
  for (let t = binOf(min, size).start; t <= max;) {
    const b = binOf(t, size);
    const bin = { key: iso(b.start), start: b.start, next: b.next, recs: [] };
    index.set(bin.key, bin);
    bins.push(bin);
    t = b.next;
  }
  for (const r of dated) index.get(iso(binOf(r.when.t, size).start)).recs.push(r);
  return bins;
}

/**
 * The range the timeline spans: every date, unless a few (at most 15%) at either end
 * lie more than half a year from the rest (the 2011 uprising recalled in a 2024
 * article); those are counted apart, as "earlier" and "later". `times` sorted.
 */
export function mainRange(times) {
  const n = times.length;
  const k = Math.floor(n * 0.15);
  const GAP = 183 * DAY;
  let lo = 0, hi = n - 1;
  for (let i = 0; i < k && i < n - 1; i++) if (times[i + 1] - times[i] > GAP) lo = i + 1;
  for (let i = n - 1; i > n - 1 - k && i > lo; i--) if (times[i] - times[i - 1] > GAP) hi = i - 1;
  return [times[lo], times[hi]];
}

function binTitle(bin, size) {
  if (size === 'day') return bin.key;
  if (size === 'week') return `Week of ${bin.key}`;
  const d = new Date(bin.start);
  return `${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()}`;
}

function tickLabel(bin, size) {
  const d = new Date(bin.start);
  if (size === 'month') return MONTHS[d.getUTCMonth()];
  return `${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]}`;
}

function niceMax(n) {
  if (n <= 4) return Math.max(1, n);
  const step = n <= 10 ? 2 : n <= 25 ? 5 : n <= 50 ? 10 : Math.pow(10, Math.floor(Math.log10(n)));
  return Math.ceil(n / step) * step;
}

function countsByType(recs) {
  const m = new Map();
  for (const r of recs) m.set(r.type, (m.get(r.type) || 0) + 1);
  return m;
}

function binLines(bin, size) {
  const lines = [`${binTitle(bin, size)}: ${bin.recs.length} event${bin.recs.length === 1 ? '' : 's'}`];
  const counts = countsByType(bin.recs);
  for (const t of orderTypes([...counts.keys()])) lines.push(`${typeName(t)}: ${counts.get(t)}`);
  const vague = bin.recs.filter((r) => r.when.precision !== 'day').length;
  if (vague) lines.push(`${vague} dated only to the ${size === 'month' ? 'year' : 'month or year'}`);
  return lines;
}

export function initTimeline() {
  const panel = document.getElementById('timeline-panel');
  if (!panel) return;

  const head = el('div', 'viz-head');
  const title = el('h3', 'viz-title', 'Timeline');
  const summary = el('p', 'timeline-summary');
  summary.setAttribute('aria-live', 'polite');
  const undatedButton = el('button', 'timeline-undated');
  undatedButton.type = 'button';
  const sizeLabel = el('label', 'timeline-size');
  const sizeSelect = el('select');
  for (const [v, t] of [['auto', 'Auto'], ['day', 'Days'], ['week', 'Weeks'], ['month', 'Months']]) {
    const o = el('option', '', t);
    o.value = v;
    sizeSelect.append(o);
  }
  sizeLabel.append(el('span', '', 'Bins '), sizeSelect);
  const outsideButton = el('button', 'timeline-undated timeline-outside');
  outsideButton.type = 'button';
  outsideButton.title = 'List the events dated far before or after the others';
  outsideButton.hidden = true;
  const wholeLabel = el('label', 'timeline-whole');
  const wholeRange = el('input');
  wholeRange.type = 'checkbox';
  wholeLabel.append(wholeRange, ' whole range');
  wholeLabel.hidden = true;
  head.append(title, summary, undatedButton, outsideButton, wholeLabel, sizeLabel);
  const frame = el('div', 'timeline-frame');
  const legendRow = el('div', 'viz-legend-row');
  const list = el('section', 'timeline-list');
  list.setAttribute('aria-live', 'polite');
  list.hidden = true;
  panel.replaceChildren(head, frame, legendRow, list);
  const tooltip = makeTooltip(panel);

  let picked = null; // key of the bin listed, or 'undated'
  let current = { bins: [], undated: [], size: 'day' };

  function showList(key) {
    picked = key;
    const special = { undated: current.undated, outside: [...current.earlier, ...current.later] };
    const recs = special[key] || (current.bins.find((b) => b.key === key) || { recs: [] }).recs;
    const heading = key === 'undated' ? `Undated events (${recs.length})`
      : key === 'outside' ? `Dated far from the others (${recs.length})`
        : `${binTitle(current.bins.find((b) => b.key === key), current.size)} (${recs.length})`;
    const ul = el('ul', 'timeline-events');
    for (const r of recs) {
      const li = el('li');
      const b = el('button', 'timeline-event');
      b.type = 'button';
      b.dataset.doc = r.docId === null ? '' : String(r.docId);
      b.dataset.event = r.eventId;
      const sw = el('span', 'viz-swatch');
      sw.style.backgroundColor = typeColour(r.type);
      sw.setAttribute('aria-hidden', 'true');
      const place = r.place ? r.place.name : 'no place';
      const toll = r.fatalities === null ? '' : ` · ${r.fatalities} killed`;
      b.append(sw, el('span', 'tl-ev-type', `${typeName(r.type)}${r.subtype ? ` · ${r.subtype.replace(/_/g, ' ')}` : ''}`),
        el('span', 'tl-ev-rest', ` — ${place}${r.date ? ` · ${r.date}` : ''}${toll} · ${r.docName || 'this article'} ${r.eventId}`));
      b.addEventListener('click', () => emit('open', { docId: r.docId, eventId: r.eventId }));
      li.append(b);
      ul.append(li);
    }
    const close = el('button', 'timeline-close', 'Close');
    close.type = 'button';
    close.addEventListener('click', () => { picked = null; list.hidden = true; markPicked(); });
    const h = el('h4', '', heading);
    list.replaceChildren(h, close, ul);
    list.hidden = false;
    list.dataset.key = key;
    markPicked();
  }

  function markPicked() {
    for (const g of frame.querySelectorAll('.tl-bin')) g.setAttribute('aria-pressed', String(g.dataset.key === picked));
    undatedButton.setAttribute('aria-pressed', String(picked === 'undated'));
    outsideButton.setAttribute('aria-pressed', String(picked === 'outside'));
  }

  undatedButton.addEventListener('click', () => showList('undated'));
  outsideButton.addEventListener('click', () => showList('outside'));
  wholeRange.addEventListener('change', () => { picked = null; list.hidden = true; render(); });

  const schedule = renderScheduler(panel, render, on);
  sizeSelect.addEventListener('change', () => { picked = null; list.hidden = true; render(); });

  function render() {
    const { source, docs } = shownDocs(store);
    const recs = docs.flatMap((d) => eventRecords(d)).map((r) => ({ ...r, when: startOf(r.date) }));
    const dated = recs.filter((r) => r.when);
    const undated = recs.filter((r) => !r.when);
    panel.dataset.source = source;
    panel.dataset.dated = String(dated.length);
    panel.dataset.undated = String(undated.length);

    let size = sizeSelect.value;
    let bins = [];
    let earlier = [], later = [];
    if (dated.length) {
      const times = dated.map((r) => r.when.t).sort((a, b) => a - b);
      const [min, max] = wholeRange.checked ? [times[0], times.at(-1)] : mainRange(times);
      earlier = dated.filter((r) => r.when.t < min);
      later = dated.filter((r) => r.when.t > max);
      if (size === 'auto') size = autoBinSize(min, max);
      // too many bins for the range: the next coarser size
      while (size !== 'month' && countBins(min, max, size) > MAX_BINS) size = size === 'day' ? 'week' : 'month';
      bins = makeBins(dated.filter((r) => r.when.t >= min && r.when.t <= max), size);
    } else if (size === 'auto') size = 'day';
    current = { bins, undated, earlier, later, size };
    panel.dataset.outside = String(earlier.length + later.length);
    const outsideText = [earlier.length ? `${earlier.length} earlier` : '', later.length ? `${later.length} later` : '']
      .filter(Boolean).join(', ');
    outsideButton.textContent = `${outsideText}, not in range`;
    outsideButton.hidden = !outsideText;
    wholeLabel.hidden = !outsideText && !wholeRange.checked;
    panel.dataset.binSize = size;

    summary.textContent = recs.length
      ? `${dated.length} dated event${dated.length === 1 ? '' : 's'}${bins.length ? `, by ${size}` : ''}`
      : 'No events yet: analyse an article or load articles.';
    undatedButton.textContent = `${undated.length} undated`;
    undatedButton.hidden = !recs.length;
    undatedButton.disabled = !undated.length;
    undatedButton.title = undated.length ? 'List the events without a date' : 'Every event has a date';

    const counts = new Map();
    for (const r of dated) counts.set(r.type, (counts.get(r.type) || 0) + 1);
    legendRow.replaceChildren(typeLegend(counts));
    if (dated.some((r) => r.when.precision !== 'day')) {
      legendRow.append(el('span', 'viz-legend-note', 'Paler: dated only to the month or year.'));
    }

    if (!bins.length) {
      const empty = el('p', 'viz-note', recs.length ? 'No event has a date the text gives.' : '');
      frame.replaceChildren(empty);
      tooltip.hide();
      if (picked && picked !== 'undated' && picked !== 'outside') { picked = null; list.hidden = true; }
      return;
    }

    const focused = document.activeElement && frame.contains(document.activeElement) ? document.activeElement.dataset.key : null;
    // as wide as the panel (a hidden panel has no width: a default until it shows)
    const avail = frame.clientWidth > 200 ? frame.clientWidth : MIN_W;
    const plotW = Math.max(avail - LEFT - 8, bins.length * MIN_BAR);
    const bw = plotW / bins.length;
    const width = Math.ceil(LEFT + plotW + 8);
    const height = TOP + PLOT_H + AXIS_H;
    const yMax = niceMax(Math.max(...bins.map((b) => b.recs.length)));
    const y = (n) => TOP + PLOT_H - (n / yMax) * PLOT_H;

    const root = svg('svg', { viewBox: `0 0 ${width} ${height}`, width, height, class: 'timeline-svg', role: 'group',
      'aria-label': `Timeline of ${dated.length} dated events in ${bins.length} ${size} bins` });

    // y axis: gridlines at whole counts
    const grid = svg('g', { class: 'tl-grid', 'aria-hidden': 'true' });
    const step = yMax <= 5 ? 1 : yMax <= 10 ? 2 : yMax / 5;
    for (let v = 0; v <= yMax; v += step) {
      grid.append(svg('line', { x1: LEFT, x2: LEFT + plotW, y1: y(v), y2: y(v), class: v ? 'tl-gridline' : 'tl-baseline' }));
      const t = svg('text', { x: LEFT - 6, y: y(v) + 4, class: 'tl-ylabel' });
      t.textContent = String(Math.round(v));
      grid.append(t);
    }
    root.append(grid);

    // x axis: labels at round steps (every 1, 2, 7 or 14 days; 1, 2, 4, 8 or 13 weeks;
    // 1, 2, 3, 6 or 12 months), the year under the first label of each year
    const axis = svg('g', { class: 'tl-axis', 'aria-hidden': 'true' });
    const steps = { day: [1, 2, 7, 14, 28], week: [1, 2, 4, 8, 13, 26], month: [1, 2, 3, 6, 12, 24, 60] }[size];
    const every = steps.find((k) => k * bw >= 50) || steps.at(-1);
    let lastYear = null;
    bins.forEach((bin, i) => {
      const d = new Date(bin.start);
      const labelled = size === 'month' ? (d.getUTCFullYear() * 12 + d.getUTCMonth()) % every === 0 : i % every === 0;
      if (!labelled) return;
      const x = LEFT + (i + 0.5) * bw;
      axis.append(svg('line', { x1: x, x2: x, y1: TOP + PLOT_H, y2: TOP + PLOT_H + 4, class: 'tl-tick' }));
      const year = d.getUTCFullYear();
      const yearOnly = size === 'month' && every >= 12;
      const t = svg('text', { x, y: TOP + PLOT_H + 16, class: `tl-xlabel${yearOnly ? ' tl-year' : ''}` });
      t.textContent = yearOnly ? String(year) : tickLabel(bin, size);
      axis.append(t);
      if (!yearOnly && year !== lastYear) {
        const yt = svg('text', { x, y: TOP + PLOT_H + 31, class: 'tl-xlabel tl-year' });
        yt.textContent = String(year);
        axis.append(yt);
      }
      lastYear = year;
    });
    root.append(axis);

    const barsG = svg('g', { class: 'tl-bars' });
    bins.forEach((bin, i) => {
      if (!bin.recs.length) return;
      const x = LEFT + i * bw;
      const g = svg('g', { class: 'tl-bin', tabindex: 0, role: 'button' });
      g.dataset.key = bin.key;
      g.dataset.count = String(bin.recs.length);
      const lines = binLines(bin, size);
      g.setAttribute('aria-label', `${lines.join('. ')}. Press Enter to list them.`);
      g.append(svg('rect', { x, y: TOP, width: bw, height: PLOT_H, class: 'tl-hit' }));
      let level = 0;
      const gap = bw > 4 ? Math.min(2, bw * 0.15) : 0;
      const counts = countsByType(bin.recs);
      for (const t of orderTypes([...counts.keys()])) {
        const recsT = bin.recs.filter((r) => r.type === t);
        // precise ones at the bottom, then the vague ones, paler
        for (const vague of [false, true]) {
          const n = recsT.filter((r) => (r.when.precision !== 'day') === vague).length;
          if (!n) continue;
          const r = svg('rect', {
            x: x + gap / 2, width: Math.max(1, bw - gap), y: y(level + n), height: y(level) - y(level + n),
            fill: typeColour(t), class: `tl-seg${vague ? ' tl-vague' : ''}`,
          });
          r.dataset.type = t;
          r.dataset.n = String(n);
          g.append(r);
          level += n;
        }
      }
      // anchored on the top of the stack, not on the whole column
      const top = () => [...g.querySelectorAll('.tl-seg')].at(-1) || g;
      g.addEventListener('mouseenter', () => tooltip.show(lines, top()));
      g.addEventListener('focus', () => tooltip.show(lines, top()));
      g.addEventListener('mouseleave', () => tooltip.hide());
      g.addEventListener('blur', () => tooltip.hide());
      g.addEventListener('click', () => showList(bin.key));
      g.addEventListener('keydown', (ev) => {
        if (ev.key === 'Enter' || ev.key === ' ') { ev.preventDefault(); showList(bin.key); }
      });
      barsG.append(g);
    });
    root.append(barsG);

    frame.replaceChildren(root);
    tooltip.hide();
    if (picked && (picked === 'undated' || picked === 'outside' || bins.some((b) => b.key === picked))) showList(picked);
    else { picked = null; list.hidden = true; }
    markPicked();
    if (focused) {
      const again = frame.querySelector(`.tl-bin[data-key="${CSS.escape(focused)}"]`);
      if (again) again.focus();
    }
  }

  on('collection', schedule);
  on('current', () => { if (!(store.collection || []).length) schedule(); });
  // drawn to the panel's width: again when the window changes size
  let lastWidth = 0;
  window.addEventListener('resize', () => {
    if (frame.clientWidth && Math.abs(frame.clientWidth - lastWidth) > 20) { lastWidth = frame.clientWidth; schedule(); }
  });
  schedule();
}
