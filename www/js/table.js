// The events table across every article of the collection: sortable columns (with
// aria-sort), filters (event type, actor, place, date range), a count, pages of rows
// (never thousands of rows in the DOM). A row opens its event in the reading view:
// emit('open', { docId, eventId }).

import { emit, on, store } from './store.js';
import { el } from './dom.js';

const PAGE_SIZE = 100;
const SNIPPET_CHARS = 90;    // on each side of the trigger
const nf = new Intl.NumberFormat('en');
const collator = new Intl.Collator('fr', { sensitivity: 'base', numeric: true });

const COLUMNS = [
  { key: 'date', label: 'Date' },
  { key: 'type', label: 'Type' },
  { key: 'actor1', label: 'Actor 1' },
  { key: 'actor2', label: 'Actor 2' },
  { key: 'location', label: 'Location' },
  { key: 'fatalities', label: 'Fatalities', numeric: true },
  { key: 'article', label: 'Article' },
  { key: 'snippet', label: 'Sentence', sortable: false },
];

const state = {
  rows: [],                 // every event of the collection, flattened
  shown: [],                // after filters and sort
  sort: { key: null, dir: 1 },
  filters: { type: '', actor: '', place: '', from: '', to: '' },
  page: 0,
  types: '',                // the type options now offered (joined), to rebuild only on change
  opened: '',               // docId + eventId of the row last opened, marked when back
};
const cache = new WeakMap(); // doc object → its rows (docs are replaced when re-analysed)
const ui = {};


/** Lower case without accents, for "contains" filters. */
const fold = (s) => String(s || '').normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();

const argName = (a) => (a ? (a.canonical && a.canonical !== a.text ? `${a.text} (${a.canonical})` : a.text || a.canonical || '') : '');

/** [lo, hi] of an ISO date value (a day, month, year or interval), comparable as strings. */
export function dateRange(value) {
  if (!value) return null;
  const [a, b = a] = String(value).split('/');
  const lo = (x) => (x.length === 4 ? `${x}-01-01` : x.length === 7 ? `${x}-01` : x.slice(0, 10));
  const hi = (x) => (x.length === 4 ? `${x}-12-31` : x.length === 7 ? `${x}-31` : x.slice(0, 10));
  return [lo(a), hi(b)];
}

function rowsOf(doc, index) {
  const hit = cache.get(doc);
  if (hit) return hit;
  const a = doc.analysis;
  const rows = (a && Array.isArray(a.events) ? a.events : []).map((ev, k) => ({
    docId: doc.id, docIndex: index, eventIndex: k, eventId: ev.id,
    article: doc.name || doc.id, title: doc.title || (a.title && a.title.text) || '',
    date: ev.date && ev.date.value ? ev.date.value : '',
    dateText: ev.date ? ev.date.text || '' : '',
    refDate: a.reference_date || '',
    type: ev.subtype ? `${ev.type}.${ev.subtype}` : String(ev.type),
    modality: ev.modality || 'actual',
    actor1: argName(ev.actor1), actor2: argName(ev.actor2), location: argName(ev.location),
    fatalities: ev.fatalities && Number.isFinite(ev.fatalities.value) ? ev.fatalities.value : null,
    fatalApprox: Boolean(ev.fatalities && ev.fatalities.approximate),
    ev, text: doc.text,
  }));
  for (const r of rows) {
    r.actorKey = fold(`${r.actor1}\u0000${r.actor2}`);
    r.placeKey = fold(`${r.location}\u0000${(r.ev.location && r.ev.location.country) || ''}`);
    r.range = dateRange(r.date);
  }
  cache.set(doc, rows);
  return rows;
}

// ---- filtering and sorting ------------------------------------------------------------

function matches(r, f, actor, place) {
  if (f.type && r.type !== f.type && !r.type.startsWith(`${f.type}.`)) return false;
  if (actor && !r.actorKey.includes(actor)) return false;
  if (place && !r.placeKey.includes(place)) return false;
  if (f.from || f.to) {
    if (!r.range) return false;
    if (f.from && r.range[1] < f.from) return false;
    if (f.to && r.range[0] > f.to) return false;
  }
  return true;
}

function compare(key) {
  if (key === 'fatalities') return (a, b) => a.fatalities - b.fatalities;
  if (key === 'date') return (a, b) => (a.range[0] < b.range[0] ? -1 : a.range[0] > b.range[0] ? 1 : a.range[1] < b.range[1] ? -1 : a.range[1] > b.range[1] ? 1 : 0);
  return (a, b) => collator.compare(a[key], b[key]);
}
const isEmpty = (r, key) => (key === 'fatalities' ? r.fatalities === null : key === 'date' ? !r.range : !r[key]);
const loadOrder = (a, b) => a.docIndex - b.docIndex || a.eventIndex - b.eventIndex;

