// Wiring: inputs → analyze() → article, legend and event cards.

import { loadExamples } from './examples.js';
import { typeOrder, typeStyle } from './labels.js';
import { renderArticle, describeEntity, dateValueText } from './render.js';
import { renderEvents, renderRoleKey, highlightsFor, anchorsFor, renderTypeFilters } from './events.js';
import { groupEntities, renderEntityIndex, describeEntry } from './entities.js';
import { emit, on, store } from './store.js';
import { initTabs, show } from './tabs.js';
import * as engine from './engine.js';
import { initCollection, addSnapshot, setDragging } from './collection.js';
import { snapshotDrop, isMany, kindOf, readArticles, MAX_FILE_BYTES } from './collection-files.js';
import { initTable } from './table.js';
import { initExport } from './export.js';
import { initMap } from './map.js';
import { initTimeline } from './timeline.js';
import { initLexicon } from './lexicon.js';

const $ = (id) => document.getElementById(id);
const ui = {
  picker: $('example-picker'), refDate: $('ref-date'), fileInput: $('file-input'),
  analyse: $('analyse'), input: $('input'), error: $('error'), status: $('status'),
  legend: $('legend'), details: $('details'), article: $('article'),
  eventCount: $('event-count'), roleKey: $('role-key'), events: $('events'),
  version: $('version'), overlay: $('drop-overlay'),
  refSource: $('ref-date-source'), refReset: $('ref-date-reset'),
  entityIndex: $('entity-index'), entityGroups: $('entity-groups'), entityCount: $('entity-index-count'),
  eventFilters: $('event-filters'),
  fromCollection: $('from-collection'), fromCollectionName: $('from-collection-name'), backToTable: $('back-to-table'),
};

const DEFAULT_DETAILS = ui.details.textContent;
// The input limit (README, "Security and hostile input"): a file of more than 5 MB,
// or pasted text of more than 5 Mi UTF-16 units, is refused with a message
// (MAX_FILE_BYTES, shared with "Many articles", is in collection-files.js).
const MAX_TEXT_UNITS = 5 * 1024 * 1024;
// Longer texts are analysed in a worker (engine.analyzeAsync) so typing never freezes.
const ASYNC_FROM_UNITS = 200_000;
// Lists of more events than this lay out only the cards in view (style.css, .events.long).
const LONG_EVENT_LIST = 150;
const tooLargeMessage = (what, size) =>
  `${what} is too large (${(size / (1024 * 1024)).toFixed(1)} MB); the limit is 5 MB. Split it into articles and analyse them one at a time.`;

const state = {
  engine: null,        // the wasm module, once loaded
  text: '',            // the text the current analysis was made from
  name: '',            // where it came from: an example's or a file's name, '' when typed
  analysis: null,
  selectedEvent: null, // id of the selected event card
  hidden: new Set(),   // entity types toggled off in the legend
  hiddenEventTypes: new Set(), // event types toggled off in the filters
  groups: [],          // the entity index (entities.js groupEntities)
  pickedEntity: null,  // key of the entity picked in the index
  autoRef: '',         // what the reference-date field was filled with from the analysis
  examples: [],
  pending: null,       // { controller } of a worker analysis in flight
  seq: 0,              // bumped by every analysis started: a late result is dropped
};

function showError(message) {
  ui.error.textContent = message;
  ui.error.hidden = !message;
}

function setStatus(message, kind) {
  ui.status.textContent = message;
  ui.status.dataset.state = kind;
}

function formatMs(ms) {
  return ms < 10 ? ms.toFixed(1) : String(Math.round(ms));
}

function bumpRuns() {
  ui.article.dataset.runs = String(Number(ui.article.dataset.runs || 0) + 1);
}

function emptyState(message) {
  const p = document.createElement('p');
  p.className = 'empty';
  p.textContent = message;
  return p;
}

function clearResults(articleMessage, eventsMessage) {
  state.analysis = null;
  state.selectedEvent = null;
  state.groups = [];
  state.pickedEntity = null;
  ui.entityIndex.hidden = true;
  ui.entityGroups.replaceChildren();
  ui.eventFilters.replaceChildren();
  ui.legend.replaceChildren();
  ui.details.textContent = DEFAULT_DETAILS;
  ui.article.replaceChildren(emptyState(articleMessage));
  ui.eventCount.textContent = '';
  const li = document.createElement('li');
  li.append(emptyState(eventsMessage));
  ui.events.replaceChildren(li);
}

