// Exports: the article being read (#article-export) and every loaded article
// (#collection-export) as JSON, CSV (ACLED columns) or GeoJSON, downloaded through a
// Blob; and the event card selected in the reading view, copied to the clipboard.
// File formats: js/export-formats.js; the ACLED fields: js/export-acled.js.

import { on, store } from './store.js';
import { eventRecords, eventSummary } from './export-acled.js';
import { toCSV, toGeoJSON, articleJSON, collectionJSON, fileName } from './export-formats.js';
import { el } from './dom.js';

const MIME = {
  json: 'application/json',
  csv: 'text/csv;charset=utf-8',
  geojson: 'application/geo+json',
};


function button(label, title, onClick, extra = {}) {
  const b = el('button', 'button secondary export-button', label);
  b.type = 'button';
  b.title = title;
  for (const [k, v] of Object.entries(extra)) b.dataset[k] = v;
  b.addEventListener('click', onClick);
  return b;
}

/** Save `content` as a file named `name`: a Blob, an object URL and a clicked <a download>. */
export function download(content, name, mime) {
  const blob = new Blob([content], { type: mime });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.hidden = true;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 30000);
}

function say(status, message, kind = 'ok') {
  status.textContent = message;
  status.dataset.kind = kind;
}

const plural = (n, one, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

// ---- the article being read ----------------------------------------------------------

function currentDoc() {
  const c = store.current;
  if (!c || !c.analysis) return null;
  return { id: null, name: c.name || '', text: c.text || '', referenceDate: '', analysis: c.analysis };
}

/** The event of the card selected in the reading view (events.js marks it aria-pressed). */
function selectedRecord() {
  const doc = currentDoc();
  const card = document.querySelector('#events .event-card[aria-pressed="true"]');
  if (!doc || !card) return null;
  return eventRecords(doc).find((r) => r.eventId === card.dataset.id) || null;
}

/**
 * Put `text` on the clipboard: the async Clipboard API where the page may use it, else
 * a selected textarea and execCommand('copy'); when neither works, the text is shown
 * selected in the bar for the user to copy. Resolves to how it was done.
 */
export async function copyText(text, bar) {
  if (navigator.clipboard && window.isSecureContext) {
    try {
      await navigator.clipboard.writeText(text);
      return 'clipboard';
    } catch { /* denied: try the old way */ }
  }
  const back = document.activeElement;
  const ta = el('textarea', 'export-copy-buffer');
  ta.value = text;
  ta.readOnly = true;
  ta.setAttribute('aria-hidden', 'true');
  document.body.append(ta);
  ta.select();
  let ok = false;
  try { ok = document.execCommand('copy'); } catch { ok = false; }
  ta.remove();
  if (back && back.focus) back.focus();
  if (ok) return 'execCommand';
  let shown = bar.querySelector('.export-manual');
  if (!shown) {
    shown = el('textarea', 'export-manual');
    shown.readOnly = true;
    shown.rows = 4;
    shown.setAttribute('aria-label', 'The event, to copy by hand');
    bar.append(shown);
  }
  shown.hidden = false;
  shown.value = text;
  shown.focus();
  shown.select();
  return 'manual';
}

function renderArticleBar(bar) {
  const status = el('span', 'export-status');
  status.setAttribute('role', 'status');
  status.setAttribute('aria-live', 'polite');

  const save = (format) => () => {
    const doc = currentDoc();
    if (!doc) return say(status, 'Analyse an article first.', 'error');
    const n = doc.analysis.events.length;
    let content, name, what;
    if (format === 'json') {
      content = articleJSON(doc.analysis);
      name = fileName('', 'json', doc.name || 'article');
      what = `the analysis (${plural(doc.analysis.entities.length, 'entity', 'entities')}, ${plural(n, 'event')})`;
    } else if (format === 'csv') {
      content = toCSV([doc]);
      name = fileName('events', 'csv', doc.name);
      what = plural(n, 'event');
    } else {
      const fc = toGeoJSON([doc]);
      content = fc;
      name = fileName('events', 'geojson', doc.name);
      what = `${plural(JSON.parse(fc).features.length, 'geocoded event')} of ${n}`;
    }
    download(content, name, MIME[format]);
    say(status, `Saved ${name}: ${what}.`);
  };

  const copy = (how) => async () => {
    const rec = selectedRecord();
    if (!rec) return say(status, 'Select an event card first, then copy it.', 'error');
    const text = how === 'json' ? JSON.stringify(rec.event, null, 2) : eventSummary(rec);
    const done = await copyText(text, bar);
    const what = `${rec.eventId} as ${how === 'json' ? 'JSON' : 'text'}`;
    if (done === 'manual') say(status, `The clipboard is not available here: select the text below and copy it (${what}).`, 'warn');
    else say(status, `Copied ${what}.`, 'copied');
    bar.dataset.copied = how;
  };

  const group = el('div', 'export-group');
  group.setAttribute('role', 'group');
  group.setAttribute('aria-label', 'Export this article');
  group.append(el('span', 'export-label', 'Export this article'),
    button('JSON', 'Download the analysis as JSON (the core\'s schema)', save('json'), { format: 'json' }),
    button('CSV', 'Download the events as CSV with ACLED columns, one row per event', save('csv'), { format: 'csv' }),
    button('GeoJSON', 'Download the geocoded events as GeoJSON points', save('geojson'), { format: 'geojson' }));

  const copyGroup = el('div', 'export-group');
  copyGroup.setAttribute('role', 'group');
  copyGroup.setAttribute('aria-label', 'Copy the selected event');
  copyGroup.append(el('span', 'export-label', 'Copy selected event'),
    button('as JSON', 'Copy the selected event card\'s event as JSON', copy('json'), { copy: 'json' }),
    button('as text', 'Copy the selected event card\'s event as a one-line summary', copy('text'), { copy: 'text' }));

  bar.replaceChildren(group, copyGroup, status);

  const refresh = () => {
    const doc = currentDoc();
    for (const b of group.querySelectorAll('button')) b.disabled = !doc;
    const sel = Boolean(doc && document.querySelector('#events .event-card[aria-pressed="true"]'));
    for (const b of copyGroup.querySelectorAll('button')) b.disabled = !sel;
    copyGroup.title = sel ? '' : 'Select an event card to copy it';
    const manual = bar.querySelector('.export-manual');
    if (manual && !sel) manual.hidden = true;
  };
  refresh();
  on('current', refresh);
  // the selection lives in the cards (events.js): follow it
  const events = document.getElementById('events');
  if (events) {
    new MutationObserver(refresh).observe(events, { subtree: true, childList: true, attributes: true, attributeFilter: ['aria-pressed'] });
  }
}

// ---- every loaded article ------------------------------------------------------------

function renderCollectionBar(bar) {
  const status = el('span', 'export-status');
  status.setAttribute('role', 'status');
  status.setAttribute('aria-live', 'polite');
  const summary = el('span', 'export-label');
  const docs = () => (store.collection || []).filter((it) => it && it.analysis);

  const save = (format) => () => {
    const items = store.collection || [];
    const done = docs();
    if (!done.length) return say(status, 'No analysed article yet.', 'error');
    const nEvents = done.reduce((n, d) => n + d.analysis.events.length, 0);
    let content, name, what;
    if (format === 'json') {
      content = collectionJSON(items);
      name = fileName('articles', 'json');
      what = plural(items.length, 'article');
    } else if (format === 'csv') {
      content = toCSV(done);
      name = fileName('events', 'csv');
      what = `${plural(nEvents, 'event')} from ${plural(done.length, 'article')}`;
    } else {
      content = toGeoJSON(done);
      name = fileName('events', 'geojson');
      what = `${plural(JSON.parse(content).features.length, 'geocoded event')} of ${nEvents}`;
    }
    download(content, name, MIME[format]);
    const pending = items.length - done.length;
    say(status, `Saved ${name}: ${what}${pending && format !== 'json' ? ` (${pending} not analysed left out)` : ''}.`);
  };

  const group = el('div', 'export-group');
  group.setAttribute('role', 'group');
  group.setAttribute('aria-label', 'Export every article');
  group.append(summary,
    button('JSON', 'Download every article\'s analysis as a JSON array of { id, name, reference_date, result, error }', save('json'), { format: 'json' }),
    button('CSV', 'Download every event as CSV with ACLED columns, one row per event', save('csv'), { format: 'csv' }),
    button('GeoJSON', 'Download every geocoded event as GeoJSON points', save('geojson'), { format: 'geojson' }));
  bar.replaceChildren(group, status);

  const refresh = () => {
    const items = store.collection || [];
    const done = docs();
    const nEvents = done.reduce((n, d) => n + d.analysis.events.length, 0);
    summary.textContent = items.length
      ? `Export ${plural(done.length, 'analysed article')}${done.length < items.length ? ` of ${items.length}` : ''} (${plural(nEvents, 'event')})`
      : 'Export: no articles loaded';
    for (const b of group.querySelectorAll('button')) b.disabled = !done.length;
  };
  refresh();
  on('collection', refresh);
}

export function initExport() {
  const article = document.getElementById('article-export');
  const collection = document.getElementById('collection-export');
  if (article) renderArticleBar(article);
  if (collection) renderCollectionBar(collection);
}