function recompute() {
  const f = state.filters;
  const actor = fold(f.actor.trim()), place = fold(f.place.trim());
  let shown = state.rows.filter((r) => matches(r, f, actor, place));
  const { key, dir } = state.sort;
  if (key) {
    const cmp = compare(key);
    // empty cells last whichever the direction; ties in load order
    shown = shown.slice().sort((a, b) => {
      const ea = isEmpty(a, key), eb = isEmpty(b, key);
      if (ea || eb) return ea === eb ? loadOrder(a, b) : ea ? 1 : -1;
      return dir * cmp(a, b) || loadOrder(a, b);
    });
  }
  state.shown = shown;
  const pages = Math.max(1, Math.ceil(shown.length / PAGE_SIZE));
  if (state.page >= pages) state.page = pages - 1;
}

// ---- rendering ---------------------------------------------------------------------

function snippet(r) {
  const ev = r.ev, text = r.text || '';
  const frag = document.createDocumentFragment();
  const t = ev.trigger;
  const s = ev.sentence && Number.isInteger(ev.sentence.start) ? ev.sentence : t;
  if (!s || !Number.isInteger(s.start)) { frag.append(t && t.text ? t.text : ''); return frag; }
  const hasT = t && Number.isInteger(t.start) && t.start >= s.start && t.end <= s.end;
  if (!hasT) {
    const str = text.slice(s.start, s.end);
    frag.append(str.length > 2 * SNIPPET_CHARS ? `${str.slice(0, 2 * SNIPPET_CHARS).trimEnd()}…` : str);
    return frag;
  }
  let before = text.slice(s.start, t.start), after = text.slice(t.end, s.end);
  if (before.length > SNIPPET_CHARS) before = `…${before.slice(before.length - SNIPPET_CHARS).replace(/^\S*\s/, '')}`;
  if (after.length > SNIPPET_CHARS) after = `${after.slice(0, SNIPPET_CHARS).replace(/\s\S*$/, '')}…`;
  frag.append(before.replace(/\s+/g, ' ').trimStart(), el('mark', 'tbl-trigger', text.slice(t.start, t.end)), after.replace(/\s+/g, ' ').trimEnd());
  return frag;
}

function renderRow(r) {
  const tr = el('tr');
  tr.tabIndex = 0;
  tr.dataset.doc = r.docId;
  tr.dataset.event = r.eventId;
  tr.title = 'Open this event in its article';
  if (state.opened === `${r.docId}\u0000${r.eventId}`) tr.classList.add('opened');
  const date = el('td', 'c-date');
  if (r.date) {
    date.textContent = r.date.replace('/', ' – ');
    date.title = r.dateText;
  } else {
    date.append(el('span', 'none', '—'));
    if (r.refDate) { date.append(el('span', 'ref', ` article ${r.refDate}`)); date.title = 'No date in the text for this event; the article is dated ' + r.refDate; }
  }
  const type = el('td', 'c-type');
  const [main, sub] = r.type.split('.');
  type.append(el('span', 'ev-type', main.replace(/_/g, ' ')));
  if (sub) type.append(el('span', 'sub', sub.replace(/_/g, ' ')));
  if (r.modality !== 'actual') type.append(el('span', `ev-modality modality-${r.modality}`, r.modality));
  const cell = (cls, text) => {
    const td = el('td', cls);
    if (text) td.textContent = text; else td.append(el('span', 'none', '—'));
    return td;
  };
  // an argument: its words in the text, then its normalised name, smaller
  const argCell = (cls, a) => {
    const td = el('td', cls);
    if (!a || !(a.text || a.canonical)) { td.append(el('span', 'none', '—')); return td; }
    td.append(el('span', 'arg-text', a.text || a.canonical));
    if (a.canonical && a.canonical !== a.text) td.append(el('span', 'canon', a.canonical));
    return td;
  };
  const fat = el('td', 'c-fatalities num');
  if (r.fatalities === null) fat.append(el('span', 'none', '—'));
  else { fat.textContent = `${r.fatalApprox ? '≈' : ''}${nf.format(r.fatalities)}`; if (r.ev.fatalities.text) fat.title = r.ev.fatalities.text; }
  const art = cell('c-article', r.article.split('/').pop());
  art.title = r.title ? `${r.article}\n${r.title}` : r.article;
  const snip = el('td', 'c-snippet');
  snip.append(snippet(r));
  tr.append(date, type, argCell('c-actor1', r.ev.actor1), argCell('c-actor2', r.ev.actor2), argCell('c-location', r.ev.location), fat, art, snip);
  return tr;
}