// ---- reference date --------------------------------------------------------
// The field is either "auto" (it shows the reference date the analysis used, taken
// from the dateline, or nothing) or "user" (the date the user set, passed to analyze).

/** The reference date to pass to analyze, or '' to let the engine use the dateline. */
function givenRefDate() {
  const v = ui.refDate.value.trim();
  if (ui.refDate.dataset.source === 'user') return v;
  // In auto mode the field holds what the last analysis used; anything else in it was
  // put there by the user (or a script) without a change event.
  return v === state.autoRef ? '' : v;
}

/** Show where the reference date comes from; in auto mode, fill the field with it. */
function showRefDate(used, given, hasDateline = false) {
  if (given) {
    ui.refDate.dataset.source = 'user';
    ui.refSource.dataset.source = 'given';
    ui.refSource.textContent = 'set by you';
  } else {
    ui.refDate.dataset.source = 'auto';
    ui.refDate.value = used || '';
    state.autoRef = ui.refDate.value;
    ui.refSource.dataset.source = used ? 'dateline' : 'none';
    ui.refSource.textContent = used ? 'from the dateline' : 'none: relative dates stay unresolved';
  }
  ui.refReset.hidden = !given;
  ui.refReset.textContent = hasDateline ? 'Use dateline' : 'Clear';
}

/** Back to auto mode (a new article brings its own dateline). */
function resetRefDate() {
  ui.refDate.dataset.source = 'auto';
  ui.refDate.value = '';
  state.autoRef = '';
}

// ---- analysis ------------------------------------------------------------

/**
 * Analyse the text in the input and show it. Short texts are analysed at once; long ones
 * (over ASYNC_FROM_UNITS) in a worker, with an "analysing…" status meanwhile. Resolves
 * once the results are shown (or when a newer analysis has superseded this one).
 */
function analyse() {
  if (!state.engine) return Promise.resolve();
  const text = ui.input.value;
  const refDate = givenRefDate();
  const seq = ++state.seq;
  if (state.pending) { state.pending.controller.abort(); state.pending = null; }
  showError('');
  if (text.length > MAX_TEXT_UNITS) {
    state.text = text;
    clearResults('The text was not analysed: it is over the 5 MB limit.', 'No events.');
    showError(tooLargeMessage('The text', text.length));
    setStatus('Text too large: not analysed.', 'error');
    bumpRuns();
    return Promise.resolve();
  }
  if (!text.trim()) {
    if (!refDate) showRefDate('', false);
    state.text = text;
    clearResults('Nothing to analyse yet. Paste an article above, choose an example or drop a .txt file on the page.',
      'Events found in the article will be listed here.');
    setStatus('Ready.', 'empty');
    bumpRuns();
    return Promise.resolve();
  }
  const options = refDate ? { referenceDate: refDate } : undefined;
  const t0 = performance.now();
  if (text.length > ASYNC_FROM_UNITS && engine.mode() === 'worker') {
    const controller = new AbortController();
    state.pending = { controller };
    setStatus(`Analysing… (${Math.round(text.length / 1000).toLocaleString('en')} thousand characters, in the background)`, 'busy');
    return engine.analyzeAsync(text, options, { signal: controller.signal }).then(
      (analysis) => { if (seq === state.seq) { state.pending = null; showAnalysis(text, refDate, analysis, performance.now() - t0); } },
      (err) => { if (seq === state.seq && err.name !== 'AbortError') { state.pending = null; showFailure(text, refDate, err); } },
    );
  }
  let analysis;
  try {
    analysis = engine.analyze(text, options);
  } catch (err) {
    showFailure(text, refDate, err);
    return Promise.resolve();
  }
  showAnalysis(text, refDate, analysis, performance.now() - t0);
  return Promise.resolve();
}

function showFailure(text, refDate, err) {
  state.text = text;
  showRefDate('', Boolean(refDate));
  clearResults('The article could not be analysed (see the error above).', 'No events.');
  showError(`Analysis failed: ${err && err.message ? err.message : String(err)}`);
  setStatus('Analysis failed.', 'error');
  bumpRuns();
}

function showAnalysis(text, refDate, analysis, ms) {
  // Keep the selected card across re-analysis only if the same trigger is still an event
  // (ids are renumbered when the text changes).
  const prev = state.analysis && state.analysis.events.find((e) => e.id === state.selectedEvent);
  const same = prev && analysis.events.find((e) => e.trigger && prev.trigger
    && e.trigger.start === prev.trigger.start && e.trigger.end === prev.trigger.end && e.type === prev.type);
  state.selectedEvent = same && text === state.text ? same.id : null;
  state.text = text;
  state.analysis = analysis;
  showRefDate(analysis.reference_date || '', Boolean(refDate), Boolean(analysis.dateline));
  state.groups = groupEntities(analysis.entities);
  if (!findEntry(state.pickedEntity)) state.pickedEntity = null;
  if (prev && state.selectedEvent && state.hiddenEventTypes.has(prev.type)) state.selectedEvent = null;

  let ref;
  if (!analysis.reference_date) ref = 'no reference date (relative dates stay unresolved)';
  else if (refDate) ref = `reference date ${analysis.reference_date} (given)`;
  else if (analysis.dateline) ref = `reference date ${analysis.reference_date} (from the dateline)`;
  else ref = `reference date ${analysis.reference_date}`;
  const nE = analysis.entities.length, nV = analysis.events.length;
  setStatus(`Analysed in ${formatMs(ms)} ms · ${ref} · ${nE} entit${nE === 1 ? 'y' : 'ies'} · ${nV} event${nV === 1 ? '' : 's'}`, 'ready');
  ui.status.dataset.ms = formatMs(ms);
  ui.status.dataset.referenceDate = analysis.reference_date || '';

  renderLegend();
  renderEntityList();
  renderText();
  renderEventList();
  bumpRuns();
  emit('current', { name: state.name || '', text, analysis });
}

function findEntry(key) {
  if (!key) return null;
  for (const g of state.groups) for (const x of g.entries) if (x.key === key) return x;
  return null;
}

function renderText() {
  const a = state.analysis;
  if (!a) return;
  const ev = a.events.find((e) => e.id === state.selectedEvent);
  const entry = findEntry(state.pickedEntity);
  renderArticle(ui.article, state.text, a.entities, {
    hidden: state.hidden,
    highlights: ev ? highlightsFor(ev) : [],
    anchors: anchorsFor(a.events, { hiddenTypes: state.hiddenEventTypes, selectedId: state.selectedEvent }),
    picked: new Set(entry ? entry.ids : []),
  });
}

function renderEntityList() {
  const total = state.groups.reduce((n, g) => n + g.entries.length, 0);
  ui.entityIndex.hidden = total === 0;
  ui.entityCount.textContent = total ? `(${total})` : '';
  renderEntityIndex(ui.entityGroups, state.groups, { pickedKey: state.pickedEntity });
}

function renderEventList() {
  const a = state.analysis;
  const total = a.events.length;
  const shown = a.events.filter((e) => !state.hiddenEventTypes.has(e.type)).length;
  ui.eventCount.textContent = !total ? '' : shown === total ? `(${total})` : `(${shown} of ${total} shown)`;
  renderTypeFilters(ui.eventFilters, a.events, { hiddenTypes: state.hiddenEventTypes });
  ui.events.classList.toggle('long', total > LONG_EVENT_LIST);
  if (!total) {
    const li = document.createElement('li');
    li.append(emptyState('No events found in this article.'));
    ui.events.replaceChildren(li);
    return;
  }
  renderEvents(ui.events, a.events, { selectedId: state.selectedEvent, hiddenTypes: state.hiddenEventTypes });
  if (!shown) {
    const li = document.createElement('li');
    li.className = 'all-hidden';
    li.append(emptyState('Every event is hidden by the type filters above.'));
    ui.events.append(li);
  }
}