function renderTypeOptions() {
  const counts = new Map();
  for (const r of state.rows) {
    const [main] = r.type.split('.');
    counts.set(main, (counts.get(main) || 0) + 1);
    if (main !== r.type) counts.set(r.type, (counts.get(r.type) || 0) + 1);
  }
  const keys = [...counts.keys()].sort();
  const sig = keys.map((k) => `${k}:${counts.get(k)}`).join(',');
  if (sig === state.types) return;
  state.types = sig;
  const cur = state.filters.type;
  const opts = [el('option', '', 'All types')];
  opts[0].value = '';
  for (const k of keys) {
    const o = el('option', '', `${k.includes('.') ? '\u2003' : ''}${(k.includes('.') ? k.split('.')[1] : k).replace(/_/g, ' ')} (${nf.format(counts.get(k))})`);
    o.value = k;
    opts.push(o);
  }
  if (cur && !counts.has(cur)) {
    const o = el('option', '', `${cur.replace(/_/g, ' ')} (0)`);
    o.value = cur;
    opts.push(o);
  }
  ui.type.replaceChildren(...opts);
  ui.type.value = cur;
}

function render() {
  renderTypeOptions();
  const total = state.rows.length, n = state.shown.length;
  const docs = store.collection || [];
  const filtered = Object.values(state.filters).some((v) => v.trim && v.trim());
  ui.count.textContent = !docs.length ? 'No articles loaded.'
    : `${nf.format(n)} of ${nf.format(total)} event${total === 1 ? '' : 's'}`
      + ((state.filters.from || state.filters.to) ? ' (events without a date are left out of a date range)' : '');
  ui.count.dataset.shown = String(n);
  ui.count.dataset.total = String(total);
  ui.reset.disabled = !filtered;

  const start = state.page * PAGE_SIZE;
  const page = state.shown.slice(start, start + PAGE_SIZE);
  const frag = document.createDocumentFragment();
  for (const r of page) frag.append(renderRow(r));
  ui.tbody.replaceChildren(frag);
  ui.empty.hidden = n > 0;
  ui.empty.textContent = !docs.length ? 'Load articles above: the events found in them are listed here.'
    : !total ? (docs.some((d) => !d.analysis && !d.error) ? 'Analysing… events appear here as articles are read.' : 'No events found in these articles.')
      : 'No event matches these filters.';
  ui.tableWrap.hidden = n === 0;

  const pages = Math.ceil(n / PAGE_SIZE);
  ui.pager.hidden = pages <= 1;
  ui.pageInfo.textContent = n ? `Rows ${nf.format(start + 1)}–${nf.format(start + page.length)} of ${nf.format(n)}` : '';
  ui.prev.disabled = state.page === 0;
  ui.next.disabled = state.page >= pages - 1;

  for (const th of ui.heads) {
    const key = th.dataset.key;
    if (!th.querySelector('button')) continue;
    th.setAttribute('aria-sort', state.sort.key === key ? (state.sort.dir > 0 ? 'ascending' : 'descending') : 'none');
  }
}

function update() {
  recompute();
  render();
}

function onCollection(docs) {
  state.rows = (docs || []).flatMap((d, i) => (d.analysis ? rowsOf(d, i) : []));
  update();
}