function renderLegend() {
  const a = state.analysis;
  const counts = new Map();
  for (const e of a.entities) counts.set(e.type, (counts.get(e.type) || 0) + 1);
  const frag = document.createDocumentFragment();
  for (const type of typeOrder(a.entities)) {
    const n = counts.get(type) || 0;
    const style = typeStyle(type);
    const b = document.createElement('button');
    b.type = 'button';
    b.className = 'legend-item';
    b.dataset.type = type;
    b.disabled = n === 0;
    b.setAttribute('aria-pressed', String(!state.hidden.has(type)));
    b.title = n ? `${state.hidden.has(type) ? 'Show' : 'Hide'} ${style.name.toLowerCase()} highlights` : `No ${style.name.toLowerCase()} found`;
    b.style.setProperty('--bg', style.bg);
    b.style.setProperty('--fg', style.fg);
    const swatch = document.createElement('span');
    swatch.className = 'swatch';
    swatch.textContent = style.label;
    const name = document.createElement('span');
    name.className = 'name';
    name.textContent = style.name;
    const count = document.createElement('span');
    count.className = 'n';
    count.textContent = String(n);
    b.append(swatch, name, count);
    frag.append(b);
  }
  ui.legend.replaceChildren(frag);
}

// ---- interactions ----------------------------------------------------------

let debounce = 0;
function scheduleAnalyse() {
  clearTimeout(debounce);
  // a long text takes a while to show again: wait for a longer pause in the typing
  debounce = setTimeout(analyse, ui.input.value.length > ASYNC_FROM_UNITS ? 1000 : 250);
}

function analyseNow() {
  clearTimeout(debounce);
  return analyse();
}

function flash(node) {
  node.classList.remove('flash');
  void node.offsetWidth; // restart the animation
  node.classList.add('flash');
  setTimeout(() => node.classList.remove('flash'), 1300);
}

/**
 * Scroll an event card into view. In a long list (cards out of view not laid out, their
 * heights guessed) a smooth scroll would aim at a guessed place: jump, then once the
 * cards around are laid out, jump again to where the card really is.
 */
function revealCard(card, block = 'nearest') {
  if (!ui.events.classList.contains('long')) {
    card.scrollIntoView({ block, behavior: 'smooth' });
    return;
  }
  card.scrollIntoView({ block });
  requestAnimationFrame(() => requestAnimationFrame(() => { if (card.isConnected) card.scrollIntoView({ block }); }));
}

const anchorSel = (id) => `.ev-anchor[data-event="${CSS.escape(id)}"]`;
const cardSel = (id) => `.event-card[data-id="${CSS.escape(id)}"]`;

/**
 * Select (or, when it is already selected, deselect) an event. From a card, the text
 * scrolls to its trigger; from the text (its trigger), the list scrolls to its card.
 */
function selectEvent(id, from = 'card') {
  state.selectedEvent = state.selectedEvent === id ? null : id;
  renderText();
  for (const c of ui.events.querySelectorAll('.event-card')) {
    c.setAttribute('aria-pressed', String(c.dataset.id === state.selectedEvent));
  }
  if (from === 'text') {
    // the text was re-rendered: keep the keyboard focus on the trigger that was used
    const anchor = ui.article.querySelector(anchorSel(id));
    if (anchor) anchor.focus({ preventScroll: true });
    if (!state.selectedEvent) return;
    const card = ui.events.querySelector(cardSel(id));
    if (card) {
      revealCard(card);
      flash(card);
    }
    return;
  }
  if (!state.selectedEvent) return;
  const target = ui.article.querySelector('.hl-trigger') || ui.article.querySelector('.hl');
  if (target) {
    target.scrollIntoView({ block: 'center', behavior: 'smooth' });
    target.classList.add('flash');
  }
}

/** Pick (or unpick) an entry of the entity index: its mentions are picked out in the text. */
function pickEntity(key) {
  state.pickedEntity = state.pickedEntity === key ? null : key;
  for (const b of ui.entityGroups.querySelectorAll('.ent-chip')) {
    b.setAttribute('aria-pressed', String(b.dataset.key === state.pickedEntity));
  }
  renderText();
  const entry = findEntry(state.pickedEntity);
  if (!entry) { ui.details.textContent = DEFAULT_DETAILS; return; }
  ui.details.replaceChildren();
  const q = document.createElement('q');
  q.textContent = entry.name;
  ui.details.append(q, document.createTextNode(` — ${describeEntry(entry)}`));
  const first = ui.article.querySelector('mark.entity.picked');
  if (first) {
    first.scrollIntoView({ block: 'center', behavior: 'smooth' });
    flash(first);
  }
}

function showEntityDetails(mark) {
  const a = state.analysis;
  if (!a || !mark) return;
  const e = a.entities.find((x) => x.id === mark.dataset.id);
  if (!e) return;
  ui.details.replaceChildren();
  const q = document.createElement('q');
  q.textContent = e.text;
  ui.details.append(q);
  if (e.type === 'DATE') {
    const v = document.createElement('span');
    v.className = e.value ? 'date-value' : 'date-value unresolved';
    v.textContent = ` → ${dateValueText(e)}`;
    ui.details.append(v);
  }
  ui.details.append(document.createTextNode(` — ${describeEntity(e)}`));
}

async function loadFile(file) {
  if (!file) return;
  const kind = kindOf(file.name);
  if (kind && kind !== 'text' && file.size <= MAX_FILE_BYTES) {
    // a web page or JSON: its text (one article here, several go to "Many articles")
    const { articles, problems } = await readArticles(file);
    if (articles.length === 1) {
      const a = articles[0];
      ui.input.value = a.text;
      ui.picker.value = '';
      state.name = file.name;
      resetRefDate();
      if (a.referenceDate) { ui.refDate.value = a.referenceDate; ui.refDate.dataset.source = 'user'; }
      analyseNow();
    } else if (articles.length > 1) {
      show('collection');
      addSnapshot([{ file, path: file.name }]);
    } else {
      showError(`“${file.name}” holds no article${problems[0] && problems[0].detail ? ` (${problems[0].detail})` : ''}.`);
    }
    return;
  }
  const looksText = kind === 'text' || (file.type || '').startsWith('text/');
  if (!looksText) {
    showError(`“${file.name}” is not a plain-text file: please load a .txt file.`);
    return;
  }
  if (file.size > MAX_FILE_BYTES) {
    showError(tooLargeMessage(`“${file.name}”`, file.size));
    return;
  }
  try {
    ui.input.value = await file.text();
  } catch (err) {
    showError(`Could not read “${file.name}”: ${err && err.message ? err.message : err}`);
    return;
  }
  ui.picker.value = '';
  state.name = file.name;
  resetRefDate();
  analyseNow();
}