function build() {
  const root = document.getElementById('events-table');
  const head = el('div', 'tbl-head');
  const h2 = el('h2', '', 'Events in all articles');
  h2.id = 'tbl-heading';
  ui.count = el('p', 'tbl-count');
  ui.count.id = 'tbl-count';
  ui.count.setAttribute('aria-live', 'polite');
  head.append(h2, ui.count);

  const filters = el('div', 'tbl-filters');
  filters.setAttribute('role', 'group');
  filters.setAttribute('aria-label', 'Filter the events');
  const field = (label, input) => {
    const l = el('label', 'field');
    l.append(el('span', '', label), input);
    return l;
  };
  ui.type = el('select');
  ui.type.id = 'tbl-type';
  ui.actor = Object.assign(el('input'), { type: 'search', id: 'tbl-actor', placeholder: 'e.g. armée, Nosra' });
  ui.place = Object.assign(el('input'), { type: 'search', id: 'tbl-place', placeholder: 'e.g. Alep' });
  ui.from = Object.assign(el('input'), { type: 'date', id: 'tbl-from' });
  ui.to = Object.assign(el('input'), { type: 'date', id: 'tbl-to' });
  ui.reset = el('button', 'button secondary', 'Reset filters');
  ui.reset.type = 'button';
  ui.reset.id = 'tbl-reset';
  filters.append(field('Event type', ui.type), field('Actor contains', ui.actor), field('Place contains', ui.place),
    field('From', ui.from), field('To', ui.to), ui.reset);

  ui.tableWrap = el('div', 'tbl-scroll');
  const table = el('table', 'tbl');
  table.id = 'tbl';
  table.setAttribute('aria-labelledby', 'tbl-heading');
  const thead = el('thead');
  const hr = el('tr');
  ui.heads = COLUMNS.map((c) => {
    const th = el('th', `c-${c.key}${c.numeric ? ' num' : ''}`);
    th.scope = 'col';
    th.dataset.key = c.key;
    if (c.sortable === false) th.textContent = c.label;
    else {
      const b = el('button', 'sort', c.label);
      b.type = 'button';
      b.dataset.key = c.key;
      b.append(el('span', 'sort-mark'));
      b.lastChild.setAttribute('aria-hidden', 'true');
      th.append(b);
    }
    hr.append(th);
    return th;
  });
  thead.append(hr);
  ui.tbody = el('tbody');
  table.append(thead, ui.tbody);
  ui.tableWrap.append(table);
  ui.empty = el('p', 'empty tbl-empty');

  ui.pager = el('nav', 'tbl-pager');
  ui.pager.setAttribute('aria-label', 'Pages of events');
  ui.prev = el('button', 'button secondary', '‹ Previous');
  ui.prev.type = 'button';
  ui.next = el('button', 'button secondary', 'Next ›');
  ui.next.type = 'button';
  ui.pageInfo = el('span', 'tbl-page-info');
  ui.pager.append(ui.prev, ui.pageInfo, ui.next);

  root.replaceChildren(head, filters, ui.empty, ui.tableWrap, ui.pager);

  hr.addEventListener('click', (ev) => {
    const b = ev.target.closest('button.sort');
    if (!b) return;
    const key = b.dataset.key;
    if (state.sort.key === key) state.sort.dir = -state.sort.dir;
    else state.sort = { key, dir: key === 'fatalities' ? -1 : 1 };
    state.page = 0;
    update();
  });
  let timer = 0;
  const refilter = (now) => {
    clearTimeout(timer);
    const go = () => {
      Object.assign(state.filters, { type: ui.type.value, actor: ui.actor.value, place: ui.place.value, from: ui.from.value, to: ui.to.value });
      state.page = 0;
      update();
    };
    if (now) go(); else timer = setTimeout(go, 150);
  };
  ui.type.addEventListener('change', () => refilter(true));
  ui.from.addEventListener('change', () => refilter(true));
  ui.to.addEventListener('change', () => refilter(true));
  ui.actor.addEventListener('input', () => refilter(false));
  ui.place.addEventListener('input', () => refilter(false));
  ui.reset.addEventListener('click', () => {
    ui.type.value = ''; ui.actor.value = ''; ui.place.value = ''; ui.from.value = ''; ui.to.value = '';
    refilter(true);
  });
  ui.prev.addEventListener('click', () => { if (state.page > 0) { state.page -= 1; render(); } });
  ui.next.addEventListener('click', () => { state.page += 1; recompute(); render(); });

  const open = (tr) => {
    state.opened = `${tr.dataset.doc}\u0000${tr.dataset.event}`;
    for (const x of ui.tbody.querySelectorAll('tr.opened')) x.classList.remove('opened');
    tr.classList.add('opened');
    emit('open', { docId: tr.dataset.doc, eventId: tr.dataset.event });
  };
  ui.tbody.addEventListener('click', (ev) => {
    const tr = ev.target.closest('tr');
    if (tr && !window.getSelection().toString()) open(tr);
  });
  ui.tbody.addEventListener('keydown', (ev) => {
    if (ev.key !== 'Enter' && ev.key !== ' ') return;
    const tr = ev.target.closest('tr');
    if (!tr) return;
    ev.preventDefault();
    open(tr);
  });
}

export function initTable() {
  build();
  on('collection', onCollection);
  onCollection(store.collection);
}