function wire() {
  ui.input.addEventListener('input', () => { showFromCollection(null); scheduleAnalyse(); });
  ui.backToTable.addEventListener('click', () => {
    show('collection');
    const row = document.querySelector('#tbl tbody tr.opened');
    if (row) { row.scrollIntoView({ block: 'center' }); row.focus({ preventScroll: true }); }
  });
  ui.analyse.addEventListener('click', analyseNow);
  ui.refDate.addEventListener('change', () => {
    // an emptied field goes back to the dateline; any date typed or picked is the user's
    // (the date it already shows from the dateline is no change)
    if (!ui.refDate.value) resetRefDate();
    else if (ui.refDate.dataset.source === 'auto' && ui.refDate.value === state.autoRef) return;
    else ui.refDate.dataset.source = 'user';
    analyseNow();
  });
  ui.refReset.addEventListener('click', () => {
    resetRefDate();
    analyseNow();
    ui.refDate.focus();
  });
  ui.picker.addEventListener('change', () => {
    showFromCollection(null);
    const ex = state.examples.find((x) => x.file === ui.picker.value);
    if (!ex) return;
    ui.input.value = ex.text;
    state.name = ex.file;
    resetRefDate();
    analyseNow();
  });
  ui.fileInput.addEventListener('change', () => {
    const file = ui.fileInput.files && ui.fileInput.files[0];
    loadFile(file).finally(() => { ui.fileInput.value = ''; });
  });

  ui.legend.addEventListener('click', (ev) => {
    const b = ev.target.closest('.legend-item');
    if (!b || b.disabled) return;
    const type = b.dataset.type;
    if (state.hidden.has(type)) state.hidden.delete(type); else state.hidden.add(type);
    const shown = !state.hidden.has(type);
    b.setAttribute('aria-pressed', String(shown));
    b.title = `${shown ? 'Hide' : 'Show'} ${typeStyle(type).name.toLowerCase()} highlights`;
    for (const m of ui.article.querySelectorAll('mark.entity')) {
      if (m.dataset.type === type) m.classList.toggle('muted', !shown);
    }
  });

  ui.entityGroups.addEventListener('click', (ev) => {
    const b = ev.target.closest('.ent-chip');
    if (b) pickEntity(b.dataset.key);
  });

  ui.eventFilters.addEventListener('click', (ev) => {
    const b = ev.target.closest('.type-filter');
    if (!b || !state.analysis) return;
    const type = b.dataset.type;
    if (state.hiddenEventTypes.has(type)) state.hiddenEventTypes.delete(type); else state.hiddenEventTypes.add(type);
    const sel = state.analysis.events.find((e) => e.id === state.selectedEvent);
    if (sel && state.hiddenEventTypes.has(sel.type)) state.selectedEvent = null;
    renderEventList();
    renderText();
    const again = ui.eventFilters.querySelector(`.type-filter[data-type="${CSS.escape(type)}"]`);
    if (again) again.focus();
  });

  const onCard = (ev) => {
    const c = ev.target.closest('.event-card');
    if (c) selectEvent(c.dataset.id);
  };
  ui.events.addEventListener('click', onCard);
  ui.events.addEventListener('keydown', (ev) => {
    if (ev.key === 'Enter' || ev.key === ' ') { ev.preventDefault(); onCard(ev); }
  });

  const onMark = (ev) => showEntityDetails(ev.target.closest && ev.target.closest('mark.entity'));
  ui.article.addEventListener('mouseover', onMark);
  ui.article.addEventListener('focusin', onMark);
  const anchorOf = (ev) => ev.target.closest && ev.target.closest('.ev-anchor');
  ui.article.addEventListener('click', (ev) => {
    const a = anchorOf(ev);
    if (a) selectEvent(a.dataset.event, 'text'); else onMark(ev);
  });
  ui.article.addEventListener('keydown', (ev) => {
    if (ev.key !== 'Enter' && ev.key !== ' ') return;
    const a = anchorOf(ev);
    if (!a) return;
    ev.preventDefault();
    selectEvent(a.dataset.event, 'text');
  });

  // Drag and drop a file anywhere on the page. Text dragged into the textarea keeps
  // its default behaviour: only drags carrying files are intercepted.
  const hasFiles = (ev) => ev.dataTransfer && [...ev.dataTransfer.types].includes('Files');
  let depth = 0;
  window.addEventListener('dragenter', (ev) => {
    if (!hasFiles(ev)) return;
    ev.preventDefault();
    depth += 1;
    ui.overlay.querySelector('p').textContent = store.view === 'collection'
      ? 'Drop files or folders to add them to the collection'
      : 'Drop a .txt file to analyse it (several files or a folder: “Many articles”)';
    ui.overlay.hidden = false;
    setDragging(true);
  });
  window.addEventListener('dragover', (ev) => {
    if (!hasFiles(ev)) return;
    ev.preventDefault();
    ev.dataTransfer.dropEffect = 'copy';
  });
  window.addEventListener('dragleave', (ev) => {
    if (!hasFiles(ev)) return;
    depth = Math.max(0, depth - 1);
    if (depth === 0) { ui.overlay.hidden = true; setDragging(false); }
  });
  window.addEventListener('drop', (ev) => {
    if (!hasFiles(ev)) return;
    ev.preventDefault();
    depth = 0;
    ui.overlay.hidden = true;
    setDragging(false);
    // the entries must be taken now: the DataTransfer is emptied after this handler
    const snapshot = snapshotDrop(ev.dataTransfer);
    if (store.view === 'collection' || isMany(snapshot)) {
      if (store.view !== 'collection') show('collection');
      addSnapshot(snapshot);
      return;
    }
    loadFile(ev.dataTransfer.files[0] || (snapshot[0] && snapshot[0].file));
  });
}

// ---- an event of the collection, opened in the reading view -------------------------

/**
 * Answer emit('open', { docId, eventId }) (the events table, the map, the timeline): load
 * that article with its reference date, analyse it, select the event, show its trigger.
 */
/** The "back to the events table" line over the article, for an article of the collection. */
function showFromCollection(doc) {
  ui.fromCollection.hidden = !doc;
  ui.fromCollectionName.textContent = doc ? `Article “${doc.name}” of Many articles` : '';
}

async function openFromCollection(req) {
  // The map and timeline of the article being read ask with no docId: select it here.
  if (req && req.docId == null) {
    const ev = state.analysis && state.analysis.events.find((e) => e.id === req.eventId);
    if (!ev) return;
    if (state.hiddenEventTypes.has(ev.type)) {
      state.hiddenEventTypes.delete(ev.type);
      renderEventList();
    }
    state.selectedEvent = null;
    selectEvent(ev.id);
    const card = ui.events.querySelector(cardSel(ev.id));
    if (card) flash(card);
    return;
  }
  const doc = req && (store.collection || []).find((d) => d.id === req.docId);
  if (!doc || !state.engine) return;
  showFromCollection(doc);
  const want = doc.analysis && doc.analysis.events.find((e) => e.id === req.eventId);
  clearTimeout(debounce);
  ui.input.value = doc.text;
  ui.picker.value = '';
  state.name = doc.name;
  if (doc.referenceDate) {
    ui.refDate.value = doc.referenceDate;
    ui.refDate.dataset.source = 'user';
  } else {
    resetRefDate();
  }
  state.selectedEvent = null;
  state.pickedEntity = null;
  await analyse();
  if (!state.analysis || state.text !== doc.text) return; // superseded meanwhile
  // the same text, date and lexicon give the same ids; match on the trigger all the same
  const sameTrigger = (e) => want && e.trigger && want.trigger && e.type === want.type
    && e.trigger.start === want.trigger.start && e.trigger.end === want.trigger.end;
  const ev = state.analysis.events.find(sameTrigger) || state.analysis.events.find((e) => e.id === req.eventId);
  if (!ev) return;
  if (state.hiddenEventTypes.has(ev.type)) {
    state.hiddenEventTypes.delete(ev.type);
    renderEventList();
  }
  state.selectedEvent = null;
  const card = ui.events.querySelector(cardSel(ev.id));
  const panel = ui.events.closest('.events-panel');
  if (card && panel && panel.scrollHeight > panel.clientHeight) {
    const place = () => { panel.scrollTop += card.getBoundingClientRect().top - panel.getBoundingClientRect().top - 48; };
    place();
    if (ui.events.classList.contains('long')) requestAnimationFrame(() => requestAnimationFrame(place));
  }
  selectEvent(ev.id);
  if (card) flash(card);
}

async function fillPicker() {
  state.examples = await loadExamples(new URL('../examples/', import.meta.url).href);
  for (const ex of state.examples) {
    const opt = document.createElement('option');
    opt.value = ex.file;
    opt.textContent = ex.day ? `${ex.day} — ${ex.title}` : ex.title;
    ui.picker.append(opt);
  }
  if (!state.examples.length) ui.picker.disabled = true;
}

async function main() {
  renderRoleKey(ui.roleKey);
  wire();
  initTabs();
  // after initTabs: its own 'open' listener shows the reading view first
  on('open', (req) => { openFromCollection(req).catch((err) => console.error('depeche: could not open the event', err)); });
  // a new user lexicon: read the article again
  on('lexicon', () => { if (state.engine && ui.input.value.trim()) analyseNow(); });
  clearResults('Nothing to analyse yet. Paste an article above, choose an example or drop a .txt file on the page.',
    'Events found in the article will be listed here.');
  const examples = fillPicker().catch(() => { ui.picker.disabled = true; });
  try {
    const { version, readyMs } = await engine.loadEngine();
    ui.version.textContent = `${version} (engine ready in ${Math.round(readyMs)} ms)`;
    state.engine = engine;
  } catch (err) {
    ui.analyse.disabled = true;
    setStatus('The analysis engine is not available.', 'error');
    showError('Could not load the analysis engine (www/pkg/depeche.js and depeche_bg.wasm). '
      + 'Build it with “make site”, then reload. ' + (err && err.message ? `(${err.message})` : ''));
    return;
  }
  for (const init of [initCollection, initTable, initExport, initMap, initTimeline, initLexicon]) {
    try { init(); } catch (err) { console.error('depeche: a part of the page failed to start', err); }
  }
  await examples;
  analyseNow();
}

main();
